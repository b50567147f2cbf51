"""Features for the name tagger.

Each token gets features that generalise beyond the words seen in training: its matching key and its
clitic-stripped stem, proclitics and the article, affixes, shape, a frequency bucket (rank among the most
frequent Arabic words), membership in the given-name, family-name and head-noun lists, and — from the
lexicon lookup already done for the document — what lexicon entry the token is inside (country, city,
title, …) with its B/I position. Neighbours' features (two on each side) are added with their offset, and
a title before or a reporting verb after. Document features say what the other sentences of the article
show about the same word (it followed a title there, it was inside a lexicon entry, …).

Speed: everything that depends only on a token's key is computed once per process and cached, already
restricted to the attributes the model knows (a feature the model has no weight for costs time and
changes nothing).
"""
from __future__ import annotations

from collections import deque

from ..text.tokenize import split_proclitics

# Lexicon entry kind (and, for countries, form) -> feature label.
_LEXICON_LABELS = {
    ("country", "name"): "CTRY", ("country", "capital"): "CAP", ("country", "adjective"): "ADJ",
    ("country", "demonym"): "DEM", ("organization", "name"): "ORG", ("location", "name"): "LOC",
    ("institution", "head"): "INST", ("construct", "construct"): "INST", ("title", "form"): "TTL",
    ("modifier", "form"): "MOD", ("honorific", "form"): "HON", ("cue", "form"): "CUE",
    ("trigger", "verb"): "TRGV", ("trigger", "noun"): "TRGN",
}
_TITLE_LABELS = ("lx=TTL", "lx=HON", "lx=MOD")
_RANK_BUCKETS = ((100, "f100"), (1000, "f1k"), (5000, "f5k"), (15000, "f15k"), (30000, "f30k"))
CONTEXT = (-2, -1, 1, 2)
_CONTEXT_KEEP = ("w=", "s=", "k=", "fq=", "gn", "fn", "sw", "p=", "al=", "oh", "lh")


class _Others:
    """Evidence counts minus one sentence's own, looked up lazily (documents may be long)."""

    __slots__ = ("counts", "own")

    def __init__(self, counts, own):
        self.counts = counts
        self.own = own

    def get(self, stem, default=()):
        counts = self.counts.get(stem)
        if not counts:
            return default
        own = self.own.get(stem, ())
        return [kind for kind, n in sorted(counts.items()) if n > (kind in own)] or default


class Memory:
    """What the other sentences say, for each sentence in turn: all other sentences of a document, or
    those within `window` sentences (a CoNLL file, whose article boundaries are unknown).

    `views()` yields one lookup per sentence, in order; a view is valid until the next one is taken.
    """

    def __init__(self, evidence: list[dict[str, set[str]]], window: int | None = None):
        self.evidence = evidence
        self.window = window

    @staticmethod
    def _add(counts, found, step):
        for stem, kinds in found.items():
            table = counts.setdefault(stem, {})
            for kind in kinds:
                table[kind] = table.get(kind, 0) + step

    def views(self):
        evidence = self.evidence
        counts: dict[str, dict[str, int]] = {}
        if self.window is None:
            for found in evidence:
                self._add(counts, found, 1)
            for found in evidence:
                yield _Others(counts, found)
            return
        window = self.window
        for found in evidence[:window + 1]:
            self._add(counts, found, 1)
        for i, found in enumerate(evidence):
            yield _Others(counts, found)
            if i - window >= 0:
                self._add(counts, evidence[i - window], -1)
            if i + window + 1 < len(evidence):
                self._add(counts, evidence[i + window + 1], 1)


# Numbers and URLs have the same features whatever their digits or address (the model knows no single URL):
# one cache entry each, not one per distinct value, which would fill the cache with every article's numbers.
_ONE_KEY = {"number": "<number>", "url": "<url>"}
FREQUENT_RANK = 30000  # words this frequent stay cached: a fixed list, so a bounded number of them
RARE_CACHED = 30000    # rarer words (names, typos) are kept for a while, the oldest dropped first


class WordCache(dict):
    """Per-word results: frequent words kept for good, rare ones in a first-in first-out window, so the
    memory of a process stays flat over a million articles while repeated words are computed once."""

    def __init__(self, rank: dict):
        super().__init__()
        self.rank = rank
        self.rare: deque = deque()

    def remember(self, key, word: str, value):
        self[key] = value
        if self.rank.get(word, FREQUENT_RANK + 1) > FREQUENT_RANK:
            self.rare.append(key)
            if len(self.rare) > RARE_CACHED:
                self.pop(self.rare.popleft(), None)
        return value


