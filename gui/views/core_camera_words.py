"""The core's words for a camera rename that failed or was only half recorded
(agent/owner_cameras.py, export/masks.py) and for a change or an export the activity log could
not record (agent/audit/log.py and changes.py; owner_records.py, owner_exports.py), word
for word as the core writes them: what Settings shows after Rename, and the Export page.
Qt-free data listed among core_templates' TEMPLATES, marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "no camera is named '{camera}' (known: {known})"),
    # {reason}: why its masks could not be saved under the new name (below)
    QT_TRANSLATE_NOOP("core", "'{camera}' was not renamed: its privacy masks could not follow "
                              "({reason})"),
    QT_TRANSLATE_NOOP("core", "they could not be saved under the new name"),
    # a change made but not logged: the head before the activity log's own failure (below)
    QT_TRANSLATE_NOOP("core", "'{camera}' is now '{name}', but the activity log could not "
                              "record the change"),
    QT_TRANSLATE_NOOP("core", "the change was made, but the activity log could not record it"),
    QT_TRANSLATE_NOOP("core", "the package {path} was made, but the activity log could not "
                              "record it"),
    # the activity log's own failures: the head before the OS's words
    QT_TRANSLATE_NOOP("core", "cannot open the audit log"),
    QT_TRANSLATE_NOOP("core", "cannot write the audit log"),
    QT_TRANSLATE_NOOP("core", "cannot read the audit log"),
)
