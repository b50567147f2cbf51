"""A batch over a real archive meets every kind of bad file: each good article still gets its record, each
bad input an error record with a stable code or a warning, the exit status is 1, no traceback reaches the
user, and the run ends in bounded time."""
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import newsproc

ARTICLE = ("قال وزير الخارجية المصري سامح شكري إن القاهرة ترفض الهجوم على غزة.\n\n"
           "وأضاف في مؤتمر صحفي أن الحكومة ستواصل الحوار مع الأمم المتحدة.\n")


def run_cli(*args, timeout=180):
    result = subprocess.run([sys.executable, "-m", "newsproc", *map(str, args)], capture_output=True,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=timeout)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", ARTICLE)
    return buffer.getvalue()


# name -> (bytes, expected error code, or None when a record is expected, with these warning codes)
HOSTILE = {
    "empty.txt": (b"", "empty_input"),
    "blank.txt": (b"  \n\t\n \n", "empty_input"),
    "random.txt": (bytes(range(256)) * 8, "binary_input"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(200)), "binary_input"),
    "archive.txt": (zip_bytes(), "binary_input"),
    "huge_line.txt": (("كلمة " * 10_500_000).encode("utf-8"), "too_large"),   # 50 MB on one line
}
READABLE = {
    "cut_utf8.txt": (ARTICLE.encode("utf-8")[:-3], ["truncated_utf8"]),  # ends inside the last «ة»
    "utf16_no_bom.txt": (ARTICLE.encode("utf-16-le"), []),
    "cp1256.txt": (ARTICLE.encode("cp1256"), []),
    "latin_only.txt": (b"The minister said the talks in Geneva went well.\n", ["little_arabic"]),
    "diacritics.txt": ("قَالَ وَزِيـــــرُ الْخَارِجِيَّةِ الْمِصْرِيُّ سَامِحُ شُكْرِي إِنَّ ﺍﻟﻘﺎﻫﺮﺓ ﻻ تَرْفُضُ ﷲ.\n"
                       .encode("utf-8"), []),
    "brackets.txt": (("قال الوزير " + "(" * 100_000 + " إن مصر ترفض الهجوم").encode("utf-8"), []),
    "quotes.txt": (("قال الوزير " + "«\"" * 50_000 + " إن مصر ترفض الهجوم").encode("utf-8"), []),
}
JSON_LINES = (
    '{"id": "good-line", "text": "قال الرئيس المصري إن القاهرة ترحب بالاتفاق."}\n'
    '{"id": "broken", "text": \n'
    '{"id": "no-text", "title": "عنوان"}\n'
    '{"id": "number", "text": 42}\n'
    '["not", "an", "object"]\n'
)
JSON_LINE_CODES = {2: "invalid_json", 3: "missing_field", 4: "invalid_field", 5: "invalid_json"}


def test_a_folder_of_hostile_files_beside_good_articles(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for number in range(3):
        (folder / f"good{number}.txt").write_text(ARTICLE.replace("غزة", f"غزة {number}"), encoding="utf-8")
    for name, (data, _code) in HOSTILE.items():
        (folder / name).write_bytes(data)
    for name, (data, _warnings) in READABLE.items():
        (folder / name).write_bytes(data)
    (folder / "lines.jsonl").write_text(JSON_LINES, encoding="utf-8")
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder, target_is_directory=True)
    missing = tmp_path / "no_such_file.txt"

    started = time.monotonic()
    status, out, err = run_cli("analyze", folder, missing, "--workers", "2")
    assert time.monotonic() - started < 120
    assert status == 1 and "Traceback" not in err
    records = [json.loads(line) for line in out.splitlines()]
    by_input = {(Path(r["source"]["path"]).name, r["source"].get("line")): r for r in records}
    assert len(records) == len(by_input) == 3 + len(HOSTILE) + len(READABLE) + 5 + 1

    for number in range(3):
        good = by_input[(f"good{number}.txt", None)]
        assert "error" not in good and {a["name"] for a in good["actors"]} >= {"سامح شكري", "مصر"}
    for name, (_data, code) in HOSTILE.items():
        assert by_input[(name, None)]["error"]["code"] == code, name
        assert by_input[(name, None)]["error"]["message"]
    for name, (_data, warnings) in READABLE.items():
        record = by_input[(name, None)]
        assert "error" not in record, name
        assert [w["code"] for w in record["warnings"]] == warnings, name
        for actor in record["actors"]:
            for mention in actor["mentions"]:
                assert record["text"][mention["start"]:mention["end"]] == mention["text"]
    assert "error" not in by_input[("lines.jsonl", 1)]
    for line, code in JSON_LINE_CODES.items():
        assert by_input[("lines.jsonl", line)]["error"]["code"] == code
    assert by_input[("no_such_file.txt", None)]["error"]["code"] == "not_found"
    failed = len(HOSTILE) + len(JSON_LINE_CODES) + 1
    assert f"{len(records)} articles, {failed} failed" in err


def test_the_cut_utf8_file_reads_as_utf8_not_as_a_legacy_code_page(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes(ARTICLE.encode("utf-8")[:-3])
    status, out, _ = run_cli("analyze", path)
    record = json.loads(out)
    assert status == 0 and record["source"]["encoding"] == "utf-8" and "سامح شكري" in record["text"]


def test_max_bytes_refuses_a_larger_article_with_a_clear_message(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 50, encoding="utf-8")
    status, out, err = run_cli("analyze", path, "--max-bytes", "1000")
    error = json.loads(out)["error"]
    assert status == 1 and error["code"] == "too_large" and "--max-bytes" in error["message"]
    assert "Traceback" not in err


def _seconds(text: str) -> float:
    started = time.perf_counter()
    newsproc.analyze_text(text)
    return time.perf_counter() - started


@pytest.mark.parametrize("separator", ["\n\n", " و"])
def test_analysis_time_grows_linearly_with_article_length(separator):
    """Not a speed measurement (`make bench` is): a guard against work that grows with the square of the
    length, which turned a long article or a text dump without punctuation into hours. With " و" the whole
    text is one endless sentence."""
    paragraph = ("قال وزير الخارجية الأردني أيمن الصفدي إن عمان تدين الهجمات على المدنيين، وأضاف أن "
                 "الحكومة ستواصل الحوار مع الأمم المتحدة والاتحاد الأوروبي في بروكسل")
    newsproc.analyze_text(paragraph)  # load the lexicons and the model first
    short = separator.join([paragraph] * 150)
    long = separator.join([paragraph] * 600)
    ratio = min(_seconds(long) for _ in range(2)) / min(_seconds(short) for _ in range(2))
    assert ratio < 7, f"4x the text took {ratio:.1f}x the time"
