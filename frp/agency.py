"""The agency file (protocol.md, "Agency file"): who an agency is, its keys, its call-back
number, its portal and upload origins, and how long a window it may ask for.

The agency publishes it; the owner imports it into a trust store; the portal checks its own
with the same rules. Nothing in a request can add to it: a request's signer, call-back phone and
upload origins come from here alone.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from frp.certificates import CertificateError, read_ca
from frp.jws import jwk_thumbprint, public_key_from_jwk
from frp.jws_encoding import JWSError, loads_strict
from frp.text import one_line, quoted
from frp.origins import CONTROL_CHARS, web_origin

DEFAULT_MAX_WINDOW_S = 43200
MAX_WINDOW_LIMIT_S = 7 * 24 * 3600
DEFAULT_MAX_LIFETIME_S = 30 * 24 * 3600   # how long a request may stay open (exp - iat)
MAX_LIFETIME_LIMIT_S = 365 * 24 * 3600
MAX_FILE_BYTES = 256 * 1024
# The current key and those an agency rotates to: each is checked on every read of the trust
# store, and the owner compares every fingerprint by eye. A file under the size limit held
# 1,300 P-256 keys, which cost 92 ms on each of those reads.
MAX_KEYS = 16
_TEXT_LIMIT = 400


class AgencyError(ValueError):
    """An agency file or record that cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Agency:
    """One trusted agency, as imported by the owner."""

    id: str
    name: str
    phone: str
    portal: str
    upload_origins: tuple[str, ...]
    keys: tuple[dict, ...]
    max_window_s: int = DEFAULT_MAX_WINDOW_S
    max_lifetime_s: int = DEFAULT_MAX_LIFETIME_S
    registration_ca: str | None = None   # PEM of the CA that certifies owner keys; None: the
    #                                      agency cannot be registered with (protocol.md)

    def fingerprints(self) -> tuple[str, ...]:
        """Key thumbprints (RFC 7638), for the owner to compare with the agency's published ones."""
        return tuple(k["kid"] for k in self.keys)

    def key(self, kid: str) -> dict | None:
        """The agency's public JWK with this kid, if it has one."""
        for k in self.keys:
            if k["kid"] == kid:
                return dict(k)
        return None


def read_agency(raw: bytes) -> Agency:
    """An agency file's bytes (at most 256 KiB of strict JSON) as the Agency it describes."""
    if len(raw) > MAX_FILE_BYTES:
        raise AgencyError("the agency file is larger than 256 KiB; that is not an agency file")
    try:
        return parse_agency(loads_strict(raw, "agency file"))
    except JWSError as exc:
        raise AgencyError(str(exc)) from None


def _text(doc: dict, name: str) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value.strip():
        raise AgencyError(f"the agency file has no '{name}' (it must be non-empty text)")
    if len(value) > _TEXT_LIMIT or CONTROL_CHARS.search(value):
        raise AgencyError(f"the agency file's '{name}' is too long or contains control characters")
    _shows_as_itself(value, name)
    return value.strip()


def _shows_as_itself(value: str, name: str) -> None:
    """Refuse text holding a character that acts instead of being seen (C1 controls,
    bidirectional controls, zero-width and other invisible characters): the owner compares
    an agency's name, phone and addresses by eye, and every screen would only show them
    escaped (frp/text.py). Spaces of any width are fine."""
    for ch in value:
        if not ch.isprintable() and unicodedata.category(ch) != "Zs":
            raise AgencyError(f"the agency file's '{name}' contains a character that does not "
                              f"show as itself ({one_line(ch)}); an agency file never needs one")


def _url(doc: dict, name: str) -> str:
    try:
        web_origin(doc.get(name), f"the agency's '{name}'")
    except ValueError as exc:
        raise AgencyError(str(exc)) from None
    _shows_as_itself(doc[name], name)
    return doc[name]


def _upload_origins(doc: dict) -> tuple[str, ...]:
    values = doc.get("upload_origins")
    if not isinstance(values, list) or not values:
        raise AgencyError("the agency file needs 'upload_origins': a list of https origins")
    out = []
    for value in values:
        try:
            origin, path = web_origin(value, "an upload origin")
        except ValueError as exc:
            raise AgencyError(str(exc)) from None
        _shows_as_itself(value, "upload_origins")
        if path not in ("", "/"):
            raise AgencyError(f"upload origin {quoted(value)} must be scheme://host[:port], "
                              "without a path")
        if origin not in out:
            out.append(origin)
    return tuple(out)


