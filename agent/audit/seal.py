"""The seal beside the audit log: how many records it had and the hash of the last one, signed
with the owner's key, so cutting records off the end (or deleting the log) is detected too.

A hash chain shows an edited, removed, inserted or reordered line, but not a log cut short:
what is left is still a valid chain. `<home>/audit.seal` (0600) therefore holds the record
count and the head (the SHA-256 of the last record's line, which the next record carries as
`prev`), signed by the owner's Ed25519 key, and is replaced (atomically, after the record is on
disk) with each append. A crash between the two leaves the log one record longer than its
seal, which is not tampering: the next append seals everything. The same head goes into every
decision sent to an agency (frp/decision.py, `audit_log`), a witness the owner cannot take
back. What the seal cannot show is in docs/security.md.

The seal is signed with the owner key. A passphrase-protected key that is locked (the
passphrase not given) cannot sign: records are still written and chained, and the seal stays
where it was until the key is next unlocked, when one seal covers them all; `log verify` says
how many records wait to be sealed.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from agent.identity.keys import (
    OwnerKey,
    OwnerKeyError,
    private_key_file,
    public_key_text,
)
from agent.identity.rotation import was_owner_key
from agent.identity.typed_passphrase import passphrase_for
from agent.os_words import plain_os_error
from agent.sqlite_uris import read_only_uri
from agent.storage import newer_layout, read_file_start, write_atomic
from frp.minisign import PublicKeyError, SignatureError, parse_minisign_public, public_key_from_raw

SEAL_FILE = "audit.seal"
FORMAT = "footage-agent audit seal 1"
# Signed bytes start with this line, so a seal signature can never pass for a decision (JWS)
# or a package signature (minisign) made with the same key, nor the other way round.
_DOMAIN = FORMAT.encode("ascii") + b"\n"
_HEX = set("0123456789abcdef")
_NEWER = re.compile(r"footage-agent audit seal ([0-9]{1,6})")   # FORMAT's later layouts


class SealError(Exception):
    """The seal cannot be read or written; the message says why."""


class NewerSeal(SealError):
    """The seal was written by a newer footage-agent in a layout this one does not know: it
    is neither read as a seal nor sealed over (a `log-gap` would be written for good)."""


@dataclass(frozen=True)
class Seal:
    """The signed state of the log: `count` records, the last one's line hashing to `head`."""

    count: int
    head: str          # SHA-256 (hex) of the last sealed record's line
    owner: str         # the owner id (RFC 7638 thumbprint of `key`)
    key: str           # the owner's Ed25519 public key, base64url (32 bytes)
    signature: str     # base64url Ed25519 signature over signed_bytes(count, head, owner)


def signed_bytes(count: int, head: str, owner: str) -> bytes:
    """What a seal's signature covers."""
    body = {"count": count, "head": head, "owner": owner}
    return _DOMAIN + json.dumps(body, sort_keys=True, separators=(",", ":")).encode("ascii")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_seal(key: OwnerKey, count: int, head: str) -> Seal:
    """Sign the log's state with the owner key."""
    owner = key.public.owner_id()
    return Seal(count, head, owner, _b64(key.public.raw), _b64(key.sign(
        signed_bytes(count, head, owner))))


def seal_path(home: Path) -> Path:
    return Path(home) / SEAL_FILE


def write_seal(home: Path, seal: Seal) -> None:
    """Replace the seal atomically (a crash leaves the old seal or the new, never half)."""
    doc = {"format": FORMAT, "count": seal.count, "head": seal.head, "owner": seal.owner,
           "key": seal.key, "signature": seal.signature}
    write_atomic(seal_path(home), json.dumps(doc, sort_keys=True).encode("ascii") + b"\n", 0o600)


def read_seal(home: Path) -> Seal | None:
    """The seal, None when there is none; SealError when it is there but not a seal."""
    path = seal_path(home)
    try:
        # A seal is some hundred bytes: a larger file (a link to /dev/zero, a 2 GB file a sync
        # program left) is no seal and is read no further; a pipe or device is not read at all.
        raw = read_file_start(path, 1 << 16)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SealError(f"the seal cannot be read: {plain_os_error(exc, str(path))}") from None
    try:
        doc = json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SealError(f"the seal {path.name} is not a seal (damaged or replaced)") from None
    newer = _NEWER.fullmatch(doc.get("format") or "") if isinstance(doc, dict) and \
        isinstance(doc.get("format"), str) else None
    if newer is not None and int(newer.group(1)) > 1:
        raise NewerSeal(newer_layout("the activity log's seal", path, int(newer.group(1)), 1))
    names = ("count", "head", "owner", "key", "signature")
    if not isinstance(doc, dict) or doc.get("format") != FORMAT \
            or type(doc.get("count")) is not int or doc["count"] < 0 \
            or not all(isinstance(doc.get(n), str) for n in names[1:]) \
            or len(doc["head"]) != 64 or not set(doc["head"]) <= _HEX:
        raise SealError(f"the seal {path.name} is not a seal (damaged or replaced)")
    return Seal(*(doc[n] for n in names))


def seal_problems(seal: Seal, home: Path, retired_ok: bool = False) -> list[str]:
    """What is wrong with the seal itself: its signature, and whether its key is the owner's
    (compared with keys/owner.pub when that is there; with `retired_ok`, a key this home
    retired in a key rotation is the owner's too)."""
    try:
        public = public_key_from_raw(_unb64(seal.key))
        public.verify(_unb64(seal.signature), signed_bytes(seal.count, seal.head, seal.owner))
    except (PublicKeyError, SignatureError, binascii.Error, ValueError):
        return ["the seal's signature does not verify: the seal was edited or forged"]
    if public.owner_id() != seal.owner:
        return ["the seal names another owner than the key that signed it"]
    try:
        owner = parse_minisign_public(public_key_text(home))
    except (OSError, UnicodeDecodeError, PublicKeyError):
        return []  # no public key kept beside the owner key: nothing to compare with
    if owner.raw != public.raw and not (retired_ok and was_owner_key(home, seal.owner)):
        return ["the seal is signed by another key than this home's owner key: the log and "
                "its seal were replaced"]
    return []




def sealing_key(home: Path) -> tuple[OwnerKey | None, bool]:
    """The owner key to seal with (made on first use), and whether this call made it; None
    when it cannot be had (protected and locked, or unreadable): the seal then waits."""
    try:
        return OwnerKey.obtain(home, passphrase_for(home))
    except OwnerKeyError:
        return None, False


def home_activity(home: Path) -> list[str]:
    """What in the home folder shows the agent was used, so a log deleted together with its
    seal does not pass for a fresh start."""
    home = Path(home)
    found = []
    if private_key_file(home).exists():
        found.append("an owner key")
    if any((home / "agencies").glob("*.json")):
        found.append("trusted agencies")
    if (home / "registrations.json").exists():
        found.append("registrations")
    for folder, words in (("packages", "packages"), ("holds", "holds"), ("masks", "masks")):
        if (home / folder).is_dir() and any((home / folder).iterdir()):
            found.append(words)
    if (home / "settings.json").exists():
        found.append("saved settings")
    for db, table, words in (("inbox.db", "requests", "requests in the inbox"),
                             ("index.db", "sources", "recordings folders")):
        if _has_rows(home / db, table):
            found.append(words)
    return found


def _has_rows(path: Path, table: str) -> bool:
    if not path.is_file():
        return False
    try:
        db = sqlite3.connect(read_only_uri(path.absolute()), uri=True)
    except sqlite3.Error:
        return True  # there, but unreadable: not a fresh home
    try:
        return db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False  # no such table yet: made, never used
    finally:
        db.close()
