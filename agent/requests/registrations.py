"""The owner's registrations, kept in `<home>/registrations.json` (0600): for each agency and
registration id, the portal's bearer token, the owner key the portal pinned, what was
registered (contact and cameras) and the certificate the agency's CA issued for the key.

The file is replaced whole (write_atomic), so a registration is either kept completely or not
at all. Nothing here ever prints the file or a token: the tokens are secrets.

An earlier form of the file held only `{agency: {registration id: token or null}}`; such
entries are read as registrations without a pinned key (they can be polled with, never
decided or delivered for at a portal that pins keys).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from agent.os_words import plain_home_error, plain_os_error
from agent.storage import newer_layout, read_file_start, write_atomic
from frp.jws_encoding import JWSError, loads_strict
from frp.registration import (
    Camera,
    Contact,
    RegistrationError,
    read_cameras,
    read_contact,
)

FORMAT = 2
# Far more than any home's registrations take (one is a few KiB, its 64 cameras and its
# certificate included): a file past it is no registrations file this app wrote.
MAX_FILE_BYTES = 64 << 20
_SECRET_LIMIT = 4096
_SECRET = re.compile(r"[\x21-\x7e]+")   # HTTP's visible characters (VCHAR)
_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


class RegistrationsFileError(Exception):
    """The registrations file cannot be read or written; the message never holds a secret."""


@dataclass(frozen=True)
class Registration:
    """One registration the owner holds with an agency."""

    agency_id: str
    id: str
    token: str | None = field(default=None, repr=False)    # the portal's bearer token
    owner_id: str | None = None         # the key the portal pinned; None: none known
    contact: Contact | None = None
    cameras: tuple[Camera, ...] = ()
    certificate: str | None = None      # PEM, issued by the agency's registration CA
    registered_at: str | None = None    # RFC 3339 UTC
    updated_at: str | None = None

    @property
    def pinned(self) -> bool:
        """Registered with this app: the portal knows the owner's key."""
        return self.owner_id is not None

    @property
    def names_on_file(self) -> tuple[str, ...] | None:
        """The camera names the agency was given; None for a registration not made in this
        app, whose cameras are not known here."""
        return tuple(c.name for c in self.cameras) if self.pinned else None


def sendable_secret(value: object) -> bool:
    """Whether `value` can be sent as a bearer token: visible ASCII, as an HTTP header carries
    it (httpx refuses to build a call with anything else, an 'ö' or a line break)."""
    return isinstance(value, str) and bool(_SECRET.fullmatch(value))


def check_secret(value: object, what: str) -> str:
    """A portal token fit to keep: 1-4096 characters of visible ASCII (sendable_secret), so no
    spaces, control characters or other letters (ValueError otherwise; the value itself is
    never in the message)."""
    if not sendable_secret(value) or len(value) > _SECRET_LIMIT:
        raise ValueError(f"the {what} must be 1 to {_SECRET_LIMIT} letters, digits and "
                         "punctuation marks of plain ASCII, which a web request can carry")
    return value


def check_registration_id(value: object) -> str:
    """A registration id this file can hold, and a registration token can name (FRP/1's
    rule): 1-128 letters, digits, '.', '_' or '-' (ValueError otherwise)."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise ValueError("the portal's registration id must be 1 to 128 letters, digits, "
                         "'.', '_' or '-'")
    return value


def _record_doc(r: Registration) -> dict:
    return {"token": r.token, "owner_id": r.owner_id,
            "contact": r.contact.claim() if r.contact else None,
            "cameras": [c.claim() for c in r.cameras], "certificate": r.certificate,
            "registered_at": r.registered_at, "updated_at": r.updated_at}


def _opt_str(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("not text")
    return value


def _record(agency_id: str, reg_id: str, value: object) -> Registration:
    check_registration_id(reg_id)
    if value is None or isinstance(value, str):  # the earlier form: a token, or none
        return Registration(agency_id, reg_id, value)
    if not isinstance(value, dict):
        raise ValueError("not a record")
    contact = value.get("contact")
    return Registration(agency_id, reg_id, _opt_str(value.get("token")),
                        _opt_str(value.get("owner_id")),
                        read_contact(contact) if contact is not None else None,
                        read_cameras(value.get("cameras", [])),
                        _opt_str(value.get("certificate")),
                        _opt_str(value.get("registered_at")), _opt_str(value.get("updated_at")))


class RegistrationsFile:
    """`<home>/registrations.json`: read whole, replaced whole. The caller serialises writers."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"RegistrationsFile({str(self.path)!r})"

    def read(self) -> list[Registration]:
        """Every registration kept, by agency id then registration id."""
        try:
            # never whole, nor a pipe's wait: what stands in its place may be /dev/zero
            raw = read_file_start(self.path, MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise RegistrationsFileError("cannot read the registrations file: "
                                         + plain_os_error(exc, str(self.path))) from None
        try:
            if len(raw) > MAX_FILE_BYTES:
                raise ValueError("larger than any registrations file this app writes")
            doc = loads_strict(raw, "registrations file")
            agencies = doc["agencies"] if isinstance(doc, dict) and "format" in doc else doc
            if isinstance(doc, dict) and "format" in doc and doc["format"] != FORMAT:
                if type(doc["format"]) is int and doc["format"] > FORMAT:
                    raise RegistrationsFileError(newer_layout(
                        "the registrations file", self.path, doc["format"], FORMAT))
                raise ValueError("unknown format")
            out = [_record(aid, rid, value) for aid, entry in agencies.items()
                   for rid, value in entry.items()]
        except (JWSError, RegistrationError, ValueError, TypeError, AttributeError, KeyError):
            # Never echo the content: it holds secrets.
            raise RegistrationsFileError(
                f"the registrations file {self.path} is damaged; put back a copy from a backup, "
                "or move it aside (keep it) and register again (each agency can retire the "
                "registrations it held)") from None
        return sorted(out, key=lambda r: (r.agency_id, r.id))

    def write(self, registrations: list[Registration]) -> None:
        """Replace the file with exactly these registrations (0600, atomic). Each is read
        back as `read` would first: a record it would refuse is never written, since one
        such record makes the whole file unreadable."""
        agencies: dict[str, dict[str, dict]] = {}
        for r in registrations:
            doc = _record_doc(r)
            try:
                _record(r.agency_id, r.id, doc)
            except (RegistrationError, ValueError, TypeError, AttributeError, KeyError) as exc:
                raise RegistrationsFileError(f"registration {r.id!r} with {r.agency_id} "
                                             f"cannot be kept: {exc}") from None
            agencies.setdefault(r.agency_id, {})[r.id] = doc
        data = json.dumps({"format": FORMAT, "agencies": agencies}, indent=2, sort_keys=True,
                          ensure_ascii=False).encode("utf-8") + b"\n"
        try:
            write_atomic(self.path, data, 0o600)
        except OSError as exc:
            raise RegistrationsFileError("cannot save the registrations file: "
                                         + plain_home_error(exc, str(self.path))) from None
