"""Text made safe to show piece by piece: the app's words around values the other side chose
(a camera's name, an agency's), each value sanitised (agent.views.one_line) and then, when it
holds a right-to-left letter, isolated (display.isolated), so a Hebrew or Arabic camera name
keeps its own direction and the line the app's. A label sanitises whatever it is given, which
would write the isolate marks out as escapes ("\\u2068"); a `Shown` it shows as it is, since
only this module makes one and every value in it was sanitised first.

GUI hunt: "מצלמה קדמית: a stretch without recording (nothing to send there)" took the name's
direction whole, the colon and the app's words laid out from the right. A label lays out its
lines as QTextDocument does, which takes a line's direction from its first letter even inside
an isolate, so such a line also starts with a left-to-right mark."""
from __future__ import annotations

import html
import re

from agent.views import multi_line, one_line
from gui.views.display import isolated

__all__ = ["Shown", "shown", "shown_names", "shown_lines", "shown_path", "runs_isolated",
           "safe_text", "plain_tip"]

LRM = "\u200e"   # Unicode's left-to-right mark: invisible, it sets a line's direction
LRI, PDI = "\u2066", "\u2069"   # a left-to-right isolate and the end of an isolate
_SEPARATORS = re.compile(r"([/\\]+)")


class Shown(str):
    """Text made by `shown` (or joined from such): safe to show as it is. Adding text keeps
    it so, that text sanitised; anything else done to it (format, join) gives a plain str,
    which a label sanitises whole again."""

    def __add__(self, other: str) -> "Shown":
        return Shown(str.__add__(self, safe_text(other)))

    def __radd__(self, other: str) -> "Shown":
        return Shown(str.__add__(multi_line(other), self))

    def lstrip(self) -> "Shown":   # noqa: D102 (str's): the spaces at its start taken off
        return Shown(str.lstrip(self, " "))

    def __format__(self, spec: str) -> str:
        # Formatted into a plain str (a template's .format, an f-string), its marks would
        # reach a label that sanitises the whole and shows them as escapes ("\u2068"): the
        # text goes in without them (every mark in a Shown is one this module added, a
        # value's own written out by the sanitiser), read as it was before names were set
        # apart. `shown` keeps them.
        return format(self.translate(_MARKS_OFF), spec)


def safe_text(text: str) -> Shown:
    """`text` as it may be shown: a Shown as it is, any other sanitised whole (multi_line):
    the one rule every label and join of this module applies."""
    return text if isinstance(text, Shown) else Shown(multi_line(text))


def plain_tip(text: str) -> str:
    """A tooltip that shows `text` as it is, sanitised like a label (safe_text). Qt draws a
    tooltip that looks like HTML as rich text: an agency, a case or a camera named "<b>x</b>"
    was drawn in bold, its tags gone, and an "<img src=...>" one loaded a picture. So the text
    is escaped in a paragraph that keeps its spaces and line breaks; "" stays "" (no tooltip)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(safe_text(text), quote=False)}</p>"


_MARKS_OFF = str.maketrans("", "", "\u200e\u2066\u2068\u2069")


def _value(value: object) -> str:
    if isinstance(value, Shown):
        # a plain str, so format() keeps its isolates; its line marks go, `shown` puts one at
        # the start of each line (mid-line, one only rode along in what the owner copies)
        return str.__str__(value).replace(LRM, "")
    return isolated(one_line(value if isinstance(value, str) else str(value)))


def shown(template: str, **values: object) -> Shown:
    """`template` (the app's words, sanitised too) formatted with `values`: text sanitised
    then isolated, a Shown as it is, numbers as they are."""
    safe = {name: _value(value) for name, value in values.items()}
    for name, value in values.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            safe[name] = value   # a format spec such as {n:d} still applies
    text = multi_line(template).format(**safe)
    if "\u2068" in text or LRI in text:
        # A label lays its lines out as a text document does, whose line takes its direction
        # from its first letter, isolates or not: a left-to-right mark first keeps the app's
        # (its languages, English and Spanish, are written left to right).
        text = "\n".join(LRM + line for line in text.split("\n"))
    return Shown(text)


def _one_mark(line: str) -> str:
    """A line of joined Shown pieces with its left-to-right mark at its start only."""
    return LRM + line.replace(LRM, "") if LRM in line else line


def shown_names(names: list[str], separator: str = ", ") -> Shown:
    """Names listed, each sanitised and isolated on its own."""
    return Shown(separator.join(_value(n) for n in names))


def shown_lines(rows: list[str], separator: str = "\n") -> Shown:
    """Lines joined one under the other (or by `separator`, the app's): a Shown as it is, any
    other sanitised whole."""
    joined = multi_line(separator).join(safe_text(r) for r in rows)
    return Shown("\n".join(_one_mark(line) for line in joined.split("\n")))


def shown_path(path: str) -> Shown:
    """A file's or folder's path on one line (sanitised), read left to right whatever its
    folders' names, the whole set apart from the words around it as left-to-right text. A
    folder's name written from the right ("סרטונים 2024") is isolated whole, as its owner reads
    it; in one written from the left (the app's package names, "manual_מצלמה_קדמית_20261120T…")
    each right-to-left stretch is, so a date after the camera's name stays after it. Isolated
    whole as a name is, "C:\\Users\\אבי\\סרטונים" (two Hebrew folders) showed the second
    folder left of the first, the path read backwards. A path of Latin names is returned as it
    is."""
    parts = _SEPARATORS.split(str(path))   # split first: a name's sanitised marks hold a "\\"
    said = "".join(part if i % 2 else _folder_name(one_line(part))
                   for i, part in enumerate(parts))
    return Shown(f"{LRI}{said}{PDI}" if "\u2068" in said else said)


def runs_isolated(text: str) -> Shown:
    """`text` on one line (sanitised) with each right-to-left stretch in it set apart, for a
    text whose values can no longer be told from the words around them (the activity log's
    details, "Folder: …/אבי/סרטונים; Cameras: מצלמה קדמית, מצלמה אחורית"): a stretch ends at
    anything but a space, "_", "-" or "." between its letters, so a path's folders and a list's
    names each read in their order."""
    said = _RIGHT_RUN.sub(lambda run: isolated(run.group()), one_line(text))
    return Shown(LRM + said if "\u2068" in said else said)


def _folder_name(name: str) -> str:
    first = _LETTER.search(name)
    if first is not None and _RIGHT_RUN.match(first.group()):
        return isolated(name)   # written from the right: isolated whole
    return _RIGHT_RUN.sub(lambda run: isolated(run.group()), name)


# Letters written from the right (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation
# forms and the supplementary planes' right-to-left blocks); a stretch of them may hold
# spaces, underscores, hyphens and dots between its letters.
_RIGHT = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
_RIGHT_RUN = re.compile(f"[{_RIGHT}](?:[ _.\\-]*[{_RIGHT}])*")
_LETTER = re.compile(r"[^\W\d_]")
