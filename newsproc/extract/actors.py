"""Pipeline stage: one actor per entity, from its mentions.

Mentions with the same entity key become one actor (الولايات المتحدة، أمريكا، واشنطن as a state and
الأمريكية all resolve to country:US). Actors are numbered A1, A2, … in order of first mention.
"""
from __future__ import annotations

from ..document import Actor

NAME_QUOTES = str.maketrans("", "", '"«»“”')
# Forms that are names of the entity and therefore aliases; adjectives and name parts are not.
ALIAS_FORMS = frozenset({"name", "capital", "demonym"})


def _clean(doc, start: int, end: int) -> str:
    """The display form of a span: the clean view's text (no tatweel or invisible controls)."""
    from ..text.normalize import clean_view

    return clean_view(doc.text[start:end]).text


def _display_name(doc, start: int, end: int) -> str:
    """An actor's name from a span, without the marks of how it was written: quotes around a name
    (حزب "كلنا" -> حزب كلنا) and a hashtag's underscores (#بنيامين_نتنياهو -> بنيامين نتنياهو)."""
    text = _clean(doc, start, end).replace("_", " ")
    return " ".join(text.translate(NAME_QUOTES).split())


# Roles that belong to a state; an official whose country the sentence does not say belongs to the
# article's main country (وزير الداخلية in an article about France is French), and so does anyone in an
# article that names no other country (local news).
STATE_AGENTS = frozenset({"GOV", "MIL", "DIP", "JUD", "LEG", "COP", "SPY"})


def resolve_actors(doc, index):
    groups: dict[str, list] = {}
    for mention in sorted(doc.mentions, key=lambda m: (m.start, m.end)):
        groups.setdefault(mention.entity, []).append(mention)
    actors = []
    for number, (entity, mentions) in enumerate(groups.items(), start=1):
        actors.append(_actor(doc, index, f"A{number}", entity, mentions))
    main = _main_country(actors)
    if main:
        only = sum(1 for a in actors if a.type == "country") == 1
        for actor in actors:
            if actor.type != "person" or actor.country is not None or any(m.data.get("known") for m in actor.mentions):
                continue  # a known person without a state (جوزيب بوريل of the EU) does not take the article's
            official = any(index.tables["titles"][data["title_id"]]["agent"] in STATE_AGENTS
                           for m in actor.mentions for data in _titles(m))
            # Officials belong to the article's main country; anyone does when it is the only country.
            if official or only:
                actor.country = main
    for actor in actors:
        actor.cameo = _cameo_code(actor, index)
    doc.actors = actors
    return doc


# CAMEO agent codes of organisation kinds (README: "CAMEO actor codes").
KIND_AGENTS = {"government": "GOV", "military": "MIL", "legislature": "LEG", "judiciary": "JUD", "party": "PTY",
               "armed_group": "REB", "media": "MED", "company": "BUS", "ngo": "NGO", "religious": "REL"}


def _cameo_code(actor, index) -> str | None:
    """USA for the state, USAGOV for its minister or ministry, IGO for the UN: the country's ISO alpha-3
    code, then the agent code of the person's first role or of the organisation's kind."""
    if actor.type == "location":
        return None
    if actor.type == "organization" and actor.kind == "igo":
        return "IGO"
    country = index.tables["countries"].get(actor.country) if actor.country else None
    prefix = country.get("alpha3") if country else None
    agent = None
    if actor.type == "person":
        agent = next((index.tables["titles"][data["title_id"]]["agent"] for m in actor.mentions
                      for data in _titles(m) if not data.get("honorific")), None)
    elif actor.type == "organization":
        agent = KIND_AGENTS.get(actor.kind)
    code = (prefix or "") + (agent or "")
    return code or None


def _main_country(actors) -> str | None:
    """The country an article is about: mentioned at least twice, and twice as often as any other. Its
    places and bodies speak for it too: a local story from جدة and منطقة مكة المكرمة is about SA."""
    counts: dict[str, int] = {}
    for actor in actors:
        if actor.type in ("country", "location", "organization") and actor.country:
            counts[actor.country] = counts.get(actor.country, 0) + len(actor.mentions)
    ranked = sorted(((n, code) for code, n in counts.items()), reverse=True)
    if not ranked or ranked[0][0] < 2 or (len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]):
        return None
    return ranked[0][1]


