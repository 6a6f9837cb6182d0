"""Checking a clip's Content Credentials (C2PA) the way a receiver would, with the C2PA
library's own Reader: is the manifest intact and bound to these bytes, who signed it, does
the signer's certificate chain to a trust anchor (an agency's registration CA), and what does
the manifest claim (frp.clip_claims).

Nothing here reaches the network: the Reader is given its settings per call (a c2pa Context,
never the library's global settings, so checks for different agencies in one process cannot
leak into each other), with remote manifests and OCSP off; there is no time-stamp authority.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import BinaryIO

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from frp.c2pa_library import c2pa
from frp.c2pa_store import (  # noqa: F401  (C2PA_UUID and MAX_STORE: named here before)
    C2PA_UUID, MAX_BOXES, MAX_NESTED, MAX_STORE, nested_boxes, signing_chain, top_boxes)
from frp.clip_claims import ClipClaims, claims_from_manifest
from frp.text import one_line

# Seconds the C2PA Reader may take on a clip: generous for a genuine clip of any length (it
# hashes about 100 MB a second), a bound for one built to stall whoever checks it.
TIME_BASE_S = 60.0
TIME_PER_BYTE_S = 1 / 20e6
_UNTRUSTED = "signingCredential.untrusted"
# No time-stamp authority is used (nothing goes to the network), so once the signing
# certificate expires the Reader cannot tell it was valid when the clip was signed and says
# "expired". The clip's bytes are still bound to the manifest (any hash mismatch is reported
# as well), so expiry is a question of trust, told with it, not a sign of change.
_EXPIRED = "signingCredential.expired"
_TRUST_CODES = (_UNTRUSTED, _EXPIRED)


@dataclass(frozen=True)
class ClipCredentials:
    """What a clip's credentials are and say. `problems` are reasons they are invalid (empty
    when the manifest is intact); trust is separate: `trusted`, with `trust` saying why not."""

    present: bool
    state: str | None = None            # the Reader's validation state: Valid, Trusted, Invalid
    problems: tuple[str, ...] = ()
    owner_id: str | None = None         # the signing certificate's subject CN
    issuer: str | None = None           # its issuer's name (RFC 4514)
    key: bytes = b""                    # the certified public key (raw Ed25519), if found
    self_issued: bool = False           # issued by a CA certificate of the same key
    trusted: bool = False
    trust: str = ""
    claims: ClipClaims | None = None
    stopped: str = ""                   # why the check was cut short (then nothing else holds)


def reader_settings(trust_anchors: str | None = None) -> dict:
    """The Reader's settings: no remote manifests, no OCSP, trust checked against
    `trust_anchors` (PEM) alone."""
    settings = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False,
                           "verify_trust": True, "verify_after_reading": True}}
    if trust_anchors:
        settings["trust"] = {"trust_anchors": trust_anchors}
    return settings


class AnchorsError(ValueError):
    """The trust anchors given are not PEM CA certificates."""


def check_anchors(pem: str) -> str:
    """`pem` when it holds at least one PEM certificate; AnchorsError saying why not.
    Checked before any clip, so a wrong anchors file is never taken for a changed clip."""
    try:
        x509.load_pem_x509_certificates(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError) as exc:
        raise AnchorsError("it holds no PEM certificate") from exc
    return pem


def check_clip(stream: BinaryIO, trust_anchors: str | None = None,
               cancel: threading.Event | None = None) -> ClipCredentials:
    """Validate the Content Credentials of the MP4 read from `stream` (seekable, binary).
    `trust_anchors`: PEM of the CA certificates to trust (an agency's registration CA).
    `cancel`: once set, the check stops at the Reader's next read. Never raises for what the
    clip holds; a clip not shaped like one footage-agent writes, or one the Reader is still
    reading after its time limit, is reported, not read on."""
    boxes = top_boxes(stream)
    refused = _refused(boxes) or _refused_nested(stream, boxes)
    if refused:
        return ClipCredentials(True, "Invalid", (refused,),
                               trust="not trusted: the credentials were not read")
    stores = [b for b in boxes if b[3]]
    guarded = _Guarded(stream, cancel, TIME_BASE_S + stream.seek(0, 2) * TIME_PER_BYTE_S)
    try:
        with c2pa.Context.from_dict(reader_settings(trust_anchors)) as context:
            with c2pa.Reader("video/mp4", guarded, context=context) as reader:
                store, cr = json.loads(reader.json()), json.loads(reader.crjson())
    except c2pa.C2paError.ManifestNotFound:
        if guarded.stopped:
            return _stopped(guarded.stopped)
        return ClipCredentials(False, trust="the clip carries no Content Credentials")
    except (c2pa.C2paError, ValueError, OSError) as exc:
        if guarded.stopped:
            return _stopped(guarded.stopped)
        return ClipCredentials(True, "Invalid", (
            f"its Content Credentials cannot be read ({one_line(str(exc)[:300])})",),
            trust="not trusted: the credentials cannot be read")
    return _judged(store, cr, _store_of(stream, stores), trust_anchors)


def _refused(boxes) -> str | None:
    """Why a clip's layout is refused before the Reader sees it, or None."""
    if len(boxes) > MAX_BOXES:
        return (f"the clip has more than {MAX_BOXES} top-level boxes (one footage-agent "
                "makes has at most 6), so its credentials were not read")
    stores = [b for b in boxes if b[3]]
    if len(stores) > 1:
        return "the clip holds more than one C2PA manifest store"
    if stores and stores[0][2] > MAX_STORE:
        return (f"its C2PA manifest store is {stores[0][2]:,} bytes, more than one "
                "footage-agent writes, so it was not read")
    return None


def _refused_nested(stream: BinaryIO, boxes) -> str | None:
    if nested_boxes(stream, boxes) > MAX_NESTED:
        return (f"the clip's index holds more than {MAX_NESTED} boxes (one footage-agent makes "
                "holds a few dozen), so its credentials were not read")
    return None


def _stopped(why: str) -> ClipCredentials:
    return ClipCredentials(True, None, stopped=why, trust="not checked: " + why)


def _store_of(stream: BinaryIO, stores) -> bytes:
    if not stores:
        return b""
    _kind, at, size, _c2pa = stores[0]
    stream.seek(at)
    return stream.read(size)


def _judged(store: dict, cr: dict, store_box: bytes, trust_anchors) -> ClipCredentials:
    """What the Reader's answer and the signing chain say about the credentials."""
    active = store.get("active_manifest")
    manifest = (store.get("manifests") or {}).get(active) if isinstance(active, str) else None
    state = store.get("validation_state")
    problems = _failures(store)
    expired = _EXPIRED in _codes(store)
    if state == "Invalid" and not problems and not expired:
        problems = ["the C2PA Reader says the credentials are invalid"]
    info = _certificate_info(cr, active)
    owner_id = (info.get("subject") or {}).get("CN")
    chain = _chain(store_box, active, info.get("serialNumber"))
    key, issuer, self_issued = b"", _name(info.get("issuer")), False
    if chain is None:
        problems.append("the signing certificate cannot be told apart in the manifest")
    else:
        leaf, parent = chain
        key = _raw_key(leaf)
        issuer = one_line(leaf.issuer.rfc4514_string(), 300)
        self_issued = parent is not None and _raw_key(parent) == key != b""
    trusted = state == "Trusted" and not problems
    trust = _trust(trusted, state, problems, self_issued, trust_anchors, issuer)
    if expired and not problems:
        trust = ("not trusted: the signing certificate has expired, and no time-stamp shows it "
                 "was valid when the clip was signed (the clip is unchanged since it was)")
    return ClipCredentials(True, state, tuple(problems), one_line(owner_id, 200) if owner_id else None,
                           issuer, key, self_issued, trusted, trust,
                           claims_from_manifest(manifest) if manifest else None)


class _Stop(Exception):
    """Raised inside the Reader's read callback: the library then fails the read and returns."""


class _Guarded:
    """The clip's stream as the Reader reads it, failing every read once `cancel` is set or
    `limit_s` passed, so the Reader returns promptly (it reads all the time it works) and no
    signal has to be raised inside its callbacks, where Python would drop it."""

    def __init__(self, stream: BinaryIO, cancel: threading.Event | None, limit_s: float) -> None:
        self._stream, self._cancel = stream, cancel
        self._limit_s = limit_s
        self._deadline = time.monotonic() + limit_s
        self.stopped = ""

    def _check(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            self.stopped = "it was asked to stop"
        elif time.monotonic() > self._deadline:
            self.stopped = (f"the C2PA Reader was still reading it after {self._limit_s:.0f} s, "
                            "far longer than a genuine clip takes")
        if self.stopped:
            raise _Stop(self.stopped)

    def read(self, n: int = -1) -> bytes:
        self._check()
        return self._stream.read(n)

    def readinto(self, buf) -> int:
        self._check()
        return self._stream.readinto(buf)

    def seek(self, offset: int, whence: int = 0) -> int:
        self._check()
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()

    def write(self, _data) -> int:
        raise OSError("read only")

    def flush(self) -> None:
        return None


def _failures(store: dict) -> list[str]:
    """Every failure the Reader found, in its own codes and words (trust aside)."""
    found = []
    results = store.get("validation_results") or {}
    groups = [results.get("activeManifest") or {}]
    groups += [d.get("activeManifest") or {} for d in results.get("ingredientDeltas") or ()
               if isinstance(d, dict)]
    statuses = [s for g in groups for s in g.get("failure") or ()]
    statuses += [s for s in store.get("validation_status") or () if s not in statuses]
    for s in statuses:
        if isinstance(s, dict) and s.get("code") not in _TRUST_CODES:
            found.append(one_line(f"{s.get('code')}: {s.get('explanation') or ''}".strip(": ")))
    return list(dict.fromkeys(found))


def _codes(store: dict) -> set:
    results = (store.get("validation_results") or {}).get("activeManifest") or {}
    return {s.get("code") for s in [*(results.get("failure") or ()),
                                    *(store.get("validation_status") or ())]
            if isinstance(s, dict)}


def _certificate_info(cr: dict, active) -> dict:
    for m in cr.get("manifests") or ():
        if isinstance(m, dict) and m.get("label") == active:
            info = (m.get("signature") or {}).get("certificateInfo")
            return info if isinstance(info, dict) else {}
    return {}


def _name(parts) -> str | None:
    if not isinstance(parts, dict):
        return None
    return one_line(", ".join(f"{k}={v}" for k, v in parts.items()))


def _chain(store_box: bytes, active, serial) -> tuple[x509.Certificate, x509.Certificate | None] | None:
    """The signing certificate and its issuer's (if the chain carries it), from the x5chain of
    the active manifest's COSE signature, the chain the Reader checked the signature with.
    None when it cannot be read or its first certificate is not the one the Reader names."""
    if not isinstance(serial, str) or not serial or not isinstance(active, str) or not store_box:
        return None
    der = signing_chain(store_box, active)
    if not der:
        return None
    try:
        certs = [x509.load_der_x509_certificate(c) for c in der[:2]]
    except ValueError:
        return None
    leaf = certs[0]
    if format(leaf.serial_number, "x") != serial.lower().lstrip("0"):
        return None
    parent = certs[1] if len(certs) > 1 and certs[1].subject == leaf.issuer else None
    return leaf, parent


def _raw_key(cert: x509.Certificate) -> bytes:
    try:
        key = cert.public_key()
    except ValueError:
        return b""
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw) \
        if isinstance(key, Ed25519PublicKey) else b""


def _trust(trusted: bool, state, problems, self_issued: bool, anchors, issuer) -> str:
    if trusted:
        return f"trusted: the signing certificate chains to a CA trusted here ({issuer})"
    if problems:
        return "not trusted: the credentials are invalid"
    if self_issued:
        why = "it is self-issued, signed by the owner's own key, not by an agency"
    else:
        why = f"its issuer ({issuer}) is not a CA trusted here"
    if not anchors:
        why += "; no agency CA was given to check it against"
    return f"not trusted: {why}"
