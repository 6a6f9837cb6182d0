"""The owner's Ed25519 key: kept private in the home folder, signing decisions (JWS) and
packages (minisign). Its public forms (JWK, minisign) are frp.minisign.PublicKey.

The key lives in `<home>/keys/owner.key` as PKCS#8 PEM. With a passphrase it is a standard
PKCS#8 EncryptedPrivateKeyInfo using PBES2 with scrypt (RFC 7914); agent/identity/pkcs8.py
writes it and says why, and cryptography reads it back with its ordinary
`load_pem_private_key`.
"""
from __future__ import annotations

import base64
import hashlib
import os
import threading
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.identity.pkcs8 import encrypt_pkcs8, envelope_intact
from agent.new_files import place_new
from agent.os_words import plain_home_error, plain_os_error
from agent.permissions import make_folder, owner_only_folder, unused_folder
from agent.storage import BINARY, read_file_start, write_atomic
from frp.minisign import (PublicKeyError, blake2b_of, key_id_hex, parse_minisign_public,
                          public_key_from_raw)

KEY_DIR = "keys"
KEY_FILE = "owner.key"
PUBLIC_FILE = "owner.pub"   # the public half, readable without the passphrase (log verify)
TRUSTED_COMMENT_MAX = 1024  # minisign's own limit
ENV_PASSPHRASE = "FOOTAGE_AGENT_PASSPHRASE"
# Far past either key file (a few hundred bytes), read no further: a 2 GB file or a link to
# /dev/zero a sync program left there reads as a damaged key, never fills memory.
KEY_FILE_LIMIT = 1 << 16

# Unlocked passphrase-protected keys, by key file identity and passphrase digest: scrypt takes
# a noticeable moment and every log record is sealed with the key, so it is unlocked once per
# process. A changed key file or another passphrase misses the cache.
_unlocked: dict[tuple, "OwnerKey"] = {}
_unlocked_guard = threading.Lock()


def passphrase_from_env() -> bytes | None:
    """FOOTAGE_AGENT_PASSPHRASE as bytes; None when unset or empty.

    As the environment holds it (os.fsencode), not encoded anew as UTF-8: under the C locale
    without UTF-8 mode Python reads an accented passphrase ('contraseña') as lone surrogates,
    and encoding them ended every command with "'utf-8' codec can't encode characters". The
    bytes a UTF-8 terminal set are the UTF-8 the app's typed passphrase is encoded as."""
    secret = os.environ.get(ENV_PASSPHRASE)
    return os.fsencode(secret) if secret else None


class OwnerKeyError(Exception):
    """The owner key cannot be read or used; the message says what to do."""


class KeyLocked(OwnerKeyError):
    """The owner key is protected by a passphrase, and none or a wrong one was given."""


class DamagedKey(OwnerKeyError):
    """The owner key file is there but holds no readable Ed25519 key."""


