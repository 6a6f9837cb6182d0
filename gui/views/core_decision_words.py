"""The core's refusals of a request that cannot be approved, declined, held or released as it
stands (agent/requests/approval_run.py, desk_decisions.py, holds.py): met when a terminal or
`footage-agent run` acts on the request the app shows, or it changed while its page was open.
`{state}` is the request's status as a sentence says it (agent/requests/status_words.py), each
a template of its own here. Word for word as the core writes them; Qt-free data listed among
core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "request '{jti}' {state}; it cannot be approved now"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' {state}; only a new or held request, or an "
                              "approved one not delivered, can be declined"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' {state}; holds are made while you decide"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' {state}; nothing is held for it, so there is no "
                              "copy to delete"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' {state}; its hold is kept until the request is "
                              "declined, expired or delivered"),
    QT_TRANSLATE_NOOP("core", "{reason}; cancel it first to decline"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' is being delivered right now"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' is being delivered or declined by another "
                              "footage-agent (the app, `footage-agent run` or a command in a "
                              "terminal); wait for it to finish"),
    QT_TRANSLATE_NOOP("core", "the hold was cancelled; nothing was kept"),
    # {state}: agent/requests/status_words.py
    QT_TRANSLATE_NOOP("core", "is not answered yet"),
    QT_TRANSLATE_NOOP("core", "is not answered yet (its recordings are held)"),
    QT_TRANSLATE_NOOP("core", "is approved and not delivered yet"),
    QT_TRANSLATE_NOOP("core", "was declined"),
    QT_TRANSLATE_NOOP("core", "has expired"),
    QT_TRANSLATE_NOOP("core", "is being packaged for the agency"),
    QT_TRANSLATE_NOOP("core", "is being sent to the agency"),
    QT_TRANSLATE_NOOP("core", "was delivered"),
    QT_TRANSLATE_NOOP("core", "is approved, but its delivery stopped before the end"),
)
