"""The core's notes on how a local recording was placed in time (agent/index/placement.py),
word for word as it writes them into a row's reason: a name or a card's date in the repeated
fall-back hour or in the spring gap, a recording placed by its container or its date alone, a
name's end set aside; and what a name told of its times, or did not (agent/index/layouts.py,
layout_hooks.py, scan.py). An export of a window holding only recordings it cannot use names them
after its refusal, each with its reason. Qt-free data listed among core_templates' TEMPLATES,
marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "name time is in the repeated fall-back hour ({first} or "
                              "{second}) and nothing tells which; indexed at the earlier "
                              "reading, and never exported, since its footage may be from the "
                              "other"),
    QT_TRANSLATE_NOOP("core", "its modification time is in the repeated fall-back hour ({first} "
                              "or {second}) and nothing tells which; indexed at the earlier "
                              "reading, and never exported, since its footage may be from the "
                              "other"),
    QT_TRANSLATE_NOOP("core", "name time falls in a spring-forward gap; read with the "
                              "pre-change offset"),
    QT_TRANSLATE_NOOP("core", "its modification time falls in a spring-forward gap; read with "
                              "the pre-change offset"),
    QT_TRANSLATE_NOOP("core", "placed in time by the file's modification time alone (minus its "
                              "duration): check this camera's times"),
    QT_TRANSLATE_NOOP("core", "start from the container's creation time"),
    QT_TRANSLATE_NOOP("core", "the container's creation time is the camera's wall clock, not "
                              "UTC as the format says (its file date agrees): read in the "
                              "folder's zone"),
    QT_TRANSLATE_NOOP("core", "the start written in the name is not a real time"),
    QT_TRANSLATE_NOOP("core", "the name says it runs to {wall}, but the file holds {count} s of "
                              "footage: its end is where the footage ends"),
    QT_TRANSLATE_NOOP("core", "end in name is before start; end ignored"),
    # what the name told (layouts.py, layout_hooks.py, scan.py)
    QT_TRANSLATE_NOOP("core", "end unknown in name"),
    QT_TRANSLATE_NOOP("core", "time in index00.bin, not in name"),
    QT_TRANSLATE_NOOP("core", "zone abbreviation {abbrev} not recognised; using the source's "
                              "zone"),
    QT_TRANSLATE_NOOP("core", "date {day} only in name; time from container or events DB"),
    QT_TRANSLATE_NOOP("core", "continuation file: the name repeats the recording's start"),
    QT_TRANSLATE_NOOP("core", "the offset {offset} in the name is not a real one"),
    QT_TRANSLATE_NOOP("core", "the end written in the name is not a real time"),
    QT_TRANSLATE_NOOP("core", "times from frigate.db"),
)
