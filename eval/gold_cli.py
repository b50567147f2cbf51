"""The command line shared by the gold-set scorers (score_actors.py, score_events.py)."""
from __future__ import annotations

import argparse
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def analysed_articles(gold_paths: list[Path], corpus: Path):
    """(gold article, newsproc's record for its file) for every article of the gold files, in order."""
    from newsproc.pipeline import Pipeline
    from newsproc.reader.sources import ReadOptions, Task, read_task

    pipeline = Pipeline()
    for gold_path in gold_paths:
        for article in yaml.safe_load(gold_path.read_text(encoding="utf-8"))["articles"]:
            path = corpus / article["file"]
            yield article, pipeline.analyze(read_task(Task("file", str(path), path.stem), ReadOptions()))


def run(score, description: str, default_gold: str) -> int:
    """Parse --gold (repeatable), --corpus and -v, then call score(gold_paths, corpus, verbose)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gold", type=Path, action="append", help=f"gold file (repeatable; default: {default_gold})")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each article's errors")
    arguments = parser.parse_args()
    return score(arguments.gold or [ROOT / default_gold], arguments.corpus, arguments.verbose)
