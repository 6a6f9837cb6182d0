"""The inbox: one row per request, the status machine as data and enforced, replays, expiry."""
from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.requests.running_deliveries import INTERRUPTED, mark_interrupted
from agent.requests.inbox import Inbox, UnknownRequest, folder_name
from agent.requests.statuses import (
    ENDED,
    STATUSES,
    TRANSITIONS,
    UNDECIDED,
    IllegalTransition,
    check_transition,
)
from agent.requests.records import Approval, Delivery
from agent.timebase import US
from frp.request import Request

NOW = 1_800_000_000
ISS_A, ISS_B = "https://police.example.gov", "https://sheriff.example.gov"


def request(jti: str = "req-1", iss: str = ISS_A, exp: int = NOW + 3600, **extra) -> Request:
    fields = dict(id=jti, agency_id=iss, registration_id="reg-1", case_number="2026-001",
                  incident=None, window_start_us=(NOW - 7200) * US,
                  window_end_us=(NOW - 3600) * US, cameras=("porch", "yard"), location=None,
                  requester={"name": "Det. Example"}, legal_basis="voluntary", message=None,
                  upload_endpoint="https://upload.example.gov/files", upload_max_bytes=None,
                  emergency=False, issued_at=NOW - 10, expires_at=exp,
                  raw=f"header.{jti}.sig", sha256="ab" * 32)
    fields.update(extra)
    return Request(**fields)


class Clock:
    def __init__(self) -> None:
        self.now = float(NOW)

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def inbox(tmp_path: Path, clock: Clock):
    box = Inbox(tmp_path / "inbox.db", clock)
    yield box
    box.close()


def test_a_request_is_kept_exactly_as_received_and_survives_reopening(tmp_path, clock):
    box = Inbox(tmp_path / "inbox.db", clock)
    req = request(raw="eyJ.exact-token-bytes.sig")
    entry = box.add(req, "portal")
    assert (entry.status, entry.token, entry.sha256, entry.case) == \
        ("new", "eyJ.exact-token-bytes.sig", "ab" * 32, "2026-001")
    assert entry.cameras == ("porch", "yard") and entry.via == "portal"
    assert entry.received_at_us == NOW * US and entry.expires_at_us == (NOW + 3600) * US
    box.close()
    again = Inbox(tmp_path / "inbox.db", clock)
    assert again.get("req-1") == entry
    assert sqlite3.connect(tmp_path / "inbox.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_seen_marks_replays_and_a_second_add_is_refused(inbox):
    assert not inbox.seen(ISS_A, "req-1")
    inbox.add(request(), "portal")
    assert inbox.seen(ISS_A, "req-1") and not inbox.seen(ISS_B, "req-1")
    with pytest.raises(Exception, match="already in the inbox"):
        inbox.add(request(), "file")
    assert len(inbox.list()) == 1


@pytest.mark.parametrize("old,new", list(itertools.product(STATUSES, STATUSES)))
def test_transition_table_is_enforced_for_every_pair(old, new):
    if new in TRANSITIONS[old]:
        check_transition(old, new)
    else:
        with pytest.raises(IllegalTransition, match=f"{old} cannot become {new}"):
            check_transition(old, new)


def test_the_table_has_the_cli_statuses_and_ended_ones_are_final():
    assert set(STATUSES) == {"new", "held", "approved", "declined", "expired", "exporting",
                             "uploading", "delivered", "failed"}
    assert set(TRANSITIONS) == set(STATUSES)
    # Ended is final, but for a decline the portal refused as already delivered whose kept
    # package's receipt is fetched after (owed_receipts.py): the approval stood, delivered
    # whole or in part (failed: the rest to send).
    assert {s: TRANSITIONS[s] for s in ENDED if TRANSITIONS[s]} == \
        {"declined": {"delivered", "failed"}}
    assert all("expired" in TRANSITIONS[s] for s in UNDECIDED)
    # Nothing goes back to undecided, and nothing is delivered without uploading first (a
    # failed delivery whose receipts, lost on the way, a decline fetched: its uploads were made).
    assert [s for s in STATUSES if TRANSITIONS[s] & set(UNDECIDED)] == ["new"]
    assert [s for s in STATUSES if "delivered" in TRANSITIONS[s]] == [
        "declined", "uploading", "failed"]


def test_illegal_transition_changes_nothing(inbox):
    inbox.add(request(), "portal")
    with pytest.raises(IllegalTransition):
        inbox.transition(ISS_A, "req-1", "delivered")
    assert inbox.get("req-1").status == "new"
    for status in ("held", "approved", "exporting", "uploading", "delivered"):
        inbox.transition(ISS_A, "req-1", status)
    entry = inbox.get("req-1")
    assert entry.status == "delivered" and entry.decided_at_us == NOW * US
    with pytest.raises(IllegalTransition):
        inbox.transition(ISS_A, "req-1", "declined")


def test_failed_keeps_its_reason_and_resumes_by_exporting_or_is_withdrawn(inbox):
    inbox.add(request(), "portal")
    inbox.set_approval(ISS_A, "req-1", Approval(1, 2, ("porch",), "copy", False))
    inbox.transition(ISS_A, "req-1", "approved")
    inbox.transition(ISS_A, "req-1", "exporting")
    failed = inbox.transition(ISS_A, "req-1", "failed", "the portal did not answer")
    assert failed.reason == "the portal did not answer"
    assert failed.approval == Approval(1, 2, ("porch",), "copy", False)
    # Resumed, or declined: the owner withdraws the approval never delivered; or delivered,
    # its receipts fetched when declining (withdrawal.receipts_asked).
    assert TRANSITIONS["failed"] == frozenset({"exporting", "declined", "delivered"})
    assert inbox.transition(ISS_A, "req-1", "exporting").reason is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(STATUSES), max_size=12))
