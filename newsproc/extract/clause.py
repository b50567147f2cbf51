"""Pipeline stage: the subject of every predicate (reporting cue or event trigger), found once and shared
by the statement and event extractors.

Arabic news puts the subject after the verb (وشدد بلينكن على …) and coordinates subjects with و
(أكدت الولايات المتحدة وكوريا الجنوبية …, also after a comma). A verb with no subject continues the last
subject (وأكد مجددا أن … after جدد الجانب الأمريكي …); a verb at the start of a clause may also follow
its subject (أمريكا وكوريا الجنوبية تؤكدان …). Generic subjects (القادة، مصدر) keep their words; the dual
ones (الجانبان، الطرفان، البلدان) stand for the last pair of actors that acted together. A verbal noun's
"subject" is its possessor (تقديم بيونج يانج …) or the actor after من جانب / من قبل.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..text.normalize import keys, matching_key

# Words that may stand between a verb and its subject (أكد اليوم وزير …, أكد مجددا …).
SKIPPABLE = keys("اليوم", "امس", "ايضا", "مجددا", "بدوره", "بدورها", "كذلك", "بدورهم", "مساء", "صباح",
                       "الخميس", "الجمعه", "السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "بشده",
                       "رسميا", "مرارا", "مجدد", "الليله")
GENERIC_SUBJECTS = keys(
    "القاده", "المصدر", "مصدر", "مصادر", "المصادر", "البيان", "الوزاره", "الحكومه", "الجيش", "الشرطه",
    "الرءاسه", "المسءول", "مسءول", "مسءولون", "مسءولين", "المسءولون", "الوزير", "الرءيس", "المتحدث",
    "الناطق", "الخبراء", "خبراء", "المراقبون", "شهود", "الشهود", "السلطات", "المنظمه", "الحركه", "الحزب",
    "المجلس", "اللجنه", "الوكاله", "التقرير", "الدراسه", "المحكمه", "النيابه", "البرلمان", "المعارضه",
    "الجماعه", "التنظيم", "الناشطون", "المحتجون", "المتظاهرون", "مسلحون", "المسلحون",
)
# «واعترف القادة …» after «التزمت واشنطن وسول …»: the leaders are those of the pair the article is about.
PAIR_LEADERS = keys("القاده", "الزعماء")
DUAL_SUBJECTS = keys("الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الدولتان",
                           "الدولتين", "الزعيمان", "الزعيمين", "الوزيران", "الوزيرين", "الرءيسان", "الرءيسين")
RELATIVE_REACH = 8  # a speaker's apposition may stand between the name and الذي
INTRODUCER_STEMS = ("ان", "بان", "وان")  # أن / إن, بأن, وأن as matching keys
# أن / إن with a pronoun of the third person that points back at the subject (إنها تساعد …)
PRONOUN_INTRODUCERS = frozenset(stem + suffix for stem in INTRODUCER_STEMS for suffix in ("ه", "ها", "هم", "هما", "هن"))
# Documents that say or demand things as subjects before their verb (مشروع القرار يطالب …).
DOCUMENT_NOUNS = keys("القرار", "البيان", "الرساله", "التقرير", "الاتفاق", "المشروع", "الوثيقه", "المرسوم",
                      "الدستور", "القانون", "الاعلان",
                      # data that indicates: «استطلاعات الرأي تشير إلى …»
                      "الراي", "استطلاعات", "الاستطلاعات", "الارقام", "الاحصاءات", "التقارير", "الدراسه",
                      "الدراسات", "المؤشرات", "البيانات", "المعطيات", "النتاءج", "التوقعات")
QUOTED_SOURCE_WORDS = 5
QUOTING_WORDS = keys("قوله", "قولها", "قولهم", "قولهما", "تاكيده", "تصريحه")
NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان")
TEMPORAL_LINKS = keys("قبل", "بعد", "وقبل", "وبعد", "عقب")
AGENT_MARKERS = (("من", "جانب"), ("من", "قبل"))
PREPOSITION_LETTERS = frozenset("بلك")
FOLLOWS_SPEAKER = frozenset(stem + suffix for stem in INTRODUCER_STEMS
                            for suffix in ("", "ه", "ها", "هم", "هما", "ي", "ني", "نا")) | {"امس", "اليوم"}
NOT_A_SPEAKER = keys("الان", "ايضا", "كذلك", "مجددا", "سابقا", "لاحقا", "مرارا", "حينها", "بدوره", "بدورها",
                     "بدورهم", "صراحه", "مؤخرا")
RELATIVE_PRONOUNS = keys("الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي",
                               "اللاتي", "اللاءي")
NOT_A_SUBJECT = keys("فيه", "فيها", "عليه", "عليها", "له", "لها", "منه", "منها", "عنه", "عنها", "اليه",
                           "اليها", "به", "بها", "لهم", "عليهم", "فيهم", "منهم", "ايضا", "كذلك","ان", "بان", "انه", "انها", "على", "الى", "من", "عن", "في", "مع", "ب", "ل", "امام",
                           "ضد", "بين", "خلال", "بعد", "قبل", "عند", "لدى", "حول", "ما", "لا", "لم", "لن", "قد")


@dataclass
class Subject:
    actors: list[str] = field(default_factory=list)   # actor ids
    text: str | None = None                           # the subject's words as written
    explicit: bool = True                             # False when continued from an earlier predicate
    first: int = -1                                   # token span of an explicit subject
    end: int = -1
    quoted: bool = False                              # the source a cue quotes from (نقل عن …)


def _without_article(key: str) -> str:
    return key[2:] if key.startswith("ال") else key


def _most_recent(doc, fits, before: int, or_next: bool = False) -> list[str]:
    """The id of the actor that `fits` and was mentioned last before the offset `before`; with `or_next`,
    failing that, the one mentioned first after it (a headline gives the title before the article names
    the person)."""
    best = None
    following = None
    for actor in doc.actors:
        if not fits(actor):
            continue
        last = max((m.start for m in actor.mentions if m.start < before), default=None)
        if last is not None and (best is None or last > best[0]):
            best = (last, actor.id)
        first = min((m.start for m in actor.mentions if m.start >= before), default=None)
        if first is not None and (following is None or first < following[0]):
            following = (first, actor.id)
    if best is None and or_next:
        best = following
    return [best[1]] if best else []


def _title_words(title: str) -> list[str]:
    return [_without_article(word) for word in matching_key(title).split(" ")]


def _titled_person(doc, words: list[str], before: int, country: str | None = None) -> list[str]:
    """«قال الرئيس», «وأضاف الوزير», «قال رئيس الحكومة اليمنية»: the person the article gave that title to
    (the most words of it, and the country when one is stated), last mentioned before, or else first after."""
    words = [_without_article(word) for word in words]

    def matched(actor) -> int:
        if actor.type != "person" or (country and country not in (
                actor.country, *(role.get("affiliation") for role in actor.roles))):
            return 0
        best = 0
        for role in actor.roles:
            role_words = _title_words(role["title"])
            length = 0
            while length < min(len(words), len(role_words)) and role_words[length] == words[length]:
                length += 1
            best = max(best, length)
        return best

    scores = {actor.id: matched(actor) for actor in doc.actors}
    top = max(scores.values(), default=0)
    if top == 0 and country:
        # «وصف الرئيس الفرنسي» where the article gives Macron no title: the one person of that country
        people = [a.id for a in doc.actors if a.type == "person" and a.country == country]
        return people if len(people) == 1 else []
    if top == 0:
        return []
    return _most_recent(doc, lambda actor: scores[actor.id] == top, before, or_next=True)


def _named_body(doc, head_key: str, before: int) -> list[str]:
    """«دعت الوزارة …» after «وزارة الصحة المصرية»: the organisation most recently mentioned whose name
    begins with the same head."""
    head = _without_article(head_key)
    return _most_recent(doc, lambda actor: actor.type == "organization"
                        and _without_article(matching_key(actor.name).split(" ")[0]) == head, before)


class ActorSpans:
    """Actor mentions of one document, indexed by token position, with their actor ids."""

    def __init__(self, doc):
        self.doc = doc
        ids = {actor.entity: actor.id for actor in doc.actors}
        self.by_first: dict[int, list] = {}
        self.by_end: dict[int, list] = {}   # in document order
        self.mentions = []
        for mention in doc.mentions:
            item = (mention, ids[mention.entity])
            self.mentions.append(item)
            self.by_first.setdefault(mention.first_token, []).append(item)
            self.by_end.setdefault(mention.end_token, []).append(item)
        for items in self.by_first.values():  # outer first: وزارة الدفاع الأمريكية before الأمريكية
            items.sort(key=lambda item: -item[0].end_token)
        self.people = {actor.id for actor in doc.actors if actor.type == "person"}
        self.rank = {actor.id: number for number, actor in enumerate(doc.actors)}  # the article's order
        # A titled person's phrase starts at the title: «قال وزير الخارجية الأمريكي أنتوني بلينكن».
        self.titled = {}
        for mention, actor_id in self.mentions:
            if "title_token" in mention.data:
                self.titled.setdefault(mention.data["title_token"], (mention, actor_id))

    def phrase_at(self, position: int):
        """The actor phrase (mention, actor id) that starts at a token: a titled person or a mention."""
        if position in self.titled:
            return self.titled[position]
        items = self.by_first.get(position)
        return items[0] if items else None

    @staticmethod
    def _proclitics(mention) -> str:
        return mention.data.get("title_proclitics", mention.data.get("proclitics", "")) \
            if "title_token" in mention.data else mention.data.get("proclitics", "")

    def prepositional(self, mention) -> bool:
        """Whether the phrase carries a preposition (لأوكرانيا، بواشنطن): then it is not a subject."""
        return bool(set(self._proclitics(mention)) & PREPOSITION_LETTERS)

    def conjoined(self, mention) -> bool:
        return self._proclitics(mention).startswith("و")

    def phrase_after(self, position: int, limit: int, skip: bool = True, prepositional: bool = False):
        """(actor ids, first token, end token) of an actor phrase at `position`, with coordination; with
        `prepositional`, also behind ل/ب («وفقا لوزارة الصحة»)."""
        tokens = self.doc.tokens
        if skip:
            position = past_skippable(tokens, position, limit)
        if position >= limit:
            return None
        item = self.phrase_at(position)
        if item is None or (self.prepositional(item[0]) and not prepositional) or self.conjoined(item[0]):
            return None  # «سيلتقي والمندوب السعودي»: a phrase joined by و continues something, it starts nothing
        ids, end = [item[1]], item[0].end_token
        while end < limit:
            following_at = end + 1 if tokens[end].key == "," else end
            following = self.phrase_at(following_at) if following_at < limit else None
            if following is None or not self.conjoined(following[0]):
                break
            if following[1] not in ids:
                ids.append(following[1])
            end = following[0].end_token
        return ids, position, end

    def phrase_before(self, position: int, sentence_first: int):
        """An actor phrase that ends right before `position` (subject-verb order), with coordination."""
        ending = [(m, a) for m, a in self.by_end.get(position, ()) if m.first_token >= sentence_first
                  and not self.prepositional(m)]
        if not ending:
            return None
        mention, actor_id = min(ending, key=lambda item: item[0].first_token)
        ids, first = [actor_id], mention.first_token
        while self.conjoined(mention):
            previous = [(m, a) for m, a in self.by_end.get(mention.first_token, ()) if m.first_token >= sentence_first]
            if not previous:
                break
            mention, actor_id = min(previous, key=lambda item: item[0].first_token)
            ids.insert(0, actor_id)
            first = mention.first_token
        return list(dict.fromkeys(ids)), first, position

    def person_before(self, position: int, sentence_first: int, reach: int):
        """(actor ids, first token, end token) of the last person whose mention ends at most `reach` tokens
        before `position`: «فتحي بسباس، نائب رئيس النادي الذي أكد»."""
        for end in range(position, max(position - reach, 0) - 1, -1):
            for mention, actor_id in self.by_end.get(end, ()):
                if actor_id in self.people and mention.first_token >= sentence_first:
                    return [actor_id], mention.first_token, mention.end_token
        return None


class _BareTitles:
    """A title with no name after it stands for the person the article gave that title to: «قال الرئيس»,
    «وأضاف الوزير», «قال رئيس الحكومة اليمنية», the headline «وزير الداخلية الفرنسي يعلن»."""

    def __init__(self, doc, actors: ActorSpans):
        self.doc = doc
        self.actors = actors
        self.ends: dict[int, int] = {}
        for hit in doc.hits:
            if any(e.kind == "title" for e in hit.entries):
                self.ends[hit.first_token] = max(self.ends.get(hit.first_token, 0), hit.end_token)
        self.countries = {a.id: a.code for a in doc.actors if a.type == "country"}

    def at(self, position: int, limit: int):
        """(person ids, first token, end token) of a bare title phrase at `position`, or None."""
        if position not in self.ends or position in self.actors.titled:
            return None
        end = self.ends[position]
        tokens = self.doc.tokens
        while end < limit and self.actors.phrase_at(end) is None and tokens[end].key.startswith("ال") \
                and tokens[end].key.endswith(NISBA_ENDINGS):
            end += 1  # «الداعية الإسلامي»: an adjective that names no country
        if end + 1 < limit and tokens[end].key == ",":
            named = self.actors.phrase_at(end + 1)
            if named is not None and named[1] in self.actors.people:
                # «قال الداعية الإسلامي، عدنان إبراهيم، إن …»: the name in apposition
                return [named[1]], position, named[0].end_token
        country = None
        item = self.actors.phrase_at(end) if end < limit else None
        if item is not None:
            mention, actor_id = item
            if actor_id not in self.countries or self.actors.prepositional(mention):
                return None  # a name or a body follows: not a bare title
            country, end = self.countries[actor_id], mention.end_token  # «الرئيس الفرنسي», «وزير خارجية فرنسا»
        ids = _titled_person(self.doc, [t.key for t in tokens[position:self.ends[position]]], tokens[position].start,
                             country)
        return (ids, position, end) if ids else None

    def ending_at(self, position: int, sentence_first: int):
        """A bare title phrase that ends right before `position` (subject before the verb)."""
        for first in range(max(sentence_first, position - 6), position):
            found = self.at(first, position)
            if found is not None and found[2] == position:
                return found
        return None


def past_skippable(tokens, position: int, limit: int) -> int:
    """The first token at or after `position` that is not an adverb between a verb and its subject."""
    while position < limit and tokens[position].key in SKIPPABLE:
        position += 1
    return position


def select_hits(doc, kinds: tuple[str, ...], covered: set[int]):
    """Non-overlapping hits with an entry of one of `kinds`, longest first; none inside a mention."""
    chosen, taken = [], set()
    for hit in sorted(doc.hits, key=lambda h: (-(h.end_token - h.first_token), h.first_token)):
        if not any(e.kind in kinds for e in hit.entries):
            continue
        span = set(range(hit.first_token, hit.end_token))
        if span & taken or span & covered:
            continue
        taken |= span
        chosen.append(hit)
    chosen.sort(key=lambda h: h.first_token)
    return chosen


def is_participle(doc, hit, index) -> bool:
    """مشيرا، مؤكدا، مضيفا — and the فاعل pattern: قائلا، داعيا، واصفا: a cue in participle form continues
    the sentence's subject."""
    entry = next((e for e in hit.entries if e.kind == "cue"), None)
    if entry is None:
        return False
    key = doc.tokens[hit.first_token].key[len(hit.proclitics):]
    cue = index.tables["cues"][entry.ident]
    if key in keys(*cue.get("participles", ())):
        return True  # short ones the pattern below cannot tell from a dual verb (حاثا / قالا)
    if not key.endswith(("ا", "ه", "ين")):
        return False
    lemma = cue["lemma"]
    return (key.startswith("م") and not lemma.startswith("م")) \
        or (len(key) >= 5 and key[1] == "ا" and not key.endswith("تا"))  # not the dual قالتا


