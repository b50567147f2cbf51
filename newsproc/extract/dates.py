"""Dates: the article's own date, explicit dates in a sentence, and expressions relative to the article.

An event's date is an ISO 8601 string with its precision:
* day   — «13 نوفمبر/تشرين الثاني 2015» → 2015-11-13; «12 يونيو/ حزيران» → the article's year;
          «اليوم الخميس», «أمس», «أول أمس», «غدا» → counted from the article's date;
* week  — «الأسبوع الماضي/المقبل/الجاري» → 2024-W10;
* month — «مارس 2016», «الشهر الماضي/المقبل/الجاري» → 2016-03;
* year  — «عام 2015», «العام الماضي/المقبل/الجاري» → 2015.
Relative expressions need the article's date (`--date`, or the JSON Lines date field); without it they give
no date. Month names: Gregorian (Egypt, Gulf), Levantine and Iraqi (كانون الثاني، آذار، تموز) and Maghrebi
(جانفي، فيفري، جوان، جويلية، أوت), also paired with a slash («22 آذار/مارس 2016»).
"""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    # keys are matching keys (hamza-less alef, ه for ة, ي for ى)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8,
    "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "ايلول": 9,
}
TWO_WORD_MONTHS = {("كانون", "الثاني"): 1, ("تشرين", "الاول"): 10, ("تشرين", "الثاني"): 11,
                   ("كانون", "الاول"): 12}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
RELATIVE_DAYS = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1}
PAIRED_DAYS = {("اول", "امس"): -2, ("اول", "من", "امس"): -2, ("بعد", "غد"): 2}
PERIODS = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنه": "year"}
PERIOD_SHIFTS = {"الماضي": -1, "الماضيه": -1, "المنصرم": -1, "المنصرمه": -1, "الفاءت": -1, "المقبل": 1,
                 "المقبله": 1, "القادم": 1, "القادمه": 1, "الجاري": 0, "الحالي": 0, "الحاليه": 0}
FUTURE_WORDS = {"المقبل", "المقبله", "القادم", "القادمه"}
YEAR = re.compile(r"(19|20)\d\d")


def parse_article_date(value: str | None) -> dt.date | None:
    """The article's date from an ISO date/time or an RFC 2822 date (as in RSS feeds)."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime  # only for RFC 2822 dates; it imports socket

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _bare(key: str) -> str:
    """وأمس -> أمس, فالشهر -> الشهر: a conjunction on a date word."""
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 2 else key


def _month_at(keys: list[str], i: int) -> tuple[int, int] | None:
    """(month, position after it) for a month name at i, with an alternative name after a slash
    («نوفمبر/تشرين الثاني», «آذار/ مارس»)."""
    if i >= len(keys):
        return None
    month, end = MONTHS.get(_bare(keys[i])), i + 1
    if month is None and i + 1 < len(keys):
        month, end = TWO_WORD_MONTHS.get((_bare(keys[i]), keys[i + 1])), i + 2
    if month is None:
        return None
    if end < len(keys) and keys[end] == "/":
        alternative = _month_at(keys, end + 1)
        if alternative is not None:
            end = alternative[1]
    return month, end


def _year_at(keys: list[str], i: int) -> int | None:
    if i < len(keys) and YEAR.fullmatch(keys[i]):
        return int(keys[i])
    return None


def _explicit(keys: list[str], base: dt.date | None) -> tuple[str, str] | None:
    for i, key in enumerate(keys):
        if key.isascii() and key.isdigit() and 1 <= int(key) <= 31:
            found = _month_at(keys, i + 1)
            if found is None:
                continue
            month, end = found
            year = _year_at(keys, end) or (base.year if base else None)
            if year is None:
                continue
            try:
                return dt.date(year, month, int(key)).isoformat(), "day"
            except ValueError:
                continue
    for i in range(len(keys)):
        found = _month_at(keys, i)
        if found is not None and (year := _year_at(keys, found[1])) is not None:
            return f"{year:04d}-{found[0]:02d}", "month"  # «مارس 2016», «في آذار/مارس 2016»
    for i, key in enumerate(keys[:-1]):
        if _bare(key) in ("عام", "سنه", "العام") and (year := _year_at(keys, i + 1)) is not None:
            return f"{year:04d}", "year"  # «عام 2015»
    return None


def _relative(keys: list[str], base: dt.date) -> tuple[str, str] | None:
    bare = [_bare(k) for k in keys]
    for i, key in enumerate(bare):
        period = PERIODS.get(key)
        shift = PERIOD_SHIFTS.get(bare[i + 1]) if period and i + 1 < len(bare) else None
        if shift is None:
            continue
        if period == "week":
            year, week, _ = (base + dt.timedelta(weeks=shift)).isocalendar()
            return f"{year:04d}-W{week:02d}", "week"
        if period == "month":
            month = base.month - 1 + shift
            return f"{base.year + month // 12:04d}-{month % 12 + 1:02d}", "month"
        return f"{base.year + shift:04d}", "year"
    for words, shift in PAIRED_DAYS.items():
        n = len(words)
        if any(tuple(bare[i:i + n]) == words for i in range(len(bare) - n + 1)):
            return (base + dt.timedelta(days=shift)).isoformat(), "day"
    # A weekday wins over اليوم/أمس: «اليوم الخميس» in an article dated Saturday means Thursday.
    for i, key in enumerate(bare):
        weekday = WEEKDAYS.get(key)
        if weekday is None:
            continue
        if i + 1 < len(bare) and bare[i + 1] in FUTURE_WORDS:  # «الخميس المقبل»: the next one
            return (base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)).isoformat(), "day"
        return (base - dt.timedelta(days=(base.weekday() - weekday) % 7)).isoformat(), "day"
    for word, shift in RELATIVE_DAYS.items():
        if word in bare:
            return (base + dt.timedelta(days=shift)).isoformat(), "day"
    return None


def find_date(keys: list[str], article_date: str | None) -> tuple[str | None, str | None]:
    """(ISO date, precision) of the first date expression among the token keys, or (None, None)."""
    base = parse_article_date(article_date)
    found = _explicit(keys, base) or (_relative(keys, base) if base else None)
    return found if found else (None, None)


def resolve_date(doc, sentence) -> tuple[str | None, str | None]:
    """The date of what a sentence reports, with its precision."""
    return find_date([t.key for t in doc.tokens[sentence.first_token:sentence.end_token]], doc.date)
