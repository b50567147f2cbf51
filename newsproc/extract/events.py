"""Pipeline stage: events — who did what to whom, with a CAMEO root code.

A trigger from the `triggers` lexicon (verbs and verbal nouns) opens an event.
* Sources: the trigger's subject (clause.py): after the verb with coordination, before it at the start of
  a clause, continued from the previous predicate, or — for a verbal noun — its possessor or the actor
  after من جانب / من قبل. «بين X و Y» after a noun gives both as sources.
* Targets: actors introduced by ضد، على، إلى، مع، ل، تجاه … later in the clause, or the first actor after
  the subject (the object).
* Location: a place or country after في / ب (also «في عاصمة كوريا الجنوبية، سول»).
* Date: an explicit date in the sentence, or a day word resolved against the article's date.
* `negated` after لم/لن/لا/ما/عدم/دون; `hypothetical` under إذا/لو/في حال/قد/أي.
An event whose participants are not named actors («اندلعت مواجهات», «اعتقل مسلحون») is still reported,
with empty `sources`/`targets`: the action, its place and date are news on their own, and users filter on
participants when they need them.
`start`/`end` are the trigger's offsets.
"""
from __future__ import annotations

from bisect import bisect_left

from ..text.normalize import keys

from .clause import NOT_A_SUBJECT, RELATIVE_PRONOUNS, SKIPPABLE, ActorSpans, Subject, past_skippable, select_hits
from .lookup import hit_start
from .dates import resolve_date

TARGET_PREPOSITIONS = keys("ضد", "على", "الى", "مع", "تجاه", "نحو", "لدى", "بحق", "عن")
LOCATIVE_PREPOSITIONS = keys("في", "داخل")
PLACE_NOUNS = keys("عاصمه", "العاصمه", "مدينه", "منطقه", "ولايه", "محافظه", "اقليم", "انحاء", "مختلف",
                         "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي")
NEGATIONS = keys("لم", "لن", "لا", "ما", "عدم", "دون", "بدون", "ليس", "غير")
HYPOTHETICAL = keys("اذا", "لو", "حال", "ربما", "يمكن", "اي", "احتمال", "امكانيه",
                    # plans, intentions and threats: «كانا يخططان لاستهداف», «تهدد بشن هجوم»
                    "يخطط", "تخطط", "يخططان", "تخططان", "يخططون", "خطط", "خططت", "خططا", "خططوا", "يعتزم",
                    "تعتزم", "يعتزمون", "ينوي", "تنوي", "ينوون", "يريد", "تريد", "يريدون", "محاوله", "يحاول",
                    "تحاول", "يحاولون", "حاول", "حاولت", "حاولوا", "يهدد", "تهدد", "يهددون", "هدد", "هددت",
                    "هددوا", "خطه", "مخطط", "مخططا")
CALL_REACH = 8  # the caller and the called may stand between a call (cues.yaml: calls_for) and the action
# Verbs whose object is an action their subject takes: «قررت النيابة حبس», «شنت القوات حملة اعتقالات».
CONTROL_VERBS = keys(*(stem + ending for stem in (
    "قرر", "امر", "بدا", "باشر", "واصل", "شن", "نفذ", "اجرى", "اجر", "عقد", "وجه", "استانف", "اطلق", "تولى",
    "شرع", "اصدر", "اعاد", "قاد", "تابع") for ending in ("", "ت", "وا")),
    "يقرر", "تقرر", "يامر", "تامر", "تبدا", "يبدا", "تواصل", "يواصل", "تشن", "يشن", "تنفذ", "ينفذ", "تجري", "يجري")
VIOLENT = frozenset({"18", "19", "20"})
OBJECT_REACH = 3  # the object may follow a few words after the verb or subject (أدانا بشدة تقديم بيونج يانج)
CLAUSE_BREAKS = frozenset({".", "?", "!", ";", ":"})
OBJECT_WINDOW = 5
OBJECT_WORDS = 3  # an object without an actor is kept as at most this many words
POSSESSIVES = ("ها", "هم", "هما")  # on a verbal noun: its doer (حربها); ه alone is too often part of the word
# Nouns before a verbal noun that make it a topic rather than an event (أهمية التعاون، سبل الحوار).
ABSTRACT_HEADS = keys("اهميه", "ضروره", "مكافحه", "مجال", "مجالات", "سبل", "تعزيز", "دعم", "اطار", "مسار", "عمليه", "اجل", "بهدف",
                      "مواصله", "استمرار", "تحقيق", "اعاده", "افاق", "مستقبل",
                      # a body named after what it does: «وزارة التعاون الدولي», «هيئة مكافحة الفساد»
                      "وزاره", "هيءه", "لجنه", "مجلس", "مركز", "اداره", "مكتب", "صندوق", "جمعيه", "منظمه")


