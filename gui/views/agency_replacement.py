"""Importing the file of an agency trusted already, without Qt: the question before it
replaces the trusted details (each change before and after, and the registrations it makes
this computer forget), and what importing it did."""
from __future__ import annotations

from agent.views import one_line
from gui.views.words import QT_TRANSLATE_NOOP, translate

# Texts keep the translation context "registrations" they were translated under: the catalogue
# finds its Spanish by it.


# The agency-file details an import can change (agent.requests.agency_changes.DETAILS), as named.
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
    if change.restored:
        return translate("registrations", "{agency}'s file had been changed since you accepted "
                         "it; it is trusted again as you accepted it.").format(agency=agency)
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
