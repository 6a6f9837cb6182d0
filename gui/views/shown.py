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

from agent.views import multi_line, one_line
from gui.views.display import isolated

__all__ = ["Shown", "shown", "shown_names", "shown_lines", "safe_text"]

LRM = "\u200e"   # Unicode's left-to-right mark: invisible, it sets a line's direction


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


def safe_text(text: str) -> Shown:
    """`text` as it may be shown: a Shown as it is, any other sanitised whole (multi_line):
    the one rule every label and join of this module applies."""
    return text if isinstance(text, Shown) else Shown(multi_line(text))


def _value(value: object) -> str:
    if isinstance(value, Shown):
        return value
    return isolated(one_line(value if isinstance(value, str) else str(value)))


def shown(template: str, **values: object) -> Shown:
    """`template` (the app's words, sanitised too) formatted with `values`: text sanitised
    then isolated, a Shown as it is, numbers as they are."""
    safe = {name: _value(value) for name, value in values.items()}
    for name, value in values.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            safe[name] = value   # a format spec such as {n:d} still applies
    text = multi_line(template).format(**safe)
    if "\u2068" in text:
        # A label lays its lines out as a text document does, whose line takes its direction
        # from its first letter, isolates or not: a left-to-right mark first keeps the app's
        # (its languages, English and Spanish, are written left to right).
        text = "\n".join(LRM + line for line in text.split("\n"))
    return Shown(text)


def shown_names(names: list[str], separator: str = ", ") -> Shown:
    """Names listed, each sanitised and isolated on its own."""
    return Shown(separator.join(_value(n) for n in names))


def shown_lines(rows: list[str], separator: str = "\n") -> Shown:
    """Lines joined one under the other (or by `separator`, the app's): a Shown as it is, any
    other sanitised whole."""
    return Shown(multi_line(separator).join(safe_text(r) for r in rows))
