"""The trained name tagger (a CRF through python-crfsuite) and its CoNLL interface.

The model ships in the package (`model.crfsuite`); it is trained on ANERcorp (Benajiba et al. 2007) in the
CAMeL Lab split (Obeid et al. 2020), CC BY-SA 4.0, with `newsproc train-ner` (see the README). It tags our
own tokens (punctuation split off, offsets exact) with BILOU labels, which are turned into BIO; a CoNLL
token's tag is its first word's tag, so the CoNLL interface answers for exactly the tokens it was given.
Sentences are tagged with the evidence of the rest of the document (features.Memory); in a CoNLL file,
whose article boundaries are unknown, the rest is the ten sentences on either side.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Block, Document
from ..extract.lookup import lookup
from ..text.normalize import normalize
from ..text.tokenize import tokenize
from .conll import chunks, only_types, repair_bio
from .features import Featurizer, Memory

MODEL_NAME = "model.crfsuite"
CONLL_WINDOW = 10


_PERSON_LABELS = ("B-PERS", "I-PERS", "L-PERS", "U-PERS")


def shipped_model() -> Path:
    return Path(str(resources.files("newsproc.ner") / MODEL_NAME))


def known_attributes(tagger, model_path: str | Path) -> frozenset[str]:
    """The attributes the model has weights for. Reading them from the model takes 0.3 s, so they are
    cached beside the compiled lexicons, keyed by the model's contents."""
    import hashlib
    import pickle

    from ..lexicon.index import cache_dir, store_pickle

    digest = hashlib.sha256(Path(model_path).read_bytes()).hexdigest()[:32]
    cached = cache_dir() / f"crf-attributes-{digest}.pickle"
    try:
        with open(cached, "rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError):
        pass
    known = frozenset(attribute for attribute, _label in tagger.info().state_features)
    store_pickle(known, cached)
    return known


def to_bilou(labels: list[str]) -> list[str]:
    out = list(labels)
    for start, end, kind in chunks(labels):
        if end - start == 1:
            out[start] = "U-" + kind
        else:
            out[start], out[end - 1] = "B-" + kind, "L-" + kind
            for i in range(start + 1, end - 1):
                out[i] = "I-" + kind
    return out


def to_bio(labels: list[str]) -> list[str]:
    return repair_bio(["B-" + l[2:] if l[:2] == "U-" else "I-" + l[2:] if l[:2] == "L-" else l for l in labels])


def conll_document(words: list[str], index) -> tuple[Document, list[list[int]]]:
    """A document for one CoNLL sentence, and for each CoNLL token the indices of our tokens inside it."""
    text = " ".join(words)
    doc = Document(text, "conll")
    doc.blocks = [Block("paragraph", 0, len(text))]
    normalize(doc)
    tokenize(doc)
    lookup(doc, index)
    inside: list[list[int]] = [[] for _ in words]
    position, word = 0, 0
    bounds = []
    for token_text in words:
        bounds.append((position, position + len(token_text)))
        position += len(token_text) + 1
    for number, token in enumerate(doc.tokens):
        while word < len(bounds) - 1 and token.start >= bounds[word][1]:
            word += 1
        inside[word].append(number)
    return doc, inside


def align_labels(doc: Document, inside: list[list[int]], tags: list[str]) -> list[str]:
    """Tags for our tokens from the CoNLL tags: punctuation is O, the first word of a B- token is B-."""
    labels = ["O"] * len(doc.tokens)
    for ours, tag in zip(inside, tags):
        if tag == "O":
            continue
        words = [i for i in ours if doc.tokens[i].kind != "punct"]
        for n, i in enumerate(words):
            labels[i] = tag if n == 0 else "I-" + tag[2:]
    return labels


def conll_tags(doc: Document, inside: list[list[int]], labels: list[str]) -> list[str]:
    """One tag per CoNLL token: the tag of its first word (punctuation-only tokens are O)."""
    tags = []
    for ours in inside:
        words = [i for i in ours if doc.tokens[i].kind != "punct"]
        tags.append(labels[words[0]] if words else "O")
    return repair_bio(tags)


def conll_features(featurizer: Featurizer, documents: list[Document]) -> Iterator[list[list[str]]]:
    """Features of CoNLL sentences (one document each), each with its neighbours' evidence."""
    evidence = [featurizer.evidence(doc, 0, len(doc.tokens)) for doc in documents]
    for doc, view in zip(documents, Memory(evidence, window=CONLL_WINDOW).views()):
        yield featurizer.sentence(doc, 0, len(doc.tokens), view)


class NameTagger:
    def __init__(self, index, model: str | Path | None = None):
        import pycrfsuite

        self.index = index
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model or shipped_model()))
        self.featurizer = Featurizer(index, known_attributes(self._tagger, model or shipped_model()))

    # --- one document --------------------------------------------------------------------------------
    def document_memory(self, doc: Document):
        """One Memory view per sentence of the document, in order."""
        return Memory([self.featurizer.evidence(doc, s.first_token, s.end_token) for s in doc.sentences]).views()

    def crf_tags(self, features: list[list[str]]) -> list[str]:
        """The model's BILOU labels for one sequence of features."""
        return self._tagger.tag(features)

    def labels(self, doc: Document, first: int, end: int, memory=None) -> list[str]:
        """BIO labels for the tokens [first, end); `memory`: the rest of the document's evidence."""
        if end <= first:
            return []
        return to_bio(self._tagger.tag(self.featurizer.sentence(doc, first, end, memory)))

    def spans(self, doc: Document, first: int, end: int, memory=None) -> list[tuple[int, int, str, float]]:
        """(first token, end token, type, mean marginal probability) of each name in a sentence."""
        labels = self.labels(doc, first, end, memory)
        spans = []
        for start, stop, kind in sorted(chunks(labels)):
            probability = sum(self._marginal(labels, i) for i in range(start, stop)) / (stop - start)
            spans.append((first + start, first + stop, kind, probability))
        return spans

    def person_probabilities(self, tokens) -> list[float]:
        """For each token of the sentence tagged last, the probability that it is part of a person's name
        (0 for punctuation and numbers, which never are)."""
        marginal = self._tagger.marginal
        return [sum(marginal(label, i) for label in _PERSON_LABELS) if token.kind in ("word", "latin") else 0.0
                for i, token in enumerate(tokens)]

    def _marginal(self, labels: list[str], i: int) -> float:
        """The probability of the BILOU label behind a BIO label, from the last tagging."""
        kind = labels[i][2:]
        single = i + 1 >= len(labels) or labels[i + 1] != "I-" + kind
        if labels[i].startswith("B-"):
            bilou = ("U-" if single else "B-") + kind
        else:
            bilou = ("L-" if single else "I-") + kind
        return self._tagger.marginal(bilou, i)

    # --- CoNLL ---------------------------------------------------------------------------------------
    def tag_conll(self, sentences: Iterable[list[str]]) -> Iterator[list[str]]:
        """Tags for CoNLL sentences (lists of tokens), in order. The lexicons inform the tagger through its
        features; adding lexicon names on top of its output did not help on ANERcorp (the pipeline, which
        needs codes, lets lexicon matches win instead: extract/mentions.py)."""
        sentences = list(sentences)
        documents = [conll_document(words, self.index) for words in sentences]
        docs = [doc for doc, _ in documents]
        for (doc, inside), features in zip(documents, conll_features(self.featurizer, docs)):
            labels = to_bio(self._tagger.tag(features)) if features else []
            yield conll_tags(doc, inside, labels)


def train(sentences, index, model_path: str | Path, c1: float = 0.05, c2: float = 0.01,
          iterations: int = 150, verbose: bool = False) -> None:
    """Train a model on (words, tags) sentences and write it to `model_path`."""
    import pycrfsuite

    featurizer = Featurizer(index)
    sentences = list(sentences)
    documents = [conll_document(words, index) for words, _tags in sentences]
    trainer = pycrfsuite.Trainer(verbose=verbose)
    features = conll_features(featurizer, [doc for doc, _ in documents])
    for (words, tags), (doc, inside), xseq in zip(sentences, documents, features):
        if xseq:
            trainer.append(xseq, to_bilou(align_labels(doc, inside, only_types(tags))))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(model_path))
