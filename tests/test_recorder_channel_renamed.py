"""A channel renamed on the recorder: recorders hunt. The camera named after it keeps its name
(requests and registrations use it), and nothing told the owner, so a camera plugged into
that channel in another's place (the NVR's channel renamed to say so) had its recordings
listed, and exported, under the old camera's name with no word. The refresh now says it after
the recorder's state, every refresh, until the owner renames the camera here (or the recorder
names the channel as before)."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.recorder_sources_support import PASSWORD, agent, recent_footage  # noqa: E402
from tests.test_recorder_faults import address  # noqa: E402

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]
SAID = ("The recorder now calls the channel of nvr/Driveway «Garage», not «Driveway» as when "
        "that camera was named here, and its recordings are still listed under that name.")


def state(agent) -> str:
    (rec,) = agent.recorders()
    return agent.recorder_state_words(rec)


@pytest.mark.parametrize("vendor", ("dahua", "hikvision", "reolink"))
def test_a_channel_renamed_on_the_recorder_is_said_until_its_camera_is_renamed_here(
        vendor, agent, recent_footage):
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, vendor), PASSWORD, name="nvr")
        (report,) = agent.scan()
        assert not report.notes and "Garage" not in state(agent)
        sim.device.catalogue.channels[1] = "Garage"
        for _ in range(2):
            (report,) = agent.scan()
            (note,) = report.notes
            assert note.startswith(SAID), note
            assert "cameras rename" in note and state(agent).endswith(f"; {note}")
        agent.rename_camera("nvr/Driveway", "nvr/Garage")
        (report,) = agent.scan()
    assert not report.notes and "Garage»" not in state(agent), state(agent)
    assert "nvr/Garage" in {r.camera for r in agent.recordings()}


def test_the_note_reads_in_spanish_with_the_apps_own_way(spanish, agent, recent_footage):
    from gui.views.recorder_facts import recorder_states

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        sim.device.catalogue.channels[1] = "Garage"
        agent.scan()
        (line,) = recorder_states(agent).values()
    assert "La grabadora llama ahora al canal de «nvr/Driveway» «Garage»" in line, line
    assert "pulse Cambiar el nombre de la cámara" in line and "footage-agent" not in line, line
