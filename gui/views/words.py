"""The one way the Qt-free views word things in the owner's language.

`translate(context, text, n)` is Qt's QCoreApplication.translate once the app installed it
(`install`), and the English text itself before that (the views' tests, the command line).
pyside6-lupdate finds every `translate("context", "text")` and `QT_TRANSLATE_NOOP` call here
as it finds `self.tr` in the widgets. `%n` in a text is the count, in the plural form the
language wants.
"""
from __future__ import annotations

from typing import Callable

_translate: Callable[[str, str, str | None, int], str] | None = None


def install(translate_fn: Callable[[str, str, str | None, int], str] | None) -> None:
    """Route every view's text through `translate_fn` (None: English as written)."""
    global _translate
    _translate = translate_fn


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the owner's language."""
    if _translate is not None:
        return _translate(context, text, disambiguation, n)
    return text.replace("%n", str(n)) if n >= 0 else text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate knows)
    """Marks `text` for the catalogue where it is defined; `translate` words it when shown."""
    return text


def sentence_start(text: str) -> str:
    """`text` as a sentence of its own: its first letter a capital, the rest as written (the
    core's messages start in lower case; str.capitalize would lower the rest, "this PC's" as
    "this pc's"). A text made to be shown as it is (gui.views.shown.Shown) stays one, and
    its leading left-to-right mark is skipped: the letter after it is the sentence's first."""
    marks = len(text) - len(str.lstrip(text, "\u200e"))
    said = text[:marks] + text[marks:marks + 1].upper() + text[marks + 1:]
    return type(text)(said) if type(text) is not str else said
