"""The Windows branches of the agent's home folder, secrets, locks and time zones, exercised here
through their pure parts: the owner-only ACL as the icacls command lines that would run, the SID
read from whoami, the msvcrt lock with its retries, descriptors opened binary, zones with no
system database, the PC's zone from the registry's name, and the stop signals (Ctrl-Break)."""
from __future__ import annotations

import errno
import ntpath
import stat
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from agent.commands.interrupt import Interrupted, stop_signal_names
from agent.permissions import (
    BROAD_SIDS,
    WHOAMI,
    PermissionsError,
    apply_windows_acl,
    owner_only_acl_commands,
    owner_only_folder,
    parse_whoami_sid,
)
from agent.recorders.fetch import _unique
from agent.file_locks import Busy, lock_file, unlock_file
from agent.storage import safe_name

SID = "S-1-5-21-1004336348-1177238915-682003330-1001"


def test_the_owner_only_acl_is_three_icacls_commands_built_as_data():
    home = Path("C:/Users/Ann/AppData/Local/footage-agent")
    grant, protect, remove = owner_only_acl_commands(home, SID)
    icacls = grant[0]
    assert ntpath.basename(icacls) == "icacls.exe"
    assert grant == [icacls, str(home), "/grant:r", f"*{SID}:(OI)(CI)F",
                     "*S-1-5-18:(OI)(CI)F", "/q"]   # the owner and SYSTEM, inherited inside
    assert protect == [icacls, str(home), "/inheritance:r", "/q"]
    assert remove == [icacls, str(home), "/remove:g", "*S-1-1-0", "*S-1-5-11",
                      "*S-1-5-32-545", "/q"]        # Everyone, Authenticated Users, Users
    assert set(BROAD_SIDS) == {"S-1-1-0", "S-1-5-11", "S-1-5-32-545"}
    with pytest.raises(ValueError):
        owner_only_acl_commands(home, "Everyone")    # never a name: names are localised


def test_icacls_and_whoami_are_run_from_the_system_folder_never_found_by_name(monkeypatch):
    """Seen in the code: icacls and whoami were run by their bare names, and Windows looks for
    a program so named in the folder the command runs in before its own System32: an
    `icacls.exe` or `whoami.exe` downloaded to the Downloads folder, where an owner opens a
    command prompt to run footage-agent, ran as the owner when a new home was made. They
    are run from the Windows folder the system names (%SystemRoot%)."""
    from agent.permissions import system_program

    home = Path("C:/Users/Ann/AppData/Local/footage-agent")
    windows = {"SystemRoot": r"D:\WINNT"}
    assert system_program("icacls", windows) == r"D:\WINNT\System32\icacls.exe"
    assert system_program("whoami", {"windir": r"E:\Windows"}) == \
        r"E:\Windows\System32\whoami.exe"
    for argv in owner_only_acl_commands(home, SID, windows):
        assert argv[0] == r"D:\WINNT\System32\icacls.exe"
    assert ntpath.isabs(WHOAMI[0]) and ntpath.basename(WHOAMI[0]) == "whoami.exe"


def test_the_sid_is_read_from_whoami():
    assert parse_whoami_sid(f'"desktop-7\\\\ann","{SID}"\r\n') == SID
    with pytest.raises(PermissionsError):
        parse_whoami_sid("ERROR: no mapping\r\n")


def test_an_account_name_the_console_page_writes_as_a_stray_byte_still_gives_its_sid():
    # whoami writes "DESKTOP\\müller" in page 850 (ü is 0x81, undefined in the ANSI page and
    # not UTF-8): a real process writes those bytes, decoded as the agent asks subprocess to.
    from agent.permissions import current_user_sid

    line = f'"desktop-7\\\\m\\x81ller","{SID}"\\r\\n'
    writer = [sys.executable, "-c", f"import sys; sys.stdout.buffer.write(b'{line}')"]
    assert current_user_sid(run=lambda _argv, **kw: subprocess.run(writer, **kw)) == SID


class Recorder:
    """subprocess.run as Windows would answer it, recording what ran."""

    def __init__(self, fail: str | None = None) -> None:
        self.ran: list[list[str]] = []
        self.fail = fail

    def __call__(self, argv, **_kw):
        self.ran.append(list(argv))
        if argv == WHOAMI:
            return subprocess.CompletedProcess(argv, 0, f'"pc\\\\ann","{SID}"\r\n', "")
        bad = self.fail is not None and self.fail in argv
        return subprocess.CompletedProcess(argv, 1 if bad else 0, "",
                                           "Access is denied." if bad else "")


