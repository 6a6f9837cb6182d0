"""The activity log as the app shows it: a delivery's steps worded by what happened to them (a
cancelled export never reads "Package made"), the approved window in the owner's own time, the
details' labels in the owner's language, the full text one hover away, and a `log-gap` record
named in words with its problem.

GUI hunt finding 7, and the `log-gap` record (agent/audit/gap.py)."""
from __future__ import annotations

import os
import threading

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent import timebase  # noqa: E402
from agent.audit.log import AuditLog  # noqa: E402
from agent.cli import main  # noqa: E402
from agent.views import LogRecord  # noqa: E402
from gui.views import activity, display  # noqa: E402
from tests.gui_support import ZONE, open_window, settle, spanish  # noqa: E402,F401

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

T0 = timebase.parse_rfc3339("2026-11-20T22:05:09Z")
REQ = {"id": "req-1", "agency": "https://police.example.gov"}
APPROVED = {**REQ, "status": "approved", "cameras": ["driveway"], "mode": "copy",
            "audio": False, "blur_faces": True, "masks": False,
            "window": {"start": "2026-11-20T22:05:09Z", "end": "2026-11-20T22:06:09Z"}}


def record(event: str, **data) -> LogRecord:
    return LogRecord(1, "2026-11-20T22:05:09Z", T0, event, data)


@pytest.mark.parametrize("event, data, what", [
    ("export", {"status": "exporting"}, "Preparing footage"),
    ("export", {"status": "failed", "reason": "cancelled: the export was cancelled"},
     "Export cancelled"),
    ("export", {"status": "failed", "reason": "the disk is full"}, "Export failed"),
    ("upload", {"status": "uploading"}, "Sending"),
    ("upload", {"status": "failed", "reason": "cancelled"}, "Sending cancelled"),
    ("upload", {"status": "failed", "reason": "no answer"}, "Sending failed"),
    ("approve", {"status": "failed", "reason": "interrupted"}, "Delivery stopped"),
    ("receipt", {"status": "delivered"}, "Delivered"),
    ("export", {"camera": "driveway", "package": "/p"}, "Package made"),
    ("upload", {"camera": "driveway", "size": 1}, "Package sent"),
])
def test_a_delivery_step_reads_as_what_happened_to_it(event, data, what):
    row = activity.row(record(event, **REQ, **data), ZONE)
    assert row[1] == what
    assert "status" not in row[2]


def test_the_approved_window_reads_in_local_time_and_the_labels_in_words():
    when, what, details = activity.row(record("approve", **APPROVED), ZONE)
    assert what == "You approved"
    window = display.window(T0, T0 + 60_000_000, ZONE)
    assert f"Time: {window}" in details and "PST" in window
    assert "Z'" not in details and "{" not in details
    assert "Cameras: driveway" in details and "Faces blurred: yes" in details
    assert details.startswith("Agency: https://police.example.gov")


@pytest.mark.parametrize("received_at", ["0001-01-01T00:00:00+23:59",
                                         "9999-12-31T23:59:59-23:59"])
def test_a_receipts_time_past_what_a_date_holds_reads_as_the_agency_wrote_it(received_at):
    """Trust hunt 2: a receipt's `received_at` is the portal's own words (signed, never read
    by the agent), logged as they came; one a datetime cannot hold in UTC (the year 1 at
    +23:59) raised OverflowError, and the app's activity log could not be shown at all."""
    when, what, details = activity.row(record("receipt", **REQ, status="delivered",
                                              received_at=received_at), ZONE)
    assert what == "Delivered" and f"Received: {received_at}" in details


def test_a_log_gap_is_named_with_its_problem_first():
    problem = "the log was shorter than its seal"
    what, details = activity.row(record("log-gap", problem=problem, sealed_records=3,
                                        sealed_head="ab" * 32, found_records=2,
                                        found_head="cd" * 32), ZONE)[1:]
    assert what == "Log found cut or changed"
    assert details == f"Problem: {problem}; Records sealed: 3; Records found: 2"


def test_a_long_value_is_cut_in_the_cell_and_whole_for_the_tooltip():
    data = {**REQ, "reason": "x" * 80}
    assert f"Reason: {'x' * 57}..." in activity.details(data, ZONE)
    assert f"Reason: {'x' * 80};" in activity.details(data, ZONE, cut=False)


def test_the_log_reads_in_spanish(spanish):
    what, details = activity.row(record("export", **REQ, status="failed",
                                        reason="cancelled"), ZONE)[1:]
    assert what == "Exportación cancelada"
    assert details.startswith("Motivo: cancelado; Agencia: ")   # the core's word, said in Spanish
    gap = activity.row(record("log-gap", problem="p", found_records=2), ZONE)
    assert gap[1:] == ("Registro cortado o modificado", "Problema: p; Registros encontrados: 2")
    # every field the agent's key records carry has a label of its own (no "owner_id: ...")
    rotated = activity.row(record("key-rotated", old_owner_id="a", owner_id="b"), ZONE)[2]
    made = activity.row(record("key-created", owner="c", passphrase=True), ZONE)[2]
    assert "owner" not in rotated + made and "passphrase" not in made
    assert "Clave anterior: a" in rotated and "Clave: c" in made


