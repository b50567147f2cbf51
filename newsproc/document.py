"""The one object every stage works on.

A `Document` carries the original decoded text and stand-off layers over it: every span is a pair of
character offsets into `Document.text`, never a copy of edited text. Each stage adds its own layer and
reads earlier ones; none edits another's layer.
"""
from __future__ import annotations

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

    def warn(self, code: str, message: str) -> None:
        self.warnings.append({"code": code, "message": message})
