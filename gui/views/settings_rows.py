"""Settings' two tables, a row each, as the owner reads them: the cameras (name, where its
recordings are, channels, former names) and the recordings folders and recorders (folder,
camera, zone, layout or recorder, clock); and Set up's list of recordings folders. A folder's
path is laid out left to right whatever its folders' names (gui.views.shown.shown_path), and
the names a camera had before are listed each isolated: two Hebrew former names joined bare by
", " made one right-to-left run, listed in the reverse of their order; a folder
"C:\\Users\\אבי\\סרטונים" read backwards."""
from __future__ import annotations

from typing import Callable

from gui.views import display
from gui.views.layout_names import layout_name
from gui.views.shown import Shown, shown, shown_names, shown_path


def camera_rows(cameras) -> list[tuple[str, ...]]:
    """agent.camera_list's cameras as the cameras table lists them."""
    return [(c.name, shown_path(c.source_root), ", ".join(ch for ch in c.channels if ch),
             shown_names(list(c.former_names))) for c in cameras]


def source_rows(sources, recorders: dict[int, str],
                was_reset: Callable[[float], bool]) -> list[tuple[str, ...]]:
    """The recordings folders and recorders as their table lists them: `recorders` says what
    each recorder is (recorder_facts.recorder_states), `was_reset` whether a recorder's clock
    offset is one read while its clock was reset."""
    return [(shown_path(s.root), s.camera, s.tz, recorders.get(s.id, layout_name(s.layout)),
             display.offset_words(s.clock_offset_s,
                                  s.id in recorders and was_reset(s.clock_offset_s)))
            for s in sources]


def folder_choice(source) -> Shown:
    """A recordings folder as Set up's camera clock step offers it: "<camera>  (<folder>)",
    the camera's name isolated and the folder read left to right (a folder in two Hebrew
    folders was listed backwards)."""
    return shown("{camera}  ({root})", camera=source.camera, root=shown_path(source.root))
