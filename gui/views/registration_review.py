"""The review before registering, without Qt: exactly what an agency will learn (each line
what is sent), what it will not, and what sending does besides."""
from __future__ import annotations

from dataclasses import dataclass

from agent.views import Camera, Contact
from gui.views.display import NBSP
from gui.views.shown import Shown, shown
from gui.views.words import translate

# Texts keep the translation context "registrations" they were translated under: the catalogue
# finds its Spanish by it.


def place(camera: Camera) -> str:
    """Where a camera is, in words: its address, its map point, or both. The owner's address
    is set apart from the app's words (gui.views.shown): a Hebrew one keeps the map point
    after it."""
    # Numbers as Python writes them, which is what the token carries (never rounded here).
    point = None if camera.lat is None else translate("registrations", "map point {lat}, {lon}") \
        .format(lat=camera.lat, lon=camera.lon)
    if camera.address and point:
        return shown("{address} ({point})", address=camera.address, point=point)
    if camera.address:
        return shown("{address}", address=camera.address)
    return point or translate("registrations", "no place given")


def camera_words(camera: Camera) -> Shown:
    """One camera as the review lists it: name, place, what it sees, how long it keeps; what
    the owner typed set apart from the app's words (gui.views.shown), so a camera named in
    Hebrew does not turn the line's direction (its words were laid out from the right)."""
    template = translate("registrations", "{camera}: at {place}")
    if camera.sees:
        template += "; " + translate("registrations", "sees {what}")
    if camera.retention_days is not None:
        template += "; " + translate("registrations", "keeps footage {days}")
    days_kept = "" if camera.retention_days is None else days(camera.retention_days)
    return shown(template, camera=camera.name, place=place(camera), what=camera.sees or "",
                 days=days_kept)


def days(n: int) -> str:
    """'1 day', '14 days', the number never parted from its unit (display.NBSP)."""
    return (translate("registrations", "1 day") if n == 1 else
            translate("registrations", "{n} days").format(n=n)).replace(" ", NBSP)


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
    learns += [Shown("    ") + camera_words(c) for c in cameras]   # kept Shown: a ◦ line
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
