"""Reading and validating lexicon YAML files, with file, line and field in every error message."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import LexiconError

ORG_KINDS = {"igo", "ngo", "government", "military", "legislature", "judiciary", "party", "armed_group",
             "media", "company", "club", "religious", "other"}
LOCATION_KINDS = {"region", "city", "province", "water", "landmark", "facility"}
AGENT_CODES = {"GOV", "MIL", "LEG", "JUD", "DIP", "REL", "BUS", "MED", "EDU", "REB", "OPP", "SPY", "COP",
               "ELI", "CVL"}
CAMEO_ROOTS = {f"{n:02d}" for n in range(1, 21)}

_CODE2 = re.compile(r"^[A-Z]{2}$")
_CODE3 = re.compile(r"^[A-Z]{3}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_ARABIC = re.compile("[\u0600-\u06ff]")


def _text(value):
    if not isinstance(value, str) or not value.strip():
        return "must be a non-empty string"
    if value != value.strip():
        return "has leading or trailing spaces"
    return None


def _arabic(value):
    return _text(value) or (None if _ARABIC.search(value) else "must contain Arabic letters")


def _list_of(check):
    def check_list(value):
        if not isinstance(value, list):
            return "must be a list of strings"
        for item in value:
            problem = check(item)
            if problem:
                return f"item {item!r} {problem}"
        return None
    return check_list


_arabic_list = _list_of(_arabic)
# Names: Arabic, or Latin for names written in Latin letters in Arabic text (CNN, BBC).
_name_list = _list_of(_text)


def _pattern(regex, what):
    def check(value):
        return None if isinstance(value, str) and regex.match(value) else f"must be {what}"
    return check


def _choice(allowed):
    def check(value):
        return None if value in allowed else f"must be one of {', '.join(sorted(allowed))}"
    return check


def _optional_code2(value):
    return None if value is None else _pattern(_CODE2, "an ISO 3166-1 alpha-2 code such as US")(value)


def _bool(value):
    return None if isinstance(value, bool) else "must be true or false"


def _slug_list(value):
    if not isinstance(value, list) or not all(isinstance(v, str) and _SLUG.match(v) for v in value):
        return "must be a list of ids such as [un, nato]"
    return None


def _nisba_list(value):
    problem = _arabic_list(value)
    if problem:
        return problem
    for item in value:
        if not item.split()[-1].endswith("ي"):
            return f"item {item!r} must end in ي (masculine singular adjective)"
    return None


# section -> (identity field, {field: (required, check)})
SECTIONS = {
    "countries": ("code", {
        "code": (True, _pattern(_CODE2, "an ISO 3166-1 alpha-2 code such as US (quote NO as \"NO\")")),
        "alpha3": (True, _pattern(_CODE3, "an ISO 3166-1 alpha-3 code such as USA")),
        "name": (True, _arabic),
        "english": (True, _text),
        "aliases": (False, _arabic_list),
        "capital": (False, _arabic_list),
        "nisba": (False, _nisba_list),
        "demonyms": (False, _arabic_list),
        "needs_context": (False, _arabic_list),
        "member_of": (False, _slug_list),
    }),
    "organizations": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as un")),
        "name": (True, _arabic),
        "english": (True, _text),
        "kind": (True, _choice(ORG_KINDS)),
        "country": (False, _optional_code2),
        "aliases": (False, _name_list),
        "needs_context": (False, _arabic_list),
    }),
    "locations": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as middle-east")),
        "name": (True, _arabic),
        "english": (True, _text),
        "kind": (True, _choice(LOCATION_KINDS)),
        "country": (False, _optional_code2),
        "aliases": (False, _arabic_list),
        "needs_context": (False, _arabic_list),
    }),
    "people": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as donald-trump")),
        "name": (True, _arabic),
        "english": (True, _text),
        "country": (False, _optional_code2),
        "aliases": (False, _arabic_list),
        "needs_context": (False, _arabic_list),
    }),
    "families": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as al-thani")),
        "name": (True, _arabic),
        "english": (True, _text),
        "country": (True, _pattern(_CODE2, "an ISO 3166-1 alpha-2 code such as QA")),
        "aliases": (False, _arabic_list),
    }),
    "institutions": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as ministry-foreign")),
        "name": (True, _arabic),
        "english": (True, _text),
        "kind": (True, _choice(ORG_KINDS)),
        "heads": (True, _arabic_list),
        "construct": (False, _arabic_list),
        "of_leader": (False, _arabic_list),
        "gender": (True, _choice({"feminine", "masculine", "any"})),
        "stands_for_country": (False, _bool),
        "located": (False, _bool),
        "local": (False, _bool),
    }),
    "titles": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as minister-foreign")),
        "forms": (True, _arabic_list),
        "english": (True, _text),
        "agent": (True, _choice(AGENT_CODES)),
        "modifier": (False, _bool),
        "honorific": (False, _bool),
    }),
    "cues": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as qal")),
        "lemma": (True, _arabic),
        "forms": (True, _arabic_list),
        "english": (True, _text),
        "takes": (False, lambda v: None if isinstance(v, list) and all(isinstance(x, str) for x in v)
                  else "must be a list of strings"),
        "needs_introducer": (False, _bool),
        "introducer_forms": (False, _arabic_list),
        "impersonal_forms": (False, _arabic_list),
        "quotes_from": (False, _arabic),
        "participles": (False, _arabic_list),
        "calls_for": (False, _bool),
    }),
    "triggers": ("id", {
        "id": (True, _pattern(_SLUG, "a lower-case slug such as meet")),
        "cameo": (True, _choice(CAMEO_ROOTS)),
        "type": (True, _text),
        "verbs": (False, _arabic_list),
        "nouns": (False, _arabic_list),
        "objects": (False, _arabic_list),
        "cameo_by_state": (False, _choice(CAMEO_ROOTS)),
        "cameo_by_person": (False, _choice(CAMEO_ROOTS)),
        "possessor": (False, _choice(("source", "target"))),
        "needs_target": (False, _bool),
        "with_article": (False, _bool),
        "not_followed_by": (False, _arabic_list),
    }),
}
# Sections that are plain lists of words.
LIST_SECTIONS = ("stopwords", "given_names", "family_names", "common_words", "organization_heads",
                 "weak_organization_heads", "location_heads", "organization_purposes", "latin_name_heads",
                 "title_qualifiers")
TOP_LEVEL = set(SECTIONS) | {"about", *LIST_SECTIONS}


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """Safe loader that remembers the line of every mapping and of each of its keys."""


def _construct_mapping(loader, node, deep=False):
    mapping = _BaseLoader.construct_mapping(loader, node, deep=True)
    lines = {key_node.value: key_node.start_mark.line + 1
             for key_node, _ in node.value if isinstance(key_node, yaml.ScalarNode)}
    return _Mapping(mapping, node.start_mark.line + 1, lines)


class _Mapping(dict):
    __slots__ = ("line", "lines")

    def __init__(self, data, line, lines):
        super().__init__(data)
        self.line = line
        self.lines = lines


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class LexiconFile:
    path: str
    sections: dict[str, list[dict]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)   # stopwords, given_names, …


def read_lexicon_file(path: str | Path, data: bytes | None = None) -> LexiconFile:
    """Parse and validate one file. Raise LexiconError naming file, line and field."""
    path = str(path)
    if data is None:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise LexiconError(f"{path}: cannot read lexicon: {exc.strerror or exc}") from None
    try:
        document = yaml.load(data.decode("utf-8"), Loader=_LineLoader)
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: lexicon files must be UTF-8 (bad byte at {exc.start})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(f"{where}: not valid YAML: {problem}") from None
    if document is None:
        return LexiconFile(path)
    if not isinstance(document, dict):
        raise LexiconError(f"{path}:1: a lexicon file is a mapping with sections such as 'countries:'")
    result = LexiconFile(path)
    strict = False
    lines = getattr(document, "lines", {})
    for section, value in document.items():
        line = lines.get(section, 1)
        if section not in TOP_LEVEL:
            raise LexiconError(f"{path}:{line}: unknown section {section!r} "
                               f"(expected one of {', '.join(sorted(TOP_LEVEL))})")
        if section == "about":
            if isinstance(value, dict) and value.get("proclitics") not in (None, "strict", "free"):
                raise LexiconError(f"{path}:{line}: about: 'proclitics' must be strict or free")
            strict = isinstance(value, dict) and value.get("proclitics") == "strict"
            continue
        if section in LIST_SECTIONS:
            problem = _arabic_list(value)
            if problem:
                raise LexiconError(f"{path}:{line}: {section}: {problem}")
            result.lists.setdefault(section, []).extend(value)
            continue
        if not isinstance(value, list):
            raise LexiconError(f"{path}:{line}: section {section!r} must be a list of entries")
        result.sections[section] = [_check_entry(path, section, index, entry, line)
                                    for index, entry in enumerate(value)]
        _check_unique(path, section, value, line)
    if strict:
        # «about: {proclitics: strict}»: behind و/ب/ل/ك these entries match only when their first word is a
        # frequent word (for generated lists: not ب + لاتر in بلاتر).
        for entries in result.sections.values():
            for entry in entries:
                entry["_strict"] = True
    return result


def _check_unique(path: str, section: str, entries: list, section_line: int) -> None:
    """Two entries of one file with the same id: the second would silently replace the first."""
    identity = SECTIONS[section][0]
    first_lines: dict[str, int] = {}
    for entry in entries:
        line = getattr(entry, "line", section_line)
        ident = entry.get(identity)
        if ident in first_lines:
            raise LexiconError(f"{path}:{line}: {section}: duplicate {identity} {ident!r} "
                               f"(first at line {first_lines[ident]})")
        first_lines[ident] = line


def _check_entry(path: str, section: str, index: int, entry, section_line: int) -> dict:
    identity, fields = SECTIONS[section]
    if not isinstance(entry, dict):
        raise LexiconError(f"{path}:{section_line}: {section}[{index}] must be a mapping of fields")
    line = getattr(entry, "line", section_line)
    label = f"{section}[{index}]"
    if isinstance(entry.get(identity), str):
        label += f" ({identity} {entry[identity]})"
    for name, value in entry.items():
        field_line = entry.lines.get(name, line) if hasattr(entry, "lines") else line
        if name not in fields:
            raise LexiconError(f"{path}:{field_line}: {label}: unknown field {name!r} "
                               f"(expected {', '.join(fields)})")
        problem = fields[name][1](value)
        if problem:
            raise LexiconError(f"{path}:{field_line}: {label}: field {name!r} {problem}")
    for name, (required, _check) in fields.items():
        if required and name not in entry:
            raise LexiconError(f"{path}:{line}: {label}: missing required field {name!r}")
    return dict(entry)
