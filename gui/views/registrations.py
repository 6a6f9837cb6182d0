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

from agent.views import Camera, CertificateFacts, Contact, KeyRotation, RegistrationView, one_line
from gui.views.display import day_words
from gui.views.times import zone
from gui.views.words import QT_TRANSLATE_NOOP, translate


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
        raise ValueError(translate("registrations", "write the map point as two numbers, latitude "
                                                    "then longitude, e.g. 47.6101, -122.3421"))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(translate("registrations", "a latitude is from -90 to 90 and a longitude "
                                                    "from -180 to 180"))
    return lat, lon


def contact_from(name: str, email: str, phone: str) -> tuple[Contact | None, list[str]]:
    """The contact as typed (blank optional fields left out), or None and what is missing."""
    if not name.strip():
        return None, [translate("registrations", "Type your name: the agency needs to know whom it "
                                                 "is talking to.")]
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
            problems.append(translate("registrations", "{camera}: say where it is (a street "
                                                       "address, a map "
                                                       "point or both).").format(camera=e.name))
            continue
        lat, lon = point if point else (None, None)
        cameras.append(Camera(e.name, e.address.strip() or None, lat, lon,
                              e.sees.strip() or None, e.retention_days))
    return tuple(cameras), problems


def place(camera: Camera) -> str:
    """Where a camera is, in words: its address, its map point, or both."""
    # Numbers as Python writes them, which is what the token carries (never rounded here).
    point = None if camera.lat is None else translate("registrations", "map point {lat}, {lon}") \
        .format(lat=camera.lat, lon=camera.lon)
    if camera.address and point:
        return f"{camera.address} ({point})"
    return camera.address or point or translate("registrations", "no place given")


def camera_words(camera: Camera) -> str:
    """One camera as the review lists it: name, place, what it sees, how long it keeps."""
    words = [translate("registrations", "{camera}: at {place}").format(camera=camera.name,
                                                                     place=place(camera))]
    if camera.sees:
        words.append(translate("registrations", "sees {what}").format(what=camera.sees))
    if camera.retention_days is not None:
        words.append(translate("registrations", "keeps footage {days}")
                     .format(days=days(camera.retention_days)))
    return "; ".join(words)


def days(n: int) -> str:
    """'1 day', '14 days'."""
    return (translate("registrations", "1 day") if n == 1 else
            translate("registrations", "{n} days").format(n=n))


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
    learns = [translate("registrations", "Your name: {name}").format(name=contact.name)]
    if contact.email:
        learns.append(translate("registrations", "Your email: {email}")
                      .format(email=contact.email))
    if contact.phone:
        learns.append(translate("registrations", "Your phone: {phone}")
                      .format(phone=contact.phone))
    if len(cameras) == 1:
        learns.append(translate("registrations", "1 camera, by the name you gave it, where it is "
                                                 "and what it sees:"))
    elif cameras:
        learns.append(translate("registrations", "{n} cameras, by the names you gave them, where "
                                                 "they are and what they "
                                                 "see:").format(n=len(cameras)))
    else:
        learns.append(translate("registrations", "No cameras (you can add them later from "
                                                 "Settings)"))
    learns += [f"    {camera_words(c)}" for c in cameras]
    learns.append(translate("registrations", "Your app's public key, so the agency accepts answers "
                                             "and footage only when this computer signed them (the "
                                             "secret part never leaves this computer)"))
    learns.append(translate("registrations", "The internet address your connection comes from, as "
                                             "with any website"))
    not_learns = (
        translate("registrations", "No access to your cameras, your recordings or this computer"),
        translate("registrations", "No footage: footage leaves only when you approve a request, "
                                   "and you see every request first"),
        translate("registrations", "Nothing about cameras you did not tick, your recordings "
                                   "folders, your settings or your passwords"))
    if updating:
        note = translate("registrations", "This replaces what {agency} has on file for you: "
                                          "afterwards it knows only what is "
                                          "listed here.").format(agency=agency)
    else:
        note = translate("registrations", "Registering uses up your invite code. {agency} can then "
                                          "send you requests for footage; you decide about each "
                                          "one.").format(agency=agency)
    return Review(tuple(learns), not_learns, note)