def test_a_new_windows_home_gets_the_acl_and_a_failure_is_not_ignored(tmp_path):
    run = Recorder()
    apply_windows_acl(tmp_path, run=run)
    assert run.ran == [WHOAMI, *owner_only_acl_commands(tmp_path, SID)]
    with pytest.raises(PermissionsError, match="Access is denied"):
        apply_windows_acl(tmp_path, run=Recorder(fail="/inheritance:r"))


def test_owner_only_folder_takes_the_branch_of_its_system(tmp_path, monkeypatch):
    applied = []
    monkeypatch.setattr("agent.permissions.apply_windows_acl", applied.append)
    folder = tmp_path / "home"
    folder.mkdir(mode=0o755)
    owner_only_folder(folder, new=True, os_name="nt")
    owner_only_folder(folder, new=False, os_name="nt")   # made owner-only once, when new
    assert applied == [folder]
    assert folder.stat().st_mode & 0o777 == 0o755        # chmod means nothing there
    owner_only_folder(folder, new=False, os_name="posix")
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_home_left_open_by_a_failed_acl_or_made_empty_by_the_owner_is_made_private(
        tmp_path, monkeypatch):
    """Seen in the code: a new home was made, its access list could not be set (icacls
    refused), and the next start found the folder there, took it as not new and used it,
    readable by every account, without a word; a home folder the owner made for it in
    Explorer (`--home`) was never made private either. A folder still empty is new."""
    from agent.config import ConfigError, ensure_home

    applied = []

    def apply(path):
        applied.append(path)
        if len(applied) == 1:
            raise PermissionsError(f"cannot make {path} private to your account")
    monkeypatch.setattr("agent.permissions.apply_windows_acl", apply)
    monkeypatch.setattr("agent.config.owner_only_folder",
                        lambda path, new: owner_only_folder(path, new, os_name="nt"))
    home = tmp_path / "home"
    with pytest.raises(ConfigError, match="private to your account"):
        ensure_home(home)
    ensure_home(home)                        # the next start tries again
    assert applied == [home, home]
    made = tmp_path / "made-in-explorer"
    made.mkdir()
    ensure_home(made)
    assert applied[-1] == made
    ensure_home(made)                        # still empty, in the same run: not again
    (made / "settings.json").write_bytes(b"{}")
    ensure_home(made)                        # in use: made private once, not at every start
    assert applied == [home, home, made]


class FakeMsvcrt:
    """msvcrt.locking that refuses `busy` times, then grants; it notes where each call locks."""

    LK_NBLCK, LK_UNLCK = 2, 0

    def __init__(self, busy: int) -> None:
        self.busy, self.calls, self.at = busy, [], []

    def locking(self, fd, mode, nbytes):
        self.calls.append(mode)
        self.at.append(range(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 0, os.SEEK_CUR) + nbytes))
        if mode == self.LK_NBLCK and self.busy:
            self.busy -= 1
            raise OSError(errno.EACCES, "Permission denied")


def test_the_windows_lock_waits_in_short_tries_and_never_goes_on_unlocked(tmp_path):
    fd = os.open(tmp_path / "x.lock", os.O_RDWR | os.O_CREAT)
    try:
        slept = []
        msvcrt = FakeMsvcrt(busy=3)
        lock_file(fd, wait=True, os_name="nt", module=msvcrt, sleep=slept.append)
        assert msvcrt.calls == [2, 2, 2, 2] and len(slept) == 3 and max(slept) <= 0.1
        with pytest.raises(Busy):
            lock_file(fd, wait=False, os_name="nt", module=FakeMsvcrt(busy=1))
        unlock_file(fd, os_name="nt", module=msvcrt)
        assert msvcrt.calls[-1] == FakeMsvcrt.LK_UNLCK
    finally:
        os.close(fd)


