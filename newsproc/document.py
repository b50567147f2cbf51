"""The one object every stage works on.

A `Document` carries the original decoded text and stand-off layers over it: every span is a pair of
character offsets into `Document.text`, never a copy of edited text. Each stage adds its own layer and
reads earlier ones; none edits another's layer.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass(slots=True)
class Block:
    """A line-level unit of the article: its title, a sub-heading or a paragraph."""

    kind: str  # "title" | "heading" | "paragraph"
    start: int
    end: int


@dataclass(slots=True)
class Token:
    start: int          # offsets in Document.text
    end: int
    key: str            # matching key (normalised spelling)
    kind: str           # "word" | "number" | "latin" | "punct" | "url"
    vstart: int         # offset of the token in the key view (to map letters inside the token)
    sentence: int = -1


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int    # index into Document.tokens
    end_token: int      # one past the last token
    block: int


class Name(NamedTuple):
    """A name the trained tagger found: tokens [first_token, end_token), PERS/LOC/ORG."""

    first_token: int
    end_token: int
    type: str
    probability: float   # mean marginal probability of its labels
    proclitics: int      # letters of proclitics on the first token (وجورج: 1)


@dataclass(slots=True)
class Mention:
    """A span that names (or stands for) an entity. `entity` is the lexicon key it resolves to, if any."""

    start: int
    end: int
    type: str                 # "person" | "country" | "organization" | "location"
    entity: str               # stable key: "country:US", "org:un", "person:<name key>", …
    form: str                 # "name" | "capital" | "adjective" | "demonym" | "title" | "surname" | …
    sentence: int
    first_token: int
    end_token: int
    data: dict[str, Any] = field(default_factory=dict)


def _invalidating(name):
    method = getattr(list, name)

    def mutate(self, *args, **kwargs):
        self._by_first = None
        return method(self, *args, **kwargs)
    mutate.__name__ = name
    return mutate


class MentionList(list):
    """A list of mentions that also answers "which mentions start at this token" without a scan (scanning
    the whole list for each question makes a long article quadratic). Appending keeps the index; any other
    change drops it, to be rebuilt on the next question. Mentions never move once made."""

    def __init__(self, items=()):
        super().__init__(items)
        self._by_first: dict[int, list[Mention]] | None = None

    def append(self, mention: Mention) -> None:
        if self._by_first is not None:
            self._by_first.setdefault(mention.first_token, []).append(mention)
        super().append(mention)

    def starting_at(self, position: int) -> list[Mention]:
        """The mentions that start at a token, in list order."""
        if self._by_first is None:
            by_first: dict[int, list[Mention]] = {}
            for mention in self:
                by_first.setdefault(mention.first_token, []).append(mention)
            self._by_first = by_first
        return self._by_first.get(position, [])


for _name in ("extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__", "__delitem__",
              "__iadd__"):
    setattr(MentionList, _name, _invalidating(_name))


@dataclass
class Actor:
    id: str
    type: str
    entity: str
    name: str
    english: str | None = None
    aliases: list[str] = field(default_factory=list)
    code: str | None = None
    country: str | None = None
    kind: str | None = None
    cameo: str | None = None  # CAMEO-style actor code: USAGOV, KORMIL, IGO …
    roles: list[dict] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Document:
    text: str
    id: str
    title: str | None = None
    date: str | None = None
    source: dict = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    views: dict[str, Any] = field(default_factory=dict)   # "clean", "key" -> text.normalize.View
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    hits: list = field(default_factory=list)               # lexicon.index.Hit, in token order
    names: list[Name] = field(default_factory=list)        # the name tagger's spans
    person_probability: list[float] = field(default_factory=list)  # per token, from the tagger
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    predicates: list = field(default_factory=list)         # cue and trigger hits, in token order
    subjects: dict = field(default_factory=dict)           # predicate token -> extract.clause.Subject
    statements: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    _hit_index: tuple | None = field(default=None, repr=False, compare=False)
    _predicate_index: tuple | None = field(default=None, repr=False, compare=False)

    # Positional indexes over the layers that are complete once written (hits, predicates): extractors ask
    # "what starts or ends at this token" many times, and a scan of the whole list each time makes a long
    # article quadratic.
    def _hits_by_position(self) -> tuple[dict, dict]:
        if self._hit_index is None or self._hit_index[0] is not self.hits:
            by_first: dict[int, list] = {}
            by_end: dict[int, list] = {}
            for hit in self.hits:
                by_first.setdefault(hit.first_token, []).append(hit)
                by_end.setdefault(hit.end_token, []).append(hit)
            self._hit_index = (self.hits, by_first, by_end)
        return self._hit_index[1], self._hit_index[2]

    def hits_at(self, first_token: int) -> list:
        """The lexicon hits that start at a token, in token order."""
        return self._hits_by_position()[0].get(first_token, [])

    def hits_ending_at(self, end_token: int) -> list:
        """The lexicon hits that end right before a token (end_token is one past their last token)."""
        return self._hits_by_position()[1].get(end_token, [])

    def predicates_starting_in(self, first: int, end: int) -> list:
        """The predicates whose first token lies in [first, end), in token order."""
        if self._predicate_index is None or self._predicate_index[0] is not self.predicates:
            self._predicate_index = (self.predicates, [p.first_token for p in self.predicates])
        starts = self._predicate_index[1]
        return self.predicates[bisect_left(starts, first):bisect_left(starts, end)]

    def warn(self, code: str, message: str) -> None:
        self.warnings.append({"code": code, "message": message})
