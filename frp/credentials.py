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
import struct
from dataclasses import dataclass
from typing import BinaryIO

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from frp.c2pa_library import c2pa
from frp.clip_claims import ClipClaims, claims_from_manifest
from frp.text import one_line

C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")
MAX_STORE = 16 << 20        # a manifest store larger than this is not one footage-agent writes
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


def reader_settings(trust_anchors: str | None = None) -> dict:
    """The Reader's settings: no remote manifests, no OCSP, trust checked against
    `trust_anchors` (PEM) alone."""
    settings = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False,
                           "verify_trust": True, "verify_after_reading": True}}
    if trust_anchors:
        settings["trust"] = {"trust_anchors": trust_anchors}
    return settings


def check_clip(stream: BinaryIO, trust_anchors: str | None = None) -> ClipCredentials:
    """Validate the Content Credentials of the MP4 read from `stream` (seekable, binary).
    `trust_anchors`: PEM of the CA certificates to trust (an agency's registration CA).
    Never raises for what the clip holds."""
    try:
        with c2pa.Context.from_dict(reader_settings(trust_anchors)) as context:
            with c2pa.Reader("video/mp4", stream, context=context) as reader:
                store, cr = json.loads(reader.json()), json.loads(reader.crjson())
    except c2pa.C2paError.ManifestNotFound:
        return ClipCredentials(False, trust="the clip carries no Content Credentials")
    except (c2pa.C2paError, ValueError, OSError) as exc:
        return ClipCredentials(True, "Invalid", (
            f"its Content Credentials cannot be read ({one_line(str(exc)[:300])})",),
            trust="not trusted: the credentials cannot be read")
    active = store.get("active_manifest")
    manifest = (store.get("manifests") or {}).get(active) if isinstance(active, str) else None
    state = store.get("validation_state")
    problems = _failures(store)
    expired = _EXPIRED in _codes(store)
    if state == "Invalid" and not problems and not expired:
        problems = ["the C2PA Reader says the credentials are invalid"]
    info = _certificate_info(cr, active)
    owner_id = (info.get("subject") or {}).get("CN")
    stream.seek(0)
    chain = _chain(_store_bytes(stream), info.get("serialNumber"))
    key, issuer, self_issued = b"", _name(info.get("issuer")), False
    if chain is None:
        problems.append("the signing certificate cannot be told apart in the manifest")
    else:
        leaf, parent = chain
        key = _raw_key(leaf)
        issuer = leaf.issuer.rfc4514_string()
        self_issued = parent is not None and _raw_key(parent) == key != b""
    trusted = state == "Trusted" and not problems
    trust = _trust(trusted, state, problems, self_issued, trust_anchors, issuer)
    if expired and not problems:
        trust = ("not trusted: the signing certificate has expired, and no time-stamp shows it "
                 "was valid when the clip was signed (the clip is unchanged since it was)")
    return ClipCredentials(True, state, tuple(problems), owner_id, issuer, key, self_issued,
                           trusted, trust,
                           claims_from_manifest(manifest) if manifest else None)


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


def _store_bytes(stream: BinaryIO) -> bytes:
    """The C2PA box's bytes (top-level `uuid` boxes with C2PA's type), b"" when none."""
    found, pos = b"", 0
    end = stream.seek(0, 2)
    while pos + 8 <= end:
        stream.seek(pos)
        size, kind = struct.unpack(">I4s", stream.read(8))
        header = 8
        if size == 1:
            size, header = struct.unpack(">Q", stream.read(8))[0], 16
        elif size == 0:
            size = end - pos
        if size < header:
            break
        if kind == b"uuid" and size <= MAX_STORE and stream.read(16) == C2PA_UUID:
            stream.seek(pos)
            found += stream.read(size)
        pos += size
    return found


def _chain(store: bytes, serial) -> tuple[x509.Certificate, x509.Certificate | None] | None:
    """The signing certificate (the one DER certificate in the store with the serial number
    the Reader names) and its issuer's, if the store carries it. None when the signing
    certificate is not there exactly once: a second one with that serial could only be planted
    to mislead, so neither is believed."""
    if not isinstance(serial, str) or not serial:
        return None
    certs = []
    at = store.find(b"\x30\x82")
    while at >= 0:
        length = int.from_bytes(store[at + 2:at + 4], "big") + 4
        try:
            certs.append(x509.load_der_x509_certificate(store[at:at + length]))
        except ValueError:
            pass
        at = store.find(b"\x30\x82", at + 1)
    leaves = [c for c in certs if format(c.serial_number, "x") == serial.lower().lstrip("0")]
    if len({c.public_bytes(Encoding.DER) for c in leaves}) != 1:
        return None
    leaf = leaves[0]
    parents = [c for c in certs if c.subject == leaf.issuer and c is not leaf]
    return leaf, parents[0] if parents else None


def _raw_key(cert: x509.Certificate) -> bytes:
    try:
        key = cert.public_key()
    except ValueError:
        return b""
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw) \
        if isinstance(key, Ed25519PublicKey) else b""


def _trust(trusted: bool, state, problems, self_issued: bool, anchors, issuer) -> str:
    if trusted:
        return f"trusted: the signing certificate chains to the given anchor ({issuer})"
    if problems:
        return "not trusted: the credentials are invalid"
    if self_issued:
        why = "it is self-issued, signed by the owner's own key, not by an agency"
    else:
        why = f"its issuer ({issuer}) is not a trusted anchor"
    if not anchors:
        why += "; no agency CA was given to check it against"
    return f"not trusted: {why}"
