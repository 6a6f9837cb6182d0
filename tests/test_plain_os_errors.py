"""The agent's own files failing, said as agent/os_words.py says every OSError: what was being
done, then what happened to which file and what to do ("... is full: free some space there,
or choose another folder"), never only the system's bare words ("Is a directory", "No space
left on device")."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from agent.audit import seal as seals
from agent.audit.log import AuditError, AuditLog
from agent.cli import main
from agent.delivery import state, upload
from agent.delivery.state import StateFile, UploadState, save_state
from agent.delivery.sums import compute_sums
from agent.delivery.wire import UploadError
from agent.export import bagtar, package
from agent.export.masks import MaskError, read_masks_file
from agent.export.package import PackageBuilder, PackageError
from agent.export.package_inputs import outputs_record
from agent.identity import keys, rotation
from agent.identity.keys import KEY_DIR, KEY_FILE, OwnerKey, OwnerKeyError
from agent.requests import agencies, holds, registrations
from agent.requests.agencies import TrustStore, TrustStoreError
from agent.requests.inbox import Inbox, InboxError
from agent.requests.registrations import RegistrationsFile, RegistrationsFileError
from tests.test_agencies import agency_doc

FOLDER = "is a folder where a file was expected: check the path"
FULL = "is full: free some space there, or choose another folder"
# A file of the app's own folder: the owner cannot choose another folder for it.
FULL_HOME = "is full: free some space there"
BARE = (os.strerror(errno.EISDIR), os.strerror(errno.ENOSPC), os.strerror(errno.EACCES),
        "Errno", "Error:", "Exception")


def full_disk(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def plain(text: str, *words: str) -> str:
    """`text`, once it says each of `words` and none of the system's bare words."""
    for word in words:
        assert word in text, text
    for bare in BARE:
        assert bare not in text, text
    return text


def agency_file(tmp_path: Path) -> Path:
    path = tmp_path / "agency.json"
    path.write_text(json.dumps(agency_doc()))
    return path


# the trust store (agent/requests/agencies.py, registrations.py) ------------------------------
def test_adding_a_folder_as_an_agency_file_says_a_file_was_expected(tmp_path, capsys):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    code = main(["--home", str(tmp_path / "home"), "agencies", "add", str(folder)])
    err = capsys.readouterr().err
    assert code == 2   # a path typed wrong, as for verify, upload and masks set
    assert plain(err, FOLDER) == f"footage-agent: cannot read the agency file: {folder} {FOLDER}\n"


def test_a_full_disk_while_saving_an_agency_says_the_disk_is_full(home, tmp_path, monkeypatch):
    monkeypatch.setattr(agencies, "write_atomic", full_disk)
    with pytest.raises(TrustStoreError) as got:
        TrustStore(home).add(agency_file(tmp_path))
    assert plain(str(got.value), FULL_HOME) == \
        f"cannot save the agency: the disk holding {home / 'agencies'} {FULL_HOME}"


def test_an_agencies_folder_that_cannot_be_made_says_why(home, tmp_path):
    home.mkdir(parents=True, exist_ok=True)
    (home / "agencies").write_text("not a folder")
    with pytest.raises(TrustStoreError) as got:
        TrustStore(home).add(agency_file(tmp_path))
    # a file of the app's own folder in its place: not advice to choose another name (f146f7bc)
    assert plain(str(got.value)) == (f"cannot create the agencies folder: {home / 'agencies'} "
                                     "is not a folder (part of the path is a file): check the "
                                     "path")


def test_an_agency_file_that_cannot_be_read_is_listed_with_why(home, tmp_path):
    store = TrustStore(home)
    store.add(agency_file(tmp_path))
    (store.folder / "odd.json").mkdir()
    assert store.damaged() == [("odd.json", f"cannot be read: {store.folder / 'odd.json'} {FOLDER}")]


