"""What an owner registers (protocol.md, "Registration"): the contact and the cameras, their
limits, and the invite code's form. Both sides apply these: the agent before it signs, the
portal when a registration token arrives.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from frp.text import one_line
from frp.origins import CONTROL_CHARS

MAX_CAMERAS = 64
CAMERA_NAME_CHARS = 64
TEXT_CHARS = 400                # a camera's address and what it sees
CONTACT_NAME_CHARS = 200
EMAIL_CHARS = 254
PHONE_CHARS = 40
MAX_RETENTION_DAYS = 3650
INVITE_PATTERN = re.compile(r"inv-[a-z2-7]{26}")


class RegistrationError(ValueError):
    """Registration input that cannot be used: `code` is the FRP/1 error code (malformed,
    too_many_cameras, bad_camera, bad_contact, invite_unknown, ...), `detail` says what."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Contact:
    """How the agency reaches the owner: a name, and optionally an email address and a phone."""

    name: str
    email: str | None = None
    phone: str | None = None

    def claim(self) -> dict:
        """The `contact` claim."""
        return {k: v for k, v in (("name", self.name), ("email", self.email),
                                  ("phone", self.phone)) if v is not None}


@dataclass(frozen=True)
class Camera:
    """One registered camera: the owner's name for it, where it is (an address, a point, or
    both), what it sees, and how many days the recorder keeps footage."""

    name: str
    address: str | None = None
    lat: float | None = None
    lon: float | None = None
    sees: str | None = None
    retention_days: int | None = None

    def claim(self) -> dict:
        """One entry of the `cameras` claim."""
        return {k: v for k, v in (("name", self.name), ("address", self.address),
                                  ("lat", self.lat), ("lon", self.lon), ("sees", self.sees),
                                  ("retention_days", self.retention_days)) if v is not None}


def _text(value: object, what: str, limit: int, code: str, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RegistrationError(code, f"{what} must be non-empty text")
    if len(value) > limit:
        raise RegistrationError(code, f"{what} is {len(value)} characters; at most {limit} "
                                      "are allowed")
    if CONTROL_CHARS.search(value):
        raise RegistrationError(code, f"{what} contains control characters")
    return value


def _number(value: object, low: float, high: float, what: str) -> float | None:
    if value is None:
        return None
    if type(value) not in (int, float) or not math.isfinite(value) or not low <= value <= high:
        raise RegistrationError("bad_camera", f"{what} must be a number from {low} to {high}")
    return value


def read_contact(value: object) -> Contact:
    """The `contact` claim as a Contact; RegistrationError('bad_contact') names what is wrong."""
    if not isinstance(value, dict):
        raise RegistrationError("bad_contact", "the contact must be an object with a name, "
                                               "and optionally email and phone")
    name = _text(value.get("name"), "the contact's name", CONTACT_NAME_CHARS, "bad_contact",
                 required=True)
    email = _text(value.get("email"), "the contact's email", EMAIL_CHARS, "bad_contact")
    phone = _text(value.get("phone"), "the contact's phone", PHONE_CHARS, "bad_contact")
    if phone is not None and not re.search(r"\d", phone):
        raise RegistrationError("bad_contact", f"the phone number {one_line(phone)} has no digits")
    return Contact(name, email, phone)


def read_camera(value: object, n: int = 1) -> Camera:
    """One `cameras` entry as a Camera; RegistrationError('bad_camera') names what is wrong."""
    if not isinstance(value, dict):
        raise RegistrationError("bad_camera", f"camera {n} must be an object")
    name = _text(value.get("name"), f"camera {n}'s name", CAMERA_NAME_CHARS, "bad_camera",
                 required=True)
    where = f"camera {name!r}"
    address = _text(value.get("address"), f"{where}'s address", TEXT_CHARS, "bad_camera")
    lat = _number(value.get("lat"), -90, 90, f"{where}'s lat")
    lon = _number(value.get("lon"), -180, 180, f"{where}'s lon")
    if (lat is None) != (lon is None):
        raise RegistrationError("bad_camera", f"{where} needs both lat and lon, or neither")
    if address is None and lat is None:
        raise RegistrationError("bad_camera", f"{where} must say where it is: an address, or "
                                              "lat and lon")
    sees = _text(value.get("sees"), f"what {where} sees", TEXT_CHARS, "bad_camera")
    days = value.get("retention_days")
    if days is not None and (type(days) is not int or not 0 <= days <= MAX_RETENTION_DAYS):
        raise RegistrationError("bad_camera", f"{where}'s retention_days must be a whole "
                                              f"number of days from 0 to {MAX_RETENTION_DAYS}")
    return Camera(name, address, lat, lon, sees, days)


def read_cameras(value: object) -> tuple[Camera, ...]:
    """The `cameras` claim: at most 64 cameras with names unique in the list."""
    if not isinstance(value, list):
        raise RegistrationError("bad_camera", "cameras must be a list of camera objects")
    if len(value) > MAX_CAMERAS:
        raise RegistrationError("too_many_cameras", f"{len(value)} cameras; at most "
                                                    f"{MAX_CAMERAS} can be registered")
    cameras = tuple(read_camera(v, n) for n, v in enumerate(value, 1))
    names = [c.name for c in cameras]
    if len(set(names)) != len(names):
        twice = next(n for n in names if names.count(n) > 1)
        raise RegistrationError("bad_camera", f"the camera name {twice!r} is listed twice")
    return cameras


def read_invite(value: object) -> str:
    """An invite code in its one stored form (lower case); RegistrationError('invite_unknown')
    for anything that is not `inv-` and 26 base32 letters, since no such invite exists."""
    code = value.strip().lower() if isinstance(value, str) else None
    if code is None or not INVITE_PATTERN.fullmatch(code):
        raise RegistrationError("invite_unknown", "that is not an invite code (they read "
                                                  "'inv-' and 26 letters and digits)")
    return code
