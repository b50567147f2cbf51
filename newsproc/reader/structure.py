"""Title, sub-headings and paragraphs from the lines of an article.

Rules (documented in the README):
* Every non-blank line is one block; its span excludes surrounding white space.
* In plain-text input the first block is the **title** when the text has more than one block and the
  first line is either followed by a blank line (and at most 40 words long) or short (at most 25 words)
  and without final sentence punctuation.
* A later block is a **sub-heading** when it has at most 12 words, no final punctuation, and is not the
  last block (a short last line is a caption or a signature, kept as a paragraph).
* Everything else is a **paragraph**.
"""
from __future__ import annotations

import re

from ..document import Block

_LINE = re.compile(r"[^\n]+")
_FINAL_PUNCTUATION = tuple(".!?؟:؛;…,،\"»”)]'")


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip().endswith(_FINAL_PUNCTUATION)


def split_blocks(text: str, detect_title: bool = True) -> list[Block]:
    spans: list[tuple[int, int, bool]] = []  # start, end, blank line follows
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start = match.start() + lead
        end = start + len(stripped)
        following = text[match.end():match.end() + 200]
        blank_after = bool(re.match(r"\n[ \t\r\u00a0]*\n", following))
        spans.append((start, end, blank_after))

    blocks: list[Block] = []
    for index, (start, end, blank_after) in enumerate(spans):
        line = text[start:end]
        words = len(line.split())
        last = index == len(spans) - 1
        if index == 0 and detect_title and len(spans) > 1 and (
            (blank_after and words <= 40) or (words <= 25 and not _ends_like_sentence(line))
        ):
            kind = "title"
        elif index > 0 and not last and words <= 12 and not _ends_like_sentence(line):
            kind = "heading"
        else:
            kind = "paragraph"
        blocks.append(Block(kind, start, end))
    return blocks
