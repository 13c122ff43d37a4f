"""Show and read times in the instance's time zone (TIMEZONE, Europe/Rome by default); store them in UTC.

Every timestamp is stored as naive UTC (models.utcnow). Pages show it in the
school's zone with the zone named ("30 nov 2026, 14:05 CET"), in the
interface language's way, through Flask-Babel, whose default time zone
create_app sets from TIMEZONE. A time a teacher types (a quiz's opening and
closing) is read in that zone and turned back into UTC before it is stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import ParseError, format_skeleton, parse_date, parse_time
from flask import current_app
from flask_babel import format_date, get_locale, to_user_timezone
from flask_babel import format_datetime as babel_format_datetime
from flask_babel import to_utc as babel_to_utc

DEFAULT_TIMEZONE = "Europe/Rome"
# A typed date and time: the date, then the time after a space, a comma or ISO's "T".
TYPED = re.compile(r"^\s*(?P<date>[^\s,T]+)\s*(?:,|T|\s)\s*(?P<time>\S.*?)\s*$")
TYPED_MAX_CHARS = 40
EXAMPLE = dt.datetime(2026, 11, 30, 14, 5)


def checked_zone(name: str) -> str:
    """Return a time zone's IANA name when the zone database knows it; else raise ValueError saying which setting."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"QUIZAPP_TIMEZONE: unknown time zone {name!r} (use an IANA name such as "
                         f"{DEFAULT_TIMEZONE!r})") from error
    return name


def to_local(value: dt.datetime) -> dt.datetime:
    """Return a stored UTC time as the instance's wall-clock time, naive (as a datetime-local field shows it)."""
    return to_user_timezone(value).replace(tzinfo=None)


def to_utc(value: dt.datetime) -> dt.datetime:
    """Return a wall-clock time typed in the instance's zone as naive UTC, as it is stored."""
    return babel_to_utc(value)


def zone_abbreviation(value: dt.datetime | None = None) -> str:
    """Return the zone's short name at a stored UTC time (now when None): "CET" in winter, "CEST" in summer."""
    moment = value if value is not None else dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return to_user_timezone(moment).tzname() or ""


def _time_pattern() -> str:
    return get_locale().time_formats["short"].pattern


def when(value: dt.datetime | None) -> str:
    """Write a stored UTC time as date, time and zone in the interface language: "30 nov 2026, 14:05 CET"."""
    if value is None:
        return ""
    locale = get_locale()
    date_pattern = locale.date_formats["medium"].pattern
    # CLDR's own way of joining a date and a time ("{1}, {0}"), so each language reads naturally.
    pattern = locale.datetime_formats["medium"].format(_time_pattern(), date_pattern)
    return f"{babel_format_datetime(value, pattern)} {zone_abbreviation(value)}"


def clock(value: dt.datetime | None) -> str:
    """Write a stored UTC time as the time of day and zone only: "14:05 CET"."""
    if value is None:
        return ""
    return f"{babel_format_datetime(value, _time_pattern())} {zone_abbreviation(value)}"


def day(value: dt.datetime | None) -> str:
    """Write the day a stored UTC time falls on in the instance's zone: "30 nov 2026"."""
    if value is None:
        return ""
    return format_date(to_user_timezone(value).date(), "medium")


def typed(value: dt.datetime) -> str:
    """Write a wall-clock time as a teacher types it in the interface language: "30/11/2026 14:05" in Italian."""
    return f"{format_skeleton('yMd', value, locale=get_locale())} {value:%H:%M}"


def parse_typed(text: str) -> dt.datetime:
    """Read a date and time typed the interface language's way (or as ISO 8601); raise ValueError when it is not one.

    Babel reads the date in the locale's order (day first in Italian, month first in
    English) and the time in 24 hours or with AM/PM.
    """
    match = TYPED.match(text or "")
    if not match or len(text) > TYPED_MAX_CHARS:
        raise ValueError(text)
    locale = get_locale()
    try:
        day_part = parse_date(match["date"], locale=locale)
        time_part = parse_time(match["time"], locale=locale)
    except (ParseError, ValueError, IndexError) as error:
        raise ValueError(text) from error
    return dt.datetime.combine(day_part, time_part).replace(second=0, microsecond=0)


FILTERS = {"when": when, "clock": clock, "day": day}


def converter() -> Callable[[dt.datetime | None], dt.datetime | None]:
    """Return a function that turns stored UTC times into the instance's wall-clock time, naive.

    For exports' many rows: zoneinfo straight, with the zone looked up once, not per value.
    """
    zone = ZoneInfo(current_app.config["TIMEZONE"])

    def convert(value: dt.datetime | None) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC).astimezone(zone).replace(tzinfo=None)

    return convert