def test_an_agency_file_that_cannot_be_removed_says_why(home, tmp_path, monkeypatch):
    store = TrustStore(home)
    agency = store.add(agency_file(tmp_path))

    def busy(self, *_a, **_k):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(self))

    monkeypatch.setattr(Path, "unlink", busy)
    with pytest.raises(TrustStoreError) as got:
        store.remove(agency.id)
    assert plain(str(got.value), "in use by another program").startswith(
        "cannot remove the agency file: ")


def test_the_registrations_file_failing_says_what_to_do(home, monkeypatch):
    home.mkdir(parents=True, exist_ok=True)
    regs = RegistrationsFile(home / "registrations.json")
    regs.path.mkdir()
    with pytest.raises(RegistrationsFileError) as got:
        regs.read()
    assert str(got.value) == f"cannot read the registrations file: {regs.path} {FOLDER}"
    regs.path.rmdir()
    monkeypatch.setattr(registrations, "write_atomic", full_disk)
    with pytest.raises(RegistrationsFileError) as got:
        regs.write([])
    assert str(got.value) == f"cannot save the registrations file: the disk holding {regs.path} {FULL_HOME}"


# requests: the inbox, a request file, holds -----------------------------------------------
def test_an_inbox_that_cannot_be_opened_says_why(tmp_path):
    path = tmp_path / "inbox.db"
    path.mkdir()
    with pytest.raises(InboxError) as got:
        Inbox(path)
    assert str(got.value) == f"the inbox cannot be opened: {path} {FOLDER}"


def test_importing_a_folder_as_a_request_file_says_a_file_was_expected(tmp_path, capsys):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    code = main(["--home", str(tmp_path / "home"), "import-request", str(folder)])
    err = capsys.readouterr().err
    assert code == 2   # the docs hunt: it was 1, 'unexpected failure', for a path typed wrong
    assert plain(err, FOLDER) == f"footage-agent: cannot read the request file: {folder} {FOLDER}\n"


def test_a_full_disk_while_holding_says_the_disk_is_full(agent, monkeypatch):
    monkeypatch.setattr(holds, "write_hashed", full_disk)
    with pytest.raises(holds.HoldError) as got:
        holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    assert str(got.value) == ("the recordings could not be copied into the hold: the disk "
                              f"holding {agent.home / holds.HOLDS} {FULL_HOME}")
    assert not (agent.home / holds.HOLDS / "req-1").exists()


def test_a_recording_that_cannot_be_read_for_a_hold_is_named(agent, tmp_path, monkeypatch):
    recording = tmp_path / "rec" / "porch.mp4"

    def unreadable(*_a, **_k):
        raise OSError(errno.EIO, os.strerror(errno.EIO), str(recording))

    monkeypatch.setattr(holds, "copy_recordings", unreadable)
    with pytest.raises(holds.HoldError) as got:
        holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    assert plain(str(got.value)) == (
        f"the recordings could not be copied into the hold: the disk holding {recording} could "
        "not be read or written (input/output error): check the drive and its cable; the drive "
        "may be failing")


def test_a_hold_that_cannot_be_removed_says_why(agent, monkeypatch):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)

    def busy(path, *_a, **_k):
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))

    monkeypatch.setattr(holds.os, "rename", busy)   # moved aside before it is removed
    with pytest.raises(holds.HoldError) as got:
        holds.release(agent.home, "req-1")
    assert str(got.value) == ("the hold could not be removed: "
                              f"{hold.path} is in use by another program: close it, then try again")


def test_a_hold_record_that_cannot_be_read_says_why_without_an_errno(agent):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    record = hold.path / holds.RECORD
    record.unlink()
    record.mkdir()
    with pytest.raises(holds.HoldError) as got:
        holds.read_hold(agent.home, "req-1")
    assert plain(str(got.value)) == f"the hold record cannot be read: {record} {FOLDER}"


# the owner key (agent/identity/keys.py, rotation.py) --------------------------------------
def test_a_full_disk_while_saving_the_owner_key_says_the_disk_is_full(home, monkeypatch):
    monkeypatch.setattr(keys, "_write_new_secret", full_disk)
    with pytest.raises(OwnerKeyError) as got:
        OwnerKey.load_or_create(home)
    assert str(got.value) == f"Could not save the owner key: the disk holding {home / KEY_DIR} {FULL_HOME}"


