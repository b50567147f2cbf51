"""Lexicons: YAML data shipped in `data/`, user files added with --lexicon, compiled once and cached."""
from __future__ import annotations

from pathlib import Path

from .index import LexiconIndex, compile_files, shipped_files

_loaded: dict[tuple[str, ...], LexiconIndex] = {}


def load_index(extra: tuple[str, ...] | list[str] = (), use_cache: bool = True) -> LexiconIndex:
    """The index of the shipped lexicons plus `extra` user files, compiled once per process."""
    paths = [*shipped_files(), *(Path(p) for p in extra)]
    memo_key = tuple(str(p) for p in paths)
    index = _loaded.get(memo_key)
    if index is None:
        index = _loaded[memo_key] = compile_files(paths, use_cache=use_cache)
    return index
