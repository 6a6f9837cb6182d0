"""The service's words for a fault nobody foresaw in a folder's scan (agent/service_loop.py
_unexpected): what the app shows above its pages for that folder (a ScanFailed), word for word
as the core writes it. The exception's own words ({answer}) stay as written, and may hold a
join. Qt-free data listed among core_templates' TEMPLATES, marked for Qt's translation in the
"core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # {what}: the folder's sentence below, itself translated
    QT_TRANSLATE_NOOP("core", "{what} (an unexpected failure: {answer}; FOOTAGE_AGENT_DEBUG=1 "
                              "logs the details)"),
    QT_TRANSLATE_NOOP("core", "{what} (an unexpected failure; FOOTAGE_AGENT_DEBUG=1 logs the "
                              "details)"),
    # the first scan of each folder (_first_scan), a rescan the watcher started (_rescan_failed)
    QT_TRANSLATE_NOOP("core", "{path} could not be scanned; it is tried again later, and the "
                              "other sources are scanned and watched all the same"),
    QT_TRANSLATE_NOOP("core", "{path} could not be scanned again; it is tried again when its "
                              "files change, and every few minutes"),
)
