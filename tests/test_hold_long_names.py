"""A recording whose name is longer than a safe name keeps (64 characters: a camera named at
length by its owner, a NAS copy's or an exporter's long names) is copied into a safe copy under
a name that still ends in its extension. Real footage, index and hold."""
from __future__ import annotations

import json

from agent.requests import holds
from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import t

T = t("2026-11-20T22:00:00Z")


def test_a_long_recording_name_keeps_its_extension_in_the_safe_copy(agent, tmp_path):
    """Seen: two recordings named 'Backyard_PTZ_camera_over_the_garage_door_facing_the_alley
    _and_the_bins.20261120_2200NN.mp4' held as 'porch/Backyard_PTZ_..._alley_and_th' and
    '..._and_th-2': no extension (Windows opens no player for them from the safe copy's
    folder, and a package cut from them names them so in its sources)."""
    long_camera = "Backyard_PTZ_camera_over_the_garage_door_facing_the_alley_and_the_bins"
    folder = tmp_path / "porch"
    made = make_recordings(folder, "blue-iris", long_camera, T, 2, 3.0, fps=10)
    agent.scan([str(folder)], tz="UTC")
    hold = holds.make_hold(agent.home, agent.store, "r1", T, T + 6 * US, ("porch",), "r1")
    names = sorted(f.name for f in hold.files)
    assert len(names) == 2 and all(n.endswith(".mp4") for n in names), names
    assert all(len(n.split("/")[-1]) <= 64 for n in names), names
    assert len(set(n.lower() for n in names)) == 2
    for n in names:   # each copy is there under that name, as the manifest says
        assert (hold.path / n).is_file()
    doc = json.loads((hold.path / holds.RECORD).read_text())
    assert sorted(doc["placed"]["porch"]["originals"].values()) == sorted(p.name for p in made)
