"""The compiled lexicon: one Aho-Corasick automaton over matching keys, plus entry tables.

Compiling (YAML → automaton) happens once per distinct set of lexicon files; the result is pickled into
a cache folder keyed by the files' contents, so a normal start only unpickles it.

How a sentence is matched: its tokens' keys are joined with single spaces and the automaton reports every
lexicon key that occurs in that string. A hit counts when it ends at a token end and starts either at a
token start or after a valid proclitic sequence inside the first token (و ف ب ل ك and their pairs), so
وكوريا matches كوريا, بالشرق الأوسط matches الشرق الأوسط, and — through a second, alef-less key registered
for every entry that starts with the article — للولايات المتحدة matches الولايات المتحدة. A hit never
starts after ال alone: المالي is not مالي.
"""
from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import ahocorasick

from ..errors import LexiconError
from ..text.normalize import matching_key
from ..text.tokenize import _TOKEN, ELIDING_PROCLITICS, PROCLITICS
from .load import LexiconFile, SECTIONS, read_lexicon_file

INDEX_FORMAT = 4
SHIPPED = ("countries", "countries_cldr", "organizations", "locations", "provinces", "cities", "institutions", "people",
           "titles", "stopwords", "names", "common_words", "heads", "cues", "triggers")
_VALID_PROCLITICS = frozenset(PROCLITICS)
FUTURE_PREFIXES = frozenset({"س", "وس", "فس"})


class Entry(NamedTuple):
    """One way an entry can be written: what it is (`kind`, `ident`) and how (`form`)."""

    kind: str            # country | organization | location | person | institution | construct | title
                         # | modifier | honorific | cue | trigger
    ident: str           # country code or entry id
    form: str            # name | capital | adjective | demonym | verb | noun | form
    gender: str = ""     # for adjectives: m | f | pl | du | fpl
    definite: bool = False
    needs_context: bool = False
    strict: bool = False  # behind a proclitic, only when the first word is a frequent word


class Hit(NamedTuple):
    first_token: int     # index into Document.tokens
    end_token: int       # one past the last token
    proclitics: str      # the proclitics the first token carries before the match
    entries: tuple[Entry, ...]
    elided: bool = False  # matched through لل: the article's alef is not written


def key_tokens(surface: str) -> str:
    """The matching key of a lexicon string, as the tokenizer would split it, joined by spaces."""
    return " ".join(m.group() for m in _TOKEN.finditer(matching_key(surface)))


# --- inflection of country adjectives --------------------------------------------------------------

_NISBA_SUFFIXES = (("", "m"), ("ة", "f"), ("ون", "pl"), ("ين", "pl"), ("ان", "du"), ("تان", "du"),
                   ("تين", "du"), ("ات", "fpl"))


def nisba_forms(stem: str) -> list[tuple[str, str, bool]]:
    """(surface, gender, definite) for a masculine singular adjective such as أمريكي or كوري جنوبي."""
    words = stem.split()
    forms = []
    for suffix, gender in _NISBA_SUFFIXES:
        inflected = [w + suffix if w.endswith("ي") else w for w in words]
        forms.append((" ".join(inflected), gender, False))
        if all(w.endswith("ي") for w in words):
            definite = ["ال" + w for w in inflected]
        else:  # جنوب أفريقي -> الجنوب أفريقية: the article goes on the first word only
            definite = ["ال" + inflected[0]] + inflected[1:]
        forms.append((" ".join(definite), gender, True))
    return forms


def _entry_surfaces(section: str, entry: dict):
    """Yield (surface, Entry) for every way an entry of `section` can be written."""
    context = set(entry.get("needs_context") or ())
    if section == "countries":
        code = entry["code"]
        for name in [entry["name"], *entry.get("aliases", ())]:
            yield name, Entry("country", code, "name", "", name.startswith("ال"), name in context)
        for capital in entry.get("capital", ()):
            yield capital, Entry("country", code, "capital", "", False, capital in context)
        for stem in entry.get("nisba", ()):
            for surface, gender, definite in nisba_forms(stem):
                yield surface, Entry("country", code, "adjective", gender, definite, stem in context)
        for noun in entry.get("demonyms", ()):
            yield noun, Entry("country", code, "demonym", "pl", False, noun in context)
            yield "ال" + noun, Entry("country", code, "demonym", "pl", True, noun in context)
    elif section in ("organizations", "locations"):
        kind = "organization" if section == "organizations" else "location"
        for name in [entry["name"], *entry.get("aliases", ())]:
            yield name, Entry(kind, entry["id"], "name", "", name.startswith("ال"), name in context,
                              entry.get("_strict", False))
    elif section == "people":
        for name in [entry["name"], *entry.get("aliases", ())]:
            yield name, Entry("person", entry["id"], "name", "", False, name in context)
    elif section == "institutions":
        for head in entry["heads"]:
            yield head, Entry("institution", entry["id"], "head", entry["gender"][0], True)
        for head in entry.get("construct", ()):
            yield head, Entry("construct", entry["id"], "construct", entry["gender"][0], False)
        for head in entry.get("of_leader", ()):
            yield head, Entry("leader_body", entry["id"], "construct", entry["gender"][0], False)
    elif section == "titles":
        kind = "modifier" if entry.get("modifier") else "honorific" if entry.get("honorific") else "title"
        for form in entry["forms"]:
            yield form, Entry(kind, entry["id"], "form")
    elif section == "cues":
        for form in entry["forms"]:
            yield form, Entry("cue", entry["id"], "form")
    elif section == "triggers":
        for verb in entry.get("verbs", ()):
            yield verb, Entry("trigger", entry["id"], "verb")
        for noun in entry.get("nouns", ()):
            yield noun, Entry("trigger", entry["id"], "noun")
            if entry.get("with_article", True) and not noun.startswith("ال") and " " not in noun:
                yield "ال" + noun, Entry("trigger", entry["id"], "noun", definite=True)