def test_the_log_page_shows_a_cancelled_export_a_local_window_and_a_gap(qtbot, tmp_path):
    home = tmp_path / "home"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        assert main(["--home", str(home), "sources", "add", str(tmp_path / name),
                     "--camera", name]) == 0
    log = home / "audit.log"
    log.write_bytes(b"".join(line + b"\n" for line in log.read_bytes().splitlines()[:-1]))
    assert main(["--home", str(home), "cameras", "rename", "one", "uno"]) == 0   # log-gap
    audit = AuditLog(home)
    audit.append("approve", **APPROVED)
    audit.append("export", **REQ, status="exporting")
    audit.append("export", **REQ, status="failed", reason="cancelled: the export was cancelled")
    window, agent = open_window(qtbot, home)
    try:
        window.show_page("log")
        settle(qtbot, window)
        table = window.log.table
        rows = {table.item(r, 1).text(): (table.item(r, 2).text(), table.item(r, 2).toolTip())
                for r in range(table.rowCount())}
        assert "Package made" not in rows
        assert rows["Export cancelled"][0].startswith("Reason: cancelled: the export was cancelled")
        local = display.window(T0, T0 + 60_000_000, ZONE)
        assert local in rows["You approved"][1] and "22:05:09Z" not in rows["You approved"][1]
        cell, tip = rows["Log found cut or changed"]
        assert cell.startswith("Problem: the log was shorter than its seal")
        assert "Records sealed: 3" in tip and "Records found: 2" in tip
    finally:
        window.shutdown()
        agent.close()


def test_the_log_page_words_its_records_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    # Days hunt: the log page read the log on a job's thread but worded every record (times in
    # the owner's zone, details, the sanitiser over each) on the GUI thread: with thousands of
    # records, seconds of a frozen app each time the page was shown (0.76 s for 5,000 here).
    home = tmp_path / "home"
    audit = AuditLog(home)
    for n in range(40):
        audit.append("request-seen", id=f"req-{n}", agency="https://police.example.gov",
                     case=f"2026-{n}", via="portal", status="new", emergency=False)
    worded_on = []
    real = activity.row
    monkeypatch.setattr(activity, "row", lambda record, zone: worded_on.append(
        threading.current_thread() is threading.main_thread()) or real(record, zone))
    window, agent = open_window(qtbot, home)
    try:
        window.show_page("log")
        settle(qtbot, window)
        table = window.log.table
        assert table.rowCount() == len(audit.entries()) == len(worded_on)
        assert "Request: req-39;" in table.item(0, 2).text()   # newest first
        assert "req-39" in table.item(0, 2).toolTip()
        assert not any(worded_on)   # none on the GUI thread
    finally:
        window.shutdown()
        agent.close()