def _keys(doc: dict) -> tuple[dict, ...]:
    keyset = doc.get("keys")
    if not isinstance(keyset, dict) or not isinstance(keyset.get("keys"), list) or not keyset["keys"]:
        raise AgencyError('the agency file needs "keys": {"keys": [ ...public keys... ]}')
    if len(keyset["keys"]) > MAX_KEYS:
        raise AgencyError(f"the agency file lists {len(keyset['keys'])} keys; an agency file "
                          f"holds at most {MAX_KEYS}: ask the agency for its current file")
    out = []
    for n, jwk in enumerate(keyset["keys"], 1):
        if not isinstance(jwk, dict):
            raise AgencyError(f"key {n} in the agency file is not a JSON object")
        if "d" in jwk:
            raise AgencyError(f"key {n} contains a private key; ask the agency for its public key "
                              "only, and tell them their private key was shared")
        try:
            public_key_from_jwk(jwk)
            kid = jwk_thumbprint(jwk)
        except JWSError as exc:
            raise AgencyError(f"key {n} in the agency file: {exc}") from None
        if "kid" in jwk and jwk["kid"] != kid:
            raise AgencyError(f"key {n}'s kid {quoted(jwk['kid'])} is not its thumbprint "
                              f"({kid}); the file may have been altered")
        if any(k["kid"] == kid for k in out):
            raise AgencyError(f"key {n} is listed twice")
        names = ("crv", "kty", "x") + (("y",) if jwk["kty"] == "EC" else ())
        out.append({**{m: jwk[m] for m in names}, "kid": kid})
    return tuple(out)


def _seconds(doc: dict, name: str, default: int, limit: int, words: str) -> int:
    value = doc.get(name, default)
    if type(value) is not int or not 0 < value <= limit:
        raise AgencyError(f"'{name}' must be a whole number of seconds from 1 to {limit} "
                          f"({words}); the file has {quoted(value)}")
    return value


def _registration_ca(doc: dict) -> str | None:
    pem = doc.get("registration_ca")
    if pem is None:
        return None
    try:
        read_ca(pem)
    except CertificateError as exc:
        raise AgencyError(f"the agency file's 'registration_ca': {exc}") from None
    return pem


NOT_AN_AGENCY_FILE = ("this is not an agency file ({why}): ask your city's camera program for "
                      "its agency file, the .json file it publishes for camera owners")


def parse_agency(doc: object) -> Agency:
    """Validate an agency document (protocol.md) and return the Agency it describes."""
    # Some other .json chosen by mistake: say so, not which protocol version it lacks.
    if not isinstance(doc, dict):
        raise AgencyError(NOT_AN_AGENCY_FILE.format(why="it is not a JSON object"))
    if not {"frp", "keys", "portal"} & doc.keys():
        raise AgencyError(NOT_AN_AGENCY_FILE.format(why="it names no agency keys and no portal"))
    if type(doc.get("frp")) is not int or doc["frp"] != 1:
        raise AgencyError(f"the agency file is for protocol version {quoted(doc.get('frp'))}; "
                          "this agent speaks FRP version 1 (\"frp\": 1)")
    phone = _text(doc, "phone")
    if not re.search(r"\d", phone):
        raise AgencyError(f"the agency's phone {quoted(phone)} contains no digits")
    return Agency(id=_url(doc, "id"), name=_text(doc, "name"), phone=phone,
                  portal=_url(doc, "portal"), upload_origins=_upload_origins(doc),
                  keys=_keys(doc),
                  max_window_s=_seconds(doc, "max_window_s", DEFAULT_MAX_WINDOW_S,
                                        MAX_WINDOW_LIMIT_S, "7 days"),
                  max_lifetime_s=_seconds(doc, "max_lifetime_s", DEFAULT_MAX_LIFETIME_S,
                                          MAX_LIFETIME_LIMIT_S, "365 days"),
                  registration_ca=_registration_ca(doc))


def listed_elsewhere(kids: Iterable[str], agency_id: str,
                     trusted: Iterable[Agency]) -> tuple[tuple[Agency, str], ...]:
    """(other, kid) for each key of `kids` that a trusted agency other than `agency_id` lists,
    the agencies in `trusted`'s order and each one's keys in its own. The one answer to
    "does another trusted agency list this key", which a request signed with such a key
    (request.py, rule 2), a file about to be imported and the trust store's listing all ask:
    whoever holds a key two agencies list signs as either."""
    kids = set(kids)
    return tuple((other, kid) for other in trusted if other.id != agency_id
                 for kid in other.fingerprints() if kid in kids)


def agency_doc(agency: Agency) -> dict:
    """The agency file (as JSON-ready data) that describes `agency`; parse_agency reads it back."""
    doc = {"frp": 1, "id": agency.id, "name": agency.name, "phone": agency.phone,
           "portal": agency.portal, "upload_origins": list(agency.upload_origins),
           "keys": {"keys": [dict(k) for k in agency.keys]}, "max_window_s": agency.max_window_s,
           "max_lifetime_s": agency.max_lifetime_s}
    if agency.registration_ca is not None:
        doc["registration_ca"] = agency.registration_ca
    return doc
