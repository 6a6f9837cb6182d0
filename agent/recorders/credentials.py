"""Recorder passwords: in the system keychain through `keyring` (Secret Service, macOS Keychain,
Windows Credential Locker); where there is none (a headless Linux often has none), in one
file in the home folder, encrypted with AES-256-GCM under a key derived from the owner's
passphrase with scrypt (the owner key's parameters). Never in plain text, logs or errors.

The file holds one salt and, per source, a nonce and the ciphertext; the source id is bound
as associated data, so an entry moved to another source does not decrypt.
"""
from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from agent.identity.pkcs8 import SCRYPT_N, SCRYPT_P, SCRYPT_R
from agent.recorders.model import RecorderError
from agent.os_words import plain_home_error
from agent.storage import read_file_start, write_atomic

SERVICE = "footage-agent recorder"
FILE_NAME = "recorder-secrets.json"
# An entry is about 150 bytes: a file larger than this is no passwords file the app wrote.
_FILE_LIMIT = 1 << 20
PASSPHRASE_ENV = "FOOTAGE_AGENT_PASSPHRASE"
# Backends that would keep the password readable on disk: never used, the fallback is.
_PLAINTEXT = ("keyrings.alt.file.PlaintextKeyring", "keyring.backends.null.Keyring",
              "keyrings.alt.file.EncryptedKeyring")


class CredentialError(RecorderError):
    """No password could be kept or read; the message says what the owner can do."""


def env_passphrase() -> bytes | None:
    """The command line's source of the passphrase."""
    value = os.environ.get(PASSPHRASE_ENV)
    return os.fsencode(value) if value else None   # as the environment holds it (keys.py)


