"""Sentences, words and proclitics, with offsets into the original text."""
import pytest

from newsproc.document import Document
from newsproc.reader.structure import split_blocks
from newsproc.text.normalize import normalize
from newsproc.text.tokenize import MAX_SENTENCE_TOKENS, split_proclitics, tokenize


def analysed(text):
    doc = Document(text, "t")
    doc.blocks = split_blocks(text, detect_title=False)
    normalize(doc)
    tokenize(doc)
    return doc


def sentences(text):
    doc = analysed(text)
    return [text[s.start:s.end] for s in doc.sentences]


def test_sentences_end_at_full_stops_question_and_exclamation_marks():
    assert sentences("قال الوزير. هل يعود؟ نعم!") == ["قال الوزير.", "هل يعود؟", "نعم!"]


@pytest.mark.parametrize("number", ["1.3", "8:20", "1105.71", "2024/03/01", "3,500"])
def test_numbers_with_separators_are_one_token_and_never_end_a_sentence(number):
    doc = analysed(f"ارتفع المؤشر {number} نقطة اليوم.")
    assert len(doc.sentences) == 1
    assert number in [doc.text[t.start:t.end] for t in doc.tokens]


def test_a_closing_quote_after_the_stop_belongs_to_the_sentence():
    assert sentences("قال: «انتهى الأمر.» ثم غادر.") == ["قال: «انتهى الأمر.»", "ثم غادر."]


def test_a_line_break_ends_a_sentence_even_without_punctuation():
    assert sentences("الدفاع المشترك\nوفي وقت سابق تعهدت الدولتان.") == ["الدفاع المشترك",
                                                                          "وفي وقت سابق تعهدت الدولتان."]


def test_an_endless_sentence_is_cut_after_a_comma_or_before_wa_and_every_piece_is_bounded():
    clause = "قال الوزير إن الحكومة ستبني مدارس جديدة في المدن الكبرى"
    doc = analysed("، ".join([clause] * 120))  # one sentence of 1,300 tokens without a full stop
    lengths = [s.end_token - s.first_token for s in doc.sentences]
    assert len(lengths) > 3 and max(lengths) <= MAX_SENTENCE_TOKENS
    assert all(doc.tokens[s.end_token - 1].key == "," for s in doc.sentences[:-1])
    doc = analysed(" و".join([clause] * 120))
    assert all(doc.tokens[s.first_token].key.startswith("و") for s in doc.sentences[1:])
    doc = analysed(" ".join(["كلمة"] * 1000))
    assert [s.end_token - s.first_token for s in doc.sentences] == [400, 400, 200]


def test_one_letter_abbreviation_does_not_end_the_sentence():
    assert sentences("التقى د. محمد بالوفد.") == ["التقى د. محمد بالوفد."]


def test_a_url_is_one_token():
    doc = analysed("راجع www.example.com/a.b للمزيد.")
    assert "www.example.com/a.b" in [doc.text[t.start:t.end] for t in doc.tokens]
    assert len(doc.sentences) == 1


def test_token_offsets_cover_the_original_word_with_its_diacritics():
    text = "وأكدَ مجددًا أنَّ الـتعاون"
    doc = analysed(text)
    assert [text[t.start:t.end] for t in doc.tokens] == ["وأكدَ", "مجددًا", "أنَّ", "الـتعاون"]
    assert [t.key for t in doc.tokens] == ["واكد", "مجددا", "ان", "التعاون"]


def test_hyphenated_adjectives_split_into_words():
    doc = analysed("الحوار الأمريكي-الكوري الجنوبي")
    assert [t.key for t in doc.tokens] == ["الحوار", "الامريكي", "-", "الكوري", "الجنوبي"]


@pytest.mark.parametrize("word, reading", [
    ("وكوريا", ("و", "كوريا")),
    ("بالشرق", ("ب", "الشرق")),
    ("للولايات", ("ل", "الولايات")),
    ("لاوكرانيا", ("ل", "اوكرانيا")),
    ("لكوريا", ("ل", "كوريا")),
    ("وبالعراق", ("وب", "العراق")),
    ("فلسطين", ("", "فلسطين")),
])
def test_proclitic_readings_include_the_expected_split(word, reading):
    assert reading in split_proclitics(word)


def test_the_unsplit_reading_comes_first():
    assert split_proclitics("فلسطين")[0] == ("", "فلسطين")
