"""Pipeline stage: find every lexicon entry in every sentence, once, for all later extractors."""
from __future__ import annotations

from ..text.tokenize import letter_offset

# Lexicon entry kinds that name an entity (the others are titles, cues, triggers, institution heads).
ENTITY_KINDS = ("country", "organization", "location")


def hit_start(doc, hit) -> int:
    """Where a hit starts in the original text: after the proclitics its first token carries."""
    return letter_offset(doc, doc.tokens[hit.first_token], len(hit.proclitics))


def lookup(doc, index):
    hits = []
    tokens = doc.tokens
    for sentence in doc.sentences:
        keys = [token.key for token in tokens[sentence.first_token:sentence.end_token]]
        hits.extend(index.match(keys, sentence.first_token))
    hits.sort(key=lambda hit: (hit.first_token, -hit.end_token))
    doc.hits = hits
    return doc
