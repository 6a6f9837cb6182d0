"""The core's words for a safe copy of a request's recordings (a hold: agent/requests/holds.py)
that could not be made, read or removed, word for word as the core writes them: each the head
before the OS's or the recorder's words, which are sentences of their own. What the request's
page and the activity show; Qt-free data listed among core_templates' TEMPLATES, marked for
Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the recordings could not be copied into the hold"),
    QT_TRANSLATE_NOOP("core", "the recorder's footage could not be held"),
    QT_TRANSLATE_NOOP("core", "the hold could not be removed"),
    QT_TRANSLATE_NOOP("core", "the hold record cannot be read"),
    # a hold of a request held already, adding what was indexed since (hold_top_up.py)
    QT_TRANSLATE_NOOP("core", "the recordings could not be added to the safe copy, which holds "
                              "what it held before"),
    # a recorder's recordings listed since, downloaded into it (hold_downloads.py)
    QT_TRANSLATE_NOOP("core", "the recorder's footage could not be added to the safe copy, "
                              "which holds what it held before"),
    # a copy its folder's new time zone cannot place (held_clocks.py)
    QT_TRANSLATE_NOOP("core", "the time zone of {camera}'s recordings folder was changed after "
                              "its safe copy was made, and the copy {name} cannot be placed in "
                              "time by the new one (its time came from something the safe copy "
                              "does not keep, such as a memory card's file date): set the zone "
                              "back to send it"),
    QT_TRANSLATE_NOOP("core", "this request's safe copy is being made by another footage-agent "
                              "(the app, `footage-agent run` or a command in a terminal); wait "
                              "for it to finish"),
    QT_TRANSLATE_NOOP("core", "nothing can be added to the safe copy in {path} ({reason}); the "
                              "copies of your recordings in that folder are kept as they are. "
                              "To make the safe copy again, move that folder out of "
                              "footage-agent's folder first (keep it)"),
    QT_TRANSLATE_NOOP("core", "it was made by an earlier version of footage-agent, which did not "
                              "record which recordings it copied"),
    QT_TRANSLATE_NOOP("core", "its record of where its copies lie in time is not as "
                              "footage-agent writes it"),
    # a safe copy too deep for Windows in the app's own folder (hold_room.path_problem)
    QT_TRANSLATE_NOOP("core", "footage-agent's own folder {home} is too deep for Windows to hold "
                              "this request's safe copy"),
    QT_TRANSLATE_NOOP("core", "its longest copy's path would be {length} characters, and Windows "
                              "allows {limit} unless long paths are turned on. Ask whoever looks "
                              "after this computer to turn them on (as an administrator, 'Enable "
                              "Win32 long paths' in the Local Group Policy Editor, or "
                              "LongPathsEnabled set to 1 in the registry), then start the app "
                              "again"),
    QT_TRANSLATE_NOOP("core", "nothing was copied"),
    # another card in a recordings folder's reader slot (hold_room.disk_problem)
    QT_TRANSLATE_NOOP("core", "the recordings folder {path} now holds another disk than the one "
                              "its recordings were indexed from (another card or drive in the "
                              "same slot?), so nothing was copied: put its own card or drive "
                              "back, then hold it again"),
    # a recording swapped for a link since the scan (holds.py, agent/export/plan.py)
    QT_TRANSLATE_NOOP("core", "{path} is now a link to a file outside its recordings folder, "
                              "which is never read; scan the folder again"),
)