@dataclass
class LexiconIndex:
    automaton: object
    tables: dict[str, dict[str, dict]]
    stopwords: frozenset
    given_names: frozenset = frozenset()
    family_names: frozenset = frozenset()
    word_rank: dict = None          # matching key -> rank among the most frequent words (1 = most frequent)
    organization_heads: frozenset = frozenset()       # strong and weak heads together
    weak_organization_heads: frozenset = frozenset()
    location_heads: frozenset = frozenset()
    organization_purposes: frozenset = frozenset()
    title_qualifiers: frozenset = frozenset()
    latin_name_heads: frozenset = frozenset()
    files: tuple[str, ...] = ()
    digest: str = ""

    def entry(self, kind: str, ident: str) -> dict:
        table = {"country": "countries", "organization": "organizations", "location": "locations", "person": "people",
                 "institution": "institutions", "construct": "institutions", "leader_body": "institutions", "title": "titles",
                 "modifier": "titles", "honorific": "titles", "cue": "cues", "trigger": "triggers"}[kind]
        return self.tables[table][ident]

    def _ordinary_word(self, token_key: str, joined: str, start: int, end: int) -> bool:
        """«كبيرا» is a word, not ك + بيرا (Beira): a proclitic reading is refused when the whole token is a
        frequent word and the entry's first word is not (وكوريا stays و + كوريا: كوريا is frequent)."""
        rank = self.word_rank
        if not rank or token_key not in rank:
            return False
        first_word = joined[start:end + 1].split(" ", 1)[0]
        return first_word not in rank and ("ا" + first_word) not in rank

    def organization_without_spaces(self, key: str) -> str | None:
        """The id of the organisation one of whose names is `key` written without its spaces (بوكوحرام)."""
        table = self.__dict__.get("_compact_organizations")
        if table is None:
            table = {}
            for ident, entry in self.tables["organizations"].items():
                for name in [entry["name"], *entry.get("aliases", ())]:
                    compact = key_tokens(name).replace(" ", "")
                    if " " in key_tokens(name) and name not in (entry.get("needs_context") or ()):
                        table.setdefault(compact, ident)
            self._compact_organizations = table
        return table.get(key.replace(" ", ""))

    def family_country(self, name_key: str) -> str | None:
        """The state of a ruling family whose name is in a person's name (خليفة بن حمد آل ثاني → QA)."""
        families = self.__dict__.get("_family_keys")
        if families is None:
            families = self._family_keys = [
                (f" {key_tokens(name)} ", entry["country"]) for entry in self.tables["families"].values()
                for name in [entry["name"], *entry.get("aliases", ())]]
        padded = f" {name_key} "
        return next((country for family, country in families if family in padded), None)

    def match(self, keys: list[str], offset: int = 0) -> list[Hit]:
        """All lexicon hits in one sentence, given its tokens' keys; token indices start at `offset`."""
        if not keys or self.automaton.kind != ahocorasick.AHOCORASICK:
            return []
        starts = []
        position = 0
        for key in keys:
            starts.append(position)
            position += len(key) + 1
        joined = " ".join(keys)
        hits = []
        for end, (length, plain, elided) in self.automaton.iter(joined):
            if end + 1 < len(joined) and joined[end + 1] != " ":
                continue
            start = end - length + 1
            token = bisect.bisect_right(starts, start) - 1
            prefix = joined[starts[token]:start]
            if prefix in FUTURE_PREFIXES and plain and joined[start:start + 1] in "يتنا":
                # سيلتقي، وستواصل: the future particle before an imperfect verb
                entries = tuple(e for e in plain if e.form == "verb" or e.kind == "cue")
                is_elided = False
                if not entries:
                    continue
            elif prefix in _VALID_PROCLITICS and plain:
                entries, is_elided = plain, False
            elif prefix in ELIDING_PROCLITICS and elided:
                entries, is_elided = elided, True
            else:
                continue
            if prefix:
                if self._ordinary_word(keys[token], joined, start, end):
                    continue
                if self.word_rank and joined[start:end + 1].split(" ", 1)[0] not in self.word_rank:
                    entries = tuple(e for e in entries if not e.strict)
                    if not entries:
                        continue
            last = bisect.bisect_right(starts, end) - 1
            hits.append(Hit(offset + token, offset + last + 1, prefix, entries, is_elided))
        return hits


