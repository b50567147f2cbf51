"""CoNLL files (token<TAB>tag, blank line between sentences) and conlleval-style chunk scoring."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

TYPES = ("PERS", "LOC", "ORG")


def read_conll(path: str | Path) -> Iterator[tuple[list[str], list[str]]]:
    """Yield (tokens, tags) per sentence; a file without a tag column yields empty tags ("O")."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                    tokens, tags = [], []
                continue
            columns = line.split("\t") if "\t" in line else line.split()
            tokens.append(columns[0])
            tags.append(columns[-1] if len(columns) > 1 else "O")
    if tokens:
        yield tokens, tags


def only_types(tags: list[str], types: Iterable[str] = TYPES) -> list[str]:
    """Tags outside `types` (MISC) become O."""
    keep = set(types)
    return [tag if tag != "O" and tag[2:] in keep else "O" for tag in tags]


def repair_bio(tags: list[str]) -> list[str]:
    """I-X that does not continue an X chunk becomes B-X."""
    fixed = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        fixed.append(tag)
        previous = tag
    return fixed


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """(start, end, type) for every chunk of a BIO sequence."""
    found = set()
    start, kind = None, None
    for index, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start is not None:
                found.add((start, index, kind))
                start, kind = None, None
            if tag != "O":
                start, kind = index, tag[2:]
    return found


@dataclass
class Score:
    correct: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)

    def add(self, gold_tags: list[str], predicted_tags: list[str]) -> None:
        gold = chunks(gold_tags)
        predicted = chunks(predicted_tags)
        for _, _, kind in gold:
            self.gold[kind] += 1
        for _, _, kind in predicted:
            self.predicted[kind] += 1
        for _, _, kind in gold & predicted:
            self.correct[kind] += 1

    @staticmethod
    def _prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
        precision = correct / predicted if predicted else 0.0
        recall = correct / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def table(self, types: Iterable[str] = TYPES) -> dict[str, tuple[float, float, float, int]]:
        rows = {}
        for kind in types:
            rows[kind] = (*self._prf(self.correct[kind], self.predicted[kind], self.gold[kind]), self.gold[kind])
        rows["micro"] = (*self._prf(sum(self.correct.values()), sum(self.predicted.values()),
                                    sum(self.gold.values())), sum(self.gold.values()))
        return rows

    def report(self, types: Iterable[str] = TYPES) -> str:
        lines = [f"{'type':<6} {'precision':>9} {'recall':>7} {'F1':>6} {'gold':>6}"]
        for kind, (precision, recall, f1, gold) in self.table(types).items():
            lines.append(f"{kind:<6} {precision:9.3f} {recall:7.3f} {f1:6.3f} {gold:6d}")
        return "\n".join(lines)
