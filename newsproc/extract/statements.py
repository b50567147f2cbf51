"""Pipeline stage: statements — who said what.

A statement starts at a reporting cue from the `cues` lexicon (قال، أكدت، تؤكدان، مشيرا …); its speakers
are the cue's subject (see clause.py: after the verb, coordinated, continued, generic).
Content: what follows أن / إن / بأن / a colon, the preposition the cue takes (شدد على …), or a quotation;
otherwise the object of the verb up to the end of the sentence. Quoted and colon-introduced content is
`direct`, the rest `indirect`. Attribution phrases (بحسب، وفقا لـ، نقلا عن) make the rest of the sentence
the content and the actor after them the speaker. `start`/`end` are the content's offsets, so
text[start:end] == content; `cue_start`/`cue_end` locate the cue.
"""
from __future__ import annotations

from ..text.normalize import keys, matching_key
from .clause import ActorSpans, Subject, is_participle, is_verb, past_skippable, select_hits
from .lookup import hit_start

# أن / إن / بأن with or without an attached pronoun: إنه، إنها، إنهما، إننا، بأنهم …
INTRODUCERS = frozenset(stem + suffix for stem in ("ان", "بان", "وان", "وبان")
                        for suffix in ("", "ه", "ها", "هم", "هما", "هن", "ي", "ني", "نا", "ك", "كم"))
CLAUSE_INTRODUCERS = INTRODUCERS | {"فان"}  # and فإن, after an attribution («بحسب … فإن …»)
CLAUSE_OPENERS = frozenset({"فيما", "بينما", "في حين", "حيث", "وفيما", "وبينما"})
QUOTES = frozenset({'"', "'"})
NEGATIONS = keys("لم", "لن", "لا", "ما", "ليس")
# «وقال يوسف المحمود، الناطق باسم الحكومة الفلسطينية في حديث لإذاعة صوت فلسطين الرسمية، صباح اليوم، إن …»
APPOSITION_REACH = 20
# A restricted cue's own preposition may follow a short subject no actor stands for (نص الاتفاق على), but
# not a longer phrase: «رد الجيش بإطلاق النار على …» is no reply.
RESTRICTED_TAKES_REACH = 2
SCARE_QUOTE_WORDS = 2  # a quoted word or two inside a clause marks a term, not the speaker's words
ATTRIBUTION_REACH = 7  # the source of «بحسب …» may come a few words on (بحسب التفاصيل التي حصلت عليها سبق)
# Sources that say something without being actors (بحسب مصادر أمنية، جاء في البيان أن).
SOURCE_NOUNS = keys("المصدر", "مصدر", "مصادر", "المصادر", "البيان", "بيان", "التقرير", "تقرير", "تقارير",
                    "الصحيفه", "صحيفه", "الوكاله", "وكاله", "وساءل", "شهود", "الشهود", "مسءول", "مسءولون",
                    "مسءولين", "المسءولين", "المرسوم", "مرسوم", "الاعلان", "القرار", "الرساله", "الوثيقه",
                    "الدراسه", "دراسه", "الاحصاءات", "احصاءات", "الارقام", "ارقام", "البيانات", "بيانات",
                    "ناشطون", "الناشطين", "سكان", "السكان", "مراسل", "مراسلنا", "المتحدث", "متحدث", "بلاغ",
                    "البلاغ", "المعلومات", "معلومات")
ATTRIBUTION_FILLERS = keys("ما", "لما", "نشرته", "نشرت", "اعلنته", "اعلنت", "اعلن", "ذكرته", "ذكرت", "ذكر",
                           "اوردته", "افادت", "اوردت", "افاد", "قالته", "قال", "قالت", "اوضحته", "نقلته", "عنه",
                           "عنها", "به", "بها", "قاله", "قالوه", "ذكره", "اعلنه", "افاده")
REFERS_BACK = [["جاء", "ذلك"], ["وجاء", "ذلك"], ["ياتي", "ذلك"], ["وياتي", "ذلك"], ["جاء", "هذا"]]
# Words that open an adverbial, not an object: «أعلن رئيس الشرطة في مؤتمر صحافي» says nothing yet.
NOT_AN_OBJECT = keys("في", "خلال", "اثناء", "عبر", "امام", "لدى", "عقب", "بعد", "قبل", "من", "الى", "منذ",
                     "امس", "اليوم", "مساء", "صباح", "حين", "عندما", "وسط")
