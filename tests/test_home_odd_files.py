"""What else can stand in the place of a file of the app's own folder (home files hunt 10): a
sync or restore program, or anyone who can write the home, may leave a named pipe, a link to
`/dev/zero`, a 2 GB sparse file there. settings.json was read whole at every command's start:
a pipe kept `sources list` (and the app's start) waiting for ever, a link to /dev/zero filled
memory until the system killed it. It is read at most 1 MiB now, and only when it is an
ordinary file; anything else is said, exit 1, and left where it is. So are the owner key
(`keys/owner.key`, read whole by every signing: `keys show` waited on a pipe, and ended in a
MemoryError for a link to /dev/zero or a 2 GB file) and its public half (`keys/owner.pub`,
read by `keys show`, `log verify` and the seal's every check: the same)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.odd_files import zero_device

pytestmark = pytest.mark.skipif(os.name != "posix", reason="links to devices and named pipes "
                                "are made here with POSIX calls")


def _run(home, *args, env=None) -> subprocess.CompletedProcess:
    """A command in a process of its own, its memory capped at 1 GiB, so a reading without
    end is stopped (and said) rather than taking the test's machine with it. (The timeout
    only keeps a hang from stalling the suite; no assert is about time.)"""
    cap = ("import resource, runpy, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, "
           "1 << 30)); sys.argv = ['footage-agent', '--home'] + sys.argv[1:]; "
           "runpy.run_module('agent.cli', run_name='__main__')")
    return subprocess.run([sys.executable, "-c", cap, str(home), *args], capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, env=env)


@pytest.mark.parametrize("what, said", [
    ("a named pipe", "the settings cannot be read: {path} is not an ordinary file (a named "
                     "pipe or a device), so it is not read: check the path"),
    ("a link to /dev/zero", "the settings cannot be read: {path} is not an ordinary file (a "
                            "named pipe or a device), so it is not read: check the path"),
    ("a 2 GB sparse file", "the settings file {path} cannot be used: it is far larger than "
                           "any settings file (over 1 MiB): fix it, or delete it to go back "
                           "to the default settings"),
])
def test_what_stands_for_the_settings_file_is_said_not_read(tmp_path, what, said):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / "settings.json"
    if what == "a named pipe":
        os.mkfifo(path)
    elif what == "a link to /dev/zero":
        path.symlink_to(zero_device(tmp_path))
    else:
        with open(path, "wb") as f:
            f.truncate(2 << 30)
    done = _run(home, "sources", "list")
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == "footage-agent: " + said.format(path=path), done.stderr
    assert "Traceback" not in done.stderr
    if what == "a 2 GB sparse file":
        assert path.stat().st_size == 2 << 30   # left as it was, for the owner to look at
    else:
        assert path.is_symlink() or path.is_fifo()


def _place(path, what: str) -> None:
    """`what` in the place of the file at `path` (removed first, as a sync program replaces);
    a device is made beside the home (`tmp_path / "home"`) whose file `path` is, or beside the
    folder holding it."""
    path.unlink()
    if what == "a named pipe":
        os.mkfifo(path)
    elif what == "a link to /dev/zero":
        home = next((p for p in path.parents if p.name == "home"), path.parent)
        path.symlink_to(zero_device(home.parent))
    else:
        with open(path, "wb") as f:
            f.truncate(2 << 30)


@pytest.fixture
def keyed(tmp_path):
    """A home with an owner key made by `keys show` (no passphrase: stdin is empty)."""
    home = tmp_path / "home"
    done = _run(home, "keys", "show")
    assert done.returncode == 0 and (home / "keys" / "owner.key").is_file(), done.stderr
    return home


@pytest.mark.parametrize("what, said", [
    ("a named pipe", "Could not read the owner key: {path} is not an ordinary file (a named "
                     "pipe or a device), so it is not read: check the path"),
    ("a link to /dev/zero", "Could not read the owner key: {path} is not an ordinary file (a "
                            "named pipe or a device), so it is not read: check the path"),
    ("a 2 GB sparse file", "The owner key file {path} is damaged and cannot be read."),
])
def test_what_stands_for_the_owner_key_is_said_not_read(keyed, what, said):
    path = keyed / "keys" / "owner.key"
    _place(path, what)
    done = _run(keyed, "keys", "show")
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert done.stderr.startswith("footage-agent: " + said.format(path=path)), done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr


@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero", "a 2 GB sparse file"])
def test_what_stands_for_the_public_key_is_written_over_not_read(keyed, what):
    """owner.pub is the app's own copy of the key's public half, written again from the key
    whenever the key is loaded: what stands in its place is not read, and is replaced."""
    path = keyed / "keys" / "owner.pub"
    kept = path.read_text(encoding="ascii")
    _place(path, what)
    checked = _run(keyed, "log", "verify")   # read without the key: nothing to compare with
    assert checked.returncode == 0, (checked.returncode, checked.stderr[-2000:])
    assert checked.stderr.startswith("OK: "), checked.stderr
    done = _run(keyed, "keys", "show")
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert kept.splitlines()[1] in done.stdout
    assert path.is_file() and not path.is_symlink() and path.read_text(encoding="ascii") == kept


@pytest.mark.parametrize("what, problem", [
    ("a named pipe", "the seal cannot be read: {path} is not an ordinary file (a named pipe or "
                     "a device), so it is not read: check the path"),
    ("a link to /dev/zero", "the seal cannot be read: {path} is not an ordinary file (a named "
                            "pipe or a device), so it is not read: check the path"),
    ("a 2 GB sparse file", "the seal audit.seal is not a seal (damaged or replaced)"),
])
def test_what_stands_for_the_logs_seal_is_named_as_a_problem_not_read(keyed, what, problem):
    """audit.seal was read whole by `log verify` and before every record: a pipe kept both
    waiting, a link to /dev/zero or a 2 GB file ended them in a MemoryError. A seal replaced
    so is what an unreadable seal always was: `log verify` names it (exit 3), and the next
    record is written after a gap record, the seal made again."""
    path = keyed / "audit.seal"
    _place(path, what)
    checked = _run(keyed, "log", "verify")
    assert checked.returncode == 3, (checked.returncode, checked.stderr[-2000:])
    assert "problem: " + problem.format(path=path) in checked.stdout + checked.stderr
    assert "MemoryError" not in checked.stderr and "Traceback" not in checked.stderr
    (keyed.parent / "yard").mkdir()
    added = _run(keyed, "sources", "add", str(keyed.parent / "yard"), "--camera", "yard")
    assert added.returncode == 0, (added.returncode, added.stderr[-2000:])
    assert "the activity log did not match its seal" in added.stderr
    assert path.is_file() and not path.is_symlink() and path.stat().st_size < 1000


@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero", "a 2 GB sparse file"])
def test_what_stands_for_the_public_key_of_a_locked_key_leaves_the_agencies_unchecked(
        tmp_path, what):
    """With a passphrase-protected owner key and no passphrase at hand, the accepted agencies
    are checked by `keys/owner.pub`, which trust_pins read whole: a pipe there kept
    `agencies list` waiting for ever, a link to /dev/zero or a 2 GB file ended it in a
    MemoryError. Now it is what an unreadable public half always was: the agencies cannot be
    checked, so none is trusted (said, exit 0); with the passphrase, all is as before and
    owner.pub is written again from the key."""
    import json
    from tests.test_agencies import agency_doc
    home = tmp_path / "home"
    unlocked = {**os.environ, "FOOTAGE_AGENT_PASSPHRASE": "words only the owner knows"}
    locked = {k: v for k, v in os.environ.items() if k != "FOOTAGE_AGENT_PASSPHRASE"}
    (tmp_path / "agency.json").write_text(json.dumps(agency_doc()))
    added = _run(home, "agencies", "add", str(tmp_path / "agency.json"), env=unlocked)
    assert added.returncode == 0, (added.returncode, added.stderr[-2000:])
    path = home / "keys" / "owner.pub"
    kept = path.read_text(encoding="ascii")
    _place(path, what)
    done = _run(home, "agencies", "list", env=locked)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "the record of the agencies you accepted cannot be checked: your owner key is " \
           "locked and its public part is missing, so it is not trusted" in done.stdout
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr
    done = _run(home, "agencies", "list", env=unlocked)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert done.stdout.startswith("https://police.example.gov\tExample Police Department")
    assert path.is_file() and not path.is_symlink() and path.read_text(encoding="ascii") == kept


@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero"])
def test_what_stands_for_the_activity_log_is_said_not_read_nor_written(keyed, what):
    """audit.log was opened as it came: a named pipe in its place kept `log` and `log verify`
    waiting for ever, a link to /dev/zero ended them in a MemoryError, and a record appended
    there went to /dev/zero, lost unsaid. The log is opened only as an ordinary file: anything
    else is said (exit 1), a change still made says its record could not be written, and what
    stands there is left for the owner to look at."""
    path = keyed / "audit.log"
    _place(path, what)
    said = f"cannot read the audit log: {path} is not an ordinary file (a named pipe or a " \
           "device), so it is not read: check the path"
    for command in (["log"], ["log", "verify"]):
        done = _run(keyed, *command)
        assert done.returncode == 1, (command, done.returncode, done.stderr[-2000:])
        assert done.stderr.strip() == "footage-agent: " + said, done.stderr
    (keyed.parent / "yard").mkdir()
    added = _run(keyed, "sources", "add", str(keyed.parent / "yard"), "--camera", "yard")
    assert added.returncode == 1, (added.returncode, added.stderr[-2000:])
    assert "the change was made, but the activity log could not record it: cannot open the " \
           f"audit log: {path} is not an ordinary file" in added.stderr
    assert "MemoryError" not in added.stderr and "Traceback" not in added.stderr
    assert path.is_symlink() or path.is_fifo()



def test_a_pipe_for_the_activity_log_keeps_no_camera_nor_request_waiting(keyed):
    """The log's other two readers opened it as it came, so a named pipe in its place still
    waited for ever: `masks show porch` (and every export of a camera without masks, which
    asks the log whether masks were lost: export/masks_logged.py) never ended, nor did a
    request's page or `inbox show` (requests/hold_history.py, why its safe copy is missing).
    Each opens only an ordinary file now: the masks are told from the log no further, as when
    it cannot be read, and the request's reading says the log cannot be read."""
    from agent.audit.log import AuditError
    from agent.requests.hold_history import HoldHistory

    (keyed.parent / "porch").mkdir()
    added = _run(keyed, "sources", "add", str(keyed.parent / "porch"), "--camera", "porch")
    assert added.returncode == 0, added.stderr[-2000:]
    path = keyed / "audit.log"
    _place(path, "a named pipe")
    done = _run(keyed, "masks", "show", "porch")   # waited for a writer (the timeout above)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "camera porch has no privacy masks" in done.stdout + done.stderr
    with pytest.raises(AuditError, match="is not an ordinary file"):
        HoldHistory(path).made("req-1", "https://police.example.gov")
    assert path.is_fifo()

