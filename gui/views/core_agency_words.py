"""The trust store's words for an agency file that is not what the owner accepted
(agent/requests/agency_changes.py, trust_pins.py), each word for word as the core writes it,
and what the app says instead of the command the core advises (core_app_words.IN_THE_APP)."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

CHANGED = QT_TRANSLATE_NOOP("core", "it was changed since you accepted it ({details}), so it is "
                                    "not trusted. Call {name} on {phone}, the number you "
                                    "accepted, and compare the fingerprints it now has "
                                    "({fingerprints}); if they are the agency's, accept it again "
                                    "with `footage-agent agencies add \"{path}\" --replace`")
NEVER_ACCEPTED = QT_TRANSLATE_NOOP("core", "you never accepted it (another program or someone "
                                           "else put it there), so it is not trusted. Call the "
                                           "agency on a number you know, and compare its "
                                           "fingerprints ({fingerprints}); if they are the "
                                           "agency's, import it with `footage-agent agencies add "
                                           "\"{path}\"`")
PINS_BROKEN = QT_TRANSLATE_NOOP("core", "the record of the agencies you accepted {reason}, so it "
                                        "is not trusted. Call the agency on a number you know, "
                                        "and compare its fingerprints ({fingerprints}); if they "
                                        "are the agency's, accept it again with `footage-agent "
                                        "agencies add \"{path}\" --replace`")
# What is wrong with the record itself (trust_pins.read_pins, accepted_pins): PINS_BROKEN's
# {reason}.
PINS_REASONS = (
    QT_TRANSLATE_NOOP("core", "is damaged or was not made by this app"),
    QT_TRANSLATE_NOOP("core", "is not signed by your owner key (someone replaced it)"),
    QT_TRANSLATE_NOOP("core", "is missing, though this home's activity log shows it was made "
                              "(someone deleted it)"),
    QT_TRANSLATE_NOOP("core", "cannot be checked: your owner key is locked and its public part "
                              "is missing"),
)
# A request whose agency is no longer trusted (agent/requests/desk.py).
NOT_TRUSTED = QT_TRANSLATE_NOOP("core", "the agency {agency} is no longer in your trust store: "
                                        "you removed it, or its file changed since you accepted "
                                        "it (`agencies list` says which)")
TEMPLATES = (CHANGED, NEVER_ACCEPTED, PINS_BROKEN, NOT_TRUSTED) + PINS_REASONS

IN_THE_APP = {
    NOT_TRUSTED: QT_TRANSLATE_NOOP("core", "the agency {agency} is no longer in your trust "
                                           "store: you removed it, or its file changed since you "
                                           "accepted it (Settings says which)"),
    CHANGED: QT_TRANSLATE_NOOP("core", "it was changed since you accepted it ({details}), so it "
                                       "is not trusted. Call {name} on {phone}, the number you "
                                       "accepted, and compare the fingerprints it now has "
                                       "({fingerprints}); if they are the agency's, choose it in "
                                       "this list and press Accept again"),
    NEVER_ACCEPTED: QT_TRANSLATE_NOOP("core", "you never accepted it (another program or someone "
                                              "else put it there), so it is not trusted. Call the "
                                              "agency on a number you know, and compare its "
                                              "fingerprints ({fingerprints}); if they are the "
                                              "agency's, choose it in this list and press Accept "
                                              "again"),
    PINS_BROKEN: QT_TRANSLATE_NOOP("core", "the record of the agencies you accepted {reason}, so "
                                           "it is not trusted. Call the agency on a number you "
                                           "know, and compare its fingerprints ({fingerprints}); "
                                           "if they are the agency's, choose it in this list and "
                                           "press Accept again"),
}
