"""Sentences, tokens and proclitics.

Tokens are found on the key view (no diacritics or tatweel, so a word is one run of letters) and carry
exact offsets into the original text. Sentences end at . ! ? ؟ … (with any closing quotes or brackets)
and at line breaks; a full stop inside a number (1.3, 1105.71) or a URL is not an end, nor is the full
stop after a single-letter abbreviation (د.) in the middle of a line. A run of more than
MAX_SENTENCE_TOKENS tokens with no end (a list, a dump without punctuation) is cut after a comma or
before a و where it can be: the extractors look across a sentence, so an endless one would make them slow.
"""
from __future__ import annotations

import bisect
import functools
import re

from ..document import Sentence, Token

ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_TOKEN = re.compile(
    rf"(?P<url>(?:https?://|www\.)[^\s\"'«»<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    rf"|(?P<word>[{ARABIC_LETTERS}]+)"
    r"|(?P<number>[0-9]+(?:[.,:/][0-9]+)*)"
    r"|(?P<latin>[^\W\d_]+(?:['][^\W\d_]+)*)"
    r"|(?P<punct>\.{2,}|[!?]+|\S)"
)
_SENTENCE_END = frozenset({".", "!", "?", "…"})
_CLOSERS = frozenset({'"', "'", ")", "]", "}", "»", "”", "’"})
_SOFT_ENDS = frozenset({",", "؛", ";", ":"})
MAX_SENTENCE_TOKENS = 400  # the longest sentence in 3,000 news articles has 376 tokens

# Proclitic sequences that may precede a word: conjunction (و ف), then preposition (ب ل ك).
# The article ال is part of lexicon entries; after the preposition ل it loses its alef (لل).
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
ELIDING_PROCLITICS = frozenset({"ل", "ول", "فل"})


@functools.lru_cache(maxsize=65536)
def split_proclitics(key: str) -> tuple[tuple[str, str], ...]:
    """All readings of a word's key as (proclitics, base), the unsplit reading first.

    >>> split_proclitics("للولايات")[-1]
    ('ل', 'الولايات')
    """
    readings = [("", key)]
    for prefix in PROCLITICS[1:]:
        if key.startswith(prefix) and len(key) - len(prefix) >= 2:
            base = key[len(prefix):]
            readings.append((prefix, base))
            if prefix in ELIDING_PROCLITICS and base.startswith("ل") and len(base) >= 3:
                readings.append((prefix, "ا" + base))  # لل + word: the article's alef was dropped
    return tuple(readings)


def letter_offset(doc, token: Token, letters: int) -> int:
    """Original offset of the letter that follows the first `letters` letters of a token's key
    (diacritics and tatweel stay with the letter they follow)."""
    if not letters:
        return token.start
    position = token.vstart + letters
    return doc.views["key"].original_span(position, position + 1)[0]


def tokenize(doc):
    """Pipeline stage: fill `doc.tokens` and `doc.sentences` from the key view."""
    key = doc.views["key"]
    tokens = []
    for match in _TOKEN.finditer(key.text):
        start, end = key.original_span(*match.span())
        tokens.append(Token(start, end, match.group(), match.lastgroup, match.start()))
    breaks = [m.start() for m in re.finditer("\n", doc.text)]
    doc.tokens = tokens
    doc.sentences = _sentences(tokens, breaks, [block.start for block in doc.blocks])
    return doc


def _sentences(tokens: list[Token], breaks: list[int], block_starts: list[int]) -> list[Sentence]:
    sentences: list[Sentence] = []
    count = len(tokens)
    first = 0
    i = 0
    while i < count:
        token = tokens[i]
        if i > first and _line_break_between(breaks, tokens[i - 1].end, token.start):
            _close(sentences, tokens, first, i, block_starts)
            first = i
        if token.kind == "punct" and (token.key in _SENTENCE_END or token.key[0] in "!?.") \
                and not (token.key == "." and _abbreviation(tokens, i, breaks)):
            end = i + 1
            while end < count and tokens[end].key in _CLOSERS and not _line_break_between(
                    breaks, tokens[end - 1].end, tokens[end].start):
                end += 1
            _close(sentences, tokens, first, end, block_starts)
            first = i = end
            continue
        i += 1
    _close(sentences, tokens, first, count, block_starts)
    return sentences


def _close(sentences: list[Sentence], tokens: list[Token], first: int, end: int, block_starts: list[int]) -> None:
    while end - first > MAX_SENTENCE_TOKENS:
        cut = _soft_cut(tokens, first, first + MAX_SENTENCE_TOKENS)
        _append(sentences, tokens, first, cut, block_starts)
        first = cut
    _append(sentences, tokens, first, end, block_starts)


def _soft_cut(tokens: list[Token], first: int, limit: int) -> int:
    """Where an over-long sentence is cut: after its last comma or semicolon before `limit`, else before
    its last word that opens with و, else at `limit` (only in the second half, so pieces stay long)."""
    middle = (first + limit) // 2
    for i in range(limit - 1, middle, -1):
        if tokens[i].key in _SOFT_ENDS:
            return i + 1
    for i in range(limit - 1, middle, -1):
        if tokens[i].kind == "word" and tokens[i].key.startswith("و"):
            return i
    return limit


def _append(sentences: list[Sentence], tokens: list[Token], first: int, end: int, block_starts: list[int]) -> None:
    if end <= first:
        return
    start = tokens[first].start
    block = max(0, bisect.bisect_right(block_starts, start) - 1)
    index = len(sentences)
    for token in tokens[first:end]:
        token.sentence = index
    sentences.append(Sentence(start, tokens[end - 1].end, first, end, block))


def _line_break_between(breaks: list[int], left: int, right: int) -> bool:
    index = bisect.bisect_left(breaks, left)
    return index < len(breaks) and breaks[index] < right


def _abbreviation(tokens: list[Token], i: int, breaks: list[int]) -> bool:
    """A full stop after a one-letter Arabic word, with more text on the same line (د. محمد)."""
    if i == 0 or i + 1 >= len(tokens):
        return False
    before = tokens[i - 1]
    return (before.kind == "word" and len(before.key) == 1 and before.end == tokens[i].start
            and not _line_break_between(breaks, tokens[i].end, tokens[i + 1].start))
