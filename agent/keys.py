"""The owner's Ed25519 key and the public forms it takes: JWK (for FRP/1) and minisign (packages).

The key lives in `<home>/keys/owner.key` as PKCS#8 PEM. With a passphrase it is a standard
PKCS#8 EncryptedPrivateKeyInfo using PBES2 with scrypt (RFC 7914); agent/pkcs8.py writes it and
says why, and cryptography reads it back with its ordinary `load_pem_private_key`.

The minisign key id is derived, not stored: the first 8 bytes of BLAKE2b-512 of the public key,
so no sidecar file can drift out of step with the key.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .pkcs8 import encrypt_pkcs8

KEY_DIR = "keys"
KEY_FILE = "owner.key"
TRUSTED_COMMENT_MAX = 1024  # minisign's own limit
_CHUNK = 1 << 20


class OwnerKeyError(Exception):
    """The owner key or a public key cannot be read or used; the message says what to do."""


class SignatureError(Exception):
    """A minisign signature does not verify; the message says why."""


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key (32 raw bytes) with its minisign key id (8 bytes)."""

    raw: bytes
    key_id: bytes

    def owner_id(self) -> str:
        """RFC 7638 JWK thumbprint: base64url SHA-256 of the canonical required members."""
        canonical = json.dumps(
            {"crv": "Ed25519", "kty": "OKP", "x": _b64url(self.raw)},
            separators=(",", ":"), sort_keys=True,
        )
        return _b64url(hashlib.sha256(canonical.encode("ascii")).digest())

    def jwk(self) -> dict:
        """Public JWK with `kid` set to the owner id."""
        return {"kty": "OKP", "crv": "Ed25519", "x": _b64url(self.raw), "kid": self.owner_id()}

    def minisign_text(self) -> str:
        """Contents of a minisign public key file (`minisign -V -p FILE` reads it)."""
        blob = base64.b64encode(b"Ed" + self.key_id + self.raw).decode("ascii")
        return f"untrusted comment: minisign public key {_key_id_hex(self.key_id)}\n{blob}\n"

    def verify(self, signature: bytes, data: bytes) -> None:
        """Check a raw Ed25519 signature; raises SignatureError when it does not match."""
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except (InvalidSignature, ValueError):
            raise SignatureError("the signature does not match this key and data") from None


def _key_id_hex(key_id: bytes) -> str:
    # minisign prints the id as a little-endian 64-bit number.
    return key_id[::-1].hex().upper()


def public_key_from_raw(raw: bytes) -> PublicKey:
    """Wrap 32 raw public key bytes, deriving the minisign key id."""
    if len(raw) != 32:
        raise OwnerKeyError("an Ed25519 public key must be 32 bytes")
    return PublicKey(raw=bytes(raw), key_id=hashlib.blake2b(raw).digest()[:8])


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
        path = _key_path(home)
        if path.exists():
            return cls.load(home, passphrase)
        private = Ed25519PrivateKey.generate()
        _make_private_dirs(Path(home))
        try:
            _write_new_secret(path, _pem(private, passphrase))
        except FileExistsError:
            # Another process made the key first; theirs wins so both share one identity.
            return cls.load(home, passphrase)
        except OSError as exc:
            raise OwnerKeyError(f"Could not save the owner key in {path.parent}: {exc.strerror}") from None
        return cls(private)

    @classmethod
    def load(cls, home: Path, passphrase: bytes | None = None) -> "OwnerKey":
        """Load the existing owner key; OwnerKeyError if missing, damaged or the passphrase is wrong."""
        path = _key_path(home)
        try:
            pem = path.read_bytes()
        except FileNotFoundError:
            raise OwnerKeyError(f"There is no owner key at {path}. Create one first.") from None
        except OSError as exc:
            raise OwnerKeyError(f"Could not read the owner key at {path}: {exc.strerror}") from None
        return cls(_parse_private(pem, passphrase, path))

    def sign(self, data: bytes) -> bytes:
        """Raw 64-byte Ed25519 signature over `data`."""
        return self._private.sign(data)

    def minisign(self, data: bytes | Path, trusted_comment: str) -> str:
        """A `.minisig` text (prehashed `ED` algorithm) over bytes or a file streamed from disk."""
        if "\n" in trusted_comment or "\r" in trusted_comment:
            raise OwnerKeyError("a signature comment must be a single line")
        comment = trusted_comment.encode("utf-8")
        if len(comment) > TRUSTED_COMMENT_MAX:
            raise OwnerKeyError(f"a signature comment must be at most {TRUSTED_COMMENT_MAX} bytes")
        signature = self._private.sign(_blake2b(data))
        global_sig = self._private.sign(signature + comment)
        key_id = self.public.key_id
        return (
            f"untrusted comment: signature from footage-agent key {_key_id_hex(key_id)}\n"
            f"{base64.b64encode(b'ED' + key_id + signature).decode('ascii')}\n"
            f"trusted comment: {trusted_comment}\n"
            f"{base64.b64encode(global_sig).decode('ascii')}\n"
        )


