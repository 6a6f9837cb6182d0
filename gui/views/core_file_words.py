"""The core's words for a small file of the app's own folder that a power cut, a failing disk
or a hand edit left unusable (agent/json_words.py says what is wrong with it; the safe copy's
record in agent/requests/holds.py; the scans' turns), each word for word as the core writes it. Qt-free data
listed among core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # what is wrong with the file (json_fault): a {reason} of the sentences below
    QT_TRANSLATE_NOOP("core", "it is empty"),
    QT_TRANSLATE_NOOP("core", "it is not text"),
    QT_TRANSLATE_NOOP("core", "its text is broken at line {line}, column {column}"),
    QT_TRANSLATE_NOOP("core", "its text nests too deep to be read"),
    QT_TRANSLATE_NOOP("core", "it does not list the copies"),
    QT_TRANSLATE_NOOP("core", "it is missing"),
    # no ordinary file where one is read (agent/os_words.py NOT_A_FILE): a named pipe or a
    # device left in the app's folder (its agencies folder: a link to /dev/zero)
    QT_TRANSLATE_NOOP("core", "{path} is not an ordinary file (a named pipe or a device), so it "
                              "is not read: check the path"),
    # the scans' turns kept in the app's folder (agent/index/scan_turns.py), said as a
    # recordings folder's problem: the head before the OS's words
    QT_TRANSLATE_NOOP("core", "cannot keep the scans' turns in footage-agent's folder"),
    # a safe copy whose record cannot be used (holds.read_hold): shown on its request's page
    QT_TRANSLATE_NOOP("core", "the record of the safe copy in {path} is damaged ({reason}); the "
                              "copies of your recordings in that folder are kept as they are. "
                              "To make the safe copy again, move that folder out of "
                              "footage-agent's folder first (keep it)"),
    # a hold folder whose record names another request (holds.another_request): its page
    QT_TRANSLATE_NOOP("core", "the safe copy in {path} was made for another request, "
                              "'{request}'; the copies of recordings in that folder are kept as "
                              "they are. To make this request's safe copy, move that folder out "
                              "of footage-agent's folder first (keep it)"),
)
