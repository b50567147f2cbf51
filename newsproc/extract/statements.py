"""Pipeline stage: statements — who said what.

A statement starts at a reporting cue from the `cues` lexicon (قال، أكدت، تؤكدان، مشيرا …).
* Speaker: the subject after the verb (with coordination: أكدت الولايات المتحدة وكوريا الجنوبية), else an
  actor just before it, else a generic speaker noun (القادة، مصدر، الجانبان) kept as `speaker_text`, else
  — for a verb with no subject — the speaker of the previous statement in the same paragraph.
* Content: what follows أن / إن / بأن / a colon, the preposition the cue takes (شدد على …), or a quotation;
  otherwise the object of the verb up to the end of the sentence. Quoted and colon-introduced content is
  `direct`, the rest `indirect`. `start`/`end` are the content's offsets: text[start:end] == content.
"""
from __future__ import annotations

from .clause import SKIPPABLE, ActorSpans

INTRODUCERS = frozenset({"ان", "بان", "انه", "انها", "انهم", "بانه", "بانها", "انما", "لان"})
COLON = frozenset({":"})
QUOTE_OPEN = frozenset({'"', "'"})
# Speakers that are not named in the sentence.
GENERIC_SPEAKERS = frozenset({
    "القاده", "الجانبان", "الجانبين", "الطرفان", "الطرفين", "المصدر", "مصدر", "مصادر", "المصادر", "البيان",
    "الوزاره", "الحكومه", "الجيش", "الشرطه", "الرئاسه", "المسءول", "مسءول", "مسءولون", "مسءولين",
    "المسءولون", "الوزير", "الرئيس", "المتحدث", "الناطق", "الخبراء", "خبراء", "المراقبون", "شهود",
    "الشهود", "السلطات", "المنظمه", "الحركه", "الحزب", "المجلس", "اللجنه", "الوكاله", "التقرير",
    "الدراسه", "المحكمه", "النيابه", "البرلمان", "المعارضه", "الجماعه", "التنظيم", "الناشطون",
})
PARTICIPLE_PREFIXES = ("م",)  # مشيرا، مؤكدا، مضيفا: a participle continues the sentence's speaker
NEGATIONS = frozenset({"لم", "لن", "لا", "ما", "ليس"})


def _cue_hits(doc, covered):
    chosen = []
    taken = set()
    for hit in sorted(doc.hits, key=lambda h: (-(h.end_token - h.first_token), h.first_token)):
        if not any(e.kind == "cue" for e in hit.entries):
            continue
        span = set(range(hit.first_token, hit.end_token))
        if span & taken or span & covered:
            continue
        taken |= span
        chosen.append(hit)
    chosen.sort(key=lambda h: h.first_token)
    return chosen