def _key_path(home: Path) -> Path:
    return Path(home) / KEY_DIR / KEY_FILE


def _make_private_dirs(home: Path) -> None:
    """Create `home` and `home/keys` as 0700; tighten `keys` if it exists looser."""
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        keys = home / KEY_DIR
        keys.mkdir(mode=0o700, exist_ok=True)
        if os.name == "posix" and keys.stat().st_mode & 0o077:
            keys.chmod(0o700)
    except OSError as exc:
        raise OwnerKeyError(f"Could not create the key folder in {home}: {exc.strerror}") from None


def _write_new_secret(path: Path, secret: bytes) -> None:
    """Write to a 0600 temp file, then hard-link into place so a key is never overwritten."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(secret)
            out.flush()
            os.fsync(out.fileno())
        os.link(tmp, path)
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


def _parse_private(pem: bytes, passphrase: bytes | None, path: Path) -> Ed25519PrivateKey:
    encrypted = b"ENCRYPTED PRIVATE KEY" in pem
    if encrypted and not passphrase:
        raise OwnerKeyError("The owner key is protected by a passphrase. Enter the passphrase.")
    if not encrypted and passphrase:
        raise OwnerKeyError(
            "A passphrase was given, but the owner key is not protected by one. "
            "Try again without a passphrase.")
    try:
        private = serialization.load_pem_private_key(pem, passphrase if encrypted else None)
    except ValueError as exc:
        if encrypted and "password" in str(exc).lower():
            raise OwnerKeyError("The passphrase for the owner key is wrong. Try again.") from None
        raise OwnerKeyError(f"The owner key file {path} is damaged and cannot be read.") from None
    except Exception:  # cryptography raises several types for malformed files
        raise OwnerKeyError(f"The owner key file {path} is damaged and cannot be read.") from None
    if not isinstance(private, Ed25519PrivateKey):
        raise OwnerKeyError(f"The owner key file {path} holds a key of the wrong type (not Ed25519).")
    return private


def _blake2b(data: bytes | Path) -> bytes:
    h = hashlib.blake2b()
    if isinstance(data, (bytes, bytearray, memoryview)):
        h.update(data)
        return h.digest()
    try:
        with open(data, "rb") as src:
            while chunk := src.read(_CHUNK):
                h.update(chunk)
    except OSError as exc:
        raise OwnerKeyError(f"Could not read {data} to sign it: {exc.strerror}") from None
    return h.digest()


def _b64_field(line: str, size: int, what: str, error: type[Exception]) -> bytes:
    try:
        raw = base64.b64decode(line.strip(), validate=True)
    except ValueError:
        raise error(f"the {what} is not valid base64") from None
    if len(raw) != size:
        raise error(f"the {what} has {len(raw)} bytes, expected {size}")
    return raw


def parse_minisign_public(text: str) -> PublicKey:
    """Read a minisign public key file (or its bare base64 line); OwnerKeyError says what is wrong."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.lower().startswith("untrusted comment:")]
    if len(lines) != 1:
        raise OwnerKeyError("this is not a minisign public key (expected one key line)")
    blob = _b64_field(lines[0], 42, "public key", OwnerKeyError)
    if blob[:2] != b"Ed":
        raise OwnerKeyError("this public key is not an Ed25519 minisign key")
    return PublicKey(raw=blob[10:], key_id=blob[2:10])


def verify_minisign(public: PublicKey, sig_text: str, data: bytes | Path) -> str:
    """Verify a `.minisig` text over data; returns the trusted comment or raises SignatureError."""
    lines = sig_text.replace("\r\n", "\n").split("\n")
    if len(lines) < 4 or not lines[0].startswith("untrusted comment:"):
        raise SignatureError("the signature file is not in minisign format")
    if not lines[2].startswith("trusted comment: "):
        raise SignatureError("the signature file has no trusted comment line")
    blob = _b64_field(lines[1], 74, "signature", SignatureError)
    comment = lines[2][len("trusted comment: "):]
    global_sig = _b64_field(lines[3], 64, "comment signature", SignatureError)
    if blob[:2] == b"Ed":
        raise SignatureError("the signature uses minisign's legacy algorithm; only prehashed (ED) is accepted")
    if blob[:2] != b"ED":
        raise SignatureError("the signature uses an unknown algorithm")
    if blob[2:10] != public.key_id:
        raise SignatureError(
            f"the signature was made by another key (key id {_key_id_hex(blob[2:10])}, "
            f"expected {_key_id_hex(public.key_id)})")
    try:
        digest = _blake2b(data)
    except OwnerKeyError as exc:
        raise SignatureError(str(exc)) from None
    try:
        public.verify(blob[10:], digest)
    except SignatureError:
        raise SignatureError("the signed file was changed or the signature is damaged") from None
    try:
        public.verify(global_sig, blob[10:] + comment.encode("utf-8"))
    except SignatureError:
        raise SignatureError("the trusted comment was changed or its signature is damaged") from None
    return comment
