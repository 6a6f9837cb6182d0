"""A registration as the app shows it, without Qt: its row in Settings, its certificate, the
result page after sending, what a refused attempt left on this computer, and a key change's
outcome. The forms are in gui/views/registration_forms.py, the review in
gui/views/registration_review.py, replacing a trusted agency's file in
gui/views/agency_replacement.py.
"""
from __future__ import annotations

import re
from datetime import datetime

from agent.views import CertificateFacts, KeyRotation, RegistrationView, one_line
from gui.views.core_words import in_owner_language, owner_words
from gui.views.display import day_words
from gui.views.shown import shown, shown_lines, shown_names
from gui.views.times import US, local, to_datetime, zone
from gui.views.words import translate


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
    """Seconds since 1970 as a day in the owner's zone. Counted from 1970, not converted by
    the C runtime: on Windows that stops at the year 3000, and a certificate with no end
    says 9999 (RFC 5280)."""
    try:
        return _day(local(seconds * US, zone_name))
    except OverflowError:   # 9999-12-31 23:59:59 UTC is the year 10000 east of UTC
        return _day(to_datetime(seconds * US))


def issuer_name(issuer: str) -> str:
    """The common name in an RFC 4514 issuer ('O=...,CN=X registration CA' -> 'X registration
    CA'); the whole text when it has none."""
    parts = re.split(r"(?<!\\),", issuer)
    names = [p[3:] for p in parts if p[:3].upper() == "CN="]
    return names[0].replace("\\", "") if names else issuer


def certificate_words(facts: CertificateFacts | None, problem: str | None,
                      zone_name: str) -> str:
    """The agency's certificate for the owner's key, in one line."""
    if problem:   # the core's words, in the owner's language
        return shown(translate("registrations", "Certificate problem: {problem}"),
                     problem=owner_words(problem))
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
    """(agency, registration id, cameras, registered on, certificate) for the Settings table.
    The cameras are listed each set apart (shown_names): two Hebrew names joined bare by ", "
    made one right-to-left run, listed in the reverse of their order."""
    cameras = (shown_names([c.name for c in view.cameras])
               or translate("registrations", "none"))
    return (agency(view), one_line(view.id), cameras, day(view.registered_at, zone_name),
            certificate_cell(view, zone_name))


def registered_words(view: RegistrationView, zone_name: str, updating: bool = False) -> str:
    """The result page after sending: what the agency now holds, and the certificate."""
    head = shown("\u2714 " + (translate("registrations", "{agency} has your changes.")
                              if updating else
                              translate("registrations", "Registered with {agency}.")),
                 agency=view.agency_name)
    cameras = (shown_names([c.name for c in view.cameras])
               or translate("registrations", "none"))
    # each a line of its own, the names set apart as in the table (a line may start with one)
    return shown_lines([head, shown(translate("registrations", "Registration: {id}\nCameras "
                                                                "registered: {cameras}"),
                                    id=view.id, cameras=cameras), state(view, zone_name)])


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
    # "<agency> <registration>: <why>", the why in the owner's language (core_words)
    lines += [f"  {in_owner_language(p)}" for p in done.problems]
    lines.append(translate("registrations", "Both keys are kept meanwhile, and each agency is "
                           "answered with the key it knows. Press \u201cChange my key\u201d "
                           "again to finish (the app also tries each time it starts)."))
    return "\n".join(lines)
