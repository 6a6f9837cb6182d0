"""Holds hunt: a camera renamed ('porch' to 'front'), then its card read at another drive
letter: the app refuses the new letter as that folder's recordings, saying to remove the
folder and add this one with its camera's name (moved_folder.py), which the owner did. Removing
the folder dropped its camera's former names, so 'porch', the name the request, its approval and
its safe copy's record call the camera by, meant nothing any more: once the window's
recordings were gone from the card, the cut found no recording of 'front' and never looked at
the safe copy, which held them. The folder's cameras' former names are kept when it is removed,
and given back to the camera of the folder added under its name."""
from __future__ import annotations

import os

from agent.requests import holds
from agent.requests.held_window import held_coverage, usable_hold
from agent.timebase import US
from demo.samples import make_recordings
from tests.test_held_clock_change import T, _cut
from tests.test_growing_source import _stamps


def test_a_safe_copy_of_a_camera_renamed_before_its_folder_was_added_again_is_cut(agent,
                                                                                  tmp_path):
    folder = tmp_path / "D" / "porch"
    make_recordings(folder, "blue-iris", "porch", T, 3, 4.0, fps=10, gop_s=1.0)
    agent.add_source(folder, camera="porch", tz="UTC")
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T - 6 * 3600 * US, T + 6 * 3600 * US,
                    ("porch",), "r1")
    agent.rename_camera("porch", "front")
    moved = tmp_path / "E" / "porch"   # the card, at another drive letter
    moved.parent.mkdir()
    os.rename(folder, moved)
    agent.remove_source(folder)
    agent.add_source(moved, camera="front", tz="UTC")
    agent.scan()
    assert agent.store.names.current("porch") == "front"
    (camera,) = agent.store.names.listing()
    assert (camera.name, camera.former_names) == ("front", ("porch",))
    for p in sorted(moved.iterdir())[:2]:   # the window's, gone from the card since
        p.unlink()
    agent.scan()
    shown = held_coverage(agent.store, usable_hold(agent.home, "r1"), "front", T, T + 12 * US)
    assert shown is not None and shown.held
    clip, _extra, record = _cut(agent, "front", T + 2 * US, T + 6 * US, tmp_path / "out")
    assert "hold" in record, "cut from the recordings: the copies were not read"
    stamps = _stamps(clip)
    assert stamps[0] >= T + 2 * US and stamps[-1] < T + 6 * US, stamps


def test_a_former_name_another_camera_took_meanwhile_stays_that_cameras(agent, tmp_path):
    """Two cameras are never merged: a removed folder's camera's former name that another
    camera was given since is not given back."""
    first, other = tmp_path / "D" / "porch", tmp_path / "yard"
    make_recordings(first, "blue-iris", "porch", T, 1, 4.0, fps=10, gop_s=1.0)
    make_recordings(other, "blue-iris", "yard", T, 1, 4.0, fps=10, gop_s=1.0)
    agent.add_source(first, camera="porch", tz="UTC")
    agent.rename_camera("porch", "front")
    agent.remove_source(first)
    agent.add_source(other, camera="porch", tz="UTC")   # the name, free again, taken
    agent.add_source(first, camera="front", tz="UTC")
    assert agent.store.names.current("porch") == "porch"
    assert {c.name: c.former_names for c in agent.store.names.listing()} == {
        "porch": (), "front": ()}
