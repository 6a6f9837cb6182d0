"""An approval whose inbox's disk fills up part way, against the real reference portal (through
the fault proxy, tests/fault_proxy.py) and a real inbox.db: SQLite's PRAGMA max_page_count
stands in for the full disk (a real full disk cannot be made here), the inbox's own
connection pinned at the pages it opened with and the free room in them used up by rows of no
request written through a connection of the test's own. The owner must be told, in words,
which disk is full and what to do, with exit code 1 (never "database or disk is full" or
"unexpected failure: OperationalError"), and nothing stored lost: once there is room again,
approving again delivers without sending the package a second time."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import agent.requests.inbox as inbox_module
from agent.requests.inbox_file import InboxError
from agent.requests.running_deliveries import CUT_OFF_SENDING
from agent.service import Agent
from tests.fault_proxy import Rule
from tests.test_delivery_faults import World, footage  # noqa: F401 - the module's footage

FULL = "the disk holding the inbox"


def pinned(real):
    """open_database with the connection unable to grow the file past the pages it has."""
    def opened(path: Path) -> sqlite3.Connection:
        db = real(path)
        db.execute(f"PRAGMA max_page_count={db.execute('PRAGMA page_count').fetchone()[0]}")
        return db
    return opened


def fill(path: Path) -> None:
    """Use up the room left in the inbox's pages (its requests and deliveries) with rows of no
    request, through a connection of our own that may not grow the file either: rows added
    until none fits, then each grown until it cannot be (SQLite moves rows between pages next
    to each other to make room, so every page must be full)."""
    db = sqlite3.connect(str(path), isolation_level=None)
    try:
        db.execute(f"PRAGMA max_page_count={db.execute('PRAGMA page_count').fetchone()[0]}")
        for table, add in (("deliveries", _ADD_DELIVERY), ("requests", _ADD_REQUEST)):
            n = 0
            while _fits(db, add, (f"filler-{n}", "x" * 200, f"filler-{n}")[:add.count("?")]):
                n += 1
            column = "receipt" if table == "deliveries" else "token"
            for (rowid,) in db.execute(f"SELECT rowid FROM {table} WHERE iss='filler'").fetchall():
                for step in (100, 10, 1):
                    while _fits(db, f"UPDATE {table} SET {column} = {column} || ? WHERE rowid=?",
                                ("x" * step, rowid)):
                        pass
    finally:
        db.close()


_ADD_DELIVERY = "INSERT INTO deliveries VALUES ('filler', ?, 'c', 'p', 't', 's', 1, NULL, ?)"
_ADD_REQUEST = ("INSERT INTO requests (iss, jti, registration, token, sha256, case_number, "
                "window_start_us, window_end_us, cameras, status, received_at_us, "
                "expires_at_us, folder, via) VALUES ('filler', ?, 'r', ?, 's', 'c', 0, 0, '[]', "
                "'declined', 0, 0, ?, 'poll')")


def _fits(db: sqlite3.Connection, sql: str, values: tuple) -> bool:
    try:
        db.execute(sql, values)
    except sqlite3.OperationalError as exc:
        assert "full" in str(exc), exc
        return False
    return True


def free(path: Path) -> None:
    db = sqlite3.connect(str(path), isolation_level=None)
    try:
        db.execute("DELETE FROM deliveries WHERE iss='filler'")
        db.execute("DELETE FROM requests WHERE iss='filler'")
    finally:
        db.close()


@pytest.fixture
def world(tmp_path, footage, capsys, monkeypatch):  # noqa: F811
    w = World(tmp_path, footage, capsys)
    monkeypatch.setattr(inbox_module, "open_database", pinned(inbox_module.open_database))
    try:
        yield w
    finally:
        w.close()


def said_plainly(code: int, err: str, inbox: Path) -> None:
    assert code == 1, err
    assert f"{FULL} {inbox} is full: free some space there" in err, err
    assert "database or disk is full" not in err and "OperationalError" not in err, err


def test_full_before_the_approval_is_recorded(world):
    inbox = world.run.home / "inbox.db"
    fill(inbox)
    code, _, err = world.approve()
    said_plainly(code, err, inbox)
    free(inbox)
    assert world.show()["status"] == "new"
    assert world.approve()[0] == 0
    assert world.show()["status"] == "delivered"


def test_full_as_the_receipt_comes(world):
    """The receipt cannot be kept, nor the request marked failed: the run says why, and the
    next approve asks the portal again for the receipt of the upload it already has."""
    inbox = world.run.home / "inbox.db"
    world.proxy.rules.append(Rule("POST", "/submissions", before=lambda body: fill(inbox)))
    code, _, err = world.approve()
    said_plainly(code, err, inbox)
    free(inbox)
    # Read by another process (this approve's has ended): not "before the footage was sent",
    # which the portal holds.
    shown = world.show()
    assert shown["status"] == "failed", shown
    assert shown["reason"] == CUT_OFF_SENDING, shown["reason"]
    assert world.proxy.count("POST", "/files") == 1
    code, _, err = world.approve()
    assert code == 0, err
    assert world.show()["status"] == "delivered"
    assert world.proxy.count("POST", "/files") == 1   # the package was not sent again
    assert world.proxy.count("POST", "/submissions") == 2



def test_full_as_the_decision_is_taken(world):
    """The portal took the signed decision, and the inbox cannot record that: the next approve
    sends the same decision again (the portal takes it again) and delivers."""
    inbox = world.run.home / "inbox.db"
    world.proxy.rules.append(Rule("POST", "/decision", before=lambda body: fill(inbox)))
    code, _, err = world.approve()
    said_plainly(code, err, inbox)
    free(inbox)
    code, _, err = world.approve()
    assert code == 0, err
    assert world.show()["status"] == "delivered"
    assert world.proxy.count("POST", "/files") == 1


def test_the_app_says_why_once_there_is_room_again(world):
    """The app's one Agent ran the approval: the disk filled as the portal took the package,
    so neither its receipt nor the failure could be written, and the request stayed
    `uploading`. Once room is made, opening the request said 'footage-agent stopped before
    the footage was sent (the PC shut down, or the program was ended)': untrue on both counts
    (the portal has the footage; nothing shut down). The process that ran it remembers why."""
    inbox = world.run.home / "inbox.db"
    world.proxy.rules.append(Rule("POST", "/submissions", before=lambda body: fill(inbox)))
    agent = Agent(world.run.home)
    try:
        with pytest.raises(InboxError) as failed:
            agent.requests.approve(world.jti)
        assert f"{FULL} {inbox} is full" in str(failed.value)
        free(inbox)
        shown = agent.requests.show(world.jti)
        assert shown.status == "failed", shown
        assert shown.reason.startswith(f"{FULL} {inbox} is full: free some space there"), \
            shown.reason
        assert "stopped before the footage was sent" not in shown.reason
        logged = world.audit("upload")[-1]   # the log says the same
        assert logged["status"] == "failed" and logged["reason"] == shown.reason, logged
        assert agent.requests.approve(world.jti).status == "delivered"
    finally:
        agent.close()
    assert world.proxy.count("POST", "/files") == 1   # the package was not sent again
