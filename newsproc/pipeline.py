"""The one way through the house: reader → normaliser → tokenizer → extractors → record.

A `Pipeline` is built once per process (it holds the compiled lexicon) and then analyses any number of
articles. Each stage is a plain function `stage(doc, index) -> doc`.
"""
from __future__ import annotations

from .document import Document
from .extract.actors import resolve_actors
from .extract.clause import find_subjects
from .extract.events import find_events
from .extract.lookup import lookup
from .extract.mentions import find_mentions
from .extract.names import TagNames
from .extract.statements import find_statements
from .lexicon import load_index
from .output.record import to_record
from .reader.decode import arabic_share
from .reader.sources import Article
from .reader.structure import split_blocks
from .text.normalize import normalize
from .text.tokenize import tokenize

class Pipeline:
    def __init__(self, lexicons: tuple[str, ...] | list[str] = (), use_cache: bool = True, model=None):
        from .ner.tagger import NameTagger

        self.index = load_index(tuple(lexicons), use_cache=use_cache)
        self.tagger = NameTagger(self.index, model)
        self.stages = (lookup, TagNames(self.tagger), find_mentions, resolve_actors, find_subjects,
                       find_statements, find_events)

    def document(self, article: Article) -> Document:
        doc = Document(article.text, article.id, article.title, article.date, article.source)
        doc.blocks = split_blocks(article.text, detect_title=article.detect_title)
        if article.detect_title and doc.blocks and doc.blocks[0].kind == "title":
            doc.title = article.text[doc.blocks[0].start:doc.blocks[0].end]
        for warning in article.warnings:
            doc.warn(warning["code"], warning["message"])
        if arabic_share(article.text[:20000]) < 0.2:
            doc.warn("little_arabic", "the text is mostly not Arabic: few or no actors can be found")
        normalize(doc)
        tokenize(doc)
        for stage in self.stages:
            stage(doc, self.index)
        return doc

    def analyze(self, article: Article) -> dict:
        return to_record(self.document(article))
