"""How registering reads for the owner, without Qt: the forms as typed becoming a Contact and
Cameras (with what is missing in words), the review of exactly what an agency will learn and
what it will not, a registration as Settings lists it, and a key change's outcome.

The agent checks everything again before it signs (limits, lengths, the invite's form); the
checks here only catch what an owner can fix on the page they are on.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime

from agent.views import Camera, CertificateFacts, Contact, KeyRotation, RegistrationView
from gui.views.times import zone


@dataclass(frozen=True)
class CameraEntry:
    """One camera as typed on the cameras page: whether it is ticked, where it is (a street
    address and/or a map point "lat, lon"), what it sees and how many days its recorder keeps
    footage (None: not said)."""

    name: str
    ticked: bool = False
    address: str = ""
    point: str = ""
    sees: str = ""
    retention_days: int | None = None


def entry_of(camera: Camera) -> CameraEntry:
    """A registered camera as the cameras page shows it (ticked, its fields filled in)."""
    point = "" if camera.lat is None else f"{camera.lat}, {camera.lon}"
    return CameraEntry(camera.name, True, camera.address or "", point, camera.sees or "",
                       camera.retention_days)


def read_point(text: str) -> tuple[float, float] | None:
    """"47.61, -122.33" (as map apps copy it) as (lat, lon); None when empty; ValueError
    saying what is wrong otherwise."""
    parts = [p for p in re.split(r"[\s,;]+", text.strip()) if p]
    if not parts:
        return None
    try:
        lat, lon = (float(p) for p in parts) if len(parts) == 2 else (math.nan, math.nan)
    except ValueError:
        lat = lon = math.nan
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError("write the map point as two numbers, latitude then longitude, "
                         "e.g. 47.6101, -122.3421")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("a latitude is from -90 to 90 and a longitude from -180 to 180")
    return lat, lon


def contact_from(name: str, email: str, phone: str) -> tuple[Contact | None, list[str]]:
    """The contact as typed (blank optional fields left out), or None and what is missing."""
    if not name.strip():
        return None, ["Type your name: the agency needs to know whom it is talking to."]
    return Contact(name.strip(), email.strip() or None, phone.strip() or None), []


def cameras_from(entries: list[CameraEntry]) -> tuple[tuple[Camera, ...], list[str]]:
    """The ticked cameras as Cameras, and each problem an owner must fix first."""
    cameras, problems = [], []
    for e in entries:
        if not e.ticked:
            continue
        try:
            point = read_point(e.point)
        except ValueError as exc:
            problems.append(f"{e.name}: {exc}.")
            continue
        if point is None and not e.address.strip():
            problems.append(f"{e.name}: say where it is (a street address, a map point or "
                            "both).")
            continue
        lat, lon = point if point else (None, None)
        cameras.append(Camera(e.name, e.address.strip() or None, lat, lon,
                              e.sees.strip() or None, e.retention_days))
    return tuple(cameras), problems


def place(camera: Camera) -> str:
    """Where a camera is, in words: its address, its map point, or both."""
    # Numbers as Python writes them, which is what the token carries (never rounded here).
    point = None if camera.lat is None else f"map point {camera.lat}, {camera.lon}"
    if camera.address and point:
        return f"{camera.address} ({point})"
    return camera.address or point or "no place given"


def camera_words(camera: Camera) -> str:
    """One camera as the review lists it: name, place, what it sees, how long it keeps."""
    words = [f"{camera.name}: at {place(camera)}"]
    if camera.sees:
        words.append(f"sees {camera.sees}")
    if camera.retention_days is not None:
        words.append(f"keeps footage {days(camera.retention_days)}")
    return "; ".join(words)


def days(n: int) -> str:
    """'1 day', '14 days'."""
    return f"{n} day" if n == 1 else f"{n} days"


@dataclass(frozen=True)
class Review:
    """The review page: what the agency will learn (each line exactly what is sent), what it
    will not, and what sending does besides."""

    learns: tuple[str, ...]
    not_learns: tuple[str, ...]
    note: str


def review(agency: str, contact: Contact, cameras: tuple[Camera, ...],
           updating: bool = False) -> Review:
    """Exactly what registering (or changing a registration) tells `agency`."""
    learns = [f"Your name: {contact.name}"]
    if contact.email:
        learns.append(f"Your email: {contact.email}")
    if contact.phone:
        learns.append(f"Your phone: {contact.phone}")
    if cameras:
        learns.append(f"{len(cameras)} camera{'s' if len(cameras) != 1 else ''}, by the names "
                      "you gave them, where they are and what they see:")
        learns += [f"    {camera_words(c)}" for c in cameras]
    else:
        learns.append("No cameras (you can add them later from Settings)")
    learns.append("Your app's public key, so the agency accepts answers and footage only when "
                  "this computer signed them (the secret part never leaves this computer)")
    learns.append("The internet address your connection comes from, as with any website")
    not_learns = ("No access to your cameras, your recordings or this computer",
                  "No footage: footage leaves only when you approve a request, and you see "
                  "every request first",
                  "Nothing about cameras you did not tick, your recordings folders, your "
                  "settings or your passwords")
    if updating:
        note = (f"This replaces what {agency} has on file for you: afterwards it knows only "
                "what is listed here.")
    else:
        note = (f"Registering uses up your invite code. {agency} can then send you requests "
                "for footage; you decide about each one.")
    return Review(tuple(learns), not_learns, note)


def day(stamp: str | None, zone_name: str) -> str:
    """An RFC 3339 time the agent kept, as a day in the owner's zone ('20 Nov 2026')."""
    if not stamp:
        return ""
    try:
        t = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(zone(zone_name))
    except ValueError:
        return stamp
    return f"{t.day} {t:%b %Y}"


