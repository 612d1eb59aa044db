"""Timeline: dated events, with dates made absolute from the source's publication date."""
from __future__ import annotations

import datetime as dt
import re

from generator.extract.article import Article, sentence_text
from generator.model import TimelineEvent

_MONTHS = {name: number for number, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTHS.update({name[:3]: number for name, number in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MAX_EVENTS = 12
_MAX_EVENT_CHARS = 300


def find_timeline(article: Article) -> tuple[TimelineEvent, ...]:
    published = _parse_iso(article.source.published)
    events: dict[tuple[str, str], TimelineEvent] = {}
    for entity in article.doc.ents:
        if entity.label_ != "DATE":
            continue
        date = resolve_date(entity.text, published)
        sentence = entity.sent
        text = sentence_text(sentence)
        if date is None or len(text) > _MAX_EVENT_CHARS:
            continue
        events.setdefault((date, text), TimelineEvent(date=date, text=text, evidence=(article.evidence(sentence),)))
    ordered = sorted(events.values(), key=lambda event: event.date)
    return tuple(ordered[:_MAX_EVENTS])


def resolve_date(phrase: str, published: dt.date | None) -> str | None:
    """ISO date (or YYYY-MM, YYYY) that `phrase` names, relative to `published`; None if vague."""
    words = re.findall(r"[a-z]+|\d+", phrase.lower())
    year = next((int(w) for w in words if len(w) == 4 and w.isdigit() and 1900 <= int(w) <= 2100), None)
    month = next((_MONTHS[w] for w in words if w in _MONTHS and w != "may" or w == "may" and len(words) > 1), None)
    day = next((int(w) for w in words if w.isdigit() and 1 <= int(w) <= 31 and len(w) <= 2), None)
    if year is None and published is not None and month is not None:
        year = published.year if month <= published.month else published.year - 1
    if year is not None and month is not None and day is not None:
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if year is not None and month is not None:
        return f"{year:04d}-{month:02d}"
    weekday = next((w for w in words if w in _WEEKDAYS), None)
    if weekday is not None and published is not None and len(words) <= 2:
        back = (published.weekday() - _WEEKDAYS.index(weekday)) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    if year is not None and len(words) <= 2:
        return f"{year:04d}"
    return None


def _parse_iso(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
