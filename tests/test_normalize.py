"""The normaliser: a clean view and a matching key, each mapping back to exact original offsets."""
import re

import pytest

from newsproc.text.normalize import clean_view, key_view, matching_key


def spans_round_trip(text):
    key = key_view(clean_view(text))
    for match in re.finditer(r"\S+", key.text):
        start, end = key.original_span(*match.span())
        yield match.group(), text[start:end]


def test_diacritics_and_tanween_are_dropped_from_the_key_but_kept_in_the_original_span():
    assert dict(spans_round_trip("وأكد مجددًا"))["مجددا"] == "مجددًا"


def test_a_diacritic_after_the_last_letter_stays_inside_the_word_span():
    (key, original), = spans_round_trip("كوريةُ")
    assert key == "كوريه" and original == "كوريةُ"


def test_tatweel_is_removed_from_both_views():
    assert clean_view("الأمريـــكية").text == "الأمريكية"
    assert matching_key("الأمريـــكية") == "الامريكيه"


def test_presentation_forms_are_expanded_and_map_to_the_ligature():
    text = "ﻻ يوجد"
    clean = clean_view(text)
    assert clean.text == "لا يوجد"
    assert clean.original_span(0, 2) == (0, 1)


def test_zero_width_and_bidi_controls_vanish_and_are_not_part_of_spans():
    text = "\u200fسول\u200e و\u200cسول"
    pairs = list(spans_round_trip(text))
    assert pairs[0] == ("سول", "سول")


@pytest.mark.parametrize("variant", ["أمريكا", "إمريكا", "آمريكا", "ٱمريكا", "امريكا"])
def test_alef_forms_fold_together(variant):
    assert matching_key(variant) == "امريكا"


@pytest.mark.parametrize("egyptian, standard", [
    ("فى", "في"), ("التى", "التي"), ("القومى", "القومي"), ("الإلكترونى", "الإلكتروني"),
])
def test_egyptian_final_ya_matches_the_standard_spelling(egyptian, standard):
    assert matching_key(egyptian) == matching_key(standard)


@pytest.mark.parametrize("word", ["على", "وعلى", "منى", "يحيى"])
def test_real_alef_maqsura_words_that_would_collide_keep_their_letter(word):
    assert matching_key(word).endswith("ى")
    assert matching_key(word) != matching_key(word[:-1] + "ي")


def test_alef_maqsura_names_still_match_themselves():
    assert matching_key("مصطفى") == matching_key("مصطفي") == matching_key("مُصطفى")


def test_ta_marbuta_and_ha_fold_together():
    assert matching_key("الجزيرة") == matching_key("الجزيره")


@pytest.mark.parametrize("a, b", [("مسئول", "مسؤول"), ("الشئون", "الشؤون")])
def test_hamza_seats_fold_together(a, b):
    assert matching_key(a) == matching_key(b)


def test_persian_letters_become_arabic():
    assert clean_view("کتاب فی").text == "كتاب في"
    assert matching_key("پاکستان") == matching_key("باكستان")
    assert matching_key("ڤلاديمير") == matching_key("فلاديمير")


def test_arabic_indic_and_eastern_digits_become_ascii():
    assert clean_view("عام ٢٠٢٤ و۱۴۰۳").text == "عام 2024 و1403"
    assert clean_view("٣٫٥").text == "3.5"


def test_arabic_punctuation_is_ascii_in_the_key_and_arabic_in_the_clean_view():
    text = "قال، «نعم»؛ لماذا؟"
    assert clean_view(text).text == text
    assert key_view(clean_view(text)).text == 'قال, "نعم"; لماذا?'


def test_latin_is_lower_case_in_the_key():
    assert matching_key("BBC News") == "bbc news"
