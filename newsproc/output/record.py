"""The JSON contract: one function from an analysed Document to the output dict.

Every writer (JSON Lines, pretty JSON, one file per article) starts from this dict, so they cannot
disagree. Key order is fixed and part of the contract.
"""
from __future__ import annotations

SCHEMA = "newsproc.article/1"


def _mention(doc, mention) -> dict:
    return {"start": mention.start, "end": mention.end, "text": doc.text[mention.start:mention.end],
            "sentence": mention.sentence, "form": mention.form}


def _actor(doc, actor) -> dict:
    return {
        "id": actor.id,
        "type": actor.type,
        "name": actor.name,
        "english": actor.english,
        "key": actor.entity,
        "code": actor.code,
        "country": actor.country,
        "kind": actor.kind,
        "cameo": actor.cameo,
        "aliases": actor.aliases,
        "roles": actor.roles,
        "mentions": [_mention(doc, m) for m in actor.mentions],
    }


def to_record(doc) -> dict:
    blocks = doc.blocks
    return {
        "schema": SCHEMA,
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date,
        "stats": {
            "paragraphs": sum(1 for b in blocks if b.kind == "paragraph"),
            "headings": sum(1 for b in blocks if b.kind == "heading"),
            "sentences": len(doc.sentences),
            "tokens": len(doc.tokens),
        },
        "actors": [_actor(doc, a) for a in doc.actors],
        "statements": doc.statements,
        "events": doc.events,
        "warnings": doc.warnings,
        "structure": [{"type": b.kind, "start": b.start, "end": b.end} for b in blocks],
        "text": doc.text,
    }
