"""Two requests' safe copies made at once: each checked the room on the disk for its own copies
alone, and together they filled it. The room check and the copies of one hold at a time in a
home (hold_room.room_turn): the second checks the room the first's copies left.

The disk is the only part not real here: its free space is what a budget leaves after the
bytes under `holds/` (a real disk's is shared with the machine's other work). The threads,
locks, index and footage are real; the order is forced by events, never by time."""
from __future__ import annotations

import threading
from collections import namedtuple
from pathlib import Path

import pytest

from agent import file_locks
from agent.file_locks import Busy
from agent.requests import hold_copies, hold_room, holds
from agent.requests.hold_top_up import hold_window
from agent.timebase import US
from tests.test_desk import T0
from tests.test_holds import footage, indexed   # noqa: F401 (fixtures)

Usage = namedtuple("Usage", "total used free")
WINDOW = (T0 * US, (T0 + 9) * US)


def _bytes_under(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) \
        if folder.exists() else 0


def test_a_second_requests_hold_checks_the_room_the_first_ones_copies_left(indexed,
                                                                            monkeypatch):
    home, store = indexed.home, indexed.store
    need = sum(r.size for r in hold_copies.covering_files(store, *WINDOW, ("porch",)))
    assert need > 0
    # room for one hold's copies and half another's, past what a hold leaves free
    budget = hold_room.SPARE_BYTES + need + need // 2
    real_usage = hold_room.shutil.disk_usage

    def usage(path):
        if Path(path) != Path(home):
            return real_usage(path)
        return Usage(budget * 2, 0, budget - _bytes_under(home / "holds"))

    monkeypatch.setattr(hold_room.shutil, "disk_usage", usage)

    a_copying, go, b_held_up = threading.Event(), threading.Event(), threading.Event()
    real_copy = holds.copy_recordings

    def copy(rows, staging, cancel=None, taken=None, gone=None, **kwargs):
        if threading.current_thread().name == "hold-a":   # A has passed its room check
            a_copying.set()
            assert go.wait(120)
        return real_copy(rows, staging, cancel, taken, gone, **kwargs)

    monkeypatch.setattr(holds, "copy_recordings", copy)
    real_lock = file_locks.lock_file

    def lock(fd, wait, *args, **kwargs):
        try:
            return real_lock(fd, wait, *args, **kwargs)
        except Busy:
            if threading.current_thread().name == "hold-b":
                b_held_up.set()   # B waits its turn
            raise

    monkeypatch.setattr(file_locks, "lock_file", lock)
    outcome: dict[str, object] = {}

    def hold(name: str) -> None:
        try:
            outcome[name] = hold_window(home, store, f"req-{name}", *WINDOW, ("porch",),
                                        f"req-{name}")
        except holds.HoldError as exc:
            outcome[name] = exc
        finally:
            if name == "b":
                b_held_up.set()   # or B is done

    a = threading.Thread(target=hold, args=("a",), name="hold-a")
    b = threading.Thread(target=hold, args=("b",), name="hold-b")
    a.start()
    assert a_copying.wait(120)
    b.start()
    assert b_held_up.wait(120)   # B finished, or waits for A
    go.set()
    a.join(120)
    b.join(120)
    assert isinstance(outcome["a"], holds.Hold) and outcome["a"].size == need
    assert isinstance(outcome["b"], holds.HoldError), "both holds copied: the disk was filled"
    assert "nothing was copied. Free some space there" in str(outcome["b"])
    assert not (home / "holds" / "req-b").exists()
    # nothing of B's left beside A's hold (its copies, manifest and record)
    assert _bytes_under(home / "holds") == _bytes_under(home / "holds" / "req-a")


def test_a_hold_waiting_for_another_requests_copies_is_stopped_by_the_owner(indexed):
    """Waiting its turn, a hold hears the owner's stop: nothing made, the turn left free."""
    home = indexed.home
    (home / "locks").mkdir(exist_ok=True)
    cancel = threading.Event()
    with hold_room.room_turn(home):   # another request's hold copying
        cancel.set()
        with pytest.raises(holds.HoldCancelled, match="nothing was kept"):
            hold_window(home, indexed.store, "req-c", *WINDOW, ("porch",), "req-c",
                        cancel=cancel)
    assert not (home / "holds" / "req-c").exists()
    made = hold_window(home, indexed.store, "req-c", *WINDOW, ("porch",), "req-c")
    assert made.files


def test_holding_again_with_nothing_to_add_waits_for_no_other_requests_copies(indexed):
    """Holds hunt: `inbox hold` of a request whose safe copy holds every recording of its window
    waited for another request's hold to finish copying (minutes, on a big window) before
    finding it had nothing to add: the owner's stop while it waited said "the hold was
    cancelled; nothing was kept". What is missing is asked first: nothing, no turn waited for.
    The owner's stop set before is how the test sees a wait: a wait ends on it at once."""
    home, store = indexed.home, indexed.store
    made = hold_window(home, store, "req-d", *WINDOW, ("porch",), "req-d")
    assert made.files
    cancel = threading.Event()
    cancel.set()
    with hold_room.room_turn(home):   # another request's hold copying
        again = hold_window(home, store, "req-d", *WINDOW, ("porch",), "req-d", cancel=cancel)
        assert again.kept and not again.added and again.files == made.files
        # a hold with something to copy still waits its turn: here, the stop ends the wait
        with pytest.raises(holds.HoldCancelled, match="nothing was kept"):
            hold_window(home, store, "req-e", *WINDOW, ("porch",), "req-e", cancel=cancel)
