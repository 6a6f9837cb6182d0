"""The core's words for why the app cannot register with an agency now
(agent/requests/registering.py registrable, agent/owner_registrations.py): the register page
says them after "Cannot register with {agency} now:"; and a registration the app did not make,
which it cannot answer or poll for (agent/requests/desk.py, polling.py), with the app's words
for the command the core advises (IN_THE_APP). Word for word as the core writes them; Qt-free
data listed among core_templates' TEMPLATES, marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

NOT_MADE_HERE = QT_TRANSLATE_NOOP("core", "registration '{id}' of {agency} was not made from this "
                                          "app, so it cannot answer for it: register with the "
                                          "agency's invite code (`agencies register`)")
NOT_MADE_HERE_POLL = QT_TRANSLATE_NOOP("core", "registration '{id}' of {agency} was not made from "
                                               "this app, so its portal cannot be asked: register "
                                               "with the agency's invite code (`agencies "
                                               "register`)")

TEMPLATES: tuple[str, ...] = (
    NOT_MADE_HERE,
    NOT_MADE_HERE_POLL,
    QT_TRANSLATE_NOOP("core", "the agency file of {agency} has no registration CA "
                              "('registration_ca'), so the app cannot register with it; ask the "
                              "agency for its current agency file and add it again"),
    QT_TRANSLATE_NOOP("core", "no agency '{agency}' is in your trust store; add its file first"),
    QT_TRANSLATE_NOOP("core", "a key rotation is under way; finish it first (rotate the key "
                              "again)"),
    # a registration's bearer token no web request can carry (registering.py usable_password,
    # registrations.check_secret; portal_client.py for one kept before that check)
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a portal password that cannot be used"),
    QT_TRANSLATE_NOOP("core", "the portal password must be 1 to {count} letters, digits and "
                              "punctuation marks of plain ASCII, which a web request can carry"),
    QT_TRANSLATE_NOOP("core", "the portal password kept for your registration with {agency} "
                              "holds characters a web request cannot carry, so its portal "
                              "cannot be asked: ask the agency for a new invite code and "
                              "register again"),
)

IN_THE_APP = {
    NOT_MADE_HERE: QT_TRANSLATE_NOOP("core", "registration '{id}' of {agency} was not made from "
                                             "this app, so it cannot answer for it: register "
                                             "with the agency's invite code (Settings, Register "
                                             "with an agency\u2026)"),
    NOT_MADE_HERE_POLL: QT_TRANSLATE_NOOP("core", "registration '{id}' of {agency} was not made "
                                                  "from this app, so its portal cannot be asked: "
                                                  "register with the agency's invite code "
                                                  "(Settings, Register with an agency\u2026)"),
}