class OwnerKey:
    """The owner's private key. Its repr names only the owner id; it cannot be pickled."""

    __slots__ = ("_private", "public")

    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public = public_key_from_raw(private.public_key().public_bytes_raw())

    def __repr__(self) -> str:
        return f"OwnerKey(owner_id={self.public.owner_id()!r})"

    def __reduce__(self):
        raise TypeError("the owner key cannot be pickled or copied")

    @classmethod
    def load_or_create(cls, home: Path, passphrase: bytes | None = None) -> "OwnerKey":
        """Load the owner key from `home`, creating it (and its 0700 folders) on first use."""
        return cls.obtain(home, passphrase)[0]

    @classmethod
    def obtain(cls, home: Path, passphrase: bytes | None = None) -> tuple["OwnerKey", bool]:
        """`load_or_create`, also saying whether this call made the key (True only for the one
        process that created it), so its making is logged exactly once."""
        key, made = cls.obtain_at(Path(home), private_key_file(home), passphrase)
        _keep_public(Path(home), key)
        return key, made

    @classmethod
    def load_or_create_at(cls, home: Path, path: Path,
                          passphrase: bytes | None = None) -> "OwnerKey":
        """Load the key at `path` (inside `home`'s key folder), creating it if missing."""
        return cls.obtain_at(home, path, passphrase)[0]

    @classmethod
    def obtain_at(cls, home: Path, path: Path,
                  passphrase: bytes | None = None) -> tuple["OwnerKey", bool]:
        """`load_or_create_at`, also saying whether this call made the key."""
        if path.exists():
            return cls.load_at(path, passphrase), False
        private = Ed25519PrivateKey.generate()
        _make_private_dirs(Path(home))
        path.parent.mkdir(mode=0o700, exist_ok=True)
        try:
            _write_new_secret(path, _pem(private, passphrase))
        except FileExistsError:
            # Another process made the key first; theirs wins so both share one identity.
            return cls.load_at(path, passphrase), False
        except OSError as exc:
            raise OwnerKeyError("Could not save the owner key: "
                                + plain_home_error(exc, str(path.parent))) from None
        return cls(private), True

    @classmethod
    def load(cls, home: Path, passphrase: bytes | None = None) -> "OwnerKey":
        """Load the existing owner key; OwnerKeyError if missing, damaged or the passphrase is wrong."""
        key = cls.load_at(private_key_file(home), passphrase)
        _keep_public(Path(home), key)
        return key

    @classmethod
    def load_at(cls, path: Path, passphrase: bytes | None = None) -> "OwnerKey":
        """Load the existing key at `path` (see `load`)."""
        try:
            pem = read_file_start(path, KEY_FILE_LIMIT)   # a pipe or device: OSError
            st = path.stat()
        except FileNotFoundError:
            raise OwnerKeyError(f"There is no owner key at {path}. Create one first.") from None
        except OSError as exc:
            raise OwnerKeyError("Could not read the owner key: "
                                + plain_os_error(exc, str(path))) from None
        cached = None
        if passphrase and b"ENCRYPTED PRIVATE KEY" in pem:
            cached = (str(path.absolute()), st.st_ino, st.st_mtime_ns, st.st_size,
                      hashlib.sha256(pem + b"\0" + passphrase).hexdigest())
            with _unlocked_guard:
                if cached in _unlocked:
                    return _unlocked[cached]
        key = cls(_parse_private(pem, passphrase, path))
        if cached is not None:
            with _unlocked_guard:
                _unlocked[cached] = key
        return key

    def sign(self, data: bytes) -> bytes:
        """Raw 64-byte Ed25519 signature over `data`."""
        return self._private.sign(data)

    def certify(self, builder):
        """Sign an X.509 certificate (a cryptography CertificateBuilder) with this key: the
        self-issued certificates of Content Credentials (agent/identity/certificates.py)."""
        return builder.sign(self._private, None)

    def minisign(self, data: bytes | Path, trusted_comment: str) -> str:
        """A `.minisig` text (prehashed `ED` algorithm) over bytes or a file streamed from disk."""
        if "\n" in trusted_comment or "\r" in trusted_comment:
            raise OwnerKeyError("a signature comment must be a single line")
        comment = trusted_comment.encode("utf-8")
        if len(comment) > TRUSTED_COMMENT_MAX:
            raise OwnerKeyError(f"a signature comment must be at most {TRUSTED_COMMENT_MAX} bytes")
        try:
            signature = self._private.sign(blake2b_of(data))
        except OSError as exc:
            raise OwnerKeyError("Could not read the file to sign: "
                                + plain_os_error(exc, str(data))) from None
        global_sig = self._private.sign(signature + comment)
        key_id = self.public.key_id
        return (
            f"untrusted comment: signature from footage-agent key {key_id_hex(key_id)}\n"
            f"{base64.b64encode(b'ED' + key_id + signature).decode('ascii')}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{base64.b64encode(global_sig).decode('ascii')}\n"
        )


def private_key_file(home: Path) -> Path:
    """`<home>/keys/owner.key`: the owner's private key (PKCS#8 PEM, 0600)."""
    return Path(home) / KEY_DIR / KEY_FILE


def public_key_file(home: Path) -> Path:
    """`<home>/keys/owner.pub`: the owner's public key (minisign format), kept beside the key
    so the log's seal can be checked without the passphrase."""
    return Path(home) / KEY_DIR / PUBLIC_FILE