# Cues that are phrases, not verbs: they have no subject of their own.
PHRASE_CUES = frozenset({"in-statement", "attribution-according-to"})


def is_verb(hit) -> bool:
    return any((e.kind == "cue" and e.ident not in PHRASE_CUES) or (e.kind == "trigger" and e.form == "verb")
               for e in hit.entries)


def is_phrase_cue(hit) -> bool:
    return any(e.kind == "cue" and e.ident in PHRASE_CUES for e in hit.entries)


def find_subjects(doc, index):
    actors = ActorSpans(doc)
    tokens = doc.tokens
    covered = {i for m in doc.mentions for i in range(m.first_token, m.end_token)}
    predicates = select_hits(doc, ("cue", "trigger"), covered)
    doc.predicates = predicates
    subjects: dict[int, Subject] = {}
    last: tuple[Subject, int] | None = None       # last explicit subject and its sentence
    last_pair: list[str] | None = None
    starts = [hit.first_token for hit in predicates]
    bare_titles = _BareTitles(doc, actors)
    unnamed: dict[str, str] = {}  # head word -> the words of an unnamed speaker the article introduced
    first_in_sentence: dict[int, Subject] = {}
    for number, hit in enumerate(predicates):
        sentence_index = tokens[hit.first_token].sentence
        sentence = doc.sentences[sentence_index]
        following = starts[number + 1] if number + 1 < len(starts) else sentence.end_token
        limit = min(sentence.end_token, max(following, hit.end_token))
        found = None
        participle = is_participle(doc, hit, index)
        is_cue = any(e.kind == "cue" for e in hit.entries)
        if is_verb(hit) and not participle and _after_qad(tokens, hit, sentence):
            # «وكان وزير الخارجية … قد زار القاهرة»: the subject stands before قد.
            found = bare_titles.ending_at(hit.first_token - 1, sentence.first_token) \
                or actors.phrase_before(hit.first_token - 1, sentence.first_token)
            if found is None:  # «لقد شدد الرئيس على …»
                found = actors.phrase_after(hit.end_token, limit) \
                    or bare_titles.at(past_skippable(tokens, hit.end_token, limit), limit)
        elif is_verb(hit) and not participle and last is not None and last[1] == sentence_index \
                and hit.first_token > sentence.first_token and tokens[hit.first_token - 1].key in PRONOUN_INTRODUCERS:
            # «وقالت روسيا إنها تساعد دمشق»: the pronoun on إن is the subject; the actor after is the object
            subjects[hit.first_token] = Subject(list(last[0].actors), last[0].text, explicit=False)
            continue
        elif is_verb(hit) and not participle and not hit.proclitics and hit.first_token > sentence.first_token \
                and tokens[hit.first_token - 1].key in DOCUMENT_NOUNS:
            # «مشروع القرار يطالب إسرائيل بوقف …»: the document speaks; the actor after it is the object
            first = hit.first_token - 1
            if first > sentence.first_token and tokens[first - 1].kind == "word" \
                    and not tokens[first - 1].key.startswith("ال") and tokens[first - 1].key not in NOT_A_SUBJECT:
                first -= 1  # «مشروع القرار»: a noun in construct before it
            subject = Subject([], doc.text[tokens[first].start:tokens[hit.first_token - 1].end], True, first,
                              hit.first_token)
            subjects[hit.first_token] = subject
            continue
        elif is_verb(hit) and not participle and not hit.proclitics \
                and (opening := actors.phrase_before(hit.first_token, sentence.first_token)) is not None \
                and opening[1] == sentence.first_token:
            # «بريطانيا وفرنسا تطالبان إيران …»: a sentence that opens with the actor is about it (SVO)
            found = opening
        elif is_verb(hit) and not participle:
            found = actors.phrase_after(hit.end_token, limit)
            if found is not None and _continues_clause(tokens, hit, sentence, last, sentence_index) \
                    and actors.phrase_at(found[2]) is None:
                # «…، ودعا إسرائيل إلى …»: a verb joined to the sentence's clause keeps its subject;
                # the actor after it is the object (unless a second actor follows: verb subject object).
                found = None
                subject = Subject(list(last[0].actors), last[0].text, explicit=False)
                subjects[hit.first_token] = subject
                continue
            if found is None:
                found = bare_titles.at(past_skippable(tokens, hit.end_token, limit), limit)
            if found is None and not hit.proclitics:
                found = bare_titles.ending_at(hit.first_token, sentence.first_token) \
                    or actors.phrase_before(hit.first_token, sentence.first_token)
        elif is_phrase_cue(hit):
            continue
        elif not is_verb(hit):
            found = actors.phrase_after(hit.end_token, limit, skip=False) or _agent_phrase(actors, tokens, hit, limit)
        subject = None
        if found is not None:
            ids, first, end = found
            subject = Subject(ids, doc.text[tokens[first].start:tokens[end - 1].end], True, first, end)
        elif is_verb(hit) and not participle:
            position = past_skippable(tokens, hit.end_token, limit)
            key = tokens[position].key if position < limit else ""
            pair = list(last_pair) if key in DUAL_SUBJECTS | PAIR_LEADERS and last_pair else []
            if not pair and key.startswith("ال"):
                # «وأشار التحالف» after «تحالف دعم الشرعية»: also heads no list names
                pair = _named_body(doc, key, tokens[position].start)
            if pair or key in DUAL_SUBJECTS | GENERIC_SUBJECTS:
                # «وأكد المصدر» after «قال مصدر عسكري»: the source the article introduced
                word = unnamed.get(_without_article(key)) if not pair and key.startswith("ال") else None
                end = position + 1
                while end < min(limit, position + 3) and tokens[end].key.endswith(NISBA_ENDINGS) \
                        and not tokens[end].key.startswith(("ي", "ت")):
                    end += 1  # «مصدر عسكري», «مسؤولون أمريكيون»: the adjectives go with it
                word = word or doc.text[tokens[position].start:tokens[end - 1].end]
                subject = Subject(pair, word, True, position, end)
        relative = hit.first_token > sentence.first_token and tokens[hit.first_token - 1].key in RELATIVE_PRONOUNS
        if relative:
            # «الهجوم الذي استهدف …»: the subject is the noun before the relative pronoun; one who speaks
            # is a person: «فتحي بسباس، نائب رئيس نادي الأجيال الذي أكد …»
            found = actors.person_before(hit.first_token - 1, sentence.first_token, RELATIVE_REACH) \
                if is_cue else None
            if found is None:
                continue
            ids, first, end = found
            subject = Subject(ids, doc.text[tokens[first].start:tokens[end - 1].end], True, first, end)
        if subject is None and not participle and is_cue:
            subject = _unresolved_subject(doc, index, hit, limit)
        if subject is None and participle and sentence_index in first_in_sentence:
            # مشيرا، مؤكدا: the participle's subject is the main verb's, the first in the sentence.
            main = first_in_sentence[sentence_index]
            subject = Subject(list(main.actors), main.text, explicit=False)
        if subject is None and is_verb(hit) and last is not None \
                and sentence_index - last[1] <= 2:
            subject = Subject(list(last[0].actors), last[0].text, explicit=False)
        if is_cue and not participle:
            # «نقلت وكالة رويترز عن مسؤول قوله إن …»: the one quoted speaks, and goes on speaking
            after = subject.end if subject is not None and subject.explicit and subject.first >= hit.end_token \
                else hit.end_token
            subject = _quoted_source(doc, index, actors, hit, after, limit) or subject
        if subject is None:
            continue
        subjects[hit.first_token] = subject
        if not subject.actors and subject.explicit and subject.text and subject.first >= 0 \
                and not tokens[subject.first].key.startswith("ال"):
            unnamed[tokens[subject.first].key] = subject.text  # «مصدر عسكري», for a later «المصدر»
        if is_verb(hit) and not participle:
            first_in_sentence.setdefault(sentence_index, subject)
        if subject.explicit and is_verb(hit):
            last = (subject, sentence_index)
        elif is_verb(hit) and last is not None and subject.actors == last[0].actors:
            last = (last[0], sentence_index)  # «وتابع قائلا … وأضاف …»: each continuation keeps the speaker near
        if len(subject.actors) == 2:
            last_pair = subject.actors
        elif len(subject.actors) == 1 and subject.explicit and is_verb(hit):
            # «استقبل ماكرون أمير قطر …، حيث بحث الجانبان»: the subject and its object are the pair.
            start = subject.end if subject.first >= hit.end_token else hit.end_token
            obj = actors.phrase_after(_skip_filler(tokens, start, limit), limit)
            if obj is not None and obj[0][0] not in subject.actors:
                last_pair = [subject.actors[0], obj[0][0]]
    doc.subjects = subjects
    return doc


