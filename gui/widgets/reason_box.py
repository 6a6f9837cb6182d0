"""The box for the reason a request is declined: it holds at most as many characters as the
protocol lets a reason carry (agent.views.MAX_MESSAGE_CHARS), so the owner never learns of the
limit only on pressing Decline, and a longer text (a paste, a drop) is cut there visibly."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from agent.views import MAX_MESSAGE_CHARS


def kept_to(before: str, after: str, limit: int) -> tuple[str, int]:
    """`after` (an edit of `before`) in at most `limit` characters, and where the cursor goes
    (in characters): what the edit put in is shortened, what was typed around it is kept, and
    the cursor ends after what was kept of the insert."""
    if len(after) <= limit:
        return after, len(after)
    shorter = min(len(before), len(after))
    head = 0
    while head < shorter and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < shorter - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    room = limit - head - tail
    if room < 0:   # `before` did not fit either: keep the start
        return after[:limit], limit
    kept = after[:head] + after[head:len(after) - tail][:room] + after[len(after) - tail:]
    return kept, head + room


def utf16_length(text: str) -> int:
    """How long Qt counts `text` (its positions are UTF-16 units: an emoji is two)."""
    return len(text.encode("utf-16-le")) // 2


class ReasonBox(QLineEdit):
    """A one-line reason of at most `limit` characters; `cut` says (with the limit) when a
    longer text was cut to fit."""

    cut = Signal(int)

    def __init__(self, limit: int = MAX_MESSAGE_CHARS, parent: QWidget | None = None):
        super().__init__(parent)
        self.limit = limit
        # Qt counts UTF-16 units (an emoji is two, and Qt drops a half one), the agent
        # characters: Qt's own limit only bounds a huge paste, and a text Qt had to shorten
        # still holds more than `limit` characters, so the cut, and saying so, is ours.
        self.setMaxLength(2 * limit + 2)
        self._before = ""
        self.textChanged.connect(self._keep_to_limit)

    def _keep_to_limit(self, text: str) -> None:
        before, self._before = self._before, text
        if len(text) <= self.limit:
            return
        kept, cursor = kept_to(before, text, self.limit)
        self.setText(kept)   # comes back here, within the limit
        self.setCursorPosition(utf16_length(kept[:cursor]))
        self.cut.emit(self.limit)
