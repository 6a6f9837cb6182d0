"""What else can stand in the trust store's folder (trust hunt 9). Every reading of the trust
store (each listing, each request checked, each poll) read each `*.json` there whole before
cutting it to 256 KiB: a link to `/dev/zero` put there (by anyone who can write the home, or
a sync program) filled memory until the system killed `agencies list` (exit 137), a named
pipe kept it waiting for ever, and a large file was read whole on every reading. Each is read
at most 256 KiB now, and only when it is an ordinary file; the rest is listed as damaged,
saying why, and the agency trusted beside it stays trusted."""
from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import pytest

from agent.requests.agencies import TrustStore
from tests.odd_files import zero_device
from tests.test_agencies import agency_doc, own_keys, write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links to devices and named pipes "
                                "are made here with POSIX calls")


def _run(home, *args) -> subprocess.CompletedProcess:
    """A command in a process of its own, its memory capped at 1 GiB, so a reading without
    end is stopped (and said) rather than taking the test's machine with it."""
    cap = ("import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, "
           "1 << 30)); sys.argv = ['footage-agent', '--home'] + sys.argv[1:]; "
           "runpy.run_module('agent.cli', run_name='__main__')")
    return subprocess.run([sys.executable, "-c", cap, str(home), *args], capture_output=True,
                          text=True, timeout=120)


def _list(home) -> subprocess.CompletedProcess:
    return _run(home, "agencies", "list")


@pytest.fixture
def trusted(tmp_path):
    home = tmp_path / "home"
    TrustStore(home).add(write(tmp_path, agency_doc()))
    return home


def test_a_link_to_a_device_without_end_is_listed_as_damaged_not_read(trusted):
    (trusted / "agencies" / "zero.json").symlink_to(zero_device(trusted.parent))
    done = _list(trusted)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "https://police.example.gov\tExample Police Department" in done.stdout, done.stdout
    line = next(x for x in done.stdout.splitlines() if "zero.json" in x)
    assert line.startswith("DAMAGED\tzero.json\tcannot be read: ") and \
        "is not an ordinary file" in line, line


def test_a_named_pipe_is_listed_as_damaged_without_waiting(trusted):
    os.mkfifo(trusted / "agencies" / "pipe.json")
    done = _list(trusted)   # waited for a writer for ever (the timeout above)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "Example Police Department" in done.stdout
    assert any(x.startswith("DAMAGED\tpipe.json\tcannot be read: ") and "is not an ordinary "
               "file" in x for x in done.stdout.splitlines()), done.stdout


def _peak(call) -> int:
    """The most memory Python held while `call` ran."""
    tracemalloc.start()
    try:
        call()
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak


def test_a_large_file_is_read_no_further_than_an_agency_file_can_be(trusted):
    store = TrustStore(trusted)
    reading = lambda: (store.damaged(), store.list())  # noqa: E731
    alone = _peak(reading)   # what a reading of the trust store takes besides
    big = trusted / "agencies" / "big.json"
    with open(big, "wb") as f:
        f.truncate(64 << 20)   # 64 MiB of zeros, made sparse
    with_it = _peak(reading)
    ((name, why),) = store.damaged()
    assert name == "big.json" and "larger than 256 KiB" in why, why
    assert [a.name for a in store.list()] == ["Example Police Department"]
    assert with_it - alone < 4 << 20, (alone, with_it)   # read whole, it held all 64 MiB


def test_a_pipe_for_the_record_of_accepted_agencies_trusts_nothing_and_waits_for_nothing(
        trusted):
    """agencies.pins, beside the folder, was opened as a file: a named pipe in its place kept
    every reading of the trust store waiting."""
    pins = trusted / "agencies.pins"
    pins.unlink()
    os.mkfifo(pins)
    done = _run(trusted, "agencies", "list")
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.startswith("DAMAGED\t") and "the record of the agencies you accepted " \
        "cannot be read (" in done.stdout and "is not an ordinary file" in done.stdout, done.stdout


