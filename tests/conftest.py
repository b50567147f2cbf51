"""Shared fixtures. The lexicon cache goes to a temporary folder so tests never touch ~/.cache."""
from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("NEWSPROC_CACHE_DIR", tempfile.mkdtemp(prefix="newsproc-test-cache-"))


@pytest.fixture(scope="session")
def pipeline():
    from newsproc.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """Analyse a short article given as text; returns the output record."""
    from newsproc.reader.sources import Article

    def run(text: str, title: str | None = None, date: str | None = None, detect_title: bool = False):
        article = Article(text, "test", title, date, {"path": None, "encoding": None, "sha256": None},
                          detect_title=detect_title)
        return pipeline.analyze(article)

    return run


def actor_by_key(record: dict, key: str) -> dict | None:
    return next((a for a in record["actors"] if a["key"] == key), None)


def actors_of_type(record: dict, type_: str) -> list[dict]:
    return [a for a in record["actors"] if a["type"] == type_]
