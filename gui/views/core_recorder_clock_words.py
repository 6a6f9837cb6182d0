"""The core's words for a recorder's clock or time zone it cannot read, word for word as the
core writes them (agent/recorders/dahua.py, hikvision.py, reolink.py, zones.py, and a
Reolink's clock put back while it recorded: reolink_answers.py). Met when the app adds or
tests a recorder, and when it exports or holds its footage. Qt-free data listed among
core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "The recorder's clock reads '{value}', not a time."),
    QT_TRANSLATE_NOOP("core", "The recorder's clock reads \"{value}\", not a time."),
    QT_TRANSLATE_NOOP("core", "The recorder's clock (GetTime) could not be read."),
    QT_TRANSLATE_NOOP("core", "The recorder did not say which time zone it keeps."),
    QT_TRANSLATE_NOOP("core", "The recorder's time zone '{zone}' is not a POSIX TZ rule."),
    QT_TRANSLATE_NOOP("core", "The recorder's time zone \"{zone}\" is not a POSIX TZ rule."),
    QT_TRANSLATE_NOOP("core", "The recorder's time zone settings (GetTime) could not be read."),
    QT_TRANSLATE_NOOP("core", "unreadable DST rule '{rule}'"),
    QT_TRANSLATE_NOOP("core", "The recorder's clock was put back while it recorded this "
                              "footage, so the times it wrote for the recording run backwards "
                              "and name nothing it can send, and its firmware gives the "
                              "recording no name to ask for it whole by; nothing was "
                              "downloaded. Export it with Reolink's own app or the recorder's "
                              "web page."),
)