def find_events(doc, index):
    actors = ActorSpans(doc)
    tokens = doc.tokens
    covered = {i for m in doc.mentions for i in range(m.first_token, m.end_token)}
    location_ids = {a.id for a in doc.actors if a.type == "location"}
    codes = {a.id: a.cameo for a in doc.actors}
    # «دعا الأمين العام الطرفين إلى الحوار»: the call is an event, the dialogue not yet
    calls = frozenset().union(*(keys(*cue["forms"]) for cue in index.tables["cues"].values() if cue.get("calls_for")))
    # A state or its forces: their attacks are conventional military force (CAMEO 19), others' assaults (18).
    armed = {a.id for a in doc.actors if a.type == "country" or (a.cameo or "").endswith("MIL")}
    predicate_starts = sorted(hit.first_token for hit in doc.predicates)
    predicate_set = set(predicate_starts)
    dates = {}  # sentence index -> (date, precision)
    events = []
    spans = []  # (first token, end token, form) of each event's trigger
    objects = set()  # tokens of the required objects: part of their verb's event, not events themselves
    for hit in select_hits(doc, ("trigger",), covered):
        if hit.first_token in objects:
            continue  # «أوقفت المساعدات», «استخدام الفيتو»: the object is no second event
        entry, object_tokens = _fitting_entry(tokens, hit, index.tables["triggers"])
        if entry is None:
            continue
        objects.update(object_tokens)
        trigger = index.tables["triggers"][entry.ident]
        if hit.end_token < len(tokens) and tokens[hit.end_token].key in keys(*trigger.get("not_followed_by", ())):
            continue  # «تظاهرة ثقافية»: a festival
        sentence = doc.sentences[tokens[hit.first_token].sentence]
        limit = _clause_end(tokens, hit, sentence.end_token, predicate_starts)
        subject = doc.subjects.get(hit.first_token) or Subject()
        sources = [s for s in subject.actors if s not in location_ids]
        after = subject.end if subject.explicit and subject.first >= hit.end_token else hit.end_token
        if entry.form == "noun" and trigger.get("possessor") == "target" and subject.explicit \
                and subject.first == hit.end_token:
            sources, after = [], hit.end_token  # «اعتقال المعارض»: the possessor is the one arrested
        if entry.form == "noun" and not sources:
            sources = _doer_of_noun(doc, actors, hit, trigger, sentence, limit, location_ids)
        targets, location = _targets(actors, tokens, after, limit, sources, location_ids)
        if not targets and trigger.get("needs_target"):
            continue
        if not sources and not targets and entry.form == "noun" and hit.first_token > sentence.first_token \
                and tokens[hit.first_token - 1].key in ABSTRACT_HEADS:
            continue  # «أهمية التعاون»: a topic, not something that happened
        window = [_without_conjunction(t.key) for t in tokens[max(sentence.first_token, hit.first_token - 3):hit.first_token]]
        start = hit_start(doc, hit)
        end = tokens[hit.end_token - 1].end
        sentence_index = tokens[hit.first_token].sentence
        if sentence_index not in dates:
            dates[sentence_index] = resolve_date(doc, sentence)
        date, precision = dates[sentence_index]
        spans.append((hit.first_token, hit.end_token, entry.form))
        cameo = trigger["cameo"]
        if "cameo_by_state" in trigger and any(a in armed for a in sources):
            cameo = trigger["cameo_by_state"]
        elif "cameo_by_person" in trigger and sources and all(a in actors.people for a in sources) \
                and targets and not any(a in actors.people for a in targets):
            cameo = trigger["cameo_by_person"]
        events.append({
            "id": f"E{len(events) + 1}",
            "type": trigger["type"],
            "cameo": cameo,
            "trigger": doc.text[start:end],
            "sources": sources,
            "targets": targets,
            "source_codes": [codes.get(a) for a in sources],
            "target_codes": [codes.get(a) for a in targets],
            "source_text": None if sources else _subject_text(subject),
            "target_text": None if targets or (entry.form == "noun" and _adjective_follows(tokens, hit))
            else _object_text(doc, actors, after, limit, predicate_set),
            "location": location,
            "date": date,
            "date_precision": precision,
            "sentence": sentence_index,
            "start": start,
            "end": end,
            "negated": bool(window) and window[-1] in NEGATIONS,
            "hypothetical": _hypothetical(window, tokens[hit.first_token].key, hit.proclitics)
            or any(_in(t.key, calls) for t in tokens[max(sentence.first_token, hit.first_token - CALL_REACH):hit.first_token]),
        })
    _nested_objects(tokens, events, spans, codes)
    events = _casualties_joined(events, codes)
    doc.events = events
    return doc