def test_an_owner_key_that_cannot_be_read_says_why(home):
    (home / KEY_DIR / KEY_FILE).mkdir(parents=True)
    with pytest.raises(OwnerKeyError) as got:
        OwnerKey.load(home)
    assert str(got.value) == f"Could not read the owner key: {home / KEY_DIR / KEY_FILE} {FOLDER}"


def test_a_file_to_sign_that_cannot_be_read_says_why(home, tmp_path):
    with pytest.raises(OwnerKeyError) as got:
        OwnerKey.load_or_create(home).minisign(tmp_path, "comment")
    assert str(got.value) == f"Could not read the file to sign: {tmp_path} {FOLDER}"


def test_a_key_folder_that_cannot_be_made_names_what_is_in_the_way(home):
    home.mkdir()
    (home / KEY_DIR).write_text("not a folder")
    with pytest.raises(OwnerKeyError) as got:
        OwnerKey.load_or_create(home)
    # a sync tool's or a restore's doing: "already exists: choose another name or folder" read
    # as nothing being wrong, and no name there is the owner's to choose
    assert plain(str(got.value)) == (f"Could not create the key folder: {home / KEY_DIR} is not "
                                     "a folder (part of the path is a file): check the path")
    assert (home / KEY_DIR).read_text() == "not a folder"


def test_a_rotation_that_cannot_put_the_new_key_in_place_says_why(home, monkeypatch):
    old = OwnerKey.load_or_create(home)
    rotation.begin_rotation(home)

    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", read_only)   # the module rotation.py moves keys by
    with pytest.raises(OwnerKeyError) as got:
        rotation.finish_rotation(home, old)
    assert plain(str(got.value)) == (
        f"Could not put the new owner key in place: {home / KEY_DIR} is on a read-only disk (a "
        "locked SD card, a write-protected USB stick or a read-only share): unlock it, or choose "
        "another folder; run the key rotation again")


# the activity log (agent/audit/log.py, seal.py) -------------------------------------------
def test_an_audit_log_that_cannot_be_opened_or_read_says_why(home):
    log = AuditLog(home, sealer=lambda: None)
    home.mkdir()
    log.path.mkdir()
    with pytest.raises(AuditError) as got:
        log.append("hold")
    assert str(got.value) == f"cannot open the audit log: {log.path} {FOLDER}"
    with pytest.raises(AuditError) as got:
        log.entries()
    assert str(got.value) == f"cannot read the audit log: {log.path} {FOLDER}"


def test_a_full_disk_while_logging_says_the_disk_is_full(home, monkeypatch):
    log = AuditLog(home, sealer=lambda: None)
    monkeypatch.setattr(AuditLog, "_append_locked", full_disk)
    with pytest.raises(AuditError) as got:
        log.append("hold")
    assert str(got.value) == f"cannot write the audit log: the disk holding {log.path} {FULL_HOME}"


def test_an_audit_log_whose_head_cannot_be_read_says_why(home, monkeypatch):
    log = AuditLog(home, sealer=lambda: None)
    log.append("hold")
    real_open = os.open

    def denied(path, *args, **kwargs):
        if Path(path) == log.path:
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    with pytest.raises(AuditError) as got:
        log.head()
    assert plain(str(got.value)).startswith(
        f"cannot read the audit log: permission denied for {log.path}: your user account")


def test_a_seal_that_cannot_be_read_says_why(home):
    path = seals.seal_path(home)
    path.mkdir(parents=True)
    with pytest.raises(seals.SealError) as got:
        seals.read_seal(home)
    assert str(got.value) == f"the seal cannot be read: {path} {FOLDER}"


# packages and masks (agent/export) --------------------------------------------------------
def seal_one(parent: Path, key: OwnerKey):
    with PackageBuilder(parent, "case-1_porch") as builder:
        added = builder.add_bytes("note.txt", b"a note")
        return builder.seal(key, lambda files: {"outputs": outputs_record([added])})


