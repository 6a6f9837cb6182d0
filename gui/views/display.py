"""How times, sizes and durations are written for the owner (plain words, their own time zone,
their language: day and month names from their locale, `use_locale`).

Pure functions, no Qt: the agent keeps UTC microseconds; only here do they become local text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from agent.views import usable_clock_offset
from gui.views.times import US, local
from gui.views.words import translate

__all__ = ["local", "clock", "day_time", "window", "duration", "time_left", "size",
           "recordings", "indexed", "tenths", "decimal_marked", "offset_words", "zone_words", "LocaleWords", "use_locale",
           "isolated"]


@dataclass(frozen=True)
class LocaleWords:
    """Short day names (Monday first) and month names of the owner's locale."""

    days: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months: tuple[str, ...] = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                               "Oct", "Nov", "Dec")


_words = LocaleWords()


def use_locale(words: LocaleWords) -> None:
    """Write days and months with these names from now on (the app sets its locale's)."""
    global _words
    _words = words



def isolated(name: str) -> str:
    """`name` (sanitised already) set apart from the app's words around it, when it holds a
    right-to-left letter (Hebrew, Arabic): in Unicode's first-strong isolate (U+2068 ...
    U+2069), so the line keeps the app's direction and the name its own. Unisolated, a line
    drawn as "מצלמה: 13:11:28 PST" took the name's direction and split the time around it. Other
    names are returned as they are."""
    if any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in name):
        return f"\u2068{name}\u2069"
    return name


def clock(us: int, zone_name: str, seconds: bool = True) -> str:
    """14:05:09 PST (or 14:05 PST) in the owner's zone: a time is never shown without it."""
    return local(us, zone_name).strftime("%H:%M:%S %Z" if seconds else "%H:%M %Z")


def zone_words(us: int, zone_name: str) -> str:
    """The zone that times typed or shown near `us` are in: 'PST, America/Los_Angeles'."""
    abbreviation = local(us, zone_name).strftime("%Z")
    return abbreviation if abbreviation == zone_name else f"{abbreviation}, {zone_name}"


def window_zone_words(start_us: int, end_us: int, zone_name: str) -> str:
    """The zone of a window's From and To: 'PDT, then PST, America/Los_Angeles' for one
    across a change of the clocks, else as zone_words says it."""
    first, then = (local(us, zone_name).strftime("%Z") for us in (start_us, end_us))
    if first == then:
        return zone_words(start_us, zone_name)
    both = translate("display", "{first}, then {then}").format(first=first, then=then)
    return f"{both}, {zone_name}"


def _day(t, year: bool = True) -> str:
    day = (translate("display", "{weekday} {day} {month} {year}") if year
           else translate("display", "{weekday} {day} {month}"))
    return day.format(weekday=_words.days[t.weekday()], day=t.day,
                      month=_words.months[t.month - 1], year=t.year)


def day_words(t) -> str:
    """A day without its weekday: 20 Nov 2026 (the locale's month name)."""
    return translate("display", "{day} {month} {year}").format(
        day=t.day, month=_words.months[t.month - 1], year=t.year)


def day_time(us: int, zone_name: str) -> str:
    """Fri 20 Nov 2026, 14:05:09 PST."""
    t = local(us, zone_name)
    return f"{_day(t)}, {t:%H:%M:%S %Z}"


def window(start_us: int, end_us: int, zone_name: str) -> str:
    """A window as one line; the day is written once when both ends fall on the same day."""
    s, e = local(start_us, zone_name), local(end_us, zone_name)
    head = f"{_day(s)}, {s:%H:%M:%S}"
    if s.date() == e.date():
        return translate("display", "{start} to {end}").format(start=head, end=f"{e:%H:%M:%S %Z}")
    return translate("display", "{start} to {end}").format(start=head,
                                          end=f"{_day(e, year=False)}, {e:%H:%M:%S %Z}")


NBSP = "\u00a0"
_AFTER_NUMBER = re.compile(r"(?<=\d) ")


def _unbroken(text: str) -> str:
    """A number kept on one line with its unit: a label that wraps must not show '(40' above
    's)' or 'quedan 4' above 'días' (the space after a number becomes a no-break space)."""
    return _AFTER_NUMBER.sub(NBSP, text)


