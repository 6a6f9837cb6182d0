"""Files the agent reads that an owner, a sync tool or an attacker can put something else in the
place of (home files hunt 13): a named pipe where a file is read made the command wait for a
writer for ever. A camera's masks (`masks set CAMERA FILE`, and the masks it keeps), a safe
copy's `hold.json`, `log verify --witness FILE` and `agencies register --cameras FILE` are read
now only from an ordinary file and no further than a limit (storage.read_file_start); anything
else is said, with its exit code, and nothing already kept changes. The named pipes are made in
the test's own folder; nothing here links to a device of the system."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from agent.requests.holds import HoldError, read_hold

pytestmark = pytest.mark.skipif(os.name != "posix", reason="named pipes are made here with "
                                "os.mkfifo, which Windows has not")

NOT_A_FILE = "{path} is not an ordinary file (a named pipe or a device), so it is not read: " \
             "check the path"
WINDOW = {"polygons": [{"name": "window", "points": [[0.1, 0.1], [0.3, 0.1], [0.3, 0.5]]}]}


def _run(home, *args) -> subprocess.CompletedProcess:
    """A command in a process of its own. (The timeout only keeps a pipe's wait, the defect,
    from stalling the suite; no assert is about time.)"""
    return subprocess.run([sys.executable, "-m", "agent.cli", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def porch(tmp_path):
    """A home with the camera 'porch' added (not scanned: masks need no recordings)."""
    home = tmp_path / "home"
    (tmp_path / "porch").mkdir()
    done = _run(home, "sources", "add", str(tmp_path / "porch"), "--camera", "porch")
    assert done.returncode == 0, done.stderr
    return home


def test_a_named_pipe_given_to_masks_set_is_said_and_the_kept_masks_stay(tmp_path, porch):
    good = tmp_path / "window.json"
    good.write_text(json.dumps(WINDOW))
    assert _run(porch, "masks", "set", "porch", str(good)).returncode == 0
    kept = porch / "masks" / "porch.json"
    before = kept.read_bytes()
    pipe = tmp_path / "masks.json"
    os.mkfifo(pipe)
    done = _run(porch, "masks", "set", "porch", str(pipe))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == (f"footage-agent: {pipe}: cannot read the masks file: "
                                   + NOT_A_FILE.format(path=pipe)), done.stderr
    assert kept.read_bytes() == before   # the masks kept before are kept as they were


def test_a_named_pipe_in_the_place_of_the_kept_masks_is_said_as_damaged(tmp_path, porch):
    good = tmp_path / "window.json"
    good.write_text(json.dumps(WINDOW))
    assert _run(porch, "masks", "set", "porch", str(good)).returncode == 0
    kept = porch / "masks" / "porch.json"
    kept.unlink()   # as a sync program replaces a file
    os.mkfifo(kept)
    done = _run(porch, "masks", "show", "porch")
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "damaged" in done.stderr and NOT_A_FILE.format(path=kept) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert kept.is_fifo()   # left where it is, for the owner to look at


def _read_hold_elsewhere(home, folder) -> subprocess.CompletedProcess:
    """read_hold in a process of its own, so a pipe's wait cannot stall the suite."""
    code = ("import sys; from pathlib import Path; from agent.requests.holds import HoldError, "
            "read_hold\ntry:\n    read_hold(Path(sys.argv[1]), sys.argv[2])\nexcept HoldError "
            "as exc:\n    print(exc)\n")
    return subprocess.run([sys.executable, "-c", code, str(home), folder], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_a_named_pipe_for_a_safe_copys_record_is_said_and_its_copies_kept(tmp_path):
    hold = tmp_path / "home" / "holds" / "req-1"
    hold.mkdir(parents=True)
    (hold / "porch.mp4").write_bytes(b"the only copy left")
    os.mkfifo(hold / "hold.json")
    done = _read_hold_elsewhere(tmp_path / "home", "req-1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == ("the hold record cannot be read: "
                                   + NOT_A_FILE.format(path=hold / "hold.json"))
    assert (hold / "porch.mp4").read_bytes() == b"the only copy left"
    assert (hold / "hold.json").is_fifo()


def test_a_huge_file_for_a_safe_copys_record_is_said_as_damaged_not_read_whole(tmp_path):
    hold = tmp_path / "home" / "holds" / "req-1"
    hold.mkdir(parents=True)
    with open(hold / "hold.json", "wb") as f:
        f.truncate(2 << 30)   # sparse: no disk used
    with pytest.raises(HoldError) as caught:
        read_hold(tmp_path / "home", "req-1")
    assert ("is damaged (it is larger than any record of a safe copy (over 16 MiB)); the "
            "copies of your recordings in that folder are kept as they are") in str(caught.value)
    assert (hold / "hold.json").stat().st_size == 2 << 30


def test_a_named_pipe_given_as_a_witness_is_a_usage_error(tmp_path):
    home = tmp_path / "home"
    assert _run(home, "keys", "show").returncode == 0   # a key, and a log to verify
    pipe = tmp_path / "decision.txt"
    os.mkfifo(pipe)
    done = _run(home, "log", "verify", "--witness", str(pipe))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == ("footage-agent: --witness: "
                                   + NOT_A_FILE.format(path=pipe)), done.stderr
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(2 << 30)
    done = _run(home, "log", "verify", "--witness", str(huge))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == (f"footage-agent: --witness {huge}: larger than any "
                                   "decision file (64 KiB at most): check the path")


def test_a_named_pipe_given_as_the_cameras_file_is_a_usage_error(tmp_path):
    home = tmp_path / "home"
    pipe = tmp_path / "cameras.json"
    os.mkfifo(pipe)
    args = ("agencies", "register", "acme", "--invite", "CODE", "--name", "Ann")
    done = _run(home, *args, "--cameras", str(pipe))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == ("footage-agent: --cameras: "
                                   + NOT_A_FILE.format(path=pipe)), done.stderr
    huge = tmp_path / "huge.json"
    with open(huge, "wb") as f:
        f.truncate(2 << 30)
    done = _run(home, *args, "--cameras", str(huge))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == (f"footage-agent: --cameras {huge}: larger than any cameras "
                                   "file (1 MiB at most): is it the file you meant?")
