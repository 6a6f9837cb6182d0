"""The core's words for a safe copy of a request's recordings (a hold: agent/requests/holds.py)
that could not be made, read or removed, word for word as the core writes them: each the head
before the OS's or the recorder's words, which are sentences of their own. What the request's
page and the activity show; Qt-free data listed among core_templates' TEMPLATES, marked for
Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the recordings could not be copied into the hold"),
    QT_TRANSLATE_NOOP("core", "the recorder's footage could not be held"),
    QT_TRANSLATE_NOOP("core", "the hold could not be removed"),
    QT_TRANSLATE_NOOP("core", "the hold record cannot be read"),
    # a recording swapped for a link since the scan (holds.py, agent/export/plan.py)
    QT_TRANSLATE_NOOP("core", "{path} is now a link to a file outside its recordings folder, "
                              "which is never read; scan the folder again"),
)