def test_any_sequence_of_moves_follows_the_table(tmp_path_factory, moves):
    box = Inbox(tmp_path_factory.mktemp("box") / "inbox.db", Clock())
    box.add(request(), "portal")
    expected = "new"
    for move in moves:
        if move in TRANSITIONS[expected]:
            assert box.transition(ISS_A, "req-1", move).status == move
            expected = move
        else:
            with pytest.raises(IllegalTransition):
                box.transition(ISS_A, "req-1", move)
        assert box.get("req-1").status == expected
    box.close()


def test_undecided_requests_expire_on_read_and_decided_ones_do_not(tmp_path, clock):
    expired = []
    box = Inbox(tmp_path / "inbox.db", clock, on_expired=expired.append)
    box.add(request("a"), "portal")
    box.add(request("b"), "portal")
    box.add(request("c", exp=NOW + 99999), "portal")
    box.transition(ISS_A, "b", "declined", "not ours")
    clock.now = NOW + 3600 + 30  # inside the protocol's 60 s tolerance
    assert box.get("a").status == "new"
    clock.now = NOW + 3600 + 61
    statuses = {e.jti: e.status for e in box.list()}
    assert statuses == {"a": "expired", "b": "declined", "c": "new"}
    assert [e.jti for e in expired] == ["a"]
    box.list()
    assert len(expired) == 1  # reported once
    with pytest.raises(IllegalTransition):
        box.transition(ISS_A, "a", "approved")
    box.close()


def test_path_like_ids_get_folder_names_that_stay_inside(inbox):
    for jti in ("..", ".", "..hidden", "a..b"):
        entry = inbox.add(request(jti), "file")
        assert not entry.folder.startswith(".") and "/" not in entry.folder
        assert Path("/x/holds", entry.folder).resolve().parent == Path("/x/holds")
    assert inbox.get("..").folder == "_.._"   # Windows would drop final dots


def test_two_agencies_may_use_the_same_id(inbox):
    a = inbox.add(request("case-7", ISS_A), "portal")
    b = inbox.add(request("case-7", ISS_B), "portal")
    assert a.folder != b.folder
    with pytest.raises(UnknownRequest, match="more than one agency"):
        inbox.get("case-7")
    assert inbox.get("case-7", ISS_B).iss == ISS_B
    assert folder_name("x", ISS_A, lambda name: False) == "x"


# Names Windows keeps for devices whatever follows a dot, written out here, not taken from
# the code under test.
WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)),
                   *(f"LPT{n}" for n in range(10))}


def test_folder_names_stay_apart_where_case_is_ignored_and_name_no_windows_device(inbox):
    """Attacker's hunt: folders were unique only as SQLite compares text. On Windows and macOS
    'CASE1' and 'case1' are one folder, and on Windows so are 'abc.' and 'abc', so a second
    agency's request (or the same agency's) shared another's hold: the hold shown for it was
    the other request's, and releasing it deleted the other's held footage. A request id
    'CON' or 'nul.txt' named a Windows device, not a folder."""
    ids = [("case1", ISS_A), ("CASE1", ISS_B), ("Case1", ISS_A), ("abc", ISS_A),
           ("abc.", ISS_B), ("ABC..", ISS_A), ("CON", ISS_A), ("nul.txt", ISS_A),
           ("com1", ISS_B), ("Lpt9.a.b", ISS_B), ("_CON", ISS_A)]
    folders = [inbox.add(request(jti, iss), "portal").folder for jti, iss in ids]
    # What Windows makes of a name: case folded, final dots and spaces dropped.
    as_windows_sees = {f.rstrip(". ").lower() for f in folders}
    assert len(as_windows_sees) == len(ids), folders
    assert not [f for f in folders if f.split(".")[0].upper() in WINDOWS_DEVICES]
    assert not [f for f in folders if f.endswith(".") or f.startswith(".")]
    assert inbox.get("case1", ISS_A).folder == "case1"   # an ordinary id keeps its name


