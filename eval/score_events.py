#!/usr/bin/env python3
"""Score newsproc's statements and events against hand-annotated gold files (eval/events_gold*.yaml).

    python eval/score_events.py [--gold eval/events_gold.yaml ...] [--corpus ../shared/corpus] [-v]

Matching (on newsproc's matching key, so hamza seats, ى/ي and ة/ه do not matter), within one article and in
text order, each gold and each predicted item used once:
* statements: a predicted statement matches a gold one when their cues agree (one contains the other, so
  «أشارت إلى» matches «أشارت») and their contents overlap (two consecutive words of the gold content's first
  words occur in the predicted content, or the gold content is shorter than two words). For matched
  statements the speaker is right when every gold speaker is found among the names, aliases and mention texts
  of the predicted speakers or in the speaker text (generic speakers: the words of either contain the other).
  A gold name of two words or more is also found in a longer name that contains it as whole words, and the
  other way round («تحالف دعم الشرعية» in «تحالف دعم الشرعية في اليمن»).
* events: a predicted event matches a gold one when their triggers agree (one contains the other) and their
  CAMEO root codes are equal. For matched events a source (target) is right when the gold list is empty and
  so is the predicted one, or when some gold source (target) is among the predicted ones — or, for a
  participant no actor stands for, when its words and the predicted `source_text` (`target_text`) agree.
Precision counts the predicted items that matched, recall the gold items that did.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gold_cli import analysed_articles, run  # noqa: E402
from newsproc.text.normalize import matching_key  # noqa: E402

QUOTES = str.maketrans("", "", '"«»“”\'')


def key(text: str) -> str:
    return matching_key(" ".join(str(text).translate(QUOTES).split()))


def words(text: str) -> list[str]:
    return [w for w in key(text).split() if w not in ("ان", "انه", "انها", "بان", "على", ":")]


def agrees(a: str, b: str) -> bool:
    a, b = key(a), key(b)
    return bool(a) and bool(b) and (a in b or b in a)


def content_overlaps(gold: str, predicted: str) -> bool:
    wanted = words(gold)[:6]
    if len(wanted) < 2:
        return True
    got = " " + " ".join(words(predicted)) + " "
    return any(f" {wanted[i]} {wanted[i + 1]} " in got for i in range(len(wanted) - 1))


def actor_names(actors: dict, ids: list[str]) -> set[str]:
    names = set()
    for ident in ids:
        actor = actors.get(ident)
        if actor:
            names |= {key(actor["name"]), *(key(a) for a in actor["aliases"]),
                      *(key(m["text"]) for m in actor["mentions"])}
    return names


def named(gold_name: str, names: set[str]) -> bool:
    """The gold name is one of the names, or (two words at least) one contains the other as whole words."""
    wanted = key(gold_name)
    if wanted in names:
        return True
    if " " not in wanted:
        return False
    return any(" " in name and (f" {wanted} " in f" {name} " or f" {name} " in f" {wanted} ") for name in names)


def speaker_right(gold: dict, predicted: dict, actors: dict) -> bool:
    wanted = gold["speaker"] if isinstance(gold["speaker"], list) else [gold["speaker"]]
    names = actor_names(actors, predicted["speakers"])
    text = key(predicted.get("speaker_text") or "")
    return all(named(w, names) or (text and (key(w) in text or text in key(w))) for w in wanted)


def side_right(gold: list, predicted: list, text: str | None, actors: dict) -> bool:
    """Right when both are empty, or a gold participant is among the predicted actors or, for one no
    actor stands for, its words and the predicted words contain one another."""
    if not gold:
        return not predicted
    names = actor_names(actors, predicted)
    return any(named(g, names) or (text and agrees(g, text)) for g in gold)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_in_order(gold_items: list, predicted: list, fits):
    """(gold item, index of the first unused predicted item that fits it, or None), in text order; the
    indexes of the predicted items left unused come last, as (None, index)."""
    used = set()
    for gold in gold_items:
        match = next((i for i, p in enumerate(predicted) if i not in used and fits(gold, p)), None)
        if match is not None:
            used.add(match)
        yield gold, match
    for i in range(len(predicted)):
        if i not in used:
            yield None, i


def score(gold_paths: list[Path], corpus: Path, verbose: bool) -> int:
    totals = dict.fromkeys(("st_gold", "st_pred", "st_tp", "st_speaker", "st_cue", "ev_gold", "ev_pred", "ev_tp",
                            "ev_trigger", "ev_source", "ev_target", "ev_negation"), 0)
    for article, record in analysed_articles(gold_paths, corpus):
        actors = {a["id"]: a for a in record["actors"]}
        notes = []
        gold_statements, predicted = article.get("statements") or [], record["statements"]
        totals["st_gold"] += len(gold_statements)
        totals["st_pred"] += len(predicted)
        for gold, match in match_in_order(gold_statements, predicted, lambda g, p: agrees(g["cue"], p["cue"])
                                          and content_overlaps(g["content"], p["content"])):
            if gold is None:
                p = predicted[match]
                notes.append(f"statement +{p['cue']} ({p['speaker_text']}): {p['content'][:60]}")
                continue
            totals["st_cue"] += any(agrees(gold["cue"], p["cue"]) for p in predicted)
            if match is None:
                notes.append(f"statement -{gold['cue']} ({gold['speaker']}): {gold['content']}")
                continue
            totals["st_tp"] += 1
            if speaker_right(gold, predicted[match], actors):
                totals["st_speaker"] += 1
            else:
                notes.append(f"speaker {gold['cue']}: {predicted[match]['speaker_text']!r} vs {gold['speaker']}")

        gold_events, predicted = article.get("events") or [], record["events"]
        totals["ev_gold"] += len(gold_events)
        totals["ev_pred"] += len(predicted)
        for gold, match in match_in_order(gold_events, predicted, lambda g, p: agrees(g["trigger"], p["trigger"])
                                          and p["cameo"] == str(g["code"])):
            if gold is None:
                notes.append(f"event +{predicted[match]['trigger']} {predicted[match]['cameo']}")
                continue
            totals["ev_trigger"] += any(agrees(gold["trigger"], p["trigger"]) for p in predicted)
            if match is None:
                notes.append(f"event -{gold['trigger']} {gold['code']} {gold['sources']} -> {gold['targets']}")
                continue
            event = predicted[match]
            totals["ev_tp"] += 1
            for side in ("sources", "targets"):
                right = side_right(gold[side], event[side], event.get(side[:-1] + "_text"), actors)
                totals["ev_" + side[:-1]] += right
                if not right:
                    names = [actors[a]["name"] for a in event[side] if a in actors]
                    notes.append(f"{side[:-1]} {gold['trigger']}: {names} vs {gold[side]}")
            totals["ev_negation"] += (bool(gold.get("negated")) == event["negated"]
                                      and bool(gold.get("hypothetical")) == event["hypothetical"])
        if verbose:
            print(f"== {article['file']}")
            for note in notes:
                print("  ", note)

    p, r, f = prf(totals["st_tp"], totals["st_pred"], totals["st_gold"])
    print(f"{'':20} precision  recall     F1   matched  predicted  gold")
    print(f"{'statements':20} {p:8.3f} {r:7.3f} {f:6.3f} {totals['st_tp']:8} {totals['st_pred']:10} {totals['st_gold']:5}")
    print(f"  cue found (any content): {totals['st_cue']}/{totals['st_gold']}; "
          f"speaker right: {totals['st_speaker']}/{totals['st_tp']}")
    p, r, f = prf(totals["ev_tp"], totals["ev_pred"], totals["ev_gold"])
    print(f"{'events':20} {p:8.3f} {r:7.3f} {f:6.3f} {totals['ev_tp']:8} {totals['ev_pred']:10} {totals['ev_gold']:5}")
    print(f"  trigger found (any code): {totals['ev_trigger']}/{totals['ev_gold']}; of the matched: source right "
          f"{totals['ev_source']}/{totals['ev_tp']}, target right {totals['ev_target']}/{totals['ev_tp']}, "
          f"negated/hypothetical right {totals['ev_negation']}/{totals['ev_tp']}")
    return 0


def main() -> int:
    return run(score, __doc__.splitlines()[0], "eval/events_gold.yaml")


if __name__ == "__main__":
    sys.exit(main())