def day(stamp: str | None, zone_name: str) -> str:
    """An RFC 3339 time the agent kept, as a day in the owner's zone ('20 Nov 2026')."""
    if not stamp:
        return ""
    try:
        t = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(zone(zone_name))
    except ValueError:
        return stamp
    return _day(t)


def _day(t) -> str:
    """20 Nov 2026, with the locale's month name (gui.views.display)."""
    return day_words(t)


def seconds_day(seconds: int, zone_name: str) -> str:
    """Seconds since 1970 as a day in the owner's zone."""
    return _day(datetime.fromtimestamp(seconds, zone(zone_name)))


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
        return translate("registrations", "Certificate problem: {problem}").format(problem=problem)
    if facts is None:
        return translate("registrations", "No certificate")
    said = translate("registrations", "Certificate from {issuer}, valid until {day} (serial "
                                      "{serial})")
    return said.format(issuer=issuer_name(facts.issuer), serial=facts.serial,
                       day=seconds_day(facts.not_after_s, zone_name))


def state(view: RegistrationView, zone_name: str) -> str:
    """Whether a registration can be used from the app, and its certificate."""
    if view.owner_id is None:
        return translate("registrations", "Id only: register with an invite code to answer "
                                          "requests from the app")
    return certificate_words(view.certificate, view.certificate_problem, zone_name)


def certificate_cell(view: RegistrationView, zone_name: str) -> str:
    """The certificate in a few words, for the table (`state` is its tooltip)."""
    if view.owner_id is None:
        return translate("registrations", "none (id only)")
    if view.certificate_problem:
        return "\u2718 " + translate("registrations", "does not check out")
    if view.certificate is None:
        return translate("registrations", "none")
    return "\u2714 " + translate("registrations", "valid until {day}").format(
        day=seconds_day(view.certificate.not_after_s, zone_name))


def agency(view: RegistrationView) -> str:
    """The agency's name as every registration screen shows it: the agency file's words,
    on one line, with nothing in them acting (bidirectional or invisible characters)."""
    return one_line(view.agency_name)


def row(view: RegistrationView, zone_name: str) -> tuple[str, str, str, str, str]:
    """(agency, registration id, cameras, registered on, certificate) for the Settings table."""
    cameras = (", ".join(one_line(c.name) for c in view.cameras)
               or translate("registrations", "none"))
    return (agency(view), one_line(view.id), cameras, day(view.registered_at, zone_name),
            certificate_cell(view, zone_name))


def registered_words(view: RegistrationView, zone_name: str, updating: bool = False) -> str:
    """The result page after sending: what the agency now holds, and the certificate."""
    head = (translate("registrations", "{agency} has your changes.") if updating else
            translate("registrations", "Registered with {agency}.")).format(
                agency=agency(view))
    cameras = (", ".join(one_line(c.name) for c in view.cameras)
               or translate("registrations", "none"))
    return ("\u2714 " + head + "\n" + translate("registrations", "Registration: {id}\nCameras "
                                                "registered: {cameras}").format(
        id=one_line(view.id), cameras=cameras) + f"\n{state(view, zone_name)}")


def kept_after_failure(before: list[RegistrationView], after: list[RegistrationView],
                       agency_id: str) -> str:
    """What this computer holds after a refused registration or change, compared with
    before it was sent: the owner sees for themselves that nothing half-done was kept."""
    def held(views):
        return {v.id: (v.contact, v.cameras) for v in views if v.agency_id == agency_id}
    was, now = held(before), held(after)
    if was == now:
        if not was:
            return translate("registrations", "Nothing from this attempt was kept on this "
                                              "computer.")
        return translate("registrations", "Your registration on this computer is as it was before.")
    new = sorted(set(now) - set(was))
    if new:
        return translate("registrations", "This computer now holds registration {ids}; see "
                                          "Settings.").format(ids=", ".join(new))
    return translate("registrations", "What this computer holds for this agency changed; see "
                                      "Settings.")