# Set phrases between a cue and its object: «تنفي في الوقت ذاته استهداف مدنيين».
ADVERBIAL_PHRASES = [tuple(matching_key(word) for word in phrase.split()) for phrase in (
    "في الوقت ذاته", "في الوقت نفسه", "في الوقت عينه", "في المقابل", "من جهته", "من جهتها", "من جانبه",
    "من جانبها", "من ناحيته", "من ناحيتها", "في هذا السياق", "في هذا الصدد", "في السياق ذاته")]
DEMONSTRATIVES = keys("ذلك", "هذا", "هذه", "تلك")
STANDALONE_CUES = ("attribution-according-to", "attribution-document")
IGNORED_CUES = ("in-statement",)  # «في بيان» qualifies a cue; it is not one


def find_statements(doc, index):
    tokens = doc.tokens
    covered = {i for m in doc.mentions for i in range(m.first_token, m.end_token)}
    actors = ActorSpans(doc)
    statements = []
    hits = select_hits(doc, ("cue",), covered)
    cue_ends = {hit.end_token for hit in hits}
    absorbed = set()  # «بحسب ما أعلن عنه …»: the verb inside an attribution phrase is part of it
    for hit in hits:
        entry = next(e for e in hit.entries if e.kind == "cue")
        if entry.ident in IGNORED_CUES or hit.first_token in absorbed:
            continue
        cue = index.tables["cues"][entry.ident]
        sentence = doc.sentences[tokens[hit.first_token].sentence]
        if is_participle(doc, hit, index) and hit.first_token in cue_ends:
            continue  # «أكد مجددا»: after a verb the participle-looking word is an adverb
        if _impersonal(tokens, hit, cue) or "س" in hit.proclitics:
            continue  # «سيعلن ترشحه»: a statement still to come says nothing yet
        if entry.ident in STANDALONE_CUES:
            absorbed.update(range(hit.end_token, _past_fillers(tokens, hit.end_token, sentence.end_token)))
            found = _attribution(doc, actors, hit, sentence, _needs_introducer(cue, ""))
        else:
            subject = doc.subjects.get(hit.first_token) or Subject([], None)
            limit = _clause_limit(doc, index, hit, sentence.end_token)
            if subject.quoted:  # «نقل البيان عن مصدر عسكري أن …»: the content follows the source quoted
                found = _content(tokens, subject.end, limit, cue, subject.end, sentence.end_token, True)
            else:
                found = _content(tokens, hit.end_token, limit, cue, _subject_end(hit, subject), sentence.end_token,
                                 _needs_introducer(cue, tokens[hit.first_token].key[len(hit.proclitics):]))
            found = (subject, *found) if found else None
        if found is None:
            continue
        subject, first, end, kind = found
        start, stop = tokens[first].start, tokens[end - 1].end
        cue_start = hit_start(doc, hit)
        statements.append({
            "id": f"S{len(statements) + 1}",
            "speakers": subject.actors,
            "speaker_text": subject.text,
            "cue": doc.text[cue_start:tokens[hit.end_token - 1].end],
            "content": doc.text[start:stop],
            "kind": kind,
            "start": start,
            "end": stop,
            "sentence": tokens[hit.first_token].sentence,
            "cue_start": cue_start,
            "cue_end": tokens[hit.end_token - 1].end,
            "negated": hit.first_token > sentence.first_token and tokens[hit.first_token - 1].key in NEGATIONS,
        })
    doc.statements = statements
    return doc


def _impersonal(tokens, hit, cue) -> bool:
    """«ويذكر أن …», «يتوقع أن …»: an impersonal form right before أن says nobody spoke (cues.yaml:
    impersonal_forms)."""
    form = tokens[hit.first_token].key[len(hit.proclitics):]
    return form in keys(*cue.get("impersonal_forms", ())) and hit.end_token < len(tokens) \
        and tokens[hit.end_token].key in INTRODUCERS


def _needs_introducer(cue, form_key: str) -> bool:
    """Whether the cue, in this form, says something only before an introducer (cues.yaml: needs_introducer,
    introducer_forms)."""
    return bool(cue.get("needs_introducer")) or form_key in keys(*cue.get("introducer_forms", ()))