@pytest.fixture
def key(home) -> OwnerKey:
    return OwnerKey.load_or_create(home)


def test_a_full_disk_while_writing_a_package_says_the_disk_is_full(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "write_hashed", full_disk)
    out = tmp_path / "usb"
    with PackageBuilder(out, "case-1_porch") as builder:
        with pytest.raises(PackageError) as got:
            builder.add_bytes("note.txt", b"a note")
        assert str(got.value) == \
            f"Could not write data/note.txt into the package: the disk holding {out} {FULL}"
        src = tmp_path / "clip.mp4"
        src.write_bytes(b"clip")
        with pytest.raises(PackageError) as got:
            builder.add_file("clip.mp4", src)
        assert str(got.value) == \
            f"Could not copy {src} into the package: the disk holding {out} {FULL}"
    assert list(out.iterdir()) == []


def test_a_full_disk_while_sealing_a_package_says_the_disk_is_full(tmp_path, key, monkeypatch):
    write = package.write_hashed

    def full_at_tags(path, chunks, *within):
        if path.name == "bagit.txt":
            full_disk()
        return write(path, chunks, *within)

    monkeypatch.setattr(package, "write_hashed", full_at_tags)
    with pytest.raises(PackageError) as got:
        seal_one(tmp_path / "usb", key)
    assert str(got.value) == f"Could not write bagit.txt: the disk holding {tmp_path / 'usb'} {FULL}"


def test_a_package_that_cannot_be_read_back_says_the_disk_may_be_failing(tmp_path, key,
                                                                         monkeypatch):
    def failing(*_a, **_k):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(package, "hash_file", failing)
    with pytest.raises(PackageError) as got:
        seal_one(tmp_path / "usb", key)
    assert plain(str(got.value)).startswith(
        f"Could not re-read the package to check it: the disk holding {tmp_path / 'usb'} could "
        "not be read or written (input/output error): check the drive")


def test_a_package_that_cannot_be_moved_into_place_says_why(tmp_path, key, monkeypatch):
    def denied(src, dst):
        raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(src), None, str(dst))

    monkeypatch.setattr(package.os, "rename", denied)
    with pytest.raises(PackageError) as got:
        seal_one(tmp_path / "usb", key)
    assert plain(str(got.value)).startswith(
        "Could not move the finished package into place: permission denied for "
        f"{tmp_path / 'usb' / 'case-1_porch'}: your user account may not do this there")


def test_a_full_disk_while_writing_a_package_tar_says_the_disk_is_full(tmp_path, key,
                                                                      monkeypatch):
    sealed = seal_one(tmp_path / "usb", key)
    monkeypatch.setattr(bagtar, "_add_member", full_disk)
    out = tmp_path / "usb" / "case-1_porch.tar"
    with pytest.raises(PackageError) as got:
        bagtar.tar_package(sealed.path, out)
    assert str(got.value) == f"Could not write the package tar: the disk holding {out} {FULL}"
    assert not out.exists()


def test_a_masks_file_that_cannot_be_read_says_why(tmp_path):
    with pytest.raises(MaskError) as got:
        read_masks_file(tmp_path, "porch")
    assert str(got.value) == f"cannot read the masks file: {tmp_path} {FOLDER}"


# uploads (agent/delivery) ------------------------------------------------------------------
ENDPOINT = "https://upload.example.gov/files/"


def test_a_file_to_upload_that_cannot_be_read_says_why(tmp_path):
    with pytest.raises(UploadError) as got:
        compute_sums(tmp_path)
    assert str(got.value) == f"Cannot read the file to upload: {tmp_path} {FOLDER}."
    missing = tmp_path / "case-1.tar"
    with pytest.raises(UploadError) as got:
        upload.upload_file(missing, ENDPOINT, state_dir=tmp_path / "uploads")
    assert str(got.value) == (f"Cannot read the file to upload: {missing} does not exist: check "
                              "the path, or connect the drive it is on.")


