"""The core's words for a folder's clock offset it cannot use (one an older version saved:
infinite, not a number, or over 100 years; agent/owner_index.py), word for word as it writes
them, and the app's words instead (IN_THE_APP): in the app the offset is set again in Set up's
"2  Camera clock" step, not typed on a command line. Qt-free data listed among core_templates'
TEMPLATES and core_app_words' IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

OFFSET_NOT_USABLE = QT_TRANSLATE_NOOP("core", "the clock offset kept for {path} ({offset} s) is "
                                              "not usable: set it again with `footage-agent "
                                              "sources add {again} --clock-offset S`")

TEMPLATES: tuple[str, ...] = (OFFSET_NOT_USABLE,)

IN_THE_APP: dict[str, str] = {
    OFFSET_NOT_USABLE: QT_TRANSLATE_NOOP("core", "the camera clock difference kept for {path} "
                                                 "({offset} s, saved by an older version) "
                                                 "cannot be used, so its recordings are not "
                                                 "read: set it again in Set up, step 2 (Camera "
                                                 "clock)"),
}