def _casualties_joined(events, codes) -> list[dict]:
    """«قتل ثلاثة أشخاص في غارة جوية»: deaths reported in the sentence of the attack that caused them are
    that attack's outcome, not a second event; their victims (actors or words) become its targets when it
    has no actor as target."""
    attacks = {}
    for event in events:
        if event["cameo"] in VIOLENT and event["type"] != "kill" and not event["hypothetical"]:
            attacks.setdefault(event["sentence"], event)
    kept = []
    for event in events:
        attack = attacks.get(event["sentence"])
        if event["type"] == "kill" and attack is not None and not event["hypothetical"] \
                and not set(event["sources"]) - set(attack["sources"]):
            if not attack["targets"] and (event["targets"] or event["target_text"]):
                attack["targets"] = event["targets"]
                attack["target_codes"] = [codes.get(a) for a in event["targets"]]
                attack["target_text"] = event["target_text"]
            continue
        kept.append(event)
    for number, event in enumerate(kept, 1):
        event["id"] = f"E{number}"
    return kept


def _nested_objects(tokens, events, spans, codes) -> None:
    """«أدانا بشدة تقديم بيونج يانج الذخائر إلى روسيا»: a verb whose object is another event's verbal noun
    targets that event's doer."""
    by_sentence: dict[int, list] = {}
    for span, event in zip(spans, events):
        by_sentence.setdefault(tokens[span[0]].sentence, []).append((span, event))
    for (first, end, form), event in zip(spans, events):
        if form != "verb" or event["targets"]:
            continue
        for (other_first, _, other_form), other in by_sentence[tokens[first].sentence]:
            if other is event or other_form != "noun" or other_first < end \
                    or _distance(tokens, end, other_first) > 1:
                continue
            event["targets"] = [a for a in other["sources"] if a not in event["sources"]]
            event["target_codes"] = [codes.get(a) for a in event["targets"]]
            break


def _fitting_entry(tokens, hit, triggers):
    """One surface may open several entries (استخدام القوة / استخدام الفيتو): the first whose required
    object follows, with that object's tokens; (None, None) when none fits."""
    for entry in hit.entries:
        if entry.kind == "trigger":
            span = _required_object(tokens, hit, triggers[entry.ident].get("objects"))
            if span is not None:
                return entry, span
    return None, None


def _required_object(tokens, hit, objects) -> range | None:
    """The tokens of one of the trigger's required objects within a few words after it (a possessor may
    stand between); an empty range for a trigger that requires none, None when none follows."""
    if not objects:
        return range(0)
    words = [t.key[1:] if t.key[:1] == "و" and len(t.key) > 3 else t.key  # not ف: فرنسا
             for t in tokens[hit.end_token:hit.end_token + OBJECT_WINDOW]]
    wanted = keys(*objects)
    for offset in range(len(words)):
        for obj in wanted:
            length = obj.count(" ") + 1
            if " ".join(words[offset:offset + length]) == obj:
                return range(hit.end_token + offset, hit.end_token + offset + length)
    return None


def _subject_text(subject) -> str | None:
    """The words of a subject no actor stands for («مسلحون», «النيابة العامة»)."""
    return subject.text if subject.explicit and not subject.actors else None


def _adjective_follows(tokens, hit) -> bool:
    """«زيارة خاطفة», «الزيارة الأولى», «هجوم إرهابي»: after a verbal noun, a word that agrees with it is its
    adjective, not its object («اعتقال شخصين», «حبس 24 متهما»)."""
    if hit.end_token >= len(tokens) or tokens[hit.end_token].kind != "word":
        return False
    noun, after = tokens[hit.end_token - 1].key, tokens[hit.end_token].key
    return after.endswith(("ي", "يه")) or (noun.endswith("ه") and after.endswith("ه")) \
        or (noun.startswith("ال") and after.startswith("ال"))


