"""`newsproc render`: a self-contained right-to-left page per article, every actor mention marked, text
escaped, tags well nested; a folder of pages with an index; records rendered without a second analysis."""
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import newsproc
from newsproc.output.html import article_page

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "000_efdb9537e2f129eb.txt"
ARTICLE = ("وزير الخارجية المصري يزور عمان\n\n"
           "قال وزير الخارجية المصري سامح شكري إن القاهرة ترفض الهجوم على غزة، وأدان الاعتداء على المدنيين.\n")
VOID = {"meta", "br", "img", "input", "link", "hr"}


class Page(HTMLParser):
    """The elements of a page, checking that every end tag closes the element opened last."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.elements, self.scripts, self.problems = [], [], [], []
        self.feed(html)
        self.close()
        assert not self.problems and not self.stack, (self.problems, self.stack)

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag == "script":
            self.scripts.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1]["tag"] != tag:
            self.problems.append(tag)
            return
        self.stack.pop()

    def handle_data(self, data):
        for element in self.stack:
            element["text"] += data

    def all(self, tag, **attrs):
        return [e for e in self.elements if e["tag"] == tag
                and all(e["attrs"].get(k.replace("_", "-")) == v for k, v in attrs.items())]


def marks_of(page: Page, actor_id: str) -> list[str]:
    return [m["text"] for m in page.elements if m["tag"] == "mark" and m["attrs"].get("data-actor") == actor_id]


def cli(*args):
    result = subprocess.run([sys.executable, "-m", "newsproc", *map(str, args)], capture_output=True, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def test_the_page_is_right_to_left_and_marks_every_mention_of_every_actor_with_its_text():
    record = newsproc.analyze_text(SEED.read_text(encoding="utf-8"), id="seed")
    page = Page(article_page(record))
    assert page.all("html")[0]["attrs"] == {"lang": "ar", "dir": "rtl"}
    for actor in record["actors"]:
        marked = marks_of(page, actor["id"])
        assert marked == [m["text"] for m in actor["mentions"]], actor["name"]
        assert all(page.all("mark", data_actor=actor["id"])[0]["attrs"]["class"] == f"ent t-{actor['type']}"
                   for _ in marked)
    rows = {row["attrs"]["data-actor"]: row["text"] for row in page.all("tr") if "data-actor" in row["attrs"]}
    blinken = next(a for a in record["actors"] if a["name"] == "أنتوني بلينكن")
    assert "وزير الخارجية" in rows[blinken["id"]] and rows[blinken["id"]].strip().endswith("2")


def test_statements_show_their_speaker_on_hover_and_keyboard_focus_and_events_their_cameo_code():
    record = newsproc.analyze_text(ARTICLE, id="a")
    page = Page(article_page(record))
    statement = page.all("span", data_statement="S1", tabindex="0")[0]
    assert "سامح شكري" in statement["attrs"]["data-tip"] and "سامح شكري" in statement["attrs"]["title"]
    assert statement["text"] == "القاهرة ترفض الهجوم على غزة"
    codes = {e["attrs"]["data-label"].split()[0] for e in page.elements if "data-event" in e["attrs"]}
    assert codes == {e["cameo"] for e in record["events"]} and codes


def test_article_text_is_escaped_so_markup_in_an_article_shows_as_text():
    hostile = ('قال الوزير إن <script>alert("x")</script> مرفوض، و"><img src=x onerror=alert(1)> '
               "كذلك &amp; غيره\n")
    record = newsproc.analyze_text(hostile, id='<b id="x">')
    html = article_page(record)
    page = Page(html)
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]["text"]
    assert not page.all("img") and not page.all("b")
    assert '<script>alert("x")</script>' in page.all("article")[0]["text"]
    assert "&amp;amp;" in html and '&lt;b id="x"&gt;' in html.replace("&quot;", '"')


def test_crossing_statement_and_mention_spans_are_cut_into_well_nested_pieces():
    record = {"schema": "newsproc.article/1", "id": "x", "source": {}, "title": None, "date": None,
              "stats": {}, "warnings": [], "text": "قال الرئيس إن مصر قوية جدا",
              "structure": [{"type": "paragraph", "start": 0, "end": 26}],
              "actors": [{"id": "A1", "type": "country", "name": "مصر", "code": "EG", "cameo": "EGY", "roles": [],
                          "mentions": [{"start": 14, "end": 22, "text": "مصر قوية", "sentence": 0, "form": "name"}]}],
              "statements": [{"id": "S1", "speakers": [], "speaker_text": "الرئيس", "cue": "قال", "kind": "indirect",
                              "start": 8, "end": 17, "cue_start": 0, "cue_end": 3, "negated": False}],
              "events": []}
    page = Page(article_page(record))  # Page asserts the nesting
    assert "".join(marks_of(page, "A1")) == "مصر قوية"
    assert len(page.all("mark", data_actor="A1")) == 2 and len(page.all("span", data_statement="S1", tabindex="0")) == 1


def test_render_one_file_to_a_page_and_a_folder_to_pages_with_an_index(tmp_path):
    status, out, err = cli("render", SEED, "-o", tmp_path / "seed.html")
    assert status == 0 and not out and "Traceback" not in err
    assert "أنتوني بلينكن" in (tmp_path / "seed.html").read_text(encoding="utf-8")

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "two.jsonl").write_text(
        json.dumps({"id": "j1", "title": "عنوان", "text": "قال الرئيس الفرنسي إن باريس تدعم الاتفاق."},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    status, _, err = cli("render", folder, "-o", tmp_path / "pages")
    assert status == 1 and "Traceback" not in err and "3 articles, 1 failed" in err
    index = Page((tmp_path / "pages" / "index.html").read_text(encoding="utf-8"))
    links = {a["attrs"]["href"]: a["text"] for a in index.all("a")}
    assert links == {"good.html": "وزير الخارجية المصري يزور عمان", "j1.html": "عنوان"}
    assert all((tmp_path / "pages" / href).is_file() for href in links)
    assert any("empty_input" in row["text"] for row in index.all("tr"))
    assert not [p for p in (tmp_path / "pages").iterdir() if p.name.startswith(".")]


def test_records_from_analyze_render_without_a_second_analysis(tmp_path):
    assert cli("analyze", SEED, "-o", tmp_path / "records")[0] == 0
    status, _, _ = cli("render", "--records", tmp_path / "records", "-o", tmp_path / "from_records")
    assert status == 0
    status, _, _ = cli("render", SEED, "-o", tmp_path / "direct")
    name = f"{SEED.stem}.html"
    assert (tmp_path / "from_records" / name).read_bytes() == (tmp_path / "direct" / name).read_bytes()


def test_several_articles_to_one_page_is_a_usage_error(tmp_path):
    status, out, err = cli("render", SAMPLES)
    assert status == 2 and not out and "-o DIR" in err and "Traceback" not in err


def test_records_on_standard_input_render_to_standard_output():
    record = newsproc.analyze_text(ARTICLE, id="piped")
    result = subprocess.run([sys.executable, "-m", "newsproc", "render", "--records", "-"], timeout=300,
                            input=json.dumps(record, ensure_ascii=False).encode("utf-8"), capture_output=True)
    page = Page(result.stdout.decode("utf-8"))
    assert result.returncode == 0 and "سامح شكري" in [m["text"] for m in page.all("mark")]


def test_incomplete_or_foreign_records_are_failed_inputs_not_tracebacks(tmp_path):
    lines = [{"schema": "newsproc.article/1", "id": "x", "text": "نص"},
             {"schema": "newsproc.article/1", "id": 5, "actors": [{"id": 1}], "statements": [], "events": [],
              "text": "نص"},
             {"error": "not an object"}, {"schema": "other/1"}, ["a list"]]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n{broken\n", encoding="utf-8")
    status, _, err = cli("render", "--records", path, "-o", tmp_path / "pages")
    assert status == 1 and "Traceback" not in err and "6 articles, 6 failed" in err
    index = (tmp_path / "pages" / "index.html").read_text(encoding="utf-8")
    assert index.count('class="failed"') == 6 and "missing field" in index


def test_rendering_time_grows_linearly_with_the_number_of_marks_in_one_paragraph():
    """A guard against work that grows with the square of the marks (a long one-line article), not a speed
    measurement."""
    import time

    def record(count):
        text = " ".join(["مصر"] * count)
        mentions = [{"start": 4 * i, "end": 4 * i + 3, "text": "مصر", "sentence": 0, "form": "name"}
                    for i in range(count)]
        return {"schema": "newsproc.article/1", "id": "x", "source": {}, "title": None, "date": None, "stats": {},
                "warnings": [], "text": text, "structure": [{"type": "paragraph", "start": 0, "end": len(text)}],
                "actors": [{"id": "A1", "type": "country", "name": "مصر", "code": "EG", "cameo": "EGY",
                            "roles": [], "mentions": mentions}], "statements": [], "events": []}

    def seconds(count):
        started = time.perf_counter()
        article_page(record(count))
        return time.perf_counter() - started

    ratio = min(seconds(6000) for _ in range(2)) / min(seconds(1500) for _ in range(2))
    assert ratio < 7, f"4x the marks took {ratio:.1f}x the time"
