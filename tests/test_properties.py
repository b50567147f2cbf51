"""Invariants on arbitrary Arabic-like text: exact offsets, valid records, no crash."""
import json
from datetime import timedelta
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsproc
from newsproc.errors import InputError

WORDS = ["الولايات", "المتحدة", "الأمريكية", "وكوريا", "الجنوبية", "للأمم", "قال", "إن", "وزير", "الخارجية",
         "بلينكن", "فى", "التى", "مجددًا", "سول", "واشنطن", "هجوم", "ضد", "أدانت", "مصر", "«", "»", "،", ".",
         "؟", '"', ":", "ﻻ", "الأمريـكي", "\u200f", "٢٠٢٤", "1.3", "-", "\n", "\n\n", "الجانب", "الروسي",
         "مستشار", "الأمن", "القومي", "لكوريا", "نائب", "مساعد", "بحسب", "منظمة", "الصحة", "العالمية"]
text_strategy = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF),
                                              min_size=1, max_size=6),
              st.text(min_size=1, max_size=3)),
    min_size=1, max_size=60,
).map(" ".join)

SCHEMA = jsonschema.Draft202012Validator(
    json.loads((resources.files("newsproc") / "schema" / "article.schema.json").read_text("utf-8")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_offsets_round_trip_and_records_validate(text):
    try:
        record = newsproc.analyze_text(text)
    except InputError as error:
        assert error.code == "empty_input" and not text.replace("\r", "\n").strip()
        return
    original = record["text"]
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            assert original[mention["start"]:mention["end"]] == mention["text"]
    for statement in record["statements"]:
        assert original[statement["start"]:statement["end"]] == statement["content"]
        assert original[statement["cue_start"]:statement["cue_end"]] == statement["cue"]
    for event in record["events"]:
        assert original[event["start"]:event["end"]] == event["trigger"]
    for block in record["structure"]:
        assert original[block["start"]:block["end"]].strip() == original[block["start"]:block["end"]]
    SCHEMA.validate(record)
    json.dumps(record, ensure_ascii=False)


# Pieces that have broken text tools: runs of brackets and quotes, diacritics and tatweel, presentation
# forms and ligatures, direction marks, joiners, odd white space, numbers, Latin, and words that open
# statements and events, so the extractors are driven through their loops.
HOSTILE_PIECES = ["(" * 50, ")" * 30, "«" * 40, "»", '"' * 25, "'", "[", "{", "…", "...", "؟!", "،،،",
                  "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652", "ـــــــ", "ﺍﻟﻘﺎﻫﺮﺓ", "ﻻ", "ﷲ", "ﷺ",
                  "\u200f", "\u200e", "\u202b", "\u202c", "\u200d", "\u200c", "\ufeff", "\u00a0", "\t", "\r\n",
                  "\r", "\n", "\u2028", "١٢٣", "2024/11/28", "http://example.com/a?b=ج", "a@b.co", "McDonald's",
                  "قال", "وأضاف", "أكد أن", "إن", "وزير", "الرئيس", "بلينكن", "واشنطن", "هجوم", "اعتقال", "و",
                  "ب", "ال", "لل", "الذي", "بحسب", "نقلا عن"]
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE_PIECES), st.sampled_from(WORDS),
              st.text(alphabet=st.characters(min_codepoint=0x600, max_codepoint=0x6FF), min_size=1, max_size=8),
              st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=4)),
    min_size=20, max_size=400,
).map(lambda pieces: "".join(p if i % 3 else p + " " for i, p in enumerate(pieces)))


@settings(max_examples=150, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_hostile_text_keeps_exact_offsets_and_a_valid_record_within_a_time_budget(text):
    """The deadline is a budget against runaway work (backtracking, loops that never end), not a speed
    measurement: each of these inputs takes milliseconds."""
    test_offsets_round_trip_and_records_validate.hypothesis.inner_test(text)


def test_output_is_byte_identical_whatever_the_worker_count_and_hash_seed(tmp_path):
    """Python salts string hashes per process: nothing in a record may depend on set or dict order that
    the salt changes, nor on which worker analysed an article."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    samples = Path(__file__).resolve().parent.parent / "samples"
    for number, piece in enumerate(HOSTILE_PIECES[:12]):
        (tmp_path / f"{number:02d}.txt").write_text(f"قال وزير الخارجية {piece} إن واشنطن ترفض الهجوم {piece}.\n",
                                                    encoding="utf-8")
    outputs = set()
    for workers, seed in (("1", "0"), ("2", "0"), ("2", "12345")):
        result = subprocess.run([sys.executable, "-m", "newsproc", "analyze", str(samples), str(tmp_path),
                                 "--workers", workers], capture_output=True, timeout=300,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0
        outputs.add(result.stdout)
    assert len(outputs) == 1
