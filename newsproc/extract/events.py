"""Pipeline stage: events — who did what to whom, with a CAMEO root code.

A trigger from the `triggers` lexicon (verbs and verbal nouns) opens an event.
* Sources: the subject after a verb (coordination included) or the actor just before it; for a verbal
  noun, the actor right after it (its possessor: تقديم بيونج يانج … إلى روسيا); a verb with no subject
  takes the sources of the previous event in the same paragraph.
* Targets: actors after ضد، على، إلى، مع، ل، بين … و … later in the clause, or the object after the subject.
* Location: a place introduced by في/ب in the sentence. Date: an explicit date in the sentence, or a
  day word (اليوم، أمس، a weekday) resolved against the article's date.
* `negated` when لم/لن/لا/ما/عدم/دون precede the trigger; `hypothetical` under إذا/لو/في حال/قد.
`start`/`end` are the trigger's offsets.
"""
from __future__ import annotations

from .clause import ActorSpans
from .dates import resolve_date

TARGET_PREPOSITIONS = ("ضد", "على", "علي", "الى", "مع", "بين", "تجاه", "نحو", "لدى")
NEGATIONS = frozenset({"لم", "لن", "لا", "ما", "عدم", "دون", "بدون", "ليس", "غير"})
HYPOTHETICAL = frozenset({"اذا", "لو", "حال", "قد", "ربما", "يمكن", "سوف", "ان"})
CLAUSE_BREAKS = frozenset({".", "?", "!", ";", ":"})


def _trigger_hits(doc, covered):
    chosen, taken = [], set()
    for hit in sorted(doc.hits, key=lambda h: (-(h.end_token - h.first_token), h.first_token)):
        if not any(e.kind == "trigger" for e in hit.entries):
            continue
        span = set(range(hit.first_token, hit.end_token))
        if span & taken or span & covered:
            continue
        taken |= span
        chosen.append(hit)
    chosen.sort(key=lambda h: h.first_token)
    return chosen


def find_events(doc, index):
    actors = ActorSpans(doc)
    tokens = doc.tokens
    covered = {i for m in doc.mentions for i in range(m.first_token, m.end_token)}
    location_ids = {a.id for a in doc.actors if a.type == "location"}
    events = []
    previous = None  # (sources, block)
    for hit in _trigger_hits(doc, covered):
        entry = next(e for e in hit.entries if e.kind == "trigger")
        trigger = index.tables["triggers"][entry.ident]
        sentence = doc.sentences[tokens[hit.first_token].sentence]
        limit = _clause_end(tokens, hit.end_token, sentence.end_token)
        sources, after = [], hit.end_token
        subject = actors.subject_after(hit.end_token, limit)
        if subject is not None:
            sources, _first, after = subject
        elif entry.form == "verb":
            before = actors.subject_before(hit.first_token, sentence.first_token)
            if before is not None:
                sources = [before[1]]
            elif previous is not None and previous[1] == sentence.block:
                sources = list(previous[0])
        sources = [s for s in sources if s not in location_ids]
        targets, location = _targets(doc, actors, tokens, after, limit, sources, location_ids)
        window = [t.key for t in tokens[max(sentence.first_token, hit.first_token - 3):hit.first_token]]
        start = _trigger_start(doc, hit)
        end = tokens[hit.end_token - 1].end
        events.append({
            "id": f"E{len(events) + 1}",
            "type": trigger["type"],
            "cameo": trigger["cameo"],
            "trigger": doc.text[start:end],
            "sources": sources,
            "targets": targets,
            "location": location,
            "date": resolve_date(doc, sentence),
            "sentence": tokens[hit.first_token].sentence,
            "start": start,
            "end": end,
            "negated": bool(window) and window[-1] in NEGATIONS,
            "hypothetical": any(k in HYPOTHETICAL for k in window[-3:]),
        })
        if entry.form == "verb" and sources:
            previous = (sources, sentence.block)
    doc.events = events
    return doc


def _trigger_start(doc, hit) -> int:
    token = doc.tokens[hit.first_token]
    letters = len(hit.proclitics)
    if not letters:
        return token.start
    return doc.views["key"].original_span(token.vstart + letters, token.vstart + letters + 1)[0]


def _clause_end(tokens, position, limit) -> int:
    for index in range(position, limit):
        if tokens[index].key in CLAUSE_BREAKS:
            return index
    return limit


def _targets(doc, actors, tokens, position, limit, sources, location_ids):
    targets, location = [], None
    index = position
    while index < limit:
        item = actors.titled.get(index) or actors.at(index)
        if item is None:
            index += 1
            continue
        mention, actor_id = item
        before = tokens[index - 1].key if index > 0 else ""
        introduced = before in TARGET_PREPOSITIONS or tokens[index].key.startswith(("ل", "ول")) and \
            mention.start > tokens[index].start
        locative = before == "في" or (tokens[index].key.startswith(("ب", "وب")) and mention.start > tokens[index].start)
        if actor_id in location_ids or (locative and mention.type in ("location", "country")):
            if location is None and locative:
                location = actor_id
        elif actor_id not in sources and actor_id not in targets and (introduced or not targets):
            targets.append(actor_id)
        index = mention.end_token
    return targets, location