def test_the_windows_lock_leaves_every_byte_of_the_file_readable(tmp_path):
    # Windows locks are mandatory: a reader on another handle (`log verify`, the app's log
    # page) fails on a locked byte, so the lock must not cover the audit log's bytes.
    log = tmp_path / "audit.log"
    log.write_bytes(b"x" * (1 << 20))
    fd = os.open(log, os.O_RDWR | os.O_APPEND)
    try:
        msvcrt = FakeMsvcrt(busy=0)
        lock_file(fd, wait=True, os_name="nt", module=msvcrt)
        unlock_file(fd, os_name="nt", module=msvcrt)
    finally:
        os.close(fd)
    locked, unlocked = msvcrt.at
    assert locked == unlocked and locked.start >= 1 << 30   # past any log the agent writes
    assert locked.stop <= 2**31 - 1                         # a C `long` on Windows holds it


# Descriptors that never carry the file's bytes: a folder to fsync, lock files, the null
# device. (A database made empty before SQLite opens it is made by storage.open_ordinary.)
_NO_BYTES = {("agent/storage.py", "fsync_dir"), ("agent/cli.py", "_reader_gone")}


def test_every_descriptor_opened_for_its_bytes_is_binary_on_windows():
    # Without O_BINARY, Windows writes each "\n" as "\r\n" and stops a read at Ctrl-Z: the
    # audit log's lines would no longer hash to what the chain and the seal hold.
    import ast

    root = Path(__file__).resolve().parent.parent
    found, text_mode = set(), []
    for path in sorted([*root.glob("agent/**/*.py"), *root.glob("frp/**/*.py")]):
        where = path.relative_to(root).as_posix()
        for func in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for call in ast.walk(func):
                if isinstance(call, ast.Call) and ast.unparse(call.func) == "os.open":
                    found.add((where, func.name))
                    if (where, func.name) not in _NO_BYTES and not any(
                            isinstance(n, ast.Name) and n.id == "BINARY" for n in ast.walk(func)):
                        text_mode.append(f"{where}:{call.lineno} ({func.name})")
    assert text_mode == []
    assert _NO_BYTES <= found   # each exception still names a real call


def test_zones_resolve_where_the_system_keeps_no_zone_database():
    # Windows has no IANA database: zoneinfo's search path is empty there, and without the
    # tzdata package every zone (UTC too) is "unknown", so no recording could be placed in time.
    import zoneinfo
    from datetime import datetime

    from agent.timebase import zone

    zoneinfo.reset_tzpath(to=[])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        seattle = zone("America/Los_Angeles")
        assert datetime(2026, 11, 20, 14, 0, tzinfo=seattle).utcoffset().total_seconds() == -8 * 3600
        assert datetime(2026, 7, 20, 14, 0, tzinfo=seattle).utcoffset().total_seconds() == -7 * 3600
        assert zone("UTC").utcoffset(None).total_seconds() == 0
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()


def test_the_pc_zone_on_windows_is_its_registry_key_named_in_iana(monkeypatch):
    from agent import timebase

    assert timebase.windows_zone_name(lambda: "Pacific Standard Time") == "America/Los_Angeles"
    assert timebase.windows_zone_name(lambda: "Romance Standard Time\x00junk") == "Europe/Paris"
    assert timebase.windows_zone_name(lambda: "Nowhere Standard Time") == "UTC"

    def unreadable() -> str:
        raise PermissionError(errno.EACCES, "Access is denied")

    assert timebase.windows_zone_name(unreadable) == "UTC"
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(timebase, "_windows_zone_key", lambda: "Tokyo Standard Time")
    assert timebase.system_zone_name(os_name="nt") == "Asia/Tokyo"   # not /etc's, not UTC
    monkeypatch.setenv("TZ", "America/Chicago")
    assert timebase.system_zone_name(os_name="nt") == "America/Chicago"


def test_a_replace_windows_refuses_for_a_moment_is_tried_again_and_a_lasting_one_is_said(
        tmp_path):
    # On Windows a file another program holds open (a virus scanner checking the new file)
    # cannot be replaced until it lets go; settings, the trust store and the seal are written so.
    from agent.storage import replace

    def refusing(times: int):
        left = [times]

        def move(src, dst):
            if left[0]:
                left[0] -= 1
                raise PermissionError(errno.EACCES, "Access is denied")
            os.replace(src, dst)
        return move

    new, settings = tmp_path / ".settings.json.tmp", tmp_path / "settings.json"
    new.write_text("new")
    settings.write_text("old")
    slept: list[float] = []
    replace(new, settings, os_name="nt", move=refusing(3), sleep=slept.append)
    assert settings.read_text() == "new" and not new.exists() and len(slept) == 3
    new.write_text("newer")
    slept.clear()
    with pytest.raises(PermissionError):
        replace(new, settings, os_name="nt", move=refusing(10**6), sleep=slept.append)
    assert 0.5 <= sum(slept) <= 1.5 and settings.read_text() == "new"   # said within a second
    slept.clear()
    with pytest.raises(PermissionError):   # elsewhere a refusal is not a passing one: no wait
        replace(new, settings, os_name="posix", move=refusing(1), sleep=slept.append)
    assert slept == []


