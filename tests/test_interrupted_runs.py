"""Runs get killed. Output files are written whole or not at all, and `--resume` finishes the job: a run
killed with SIGKILL and resumed gives exactly the files of a run that was never interrupted."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

NAMES = ["أحمد", "محمود", "سامي", "خالد", "يوسف", "عمر", "طارق", "نبيل"]
CITIES = ["القاهرة", "عمان", "بغداد", "الرباط", "تونس", "دمشق"]


def command(*args):
    return [sys.executable, "-m", "newsproc", *map(str, args)]


def run_cli(*args):
    result = subprocess.run(command(*args), capture_output=True, timeout=300,
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    return result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")


def article(number: int) -> str:
    return (f"قال وزير الخارجية {NAMES[number % 8]} {NAMES[number // 8 % 8]} إن {CITIES[number % 6]} ترفض "
            f"الهجوم.\n\nوأضاف في مؤتمر صحفي يوم {number % 28 + 1} أن الحكومة ستواصل الحوار مع الأمم المتحدة.\n")


def make_inputs(root: Path, count: int) -> list[Path]:
    folder, other = root / "articles", root / "other"
    folder.mkdir()
    other.mkdir()
    for number in range(count):
        (folder / f"{number:04d}.txt").write_text(article(number), encoding="utf-8")
    # the same id as articles/0007.txt from another folder: it gets 0007~2.json
    (other / "0007.txt").write_text("أعلنت وزارة الداخلية المصرية اعتقال شخصين في القاهرة.\n", encoding="utf-8")
    return [folder, other]


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_run_killed_with_sigkill_and_resumed_gives_the_files_of_an_uninterrupted_run(tmp_path):
    inputs = make_inputs(tmp_path, 1500)
    status, _, _ = run_cli("analyze", *inputs, "--output", tmp_path / "whole", "--workers", "2")
    assert status == 0
    expected = files(tmp_path / "whole")
    assert len(expected) == 1501 and "0007~2.json" in expected

    killed = tmp_path / "killed"
    process = subprocess.Popen(command("analyze", *inputs, "--output", killed, "--workers", "2"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not killed.exists() or len(list(killed.iterdir())) < 200):
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    written = [p for p in killed.iterdir() if p.suffix == ".json"]
    assert 200 <= len(written) < 1501, "the run should have been killed part of the way"
    for path in written:  # whatever is visible is whole
        assert json.loads(path.read_text(encoding="utf-8"))["schema"] == "newsproc.article/1"
    (killed / ".newsproc-left-behind.tmp").write_text('{"schema": "newsproc.art', encoding="utf-8")

    status, _, err = run_cli("analyze", *inputs, "--output", killed, "--workers", "2", "--resume")
    assert status == 0 and "Traceback" not in err
    assert f"{len(written)} already done" in err and "unfinished temporary file" in err  # ours, and the run's own
    assert files(killed) == expected


def test_resume_analyses_again_an_input_whose_bytes_changed_and_a_damaged_record(tmp_path):
    inputs = make_inputs(tmp_path, 10)
    out = tmp_path / "out"
    assert run_cli("analyze", *inputs, "--output", out)[0] == 0
    (tmp_path / "articles" / "0003.txt").write_text("قال الرئيس التونسي إن تونس ترحب بالاتفاق.\n", encoding="utf-8")
    (out / "0005.json").write_text('{"schema": "newsproc.article/1", "id": "00', encoding="utf-8")
    status, _, err = run_cli("analyze", *inputs, "--output", out, "--resume")
    assert status == 0 and "2 articles, 0 failed, 9 already done" in err
    assert "تونس" in json.loads((out / "0003.json").read_text(encoding="utf-8"))["text"]
    assert json.loads((out / "0005.json").read_text(encoding="utf-8"))["id"] == "0005"
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{n:04d}.json" for n in range(10)] + ["0007~2.json"])


def test_a_second_run_replaces_each_inputs_own_record_and_keeps_the_others(tmp_path):
    inputs = make_inputs(tmp_path, 10)
    out = tmp_path / "out"
    run_cli("analyze", *inputs, "--output", out)
    before = files(out)
    # Only the other folder this time: its article replaces its own 0007~2.json, not articles/0007's record.
    assert run_cli("analyze", inputs[1], "--output", out)[0] == 0
    assert files(out) == before


def test_resume_without_an_output_folder_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(article(1), encoding="utf-8")
    status, out, err = run_cli("analyze", tmp_path / "a.txt", "--resume")
    assert status == 2 and not out and "--resume needs --output" in err and "Traceback" not in err