def test_a_long_request_id_gets_a_folder_short_enough_for_windows(inbox):
    """The protocol lets a request id be 128 characters, and its folder was named by all of
    them: on Windows `<home>\\packages\\<id>` (the app's folder is
    C:\\Users\\<name>\\AppData\\Local\\footage-agent) then left too little of the 259
    characters Windows allows for even a short-named package, so such a request could never be
    answered there. Ordinary ids (a UUID, the reference portal's) keep their names."""
    from pathlib import PureWindowsPath

    from agent.export.naming import clip_name, package_name
    from agent.export.path_room import longest_inside, windows_room_problem

    home = PureWindowsPath(r"C:\Users\Margaret Thompson\AppData\Local\footage-agent")
    long_id, twin = "r" * 100 + "a" * 28, "r" * 100 + "b" * 28
    folders = [inbox.add(request(jti), "portal").folder for jti in (long_id, twin)]
    assert folders[0] != folders[1] and all(f.startswith("r" * 20) for f in folders)
    a, b = NOW * US, (NOW + 60) * US
    inside = longest_inside(package_name("2026-00123", "porch", a, b, "exact", audio=True),
                            clip_name("porch", a, b))
    for folder in folders:
        assert windows_room_problem(str(home / "packages" / folder), inside, False) is None
    uuid = "0b9c7c1e-5f3a-4a8e-9d2c-7f1e2d3c4b5a"
    assert inbox.add(request(uuid), "portal").folder == uuid


def test_unknown_ids_are_a_clear_error(inbox):
    with pytest.raises(UnknownRequest, match="no request 'nope'"):
        inbox.get("nope")
    with pytest.raises(UnknownRequest):
        inbox.transition(ISS_A, "nope", "held")


def test_an_id_typed_wrong_is_answered_with_the_id_meant_or_where_to_find_them(inbox):
    """`inbox show`, `approve` and `decline` take a long random id, copied from `inbox` by
    hand: one character left out (or a placeholder such as README's ID typed as shown) said
    only 'there is no request ... in the inbox', leaving the owner to compare 28 characters."""
    with pytest.raises(UnknownRequest, match="the inbox is empty: `footage-agent inbox sync`"):
        inbox.get("ID")
    jti = "req-8oKtYLkXqDZ6T_TH8_EdmrFp"
    inbox.add(request(jti), "portal")
    with pytest.raises(UnknownRequest, match=f"no request '{jti[:-1]}' in the inbox; did you "
                                             f"mean '{jti}'\\?"):
        inbox.get(jti[:-1])
    with pytest.raises(UnknownRequest, match="no request 'ID' in the inbox; `footage-agent "
                                             "inbox` lists the 1 request it holds"):
        inbox.get("ID")


def test_deliveries_decisions_and_cursors_are_recorded(inbox):
    inbox.add(request(), "portal")
    d = Delivery("porch", "/pkg", "/pkg.tar", "cd" * 32, 4096)
    inbox.save_delivery(ISS_A, "req-1", d)
    inbox.save_delivery(ISS_A, "req-1", Delivery("porch", "/pkg", "/pkg.tar", "cd" * 32, 4096,
                                                 "https://u/1", "receipt"))
    inbox.set_decision(ISS_A, "req-1", "decision.token.sig")
    entry = inbox.get("req-1")
    assert entry.deliveries == (Delivery("porch", "/pkg", "/pkg.tar", "cd" * 32, 4096,
                                         "https://u/1", "receipt"),)
    assert entry.decision == "decision.token.sig" and entry.decision_sent_at_us is None
    inbox.decision_sent(ISS_A, "req-1")
    assert inbox.get("req-1").decision_sent_at_us == NOW * US
    inbox.decision_sent(ISS_A, "req-1", "HTTP 409: already decided")
    assert inbox.get("req-1").decision_error == "HTTP 409: already decided"
    assert inbox.cursor(ISS_A, "reg-1") is None
    inbox.set_cursor(ISS_A, "reg-1", "42")
    inbox.set_cursor(ISS_A, "reg-1", "43")
    assert inbox.cursor(ISS_A, "reg-1") == "43" and inbox.cursor(ISS_B, "reg-1") is None
    inbox.drop_delivery(ISS_A, "req-1", "porch")
    assert inbox.get("req-1").deliveries == ()


def test_a_delivery_left_running_by_a_stop_is_marked_interrupted_and_a_finished_one_is_not(inbox):
    """The stopper's fallback for a job still blocked when its grace ran out (a call that could
    not be cut, such as a connection still being made): the request says it was interrupted,
    never `uploading`; a job that ended by itself keeps its own reason."""
    logged = []
    inbox.add(request(), "portal")
    inbox.set_approval(ISS_A, "req-1", Approval(1, 2, ("porch",), "copy", False))
    for status in ("approved", "exporting", "uploading"):
        inbox.transition(ISS_A, "req-1", status)
    assert mark_interrupted(inbox, lambda event, **data: logged.append((event, data)), ISS_A,
                            "req-1")
    entry = inbox.get("req-1", ISS_A)
    assert (entry.status, entry.reason) == ("failed", INTERRUPTED)
    assert logged == [("upload", {"status": "failed", "reason": "interrupted"})]
    assert not mark_interrupted(inbox, lambda *a, **k: logged.append(a), ISS_A, "req-1")
    assert inbox.get("req-1", ISS_A).reason == INTERRUPTED and len(logged) == 1