def rotation_words(done: KeyRotation) -> str:
    """A key change's outcome: finished, or what still waits and what to do."""
    moved = len(done.moved)
    if done.finished:
        told = (translate("registrations", "you had no registrations to tell") if not moved
                else translate("registrations", "your registration now knows your new key")
                if moved == 1 else
                translate("registrations", "all {n} of your registrations now know your new "
                                           "key").format(n=moved))
        return "\u2714 " + translate("registrations", "Your key was changed: {told}. The old "
                                     "key is retired: kept only to explain packages you sent "
                                     "before, never used to sign again.").format(told=told)
    lines = [(translate("registrations", "The key change is not finished: 1 registration moved to "
                                         "the new key, {left} not yet.") if moved == 1 else
              translate("registrations", "The key change is not finished: {moved} registrations "
                                         "moved to the new key, {left} not yet.")).format(
        moved=moved, left=len(done.problems))]
    lines += [f"  {p}" for p in done.problems]
    lines.append(translate("registrations", "Both keys are kept meanwhile, and each agency is "
                           "answered with the key it knows. Press \u201cChange my key\u201d "
                           "again to finish (the app also tries each time it starts)."))
    return "\n".join(lines)


# The agency-file details an import can change (agent.requests.agencies.DETAILS), as named.
AGENCY_DETAILS = {
    "name": QT_TRANSLATE_NOOP("registrations", "Name"),
    "phone": QT_TRANSLATE_NOOP("registrations", "Call-back number"),
    "portal": QT_TRANSLATE_NOOP("registrations", "Portal"),
    "upload origins": QT_TRANSLATE_NOOP("registrations", "Where footage is sent"),
    "keys": QT_TRANSLATE_NOOP("registrations", "Key fingerprints"),
    "registration CA": QT_TRANSLATE_NOOP("registrations", "Registration certificate"),
    "longest window": QT_TRANSLATE_NOOP("registrations", "Longest time a request may cover"),
    "longest open": QT_TRANSLATE_NOOP("registrations", "Longest time a request stays open"),
}


def replace_title(change) -> str:
    """The title of the question before an agency file replaces a trusted agency's."""
    return translate("registrations", "Replace the details of {agency}?").format(
        agency=one_line(change.before.name))


def replace_question(change) -> str:
    """What a file replacing a trusted agency's (an AgencyChange) changes, before and after,
    and what happens to the registrations held with it: asked before anything changes."""
    lines = [translate("registrations", "You trust {agency} already. This file changes:")
             .format(agency=one_line(change.before.name))]
    for what, was, now in change.differences:
        lines.append(translate("registrations", "{detail}: {before} \u2192 {after}").format(
            detail=translate("registrations", AGENCY_DETAILS.get(what, what)),
            before=one_line(was), after=one_line(now)))
    if change.forgotten:
        lines.append(translate(
            "registrations", "Your registrations with it ({registrations}) will be forgotten on "
            "this computer: they were made with its old addresses, and their password is never "
            "sent anywhere else. To register again you need a new invite code.").format(
                registrations=", ".join(map(one_line, change.forgotten))))
    lines.append(translate("registrations", "Replace it only if the agency told you its details "
                           "changed and the new key fingerprints match the ones it publishes."))
    return "\n".join(lines)


def not_replaced(change) -> str:
    """Said when the owner keeps a trusted agency's details."""
    return translate("registrations", "Nothing was changed: {agency} keeps the details you "
                     "trusted.").format(agency=one_line(change.before.name))


def imported_again(change) -> str:
    """What importing the file of an agency trusted already did (replaced, or nothing)."""
    agency = one_line(change.agency.name)
    if not change.replaces:
        return translate("registrations", "{agency} is trusted already with this same file; "
                         "nothing changed.").format(agency=agency)
    text = translate("registrations", "Replaced the details of {agency}. Compare these "
                     "fingerprints with the ones the agency publishes: {fingerprints}").format(
        agency=agency, fingerprints=", ".join(change.agency.fingerprints()))
    if change.forgotten:
        text += " " + translate("registrations", "Your registrations with it were forgotten on "
                                "this computer: register again with a new invite code.")
    return text