def _clause_limit(doc, index, hit, limit: int) -> int:
    """Indirect content ends where the next coordinated clause begins: «…، وشكر …», «…، مجددا …»,
    «…، فيما انتقدت …». Quoted content is not cut (the quote is closed explicitly)."""
    tokens = doc.tokens
    for predicate in doc.predicates_starting_in(hit.end_token + 1, limit):
        start = predicate.first_token
        after_comma = tokens[start - 1].key == ","
        joined = tokens[start].key[:1] in ("و", "ف") and is_verb(predicate)
        if after_comma and (joined or is_participle(doc, predicate, index)):
            return start - 1
    for position in range(hit.end_token, limit):
        if tokens[position].key in CLAUSE_OPENERS and position > hit.end_token and tokens[position - 1].key == ",":
            return position - 1
    return limit


def _subject_end(hit, subject: Subject) -> int:
    """Where the content may start: after the subject when the subject follows the cue."""
    return subject.end if subject.explicit and subject.first >= hit.end_token else hit.end_token


def _content(tokens, position, limit, cue, subject_end, sentence_end, needs_introducer=False):
    """(first token, end token, kind) of the content, or None when the cue introduces nothing.
    Indirect content ends at `limit`; a quotation runs to its closing quote within the sentence.
    `needs_introducer`: the cue says something only before أن / إن / a colon / a quote (تابع، يعتبر)."""
    takes = keys(*cue.get("takes", ()))
    start = _past_adverbials(tokens, max(position, subject_end), limit)
    takes_reach = RESTRICTED_TAKES_REACH if subject_end <= position else 0  # past a known subject: at once
    scan = start
    # «وقال منصور العتيبي، سفير الكويت في الأمم المتحدة، إن …»: an apposition between commas comes first;
    # «قال في تصريحات لصحيفة إيلاف، الخميس، إن …»: so may an adverbial
    reach = 14 if start < limit and (tokens[start].key == "," or tokens[start].key in NOT_AN_OBJECT) else 6
    if reach > 6:  # «قال كيفن واتكينز، رئيس منظمة "أنقذوا الأطفال"، إن …»: a quote inside the apposition
        scan = next((i for i in range(start, min(limit, start + APPOSITION_REACH + 1)) if tokens[i].key in INTRODUCERS
                     and tokens[i - 1].key == ","), start)
        reach = max(reach, scan - start)
    while scan < limit and scan - start <= reach:
        key = tokens[scan].key
        if key in QUOTES:
            return _quotation(tokens, scan, sentence_end, limit)
        if key == ":":
            first = scan + 1
            if first < sentence_end and tokens[first].key in QUOTES:
                return _quotation(tokens, first, sentence_end, limit)
            return _trimmed(tokens, first, limit, "direct")
        if key in INTRODUCERS or (key in takes and (scan - start <= takes_reach or not needs_introducer)):
            first = scan + 1
            if key in takes and first < limit and tokens[first].key in INTRODUCERS:
                first += 1  # «مشيرا إلى أن …», «شدد على أن …»
            if first < sentence_end and tokens[first].key in QUOTES:
                return _quotation(tokens, first, sentence_end, limit)  # «قال إن "فرنسا لن تقف …"»: his own words
            return _trimmed(tokens, first, limit, "indirect")
        if tokens[scan].kind == "punct" and key != ",":
            break
        scan += 1
    if start < limit and tokens[start].kind == "word" and not needs_introducer \
            and tokens[start].key not in NOT_AN_OBJECT:
        # The object of the verb: «أكدت الولايات المتحدة … أهمية التعاون …», or a pronoun that points at
        # what was said before: «وتنفي حماس ذلك».
        return _trimmed(tokens, start, limit, "indirect",
                        minimum=1 if tokens[start].key in DEMONSTRATIVES else 2)
    return None


def _past_adverbials(tokens, position: int, limit: int) -> int:
    """The first token after set adverbial phrases and words (في الوقت ذاته، من جهته، أيضا، اليوم)."""
    while True:
        position = past_skippable(tokens, position, limit)
        phrase = next((p for p in ADVERBIAL_PHRASES
                       if tuple(t.key for t in tokens[position:position + len(p)]) == p), None)
        if phrase is None:
            return position
        position += len(phrase)


