"""The core's words for an app's own folder (its home) it refuses to use as the app starts
(agent/config.py ensure_home, agent/permissions.py unprotected_drive_words, an empty --home:
agent/commands/folders.py), word for word as
it writes them: the app says them in a box before any window (gui/shell/app.py
tell_cannot_start). Qt-free data listed among core_templates' TEMPLATES, marked for Qt's
translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # the head; what follows is why (the drive below, or the OS's words: os_words)
    QT_TRANSLATE_NOOP("core", "cannot use {home} as the agent's home folder"),
    QT_TRANSLATE_NOOP("core", "it is on a drive formatted {kind} (a USB stick or SD card), which "
                              "keeps no permissions: the home holds your owner key, the "
                              "agencies' sign-in tokens and your decisions on police requests, "
                              "and there every account on this computer, and anyone the drive "
                              "is handed to, could read them. Nothing was written to it. Use a "
                              "folder on this computer's own disk (leave out --home and "
                              "FOOTAGE_AGENT_HOME for the usual one), or a drive formatted "
                              "NTFS"),
    # a home (or an export's folder) on a drive not plugged in, its mount point empty
    # (agent/export/destination.py where_it_cannot_be); the home named by its option first
    # an empty --home, or a blank FOOTAGE_AGENT_HOME (agent/commands/folders.py check_new_home)
    QT_TRANSLATE_NOOP("core", "--home is empty: give the folder footage-agent keeps its files "
                              "in, or leave --home out to use FOOTAGE_AGENT_HOME or the usual "
                              "folder"),
    QT_TRANSLATE_NOOP("core", "FOOTAGE_AGENT_HOME is blank: set it to the folder footage-agent "
                              "keeps its files in, or unset it to use the usual folder"),
    QT_TRANSLATE_NOOP("core", "{path}: no drive is mounted there (it is under {root}, where "
                              "drives are mounted, but on this PC's own disk); connect the "
                              "drive, wait until it shows, then try again"),
)
