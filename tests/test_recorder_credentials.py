"""Recorder passwords: kept in a real keyring backend when there is one (a KeyringBackend
registered for the test, as keyring's own API makes them), else encrypted with the owner's
passphrase; never readable in any file of the home folder, never in messages."""
from __future__ import annotations

import json
import os
import stat

import keyring
import pytest
from jaraco.classes import properties
from keyring.backend import KeyringBackend

from agent.recorders import credentials
from agent.recorders.credentials import CredentialError, CredentialStore, system_keyring
from tests.odd_files import zero_device

SECRET = "Tr0ub4dor&3-recorder"


class MemoryKeyring(KeyringBackend):
    """A keychain that lives in memory: the shape every system backend has."""

    # Defining a backend class registers it with keyring: an unviable class is never picked
    # by itself, only when a test registers an instance.
    @properties.classproperty
    def priority(cls):
        raise RuntimeError("registered by tests only")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def get_password(self, service, username):
        return self.items.get((service, username))

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def everything_under(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


@pytest.fixture
def registered_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_with_a_system_keychain_the_password_goes_there_and_nowhere_else(tmp_path, registered_keyring):
    assert system_keyring() is registered_keyring
    store = CredentialStore(tmp_path)
    stored = store.save("nvr-garage", SECRET)
    assert stored.where == "keychain" and "keychain" in store.where()
    assert registered_keyring.items == {(credentials.SERVICE, "nvr-garage"): SECRET}
    assert CredentialStore(tmp_path).load("nvr-garage") == SECRET
    assert not (tmp_path / credentials.FILE_NAME).exists()
    store.delete("nvr-garage")
    assert registered_keyring.items == {}
    with pytest.raises(CredentialError, match="add the recorder again"):
        store.load("nvr-garage")


def test_without_a_keychain_it_is_encrypted_with_the_passphrase(tmp_path, monkeypatch):
    monkeypatch.setenv(credentials.PASSPHRASE_ENV, "owner passphrase")
    assert system_keyring() is None  # this machine has none (keyring's fail backend)
    store = CredentialStore(tmp_path)
    assert store.save("nvr-garage", SECRET).where == "encrypted file"
    store.save("cam-porch", "another one")
    path = tmp_path / credentials.FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert SECRET.encode() not in everything_under(tmp_path)
    assert b"owner passphrase" not in everything_under(tmp_path)
    assert CredentialStore(tmp_path).load("nvr-garage") == SECRET  # a new process, same passphrase
    # An entry moved to another source does not open: the source id is bound to it.
    data = json.loads(path.read_text())
    data["entries"]["cam-porch"] = data["entries"]["nvr-garage"]
    path.write_text(json.dumps(data))
    with pytest.raises(CredentialError, match="passphrase"):
        CredentialStore(tmp_path).load("cam-porch")
    store.delete("nvr-garage")
    with pytest.raises(CredentialError, match="add it again"):
        CredentialStore(tmp_path).load("nvr-garage")


def test_a_wrong_or_missing_passphrase_gives_a_clear_error_and_leaks_nothing(tmp_path, monkeypatch):
    CredentialStore(tmp_path, passphrase=lambda: b"right").save("nvr", SECRET)
    with pytest.raises(CredentialError) as wrong:
        CredentialStore(tmp_path, passphrase=lambda: b"wrong").load("nvr")
    assert "not the one they were saved with" in str(wrong.value) and SECRET not in str(wrong.value)
    monkeypatch.delenv(credentials.PASSPHRASE_ENV, raising=False)
    with pytest.raises(CredentialError, match=credentials.PASSPHRASE_ENV):
        CredentialStore(tmp_path).save("other", SECRET)
    (tmp_path / credentials.FILE_NAME).write_text("{not json")
    with pytest.raises(CredentialError, match="damaged"):
        CredentialStore(tmp_path, passphrase=lambda: b"right").load("nvr")


def test_plaintext_keyrings_are_never_used(tmp_path, monkeypatch):
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    before = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    try:
        assert system_keyring() is None
    finally:
        keyring.set_keyring(before)


def test_a_keychain_that_fails_is_reported_without_the_password(tmp_path, registered_keyring):
    def broken(*_args):
        raise keyring.errors.KeyringLocked("locked: " + SECRET)

    registered_keyring.set_password = broken
    with pytest.raises(CredentialError) as refused:
        CredentialStore(tmp_path).save("nvr", SECRET)
    assert SECRET not in str(refused.value) and "KeyringLocked" in str(refused.value)
    assert os.listdir(tmp_path) == []


def test_a_home_copied_to_another_pc_says_its_keychain_kept_the_password(tmp_path):
    """Restore hunt: a recorder's password stays in the keychain of the PC it was typed on, and
    the home copied to a new PC (or put back there from a backup) said only 'No password is
    kept for this recorder; add it again', as if it had been lost."""
    old_pc, new_pc = MemoryKeyring(), MemoryKeyring()
    home = tmp_path / "home"
    CredentialStore(home, keyring_backend=old_pc).save("nvr-garage", SECRET)
    with pytest.raises(CredentialError) as caught:
        CredentialStore(home, keyring_backend=new_pc).load("nvr-garage")
    said = str(caught.value)
    assert "This PC's keychain holds no password for this recorder" in said
    assert "stays in the keychain of the PC it was typed on" in said
    assert "add the recorder again with its password" in said


_READ_KEPT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
from agent.recorders.credentials import CredentialError, CredentialStore
store = CredentialStore(sys.argv[1], keyring_backend=False, passphrase=lambda: b"right")
print("locked:", store.locked())
for step in (lambda: store.load("nvr"), lambda: store.save("nvr", "secret")):
    try:
        step()
    except CredentialError as exc:
        print("refused:", exc)
"""


@pytest.mark.skipif(os.name != "posix", reason="named pipes and links to devices are made "
                    "here with POSIX calls")
@pytest.mark.parametrize("what", ["a named pipe", "a link to /dev/zero"])
def test_what_stands_for_the_passwords_file_is_said_not_read(tmp_path, what):
    """recorder-secrets.json was read whole as it came: a named pipe in its place kept the
    app's question whether the recorder passwords are locked (its banner) and every recorder's
    password waiting for ever, and a link to /dev/zero ended in a MemoryError. And a file that
    could not be read was said to be damaged, "remove it and add the recorders' passwords
    again", advice that loses them all for a moment's read error. It is read at most 1 MiB
    now, as an ordinary file only, and what cannot be read is said so, with the system's
    words; nothing is written over it. (In a process capped at 1 GiB: the old reading of
    /dev/zero would fill the machine's memory; the timeout only keeps a hang from stalling.)"""
    import subprocess
    import sys

    path = tmp_path / credentials.FILE_NAME
    if what == "a named pipe":
        os.mkfifo(path)
    else:
        path.symlink_to(zero_device(tmp_path / "devices"))
    done = subprocess.run([sys.executable, "-c", _READ_KEPT, str(tmp_path)], text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    said = (f"the recorder passwords cannot be read: {path} is not an ordinary file (a named "
            "pipe or a device), so it is not read: check the path")
    assert done.stdout.splitlines() == ["locked: False", f"refused: {said}",
                                        f"refused: {said}"], done.stdout
    assert path.is_fifo() or path.is_symlink()


def test_a_passwords_file_far_larger_than_any_is_damaged_and_left_as_it_is(tmp_path):
    path = tmp_path / credentials.FILE_NAME
    with open(path, "wb") as f:
        f.truncate(64 << 20)   # sparse
    store = CredentialStore(tmp_path, keyring_backend=False, passphrase=lambda: b"right")
    with pytest.raises(CredentialError, match="is damaged"):
        store.load("nvr")
    assert path.stat().st_size == 64 << 20

