"""A dark or high-contrast system (accessibility hunt). The style sheet sets dark text on
every widget and light backgrounds on some: on a dark system palette (Windows' dark mode, a
dark desktop theme) the pages' titles, hints, tick boxes, date fields and every question box
were dark grey on near black, unreadable. The app now brings its own light palette with its
light look; an owner who asked the system for high contrast gets the system's colours whole,
the style sheet giving only its sizes. On the light look itself, first run's steps still to
come and the empty inbox's words were grey below WCAG's 4.5:1; they are darker now."""
from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPalette  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel,  # noqa: E402
                               QLineEdit, QMessageBox, QWidget)

from tests.gui_support import footage, open_window, settle  # noqa: E402,F401
from tests.test_gui_focus_seen import contrast  # noqa: E402

DARK = {QPalette.Window: "#202020", QPalette.WindowText: "#f0f0f0", QPalette.Base: "#101010",
        QPalette.AlternateBase: "#282828", QPalette.Text: "#f0f0f0",
        QPalette.Button: "#303030", QPalette.ButtonText: "#f0f0f0",
        QPalette.ToolTipBase: "#000000", QPalette.ToolTipText: "#ffffff"}


@pytest.fixture
def dark_system(qapp):
    """A dark system palette while the test runs (the app styled for it)."""
    from gui.shell.app import application
    before = qapp.palette()
    dark = QPalette()
    for role, colour in DARK.items():
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    application()
    yield
    qapp.setPalette(before)
    application()


def text_contrast(image: QImage) -> float:
    """The contrast between a widget's commonest colour (its background) and the pixel
    furthest from it (its text at full strength)."""
    counts: dict[int, int] = {}
    pixels = [image.pixel(x, y) for y in range(image.height()) for x in range(image.width())]
    for p in pixels:
        counts[p] = counts.get(p, 0) + 1
    ground = max(counts, key=counts.get)
    return max(contrast(ground, p) for p in set(pixels))


def hard_to_read(root) -> list[str]:
    """The enabled, visible widgets with text under `root` whose text is below WCAG's 4.5:1."""
    kinds = (QLabel, QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit)
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds):
            continue
        text = w.currentText() if isinstance(w, QComboBox) else getattr(w, "text", lambda: "")()
        if not w.isVisible() or not w.isEnabled() or not text:
            continue
        seen = w.visibleRegion().boundingRect()   # a scroll area may hide some of it
        if seen.width() < 4 or seen.height() < 4:
            continue
        top = w.window()   # what is behind a see-through widget counts
        shown = top.grab(QRect(w.mapTo(top, seen.topLeft()), seen.size())).toImage()
        if text_contrast(shown) < 4.5:
            found.append(f"{type(w).__name__} {text[:40]!r}")
    return found


def test_the_pages_can_be_read_on_a_dark_system(qtbot, tmp_path, footage, dark_system):  # noqa: F811
    from demo.gui_data import make_world
    world = make_world(tmp_path / "world", tmp_path / "home", footage=footage)
    win, agent = open_window(qtbot, world.home)
    try:
        unreadable = {}
        for page in ("inbox", "export", "settings", "masks", "first_run"):
            win.show_page(page)
            settle(qtbot, win)
            unreadable[page] = hard_to_read(win)
        box = QMessageBox(QMessageBox.Question, "Save?", "The areas you drew are not saved "
                          "yet. Save them now?", QMessageBox.Save | QMessageBox.Discard, win)
        box.show()
        qtbot.waitExposed(box)
        unreadable["question"] = hard_to_read(box)
        box.close()
        assert {page: found for page, found in unreadable.items() if found} == {}
    finally:
        win.shutdown()
        agent.close()


def test_high_contrast_keeps_the_systems_colours_and_the_sizes():
    from gui.shell.style import sheet
    plain = sheet(20.0, high_contrast=True)
    said = " ".join(re.findall(r"\{([^}]*)\}", plain))
    assert "font-size" in said and not re.search(r"#[0-9a-fA-F]{3,6}|color|background|border", said)
    assert re.findall(r"font-size: [0-9.]+pt", plain) == re.findall(
        r"font-size: [0-9.]+pt", sheet(20.0, high_contrast=False))
