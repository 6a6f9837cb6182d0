"""minisign (https://jedisct1.github.io/minisign/), as evidence packages use it: Ed25519 public
keys with their key ids, and `.minisig` signatures in the prehashed `ED` form, checked here as
the stock `minisign -V` tool checks them.

The key id is derived, never stored: the first 8 bytes of BLAKE2b-512 of the public key.
"""
from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from frp.ed25519_points import PointError, check_key
from frp.jws import b64url_encode, jwk_thumbprint

_CHUNK = 1 << 20


class PublicKeyError(ValueError):
    """A public key that cannot be read; the message says what is wrong."""


class SignatureError(ValueError):
    """A minisign signature does not verify; the message says why."""


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key (32 raw bytes) with its minisign key id (8 bytes)."""

    raw: bytes
    key_id: bytes

    def owner_id(self) -> str:
        """The owner id FRP/1 uses: the key's RFC 7638 JWK thumbprint."""
        return jwk_thumbprint({"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(self.raw)})

    def jwk(self) -> dict:
        """Public JWK with `kid` set to the owner id."""
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(self.raw),
                "kid": self.owner_id()}

    def minisign_text(self) -> str:
        """Contents of a minisign public key file (`minisign -V -p FILE` reads it)."""
        blob = base64.b64encode(b"Ed" + self.key_id + self.raw).decode("ascii")
        return f"untrusted comment: minisign public key {key_id_hex(self.key_id)}\n{blob}\n"

    def verify(self, signature: bytes, data: bytes) -> None:
        """Check a raw Ed25519 signature; raises SignatureError when it does not match, or
        when the key is none a private key makes (one anyone can sign with)."""
        try:   # OpenSSL takes any 32 bytes, those anyone can sign for too
            check_key(self.raw)
        except PointError as exc:
            raise SignatureError(f"the key cannot be used: {exc}") from None
        try:
            Ed25519PublicKey.from_public_bytes(self.raw).verify(signature, data)
        except (InvalidSignature, ValueError):
            raise SignatureError("the signature does not match this key and data") from None


def key_id_hex(key_id: bytes) -> str:
    """A minisign key id as minisign prints it."""
    # minisign prints the id as a little-endian 64-bit number.
    return key_id[::-1].hex().upper()


def public_key_from_raw(raw: bytes) -> PublicKey:
    """Wrap 32 raw public key bytes, deriving the minisign key id."""
    if len(raw) != 32:
        raise PublicKeyError("an Ed25519 public key must be 32 bytes")
    return PublicKey(raw=bytes(raw), key_id=hashlib.blake2b(raw).digest()[:8])


def blake2b_of(data: bytes | Path) -> bytes:
    """BLAKE2b-512 of bytes, or of a file streamed from disk (minisign's prehashed `ED` input);
    OSError when the file cannot be read."""
    h = hashlib.blake2b()
    if isinstance(data, (bytes, bytearray, memoryview)):
        h.update(data)
        return h.digest()
    with open(data, "rb") as src:
        while chunk := src.read(_CHUNK):
            h.update(chunk)
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
    """Read a minisign public key file (or its bare base64 line); PublicKeyError says what is wrong."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.lower().startswith("untrusted comment:")]
    if len(lines) != 1:
        raise PublicKeyError("this is not a minisign public key (expected one key line)")
    blob = _b64_field(lines[0], 42, "public key", PublicKeyError)
    if blob[:2] != b"Ed":
        raise PublicKeyError("this public key is not an Ed25519 minisign key")
    try:
        check_key(blob[10:])
    except PointError as exc:
        raise PublicKeyError(f"its Ed25519 key cannot be used: {exc}") from None
    return PublicKey(raw=blob[10:], key_id=blob[2:10])


def _fields(sig_text: str) -> tuple[bytes, str, bytes]:
    """A `.minisig` text's signature blob, trusted comment and comment signature."""
    lines = sig_text.replace("\r\n", "\n").split("\n")
    if len(lines) < 4 or not lines[0].startswith("untrusted comment:"):
        raise SignatureError("the signature file is not in minisign format")
    if not lines[2].startswith("trusted comment: "):
        raise SignatureError("the signature file has no trusted comment line")
    blob = _b64_field(lines[1], 74, "signature", SignatureError)
    comment = lines[2][len("trusted comment: "):]
    return blob, comment, _b64_field(lines[3], 64, "comment signature", SignatureError)


def signed_comment(public: PublicKey, sig_text: str) -> str | None:
    """The trusted comment of a `.minisig` text when `public` signed it, whatever file the
    signature is over; None otherwise. It tells which file a signature was made for when it
    does not verify over the one beside it."""
    try:
        blob, comment, global_sig = _fields(sig_text)
        public.verify(global_sig, blob[10:] + comment.encode("utf-8"))
    except SignatureError:
        return None
    return comment


def verify_minisign(public: PublicKey, sig_text: str, data: bytes | Path) -> str:
    """Verify a `.minisig` text over data; returns the trusted comment or raises SignatureError."""
    blob, comment, global_sig = _fields(sig_text)
    if blob[:2] == b"Ed":
        raise SignatureError("the signature uses minisign's legacy algorithm; only prehashed (ED) is accepted")
    if blob[:2] != b"ED":
        raise SignatureError("the signature uses an unknown algorithm")
    if blob[2:10] != public.key_id:
        raise SignatureError(
            f"the signature was made by another key (key id {key_id_hex(blob[2:10])}, "
            f"expected {key_id_hex(public.key_id)})")
    try:
        digest = blake2b_of(data)
    except OSError as exc:
        raise SignatureError(f"could not read {data}: {exc.strerror}") from None
    try:
        public.verify(blob[10:], digest)
    except SignatureError:
        raise SignatureError("the signed file was changed or the signature is damaged") from None
    try:
        public.verify(global_sig, blob[10:] + comment.encode("utf-8"))
    except SignatureError:
        raise SignatureError("the trusted comment was changed or its signature is damaged") from None
    return comment



# How minisign's own tool reads these files: a key file's second line is the key (its first is
# a comment, whatever it says), and each base64 line is taken as it is, with nothing after it
# but the line end; this module reads a bare key line and allows spaces around one. A
# package the stock check (the one its README gives) refuses must not pass `verify`.
_B64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


# minisign reads a comment line with fgets into 1,024 bytes: a line that does not fit, with
# its line end, is "too long" (a signature file's), or its rest is read as the next line.
_COMMENT_LINE_MAX = 1023
_SIG_PREFIX = "untrusted comment: "


def _comment_too_long(text: str) -> bool:
    """Whether the first line, with its line end, is longer than minisign reads."""
    first = text.partition("\n")[0]   # a CRLF file's "\r" is read into the buffer too
    return len(first.encode("utf-8")) + 1 > _COMMENT_LINE_MAX


def stock_key_refusal(pub_text: str) -> str | None:
    """Why `minisign -V -p KEY_FILE` would not read this key file, or None."""
    lines = pub_text.split("\n")
    if len(lines) < 2 or not _B64.fullmatch(lines[1].rstrip("\r")) or _comment_too_long(pub_text):
        return ("its key is not on its second line, after an 'untrusted comment:' line of at "
                f"most {_COMMENT_LINE_MAX - 1:,} bytes, with nothing else on that line")
    return None


def stock_signature_refusal(sig_text: str) -> str | None:
    """Why `minisign -V` would not read this `.minisig` (one `_fields` reads), or None."""
    lines = sig_text.split("\n")
    first = lines[0].rstrip("\r")
    if first.startswith("untrusted comment:") and not first.startswith(_SIG_PREFIX):
        return f"its first line does not start with {_SIG_PREFIX.strip()!r} and a space"
    if _comment_too_long(sig_text):
        return (f"its first line, the untrusted comment, is longer than the "
                f"{_COMMENT_LINE_MAX - 1:,} bytes minisign reads")
    if "\0" in first:   # minisign finds the line's end by the string's, which stops there
        return "its first line, the untrusted comment, holds a NUL character"
    for index, what in ((1, "signature"), (3, "comment signature")):
        if len(lines) > index and not _B64.fullmatch(lines[index].rstrip("\r")):
            return (f"its {what} line (line {index + 1}) holds something besides the "
                    "signature")
    return None