UPLOAD = """
import resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from agent.delivery.upload import upload_file
path, endpoint, state = sys.argv[1:4]
r = upload_file(Path(path), endpoint, state_dir=Path(state), chunk_size=65536)
print(r.url, r.resumed_from)
"""


@pytest.fixture
def real_tus(tmp_path):
    from tests.test_upload import RealTus
    server = RealTus(tmp_path / "server")
    server.start()
    yield server
    server.kill()


@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero", "a 2 GB sparse file"])
def test_what_stands_for_an_uploads_saved_progress_is_not_read_and_the_upload_starts_afresh(
        real_tus, tmp_path, what):
    """An upload's saved progress (`uploads/<key>.json`, delivery/state.py) was read whole
    before an approved package was sent: a named pipe there kept the approval waiting for
    ever, a link to /dev/zero or a 2 GB file ended it in a MemoryError. It is read only when
    it is an ordinary file of at most 64 KiB; anything else is what an unreadable state always
    was: the upload starts afresh, and the file is replaced and then removed."""
    import hashlib
    from agent.delivery.state import state_path
    src = tmp_path / "package.tar"
    src.write_bytes(os.urandom(300_000))
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    path = state_path(uploads, real_tus.endpoint, hashlib.sha256(src.read_bytes()).hexdigest(),
                      src.stat().st_size)
    path.write_text("{}")
    _place(path, what)
    done = subprocess.run([sys.executable, "-c", UPLOAD, str(src), real_tus.endpoint,
                           str(uploads)], capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    url, resumed = done.stdout.split()
    assert resumed == "0" and real_tus.stored(url) == src.read_bytes()
    assert "ignoring unreadable upload state" in done.stderr
    assert list(uploads.iterdir()) == []   # replaced by the real progress, then removed


@pytest.mark.parametrize("name, what, command", [
    ("index.db", "the index", ["sources", "list"]),
    ("inbox.db", "the inbox", ["inbox"])])
def test_a_pipe_for_a_database_is_said_as_no_file_not_as_a_failing_drive(tmp_path, name, what,
                                                                         command):
    """SQLite opened a named pipe in index.db's (or inbox.db's) place and met a disk I/O
    error, which the owner was told as "the disk holding the index ... could not be read or
    written: check the drive; the drive may be failing": advice to replace a sound drive. The
    database is opened only as an ordinary file now (databases.private_database), and the pipe
    said for what it is, left where it is."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    path = home / name
    os.mkfifo(path)
    done = _run(home, *command)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == (f"footage-agent: {what} cannot be opened: {path} is not an "
                                   "ordinary file (a named pipe or a device), so it is not "
                                   "read: check the path"), done.stderr
    assert "drive" not in done.stderr and path.is_fifo()



@pytest.mark.parametrize("side, what, command", [
    ("inbox.db-journal", "the inbox", ["inbox"]),
    ("inbox.db-wal", "the inbox", ["inbox"]),
    ("index.db-wal", "the index", ["sources", "list"]),
    ("index.db-shm", "the index", ["sources", "list"])])
def test_a_pipe_beside_a_database_is_said_not_waited_on(tmp_path, side, what, command):
    """A named pipe where SQLite keeps a database's journal, write-ahead log or shared memory:
    with `inbox.db-journal` one, `inbox` waited in SQLite's opening of it for ever, deaf to
    SIGTERM (timeout's signal; it had to be killed); the others were said as a failing drive.
    The side files are looked at before SQLite opens the database (databases.private_database),
    and one that is no ordinary file is named; nothing there is changed."""
    home = tmp_path / "home"
    made = _run(home, *command)   # the database made as the command makes it
    assert made.returncode == 0, made.stderr[-2000:]
    path = home / side
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    done = _run(home, *command)
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert done.stderr.strip() == (f"footage-agent: {what} cannot be opened: {path} is not an "
                                   "ordinary file (a named pipe or a device), so it is not "
                                   "read: check the path"), done.stderr
    assert path.is_fifo()
