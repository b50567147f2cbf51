"""The command line shared by the gold-set scorers (score_actors.py, score_events.py)."""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(score, description: str, default_gold: str) -> int:
    """Parse --gold (repeatable), --corpus and -v, then call score(gold_paths, corpus, verbose)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--gold", type=Path, action="append", help=f"gold file (repeatable; default: {default_gold})")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each article's errors")
    arguments = parser.parse_args()
    return score(arguments.gold or [ROOT / default_gold], arguments.corpus, arguments.verbose)