def _object_text(doc, actors, position: int, limit: int, predicate_starts) -> str | None:
    """The words of an object no actor stands for: «اعتقلت الشرطة ثلاثة أشخاص» → ثلاثة أشخاص. Words an
    actor stands for are not («غارات للنظام السوري»: the doer)."""
    tokens = doc.tokens
    position = past_skippable(tokens, position, limit)
    if position < limit and tokens[position].key in TARGET_PREPOSITIONS:
        position += 1
    if actors.phrase_at(position) is not None:
        return None
    end = position
    while end < min(limit, position + OBJECT_WORDS) and tokens[end].kind in ("word", "number") \
            and tokens[end].key not in LOCATIVE_PREPOSITIONS | TARGET_PREPOSITIONS and end not in predicate_starts \
            and not (end > position and tokens[end].key[:1] in "بل" and not tokens[end].key.startswith("ال")) \
            and not (end > position and (tokens[end].key[:1] == "ي" and len(tokens[end].key) >= 4
                                         or tokens[end].key in RELATIVE_PRONOUNS)):
        end += 1  # «شخصين يشتبه في …», «المدنيين الذين …»: a verb or a relative clause ends it
    if end == position or tokens[position].kind not in ("word", "number") or tokens[position].key in NOT_A_SUBJECT:
        return None  # «التقى به», «اتفقا على ما …»
    return doc.text[tokens[position].start:tokens[end - 1].end]


def _doer_of_noun(doc, actors, hit, trigger, sentence, limit, location_ids) -> list[str]:
    """Who did what a verbal noun names, when no possessor or agent phrase says: both sides after بين, a
    country adjective after a noun of force, the announcer of the action, or the state a pronoun on the
    noun refers to."""
    tokens = doc.tokens
    return (_between(actors, tokens, hit.end_token, limit)
            or (trigger["cameo"] in VIOLENT and _force_owner(actors, tokens, hit, limit))
            or _announcer(doc, hit, location_ids)                   # «أعلنت وزارة الداخلية اعتقال شخصين»
            or _controller(actors, tokens, hit, sentence, location_ids)  # «قررت النيابة حبس المتهمين»
            or (tokens[hit.end_token - 1].key.endswith(POSSESSIVES)  # «حربها ضد أوكرانيا»: روسيا's war
                and _antecedent(actors, hit, sentence, location_ids))
            or [])


def _force_owner(actors, tokens, hit, limit) -> list[str]:
    """Whose force a verbal noun of force names, from the first actor after it and its adjectives: a country
    adjective right after it or one adjective on («قصف مدفعي إسرائيلي», «غارات أمريكية»), or ل + an actor up
    to two adjectives on («غارات جوية للنظام السوري»). Not after a noun of its own (تسميم العميل الروسي)."""
    for position in range(hit.end_token, min(limit, hit.end_token + 3)):
        item = actors.phrase_at(position)
        if item is not None:
            mention, actor_id = item
            proclitics = actors._proclitics(mention)
            adjective = mention.type == "country" and mention.form == "adjective" and not proclitics \
                and position < hit.end_token + 2
            return [actor_id] if adjective or proclitics.endswith("ل") else []
        if not tokens[position].key.endswith(("ي", "يه")):
            return []  # a noun stands between: what follows is that noun's
    return []


def _controller(actors, tokens, hit, sentence, location_ids) -> list[str]:
    """The subject of a verb of deciding, ordering or carrying out whose object is the verbal noun:
    «قررت النيابة حبس …», «أمرت النيابة بحبس …», «الجيش بدأ عملية …»."""
    before = actors.phrase_before(hit.first_token, sentence.first_token)
    if before is not None and before[1] > sentence.first_token \
            and _without_conjunction_letter(tokens[before[1] - 1].key) in CONTROL_VERBS:
        return [a for a in before[0] if a not in location_ids]
    verb = hit.first_token - 1
    if verb > sentence.first_token and _without_conjunction_letter(tokens[verb].key) in CONTROL_VERBS:
        subject = actors.phrase_before(verb, sentence.first_token)
        if subject is not None:
            return [a for a in subject[0] if a not in location_ids]
    return []


def _without_conjunction_letter(key: str) -> str:
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key


