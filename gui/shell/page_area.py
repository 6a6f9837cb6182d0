"""Where the pages are shown: a page wider or taller than the window (large system text on a
small screen) scrolls inside it, rather than making the window larger than the screen, which
put Approve and send, Export or Next beyond its edge."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (QAbstractScrollArea, QBoxLayout, QFrame, QGridLayout, QLayout,
                               QLayoutItem, QScrollArea, QStackedWidget, QWidget, QWidgetItem)


class PageStack(QStackedWidget):
    """The pages, one at a time, asking for the room the page shown needs (a stack asks for
    its largest page's, and a page not shown should never make the window scroll)."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        page = self.currentWidget()
        # as a layout reads it (its own minimum size and size policy counted)
        return QWidgetItem(page).minimumSize() if page is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return self.currentWidget() is not None

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        """The least height the page shown needs at its width. Its minimum size is worked out
        for its narrowest width, where its wrapped words need least: at 200 % text on a small
        screen a page given only that squeezed its parts (the request's choices over each
        other). Not its preferred height: the area would then scroll what a window shares
        out among its parts (the request's facts scroll on their own)."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        if page.width() != width:   # its parts not laid out at that width yet: asked again
            return QWidgetItem(page).minimumSize().height()
        return least_height(page)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # once the page's parts are laid out at the new width, their words' needs are known
        QTimer.singleShot(0, self.updateGeometry)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        # the area around takes the new page's needs
        self.currentChanged.connect(lambda _index: self.updateGeometry())


def least_height(widget: QWidget) -> int:
    """The least height `widget` needs at its present width: its minimum size, or more where
    its words wrap at that width (Qt's own minimum for a width counts nested parts at their
    preferred heights, far more than a page needs)."""
    least = QWidgetItem(widget).minimumSize().height()
    layout = widget.layout()
    if isinstance(widget, QAbstractScrollArea) or layout is None:   # scrolls its own
        needs = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else 0
        return max(least, needs)
    return max(least, _layout_least(layout))


def _layout_least(layout: QLayout) -> int:
    if not isinstance(layout, (QBoxLayout, QGridLayout)) and layout.hasHeightForWidth():
        # a row that goes on to more rows where narrow (gui.widgets.button_flow): its rows
        return layout.heightForWidth(max(layout.geometry().width(), layout.minimumSize().width()))
    parts = [_item_least(layout.itemAt(i)) for i in range(layout.count())
             if not layout.itemAt(i).isEmpty()]
    margins = layout.contentsMargins()
    if isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.TopToBottom,
                                                                 QBoxLayout.BottomToTop):
        total = sum(parts) + max(0, layout.spacing()) * max(0, len(parts) - 1)
    else:   # side by side (a grid counted by its tallest part: never less than before)
        total = max(parts, default=0)
    return total + margins.top() + margins.bottom()


def _item_least(item: QLayoutItem) -> int:
    if item.widget() is not None:
        return least_height(item.widget())
    if item.layout() is not None:
        return _layout_least(item.layout())
    return item.minimumSize().height()


def page_area(stack: PageStack) -> QScrollArea:
    """`stack` filling a frameless area that scrolls only when the window is smaller than the
    page shown needs. The area takes no focus itself: Tab goes on to the page's controls, and
    the area scrolls to each one Tab reaches."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setFocusPolicy(Qt.NoFocus)
    area.viewport().setAutoFillBackground(False)   # the pages' own background shows
    area.setWidget(PageHolder(stack))
    return area


class PageHolder(QWidget):
    """What the area holds: the stack, asked for its page's least height at the area's width.
    It has no layout: a layout would ask the stack's own (QStackedLayout), whose height for a
    width is the largest preferred one of every page, shown or not."""

    def __init__(self, stack: PageStack):
        super().__init__()
        self.stack = stack
        stack.setParent(self)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)   # what the area asks of a widget without a layout
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return self.stack.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self.stack.heightForWidth(width)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.stack.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.stack.minimumSizeHint()

    def event(self, event) -> bool:
        if event.type() == QEvent.LayoutRequest:
            self.updateGeometry()   # the stack's needs changed: the area asks again
        return super().event(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.stack.setGeometry(self.rect())