@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero"])
def test_what_stands_for_the_registrations_file_is_said_not_read(trusted, what):
    """registrations.json was read whole: a link to /dev/zero filled memory, a pipe waited."""
    regs = trusted / "registrations.json"
    if what == "a named pipe":
        os.mkfifo(regs)
    else:
        regs.symlink_to(zero_device(trusted.parent))
    done = _run(trusted, "agencies", "registrations")
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "footage-agent: cannot read the registrations file: " in done.stderr, done.stderr
    assert "is not an ordinary file (a named pipe or a device)" in done.stderr, done.stderr


def test_a_file_in_the_agencies_folders_place_is_said_to_be_no_folder(tmp_path, trusted,
                                                                      capsys):
    """A sync or restore program left a file where the folder was: adding an agency said
    'agencies already exists: choose another name or folder (nothing was overwritten)',
    advice the owner cannot follow for a folder of the app's own."""
    from agent.cli import main

    folder = trusted / "agencies"
    for kept in folder.iterdir():
        kept.unlink()
    folder.rmdir()
    folder.write_text("x")
    sheriff = write(tmp_path, agency_doc(id="https://sheriff.example.gov", name="Sheriff",
                                         keys=own_keys()), "sheriff.json")
    code = main(["--home", str(trusted), "agencies", "add", str(sheriff)])
    err = capsys.readouterr().err
    assert code == 1, err
    assert err.strip() == (f"footage-agent: cannot create the agencies folder: {folder} is not a "
                           "folder (part of the path is a file): check the path"), err
    assert folder.read_text() == "x"


@pytest.mark.parametrize("command", [["agencies", "add"], ["import-request"]])
def test_a_named_pipe_given_as_the_file_to_read_is_refused_without_waiting(tmp_path, command):
    """`agencies add PIPE` (and `import-request PIPE`) opened the path to see that it could
    be read, which for a named pipe with no writer waits for ever: the command never ended.
    It is said to be no ordinary file now, as the home's own files are (storage.open_ordinary),
    and nothing is added."""
    home = tmp_path / "home"
    pipe = tmp_path / "agency.json"
    os.mkfifo(pipe)
    done = _run(home, *command, str(pipe))
    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert f"{pipe} is not an ordinary file (a named pipe or a device), so it is not read: " \
        "check the path" in done.stderr, done.stderr
    assert not (home / "agencies").exists()


def test_the_app_asks_what_a_named_pipe_is_without_waiting(tmp_path):
    """The app's Agencies step asks file_kind of the file the owner picked, then reads it as
    an agency file; both opened it as a file, so a named pipe held the app's worker for ever."""
    from agent.file_kinds import file_kind
    from agent.requests.agencies import TrustStoreError

    pipe = tmp_path / "agency.json"
    os.mkfifo(pipe)
    assert file_kind(str(pipe)) is None
    with pytest.raises(TrustStoreError, match="is not an ordinary file"):
        TrustStore(tmp_path / "home").change(pipe)


@pytest.mark.parametrize("what", ["a file", "a named pipe"])
def test_agencies_list_says_the_folder_cannot_be_read_rather_than_none_are_trusted(trusted,
                                                                                  what):
    """A sync program or a restore left a file where agencies/ was: `agencies list` said "no
    agencies yet: import one", as if the owner had never trusted any, and exit 0. It says the
    folder cannot be read, with its path, and fails (exit 1); the file is left as it is."""
    folder = trusted / "agencies"
    for kept in folder.iterdir():
        kept.unlink()
    folder.rmdir()
    if what == "a file":
        folder.write_text("x")
    else:
        os.mkfifo(folder)
    done = _list(trusted)
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr[-2000:])
    assert "no agencies yet" not in done.stderr + done.stdout
    assert done.stderr.strip() == (f"footage-agent: cannot read the agencies folder: {folder} "
                                   "is not a folder (part of the path is a file): check the "
                                   "path"), done.stderr
    assert what == "a named pipe" or folder.read_text() == "x"
