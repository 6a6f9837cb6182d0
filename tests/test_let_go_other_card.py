"""Holds hunt: a removed recordings folder's camera names, kept for its card's return
(let_go_names), were taken by the next card put at the same mount point. Card A at `card`,
named by default 'card', held under that name for a request, then renamed 'porch'; its folder
removed (the card out). Another camera's card B put at the same path and added as the app adds
a folder (its default name, 'card'): 'card', the name the request and the safe copy call camera
A by, became B's camera, so the copy of A's recordings was B's (names.current('card') was B's),
and A, back at another drive letter, could not have it again ('card-2'). The two cards were
told apart by nothing: the system names each (a volume serial, a file system's UUID), and
that name is kept with the removed folder's. A default name is never one kept for another
disk's folder (B is 'card-2'); a folder on the kept disk is the removed camera coming back,
its name and former names given back (A is 'porch' again, 'card' meaning it).

The disks' names are stood in for (no block device can be made here); folders, footage,
index and safe copy are real."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.index import disk_identity, other_disk
from agent.requests import holds
from agent.requests.held_window import held_coverage, usable_hold
from agent.timebase import US
from demo.samples import make_recordings
from tests.test_held_clock_change import T

CARD_A, CARD_B = "uuid:AAAA-1111", "uuid:BBBB-2222"


@pytest.fixture
def slot(monkeypatch):
    """The disk each folder is on, as the system would name it: set by the test."""
    disks: dict[str, str] = {}

    def named(folder: str) -> str | None:
        return next((d for f, d in disks.items() if Path(folder) == Path(f)), None)

    monkeypatch.setattr(disk_identity, "volume_identity", named)
    monkeypatch.setattr(other_disk, "volume_identity", named)
    return disks


def _camera(agent, root: Path):
    return next(c for c in agent.store.names.listing() if c.source_root == str(root))


def test_a_card_put_where_a_removed_one_was_does_not_take_its_names(agent, tmp_path, slot):
    card = tmp_path / "media" / "card"
    make_recordings(card, "blue-iris", "card", T, 3, 4.0, fps=10, gop_s=1.0)
    slot[str(card)] = CARD_A
    agent.add_source(card, tz="UTC")
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T - 6 * 3600 * US, T + 6 * 3600 * US,
                    ("card",), "r1")
    agent.rename_camera("card", "porch")
    agent.remove_source(card)
    own = card.rename(tmp_path / "card-A")   # card A out of the slot
    make_recordings(card, "blue-iris", "card", T, 3, 4.0, fps=10, gop_s=2.0)
    slot[str(card)] = CARD_B                 # another camera's card in it
    agent.add_source(card, tz="UTC")
    agent.scan()
    assert _camera(agent, card).name == "card-2"
    assert agent.store.names.current("card") is None   # kept for card A
    # card A back, at another drive letter: recognised by its disk, its names given back
    moved = tmp_path / "E" / "card"
    moved.parent.mkdir()
    own.rename(moved)
    slot[str(moved)] = CARD_A
    agent.add_source(moved, tz="UTC")
    camera = _camera(agent, moved)
    assert (camera.name, camera.former_names) == ("porch", ("card",))
    assert agent.store.names.current("card") == "porch"
    agent.scan()
    for p in sorted(moved.iterdir())[:2]:   # the window's, gone from the card since
        p.unlink()
    agent.scan()
    shown = held_coverage(agent.store, usable_hold(agent.home, "r1"), "porch", T, T + 8 * US)
    assert shown is not None and shown.held


def test_the_same_card_put_back_where_it_was_is_its_camera_again(agent, tmp_path, slot):
    """Its folder removed and added again as it was, by default: named as it was then."""
    card = tmp_path / "media" / "card"
    make_recordings(card, "blue-iris", "card", T, 1, 4.0, fps=10, gop_s=1.0)
    slot[str(card)] = CARD_A
    agent.add_source(card, tz="UTC")
    agent.scan()
    agent.rename_camera("card", "porch")
    agent.remove_source(card)
    agent.add_source(card, tz="UTC")
    camera = _camera(agent, card)
    assert (camera.name, camera.former_names) == ("porch", ("card",))


def test_another_folder_of_the_same_disk_is_not_the_removed_camera(agent, tmp_path, slot):
    """A PC's drive holds many cameras' folders under one disk name: one added after another
    was removed is its own camera, not the removed one back."""
    porch, yard = tmp_path / "D" / "porch", tmp_path / "D" / "yard"
    for folder in (porch, yard):
        make_recordings(folder, "blue-iris", folder.name, T, 1, 4.0, fps=10, gop_s=1.0)
        slot[str(folder)] = CARD_A
    agent.add_source(porch, tz="UTC")
    agent.scan()
    agent.remove_source(porch)
    agent.add_source(yard, tz="UTC")
    assert _camera(agent, yard).name == "yard"
    assert agent.look_at_folder(porch).offered == "porch"


def test_where_no_disk_is_named_a_default_name_is_as_before(agent, tmp_path):
    """A disk the system names none for (a network share, macOS): nothing tells the cards
    apart, so a folder's default name is given as before."""
    card = tmp_path / "media" / "card"
    make_recordings(card, "blue-iris", "card", T, 1, 4.0, fps=10, gop_s=1.0)
    agent.add_source(card, tz="UTC")
    agent.scan()
    agent.remove_source(card)
    agent.add_source(card, tz="UTC")
    assert _camera(agent, card).name == "card"


def test_the_app_offers_the_name_the_disk_tells(qtbot, tmp_path, slot):
    """The app fills the camera name box itself, and what it offers is added as the owner's
    name: it offers card B 'card-2', and card A, back, its own name 'porch'."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt

    from agent.service import Agent
    from tests.gui_support import open_window, settle

    card, home = tmp_path / "media" / "card", tmp_path / "home"
    make_recordings(card, "blue-iris", "card", T, 1, 4.0, fps=10, gop_s=1.0)
    slot[str(card)] = CARD_A
    agent = Agent(home)
    agent.add_source(card, tz="UTC")
    agent.scan()
    agent.rename_camera("card", "porch")
    agent.remove_source(card)
    agent.close()
    own = card.rename(tmp_path / "card-A")
    make_recordings(card, "blue-iris", "card", T, 1, 4.0, fps=10, gop_s=2.0)
    slot[str(card)] = CARD_B
    win, agent = open_window(qtbot, home)
    try:
        step = win.first_run.folder
        for path, offered in ((card, "card-2"), (own, "porch")):
            slot[str(own)] = CARD_A
            step.path.clear()
            qtbot.keyClicks(step.path, str(path))
            qtbot.mouseClick(step.look_button, Qt.LeftButton)
            settle(qtbot, win)
            assert step.camera.text() == offered
    finally:
        win.shutdown()
        agent.close()
