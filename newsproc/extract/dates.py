"""Dates: the article's own date, explicit dates in a sentence, and day words relative to the article."""
from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    # Gregorian names (Egypt, Gulf), Levantine/Iraqi names, Maghrebi names; keys are matching keys.
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يوليو": 7, "اغسطس": 8,
    "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
    "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "ايلول": 9,
}
TWO_WORD_MONTHS = {("كانون", "الثاني"): 1, ("تشرين", "الاول"): 10, ("تشرين", "الثاني"): 11,
                   ("كانون", "الاول"): 12}
WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
RELATIVE = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1}


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


def _explicit(keys: list[str]) -> dt.date | None:
    for i, key in enumerate(keys):
        if not (key.isascii() and key.isdigit() and 1 <= int(key) <= 31) or i + 2 >= len(keys):
            continue
        month = MONTHS.get(keys[i + 1])
        year_at = i + 2
        if month is None and i + 3 < len(keys):
            month = TWO_WORD_MONTHS.get((keys[i + 1], keys[i + 2]))
            year_at = i + 3
        if month is None or year_at >= len(keys) or not re.fullmatch(r"(19|20)\d\d", keys[year_at]):
            continue
        try:
            return dt.date(int(keys[year_at]), month, int(key))
        except ValueError:
            continue
    return None


def resolve_date(doc, sentence) -> str | None:
    keys = [t.key for t in doc.tokens[sentence.first_token:sentence.end_token]]
    explicit = _explicit(keys)
    if explicit is not None:
        return explicit.isoformat()
    base = parse_article_date(doc.date)
    if base is None:
        return None
    # A weekday wins over اليوم/أمس: «اليوم الخميس» in an article dated Saturday means Thursday.
    for word, weekday in WEEKDAYS.items():
        if word in keys:
            # The most recent such day on or before the article's date.
            return (base - dt.timedelta(days=(base.weekday() - weekday) % 7)).isoformat()
    bare = {key[1:] if key.startswith(("و", "ف")) and key[1:] in RELATIVE else key for key in keys}
    for word, shift in RELATIVE.items():
        if word in bare:
            return (base + dt.timedelta(days=shift)).isoformat()
    return None