def test_a_file_marked_read_only_is_made_writable_so_windows_replaces_it(tmp_path):
    """Restore hunt: a home copied back from a backup or a disc keeps Windows' read-only mark
    on its files, and Windows never replaces a read-only file (MoveFileEx: access denied):
    each settings change, trust store change and every log record's seal failed after a
    second. The agent's own file is made writable (os.chmod clears the mark there) and
    replaced; only its owner's write permission is added."""
    from agent.storage import replace

    def windows_move(src, dst):   # as Windows does: a read-only destination is not replaced
        if Path(dst).exists() and not Path(dst).stat().st_mode & stat.S_IWRITE:
            raise PermissionError(errno.EACCES, "Access is denied")
        os.replace(src, dst)

    new, seal = tmp_path / ".audit.seal.tmp", tmp_path / "audit.seal"
    new.write_text("new")
    seal.write_text("old")
    seal.chmod(0o400)
    replace(new, seal, os_name="nt", move=windows_move, sleep=lambda s: None)
    assert seal.read_text() == "new" and not new.exists()


def test_ctrl_break_stops_a_command_on_windows():
    assert stop_signal_names("nt") == ("SIGINT", "SIGBREAK", "SIGTERM")
    assert stop_signal_names("posix") == ("SIGINT", "SIGTERM", "SIGHUP")
    assert Interrupted(signal.SIGINT).exit_code == 130
    assert Interrupted(signal.SIGTERM).exit_code == 143
    assert Interrupted(21).exit_code == 130   # SIGBREAK's number on Windows


def test_a_job_gets_its_grace_to_stop_and_one_that_ignores_it_is_left_behind():
    """Shown by the jobs' states when the stop came out (not by a clock): the polite job had
    cleaned up and ended; the stubborn one, which would wait a minute, was still running."""
    import threading

    from agent.commands.interrupt import Stopper

    stopper = Stopper()
    cleaned = []

    def polite(cancel):
        while not cancel.wait(0.01):
            pass
        cleaned.append("partial removed")
        raise RuntimeError("cancelled")

    threading.Timer(0.2, stopper.stop).start()
    with pytest.raises(Interrupted) as err:
        stopper.run_job(polite)
    assert cleaned == ["partial removed"] and not err.value.unfinished

    stubborn, released = Stopper(), threading.Event()
    threading.Timer(0.1, stubborn.stop).start()
    with pytest.raises(Interrupted) as err:
        stubborn.run_job(lambda cancel: released.wait(60), grace_s=0.3)
    assert err.value.unfinished   # not held by a job that will not stop
    released.set()
    assert Stopper().run_job(lambda cancel: 42) == 42


@pytest.mark.parametrize("name,made", [("CON", "_CON"), ("aux.mp4", "_aux.mp4"),
                                       ("com1.dav", "_com1.dav"), ("Nul.txt", "_Nul.txt"),
                                       ("lpt9", "_lpt9"), ("console", "console"),
                                       ("aux-cam", "aux-cam"), ("auxiliary.mp4", "auxiliary.mp4")])
def test_names_windows_keeps_for_devices_never_become_file_names(name, made, tmp_path):
    """Seen in the code: a recorder's file named `aux.mp4` was downloaded as `aux.mp4`, which
    on Windows is the AUX device, not a file in the cache (so is a camera folder `CON`)."""
    assert safe_name(name) == made
    assert _unique(tmp_path, name).name == made


@pytest.mark.parametrize("name", ["a" * 63 + ".b", "a" * 63 + "-.mp4", "b" * 62 + ". .dav"])
def test_a_long_name_cut_to_its_limit_never_ends_in_a_dot(name, tmp_path):
    """Seen in the code: safe_name cut a name at 64 characters after taking the dots off its
    ends, so a recorder's file or a camera named with a dot at the 64th character gave
    `aaa...a.`, a name Windows cuts (the file is made as `aaa...a`, not as the name kept)."""
    made = safe_name(name)
    assert len(made) <= 64 and not made.endswith((".", "-")) and made.startswith(name[:40])
    assert not _unique(tmp_path, name).name.endswith(".")


