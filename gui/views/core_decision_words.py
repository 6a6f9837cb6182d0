"""The core's refusals of a request that cannot be approved, declined, held or released as it
stands (agent/requests/approval_run.py, desk_decisions.py, holds.py), or of the owner's
choices an approval cannot take (approval_choices.py): met when a terminal or
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
    QT_TRANSLATE_NOOP("core", "request '{jti}' was declined to withdraw its approval, which "
                              "may still stand: the agency has not taken the decline yet, or "
                              "refused it as it has footage of it, and approving it again then "
                              "sends the rest, which its hold may alone still hold; the hold is "
                              "kept until the agency takes the decline or the rest is "
                              "delivered"),
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
    # the owner's choices an approval refuses (agent/requests/approval_choices.py,
    # approval_run.py), and a window wider than the request's (agent/owner_exports.py)
    QT_TRANSLATE_NOOP("core", "this request does not name cameras; choose which to share"),
    QT_TRANSLATE_NOOP("core", "this request asks only for cameras you did not register with "
                              "this agency ({cameras}); choose which to share, if any"),
    QT_TRANSLATE_NOOP("core", "the approved window must start before it ends"),
    QT_TRANSLATE_NOOP("core", "the request did not ask for {cameras} (it asked for {asked})"),
    QT_TRANSLATE_NOOP("core", "no recordings of {cameras} are indexed (known cameras: {known})"),
    QT_TRANSLATE_NOOP("core", "the footage prepared for your earlier choices could not all be "
                              "removed ({reason}), so nothing was changed: approve it again once "
                              "it can be"),
    QT_TRANSLATE_NOOP("core", "the export window is wider than the request's window; an export "
                              "for a request may only be narrower"),
    # a delivery a stopped command left waiting on the portal (approval_run.py INTERRUPTED),
    # the request's reason when the app opens
    QT_TRANSLATE_NOOP("core", "interrupted while waiting for an answer from the portal or the "
                              "upload server; approve it again to resume"),
)