def _logged_keys() -> dict[str, str]:
    """Every field name the agent passes to an activity log record (audit.append, and the
    helpers that call it), read from its source: {field: where}."""
    import ast
    from pathlib import Path

    helpers = {"append", "_log", "_log_change", "log"}
    found = {}
    for path in sorted(Path(__file__).resolve().parents[1].joinpath("agent").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args
                    and (getattr(node.func, "attr", None) or getattr(node.func, "id", None))
                    in helpers and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                for kw in node.keywords:
                    if kw.arg:
                        found.setdefault(kw.arg, f"{path.name}:{node.lineno}")
    return found


def test_every_field_the_agent_logs_has_a_label():
    """Owner hunt: the log showed 'areas: 1' (a privacy masks change), 'set_aside: ...',
    'resumed_from: ...', 'emergency: yes', 'withdrawn: ...' as the agent's field names, in
    English in the Spanish app too."""
    hidden = set(activity._SKIP)
    missing = {k: where for k, where in _logged_keys().items()
               if k not in activity.LABELS and k not in hidden
               and not k.endswith(("sha256", "_head"))}
    assert not missing, missing


def test_a_masks_change_reads_in_spanish(spanish):  # noqa: F811
    details = activity.row(record("masks", camera="driveway", areas=2), ZONE)[2]
    assert details == "Cámara: driveway; Zonas: 2"
    held = activity.row(record("hold", **REQ, status="held", bytes=2_500_000), ZONE)[2]
    assert "bytes" not in held and "Tamaño: 2,5\u00a0MB" in held, held


def test_a_decline_signed_again_says_why_in_spanish(spanish):  # noqa: F811
    """The declines hunt's `signed_again` (a decline refused as wrong_key, signed anew once
    the keys were put back) showed as the agent's field name and the portal's code."""
    again = activity.row(record("decline", **REQ, status="declined", reason="no",
                                signed_again="wrong_key"), ZONE)[2]
    assert "Firmado de nuevo: el primero se rechazó por otra clave" in again, again
    assert "signed_again" not in again and "wrong_key" not in again


def test_a_reason_ending_its_sentence_is_not_followed_by_a_semicolon(spanish):  # noqa: F811
    """A decline's typed reason "No tengo esa cámara." read "...cámara.; Agencia: ..."."""
    typed = activity.row(record("decline", **REQ, status="declined",
                                reason="No tengo esa cámara."), ZONE)[2]
    assert typed.startswith("Motivo: No tengo esa cámara. Agencia: "), typed
    asked = activity.row(record("decline", **REQ, status="declined", reason="¿Qué calle?"), ZONE)[2]
    assert "¿Qué calle? Agencia: " in asked and "?;" not in asked, asked
    plain = activity.row(record("decline", **REQ, status="declined", reason="no camera"), ZONE)[2]
    assert "no camera; Agencia: " in plain, plain


def test_a_folders_recorder_is_named_as_the_owner_knows_it(spanish):  # noqa: F811
    """The log read "Grabadora: frigate", the agent's key for the layout."""
    from gui.views.layout_names import layout_name

    added = activity.row(record("source-added", camera="driveway", folder="/r", layout="frigate"),
                         ZONE)[2]
    assert added.endswith(f": {layout_name('frigate')}") and ": frigate" not in added, added
    assert layout_name("frigate") != "frigate"


def test_masks_left_off_by_choice_read_in_spanish(spanish):  # noqa: F811
    """Masks hunt: an export the owner made without the camera's privacy masks is logged with
    how many were left off (`masks_left_off`): Activity shows it in the owner's words."""
    details = activity.row(record("export", camera="driveway", redactions=[],
                                  masks_left_off=2), ZONE)[2]
    assert "masks_left_off" not in details and "Máscaras de privacidad omitidas: 2" in details, \
        details


def test_a_receipt_fetched_after_a_refused_decline_reads_in_spanish(spanish):  # noqa: F811
    """Decline hunt: a request whose decline the portal refused as already delivered becomes
    delivered once its receipt is fetched; the log's `after` says why, in the owner's words."""
    from agent.requests.owed_receipts import AFTER_REFUSED_DECLINE

    details = activity.row(record("receipt", **REQ, status="delivered",
                                  after=AFTER_REFUSED_DECLINE), ZONE)[2]
    assert "after" not in details and AFTER_REFUSED_DECLINE not in details, details
    assert "Tras: el rechazo no se aceptó" in details, details


@pytest.mark.parametrize("altered", ["edited", "cut off", "gap recorded"])
def test_a_log_found_altered_is_said_in_spanish(qtbot, tmp_path, spanish, altered):  # noqa: F811
    # The page showed the core's findings as written, in English in the Spanish app.
    from agent.service import Agent
    from gui.pages.log import LogPage

    home = tmp_path / "home"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        assert main(["--home", str(home), "sources", "add", str(tmp_path / name),
                     "--camera", name]) == 0
    log = home / "audit.log"
    lines = log.read_bytes().splitlines()
    if altered == "edited":   # a camera's name changed by hand in its record
        at = next(i for i, line in enumerate(lines) if b'"one"' in line)
        lines[at] = lines[at].replace(b'"one"', b'"uno"')
    else:
        lines = lines[:-1]
    log.write_bytes(b"".join(line + b"\n" for line in lines))
    if altered == "gap recorded":   # the next record names the gap, and every check says it
        assert main(["--home", str(home), "cameras", "rename", "one", "uno"]) == 0
    agent = Agent(home)
    try:
        report = agent.verify_activity()
    finally:
        agent.close()
    assert not report.ok
    page = LogPage(None)
    qtbot.addWidget(page)
    page._verified(report)
    said = page.verdict.text()
    assert said.startswith("Se ") or said.startswith("El registro"), said
    assert "line" not in said and "seal" not in said


def test_a_package_cut_from_the_safe_copy_says_when_the_copy_was_made(spanish):  # noqa: F811
    """Holds hunt: the log's `safe_copy` (an approval cut from the request's safe copy) showed
    as the agent's field name and a UTC time; a package cut from the recordings (null) says
    nothing of it."""
    made = "2026-11-20T22:00:00Z"
    details = activity.row(record("export", **REQ, camera="porch", safe_copy=made), ZONE)[2]
    shown = display.day_time(activity._instant(made), ZONE)
    assert f"Cortado de la copia a salvo hecha: {shown}" in details, details
    details = activity.row(record("export", **REQ, camera="porch", safe_copy=None), ZONE)[2]
    assert "copia a salvo" not in details and "safe_copy" not in details
