"""What the `ner`, `train-ner` and `eval-ner` commands do, as functions."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Iterator

from ..document import Document
from ..extract.lookup import lookup
from ..lexicon import load_index
from ..reader.sources import ReadOptions, Task, read_task
from ..reader.structure import split_blocks
from ..text.normalize import normalize
from ..text.tokenize import tokenize
from .conll import Score, only_types, read_conll
from .tagger import NameTagger, train


def _tagger(model, lexicons) -> NameTagger:
    return NameTagger(load_index(lexicons), model)


def tag_conll_file(path, model=None, lexicons=()) -> Iterator[str]:
    tagger = _tagger(model, lexicons)
    sentences = [words for words, _tags in read_conll(path)]
    for words, tags in zip(sentences, tagger.tag_conll(sentences)):
        yield from (f"{word}\t{tag}" for word, tag in zip(words, tags))
        yield ""


def tag_text_file(path, model=None, lexicons=()) -> Iterator[str]:
    """CoNLL lines for an article: newsproc's tokens, one sentence per block of lines."""
    tagger = _tagger(model, lexicons)
    if str(path) == "-":
        import sys

        task = Task("stdin", "<stdin>", "stdin", data=sys.stdin.buffer.read())
    else:
        task = Task("file", str(path), Path(path).stem)
    article = read_task(task, ReadOptions(format="text"))
    doc = Document(article.text, article.id)
    doc.blocks = split_blocks(article.text)
    normalize(doc)
    tokenize(doc)
    lookup(doc, tagger.index)
    for sentence, memory in zip(doc.sentences, tagger.document_memory(doc)):
        labels = tagger.labels(doc, sentence.first_token, sentence.end_token, memory)
        for token, label in zip(doc.tokens[sentence.first_token:sentence.end_token], labels):
            yield f"{doc.text[token.start:token.end]}\t{label}"
        yield ""


def train_file(conll, model_path, holdout=None, iterations=150) -> tuple[int, float]:
    sentences = list(read_conll(conll))
    if holdout:
        sentences = sentences[:len(sentences) * (holdout - 1) // holdout]
    started = time.monotonic()
    train(sentences, load_index(), model_path, iterations=iterations)
    return len(sentences), time.monotonic() - started


def evaluate_file(conll, model=None, holdout=6) -> str:
    sentences = list(read_conll(conll))
    if model is None:
        cut = len(sentences) * (holdout - 1) // holdout
        train_part, test_part = sentences[:cut], sentences[cut:]
        with tempfile.TemporaryDirectory() as folder:
            model = Path(folder) / "dev.crfsuite"
            started = time.monotonic()
            train(train_part, load_index(), model)
            trained = time.monotonic() - started
            report, rate = _score(test_part, _tagger(model, ()))
        header = (f"development protocol: trained on the first {cut} sentences in {trained:.0f} s, "
                  f"scored on the last {len(test_part)}")
    else:
        report, rate = _score(sentences, _tagger(model, ()))
        header = f"model {model} on all {len(sentences)} sentences"
    return (f"{header}\n{report}\n"
            f"speed: {rate:,.0f} CoNLL tokens/s on one core (normalising, tokenizing, lexicon lookup, "
            f"features and tagging)")


def _score(sentences, tagger: NameTagger) -> tuple[str, float]:
    score = Score()
    started = time.perf_counter()
    tagged = list(tagger.tag_conll([words for words, _tags in sentences]))
    seconds = time.perf_counter() - started
    tokens = sum(len(words) for words, _tags in sentences)
    for (_words, tags), predicted in zip(sentences, tagged):
        score.add(only_types(tags), predicted)
    return score.report(), tokens / seconds if seconds else 0.0