def duration(seconds: float) -> str:
    """1 h 05 min, 4 min 30 s, 12 s (never broken across lines)."""
    total = max(0, int(round(seconds)))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        text = translate("display", "{h} h {min} min").format(h=hours, min=f"{minutes:02d}")
    elif minutes:
        text = (translate("display", "{min} min {s} s").format(min=minutes, s=f"{secs:02d}") if secs
                else translate("display", "{min} min").format(min=minutes))
    else:
        text = translate("display", "{s} s").format(s=secs)
    # A duration is one short quantity: none of its spaces is a place to break.
    return text.replace(" ", NBSP)


def time_left(expires_us: int, now_us: int) -> str:
    """'3 days left', '5 h left', 'ended' (number and unit never part)."""
    left = (expires_us - now_us) / US
    if left <= 0:
        return translate("display", "ended")
    if left >= 2 * 86400:
        days = int(left // 86400)
        return _unbroken(translate("display", "{n} days left").format(n=days))
    if left >= 3600:
        hours = int(left // 3600)
        return _unbroken(translate("display", "{n} h left").format(n=hours))
    minutes = max(1, int(left // 60))
    return _unbroken(translate("display", "{n} min left").format(n=minutes))


def tenths(value: float) -> str:
    """`value` to one decimal place with the owner's decimal mark: 1.2, in Spanish 1,2."""
    return decimal_marked(f"{value:.1f}")


def decimal_marked(text: str) -> str:
    """`text` with each decimal point between digits the owner's decimal mark ("5.2 GB", in
    Spanish "5,2 GB"): numbers the core wrote the English way."""
    return _DECIMAL_POINT.sub(translate("display", ".", "decimal mark"), text)


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def size(n: int | float) -> str:
    """1.2 MB, 640 KB (decimal units, as file managers show; number and unit never part)."""
    n = float(max(0, n))
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            value = n / scale
            return f"{tenths(value)}{NBSP}{unit}" if value < 100 else f"{value:.0f}{NBSP}{unit}"
    count = int(n)
    return _unbroken(translate("display", "{n} bytes").format(n=count))


def recordings(n: int, more: bool = False) -> str:
    """'1 recording', '12 recordings', '1000+ recordings' (`more`: at least that many)."""
    if n == 1 and not more:
        return translate("display", "1 recording")
    return translate("display", "{n} recordings").format(n=f"{n}+" if more else n)


def indexed(seen: int, problems: int) -> str:
    """What a first indexing found: 'Indexed 1 recording.', and how many of them cannot be
    used, whose reasons follow (folder_step's problems_listed); each count with its own verb
    (Spanish agrees the verb with it too)."""
    said = (translate("display", "Indexed 1 recording.") if seen == 1 else
            translate("display", "Indexed {seen} recordings.").format(seen=seen))
    if problems == 1:
        said += " " + translate("display", "1 of them cannot be used, for the reason below:")
    elif problems:
        said += " " + translate("display", "{problems} of them cannot be used, for the reasons "
                                           "below:").format(problems=problems)
    return said


def offset_words(seconds: float, reset: bool = False) -> str:
    """A clock offset as a sentence: 'runs 12 s fast', 'runs 3 s slow', 'is right'; one an
    older version saved that cannot be used (infinite, not a number) says where to set it; a
    recorder's read while its clock was `reset` is no offset of its camera's (it read "runs
    9838 days 19 h slow"), and says so."""
    if reset:
        return translate("display", "not known yet: the recorder's clock was reset")
    if not usable_clock_offset(seconds):
        return translate("display", "cannot be used: set it again in Set up, step 2 (Camera "
                                    "clock)")
    if abs(seconds) < 0.5:
        return translate("display", "is right")
    if seconds > 0:
        return translate("display", "runs {duration} fast").format(duration=_off_by(seconds))
    return translate("display", "runs {duration} slow").format(duration=_off_by(seconds))


def _off_by(seconds: float) -> str:
    """How far a clock is off: in days beyond two (a clock reset to 2000 is some 9,000 days
    off, which in hours alone read '236111 h 06 min'), else as duration says it."""
    days, rest = divmod(abs(seconds), 86400)
    if days < 2:
        return duration(abs(seconds))
    return _unbroken(translate("display", "{n} days").format(n=int(days))) + " " + duration(rest)