def _actor(doc, index, actor_id: str, entity: str, mentions: list) -> Actor:
    first = mentions[0]
    prefix, _, ident = entity.partition(":")
    actor = Actor(actor_id, first.type, entity, "", mentions=mentions)
    if prefix == "country":
        entry = index.tables["countries"][ident]
        actor.name, actor.code, actor.country = entry["name"], ident, ident
        actor.english = entry["english"]
    elif prefix in ("org", "loc") and ident.startswith("name:"):
        # Found by the tagger or by its head noun, unknown to the lexicons: no code, no English name.
        named = next((m for m in mentions if m.form == "name" and not m.data.get("elided")),
                     next((m for m in mentions if not m.data.get("elided")), first))
        actor.name = _display_name(doc, named.start, named.end)
        if named.data.get("elided"):
            actor.name = "ا" + actor.name  # «للحزب الشيوعي»: the name is الحزب الشيوعي
        actor.country = next((m.data["country"] for m in mentions if m.data.get("country")), None)
    elif prefix == "org" and first.data.get("institution"):
        institution, code = ident.split(":")
        entry = index.tables["institutions"][institution]
        country = index.tables["countries"][code]
        adjective = _definite_adjective(country, entry["gender"])
        actor.name = f"{entry['name']} {adjective}" if adjective else f"{entry['name']} {country['name']}"
        actor.country, actor.kind = code, entry["kind"]
        actor.english = f"{entry['english']} ({country['english']})"
    elif prefix == "org":
        entry = index.tables["organizations"][ident]
        actor.name, actor.country, actor.kind = entry["name"], entry.get("country"), entry["kind"]
        actor.english = entry["english"]
    elif prefix == "loc" and ident.startswith("capital:"):
        code = ident.split(":")[1]
        country = index.tables["countries"][code]
        actor.name = _clean(doc, first.start, first.end)
        actor.country, actor.kind = code, "city"
        actor.english = f"capital of {country['english']}"
    elif prefix == "loc":
        entry = index.tables["locations"][ident]
        actor.name, actor.country, actor.kind = entry["name"], entry.get("country"), entry["kind"]
        actor.english = entry["english"]
    else:  # person
        known = next((m.data["known"] for m in mentions if m.data.get("known")), None)
        if known is not None:
            entry = index.tables["people"][known]
            actor.english = entry["english"]
        named = [m for m in mentions if m.form == "name"] or [first]
        longest = max(named, key=lambda m: (len(m.entity) if m.entity == entity else 0, m.end - m.start))
        actor.name = _display_name(doc, longest.start, longest.end)
        for mention in named:
            for data in _titles(mention):
                if data.get("honorific"):
                    continue
                # The role's words without the country they name (وزير الخارجية الأمريكي -> وزير الخارجية).
                title = " ".join(_clean(doc, a, b).strip(" ،,") for a, b in data["role"])
                if data.get("title_elided"):
                    title = "ا" + title  # «للمدرب العراقي»: the title is المدرب, its alef unwritten after ل
                role = {"title": title, "affiliation": data.get("affiliation")}
                if role not in actor.roles:
                    actor.roles.append(role)
                if actor.country is None and data.get("affiliation"):
                    actor.country = data["affiliation"]
        if actor.country is None and known is not None:
            actor.country = index.tables["people"][known].get("country")
        if actor.country is None:
            actor.country = index.family_country(ident)
    actor.aliases = []
    for mention in mentions:
        if mention.form in ALIAS_FORMS and mention.type == actor.type:
            surface = _display_name(doc, mention.start, mention.end)
            if mention.data.get("elided"):
                surface = "ا" + surface  # «للجوهرة أف أم»: the name is الجوهرة أف أم
            if surface != actor.name and surface not in actor.aliases:
                actor.aliases.append(surface)
    return actor


def _titles(mention) -> list[dict]:
    """The title data of a person's mention: the title before the name, then one in apposition after it."""
    found = [mention.data] if "title_id" in mention.data else []
    if isinstance(mention.data.get("apposition"), dict):
        found.append(mention.data["apposition"])
    return found


def _definite_adjective(country: dict, gender: str) -> str | None:
    nisba = (country.get("nisba") or [None])[0]
    if not nisba:
        return None
    suffix = "ة" if gender == "feminine" else ""
    words = nisba.split()
    return " ".join("ال" + w + suffix if w.endswith("ي") else w for w in words)
