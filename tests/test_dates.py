"""Dates of events: explicit dates in every month-naming tradition, and expressions relative to the article."""
import pytest

from newsproc.extract.dates import find_date
from newsproc.text.normalize import matching_key


def date_of(text: str, article_date: str | None = "2024-03-16"):  # a Saturday
    return find_date(matching_key(text).replace("/", " / ").split(), article_date)


@pytest.mark.parametrize("text, expected", [
    ("في 13 نوفمبر/تشرين الثاني 2015", ("2015-11-13", "day")),
    ("يوم 22 آذار/مارس 2016", ("2016-03-22", "day")),
    ("في 12 يونيو/ حزيران", ("2024-06-12", "day")),         # the article's year
    ("في 5 جانفي 2017", ("2017-01-05", "day")),               # Maghrebi
    ("في 3 كانون الثاني 2019", ("2019-01-03", "day")),         # Levantine, two words
    ("في مارس 2016", ("2016-03", "month")),
    ("منذ عام 2015", ("2015", "year")),
])
def test_explicit_dates_are_normalised_with_their_precision(text, expected):
    assert date_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("اليوم الخميس", ("2024-03-14", "day")),
    ("أمس", ("2024-03-15", "day")),
    ("أول أمس", ("2024-03-14", "day")),
    ("غدا", ("2024-03-17", "day")),
    ("الخميس المقبل", ("2024-03-21", "day")),
    ("الشهر المقبل", ("2024-04", "month")),
    ("الشهر الماضي", ("2024-02", "month")),
    ("الأسبوع الماضي", ("2024-W10", "week")),
    ("العام المقبل", ("2025", "year")),
])
def test_relative_expressions_count_from_the_article_date(text, expected):
    assert date_of(text) == expected


def test_relative_expressions_without_an_article_date_give_no_date():
    assert date_of("أمس", None) == (None, None)
    assert date_of("في 13 نوفمبر 2015", None) == ("2015-11-13", "day")


def test_a_december_month_shift_crosses_the_year():
    assert date_of("الشهر المقبل", "2024-12-05") == ("2025-01", "month")


def test_an_event_carries_its_date_and_precision(analyze):
    record = analyze("والتقى الرئيس الفرنسي نظيره المصري في 22 آذار/مارس 2016.")
    event = next(e for e in record["events"] if e["cameo"] == "04")
    assert (event["date"], event["date_precision"]) == ("2016-03-22", "day")