def test_masks_kept_under_a_long_camera_name_are_found_where_they_always_were(tmp_path):
    """The digest ends the masks' file name (distinct_name), so it never ended in a dot: it
    keeps its old form, and masks saved before are not lost."""
    import hashlib

    from agent.export.masks import masks_file
    camera = "Front garden " + "x" * 50 + ". by the gate"
    digest = hashlib.sha256(camera.encode()).hexdigest()[:8]
    kept = tmp_path / "masks" / f"Front-garden-{'x' * 50}.-{digest}.json"
    assert masks_file(tmp_path, camera) == kept


class FakeAttributes:
    """Windows' file attributes of each path, as GetFileAttributesW/SetFileAttributesW keep
    them (a folder's attribute 0x10 to start with)."""

    def __init__(self, refuse: bool = False):
        self.values: dict[str, int] = {}
        self.refuse = refuse

    def get(self, path: str) -> int:
        return self.values.get(path, 0x10)

    def set(self, path: str, value: int) -> int:
        if self.refuse:
            return 0
        self.values[path] = value
        return 1


def test_a_package_being_built_is_hidden_in_windows_explorer_too(tmp_path):
    """A leading dot hides `.package.partial-...` on macOS and Linux only: on Windows the
    folder is given the hidden attribute, and it is taken away again before the rename."""
    from agent.hidden_files import FILE_ATTRIBUTE_HIDDEN, hide_folder
    attrs = FakeAttributes()
    assert hide_folder(tmp_path, os_name="nt", attributes=attrs) is True
    assert attrs.values == {str(tmp_path): 0x10 | FILE_ATTRIBUTE_HIDDEN}
    assert hide_folder(tmp_path, hidden=False, os_name="nt", attributes=attrs) is True
    assert attrs.values == {str(tmp_path): 0x10}
    assert hide_folder(tmp_path, os_name="nt", attributes=FakeAttributes(refuse=True)) is False
    other = FakeAttributes()
    assert hide_folder(tmp_path, os_name="posix", attributes=other) is False
    assert other.values == {}


def test_the_package_builder_hides_its_build_folder_and_shows_the_package(tmp_path,
                                                                           monkeypatch):
    import agent.hidden_files as hidden
    from agent.export.package import PackageBuilder
    from agent.identity.keys import OwnerKey
    attrs = FakeAttributes()
    monkeypatch.setattr(hidden, "SYSTEM", "nt")   # the branch the builder takes on Windows
    monkeypatch.setattr(hidden, "Attributes", lambda: attrs)
    key = OwnerKey.load_or_create(tmp_path / "home")
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(b"not a real clip: the builder only copies and hashes it")
    with PackageBuilder(tmp_path / "usb", "manual_porch_20261120T220000Z-20261120T220010Z_copy"
                        ) as builder:
        building = str(builder._tmp)
        assert attrs.values[building] & hidden.FILE_ATTRIBUTE_HIDDEN   # while it is built
        builder.add_file("data/porch.mp4", clip)
        sealed = builder.seal(key, lambda files: {"request": None, "outputs": [
            {"path": f.name, "sha256": f.sha256, "size": f.size} for f in files]})
    assert sealed.path.is_dir()
    assert not attrs.values[building] & hidden.FILE_ATTRIBUTE_HIDDEN   # before its rename


