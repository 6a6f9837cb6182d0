"""A recorder's names for itself and its channels are the device's, not the owner's, and may be
longer than a camera name may be (120 characters). A device named past that could not be
added without `--name` ("a camera name is at most 120 characters", though the owner typed
none; the app's step filled its name box with it, refused once Add was pressed); a channel's
name of 121 characters lost all its words for its number ("nvr/1"); and one of 120 under the
recorder's name made a camera name of up to 241 characters, which no command took back
(`cameras rename OTHER NAME`: "a camera name is at most 120 characters"). Real simulator over
HTTPS, real footage, the real index."""
from __future__ import annotations

import shutil

import pytest

from agent.index.camera_names import MAX_NAME, camera_name, check_name
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, agent, recent_footage
from tests.recorder_support import VENDORS
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]

DEVICE = "Garage NVR " * 12   # 132 characters
GATE = ("Front gate camera by the big oak tree at the end of the long gravel driveway facing "
        "the street and the neighbours houses")   # 119
GATE_TOO = GATE + " (2)"    # 123: past what a camera name holds


@pytest.fixture
def long_names(recent_footage, tmp_path):
    """The recent footage, its two channels named GATE and GATE_TOO."""
    folder = tmp_path / "nvr"
    shutil.copytree(recent_footage / "01 Driveway", folder / f"01 {GATE}")
    shutil.copytree(recent_footage / "02 Porch", folder / f"02 {GATE_TOO}")
    return folder


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_recorders_long_names_give_cameras_names_a_camera_may_have(vendor, agent, long_names):
    with Simulator(long_names, vendor, "admin", PASSWORD, tls=True) as sim:
        sim.device.name = DEVICE
        added = agent.add_recorder(address(sim, agent, vendor), PASSWORD)
    assert added.report.seen == 4, added.report.problems
    gate, gate_too = added.cameras
    assert added.source.camera == DEVICE[:MAX_NAME].rstrip()
    for name in added.cameras:
        assert check_name(name) == name and len(name) <= MAX_NAME
    # Each keeps its channel's words (cut at the end), after the recorder's (cut to fit).
    # The channel's words first; the recorder's keep a quarter.
    assert gate == DEVICE[:MAX_NAME // 4].rstrip() + "/" + GATE[:MAX_NAME - 1 - MAX_NAME // 4]
    # Cut alike, the second is numbered, still within the length.
    assert gate_too == gate[:MAX_NAME - 2] + "-2"
    assert len(agent.recordings(gate)) == 3
    # A name the index gave can be given back by the owner.
    agent.rename_camera(gate, "Gate")
    agent.rename_camera("Gate", gate)
    assert len(agent.recordings(gate)) == 3


def test_a_composed_or_numbered_name_stays_within_a_camera_names_length():
    folder = "f" * MAX_NAME
    assert camera_name(folder, "ch1", True) == "f" * (MAX_NAME - 4) + "/ch1"
    assert camera_name("nvr", "c" * 200, True) == "nvr/" + "c" * (MAX_NAME - 4)
    assert camera_name(folder, "c" * 200, True) == "f" * 30 + "/" + "c" * (MAX_NAME - 31)
    assert camera_name("nvr", "Porch", True) == "nvr/Porch"   # short names as before
    from agent.index.camera_names import numbered_name
    assert numbered_name("x" * MAX_NAME, 2) == "x" * (MAX_NAME - 2) + "-2"
    assert numbered_name("porch", 3) == "porch-3"
