"""Normalisation that never loses the way back to the original characters.

Two views are derived from the original text:

* **clean** — for display: tatweel, zero-width and bidi controls removed, presentation forms (ﻻ) expanded,
  Persian look-alike letters (ک ی) and Arabic-Indic digits mapped to their usual Arabic/ASCII forms,
  odd spaces made plain. Diacritics and the writer's spelling are kept.
* **key** — for matching: the clean view without diacritics, alef forms (أ إ آ ٱ) as ا, hamza seats ؤ ئ as ء,
  ة as ه, final ى as ي (except in words where ى/ي distinguish two words: على/علي), Persian letters
  (پ چ ژ ڤ گ ڨ) folded to their nearest Arabic letter, Arabic punctuation as ASCII, Latin in lower case.

Each view keeps, for every character, the original offsets of the character(s) it came from, so a span
found in a view maps back to an exact span of the original text.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pyarabic import araby

# --- character classes ---------------------------------------------------------------------------

TATWEEL = araby.TATWEEL
# Zero-width and bidirectional controls, soft hyphen, BOM, Arabic letter mark.
INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
# Harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks.
DIACRITICS = (
    "".join(araby.TASHKEEL)
    + "\u0653\u0654\u0655\u0656\u0657\u0658\u0659\u065a\u065b\u065c\u065d\u065e\u065f\u0670"
    + "".join(chr(c) for c in range(0x06D6, 0x06DD))
    + "".join(chr(c) for c in range(0x06DF, 0x06E5))
    + "\u06e7\u06e8\u06ea\u06eb\u06ec\u06ed"
)
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufeff"

# 1:1 mappings of the clean view.
_CLEAN_TABLE = {
    "\u06a9": "\u0643",  # ک Persian keheh -> ك
    "\u06cc": "\u064a",  # ی Farsi yeh -> ي
    "\u06be": "\u0647",  # ھ heh doachashmee -> ه
    "\u06c1": "\u0647",  # ہ heh goal -> ه
    "\u06d5": "\u0647",  # ە ae -> ه
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
    "\t": " ", "\u000b": " ", "\u000c": " ",
}
for _i, (_east, _pers) in enumerate(zip(araby.NUMBERS_EAST, "۰۱۲۳۴۵۶۷۸۹")):
    _CLEAN_TABLE[_east] = str(_i)
    _CLEAN_TABLE[_pers] = str(_i)
_CLEAN_TABLE["\u066b"] = "."   # Arabic decimal separator
_CLEAN_TABLE["\u066c"] = ","   # Arabic thousands separator
CLEAN_TRANSLATION = str.maketrans(_CLEAN_TABLE)

# 1:1 mappings of the key view (applied to the clean view).
_KEY_TABLE = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627", "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0624": "\u0621", "\u0626": "\u0621",     # ؤ ئ -> ء
    "\u0629": "\u0647",                          # ة -> ه
    "\u067e": "\u0628",                          # پ -> ب
    "\u0686": "\u062c",                          # چ -> ج
    "\u0698": "\u0632",                          # ژ -> ز
    "\u06a4": "\u0641",                          # ڤ -> ف
    "\u06af": "\u0643",                          # گ -> ك
    "\u06a8": "\u0642", "\u06a5": "\u0641",      # ڨ ڥ (Maghrebi) -> ق ف
    "\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u06d4": ".",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
    "_": " ",                                    # #محمد_بن_سلمان: words of a hashtag
    "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-",
}
for _c in range(ord("A"), ord("Z") + 1):
    _KEY_TABLE[chr(_c)] = chr(_c + 32)
KEY_TRANSLATION = str.maketrans(_KEY_TABLE)

# Words spelled with a real final alef maqsura whose ي-spelling is a different, frequent word:
# folding them would make على (on) match the name علي, منى (Mona) match مني (from me), وإلى (and to) match
# والي (governor), لدى (at) match لدي (I have), and so on.
# Checked on the key (already alef-folded), with up to two proclitics.
KEEP_ALEF_MAQSURA = frozenset({
    "على", "الى", "لدى", "منى", "يحيى", "سلمى", "هدى", "بشرى", "اولى", "ليلى", "نهى", "سوى", "الاولى", "هوى",
})
_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff"
_FINAL_ALEF_MAQSURA = re.compile(f"[{_ARABIC_LETTERS}]*\u0649(?![{_ARABIC_LETTERS}])")
_CLEAN_EDITS = re.compile(f"[{INVISIBLE}{TATWEEL}]+|[{_PRESENTATION}]")
# Diacritics, and the hashtag sign before a word (#بوتين reads as بوتين).
_KEY_EDITS = re.compile(f"[{DIACRITICS}]+|#(?=\\w)")
# Marks that belong to the letter before them: a span ending at that letter also covers them.
_ATTACHED = frozenset(DIACRITICS + TATWEEL)


@dataclass(slots=True)
class View:
    """A derived text with, per character, the original span it came from (`starts[i]`, `ends[i]`).

    `starts`/`ends` are None for a view whose characters map one-to-one onto the original.
    """

    text: str
    starts: list[int] | None = None
    ends: list[int] | None = None

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the view span [start, end) to the original text. Empty spans map to an empty span."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _edit(source: View, pattern: re.Pattern, replace) -> View:
    """Apply deletions/expansions found by `pattern`; `replace(match_text)` gives the new text."""
    text = source.text
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    src_starts = source.starts if source.starts is not None else range(len(text))
    src_ends = source.ends if source.ends is not None else range(1, len(text) + 1)
    pos = 0
    for match in pattern.finditer(text):
        a, b = match.span()
        pieces.append(text[pos:a])
        starts.extend(src_starts[pos:a])
        ends.extend(src_ends[pos:a])
        new = replace(match.group())
        if new:
            # Every character of an expansion maps to the whole of what it replaced.
            span_start, span_end = src_starts[a], src_ends[b - 1]
            pieces.append(new)
            starts.extend([span_start] * len(new))
            ends.extend([span_end] * len(new))
        elif ends and all(ch in _ATTACHED for ch in match.group()):
            # Deleted marks belong to the character before them: its span grows to cover them.
            ends[-1] = src_ends[b - 1]
        pos = b
    if pos == 0 and not pieces:
        return source  # nothing to edit: share the source's maps
    pieces.append(text[pos:])
    starts.extend(src_starts[pos:])
    ends.extend(src_ends[pos:])
    return View("".join(pieces), starts, ends)


def _expand_presentation(chunk: str) -> str:
    if chunk[0] in INVISIBLE or chunk[0] == TATWEEL:
        return ""
    # NFKC writes isolated presentation forms of marks as space + mark; the space is not text.
    return unicodedata.normalize("NFKC", chunk).replace(" ", "")


def clean_view(text: str) -> View:
    view = _edit(View(text), _CLEAN_EDITS, _expand_presentation)
    return View(view.text.translate(CLEAN_TRANSLATION), view.starts, view.ends)


def _fold_final_alef_maqsura(match: re.Match) -> str:
    word = match.group()
    bare = word
    for _ in range(2):
        if bare in KEEP_ALEF_MAQSURA:
            return word
        if len(bare) > 3 and bare[0] in "وفبلك":
            bare = bare[1:]
    if bare in KEEP_ALEF_MAQSURA:
        return word
    return word[:-1] + "\u064a"


def key_string(clean_text: str) -> str:
    """The 1:1 part of the key mapping, for text that has no diacritics left."""
    folded = clean_text.translate(KEY_TRANSLATION)
    if "\u0649" in folded:
        folded = _FINAL_ALEF_MAQSURA.sub(_fold_final_alef_maqsura, folded)
    return folded


def key_view(clean: View) -> View:
    view = _edit(clean, _KEY_EDITS, lambda _chunk: "")
    return View(key_string(view.text), view.starts, view.ends)


@functools.lru_cache(maxsize=4096)
def matching_key(text: str) -> str:
    """The matching key of a short string (a lexicon entry, a user query)."""
    return key_view(clean_view(text)).text


@functools.lru_cache(maxsize=None)
def keys(*words: str) -> frozenset[str]:
    """Matching keys of words written in ordinary spelling, for keyword sets in code and for lexicon word
    lists read per hit (a cue's `takes`, a trigger's `objects`): computed once per list."""
    return frozenset(matching_key(word) for word in words)


def normalize(doc):
    """Pipeline stage: add the `clean` and `key` views to the document."""
    clean = clean_view(doc.text)
    doc.views["clean"] = clean
    doc.views["key"] = key_view(clean)
    return doc
