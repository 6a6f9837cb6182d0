"""Months of running on a small disk: what a write killed part way leaves in the home is
removed once nothing can still be writing it, by the tidy `run` and the app do as they start
(agent/home_tidy.py), and nothing else is touched. The leftovers are made by really killing a
process at the moment its write is on the disk but not yet renamed into place (SIGKILL from
inside its fsync: where a power cut or an ended process leaves one)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from agent.home_tidy import tidy_home
from agent.requests.delivered_tars import let_go_of_tar
from agent.requests.records import Delivery
from agent.service import Agent
from agent.storage import STALE_AFTER_S
from tests.test_watch import wait_for

ROOT = Path(__file__).resolve().parent.parent
DAY_AND_AN_HOUR = STALE_AFTER_S + 3600


def killed_in_fsync(code: str) -> None:
    """Run `code` in a child that is killed (SIGKILL) at its first fsync."""
    prelude = textwrap.dedent("""
        import os, signal
        os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)
    """)
    done = subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == -9, done.stderr


def aged(*paths: Path) -> None:
    """Untouched for a day and an hour, as a leftover of a run killed yesterday is."""
    when = time.time() - DAY_AND_AN_HOUR
    for path in paths:
        os.utime(path, (when, when), follow_symlinks=False)


def hidden(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX's")
def test_leftovers_of_killed_writes_go_once_a_day_old_and_nothing_else(tmp_path):
    home = tmp_path / "home"
    Agent(home).close()
    settings = home / "settings.json"
    settings.write_bytes(b'{"keep": true}\n')
    killed_in_fsync(f"""
        from pathlib import Path
        from agent.storage import write_atomic
        write_atomic(Path({str(settings)!r}), b'{{"keep": false}}')
    """)
    (tmp_state,) = hidden(home)
    assert tmp_state.name.startswith(".settings.json.") and tmp_state.name.endswith(".tmp")
    assert settings.read_bytes() == b'{"keep": true}\n'   # the old state, whole

    package = home / "packages" / "req-1" / "CASE_porch_copy"
    (package / "data").mkdir(parents=True)
    (package / "bagit.txt").write_text("BagIt-Version: 1.0\n")
    (package / "data" / "clip.mp4").write_bytes(b"\0" * 4096)
    outbox = home / "outbox" / "req-1"
    outbox.mkdir(parents=True)
    killed_in_fsync(f"""
        from pathlib import Path
        from agent.export.bagtar import tar_package
        tar_package(Path({str(package)!r}), Path({str(outbox / "CASE_porch_copy.tar")!r}))
    """)
    (tmp_tar,) = hidden(outbox)
    assert ".partial-" in tmp_tar.name

    # Kept: sealed packages, safe copies and what a camera or recorder named (never ours),
    # and a preview slot whose download finished.
    sealed = package / ".notes.tmp"
    sealed.write_text("the owner's")
    held = home / "holds" / "req-1" / "porch" / ".ring.tmp"
    held.parent.mkdir(parents=True)
    held.write_text("a recording")
    done_slot = home / "cache" / "recorders" / "previews" / "gate" / "7"
    done_slot.mkdir(parents=True)
    (done_slot / "piece.json").write_text("[]")
    cut_slot = done_slot.parent / "8"   # a preview download killed before its record
    cut_slot.mkdir()
    (cut_slot / "piece.mp4").write_bytes(b"\0")

    young = tidy_home(home, [])   # as young as a write still going on in another process
    assert (young.leftovers, young.tars) == (0, 0)
    assert tmp_state.exists() and tmp_tar.exists() and cut_slot.exists()

    aged(tmp_state, tmp_tar, sealed, held, done_slot, cut_slot)
    assert tidy_home(home, []).leftovers == 3
    assert not tmp_state.exists() and not tmp_tar.exists() and not cut_slot.exists()
    assert sealed.exists() and held.exists() and done_slot.exists()
    assert settings.read_bytes() == b'{"keep": true}\n'


def test_only_a_receipted_packages_tar_in_the_outbox_is_let_go_of(tmp_path):
    outbox = tmp_path / "outbox" / "req-1"
    outbox.mkdir(parents=True)
    sent, unsent = outbox / "a.tar", outbox / "b.tar"
    sent.write_bytes(b"a")
    unsent.write_bytes(b"b")
    elsewhere = tmp_path / "notes.tar"   # an inbox row edited by hand may name any file
    elsewhere.write_bytes(b"the owner's")
    home = tmp_path
    assert not let_go_of_tar(home, Delivery("b", "pkg-b", str(unsent), "00", 1, "https://x/u"))
    assert not let_go_of_tar(home, Delivery("c", "pkg-c", str(elsewhere), "00", 1, "u", "r"))
    assert let_go_of_tar(home, Delivery("a", "pkg-a", str(sent), "00", 1, "https://x/u", "r"))
    assert not sent.exists() and unsent.exists()   # the outbox folder stays while b is there
    assert let_go_of_tar(home, Delivery("b", "pkg-b", str(unsent), "00", 1, "https://x/u", "r"))
    assert not outbox.exists() and elsewhere.exists()


def test_run_tidies_the_home_as_it_starts(tmp_path):
    home = tmp_path / "home"
    agent = Agent(home)
    left = home / "agencies" / ".police.json.k2j4h5g6.tmp"
    left.parent.mkdir()
    left.write_bytes(b"{")
    aged(left)
    stop = threading.Event()
    thread = threading.Thread(target=agent.run, args=(stop,))
    try:
        thread.start()
        wait_for(lambda: not left.exists())
    finally:
        stop.set()
        thread.join(30)
        agent.close()
