"""Invariants on arbitrary Arabic-like text: exact offsets, valid records, no crash."""
import json
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