def test_a_package_windows_refuses_to_move_for_a_moment_still_lands(tmp_path, monkeypatch):
    """Seen in the code: the clip the cutter had just written was moved into the package, and
    the finished package folder renamed into place, with one os.rename each, so a virus
    scanner still reading the new clip (Windows refuses to move a file, or a folder holding
    one, that another program has open) failed an export that was complete. Both moves are
    tried again for a moment there, as the agent's other files are (storage.replace)."""
    import agent.storage as storage
    from agent.export.package import PackageBuilder
    from agent.identity.keys import OwnerKey
    monkeypatch.setattr(storage, "SYSTEM", "nt")   # the branch the builder takes on Windows
    monkeypatch.setattr(storage, "_RETRY_S", 0)
    key = OwnerKey.load_or_create(tmp_path / "home")
    real_rename, refused = os.rename, []

    def scanned(src, dst):   # each move is refused twice, as while a scanner reads the clip
        if refused.count(Path(src).name) < 2:
            refused.append(Path(src).name)
            raise PermissionError(errno.EACCES, "Access is denied", str(src), None, 32)
        real_rename(src, dst)
    with PackageBuilder(tmp_path / "usb", "manual_porch_20261120T220000Z-20261120T220010Z_copy"
                        ) as builder:
        clip = builder.staging / "cut.mp4"
        clip.write_bytes(b"not a real clip: the builder only moves and hashes it")
        monkeypatch.setattr(os, "rename", scanned)
        builder.add_file("data/porch.mp4", clip)
        sealed = builder.seal(key, lambda files: {"request": None, "outputs": [
            {"path": f.name, "sha256": f.sha256, "size": f.size} for f in files]})
        monkeypatch.setattr(os, "rename", real_rename)
    assert sealed.path.is_dir() and (sealed.path / "data" / "porch.mp4").is_file()
    assert refused == ["cut.mp4", "cut.mp4", builder._tmp.name, builder._tmp.name]


def test_a_package_a_scanner_reads_for_longer_than_a_second_lands_and_a_lasting_hold_is_said(
        tmp_path, monkeypatch):
    """A virus scanner reading a large clip holds it, and the package folder holding it, for
    as long as it takes to read it; storage.replace tried again for a second only, so a
    package whose clip was still being read then failed complete ('Could not move the finished
    package into place: ... Access is denied'). The tries now last about as long as reading
    what is moved at a slow USB stick's speed, never more than two minutes. Simulated: Windows'
    refusals, a clock that moves only while the agent pauses, and a scanner that reads 1 kB a
    second, so a 20 kB clip stands for a large one."""
    import agent.storage as storage
    from agent.export.package import PackageBuilder, PackageError
    from agent.identity.keys import OwnerKey
    monkeypatch.setattr(storage, "SYSTEM", "nt")
    monkeypatch.setattr("agent.replace_pauses._SCANNED_BYTES_PER_S", 1000)
    clock, busy_until = [0.0], [10.0]   # the scanner reads the new clip for 10 s
    monkeypatch.setattr(storage, "_wait", lambda s: clock.__setitem__(0, clock[0] + s))
    key = OwnerKey.load_or_create(tmp_path / "home")
    real_rename = os.rename

    def scanned(src, dst):
        if clock[0] < busy_until[0]:
            raise PermissionError(errno.EACCES, "Access is denied", str(src), None, 32)
        real_rename(src, dst)
        busy_until[0] = clock[0] + 10   # and then again where it arrived

    def package(name: str):
        with PackageBuilder(tmp_path / "usb", name) as builder:
            clip = builder.staging / "cut.mp4"
            clip.write_bytes(bytes(20_000))
            monkeypatch.setattr(os, "rename", scanned)
            try:
                builder.add_file("data/porch.mp4", clip)
                return builder.seal(key, lambda files: {"request": None, "outputs": [
                    {"path": f.name, "sha256": f.sha256, "size": f.size} for f in files]})
            finally:
                monkeypatch.setattr(os, "rename", real_rename)
    sealed = package("manual_porch_20261120T220000Z-20261120T220010Z_copy")
    assert (sealed.path / "data" / "porch.mp4").stat().st_size == 20_000
    assert clock[0] >= 20   # it waited out both of the scanner's reads
    clock[0], busy_until[0] = 0.0, float("inf")   # a scanner that never lets go
    with pytest.raises(PackageError, match="permission denied"):
        package("manual_porch_20261120T230000Z-20261120T230010Z_copy")
    assert 10 < clock[0] <= 120   # the wait is bounded, then said
    assert not list((tmp_path / "usb").glob("*2300*"))


def test_the_pauses_of_a_refused_replace_follow_what_is_moved_and_are_bounded():
    from agent.replace_pauses import retry_pauses
    small, clip, huge = retry_pauses(0), retry_pauses(400_000_000), retry_pauses(10**12)
    assert 0.5 <= sum(small) <= 1.5 and len(small) >= 3   # a file of the home: a second
    assert sum(clip) > 10 * sum(small)                     # a large clip: longer
    assert sum(huge) <= 120 and max(huge) <= 0.5           # never past two minutes
    assert small == sorted(small[:-1]) + small[-1:]        # first tries soon, then slower
    assert len(retry_pauses(10**12, first_s=0)) <= 300     # pauses of nothing still end