def find_statements(doc, index):
    actors = ActorSpans(doc)
    tokens = doc.tokens
    covered = {i for m in doc.mentions for i in range(m.first_token, m.end_token)}
    statements = []
    previous = None  # (speakers, speaker_text, block)
    cue_hits = _cue_hits(doc, covered)
    cue_starts = {hit.first_token for hit in cue_hits}
    for hit in cue_hits:
        entry = next(e for e in hit.entries if e.kind == "cue")
        cue = index.tables["cues"][entry.ident]
        sentence = doc.sentences[tokens[hit.first_token].sentence]
        cue_key = tokens[hit.first_token].key
        is_participle = cue_key.startswith(PARTICIPLE_PREFIXES) and cue["lemma"][0] != "م"
        # «أكد مجددا»: the participle-looking word after a verb cue is an adverb.
        if is_participle and hit.first_token - 1 in {h.end_token - 1 for h in cue_hits if h is not hit}:
            continue
        if hit.first_token > sentence.first_token and tokens[hit.first_token - 1].key in NEGATIONS:
            negated = True
        else:
            negated = False
        limit = sentence.end_token
        speakers, speaker_text, position = [], None, hit.end_token
        subject = None if is_participle else actors.subject_after(hit.end_token, min(limit, hit.end_token + 8))
        if subject is not None:
            speakers, first, position = subject
            speaker_text = doc.text[tokens[first].start:tokens[position - 1].end]
            speaker_text = _strip_skippable(doc, tokens, first, position)
        else:
            generic = hit.end_token
            while generic < limit and tokens[generic].key in SKIPPABLE:
                generic += 1
            before = actors.subject_before(hit.first_token, sentence.first_token)
            if not is_participle and generic < limit and tokens[generic].key in GENERIC_SPEAKERS:
                speaker_text = doc.text[tokens[generic].start:tokens[generic].end]
                position = generic + 1
            elif before is not None and not is_participle:
                speakers = [before[1]]
                speaker_text = doc.text[before[0].start:before[0].end]
            elif previous is not None and previous[2] == sentence.block:
                speakers, speaker_text = previous[0], previous[1]
        content = _content(doc, tokens, position, limit, cue, cue_starts)
        if content is None:
            continue
        first, end, kind = content
        start, stop = tokens[first].start, tokens[end - 1].end
        statement = {
            "id": f"S{len(statements) + 1}",
            "speakers": speakers,
            "speaker_text": speaker_text,
            "cue": doc.text[_cue_start(doc, hit):tokens[hit.end_token - 1].end],
            "content": doc.text[start:stop],
            "kind": kind,
            "start": start,
            "end": stop,
            "sentence": tokens[hit.first_token].sentence,
            "cue_start": _cue_start(doc, hit),
            "cue_end": tokens[hit.end_token - 1].end,
            "negated": negated,
        }
        statements.append(statement)
        previous = (speakers, speaker_text, sentence.block)
    doc.statements = statements
    return doc


def _cue_start(doc, hit) -> int:
    token = doc.tokens[hit.first_token]
    if not hit.proclitics:
        return token.start
    letters = len(hit.proclitics)
    return doc.views["key"].original_span(token.vstart + letters, token.vstart + letters + 1)[0]


def _strip_skippable(doc, tokens, first, end) -> str:
    while first < end and tokens[first].key in SKIPPABLE:
        first += 1
    return doc.text[tokens[first].start:tokens[end - 1].end]


def _content(doc, tokens, position, limit, cue, cue_starts):
    """(first token, end token, kind) of the content after `position`, or None when there is none."""
    takes = cue.get("takes")
    scan = position
    # The introducer may come a few words after the subject (أكد الوزير في بيان أن …).
    while scan < limit and scan - position <= 6:
        key = tokens[scan].key
        if key in QUOTE_OPEN:
            close = next((i for i in range(scan + 1, limit) if tokens[i].key == key), None)
            end = close if close is not None else limit
            if end - (scan + 1) >= 1:
                return scan + 1, end, "direct"
            return None
        if key in COLON:
            first = scan + 1
            if first < limit and tokens[first].key in QUOTE_OPEN:
                close = next((i for i in range(first + 1, limit) if tokens[i].key == tokens[first].key), limit)
                return (first + 1, close, "direct") if close > first + 1 else None
            return _trimmed(tokens, first, limit, "direct")
        if key in INTRODUCERS or (key.startswith(("وان", "بان")) and key in {"وان", "بانه", "بانها"}):
            return _trimmed(tokens, scan + 1, limit, "indirect")
        if takes and key in {_preposition(t) for t in takes}:
            return _trimmed(tokens, scan + 1, limit, "indirect")
        if tokens[scan].kind == "punct" and key not in {",", "،"}:
            break
        scan += 1
    if scan == position and position < limit and tokens[position].kind == "word" and position not in cue_starts:
        # The object of the verb: «أكدت الولايات المتحدة … أهمية التعاون …».
        return _trimmed(tokens, position, limit, "indirect", minimum=2)
    if position < limit and tokens[position].kind == "word" and not takes:
        return _trimmed(tokens, position, limit, "indirect", minimum=2)
    return None


def _preposition(word: str) -> str:
    from ..text.normalize import matching_key

    return matching_key(word)


def _trimmed(tokens, first, end, kind, minimum=1):
    while end > first and tokens[end - 1].kind == "punct" and tokens[end - 1].key not in {'"', "'", ")"}:
        end -= 1
    if end - first < minimum:
        return None
    return first, end, kind
