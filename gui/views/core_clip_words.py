"""The core's words for a clip that could not be written, finished or saved to the disk
(agent/export/clip_writer.py, output.py, cut.py), word for word as the core writes them, the
system's own words in brackets: a disk that failed or filled part way, a file another program
holds. What the Export page, the request's page and the activity show; Qt-free data listed
among core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the clip could not be written ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip could not be finished ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip cannot be written in {path} ({reason})"),
    QT_TRANSLATE_NOOP("core", "the cut clip could not be read back or saved to the disk "
                              "({reason})"),
)
