"""The agencies the owner accepted, signed with the owner key: `<home>/agencies.pins`.

An agency file under `<home>/agencies/` can be changed in place by anything that can write the
home (another program, a sync or backup program putting an old file back, someone at the
keyboard), and such a file would be trusted as it is. The pins hold, for every agency the owner
imported or accepted again, the agency file's content as accepted, signed (like the activity
log's seal) with the owner key; the trust store trusts an agency file only while it is what the
pins hold. A file changed since, or one the owner never accepted, is listed as such and not
trusted until the owner imports it again (seeing what changed and its key fingerprints).

Whose signature counts: the owner key itself when it is at hand (no passphrase, or the
passphrase given), else `keys/owner.pub`, which the agent rewrites from the key whenever it
loads it. What this can and cannot show is in docs/security.md (threat 8).

Homes of earlier versions have no pins: there an agency is trusted while its file says what
the activity log's last record of its import says (name, phone, portal, key fingerprints), and
the first time the key is at hand those agencies are pinned (`agencies-pinned`). A home whose
log shows pins were made, and whose pins are gone, trusts no agency until each is accepted again.
"""
from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from agent.audit.log import AuditError, AuditLog
from agent.identity.keys import OwnerKey, OwnerKeyError, keep_public_key, public_key_text
from agent.identity.rotation import retired_key_path
from agent.identity.typed_passphrase import passphrase_for
from agent.os_words import plain_os_error
from agent.storage import newer_layout, read_file_start, write_atomic
from frp.agency import MAX_FILE_BYTES, Agency, AgencyError, agency_doc, parse_agency
from frp.minisign import PublicKeyError, SignatureError, parse_minisign_public, public_key_from_raw

PINS_FILE = "agencies.pins"
FORMAT = "footage-agent accepted agencies 1"
_LAYOUT = 1
_NEWER = re.compile(r"footage-agent accepted agencies ([1-9][0-9]{0,8})")
# Signed bytes start with this line, so a pin signature never passes for a seal, a decision
# (JWS) or a package signature made with the same key, nor the other way round.
_DOMAIN = FORMAT.encode("ascii") + b"\n"
_MAX_PINS_BYTES = 64 * MAX_FILE_BYTES
PINNED_EVENT = "agencies-pinned"


@dataclass(frozen=True)
class Pins:
    """What the pins say: `docs` (agency id -> its accepted file's content) when they are there
    and signed by the owner key; `missing` when there is no pins file; `problem` otherwise."""

    docs: dict = field(default_factory=dict)
    missing: bool = False
    problem: str | None = None
    newer: bool = False   # written by a newer footage-agent: `problem` says so, left as it is

    def accepted(self, agency_id: str) -> Agency | None:
        """The agency as the owner accepted it, if the pins hold it."""
        doc = self.docs.get(agency_id)
        try:
            return parse_agency(doc) if isinstance(doc, dict) else None
        except AgencyError:
            return None

    def holds(self, agency: Agency) -> bool:
        """Whether the pins hold this very agency file's content."""
        return self.docs.get(agency.id) == canonical(agency)


def canonical(agency: Agency) -> dict:
    """An agency file's content as the pins compare it (a JSON round trip of agency_doc)."""
    return json.loads(json.dumps(agency_doc(agency), ensure_ascii=False))


def pins_path(home: Path) -> Path:
    return Path(home) / PINS_FILE


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signed_bytes(docs: dict, owner: str) -> bytes:
    """What the pins' signature covers."""
    body = {"agencies": docs, "owner": owner}
    return _DOMAIN + json.dumps(body, sort_keys=True, separators=(",", ":"),
                                ensure_ascii=True).encode("ascii")


def key_at_hand(home: Path) -> OwnerKey | None:
    """The owner key when it can be had without asking (no passphrase, or the passphrase given
    to the app or in FOOTAGE_AGENT_PASSPHRASE); never makes one."""
    try:
        return OwnerKey.load(home, passphrase_for(home))
    except OwnerKeyError:
        return None


def _anchor(home: Path):
    """The public key the pins must be signed by, or None when none can be had."""
    key = key_at_hand(home)
    if key is not None:
        return key.public
    try:
        # Bounded, and only an ordinary file: a pipe or a device in owner.pub's place (a sync
        # program's leftover) must not keep `agencies list` waiting nor fill memory.
        return parse_minisign_public(public_key_text(home))
    except (OSError, UnicodeDecodeError, PublicKeyError):
        return None


