"""What Settings says of the app's own folder (agent/home_space.py): where it is, what it
takes and what it holds, in two sentences. Its strings keep the SettingsPage context, so the
catalogue is unchanged. The folder's path is laid out left to right whatever its folders'
names (gui.views.shown.shown_path): bare, a home "D:\\גיבוי" drew "(12 GB free on its disk)"
inside the Hebrew name's run, the bracket and the number on the wrong sides."""
from __future__ import annotations

from gui.views import display
from gui.views.core_words import owner_words
from gui.views.shown import Shown, shown, shown_lines, shown_path
from gui.views.words import translate


def space_text(space) -> Shown:
    """The app's folder, its size and free room, then what takes that room."""
    rest = space.caches.size + space.records.size + space.undelivered.size
    first = [shown(translate("SettingsPage", "This app's folder takes {total}: {home}"),
                   total=display.size(space.total), home=shown_path(space.home))]
    if space.free is not None:
        first.append(shown(translate("SettingsPage", "({free} free on its disk)"),
                           free=display.size(space.free)))
    if space.unsorted is not None:   # the inbox cannot be read (its disk full, say)
        second = shown(translate(
            "SettingsPage", "Packages: {packages}. Safe copies of recordings: {holds}. The "
                            "index, logs and caches: {rest}. Which packages were delivered "
                            "cannot be told now: {reason}"),
            packages=display.size(space.undelivered.size),
            holds=display.size(space.holds.size),
            rest=display.size(space.caches.size + space.records.size),
            reason=owner_words(space.unsorted))
    else:
        second = shown(translate(
            "SettingsPage", "Delivered packages, kept as your copy of what the agency "
                            "received: {delivered}. Safe copies of recordings: {holds}. "
                            "Packages not yet delivered, the index, logs and caches: "
                            "{rest}."),
            delivered=display.size(space.delivered.size),
            holds=display.size(space.holds.size), rest=display.size(rest))
    return shown_lines([shown_lines(first, " "), second])