def _after_qad(tokens, hit, sentence) -> bool:
    return hit.first_token - 1 > sentence.first_token and tokens[hit.first_token - 1].key in ("قد", "لقد")


def _skip_filler(tokens, position: int, limit: int) -> int:
    """Past commas and time words: «استقبل ماكرون، مساء الثلاثاء، أمير قطر»."""
    while position < limit and (tokens[position].key in SKIPPABLE or tokens[position].key == ","):
        position += 1
    return position


def _continues_clause(tokens, hit, sentence, last, sentence_index) -> bool:
    """A verb after «، و», or after «قبل أن» / «بعد أن», in a sentence whose subject is already known
    («ويجري بومبيو محادثات … قبل أن يلتقي الأمير محمد بن سلمان»)."""
    if last is None or last[1] != sentence_index or hit.first_token < sentence.first_token + 2:
        return False
    before, before2 = tokens[hit.first_token - 1].key, tokens[hit.first_token - 2].key
    return (hit.proclitics[:1] in ("و", "ف") and before == ",") \
        or (not hit.proclitics and before == "ان" and before2 in TEMPORAL_LINKS)


def _unresolved_subject(doc, index, hit, limit) -> Subject | None:
    """«وقال شكري إن …»: a name-like word after the verb is its subject even when no actor is known."""
    tokens = doc.tokens
    position = past_skippable(tokens, hit.end_token, limit)
    end = position
    addressee = False  # «… لموقع إخباري»: to whom it was said
    while end < min(limit, position + 4):
        token = tokens[end]
        if token.kind not in ("word", "latin") or token.key in NOT_A_SUBJECT \
                or (end == position and token.key in index.stopwords
                    and _without_article(token.key) not in index.organization_heads) \
                or token.key in FOLLOWS_SPEAKER or doc.predicates_starting_in(end, end + 1):
            break
        if end > position and token.key[:1] in "لب" and not token.key.startswith("ال") and len(token.key) > 3 \
                and token.key[1:] in index.word_rank:
            addressee = True
            break  # «قال والدها لموقع إخباري إن …»: the speaker ends before ل/ب and a word
        end += 1
    if end == position or all(t.key in NOT_A_SPEAKER for t in tokens[position:end]):
        return None  # «أكدوا الآن أن»: no speaker is named
    # Only words that the content follows: «قال شكري إن», «أضاف بوريل:», «قالت المرأتان، …».
    # Not «أدانا تقديم بيونج يانج …» nor «طالب عدد من المرضى».
    takes = frozenset().union(*(keys(*index.tables["cues"][e.ident].get("takes", ()))
                                for e in hit.entries if e.kind == "cue"))
    if end < limit and not addressee and not (tokens[end].key in FOLLOWS_SPEAKER or tokens[end].key in takes
                            or tokens[end].key in {",", ":", '"'}):
        return None
    return Subject([], doc.text[tokens[position].start:tokens[end - 1].end], True, position, end)