def system_keyring():
    """The keyring backend to use, or None when there is no real keychain here."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, fail.Keyring) or name in _PLAINTEXT:
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


@dataclass(frozen=True)
class Stored:
    """Where a password went: 'keychain' (with the backend's name) or 'encrypted file'."""

    where: str
    detail: str


# A password kept in a keychain does not travel with the home folder: copied to a new PC (or
# put back there from a backup), the home asks that PC's keychain, which never held it.
NOT_IN_KEYCHAIN = ("This PC's keychain holds no password for this recorder (a password stays in "
                   "the keychain of the PC it was typed on, so a folder copied or put back from "
                   "a backup here does not bring it): add the recorder again with its password")


class CredentialStore:
    """Passwords of recorder sources, by source id. `keyring_backend`: None finds the system's
    (pass False to force the file); `passphrase`: asked only when the file is used."""

    def __init__(self, home: Path, *, keyring_backend=None,
                 passphrase: Callable[[], bytes | None] = env_passphrase) -> None:
        self._home, self._passphrase = Path(home), passphrase
        self._backend = system_keyring() if keyring_backend is None else (keyring_backend or None)
        self._key: tuple[bytes, bytes] | None = None  # (salt, key), derived once

    def __repr__(self) -> str:
        return f"CredentialStore({self.where()!r})"

    @property
    def path(self) -> Path:
        return self._home / FILE_NAME

    def where(self) -> str:
        if self._backend is not None:
            return f"the system keychain ({type(self._backend).__name__})"
        return f"an encrypted file ({FILE_NAME}) unlocked by your passphrase"

    # --- the keychain --------------------------------------------------------------------
    def save(self, source_id: str, password: str) -> Stored:
        """Keep the password of a recorder source."""
        if self._backend is not None:
            try:
                self._backend.set_password(SERVICE, source_id, password)
                return Stored("keychain", type(self._backend).__name__)
            except Exception as exc:  # keyring raises its own errors and backend ones
                raise CredentialError(f"The system keychain refused to keep the recorder's "
                                      f"password ({type(exc).__name__}).") from None
        entries = self._read_file()
        salt, key = self._derive(entries.get("salt"))
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, password.encode("utf-8"), source_id.encode("utf-8"))
        entries["salt"] = _b64(salt)
        entries.setdefault("entries", {})[source_id] = {"nonce": _b64(nonce), "sealed": _b64(sealed)}
        self._write_file(entries)
        return Stored("encrypted file", FILE_NAME)

    def load(self, source_id: str) -> str:
        """The password kept for a source; CredentialError when there is none or it is locked."""
        if self._backend is not None:
            try:
                value = self._backend.get_password(SERVICE, source_id)
            except Exception as exc:
                raise CredentialError(f"The system keychain did not give the recorder's "
                                      f"password ({type(exc).__name__}); is it locked?") from None
            if value is not None:
                return value
            if not isinstance(self._read_file().get("entries", {}).get(source_id), dict):
                raise CredentialError(NOT_IN_KEYCHAIN)
            # Kept encrypted in the home folder (the demo does; or before a keychain was
            # there): read from there.
        return self._from_file(self._read_file(), source_id)

    def locked(self) -> bool:
        """True when passwords are kept in the encrypted file and no passphrase is at hand to
        open them (the app was started without one): no recorder can be reached until then."""
        try:
            kept = bool(self._read_file().get("entries"))
        except CredentialError:   # damaged: said where a password is used
            return False
        return kept and not self._passphrase()

    def check_passphrase(self) -> None:
        """CredentialError unless the passphrase opens the passwords kept in the file (one is
        read; the others were sealed with the same)."""
        entries = self._read_file()
        for source_id in entries.get("entries", {}):
            self._from_file(entries, source_id)
            return

    def _from_file(self, entries: dict, source_id: str) -> str:
        entry = entries.get("entries", {}).get(source_id)
        if not isinstance(entry, dict):
            raise CredentialError("No password is kept for this recorder; add it again.")
        _salt, key = self._derive(entries.get("salt"))
        try:
            plain = AESGCM(key).decrypt(_unb64(entry.get("nonce")), _unb64(entry.get("sealed")),
                                        source_id.encode("utf-8"))
        except (InvalidTag, ValueError):
            raise CredentialError("The recorder passwords could not be unlocked: the passphrase "
                                  "is not the one they were saved with.") from None
        return plain.decode("utf-8")

    def delete(self, source_id: str) -> None:
        """Forget a source's password (when the source is removed)."""
        if self._backend is not None:
            try:
                self._backend.delete_password(SERVICE, source_id)
            except Exception:  # nothing kept is as good as deleted
                pass
            return
        entries = self._read_file()
        if entries.get("entries", {}).pop(source_id, None) is not None:
            self._write_file(entries)

    # --- the encrypted file --------------------------------------------------------------
    def _derive(self, salt_text: str | None) -> tuple[bytes, bytes]:
        salt = _unb64(salt_text) if salt_text else os.urandom(16)
        if self._key is not None and self._key[0] == salt:
            return self._key
        passphrase = self._passphrase()
        if not passphrase:
            raise CredentialError(
                "This computer has no system keychain, so recorder passwords are kept encrypted "
                f"with your passphrase: enter it (or set {PASSPHRASE_ENV} for the command line).")
        key = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase)
        self._key = (salt, key)
        return self._key

    def _read_file(self) -> dict:
        try:   # an ordinary file only, and no further than any such file goes
            raw = read_file_start(self.path, _FILE_LIMIT + 1)
        except FileNotFoundError:
            return {"format": 1, "kdf": "scrypt", "entries": {}}
        except OSError as exc:   # not damaged: removing it would lose every password
            raise CredentialError("the recorder passwords cannot be read: "
                                  + plain_home_error(exc, str(self.path))) from None
        try:
            if len(raw) > _FILE_LIMIT:
                raise ValueError("far larger than any passwords file")
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError):
            raise CredentialError(f"{FILE_NAME} in the home folder is damaged; remove it and add "
                                  "the recorders' passwords again.") from None
        if not isinstance(data, dict) or not isinstance(data.get("entries", {}), dict):
            raise CredentialError(f"{FILE_NAME} in the home folder is damaged.")
        return data

    def _write_file(self, data: dict) -> None:
        data.update({"format": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P})
        self._home.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, json.dumps(data, indent=1, sort_keys=True).encode(), mode=0o600)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text, validate=True)
