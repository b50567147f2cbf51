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
from .tagger import NameTagger, conll_document, conll_features, conll_tags, to_bio, train


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
    return f"{header}\n{report}\n{rate}"


def _score(sentences, tagger: NameTagger) -> tuple[str, str]:
    """The score table, and the speed: documents (normalise, tokenize, lexicon lookup), then the tagger
    (features and CRF) on a cold and on a warm feature cache (a long run keeps its cache warm)."""
    words = [w for w, _tags in sentences]
    started = time.perf_counter()
    documents = [conll_document(w, tagger.index) for w in words]
    built = time.perf_counter()
    tokens = sum(len(doc.tokens) for doc, _ in documents)
    timings = []
    for _ in range(2):
        begin = time.perf_counter()
        features = list(conll_features(tagger.featurizer, [doc for doc, _ in documents]))
        labels = [to_bio(tagger.crf_tags(x)) if x else [] for x in features]
        timings.append(time.perf_counter() - begin)
    score = Score()
    for (_words, gold), (doc, inside), predicted in zip(sentences, documents, labels):
        score.add(only_types(gold), conll_tags(doc, inside, predicted))
    speed = (f"speed on one core: documents {tokens / (built - started):,.0f} tokens/s; tagger (features and CRF) "
             f"{tokens / timings[0]:,.0f} tokens/s cold, {tokens / timings[1]:,.0f} tokens/s with a warm cache")
    return score.report(), speed
