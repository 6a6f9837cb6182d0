"""The operating system's words for why a recordings folder cannot be read, as the scan writes
them inside its sentence (agent/index/scan.py: "the recordings folder <path> cannot be read
(<why>): ..."), lowercased: Linux's and macOS's, which are English whatever the owner's
language (Windows words them in its own). Said above the app's pages for that folder.
Qt-free data listed among core_templates' TEMPLATES, marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "permission denied"),
    # macOS, for a folder it has not let this app into (Privacy & Security, Files and Folders)
    QT_TRANSLATE_NOOP("core", "operation not permitted"),
    QT_TRANSLATE_NOOP("core", "input/output error"),
    # a network share or a card reader that went away (Linux's words, then macOS's)
    QT_TRANSLATE_NOOP("core", "transport endpoint is not connected"),
    QT_TRANSLATE_NOOP("core", "socket is not connected"),
    QT_TRANSLATE_NOOP("core", "stale file handle"),
    QT_TRANSLATE_NOOP("core", "stale nfs file handle"),
    QT_TRANSLATE_NOOP("core", "host is down"),
    QT_TRANSLATE_NOOP("core", "no route to host"),
    QT_TRANSLATE_NOOP("core", "connection timed out"),
    QT_TRANSLATE_NOOP("core", "operation timed out"),
    QT_TRANSLATE_NOOP("core", "no such device"),
    QT_TRANSLATE_NOOP("core", "no such device or address"),
    QT_TRANSLATE_NOOP("core", "device not configured"),
)