def _quoted_source(doc, index, actors, hit, position: int, limit: int) -> Subject | None:
    """After a cue that quotes from someone (cues.yaml: quotes_from) and its preposition, the one quoted:
    an actor, or a few words up to قوله / أن / a comma."""
    tokens = doc.tokens
    word = next((index.tables["cues"][e.ident].get("quotes_from") for e in hit.entries if e.kind == "cue"), None)
    if not word or position >= limit or tokens[position].key != matching_key(word):
        return None
    found = actors.phrase_after(position + 1, limit, skip=False)
    if found is not None:
        ids, first, end = found
    else:
        ids, first = [], position + 1
        end = first
        while end < min(limit, first + QUOTED_SOURCE_WORDS) and tokens[end].kind == "word" \
                and tokens[end].key not in FOLLOWS_SPEAKER | QUOTING_WORDS:
            end += 1
        if end == first:
            return None
    text = doc.text[tokens[first].start:tokens[end - 1].end]
    while end < limit and tokens[end].key in QUOTING_WORDS:
        end += 1  # «قوله»: the content follows
    return Subject(ids, text, True, first, end, quoted=True)


def _agent_phrase(actors, tokens, hit, limit):
    """The agent of a verbal noun: «هجوم … من جانب كوريا الشمالية», «… من قبل الجيش»."""
    for position in range(hit.end_token, max(hit.end_token, limit - 2)):
        if (tokens[position].key, tokens[position + 1].key) in AGENT_MARKERS:
            return actors.phrase_after(position + 2, limit, skip=False)
    return None