def _quotation(tokens, opening: int, sentence_end: int, limit: int):
    """Direct content between the quote mark at `opening` and its closing mark (or the sentence end) — unless
    the quote is a word or two the clause goes on after («أعلن الجيش "تحرير" 4 قرى»): then the clause is
    the content, in the reporter's words."""
    close = next((i for i in range(opening + 1, sentence_end) if tokens[i].key == tokens[opening].key),
                 sentence_end)
    if close <= opening + 1:
        return None
    if close - opening - 1 <= SCARE_QUOTE_WORDS and close + 1 < limit and tokens[close + 1].kind != "punct":
        return _trimmed(tokens, opening, limit, "indirect")
    return opening + 1, close, "direct"


def _attribution(doc, actors, hit, sentence, needs_introducer: bool = False):
    """«بحسب وزارة الصحة»: the speaker follows; the content is the rest of the sentence."""
    tokens = doc.tokens
    position = _past_fillers(tokens, hit.end_token, sentence.end_token)
    found = actors.phrase_after(position, sentence.end_token, skip=False, prepositional=True)
    scan = position
    # «وفقا لبيانات الأمم المتحدة», «بحسب التفاصيل التي حصلت عليها سبق»: the source a few words on
    while found is None and scan + 1 < min(sentence.end_token, position + ATTRIBUTION_REACH) \
            and tokens[scan].key not in (",", ":") and tokens[scan].key not in CLAUSE_INTRODUCERS:
        scan += 1
        found = actors.phrase_after(scan, sentence.end_token, skip=False, prepositional=True)
    if found is None:
        # «بحسب مصادر أمنية», «جاء في البيان أن …»: a source no actor stands for keeps its words
        end = position
        while end < min(sentence.end_token, position + 2) and tokens[end].kind == "word" \
                and tokens[end].key not in CLAUSE_INTRODUCERS:
            end += 1
        if end == position or tokens[position].key not in SOURCE_NOUNS:
            return None  # «حسب الحاجة», «بحسب الإجراءات المتبعة»: as needed, as the rules say
        found = ([], position, end)
    ids, first, end = found
    if needs_introducer and not (end < sentence.end_token and tokens[end].key in INTRODUCERS):
        return None  # «جاء في المرتبة الثانية»: the source says something only before «أن»
    item = actors.phrase_at(first) if ids else None
    text_start = item[0].start if item is not None else tokens[first].start  # «لوزارة»: without the ل
    subject = Subject(ids, doc.text[text_start:tokens[end - 1].end])
    before = _trimmed(tokens, sentence.first_token, hit.first_token, "indirect", minimum=1)
    if before is not None and [t.key for t in tokens[before[0]:before[1]]] in REFERS_BACK:
        # «جاء ذلك حسب ما نشرته …»: the content is the previous sentence.
        index = tokens[hit.first_token].sentence
        if index == 0:
            return None
        previous = doc.sentences[index - 1]
        found = _trimmed(tokens, previous.first_token, previous.end_token, "indirect", minimum=3)
        return (subject, *found) if found else None
    if before is not None and before[1] - before[0] >= 3:
        return (subject, *before)
    start = end + (tokens[end].key == "," if end < sentence.end_token else 0)
    if start < sentence.end_token and tokens[start].key in CLAUSE_INTRODUCERS:
        start += 1  # «بحسب … سبق فإن أحد المواطنين اكتشف …»
    after = _trimmed(tokens, start, sentence.end_token, "indirect", minimum=3)
    return (subject, *after) if after else None


def _past_fillers(tokens, position: int, end: int) -> int:
    """The first token after the words that join an attribution phrase to its source (ما أعلن عنه)."""
    while position < end and tokens[position].key in ATTRIBUTION_FILLERS:
        position += 1
    return position


def _trimmed(tokens, first, end, kind, minimum=1):
    while end > first and tokens[end - 1].kind == "punct" and tokens[end - 1].key not in QUOTES | {")"}:
        end -= 1
    while first < end and tokens[first].kind == "punct" and tokens[first].key not in QUOTES | {"("}:
        first += 1
    if end - first < minimum:
        return None
    return first, end, kind