def test_a_folder_typed_with_other_capitals_on_windows_is_the_one_registered(
        tmp_path, capsys, monkeypatch):
    """Windows' disks ignore capitals: C:\\Cams and c:\\cams are one folder. Typed so,
    `sources remove c:\\cams` said 'is not a registered recordings folder (registered:
    C:\\Cams)', and `sources add c:\\cams --camera ...` (to rename its camera) refused it as
    'the recordings folder C:\\Cams reached by another path (one drive or share mounted
    twice)'. Windows' answer is given here; the folders are real."""
    from agent.cli import main
    from agent.service import Agent

    monkeypatch.setattr("agent.owner_sources.SYSTEM", "nt")
    home, cams = tmp_path / "home", tmp_path / "Cams"
    cams.mkdir()

    def run(*argv: str) -> int:
        return main(["--home", str(home), *argv])
    assert run("sources", "add", str(cams), "--camera", "porch", "--tz", "UTC") == 0
    typed = str(tmp_path / "CAMS")
    assert run("sources", "add", typed, "--camera", "Front porch") == 0, capsys.readouterr().err
    agent = Agent(home)
    try:
        assert [(s.root, s.camera) for s in agent.sources()] == [(str(cams), "Front porch")]
        assert run("sources", "remove", str(tmp_path / "cams")) == 0, capsys.readouterr().err
        assert agent.sources() == []
    finally:
        agent.close()


def test_a_recording_another_program_holds_is_said_in_use_when_it_is_exported(
        tmp_path, monkeypatch):
    """Seen in the code: FFmpeg passes on the C library's errno alone, which on Windows is
    EACCES both for a recording another program holds open without sharing it (a recorder
    program still writing it) and for one the account may not read: an export said
    'permission denied ...: your user account may not do this there'. FFmpeg's refusal is
    real here (a file this account may not read); Windows' answer to opening it again, a
    sharing violation, is given as Python raises it there."""
    from agent.media import ffmpeg_refusal
    from agent.export.progress import CutError
    from agent.export.source import Source
    from agent.export.source_span import SourceSpan

    path = tmp_path / "porch.20261120_220000.mp4"
    path.write_bytes(b"\0\0\0\x08free")
    path.chmod(0)

    def held(*args, **kwargs):
        exc = PermissionError(errno.EACCES, "The process cannot access the file because it is "
                              "being used by another process", str(path))
        exc.winerror = 32   # ERROR_SHARING_VIOLATION
        raise exc
    monkeypatch.setattr(ffmpeg_refusal, "open", held, raising=False)
    as_root = os.name == "posix" and os.geteuid() == 0   # root reads anything: be `nobody`
    try:
        if as_root:
            os.seteuid(65534)
        with pytest.raises(CutError) as caught:
            Source(SourceSpan(path, 0), keep_audio=False)
    finally:
        if as_root:
            os.seteuid(0)
        path.chmod(0o600)
    said = str(caught.value)
    assert "in use by another program" in said and "permission" not in said, said


def test_a_network_shares_root_offers_the_shares_name_for_its_camera():
    """Seen in the code: a NAS's camera share added whole on Windows (`\\\\nas\\frontdoor`)
    offered no name for its camera (the app's box was empty) and was named `camera` on the
    command line: Python reads the name of a share's root as empty. Its share names it, as its
    mount point's name does on Linux (`/mnt/frontdoor`); a drive's root still names nothing."""
    from pathlib import PurePosixPath, PureWindowsPath

    from agent.index.camera_names import folder_camera_name

    def named(path: str) -> str:
        return folder_camera_name(path, PureWindowsPath)
    assert named(r"\\nas\frontdoor") == named("\\\\nas\\frontdoor\\") == "frontdoor"
    assert named("//nas/frontdoor") == "frontdoor"
    assert named(r"\\?\UNC\nas\frontdoor") == "frontdoor"
    assert named(r"\\nas\frontdoor\ch1") == "ch1"
    assert named("E:\\") == named(r"\\?\E:" + "\\") == ""
    assert named(r"E:\DCIM") == "DCIM"
    assert folder_camera_name("/mnt/frontdoor", PurePosixPath) == "frontdoor"
