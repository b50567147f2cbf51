"""Pipeline stage: find every lexicon entry in every sentence, once, for all later extractors."""
from __future__ import annotations


def lookup(doc, index):
    hits = []
    tokens = doc.tokens
    for sentence in doc.sentences:
        keys = [token.key for token in tokens[sentence.first_token:sentence.end_token]]
        hits.extend(index.match(keys, sentence.first_token))
    hits.sort(key=lambda hit: (hit.first_token, -hit.end_token))
    doc.hits = hits
    return doc