def _announcer(doc, hit, location_ids) -> list[str]:
    """The subject of a reporting verb whose object is the verbal noun: who announces an arrest made it."""
    sentence = doc.tokens[hit.first_token].sentence
    since = doc.sentences[max(sentence - 1, 0)].first_token  # a subject phrase never spans a whole sentence
    for predicate in doc.predicates_starting_in(since, hit.first_token):
        if not any(e.kind == "cue" for e in predicate.entries) or predicate.end_token > hit.first_token:
            continue
        subject = doc.subjects.get(predicate.first_token)
        if subject is None or not subject.explicit or not subject.actors:
            continue
        end = subject.end if subject.first >= predicate.end_token else predicate.end_token
        if end == hit.first_token:
            return [a for a in subject.actors if a not in location_ids]
    return []


def _antecedent(actors, hit, sentence, location_ids) -> list[str]:
    """The actor an attached pronoun on a verbal noun refers to: the nearest state or body before it in
    the sentence (of two ending together, the one the article named first)."""
    for end in range(hit.first_token, sentence.first_token, -1):
        found = [actor_id for mention, actor_id in actors.by_end.get(end, ())
                 if mention.first_token >= sentence.first_token and actor_id not in location_ids
                 and actor_id not in actors.people]
        if found:
            return [min(found, key=actors.rank.__getitem__)]
    return []


def _hypothetical(window: list[str], trigger_key: str, proclitics: str) -> bool:
    """إذا، لو، في حال، ربما، أي … before the trigger; قد only before an imperfect verb (قد يهاجم: may
    attack) — before a perfect it is a past (قد زار: had visited)."""
    if any(k in HYPOTHETICAL for k in window):
        return True
    imperfect = trigger_key[len(proclitics):][:1] in ("ي", "ت", "ن")
    return imperfect and bool(window) and window[-1] == "قد"


def _in(key: str, words: frozenset) -> bool:
    """The word, or the word behind و/ف, is one of `words` (دعا، ودعا)."""
    return key in words or (key[:1] in ("و", "ف") and key[1:] in words)


def _without_conjunction(key: str) -> str:
    """ولم -> لم, فلن -> لن: a conjunction does not hide a negation."""
    return key[1:] if key[:1] in ("و", "ف") and key[1:] in NEGATIONS | HYPOTHETICAL else key


def _clause_end(tokens, hit, limit, predicate_starts) -> int:
    """The clause ends at strong punctuation or where the next predicate starts."""
    following = bisect_left(predicate_starts, hit.end_token)
    if following < len(predicate_starts):
        limit = min(limit, predicate_starts[following])
    for index in range(hit.end_token, limit):
        if tokens[index].key in CLAUSE_BREAKS:
            return index
    return limit


def _between(actors, tokens, position, limit):
    """«محادثات بين روسيا وأوكرانيا»: both sides are sources."""
    for index in range(position, min(limit, position + 4)):
        if tokens[index].key == "بين":
            found = actors.phrase_after(index + 1, limit, skip=False)
            return found[0] if found else []
    return []


def _distance(tokens, start: int, end: int) -> int:
    """Words between two positions, not counting commas and time words (، مساء الثلاثاء،)."""
    return sum(1 for t in tokens[start:end] if t.key != "," and t.key not in SKIPPABLE)


def _targets(actors, tokens, position, limit, sources, location_ids):
    targets, location = [], None
    index = position
    while index < limit:
        item = actors.phrase_at(index)
        if item is None:
            index += 1
            continue
        mention, actor_id = item
        proclitics = actors._proclitics(mention)
        before = tokens[index - 1].key if index > 0 else ""
        before2 = tokens[index - 2].key if index > 1 else ""
        locative = (before in LOCATIVE_PREPOSITIONS or proclitics.endswith("ب")
                    or (before in PLACE_NOUNS and before2 in LOCATIVE_PREPOSITIONS)
                    or (before == "," and before2 in PLACE_NOUNS | {"الجنوبيه", "الشماليه"}
                        and mention.type == "location"))
        introduced = before in TARGET_PREPOSITIONS or proclitics.endswith("ل")
        if (locative and mention.type in ("location", "country")) or (
                mention.type == "location" and not introduced and _distance(tokens, position, index) <= 1):
            # في سول …; and the place right after the verb: «زار القاهرة»
            if location is None:
                location = actor_id
        elif actor_id in location_ids:
            pass
        elif actor_id not in sources and actor_id not in targets and (
                introduced or (not targets and _distance(tokens, position, index) <= OBJECT_REACH)):
            targets.append(actor_id)
        index = mention.end_token
    return targets, location
