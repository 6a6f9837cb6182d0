"""Opening a recorder: its address and settings as a source keeps them, the certificate the
owner trusts, and the vendor client behind the one Recorder interface; and fetching a window.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from agent.recorders.dahua import DahuaRecorder
from agent.recorders.hikvision import HikvisionRecorder
from agent.recorders.model import VENDORS, CredentialsRefused, Fetched, Recorder, RecorderError
from agent.recorders.reolink import ReolinkRecorder
from agent.recorders.transport import first_look, recorder_url
from agent.recorders.wire import Wire
from agent.recorders.zones import IanaZone
from agent.timebase import system_zone_name


@dataclass(frozen=True)
class RecorderAddress:
    """What a recorder source stores (no password: that is in the keychain).

    `fingerprint`: SHA-256 (hex) of the HTTPS certificate the owner trusted; required for
    https. `zone`: an IANA zone that overrides what the device reports (needed for Dahua;
    default this PC's). `allow_plain_http`: the owner chose plain http for a device on the
    home network. `z_is_local`: Hikvision firmware that writes local time with a `Z`.
    """

    url: str
    vendor: str
    user: str
    fingerprint: str | None = None
    zone: str | None = None
    allow_plain_http: bool = False
    z_is_local: bool = False

    def base(self) -> httpx.URL:
        return recorder_url(self.url, allow_plain_http=self.allow_plain_http)


def look_at_certificate(url: str, timeout_s: float = 10.0) -> str:
    """The SHA-256 (hex) of the certificate a recorder shows, before anything is sent to it:
    the owner compares it (transport.fingerprint_text) and trusts it by storing it."""
    return first_look(recorder_url(url), timeout_s)


# HTTP Digest carries the user name as it is in a header, which holds plain ASCII only (RFC
# 7616's `username*` for others is something no public client of these makes sends); httpx
# failed on one with "'ascii' codec can't encode character", after the certificate was shown.
DIGEST_USER = ("The recorder at {where} was not sent the user name: it holds a character other "
               "than plain letters (a-z, A-Z), digits and the symbols of a US keyboard, which "
               "the recorder's sign-in (HTTP Digest) cannot carry. Nothing was tried: check it "
               "as the recorder's own screen or web page shows it.")


def open_recorder(address: RecorderAddress, password: str, *, timeout_s: float = 20.0) -> Recorder:
    """The vendor's client for `address`. Nothing is sent until the first call."""
    if address.vendor not in VENDORS:
        raise RecorderError(f"Unknown recorder make {address.vendor!r} (one of {', '.join(VENDORS)}).")
    base = address.base()
    if base.scheme == "https" and not address.fingerprint:
        raise RecorderError("Look at the recorder's certificate and trust it before connecting.")
    zone = IanaZone(address.zone) if address.zone else None
    if address.vendor == "reolink":
        return ReolinkRecorder(Wire(base, "reolink", pin=address.fingerprint, timeout_s=timeout_s),
                               address.user, password, zone)
    auth = httpx.DigestAuth(address.user, password)
    wire = Wire(base, address.vendor, pin=address.fingerprint, auth=auth, timeout_s=timeout_s)
    if not all(" " <= c <= "~" for c in address.user):
        raise CredentialsRefused(DIGEST_USER.format(where=wire.where))
    if address.vendor == "dahua":
        return DahuaRecorder(wire, zone or IanaZone(system_zone_name()))
    return HikvisionRecorder(wire, zone, address.z_is_local)


def fetch_window(recorder: Recorder, channel: int, start_us: int, end_us: int,
                 folder: Path) -> list[Fetched]:
    """Every recording of `channel` overlapping [start, end) (device-clock UTC), each cut to
    the window by the device where it can, downloaded one at a time into `folder`."""
    recordings = sorted(recorder.search(channel, start_us, end_us), key=lambda r: r.start_us)
    return [recorder.fetch(rec, start_us, end_us, folder) for rec in recordings]
