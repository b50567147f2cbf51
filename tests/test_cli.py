"""The command line: output streams, exit statuses, error records, batch behaviour."""
import json
import os
import subprocess
import sys
from pathlib import Path


SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "000_efdb9537e2f129eb.txt"
ARTICLE = "وزير الخارجية يزور القاهرة\n\nوصل وزير الخارجية الأردني إلى القاهرة اليوم، وقال إن الزيارة مهمة.\n"


def newsproc(*args, stdin=None):
    result = subprocess.run([sys.executable, "-m", "newsproc", *map(str, args)], input=stdin,
                            capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=120)
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def records(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_one_file_prints_one_json_object_on_one_line_with_arabic_unescaped():
    status, out, err = newsproc("analyze", SEED)
    assert status == 0
    assert out.count("\n") == 1
    record = json.loads(out)
    assert record["schema"] == "newsproc.article/1" and record["id"] == "000_efdb9537e2f129eb"
    assert "الولايات المتحدة" in out  # not \\u escapes
    assert list(record) == ["schema", "id", "source", "title", "date", "stats", "actors", "statements",
                            "events", "warnings", "structure", "text"]
    assert "1 articles, 0 failed" in err


def test_the_seed_article_has_its_countries_and_blinken():
    record = json.loads(newsproc("analyze", SEED)[1])
    countries = {a["code"] for a in record["actors"] if a["type"] == "country"}
    assert {"US", "KR", "KP", "RU", "UA"} <= countries
    assert "أنتوني بلينكن" in {a["name"] for a in record["actors"] if a["type"] == "person"}
    assert record["source"]["encoding"] == "utf-8" and len(record["source"]["sha256"]) == 64
    assert record["title"].startswith("أمريكا وكوريا الجنوبية")
    assert record["stats"]["headings"] == 2


def test_samples_folder_gives_records_in_input_order_whatever_the_worker_count():
    _, one, _ = newsproc("analyze", SAMPLES, "--workers", "1")
    _, two, _ = newsproc("analyze", SAMPLES, "--workers", "2")
    assert one == two
    assert [r["id"] for r in records(one)] == ["000_efdb9537e2f129eb", "001_cp1256_saudi_egypt",
                                               "002_utf16_un_sudan", "jsonl-001", "jsonl-002", "jsonl-003",
                                               "004_egyptian_spelling"]


def test_cp1256_and_utf16_copies_give_the_same_actors_as_utf8(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    for name, encoding in (("a.txt", "utf-8"), ("b.txt", "cp1256"), ("c.txt", "utf-16")):
        (tmp_path / name).write_bytes(text.encode(encoding))
    out = records(newsproc("analyze", tmp_path)[1])
    assert [r["source"]["encoding"] for r in out] == ["utf-8", "cp1256", "utf-16"]
    assert out[0]["actors"] == out[1]["actors"] == out[2]["actors"]


def test_bad_inputs_become_error_records_and_the_rest_is_processed(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    status, out, err = newsproc("analyze", tmp_path, tmp_path / "missing.txt")
    assert status == 1
    assert "Traceback" not in err
    by_path = {Path(r["source"]["path"]).name: r for r in records(out)}
    assert by_path["good.txt"]["schema"] == "newsproc.article/1"
    assert by_path["image.txt"]["error"]["code"] == "binary_input"
    assert by_path["missing.txt"]["error"]["code"] == "not_found"
    assert "3 articles, 2 failed" in err


def test_fail_fast_stops_at_the_first_failure(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    status, out, _ = newsproc("analyze", tmp_path, "--fail-fast", "--workers", "1")
    assert status == 1
    assert [r["error"]["code"] for r in records(out)] == ["empty_input"]


def test_usage_errors_exit_with_status_2():
    assert newsproc("analyze")[0] == 2
    assert newsproc("analyze", SEED, "--workers", "0")[0] == 2


def test_standard_input_text_and_jsonl():
    status, out, _ = newsproc("analyze", "-", stdin=ARTICLE.encode("utf-8"))
    record = json.loads(out)
    assert status == 0 and record["source"]["path"] == "<stdin>" and record["title"] == "وزير الخارجية يزور القاهرة"
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": ARTICLE}, ensure_ascii=False) for i in range(3))
    status, out, _ = newsproc("analyze", "-", stdin=lines.encode("utf-8"))
    assert status == 0 and [r["id"] for r in records(out)] == ["n0", "n1", "n2"]


def test_jsonl_field_options_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"key": "k1", "body": ARTICLE, "headline": "عنوان"}, ensure_ascii=False)
                    + "\n{broken\n", encoding="utf-8")
    status, out, _ = newsproc("analyze", path, "--text-field", "body", "--id-field", "key",
                              "--title-field", "headline")
    first, second = records(out)
    assert status == 1
    assert (first["id"], first["title"], first["source"]["line"]) == ("k1", "عنوان", 1)
    assert second["error"]["code"] == "invalid_json" and second["source"]["line"] == 2


def test_output_folder_gets_one_file_per_article_and_pretty_indents(tmp_path):
    status, out, _ = newsproc("analyze", SAMPLES, "--output", tmp_path / "out", "--pretty")
    assert status == 0 and out == ""
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "000_efdb9537e2f129eb.json" in files and "jsonl-002.json" in files
    content = (tmp_path / "out" / "000_efdb9537e2f129eb.json").read_text(encoding="utf-8")
    assert content.startswith("{\n  \"schema\"")
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_an_unwritable_output_folder_is_a_usage_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, _, err = newsproc("analyze", SEED, "--output", blocker / "out")
    assert status == 2 and "cannot create output folder" in err and "Traceback" not in err


def test_normalize_prints_the_clean_view_and_the_key(tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("فى الأمريـكية ﻻ مسئول", encoding="utf-8")
    assert newsproc("normalize", path)[1] == "فى الأمريكية لا مسئول\n"
    assert newsproc("normalize", path, "--key")[1] == "في الامريكيه لا مسءول\n"


def test_lexicon_check_reports_file_line_and_field(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("organizations:\n  - id: acme\n    name: شركة أكمي\n    english: Acme\n    kind: company\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("organizations:\n  - id: acme\n    name: شركة أكمي\n    english: Acme\n    kind: shop\n",
                   encoding="utf-8")
    assert newsproc("lexicon", "check", good)[0] == 0
    status, _, err = newsproc("lexicon", "check", bad)
    assert status == 2 and f"{bad}:5:" in err and "'kind'" in err


def test_a_user_lexicon_adds_actors(tmp_path):
    lexicon = tmp_path / "mine.yaml"
    lexicon.write_text("organizations:\n  - id: acme\n    name: شركة أكمي\n    english: Acme\n    kind: company\n",
                       encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("أعلنت شركة أكمي أرباحها.", encoding="utf-8")
    record = json.loads(newsproc("analyze", article, "--lexicon", lexicon)[1])
    assert "org:acme" in {a["key"] for a in record["actors"]}


def test_a_malformed_user_lexicon_is_a_usage_error_without_traceback(tmp_path):
    lexicon = tmp_path / "broken.yaml"
    lexicon.write_text("countries: [\n", encoding="utf-8")
    status, _, err = newsproc("analyze", SEED, "--lexicon", lexicon)
    assert status == 2 and str(lexicon) in err and "Traceback" not in err


def test_python_m_newsproc_and_version():
    status, out, _ = newsproc("--version")
    assert status == 0 and "newsproc" in out


def test_ctrl_c_keeps_finished_records_whole_and_exits_130(tmp_path):
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(3000):
        (folder / f"{number:05d}.txt").write_text(ARTICLE, encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with open(output, "w") as sink:
        process = subprocess.Popen([sys.executable, "-m", "newsproc", "analyze", str(folder), "--workers", "2"],
                                   stdout=sink, stderr=subprocess.PIPE,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while output.stat().st_size == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = output.read_text(encoding="utf-8").splitlines()
    assert 0 < len(lines) < 3000
    assert all(json.loads(line)["schema"] == "newsproc.article/1" for line in lines)
    assert f"{len(lines)} articles, 0 failed" in err.decode() and "(interrupted)" in err.decode()
    assert "Traceback" not in err.decode()


def test_two_inputs_with_the_same_id_never_overwrite_each_other(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(ARTICLE.replace("الأردني", f"الأردني {folder}"),
                                                    encoding="utf-8")
    out = tmp_path / "out"
    status, _, _ = newsproc("analyze", tmp_path / "a" / "same.txt", tmp_path / "b" / "same.txt", "--output", out)
    assert status == 0
    assert sorted(p.name for p in out.iterdir()) == ["same.json", "same~2.json"]
    # A later run replaces its own earlier output instead of adding more copies.
    newsproc("analyze", tmp_path / "a" / "same.txt", "--output", out)
    assert sorted(p.name for p in out.iterdir()) == ["same.json", "same~2.json"]


def test_the_seed_articles_actors_are_exactly_those_of_the_specification():
    """Issue 4's list for the seed article: people with roles and countries, states, bodies, places."""
    import newsproc

    record = newsproc.analyze_file(SEED)
    people = {a["name"]: (a["country"], [r["title"] for r in a["roles"]], len(a["mentions"]))
              for a in record["actors"] if a["type"] == "person"}
    assert people == {
        "أنتوني بلينكن": ("US", ["وزير الخارجية"], 2),
        "تشو تاى يونج": ("KR", ["مستشار الأمن القومى"], 2),
        "كارا أليسون مارشال": ("US", ["القائمة بأعمال نائب مساعد وزير الدفاع لشرق آسيا"], 1),
        "تيكون هيو": ("KR", ["نائب وزير سياسة الدفاع الوطني"], 1),
        "كيم جونج أون": ("KP", ["الزعيم"], 1),
    }
    countries = {a["code"]: a for a in record["actors"] if a["type"] == "country"}
    assert set(countries) == {"US", "KR", "KP", "RU", "UA"}
    assert {"أمريكا", "واشنطن"} <= set(countries["US"]["aliases"])
    assert "سول" in countries["KR"]["aliases"] and "بيونج يانج" in countries["KP"]["aliases"]
    organizations = {a["name"] for a in record["actors"] if a["type"] == "organization"}
    assert organizations == {"وزارة الخارجية الأمريكية", "وزارة الدفاع الأمريكية", "الأمم المتحدة"}
    places = {a["name"] for a in record["actors"] if a["type"] == "location"}
    assert places == {"الشرق الأوسط", "شبه الجزيرة الكورية", "شرق آسيا", "سول"}
