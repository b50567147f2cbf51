"""The Python API returns exactly what the command line prints."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsproc
from newsproc.errors import InputError

SEED = Path(__file__).resolve().parent.parent / "samples" / "000_efdb9537e2f129eb.txt"


def test_analyze_file_equals_the_cli_output():
    cli = subprocess.run([sys.executable, "-m", "newsproc", "analyze", str(SEED)], capture_output=True, check=True)
    assert newsproc.analyze_file(SEED) == json.loads(cli.stdout)


def test_analyze_text_finds_the_title_and_actors():
    record = newsproc.analyze_text("قمة في الرياض\n\nالتقى ولي العهد السعودي الرئيس الفرنسي في الرياض.",
                                   id="x1", date="2024-01-01")
    assert record["id"] == "x1" and record["title"] == "قمة في الرياض" and record["date"] == "2024-01-01"
    assert "country:SA" in {a["key"] for a in record["actors"]}


def test_analyze_text_with_a_title_does_not_look_for_one():
    record = newsproc.analyze_text("قمة في الرياض\n\nنص.", title="عنوان")
    assert record["title"] == "عنوان"
    assert "title" not in [block["type"] for block in record["structure"]]


def test_analyze_text_rejects_empty_text_with_a_code():
    with pytest.raises(InputError) as caught:
        newsproc.analyze_text("   ")
    assert caught.value.code == "empty_input"


def test_analyze_file_raises_input_errors_with_codes(tmp_path):
    with pytest.raises(InputError) as caught:
        newsproc.analyze_file(tmp_path / "missing.txt")
    assert caught.value.code == "not_found"
