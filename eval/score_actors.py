#!/usr/bin/env python3
"""Score newsproc's actors against a hand-annotated gold file (eval/actors_gold.yaml).

    python eval/score_actors.py [--gold eval/actors_gold.yaml ...] [--corpus ../shared/corpus] [-v]

Matching (all on newsproc's matching key, so spelling variants of hamza, ى/ي, ة/ه do not matter):
* countries: the sets of ISO codes;
* people: a predicted person matches a gold person when its name, or one of its aliases, is the gold
  name or one of the gold aliases; each gold person matches once. For matched people, the role is right
  when a predicted role title equals a gold role (or one contains the other), and the affiliation is right
  when the codes are equal (people whose gold affiliation is null are not counted);
* organisations: a predicted organisation matches when one of its names is one of the gold names.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gold_cli import analysed_articles, run  # noqa: E402
from newsproc.text.normalize import matching_key  # noqa: E402


def keys(*names) -> set[str]:
    return {matching_key(" ".join(str(n).split())) for n in names if n}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(gold_paths: list[Path], corpus: Path, verbose: bool) -> int:
    counts = {kind: Counter() for kind in ("countries", "people", "organizations")}
    roles = Counter()
    affiliations = Counter()
    for article, record in analysed_articles(gold_paths, corpus):
        actors = record["actors"]
        notes = []

        predicted = {a["code"] for a in actors if a["type"] == "country"}
        expected = set(article.get("countries") or [])
        counts["countries"].update(tp=len(predicted & expected), fp=len(predicted - expected),
                                   fn=len(expected - predicted))
        notes += [f"country +{c}" for c in sorted(predicted - expected)]
        notes += [f"country -{c}" for c in sorted(expected - predicted)]

        gold_people = [(keys(p["name"], *(p.get("aliases") or [])), p) for p in article.get("people") or []]
        used = set()
        for actor in (a for a in actors if a["type"] == "person"):
            names = keys(actor["name"], *actor["aliases"], *(m["text"] for m in actor["mentions"]))
            match = next((i for i, (gold_keys, _) in enumerate(gold_people)
                          if i not in used and names & gold_keys), None)
            if match is None:
                counts["people"]["fp"] += 1
                notes.append(f"person +{actor['name']}")
                continue
            used.add(match)
            counts["people"]["tp"] += 1
            person = gold_people[match][1]
            if person.get("roles"):
                wanted = keys(*person["roles"])
                got = keys(*(r["title"] for r in actor["roles"]))
                right = any(w == g or w in g or g in w for w in wanted for g in got)
                roles["right" if right else "wrong"] += 1
                if not right:
                    notes.append(f"role {actor['name']}: {[r['title'] for r in actor['roles']]} vs {person['roles']}")
            if person.get("country"):
                right = actor["country"] == person["country"]
                affiliations["right" if right else "wrong"] += 1
                if not right:
                    notes.append(f"affiliation {actor['name']}: {actor['country']} vs {person['country']}")
        for i, (_, person) in enumerate(gold_people):
            if i not in used:
                counts["people"]["fn"] += 1
                notes.append(f"person -{person['name']}")

        gold_orgs = [(keys(o["name"], *(o.get("aliases") or [])), o) for o in article.get("organizations") or []]
        used = set()
        for actor in (a for a in actors if a["type"] == "organization"):
            names = keys(actor["name"], *actor["aliases"], *(m["text"] for m in actor["mentions"]))
            match = next((i for i, (gold_keys, _) in enumerate(gold_orgs) if i not in used and names & gold_keys),
                         None)
            if match is None:
                counts["organizations"]["fp"] += 1
                notes.append(f"organization +{actor['name']}")
            else:
                used.add(match)
                counts["organizations"]["tp"] += 1
        for i, (_, org) in enumerate(gold_orgs):
            if i not in used:
                counts["organizations"]["fn"] += 1
                notes.append(f"organization -{org['name']}")
        if verbose and notes:
            print(f"== {article['file']}")
            for note in notes:
                print(f"   {note}")

    print(f"{'type':<14} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn")
    for kind, c in counts.items():
        precision, recall, f1 = prf(c["tp"], c["fp"], c["fn"])
        print(f"{kind:<14} {precision:9.3f} {recall:7.3f} {f1:6.3f}  {c['tp']:3d} {c['fp']:3d} {c['fn']:3d}")
    total = roles["right"] + roles["wrong"]
    print(f"people roles right: {roles['right']}/{total}")
    total = affiliations["right"] + affiliations["wrong"]
    print(f"people affiliations right: {affiliations['right']}/{total}")
    return 0


def main() -> int:
    return run(score, __doc__.splitlines()[0], "eval/actors_gold.yaml")


if __name__ == "__main__":
    sys.exit(main())