def test_a_file_failing_while_it_is_uploaded_says_the_drive_may_be_failing(tmp_path,
                                                                           monkeypatch):
    tar = tmp_path / "case-1.tar"
    tar.write_bytes(b"x" * 100)

    def failing(*_a, **_k):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(upload, "capabilities", lambda *_a: None)
    monkeypatch.setattr(upload, "ChunkSource", failing)
    with pytest.raises(UploadError) as got:
        upload.upload_file(tar, ENDPOINT, state_dir=tmp_path / "uploads")
    assert plain(str(got.value)).startswith(
        f"Cannot read the file to upload: the disk holding {tar} could not be read or written")


def test_a_full_disk_while_saving_an_uploads_progress_says_the_disk_is_full(tmp_path,
                                                                            monkeypatch):
    path = tmp_path / "uploads" / "one.json"
    progress = UploadState(ENDPOINT, ENDPOINT + "1", 100, "0" * 64, 0, 0)
    kept = StateFile(path)
    kept.save(progress)
    real_write = os.write

    def full_here(fd, data):
        if fd == kept._fd:
            full_disk()
        return real_write(fd, data)

    monkeypatch.setattr(state.os, "write", full_here)
    try:
        with pytest.raises(UploadError) as got:
            kept.save(progress.advanced(50, 50))
    finally:
        kept.close()
    assert str(got.value) == f"Cannot save the upload's progress: the disk holding {path} {FULL}."
    monkeypatch.setattr(state, "write_atomic", full_disk)
    with pytest.raises(UploadError) as got:
        save_state(path, progress)
    assert str(got.value) == \
        f"Cannot save the upload's progress: the disk holding {path.parent} {FULL}."


def test_a_cameras_file_saved_on_windows_is_read_and_one_not_text_is_said_so(tmp_path, capsys):
    """Seen on the command line: `agencies register ... --cameras FILE` with a file Notepad saved
    as "UTF-8 with BOM" said 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1
    (char 0)', one Windows PowerShell's `>` wrote (UTF-16) "'utf-8' codec can't decode byte
    0xff in position 0", both exit 2. Read, the command goes on to its next step (here: no
    recordings are indexed, exit 3)."""
    import codecs

    text = json.dumps([{"name": "porch", "address": "Calle Año 5"}], ensure_ascii=False)
    argv = ["--home", str(tmp_path / "home"), "agencies", "register",
            "https://police.example.gov", "--invite", "inv-" + "a" * 26, "--name", "Ann",
            "--cameras"]
    for name, raw in (("notepad.json", codecs.BOM_UTF8 + text.encode("utf-8")),
                      ("powershell.json", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))):
        (tmp_path / name).write_bytes(raw)
        code = main([*argv, str(tmp_path / name)])
        err = capsys.readouterr().err
        assert code == 3 and "no recordings are indexed" in err, err
    (tmp_path / "photo.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    code = main([*argv, str(tmp_path / "photo.json")])
    err = capsys.readouterr().err
    assert code == 2 and err == f"footage-agent: --cameras {tmp_path / 'photo.json'}: it is " \
        "not text\n", err
    # Masks hunt (left alone there): brackets nested past Python's reader ended in a traceback.
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code = main([*argv, str(tmp_path / "deep.json")])
    err = capsys.readouterr().err
    assert code == 2 and err == f"footage-agent: --cameras {tmp_path / 'deep.json'}: its text " \
        "nests too deep to be read\n", err


def test_a_cameras_file_that_is_not_there_is_said_in_plain_words(tmp_path, capsys):
    """The docs hunt: `agencies register ... --cameras FILE` with no such file said
    "[Errno 2] No such file or directory: 'FILE'", the tag cli.md says no message carries."""
    missing = tmp_path / "cameras.json"
    code = main(["--home", str(tmp_path / "home"), "agencies", "register",
                 "https://police.example.gov", "--invite", "inv-" + "a" * 26, "--name", "Ann",
                 "--cameras", str(missing)])
    err = capsys.readouterr().err
    assert code == 2
    assert plain(err, "does not exist") == f"footage-agent: --cameras: {missing} does not exist: " \
        "check the path, or connect the drive it is on\n"
