"""Labels for text the app did not write itself (a request's message, a file name, an error):
plain text only, never rich text, never a link that opens by itself, and whatever they are
given passes the display sanitiser (agent.views.multi_line) so no control, bidirectional or
zero-width character reaches the screen. One-line fields are made one line where they are
worded (gui/views/), so a newline in a name cannot start a line of its own. Text made safe
piece by piece (gui.views.shown.Shown: the app's words, each value sanitised then isolated
from them) is shown as it is, its isolate marks kept."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QTableWidgetItem,
)

from agent.views import one_line
from gui.views.shown import Shown, plain_tip, safe_text


class PlainLabel(QLabel):
    """A QLabel whose text always passes the display sanitiser (a Shown passed it already)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(safe_text(text))


class QuietLabel(PlainLabel):
    """A status line that takes no room while it has nothing to say (a small screen needs
    every line)."""

    def __init__(self, name: str = ""):
        super().__init__()
        self.setTextFormat(Qt.PlainText)
        self.setOpenExternalLinks(False)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setObjectName(name)
        self.setText("")

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        if self.parentWidget() is not None or not text:   # never a window of its own
            self.setVisible(bool(text))


class _Elides:
    """What the eliding widgets share: they may be as narrow as a few letters, and their text
    is fitted again (`_fit`) whenever their room or their font changes."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(min(self.sizeHint().width(), self.fontMetrics().horizontalAdvance("M…")
                         * 3), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):   # the style sheet's font
            self._fit()


class ElidedLabel(_Elides, QLabel):
    """One line that ends in "…" when the room is short (a small screen, a long name); the
    whole text is then its tooltip, and `text()` gives it. Sanitised like PlainLabel."""

    def __init__(self, text: str = "", name: str = ""):
        super().__init__()
        self.setTextFormat(Qt.PlainText)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        if name:
            self.setObjectName(name)
        self._full = ""
        self.setText(text)

    def text(self) -> str:
        """The whole text (what is painted may end in "…")."""
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = str(text) if isinstance(text, Shown) and "\n" not in text else one_line(text)
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        margins = hint.width() - self.fontMetrics().horizontalAdvance(QLabel.text(self))
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + max(0, margins),
                     hint.height())

    def _fit(self) -> None:
        shown = self._shown(self.contentsRect().width())
        super().setText(shown)
        self.setToolTip(plain_tip(self._full) if shown != self._full else "")

    def _shown(self, room: int) -> str:
        return self.fontMetrics().elidedText(self._full, Qt.ElideRight, room)


class PartlyElidedLabel(ElidedLabel):
    """An ElidedLabel whose text is the app's words around values the other side chose, of
    which one (a request's case number, up to 400 characters) is the one cut short: the words
    and the other values (the agency's name, which says who asks) stay whole while they fit.
    Set with `set_parts`; `setText` is plain ElidedLabel."""

    _parts: tuple[str, str, dict[str, str]] | None = None

    def set_parts(self, template: str, cut: str, **values: str) -> None:
        """Show `template` with `values`; where the room is short, `values[cut]` ends in "…"
        first, and only when the rest alone does not fit does the whole line."""
        values = {name: one_line(value) for name, value in values.items()}
        self.setText(template.format(**values))
        self._parts = (template, cut, values)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._parts = None
        super().setText(text)

    def _shown(self, room: int) -> str:
        metrics, whole = self.fontMetrics(), super()._shown(room)
        if self._parts is None or whole == self._full:
            return whole
        template, cut, values = self._parts
        rest = metrics.horizontalAdvance(one_line(template.format(**{**values, cut: ""})))
        value = metrics.elidedText(values[cut], Qt.ElideRight, max(0, room - rest))
        line = one_line(template.format(**{**values, cut: value or "\u2026"}))
        return metrics.elidedText(line, Qt.ElideRight, room)


class ElidedCheckBox(_Elides, QCheckBox):
    """A check box named by text the app did not write (a camera name a request sends): one
    line, sanitised, '&' shown as itself (never a keyboard shortcut), ending in "…" when the
    room is short, the whole name then its tooltip. `text()` gives the whole text as Qt holds
    it ('&' doubled)."""

    def __init__(self, text: str = ""):
        super().__init__()
        self._full = one_line(text)
        self.setAccessibleName(self._full)   # a screen reader says the whole name
        self._fit()

    def text(self) -> str:
        """The whole text as Qt holds it ('&' doubled); what is painted may end in "…"."""
        return self._full.replace("&", "&&")

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint, fm = super().sizeHint(), self.fontMetrics()
        shown = QCheckBox.text(self).replace("&&", "&")
        return QSize(hint.width() + fm.horizontalAdvance(self._full)
                     - fm.horizontalAdvance(shown), hint.height())

    def text_room(self) -> int:
        """The width the text has beside the box (the style's indicator and spacing aside)."""
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().subElementRect(QStyle.SE_CheckBoxContents, option, self).width()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.ElideRight, self.text_room())
        super().setText(shown.replace("&", "&&"))
        self.setToolTip(plain_tip(self._full) if shown != self._full else "")


def cell(text: str, sanitised: bool = False) -> QTableWidgetItem:
    """A table cell: one line, sanitised (`sanitised`: one_line made it so already, off the
    GUI thread, for a table of thousands of rows; a one-line Shown was made so piece by
    piece, its isolate marks kept, a line break in it written as one_line writes one)."""
    if isinstance(text, Shown):
        return QTableWidgetItem(str.replace(text, "\n", "\\n"))
    return QTableWidgetItem(text if sanitised else one_line(text))


def plain_label(text: str = "", name: str = "") -> QLabel:
    """A label that never interprets its text as rich text or opens links."""
    label = PlainLabel()
    label.setTextFormat(Qt.PlainText)
    label.setOpenExternalLinks(False)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


class WrappedText(QPlainTextEdit):
    """Lines that may hold a long word (a package's path: a Windows path breaks nowhere, a
    '/' only before a letter), wrapped at the edge instead of widening the page past its
    window (which put Back out of it); as tall as its lines where the page has the room, else
    scrolling them itself. Selectable like a label, sanitised like PlainLabel; read and set
    with `text()` and `setText()`."""

    LEAST_LINES = 4   # what it keeps where the page has no room for all of it

    def __init__(self, name: str = ""):
        super().__init__()
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.NoFocus)   # as a label: the page's own button says it aloud
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        self._height = 0   # its lines' height at its width, as last laid out
        if name:
            self.setObjectName(name)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.setPlainText(safe_text(text))
        self._measure()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._measure()

    def _measure(self) -> None:
        """Its lines as the view lays them out at its width: its size hint, asked again when
        that changed."""
        layout, block, lines = self.document().documentLayout(), self.document().begin(), 0.0
        while block.isValid():
            lines += layout.blockBoundingRect(block).height()
            block = block.next()
        height = int(lines + 2 * self.document().documentMargin() + 0.999) + self._frame()
        if height != self._height:
            self._height = height
            self.updateGeometry()

    def _frame(self) -> int:
        """The room its border and padding take down, as laid out (else as the style says,
        before it is)."""
        view = self.viewport().geometry()
        if view.height() > 0 and self.height() > view.height():
            return self.height() - view.height()
        margins = self.contentsMargins()
        return margins.top() + margins.bottom() + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        least = self._frame() + self.LEAST_LINES * self.fontMetrics().lineSpacing()
        return QSize(0, min(self._height, least))


def ask_text(parent, title: str, label: str, text: str) -> tuple[str, bool]:
    """QInputDialog.getText, its label plain text: Qt's own reads text that looks like HTML
    as rich text, so "New name for <b>drive</b>:" (a camera named by its owner or its
    recorder) was drawn in bold, the tags gone. `label` is sanitised, a Shown kept as it is.
    Returns the text typed and whether the owner pressed OK."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(safe_text(label))
    dialog.setTextValue(text)
    for words in dialog.findChildren(QLabel):
        words.setTextFormat(Qt.PlainText)
    accepted = dialog.exec() == QDialog.Accepted
    return dialog.textValue(), accepted