class Featurizer:
    def __init__(self, index, known: set[str] | None = None):
        """`known`: the attributes a trained model has weights for (None while training: keep all)."""
        self.index = index
        self.known = known
        self._static = WordCache(index.word_rank)     # (key, kind) -> features
        self._context = WordCache(index.word_rank)    # (key, kind) -> features seen from each neighbour
        self._stems = WordCache(index.word_rank)      # key -> (proclitics, stem)
        self._shared: dict[str, str] = {}             # feature string -> its one shared copy
        self._marks_of = None                         # the document whose lexicon marks are in _marks
        self._marks: list[list[str]] = []

    def _keep(self, features):
        known = self.known
        if known is None:
            return list(features)
        # One shared string per model attribute: cached words then hold pointers, not copies of their
        # feature strings, so several times more words fit in the same memory.
        shared = self._shared
        return [shared.setdefault(f, f) for f in features if f in known]

    # --- per key -------------------------------------------------------------------------------------
    def _known_word(self, word: str) -> bool:
        index = self.index
        return word in index.word_rank or word in index.given_names or word in index.family_names

    def stem(self, key: str) -> tuple[str, str]:
        """(proclitics, stem): the reading whose stem is a known word, preferring the whole word."""
        cached = self._stems.get(key)
        if cached is not None:
            return cached
        reading = ("", key)
        if not self._known_word(key):
            index = self.index
            # A name behind a proclitic first (وكيم is و + كيم, not وك + يم), then the longest proclitics
            # whose stem is a known word of three letters or more (وبالعراق).
            readings = [r for r in split_proclitics(key)[1:] if len(r[1]) >= 3]
            names = [r for r in readings if r[1] in index.given_names or r[1] in index.family_names]
            known = sorted((r for r in readings if self._known_word(r[1])), key=lambda r: -len(r[0]))
            if names:
                reading = min(names, key=lambda r: len(r[0]))
            elif known:
                reading = known[0]
            elif key[:1] == "و" and len(key) > 3:
                reading = ("و", key[1:])
        self._stems.remember(key, key, reading)
        return reading

    def _bucket(self, word: str) -> str:
        rank = self.index.word_rank.get(word)
        if rank is not None:
            for limit, label in _RANK_BUCKETS:
                if rank <= limit:
                    return label
        return "f0"

    def _all_static(self, key: str, kind: str) -> list[str]:
        if kind != "word":
            return [f"k={kind}", "w=NUM" if kind == "number" else f"w={key}"]
        prefix, stem = self.stem(key)
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem
        index = self.index
        features = [
            "k=word", f"w={key}", f"s={bare}", f"p={prefix}", f"al={int(bare is not stem)}",
            f"s2={bare[-2:]}", f"s3={bare[-3:]}", f"b2={bare[:2]}", f"b3={bare[:3]}",
            f"len={min(len(bare), 9)}", f"fq={self._bucket(key)}", f"fqs={self._bucket(stem)}",
        ]
        if bare in index.given_names or stem in index.given_names:
            features.append("gn")
        if bare in index.family_names or stem in index.family_names:
            features.append("fn")
        if key in index.stopwords or stem in index.stopwords:
            features.append("sw")
        if stem in index.organization_heads or bare in index.organization_heads:
            features.append("oh")
        if stem in index.location_heads or bare in index.location_heads:
            features.append("lh")
        if len(bare) >= 5:
            features.extend((f"s4={bare[-4:]}", f"b4={bare[:4]}"))
        if index.word_rank.get(key, 10**9) > 5000:
            # The share of long vowels tells transliterated foreign names (نيستلروي، دافيدز) from words.
            vowels = sum(bare.count(v) for v in "اوي")
            features.append(f"v={min(4, vowels * 5 // max(len(bare), 1))}")
        return features

    def static(self, key: str, kind: str) -> list[str]:
        key = _ONE_KEY.get(kind, key)
        cached = self._static.get((key, kind))
        if cached is None:
            cached = self._static.remember((key, kind), key, self._keep(["bias", *self._all_static(key, kind)]))
        return cached

    def context(self, key: str, kind: str) -> tuple[list[str], ...]:
        """The token's features as seen from each neighbour position in CONTEXT, prefixed with the offset."""
        key = _ONE_KEY.get(kind, key)
        cached = self._context.get((key, kind))
        if cached is None:
            useful = [f for f in self._all_static(key, kind) if f.startswith(_CONTEXT_KEEP)]
            cached = self._context.remember((key, kind), key, tuple(
                self._keep(f"{offset}:{f}" for f in useful) for offset in CONTEXT))
        return cached

    # --- per sentence --------------------------------------------------------------------------------
    def lexicon_marks(self, doc, first: int, end: int) -> list[list[str]]:
        """The lexicon hits over the tokens [first, end), as marks (lx=TTL-B …); computed once per document,
        not once per sentence over all of its hits."""
        if self._marks_of is not doc:
            marks: list[list[str]] = [[] for _ in doc.tokens]
            for hit in doc.hits:
                labels = {_LEXICON_LABELS.get((e.kind, e.form), e.kind) + ("?" if e.needs_context else "")
                          for e in hit.entries}
                for position in range(hit.first_token, hit.end_token):
                    where = "B" if position == hit.first_token else "I"
                    marks[position].extend(sorted(f"lx={label}-{where}" for label in labels))
            self._marks_of, self._marks = doc, marks
        return self._marks[first:end]

    def evidence(self, doc, first: int, end: int) -> dict[str, set[str]]:
        """What one sentence says about its words, for the other sentences of the document: a word seen
        right after a title or a reporting verb, after a given name, before a family name, inside a
        lexicon entry. Names recur in an article; their clearest mention informs the others."""
        tokens = doc.tokens
        marks = self.lexicon_marks(doc, first, end)
        index = self.index
        stems = [self.stem(t.key)[1] if t.kind == "word" else None for t in tokens[first:end]]
        found: dict[str, set[str]] = {}
        for i, stem in enumerate(stems):
            if stem is None:
                continue
            seen = found.setdefault(stem, {"seen"})
            before = marks[i - 1] if i else ()
            if not marks[i]:
                if any(m.startswith(("lx=TTL", "lx=HON")) for m in before):
                    seen.add("aftertitle")
                if any(m.startswith("lx=CUE") for m in before):
                    seen.add("aftercue")
            if i and stems[i - 1] in index.given_names and stem not in index.given_names:
                seen.add("aftergiven")
            if i + 1 < len(stems) and stems[i + 1] in index.family_names and stem in index.given_names:
                seen.add("beforefamily")
            seen.update("lex" + m[3:].split("-", 1)[0] for m in marks[i])
        return found

    def sentence(self, doc, first: int, end: int, memory=None) -> list[list[str]]:
        """Features of the tokens [first, end); `memory`: the other sentences' evidence (Memory view)."""
        tokens = doc.tokens[first:end]
        count = len(tokens)
        keys = [(t.key, t.kind) for t in tokens]
        marks = self.lexicon_marks(doc, first, end)
        known = self.known
        contexts = [self.context(key, kind) for key, kind in keys]
        # A title, honorific or modifier within the three words before; a reporting verb within three after.
        title_near = [False] * count
        cue_near = [False] * count
        for j, row in enumerate(marks):
            if row and any(m.startswith(_TITLE_LABELS) for m in row):
                for i in range(j + 1, min(count, j + 4)):
                    title_near[i] = True
            if row and any(m.startswith("lx=CUE") for m in row):
                for i in range(max(0, j - 3), j):
                    cue_near[i] = True
        sequence = []
        for i, (key, kind) in enumerate(keys):
            features = list(self.static(key, kind))
            extra = list(marks[i])
            for slot, offset in enumerate(CONTEXT):
                j = i + offset
                if 0 <= j < count:
                    features.extend(contexts[j][slot])
                    if marks[j]:
                        extra.extend(f"{offset}:{m}" for m in marks[j])
                else:
                    extra.append(f"{offset}:EDGE")
            if i:
                extra.append(f"w-1|w={keys[i - 1][0]}|{key}")
            if title_near[i]:
                extra.append("ttl<3")
            if cue_near[i]:
                extra.append("cue>3")
            if memory is not None and kind == "word":
                extra.extend("doc:" + e for e in memory.get(self.stem(key)[1], ()))
            features.extend(extra if known is None else [f for f in extra if f in known])
            sequence.append(features)
        return sequence
