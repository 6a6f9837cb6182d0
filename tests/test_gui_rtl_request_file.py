"""A file with a right-to-left name opened as a request and not added (GUI hunt). Seen: a file
named "בקשה 2026-118842.pdf" (Hebrew, "request") chosen with "Open a request file…" was
refused in a box whose first line, "בקשה 2026-118842.pdf was not added to your requests, and
nothing was sent.", took the name's direction and was laid out from the right (the app's words
left of the name, the number pulled into the Hebrew run); the line under the list alike. The
name is now set apart from the app's words (gui.views.shown) in the box and the line, which
joins the reason by shown_lines. A real offscreen window and agent refusing a real file."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from gui.widgets.labels import plain_label  # noqa: E402
from tests.gui_support import footage, settle, win  # noqa: E402,F401
from tests.test_gui_request_file_refused import boxes, open_file  # noqa: E402,F401
from tests.test_gui_rtl_names import label_xs  # noqa: E402

NAME = "\u05d1\u05e7\u05e9\u05d4 2026-118842.pdf"   # בקשה 2026-118842.pdf


def test_a_hebrew_file_name_keeps_the_refusals_words_after_it(qtbot, win, boxes, monkeypatch,
                                                               tmp_path):  # noqa: F811
    pdf = tmp_path / NAME
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    open_file(qtbot, win, monkeypatch, pdf)
    _icon, text, _more = boxes.pop()
    line = win.inbox.status.text()
    assert line.startswith(text), (line, text)
    for said in (text, line):
        assert "\\u2068" not in said and f"\u2068{NAME}\u2069" in said, said
        places = label_xs(said, plain_label().font())
        start = said.index(NAME)
        name = [places[start + i] for i, ch in enumerate(NAME) if ch != " "]
        words = said.index(" was not added")
        assert max(name) < places[words + 1] < places[said.index("nothing was sent")], \
            (said, places)
    assert line.removeprefix(text).startswith(" This file is not a footage request"), line
