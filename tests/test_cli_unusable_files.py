"""What the walk of a recordings folder does not index (walk.py, links.py: a link out of the
folder, a loop of links): `scan` says each as it meets it, but afterwards nothing named them
but a full `recordings` listing, and `run`, the service an owner leaves going, never said a
word of them. `recordings --unusable` lists each and why; `run` says how many there are and
that command as it starts. The folder, its links, the scan and the service are real."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from agent.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix",
                                reason="links made without Windows' developer mode")


@pytest.fixture
def linked(tmp_path):
    """A home whose one recordings folder holds a link out of it and a link to itself."""
    card, elsewhere, home = tmp_path / "card", tmp_path / "elsewhere", tmp_path / "home"
    card.mkdir()
    elsewhere.mkdir()
    (elsewhere / "private.mp4").write_bytes(b"not for the index")
    (card / "out.mp4").symlink_to(elsewhere / "private.mp4")
    (card / "loop.mp4").symlink_to(card / "loop.mp4")
    assert main(["--home", str(home), "sources", "add", str(card), "--camera", "porch",
                 "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    return home, card


def test_recordings_unusable_lists_each_file_not_indexed_and_why(linked, capsys):
    home, card = linked
    capsys.readouterr()
    assert main(["--home", str(home), "recordings", "--unusable", "--json"]) == 0
    rows = {r["path"]: r["reason"] for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {str(card / "out.mp4"), str(card / "loop.mp4")}
    assert "links out of a recordings folder are never followed" in rows[str(card / "out.mp4")]
    assert "leads to no file" in rows[str(card / "loop.mp4")]


def test_the_service_says_at_start_how_many_files_cannot_be_used_and_where_to_look(linked):
    home, _card = linked
    service = subprocess.Popen([sys.executable, "-m", "agent.cli", "--home", str(home), "run"],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        started = service.stderr.readline()
    finally:   # stopped at once: the note, said before the service's loop, is said all the same
        service.send_signal(signal.SIGINT)
        rest = service.stderr.read()   # not communicate(): it skips what readline buffered
        service.wait(timeout=60)
    assert started.startswith("footage-agent running on"), started
    assert rest.splitlines()[0] == ("note: 2 files in the recordings folders cannot be used: "
                                    "`footage-agent recordings --unusable` lists each and "
                                    "why"), rest