def read_pins(home: Path) -> Pins:
    """The pins, checked against the owner key (see the module docstring)."""
    path = pins_path(home)
    try:
        raw = read_file_start(path, _MAX_PINS_BYTES + 1)   # never a pipe's wait
    except FileNotFoundError:
        return Pins(missing=True)
    except OSError as exc:
        return Pins(problem=f"cannot be read ({plain_os_error(exc, str(path))})")
    try:
        doc = json.loads(raw.decode("ascii"))
        newer = _newer_layout(doc)
        if newer is not None:
            return Pins(problem=newer_layout("the record of the agencies you accepted", path,
                                             newer, _LAYOUT), newer=True)
        docs, owner = doc["agencies"], doc["owner"]
        public = public_key_from_raw(_unb64(doc["key"]))
        signature = _unb64(doc["signature"])
        if doc.get("format") != FORMAT or not isinstance(docs, dict) \
                or not isinstance(owner, str) or len(raw) > _MAX_PINS_BYTES:
            raise ValueError
        public.verify(signature, signed_bytes(docs, owner))
    except (UnicodeDecodeError, ValueError, RecursionError, KeyError, TypeError,
            binascii.Error, PublicKeyError, SignatureError):
        return Pins(problem="is damaged or was not made by this app")
    anchor = _anchor(home)
    if anchor is None:
        return Pins(problem="cannot be checked: your owner key is locked and its public part "
                            "is missing")
    if public.owner_id() != owner:
        return Pins(problem="is not signed by your owner key (someone replaced it)")
    if anchor.raw != public.raw:
        return _signed_before_a_rotation(home, public, docs)
    return Pins(docs=docs)


def _newer_layout(doc) -> int | None:
    """The layout number of pins a newer footage-agent wrote (its FORMAT's number past this
    one's), else None."""
    found = _NEWER.fullmatch(doc.get("format") or "") if isinstance(doc, dict) and \
        isinstance(doc.get("format"), str) else None
    return int(found.group(1)) if found and int(found.group(1)) > _LAYOUT else None


def _signed_before_a_rotation(home: Path, public, docs: dict) -> Pins:
    """Pins signed by a key this home retired (a home put back from a backup made before a key
    rotation, its keys folder then put back from the newer copy): the owner's, when that key's
    file opens as the owner key does (the same passphrase), so nobody without the passphrase can
    plant one; signed again with the owner key."""
    key = key_at_hand(home)
    retired = retired_key_path(home, public.owner_id())
    try:
        if key is None or not retired.is_file() or \
                OwnerKey.load_at(retired, passphrase_for(home)).public.raw != public.raw:
            raise OwnerKeyError("not a key of this home")
    except OwnerKeyError:
        return Pins(problem="is not signed by your owner key (someone replaced it)")
    try:
        write_pins(home, key, docs)
    except OSError:
        pass   # trusted all the same; signed again at the next change
    return Pins(docs=docs)


def write_pins(home: Path, key: OwnerKey, docs: dict) -> None:
    """Sign and keep `docs` (agency id -> canonical content) as the accepted agencies."""
    owner = key.public.owner_id()
    doc = {"format": FORMAT, "owner": owner, "key": _b64(key.public.raw), "agencies": docs,
           "signature": _b64(key.sign(signed_bytes(docs, owner)))}
    keep_public_key(Path(home), key)   # what the pins are checked by, when the key is locked
    write_atomic(pins_path(home), json.dumps(doc, sort_keys=True, ensure_ascii=True)
                 .encode("ascii") + b"\n", 0o600)


def logged_imports(entries: list[dict]) -> dict | None:
    """For a home without pins: agency id -> (name, phone, portal, fingerprints) as the log's
    last import of it says, or None when the log shows pins were made (they were removed)."""
    facts: dict = {}
    for rec in entries:
        event, data = rec["event"], rec["data"]
        if event == PINNED_EVENT or data.get("pinned") is True:
            return None
        agency = data.get("agency")
        if event in ("agency-added", "agency-replaced") and isinstance(agency, str):
            facts[agency] = _facts(data.get("name"), data.get("phone"), data.get("portal"),
                                   data.get("fingerprints"))
        elif event == "agency-removed":
            facts.pop(agency, None)
    return facts


def agency_facts(agency: Agency) -> tuple:
    """What an import's log record says of an agency, to compare with logged_imports."""
    return _facts(agency.name, agency.phone, agency.portal, list(agency.fingerprints()))


def _facts(name, phone, portal, fingerprints) -> tuple:
    return (name, phone, portal, tuple(fingerprints) if isinstance(fingerprints, list) else None)


def accepted_pins(home: Path, on_disk: Callable[[], Iterable[Agency | None]],
                  log: Callable[..., None]) -> Pins:
    """The agencies the owner accepted: the pins; in a home of an earlier version (no pins,
    none ever made) the agencies `on_disk` that the activity log shows imported as they are,
    pinned (and `log`ged) once the key is at hand."""
    pins = read_pins(home)
    if not pins.missing:
        return pins
    try:
        facts = logged_imports(AuditLog(home).entries())
    except (AuditError, OSError):
        facts = {}
    if facts is None:
        return Pins(missing=True, problem="is missing, though this home's activity log shows "
                                          "it was made (someone deleted it)")
    docs = {a.id: canonical(a) for a in on_disk()
            if a is not None and facts.get(a.id) == agency_facts(a)}
    key = key_at_hand(home) if docs else None
    if key is not None:
        try:
            write_pins(home, key, docs)
            log(PINNED_EVENT, agencies=sorted(docs))
        except (OSError, ValueError):
            pass   # pinned at the next chance; trusted as the log says meanwhile
    return Pins(docs=docs, missing=key is None)
