"""The core's words for a recording that indexes but cannot be cut (agent/export/source.py:
a codec the export does not cut, such as an older DVR's MPEG-4 Part 2), word for word as the
core writes them: what the Export page and a request's delivery show. Qt-free data listed
among core_templates' TEMPLATES; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the recording {path} is {codec} video, which the app cannot "
                              "cut (only H.264, H.265 and intra-only MJPEG recordings); to hand "
                              "it over, copy the file itself (from its folder, or with the "
                              "recorder's own backup), and set the recorder to record H.264 so "
                              "that what it records from now on can be exported"),
)