def _word_lists(files: list[LexiconFile]) -> dict:
    lists: dict[str, list[str]] = {}
    for lexicon in files:
        for name, words in lexicon.lists.items():
            lists.setdefault(name, []).extend(words)
    rank: dict[str, int] = {}
    for word in lists.get("common_words", ()):
        rank.setdefault(key_tokens(word), len(rank) + 1)
    return {
        "stopwords": frozenset(key_tokens(w) for w in lists.get("stopwords", ())),
        "given_names": frozenset(key_tokens(w) for w in lists.get("given_names", ())),
        "family_names": frozenset(key_tokens(w) for w in lists.get("family_names", ())),
        "organization_heads": frozenset(key_tokens(w) for w in (*lists.get("organization_heads", ()),
                                                                  *lists.get("weak_organization_heads", ()))),
        "weak_organization_heads": frozenset(key_tokens(w) for w in lists.get("weak_organization_heads", ())),
        "location_heads": frozenset(key_tokens(w) for w in lists.get("location_heads", ())),
        "organization_purposes": frozenset(key_tokens(w) for w in lists.get("organization_purposes", ())),
        "latin_name_heads": frozenset(key_tokens(w) for w in lists.get("latin_name_heads", ())),
        "title_qualifiers": frozenset(key_tokens(w) for w in lists.get("title_qualifiers", ())),
        "word_rank": rank,
    }


def _build(files: list[LexiconFile]) -> tuple[object, dict]:
    tables: dict[str, dict[str, dict]] = {section: {} for section in SECTIONS}
    for lexicon in files:
        for section, entries in lexicon.sections.items():
            identity = SECTIONS[section][0]
            for entry in entries:
                existing = tables[section].get(entry[identity])
                if existing is None:
                    tables[section][entry[identity]] = dict(entry)
                else:  # a later file extends an entry: list fields are merged, scalars replaced
                    for name, value in entry.items():
                        if isinstance(value, list):
                            existing[name] = list(dict.fromkeys([*existing.get(name, []), *value]))
                        else:
                            existing[name] = value
    surfaces: dict[str, tuple[list, list]] = {}
    for section, entries in tables.items():
        for entry in entries.values():
            for surface, item in _entry_surfaces(section, entry):
                key = key_tokens(surface)
                if not key:
                    continue
                plain, _ = surfaces.setdefault(key, ([], []))
                if item not in plain:
                    plain.append(item)
                if key.startswith("ال") and len(key) > 3:
                    _, elided = surfaces.setdefault(key[1:], ([], []))
                    if item not in elided:
                        elided.append(item)
    automaton = ahocorasick.Automaton()
    for key, (plain, elided) in surfaces.items():
        automaton.add_word(key, (len(key), tuple(plain), tuple(elided)))
    automaton.make_automaton()
    return automaton, tables


def shipped_files() -> list[Path]:
    folder = resources.files("newsproc.lexicon") / "data"
    return [Path(str(folder / f"{name}.yaml")) for name in SHIPPED]


def cache_dir() -> Path:
    configured = os.environ.get("NEWSPROC_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsproc"


def _digest(contents: list[tuple[str, bytes]]) -> str:
    from .. import __version__

    digest = hashlib.sha256(f"newsproc-index/{INDEX_FORMAT}/{__version__}".encode())
    for _path, data in contents:
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def compile_files(paths: list[Path | str], use_cache: bool = True) -> LexiconIndex:
    """Compile the given lexicon files (in order) into an index, through the on-disk cache."""
    contents = []
    for path in paths:
        try:
            contents.append((str(path), Path(path).read_bytes()))
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    digest = _digest(contents)
    cached = cache_dir() / f"index-{digest[:32]}.pickle"
    if use_cache:
        try:
            with open(cached, "rb") as handle:
                index = pickle.load(handle)
            if isinstance(index, LexiconIndex) and index.digest == digest:
                return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            pass  # no cache or an unreadable one: rebuild
    files = [read_lexicon_file(path, data) for path, data in contents]
    automaton, tables = _build(files)
    index = LexiconIndex(automaton, tables, **_word_lists(files), files=tuple(p for p, _ in contents), digest=digest)
    if use_cache:
        store_pickle(index, cached)
    return index


KEEP_CACHED = 8


def _prune(target: Path) -> None:
    """Keep the most recently written cache files of one kind (index-…, crf-attributes-…); older ones
    belong to lexicon or model versions that are gone."""
    kind = target.name.rsplit("-", 1)[0]
    files = sorted(target.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in files[KEEP_CACHED:]:
        try:
            stale.unlink()
        except OSError:
            pass


def store_pickle(value, target: Path) -> None:
    """Write a cache file atomically; a read-only or full disk only costs speed, never correctness."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle = tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=".cache-", delete=False)
        with handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, target)
        _prune(target)
    except OSError:
        try:
            os.unlink(handle.name)
        except (OSError, UnboundLocalError):
            pass
