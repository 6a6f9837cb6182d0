"""Holds: the covering recordings copied with their hashes, sources never touched, and deleted
only when the owner asks after the request has ended."""
from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from agent.audit.log import AuditLog
from agent.requests import hold_copies, holds
from agent.requests.hold_names import unique_name
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import tree_fingerprint
from tests.durability import not_synced, watch_fsyncs
from tests.test_desk import AGENCY_ID, T0, World, request_token


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    """porch: three 4 s files from T0; yard: two from T0; driveway: one, an hour later."""
    root = tmp_path_factory.mktemp("rec")   # one folder per camera, named for it
    make_recordings(root / "porch", "blue-iris", "porch", T0 * US, 3, 4.0, fps=10, gop_s=1.0)
    make_recordings(root / "yard", "blue-iris", "yard", T0 * US, 2, 4.0, fps=10, gop_s=1.0)
    make_recordings(root / "driveway", "blue-iris", "driveway", (T0 + 3600) * US, 1, 4.0, fps=10,
                    gop_s=1.0)
    (root / "porch" / "porch.20270115_060006.mp4").write_bytes(b"")  # empty: never usable, never held
    for p in root.glob("*/*"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


@pytest.fixture
def indexed(tmp_path, footage):
    agent = Agent(tmp_path / "home")
    agent.scan([str(footage / cam) for cam in ("porch", "yard", "driveway")], tz="UTC")
    yield agent
    agent.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_hold_copies_exactly_the_covering_files_with_their_hashes(indexed, footage):
    before = tree_fingerprint(footage)
    hold = holds.make_hold(indexed.home, indexed.store, "req-1", (T0 + 5) * US, (T0 + 9) * US,
                           ("porch",), "req-1")
    assert tree_fingerprint(footage) == before  # sources only read
    assert sorted(f.name for f in hold.files) == ["porch/porch.20270115_060004.mp4",
                                                  "porch/porch.20270115_060008.mp4"]
    for f in hold.files:
        copy = hold.path / f.name
        assert f.sha256 == sha(copy) == sha(Path(f.source)) and f.size == copy.stat().st_size
        assert copy.stat().st_mtime_ns == Path(f.source).stat().st_mtime_ns
    manifest = (hold.path / holds.MANIFEST).read_text().splitlines()
    assert sorted(manifest) == sorted(f"{f.sha256}  {f.name}" for f in hold.files)
    assert holds.read_hold(indexed.home, "req-1") == hold
    assert hold.path == indexed.home / "holds" / "req-1"


def test_every_file_and_folder_of_a_hold_is_on_the_disk_before_it_gets_its_name(
        indexed, monkeypatch):
    """After a power cut a hold folder must hold its copies and a readable record."""
    at_rename = watch_fsyncs(monkeypatch, indexed.home / "holds" / "req-2")
    hold = holds.make_hold(indexed.home, indexed.store, "req-2", T0 * US, (T0 + 9) * US,
                           (), "req-2")
    assert len(at_rename) == 1 and len(hold.files) == 5
    assert not_synced(hold.path, at_rename[0]) == []


def test_a_hold_windows_refuses_to_name_for_a_moment_still_lands(indexed, monkeypatch):
    """On Windows a folder holding a file another program has open (a virus scanner reading
    a copy just made) cannot be renamed until it lets go: the hold's rename into place is
    tried again for a moment there (storage.replace), not failed."""
    import errno

    import agent.storage as storage
    monkeypatch.setattr(storage, "SYSTEM", "nt")
    monkeypatch.setattr(storage, "_RETRY_S", 0)
    real_rename, refused = os.rename, []

    def scanned(src, dst):
        if len(refused) < 2:
            refused.append(Path(src).name)
            raise PermissionError(errno.EACCES, "Access is denied", str(src))
        real_rename(src, dst)
    monkeypatch.setattr(os, "rename", scanned)
    hold = holds.make_hold(indexed.home, indexed.store, "req-3", T0 * US, (T0 + 2) * US,
                           ("porch",), "req-3")
    monkeypatch.setattr(os, "rename", real_rename)
    assert len(refused) == 2 and hold.path == indexed.home / "holds" / "req-3"
    assert holds.read_hold(indexed.home, "req-3") == hold


def test_a_hold_a_scanner_reads_for_longer_than_a_second_still_lands(indexed, monkeypatch):
    """A scanner reads the hold's copies for as long as their size takes: the rename into
    place is tried again that long (replace_pauses, for what the hold holds), not for
    a second. Simulated: Windows' refusals, a clock that moves only while the agent pauses, a
    scanner reading 1 kB a second, for 5 s."""
    import errno

    import agent.storage as storage
    monkeypatch.setattr(storage, "SYSTEM", "nt")
    monkeypatch.setattr("agent.replace_pauses._SCANNED_BYTES_PER_S", 1000)
    clock = [0.0]
    monkeypatch.setattr(storage, "_wait", lambda s: clock.__setitem__(0, clock[0] + s))
    real_rename = os.rename

    def scanned(src, dst):
        if clock[0] < 5:
            raise PermissionError(errno.EACCES, "Access is denied", str(src))
        real_rename(src, dst)
    monkeypatch.setattr(os, "rename", scanned)
    hold = holds.make_hold(indexed.home, indexed.store, "req-4", T0 * US, (T0 + 2) * US,
                           ("porch",), "req-4")
    monkeypatch.setattr(os, "rename", real_rename)
    assert hold.size > 5000 and clock[0] >= 5   # copies the scanner needs over 5 s to read
    assert holds.read_hold(indexed.home, "req-4") == hold


def test_without_cameras_every_camera_in_the_window_is_held(indexed):
    hold = holds.make_hold(indexed.home, indexed.store, "all", T0 * US, (T0 + 2) * US)
    assert sorted(f.name.split("/")[0] for f in hold.files) == ["porch", "yard"]


def test_a_second_hold_keeps_the_first_and_a_cancelled_one_leaves_nothing(indexed):
    first = holds.make_hold(indexed.home, indexed.store, "r", T0 * US, (T0 + 2) * US, ("yard",))
    again = holds.make_hold(indexed.home, indexed.store, "r", T0 * US, (T0 + 12) * US)
    assert again == first
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(holds.HoldCancelled):
        holds.make_hold(indexed.home, indexed.store, "c", T0 * US, (T0 + 2) * US, cancel=cancel)
    assert sorted(p.name for p in (indexed.home / "holds").iterdir()) == ["r"]


@pytest.mark.parametrize("name", ["", ".", "..", "../x", "a/b", "a\\b"])
def test_hold_folder_names_cannot_leave_the_holds_folder(tmp_path, name):
    with pytest.raises(holds.HoldError):
        holds.hold_path(tmp_path, name)


def test_release_removes_only_that_hold(indexed):
    holds.make_hold(indexed.home, indexed.store, "a", T0 * US, (T0 + 2) * US)
    holds.make_hold(indexed.home, indexed.store, "b", T0 * US, (T0 + 2) * US)
    assert holds.release(indexed.home, "a") is True
    assert holds.release(indexed.home, "a") is False
    assert holds.read_hold(indexed.home, "a") is None and holds.read_hold(indexed.home, "b")


def test_the_desk_holds_while_undecided_and_releases_only_after_the_request_ended(tmp_path, footage):
    w = World(tmp_path, footage)
    try:
        before = tree_fingerprint(footage)
        w.desk.import_request(w.file(request_token(jti="..", cameras=("yard", "attic"))))
        hold = w.desk.hold("..")
        assert hold.path == w.home / "holds" / "_.._"  # a path-like id stays a plain name
        assert sorted(f.name for f in hold.files) == sorted(
            f"yard/{p.name}" for p in (footage / "yard").iterdir())
        assert w.desk.show("..").status == "held"
        with pytest.raises(DeskRefusal, match="kept until the request is declined"):
            w.desk.release("..")
        assert hold.path.is_dir()
        w.desk.decline("..", "not ours")
        w.now += 10 ** 6  # time passing never deletes a hold by itself
        w.desk.sync()
        assert hold.path.is_dir()
        assert w.desk.release("..") is True and not hold.path.exists()
        assert tree_fingerprint(footage) == before
        records = [r for r in AuditLog(w.home).entries() if r["event"] in ("hold", "release")]
        assert [r["event"] for r in records] == ["hold", "release"]
        assert records[0]["data"]["files"] == 2 and records[0]["data"]["agency"] == AGENCY_ID
    finally:
        w.close()


def test_a_decided_request_gets_no_new_hold(tmp_path, footage):
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        w.desk.decline("req-1")
        with pytest.raises(DeskRefusal, match="declined"):
            w.desk.hold("req-1")
    finally:
        w.close()


def test_cameras_whose_names_clean_up_alike_are_held_in_folders_of_their_own(tmp_path):
    """Names in another script clean up to the same file name ("camera"): each camera's
    copies still get a folder of its own, so the hold shows whose footage is whose."""
    root = tmp_path / "rec"
    for camera in ("Вход", "Двор"):
        make_recordings(root / camera, "blue-iris", camera, T0 * US, 1, 2.0, fps=10, gop_s=1.0)
    agent = Agent(tmp_path / "home")
    try:
        agent.scan([str(root / camera) for camera in ("Вход", "Двор")], tz="UTC")
        hold = holds.make_hold(agent.home, agent.store, "r", T0 * US, (T0 + 2) * US)
    finally:
        agent.close()
    by_folder: dict[str, set[str]] = {}
    for f in hold.files:
        by_folder.setdefault(f.name.split("/")[0], set()).add(Path(f.source).parent.name)
    assert len(by_folder) == 2 and all(len(cams) == 1 for cams in by_folder.values()), by_folder
    assert all(folder.startswith("camera-") for folder in by_folder)


def test_a_hold_the_disk_has_no_room_for_copies_nothing(indexed, monkeypatch):
    """Attacker's hunt: a hold copied a request's whole window, up to seven days of every
    camera it names (all of them when it names none, as soon as it arrives with 'hold on
    new request'), until the disk was full: the log, the index and the inbox then failed
    with it. The copies' size is weighed against the disk's free space first."""
    need = sum(r.size for r in hold_copies.covering_files(indexed.store, T0 * US, (T0 + 9) * US))
    real = holds.shutil.disk_usage
    monkeypatch.setattr(holds.shutil, "disk_usage",
                        lambda path: real(path)._replace(free=need))   # no room to spare
    with pytest.raises(holds.HoldError) as info:
        holds.make_hold(indexed.home, indexed.store, "big", T0 * US, (T0 + 9) * US)
    text = str(info.value)
    assert f"{need:,} bytes" in text and "nothing was copied" in text and "Free some space" in text
    assert not (indexed.home / "holds").exists() or list((indexed.home / "holds").iterdir()) == []
    monkeypatch.setattr(holds.shutil, "disk_usage", real)
    assert len(holds.make_hold(indexed.home, indexed.store, "big", T0 * US,
                               (T0 + 9) * US).files) == 5


@pytest.mark.parametrize("record, why", [
    (b"", "it is empty"),
    (b"\0" * 300, "its text is broken at line 1, column 1"),
    (b'{"files": [{"source": "/rec/porch/a.mp4", "na', "its text is broken at line 1, column 43"),
    (b"\xff\xd8\xff\xe0", "it is not text"),
    (b'{"files": [{"name": "porch/a.mp4"}]}', "it does not list the copies"),
    (b"[" * 100_000, "its text nests too deep to be read"),   # said 'unexpected failure'
])
def test_a_damaged_hold_record_is_said_plainly_and_its_copies_kept(tmp_path, footage, record, why):
    """A power cut or a failing disk left the safe copy's hold.json cut short or zeroed: the
    request still shows, with what is wrong and what to do, not Python's words ("Expecting
    value: line 1 column 1 (char 0)", "'files'"); holding again copies nothing over it."""
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        hold = w.desk.hold("req-1")
        (hold.path / holds.RECORD).write_bytes(record)
        kept = tree_fingerprint(hold.path)
        said = (f"the record of the safe copy in {hold.path} is damaged ({why}); the copies of "
                "your recordings in that folder are kept as they are. To make the safe copy "
                "again, move that folder out of footage-agent's folder first (keep it)")
        assert w.desk.show("req-1").problem == said
        with pytest.raises(DeskError) as refused:
            w.desk.hold("req-1")
        assert str(refused.value) == said
        assert tree_fingerprint(hold.path) == kept
    finally:
        w.close()


def test_recordings_whose_names_differ_only_in_capitals_get_names_apart_on_any_disk(tmp_path):
    """A case-sensitive NAS or recorder keeps `CH01_0800.mp4` and `ch01_0800.MP4` side by side;
    NTFS and FAT keep them in one file, so the hold stopped at the second with "already
    exists". Each name in a hold now differs from the others whatever their capitals."""
    taken: set[str] = set()
    names = [unique_name(n, taken) for n in
             ("porch/CH01_0800.mp4", "porch/ch01_0800.MP4", "porch/Ch01_0800.mp4",
              "PORCH/ch01_0800-2.mp4", "porch/clip", "porch/CLIP")]
    assert len({n.lower() for n in names}) == len(names), names
    assert names[0] == "porch/CH01_0800.mp4" and names[4] == "porch/clip"   # first kept as is
    assert names[1].endswith(".MP4") and names[1].startswith("porch/ch01_0800")


def test_a_hold_copies_both_recordings_whose_names_differ_only_in_capitals(tmp_path):
    from types import SimpleNamespace

    src = tmp_path / "nas"
    src.mkdir()
    rows = []
    for name, data in (("CH01.mp4", b"upper"), ("ch01.mp4", b"lower")):
        (src / name).write_bytes(data)
        st = (src / name).stat()   # as the scan indexed it
        rows.append(SimpleNamespace(camera="porch", path=str(src / name), ranged=False,
                                    source_id=1, status="ok", size=st.st_size,
                                    mtime_ns=st.st_mtime_ns))
    staging = tmp_path / "staging"
    staging.mkdir()
    held = hold_copies.copy_recordings(rows, staging)
    assert len({f.name.lower() for f in held}) == 2
    assert sorted((staging / f.name).read_bytes() for f in held) == [b"lower", b"upper"]


def test_a_hold_folder_whose_record_was_deleted_is_said_and_not_copied_over(tmp_path, footage,
                                                                            monkeypatch):
    """Holds hunt: hold.json deleted by hand (or a cleaner) left a folder of copies that read as
    no hold at all: the request's page said nothing of it, and holding again copied every
    recording, then gave up with "appeared meanwhile" and kept none of it."""
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        hold = w.desk.hold("req-1")
        (hold.path / holds.RECORD).unlink()
        kept = tree_fingerprint(hold.path)
        said = (f"the record of the safe copy in {hold.path} is damaged (it is missing); the "
                "copies of your recordings in that folder are kept as they are. To make the safe "
                "copy again, move that folder out of footage-agent's folder first (keep it)")
        assert w.desk.show("req-1").problem == said
        copied = []
        real = holds.copy_recordings
        monkeypatch.setattr(holds, "copy_recordings",
                            lambda *a, **k: copied.append(a) or real(*a, **k))
        with pytest.raises(DeskError) as refused:
            w.desk.hold("req-1")
        assert str(refused.value) == said and not copied
        assert tree_fingerprint(hold.path) == kept
    finally:
        w.close()


def test_a_camera_renamed_since_the_request_named_it_is_held(tmp_path, footage):
    """Holds hunt: a request names the cameras as the owner registered them; porch renamed
    'front' since, a request for porch and yard held yard alone (the names were matched to the
    index's current ones only), while approving it sends front: the footage it sends was
    never kept safe."""
    w = World(tmp_path, footage)
    try:
        w.agent.rename_camera("porch", "front")
        w.desk.import_request(w.file(request_token()))
        hold = w.desk.hold("req-1")
        assert {f.name.partition("/")[0] for f in hold.files} == {"front", "yard"}, hold.files
        assert {c.camera for c in hold.placement.cameras} == {"front", "yard"}
    finally:
        w.close()


def test_a_safe_copy_that_could_not_be_made_as_the_request_arrived_is_said(tmp_path, footage,
                                                                          monkeypatch, capsys):
    """Holds hunt: with "keep a safe copy" on, the copy made as a request arrives failed (the
    disk had no room) and was only logged: the request's page and `inbox show` said nothing,
    and the owner, counting on the copy while deciding, let the recorder write over it."""
    from agent.cli import main
    from agent.config import Settings

    w = World(tmp_path, footage, settings=Settings(holds_on_new_request=True))
    try:
        real = holds.shutil.disk_usage
        monkeypatch.setattr(holds.shutil, "disk_usage",
                            lambda path: real(path)._replace(free=1))   # the disk is full
        w.desk.import_request(w.file(request_token()))
        monkeypatch.setattr(holds.shutil, "disk_usage", real)
        shown = w.desk.show("req-1")
        assert shown.hold is None and "Free some space there" in shown.hold_failed
        assert main(["--home", str(w.home), "inbox", "show", "req-1"]) == 0
        out = capsys.readouterr().out
        assert "Hold: none; the last try to make it failed: the 4 recordings" in out, out
        assert "`inbox hold req-1` tries again" in out
        w.desk.hold("req-1")
        assert w.desk.show("req-1").hold_failed is None
    finally:
        w.close()


def test_a_hold_whose_copy_cannot_be_deleted_is_never_left_half_deleted(indexed, monkeypatch):
    """Holds hunt: deleting a safe copy one of whose copies another program held open (Windows
    refuses to delete such a file; a player the owner opened it in) deleted the others, and
    perhaps its record, then failed: a hold missing copies, or a folder of copies without a
    record, said as damaged. It is now whole or gone: moved aside first, then removed, what
    cannot be removed left hidden for the home's tidy."""
    hold = holds.make_hold(indexed.home, indexed.store, "a", T0 * US, (T0 + 9) * US)
    before = tree_fingerprint(hold.path)
    held_open = hold.path / hold.files[-1].name
    real = os.unlink

    def unlink(path, *args, dir_fd=None, **kw):
        if Path(path).name == held_open.name:
            raise PermissionError(13, "The process cannot access the file because it is being "
                                      "used by another process", str(path))
        return real(path, *args, dir_fd=dir_fd, **kw)
    monkeypatch.setattr(os, "unlink", unlink)
    try:
        holds.release(indexed.home, "a")
    except holds.HoldError:
        pass
    monkeypatch.setattr(os, "unlink", real)
    assert not hold.path.exists() or tree_fingerprint(hold.path) == before
    assert holds.read_hold(indexed.home, "a") is None or hold.path.exists()


def test_a_request_page_reads_the_activity_log_whole_once_not_on_every_show(tmp_path, footage,
                                                                            monkeypatch):
    """Holds hunt 5: each show() of an undecided request with no copy read the whole activity
    log (its last `hold` record's reason), as did release_losses for an ended one: an owner
    with a year of activity paid a full read per request on every page open and refresh. The
    log is now read whole once per desk, then only what was appended; the answers are the same."""
    w = World(tmp_path, footage)
    try:
        w.desk.import_request(w.file(request_token()))
        w.desk.audit.append("hold", id="req-1", agency=AGENCY_ID, ok=False, reason="no room")
        assert w.desk.show("req-1").hold_failed == "no room"   # the one whole read
        # A whole read is the log read from its first byte: by the desk's history
        # (hold_history's log_lines from offset 0) or by AuditLog's own reader.
        from agent.requests import hold_history
        reads = []
        real_lines, real_whole = hold_history.log_lines, AuditLog._lines
        monkeypatch.setattr(hold_history, "log_lines", lambda fd, start=0: (
            reads.append(1) if start == 0 else None) or real_lines(fd, start))
        monkeypatch.setattr(AuditLog, "_lines", lambda self: reads.append(1) or real_whole(self))
        for _ in range(3):
            assert w.desk.show("req-1").hold_failed == "no room"
        w.desk.audit.append("hold", id="req-1", agency=AGENCY_ID, ok=False, reason="cancelled")
        assert w.desk.show("req-1").hold_failed == "cancelled"   # what was appended is seen
        w.desk.hold("req-1")
        w.desk.decline("req-1")
        assert w.desk.release_losses("req-1") == ()
        assert reads == [], f"the whole log was read {len(reads)} times"
    finally:
        w.close()


def test_a_placed_copy_its_record_does_not_list_is_never_cut_from(indexed):
    """Holds hunt: hold.json's `placed` naming a copy inside the hold that `files` (and the
    manifest) do not list, by a hand or a sync program: a cut from the hold read that file as
    a recording with no hash checked against the manifest (only listed copies are). Such a
    record's placement is damaged: its copies are never cut from."""
    import json

    hold = holds.make_hold(indexed.home, indexed.store, "r1", T0 * US, (T0 + 8) * US,
                           ("porch",), "r1")
    assert holds.read_hold(indexed.home, "r1").placement is not None
    doc = json.loads((hold.path / holds.RECORD).read_text())
    extra = dict(doc["placed"]["porch"]["recordings"][0], path="porch/unlisted.mp4")
    doc["placed"]["porch"]["recordings"].append(extra)
    (hold.path / holds.RECORD).write_text(json.dumps(doc))
    (hold.path / "porch" / "unlisted.mp4").write_bytes(b"other footage")
    assert holds.read_hold(indexed.home, "r1").placement is None
