"""The core's words for a time zone name it does not know (agent/timebase.py zone), word for
word as it writes them, and the app's words instead (IN_THE_APP): in the app the zone is
chosen from a list (first run's "Time zone of the recorder", a Dahua recorder's zone), not
typed as an IANA name. Qt-free data listed among core_templates' TEMPLATES and core_app_words'
IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

UNKNOWN_ZONE = QT_TRANSLATE_NOOP("core", "unknown time zone '{name}' (use an IANA name such as "
                                         "America/Los_Angeles)")

TEMPLATES: tuple[str, ...] = (UNKNOWN_ZONE,)

IN_THE_APP: dict[str, str] = {
    UNKNOWN_ZONE: QT_TRANSLATE_NOOP("core", "unknown time zone '{name}': choose the recorder's "
                                            "zone from the list (such as "
                                            "America/Los_Angeles)"),
}
