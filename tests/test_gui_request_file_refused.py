"""A file opened with "Open a request file…" and not added (words hunt 2): the refusal was one
grey line under the list, where an owner who just chose a file does not look, and the next
check for requests wrote over it. It is now a box the owner must answer, naming the file, why
it was not added in the owner's language, and what to do. A real offscreen window and agent;
each file is a real one the agent refuses."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QFileDialog, QMessageBox  # noqa: E402

from agent.timebase import US  # noqa: E402
from demo.gui_data import request_claims, sign  # noqa: E402
from tests.gui_support import footage, settle, spanish, win  # noqa: E402,F401

CALL_BACK = "call it on a phone number you already know"


@pytest.fixture
def boxes(monkeypatch):
    """Every message box the app shows, as (icon, text, informative text); each answered OK."""
    shown = []

    def answer(box):
        shown.append((box.icon(), box.text(), box.informativeText()))
        return QMessageBox.Ok
    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def open_file(qtbot, win, monkeypatch, path) -> None:
    """Press "Open a request file…" and choose `path`, as an owner does."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.mouseClick(win.inbox.import_button, Qt.LeftButton)
    settle(qtbot, win)


def test_a_file_that_is_not_added_is_said_in_a_box_with_what_to_do(qtbot, win, boxes,
                                                                    monkeypatch, tmp_path):
    pdf = tmp_path / "Invoice 2026-118842.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    open_file(qtbot, win, monkeypatch, pdf)
    icon, text, more = boxes.pop()
    assert icon == QMessageBox.Warning
    assert text == ("Invoice 2026-118842.pdf was not added to your requests, and nothing was "
                    "sent.")
    assert more.startswith("This file is not a footage request")   # why, no "rejected:" head
    assert CALL_BACK in more
    assert win.inbox.table.rowCount() == 0
    assert win.inbox.status.text().startswith(text)   # and it stays under the list

    # A well-formed request signed by a key no trusted agency holds: a phisher's.
    now = int(time.time())
    forged = tmp_path / "request.jws"
    claims = request_claims("req-forged", now * US - 60 * US, now * US - 30 * US, now,
                            iss="https://police.example.net")
    forged.write_text(sign(Ed25519PrivateKey.generate(), claims))
    open_file(qtbot, win, monkeypatch, forged)
    icon, text, more = boxes.pop()
    assert icon == QMessageBox.Warning and text.startswith("request.jws was not added")
    assert "which is not in your trust store" in more and CALL_BACK in more

    # A file gone between choosing it and reading it: not a suspect request, so no call back;
    # its own words say what to do.
    open_file(qtbot, win, monkeypatch, tmp_path / "gone.jws")
    icon, text, more = boxes.pop()
    assert text.startswith("gone.jws was not added")
    assert "does not exist" in more and CALL_BACK not in more
    assert not boxes


def test_the_box_is_in_the_owners_language(spanish, tmp_path):
    from gui.views.request_files import not_added

    said = not_added(str(tmp_path / "factura.pdf"), "request rejected: the request is not "
                     "text", checked=True)
    assert said.title == "Solicitud no añadida"
    assert said.headline.startswith("factura.pdf no se añadió a sus solicitudes")
    assert said.reason.startswith("Este archivo no es una solicitud")
    assert said.advice.startswith("No actúe")


def test_an_agency_file_and_a_request_each_given_for_the_other_say_where_they_go(
        qtbot, win, boxes, monkeypatch, tmp_path):
    """Guide hunt: an owner holding the agency's file and a request (both from the police, both
    files) who opened the agency file with "Open a request file…" was told "This file is not
    a footage request (a compact JWS has three parts separated by '.', this one has 1) ... Do
    not act on it. If you expected a request from an agency, call it ...": not to act on the
    very file the guide's first step asks them to add. And a request chosen at set-up's agency
    step was "not an agency file (it is not JSON)". Each now says what it is and where it goes
    (the command line named its command already)."""
    open_file(qtbot, win, monkeypatch, tmp_path / "world" / "agency.json")
    icon, text, more = boxes.pop()
    assert text == "agency.json was not added to your requests, and nothing was sent."
    assert "It is an agency file, not a request" in more and "Add an agency file" in more
    assert CALL_BACK not in more and "JWS" not in more
    assert win.inbox.table.rowCount() == 0

    win.show_page("first_run")
    win.first_run.go(2)
    win.first_run.agency.add(str(tmp_path / "world" / "request.jws"))
    settle(qtbot, win)
    said = win.first_run.agency.result.text()
    assert "This is a footage request, not an agency file" in said, said
    assert "Open a request file" in said and "JSON" not in said
    assert not boxes


def test_an_agency_file_opened_as_a_request_is_said_in_the_owners_language(spanish, tmp_path):
    from gui.views.request_files import agency_file_not_request

    said = agency_file_not_request(str(tmp_path / "policia.json"))
    assert said.headline.startswith("policia.json no se añadió a sus solicitudes")
    assert said.reason.startswith("Es un archivo de agencia, no una solicitud")
    assert "Añadir un archivo de agencia" in said.reason and said.advice == ""
