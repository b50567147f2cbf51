"""Pipeline stage: the names the trained tagger finds in every sentence (see newsproc/ner/)."""
from __future__ import annotations

from ..document import Name


class TagNames:
    """A stateful stage (it holds the loaded model), called like the plain-function stages."""

    def __init__(self, tagger):
        self.tagger = tagger

    def _proclitics(self, key: str, index) -> int:
        """Letters of proclitics before a name."""
        prefix, _stem = self.tagger.featurizer.stem(key)
        whole_name = key in index.given_names or key in index.family_names  # بشير is no ب + شير
        if not prefix and not whole_name and key[:1] in "وفبلك" and len(key) > 3 and (
                key[1:] in index.given_names or key[1:] in index.family_names or key[1:] in ("عبد", "ابو")):
            return 1  # وحسن، بحمد، وعبد الوهاب: the whole word is also a frequent word, but here a name
        return len(prefix)

    def __call__(self, doc, index):
        tagger = self.tagger
        names = []
        person = []
        for sentence, memory in zip(doc.sentences, tagger.document_memory(doc)):
            for first, end, kind, probability in tagger.spans(doc, sentence.first_token, sentence.end_token,
                                                              memory):
                names.append(Name(first, end, kind, probability, self._proclitics(doc.tokens[first].key, index)))
            person.extend(tagger.person_probabilities(doc.tokens[sentence.first_token:sentence.end_token]))
        doc.names = names
        doc.person_probability = person
        return doc