def seconds_day(seconds: int, zone_name: str) -> str:
    """Seconds since 1970 as a day in the owner's zone."""
    t = datetime.fromtimestamp(seconds, zone(zone_name))
    return f"{t.day} {t:%b %Y}"


def issuer_name(issuer: str) -> str:
    """The common name in an RFC 4514 issuer ('O=...,CN=X registration CA' -> 'X registration
    CA'); the whole text when it has none."""
    parts = re.split(r"(?<!\\),", issuer)
    names = [p[3:] for p in parts if p[:3].upper() == "CN="]
    return names[0].replace("\\", "") if names else issuer


def certificate_words(facts: CertificateFacts | None, problem: str | None,
                      zone_name: str) -> str:
    """The agency's certificate for the owner's key, in one line."""
    if problem:
        return f"Certificate problem: {problem}"
    if facts is None:
        return "No certificate"
    return (f"Certificate from {issuer_name(facts.issuer)}, valid until "
            f"{seconds_day(facts.not_after_s, zone_name)} (serial {facts.serial})")


def state(view: RegistrationView, zone_name: str) -> str:
    """Whether a registration can be used from the app, and its certificate."""
    if view.owner_id is None:
        return "Id only: register with an invite code to answer requests from the app"
    return certificate_words(view.certificate, view.certificate_problem, zone_name)


def certificate_cell(view: RegistrationView, zone_name: str) -> str:
    """The certificate in a few words, for the table (`state` is its tooltip)."""
    if view.owner_id is None:
        return "none (id only)"
    if view.certificate_problem:
        return "\u2718 does not check out"
    if view.certificate is None:
        return "none"
    return f"\u2714 valid until {seconds_day(view.certificate.not_after_s, zone_name)}"


def row(view: RegistrationView, zone_name: str) -> tuple[str, str, str, str, str]:
    """(agency, registration id, cameras, registered on, certificate) for the Settings table."""
    cameras = ", ".join(c.name for c in view.cameras) or "none"
    return (view.agency_name, view.id, cameras, day(view.registered_at, zone_name),
            certificate_cell(view, zone_name))


def registered_words(view: RegistrationView, zone_name: str, updating: bool = False) -> str:
    """The result page after sending: what the agency now holds, and the certificate."""
    head = (f"\u2714 {view.agency_name} has your changes." if updating else
            f"\u2714 Registered with {view.agency_name}.")
    cameras = ", ".join(c.name for c in view.cameras) or "none"
    return (f"{head}\nRegistration: {view.id}\nCameras registered: {cameras}\n"
            f"{state(view, zone_name)}")


def kept_after_failure(before: list[RegistrationView], after: list[RegistrationView],
                       agency_id: str) -> str:
    """What this computer holds after a refused registration or change, compared with
    before it was sent: the owner sees for themselves that nothing half-done was kept."""
    def held(views):
        return {v.id: (v.contact, v.cameras) for v in views if v.agency_id == agency_id}
    was, now = held(before), held(after)
    if was == now:
        if not was:
            return "Nothing from this attempt was kept on this computer."
        return "Your registration on this computer is as it was before."
    new = sorted(set(now) - set(was))
    return ("This computer now holds registration " + ", ".join(new) if new else
            "What this computer holds for this agency changed") + "; see Settings."


def rotation_words(done: KeyRotation) -> str:
    """A key change's outcome: finished, or what still waits and what to do."""
    moved = len(done.moved)
    if done.finished:
        told = ("you had no registrations to tell" if not moved else
                "your registration now knows your new key" if moved == 1 else
                f"all {moved} of your registrations now know your new key")
        return (f"\u2714 Your key was changed: {told}. The old key is retired: kept only to "
                "explain packages you sent before, never used to sign again.")
    lines = [f"The key change is not finished: {moved} registration"
             f"{'s' if moved != 1 else ''} moved to the new key, "
             f"{len(done.problems)} not yet."]
    lines += [f"  {p}" for p in done.problems]
    lines.append("Both keys are kept meanwhile, and each agency is answered with the key it "
                 "knows. Press \u201cChange my key\u201d again to finish (the app also tries "
                 "each time it starts).")
    return "\n".join(lines)
