"""Another recorder answering at a recorder's address: recorders hunt. Over plain http no
certificate tells one device from another, so when a router gave the recorder's address to the
owner's second recorder (the same make, the same password, as owners often set), the next
refresh mirrored the second recorder's recordings under the first one's camera names, and an
export sealed them as those cameras' footage. A recorder says its serial number with what it
is; one saying another than the recorder added said is now read nothing from and not asked
again until the owner adds it again (as a changed certificate), its rows kept as they were."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.index import remote_window
from agent.recorders.connect import RecorderAddress
from agent.recorders.model import RecorderError
from agent.errors import Refusal
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.gui_support import spanish  # noqa: F401
from tests.recorder_support import many_clips

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def zone(vendor: str) -> str | None:
    """As the owner gives it: Dahua's is needed (its own is an index no source maps)."""
    return "America/Los_Angeles" if vendor == "dahua" else None


def remote(agent) -> list:
    return sorted((r.path, r.start_us) for r in agent.recordings() if r.status == "remote")


@pytest.mark.parametrize("vendor", ("dahua", "hikvision", "reolink"))
def test_another_recorder_at_the_address_is_read_nothing_from(
        vendor, agent, recent_footage, tmp_path):
    source = sorted(next(recent_footage.glob("01*")).glob("*.mp4"))[0]
    other = many_clips(tmp_path / "other", source, 1, T0 + 3600 * 10**6, 3, 10)
    with Simulator(recent_footage, vendor, "admin", PASSWORD) as first:
        port = first.port
        agent.add_recorder(RecorderAddress(first.url, vendor, "admin", None,
                                           zone(vendor)), PASSWORD, name="nvr")
        before = remote(agent)
        assert len(before) == 4
    with Simulator(other, vendor, "admin", PASSWORD, port=port) as second:
        second.device.serial = "SIM0000000002"
        (report,) = agent.scan()
        (rec,) = agent.recorders()
        assert rec.state == "refused", (rec.state, report.problems)
        (problem,) = report.problems
        assert "says it is another device (serial number " in problem, problem
        assert "SIM0000000002) than the one added" in problem and "SIM0000000001)" in problem
        assert "add it again" in problem, problem
        assert remote(agent) == before   # nothing of the other recorder's mirrored
        # An export from one of its cameras asks the device nothing past what it is.
        with pytest.raises((Refusal, RecorderError)) as caught:
            remote_window.download(agent.store, "nvr/Driveway", T0, T0 + 5 * 10**6,
                                   tmp_path / "window", agent.recorder_connector())
        assert "SIM0000000002" in str(caught.value)
        assert not any(w in p for _m, p in second.device.log
                       for w in ("Search", "search", "mediaFileFind")), second.device.log
        # Replaced for good: added again, the new recorder is mirrored.
        agent.add_recorder(RecorderAddress(second.url, vendor, "admin", None,
                                           zone(vendor)), PASSWORD, name="nvr")
        assert agent.recorders()[0].state == "ok"
        assert sorted(r.start_us for r in agent.recordings()
                      if r.status == "remote" and r.camera == "nvr/Driveway") == [
            T0 + (3600 + 10 * n) * 10**6 for n in range(3)]


def test_the_refusal_reads_in_spanish(spanish):
    from agent.index.recorder_identity import ANOTHER_DEVICE
    from gui.views.core_words import in_owner_language

    said = in_owner_language("refused: " + ANOTHER_DEVICE.format(
        where="192.168.1.20:80", now="AB12", before="CD34"))
    assert said.startswith("rechazado: La grabadora en 192.168.1.20:80 dice ser otro "
                           "aparato (número de serie AB12)"), said


def test_a_serial_number_of_zeros_tells_nothing(agent, recent_footage):
    """Some firmware says a serial of zeros (Reolink's API guide's example), and an update may
    say the real one: not another device."""
    with Simulator(recent_footage, "reolink", "admin", PASSWORD) as sim:
        sim.device.serial = "00000000000000"
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", None, None), PASSWORD,
                           name="nvr")
        sim.device.serial = "9527000ABCDEF"   # after a firmware update
        (report,) = agent.scan()
        assert agent.recorders()[0].state == "ok" and not report.problems
        assert len(remote(agent)) == 4
