"""The core's words for why the app cannot register with an agency now
(agent/requests/registering.py registrable, agent/owner_registrations.py): the register page
says them after "Cannot register with {agency} now:". Word for word as the core writes them;
Qt-free data listed among core_templates' TEMPLATES, marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the agency file of {agency} has no registration CA "
                              "('registration_ca'), so the app cannot register with it; ask the "
                              "agency for its current agency file and add it again"),
    QT_TRANSLATE_NOOP("core", "no agency '{agency}' is in your trust store; add its file first"),
    QT_TRANSLATE_NOOP("core", "a key rotation is under way; finish it first (rotate the key "
                              "again)"),
)
