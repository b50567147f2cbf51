#!/usr/bin/env python3
"""Check newsproc JSON Lines output: every record validates against the shipped JSON Schema and every
offset is exact (text[start:end] equals the span's text). Reads stdin or files; exits 1 on any problem.

    newsproc analyze ../shared/corpus | python scripts/verify_output.py
"""
from __future__ import annotations

import fileinput
import json
import sys
from collections import Counter
from importlib import resources


def offset_problems(record: dict) -> list[str]:
    text = record["text"]
    problems = []
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            if text[mention["start"]:mention["end"]] != mention["text"]:
                problems.append(f"{actor['id']} mention {mention}")
    for statement in record["statements"]:
        if text[statement["start"]:statement["end"]] != statement["content"]:
            problems.append(f"{statement['id']} content")
        if text[statement["cue_start"]:statement["cue_end"]] != statement["cue"]:
            problems.append(f"{statement['id']} cue")
    for event in record["events"]:
        if text[event["start"]:event["end"]] != event["trigger"]:
            problems.append(f"{event['id']} trigger")
    ids = {a["id"] for a in record["actors"]}
    for item in record["statements"] + record["events"]:
        for ref in item.get("speakers", []) + item.get("sources", []) + item.get("targets", []):
            if ref not in ids:
                problems.append(f"{item['id']} refers to unknown actor {ref}")
    return problems


def main() -> int:
    import jsonschema

    schema = json.loads((resources.files("newsproc") / "schema" / "article.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    counts = Counter()
    bad = 0
    for line in fileinput.input(sys.argv[1:]):
        record = json.loads(line)
        errors = list(validator.iter_errors(record))
        problems = [e.message for e in errors]
        if record.get("schema") == "newsproc.article/1":
            counts["articles"] += 1
            counts["actors"] += len(record["actors"])
            counts["mentions"] += sum(len(a["mentions"]) for a in record["actors"])
            counts["statements"] += len(record["statements"])
            counts["events"] += len(record["events"])
            problems += offset_problems(record)
        else:
            counts["errors"] += 1
            counts[f"error:{record['error']['code']}"] += 1
        if problems:
            bad += 1
            print(f"{record.get('id') or record.get('source')}: {problems[:5]}", file=sys.stderr)
    print(json.dumps(dict(counts), ensure_ascii=False))
    print(f"records with problems: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
