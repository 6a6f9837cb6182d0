"""The core's words for an agency portal's answer the app cannot use (a redirect, something
not JSON or not of FRP/1's shape, an accepted package without a receipt: agent/requests/
portal_answers.py, portal_client.py), word for word as the core writes them: what the inbox's
"Check for requests now", a registration and a delivery show. Qt-free data listed among
core_templates' TEMPLATES; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "{agency}'s portal tried to redirect to {url}; redirects are "
                              "never followed"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent an answer that is not JSON"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent JSON of an unexpected shape"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a list of requests in an unexpected form "
                              "(\"requests\" must be a list of tokens)"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal sent a position marker (cursor) in an "
                              "unexpected form"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal accepted the package but sent no receipt"),
)