def public_key_text(home: Path) -> str:
    """`keys/owner.pub`'s text, read no further than KEY_FILE_LIMIT and only from an ordinary
    file (OSError otherwise, UnicodeDecodeError for what is not ASCII)."""
    return read_file_start(public_key_file(home), KEY_FILE_LIMIT).decode("ascii")


def known_owner_id(home: Path) -> str | None:
    """The owner key's id as far as it is known without its passphrase: from `keys/owner.pub`,
    which is written whenever the key is loaded; None when the home has no key (yet) or
    that file cannot be read."""
    if not private_key_file(home).is_file():
        return None
    try:
        return parse_minisign_public(public_key_text(home)).owner_id()
    except (OSError, UnicodeDecodeError, PublicKeyError):
        return None


def keep_public_key(home: Path, key: "OwnerKey") -> None:
    """Write `keys/owner.pub` from `key` when it says otherwise (missing, or replaced)."""
    _keep_public(home, key)


def _keep_public(home: Path, key: "OwnerKey") -> None:
    path = public_key_file(home)
    text = key.public.minisign_text().encode("ascii")
    try:
        if read_file_start(path, KEY_FILE_LIMIT) == text:
            return
    except OSError:
        pass
    try:
        write_atomic(path, text, 0o600)
    except OSError:
        pass  # only a convenience for checking the log; the key itself is what matters


def _make_private_dirs(home: Path) -> None:
    """Create `home` and `home/keys` owner-only (0700, or the owner-only ACL on Windows);
    tighten them if they exist looser."""
    try:
        for folder in (home, home / KEY_DIR):   # owner-only on every system (permissions.py)
            new = unused_folder(folder)
            make_folder(folder)
            owner_only_folder(folder, new)
    except OSError as exc:
        # The folder in the way when the OS names it (a file called `keys`), else the home.
        raise OwnerKeyError("Could not create the key folder: "
                            + plain_os_error(exc, exc.filename or str(home))) from None


def _write_new_secret(path: Path, secret: bytes) -> None:
    """Write to a 0600 temp file, then put it in place (a hard link, or on a drive that makes
    none a rename that replaces nothing: new_files.py) so a key is never overwritten."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(secret)
            out.flush()
            os.fsync(out.fileno())
        place_new(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _pem(private: Ed25519PrivateKey, passphrase: bytes | None) -> bytes:
    plain = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    if passphrase is None:
        label, der = "PRIVATE KEY", plain
    else:
        if not passphrase:
            raise OwnerKeyError("The passphrase is empty; choose one or use no passphrase.")
        label, der = "ENCRYPTED PRIVATE KEY", encrypt_pkcs8(plain, passphrase)
    body = base64.encodebytes(der).decode("ascii")
    return f"-----BEGIN {label}-----\n{body}-----END {label}-----\n".encode("ascii")


def _pem_der(pem: bytes) -> bytes:
    """The DER inside a PEM block, or b"" if it cannot be decoded."""
    lines = [line.strip() for line in pem.splitlines()]
    body = b"".join(line for line in lines if line and not line.startswith(b"-----"))
    try:
        return base64.b64decode(body, validate=True)
    except ValueError:
        return b""


def _parse_private(pem: bytes, passphrase: bytes | None, path: Path) -> Ed25519PrivateKey:
    encrypted = b"ENCRYPTED PRIVATE KEY" in pem
    if encrypted and not passphrase:
        raise KeyLocked("The owner key is protected by a passphrase, and none was given.")
    if not encrypted and passphrase:
        raise OwnerKeyError(
            "A passphrase was given, but the owner key is not protected by one. "
            "Try again without a passphrase.")
    try:
        private = serialization.load_pem_private_key(pem, passphrase if encrypted else None)
    except Exception as exc:  # cryptography raises several types for malformed files
        if encrypted and ("password" in str(exc).lower() or envelope_intact(_pem_der(pem))):
            raise KeyLocked("The passphrase for the owner key is wrong. Try again.") from None
        raise DamagedKey(f"The owner key file {path} is damaged and cannot be read.") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise DamagedKey(f"The owner key file {path} holds a key of the wrong type (not Ed25519).")
    return private


