"""Holds of a recorder's camera (the simulator over HTTPS). One whose clock was put right
inside the request's window: the recordings before the change were timed by the clock it had
then, those after by the clock put right. A hold asks for each by its own clock, keeps every
one, and records the offset each was placed by, so a later cut from it places every one where
it was recorded. And a window the disk has no room for is not downloaded."""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.export.evidence import export_evidence
from agent.requests import holds
from agent.requests.hold_room import SPARE_BYTES
from agent.requests.held_window import cut_window, usable_hold
from agent.timebase import US
from agent.views import RecorderAddress
from nvrsim.server import Simulator
from tests.recorder_sources_support import (HOURS_OFF, PASSWORD, T0, agent,
                                            recent_footage)
from tests.recorder_support import stamps
from tests.gui_support import spanish  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("cheap_scrypt")
__all__ = ["agent", "recent_footage"]

CAMERA = "nvr/Driveway"
WINDOW = (T0 + 5 * US, T0 + 25 * US)   # the clock was put right at T0 + 20 s


@pytest.mark.parametrize("vendor,quirks", [("reolink", ("reolink-native-names",)),
                                           ("hikvision", ()), ("dahua", ())])
def test_a_hold_across_the_recorders_clock_correction_keeps_and_places_every_recording(
        vendor, quirks, agent, recent_footage, tmp_path):
    """Holds hunt: the hold refused the whole window ("the recorder's clock was put right in
    the middle of this stretch") and kept nothing, though the request's footage was what the
    recorder would write over; its record held one clock offset per camera."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF, quirks=quirks) as sim:
        sim.device.recorded_before = T0 + 20 * US   # recorded after it was added
        agent.add_recorder(RecorderAddress(sim.url, vendor, "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        # Put right as the third recording began: the second ended by the new clock, so it
        # is fetched whole (test_recorder_clock_set), the third placed by the new clock.
        sim.device.put_right(T0 + 20 * US, 0.0)
        answer_late_once(sim.device)   # as the new clock is read
        agent.scan()
        made = holds.make_hold(agent.home, agent.store, "r1", *WINDOW, (CAMERA,), "r1",
                               connect=agent.recorder_connector())
        record = json.loads((made.path / holds.RECORD).read_text())
        shifts = {r["clock_shift_us"] for r in record["placed"][CAMERA]["recordings"]}
        assert shifts == {HOURS_OFF * US, 0}, record["placed"][CAMERA]
        offsets = {d["applied_offset_s"] for d in record["recorders"][CAMERA]["downloads"]}
        assert offsets == {HOURS_OFF, 0}
        from agent.requests.hold_top_up import missing_rows
        agent.scan()   # mirrored again: every recording of the window is the one held
        assert missing_rows(agent.store, made, *WINDOW, (CAMERA,)) == []
        sim.device.catalogue.clips.clear()   # the recorder wrote over all of it
        agent.scan()
    with cut_window(agent.home, agent.store, CAMERA, *WINDOW, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), CAMERA, *WINDOW, tmp_path / "out",
                               provenance_extra=extra)
    times = stamps(Path(done.clip))
    # Every frame where it was recorded, from both sides of the change: none 3 hours off (a
    # copy starts at a keyframe, 2 s apart).
    assert WINDOW[0] <= min(times) <= WINDOW[0] + 2 * US and WINDOW[1] - US < max(times) < WINDOW[1]
    assert any(T0 + 19 * US < s < T0 + 21 * US for s in times)
    prov = json.loads((done.package.path / "data" / "provenance.json").read_text())
    assert prov["clock"]["clock_offset_s"] == [0, HOURS_OFF]
    assert prov["hold"]["recorder"]["downloads"][0]["applied_offset_s"] == HOURS_OFF


def answer_late_once(device, seconds: float = 2.2) -> None:
    """The device's next answer with its clock leaves `seconds` after it read it, as a loaded
    machine once scheduled it (CI, two workers): the agent takes the midpoint of its round
    trip for the moment the device read its clock, so by its own clock running on it would
    read this one more than a second slow (-1 s where it is 0) and place every recording by
    that. The agent fixture stands both clocks still (stand_clocks_still): read exactly."""
    read = device.now_s

    def now_s() -> float:
        device.now_s = read   # once
        at = read()
        time.sleep(seconds)
        return at
    device.now_s = now_s


def test_a_hold_record_from_before_offsets_were_kept_per_recording_reads_as_before(
        agent, recent_footage):
    """A hold.json written before each recording kept its offset still places its copies, by
    the camera's one offset."""
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint),
                           PASSWORD, name="nvr")
        made = holds.make_hold(agent.home, agent.store, "r1", T0 + 2 * US, T0 + 8 * US,
                               (CAMERA,), "r1", connect=agent.recorder_connector())
    path = made.path / holds.RECORD
    record = json.loads(path.read_text())
    for row in record["placed"][CAMERA]["recordings"]:
        del row["clock_shift_us"]
    path.write_text(json.dumps(record))
    (held,) = holds.read_hold(agent.home, "r1").placement.cameras
    assert held.clock_offset_s == HOURS_OFF
    assert [(r.start_us, r.clock_shift_us) for r in held.recordings] == [(T0 + 2 * US, None)]


def test_a_recorders_window_the_disk_has_no_room_for_is_not_downloaded(agent, recent_footage,
                                                                       monkeypatch):
    """Holds hunt: a hold weighed only the recordings on disk against the room left ('a
    recorder's footage is known only as it arrives'), so a recorder camera's window (up to
    seven days of it) was downloaded until the disk was full, the log, index and inbox failing
    with it. The recorder lists each recording's size: the window's share of them is weighed
    first, and nothing is downloaded when it would not fit."""
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        rows = [r for r in agent.recordings() if r.camera == CAMERA]
        assert rows and all(r.size > 0 for r in rows)   # as the recorder listed them
        real = holds.shutil.disk_usage
        monkeypatch.setattr(holds.shutil, "disk_usage",   # room for the spare alone
                            lambda path: real(path)._replace(free=SPARE_BYTES + 1))
        served = len(sim.device.served)
        with pytest.raises(holds.HoldError) as refused:
            holds.make_hold(agent.home, agent.store, "r1", T0, T0 + 30 * US, (CAMERA,), "r1",
                            connect=agent.recorder_connector())
        assert len(sim.device.served) == served   # nothing downloaded
        said = str(refused.value)
        assert "nothing was copied" in said and "Free some space there" in said, said
        monkeypatch.setattr(holds.shutil, "disk_usage", real)
        assert holds.make_hold(agent.home, agent.store, "r1", T0, T0 + 30 * US, (CAMERA,),
                               "r1", connect=agent.recorder_connector()).files


def test_a_recorders_recording_listed_after_its_hold_is_downloaded_into_it_when_held_again(
        agent, recent_footage, tmp_path):
    """Seen: a recorder's camera held while the window's last recording was still being
    recorded (the device listed the first two): once the recorder listed it, holding the
    request again said the safe copy held every recording of the window, `inbox show` counted
    none missing, and once the recorder's ring wrote over them the clip ended at the copy's
    end, 5 s of the approved window it had recorded never held. The addition is downloaded
    as the first window was, its download recorded with its own clock and queries."""
    from agent.requests.hold_top_up import hold_window, missing_rows
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        sim.device.recorded_before = T0 + 20 * US   # the third recording: not listed yet
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        agent.scan()
        connect = agent.recorder_connector()
        first = hold_window(agent.home, agent.store, "r1", *WINDOW, (CAMERA,), "r1",
                            connect=connect)
        sim.device.recorded_before = None   # recorded and listed now
        agent.scan()
        assert len(missing_rows(agent.store, first, *WINDOW, (CAMERA,))) == 1
        again = hold_window(agent.home, agent.store, "r1", *WINDOW, (CAMERA,), "r1",
                            connect=connect)
        assert again.added, "nothing added"
        assert missing_rows(agent.store, again, *WINDOW, (CAMERA,)) == []
        kept = {f.name: f.sha256 for f in first.files}
        assert {f.name: f.sha256 for f in again.files if f.name in kept} == kept
        record = json.loads((again.path / holds.RECORD).read_text())
        (addition,) = record["added"]
        assert addition["recorders"][CAMERA]["downloads"], addition
        sim.device.catalogue.clips.clear()   # the recorder wrote over all of it
        agent.scan()
    with cut_window(agent.home, agent.store, CAMERA, *WINDOW, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), CAMERA, *WINDOW, tmp_path / "out",
                               provenance_extra=extra)
    times = stamps(Path(done.clip))
    assert max(times) > T0 + 24 * US and min(times) <= WINDOW[0] + 2 * US, times
    prov = json.loads((done.package.path / "data" / "provenance.json").read_text())
    (said,) = prov["hold"]["added"]
    assert said["recorder"]["downloads"] and said["files"], said
    from frp.verify import verify_package
    checked = verify_package(done.package.path)
    assert checked.ok, checked
    downloads = {d["file"] for d in prov["hold"]["recorder"]["downloads"]} | {
        d["file"] for d in said["recorder"]["downloads"]}
    # every source the clip reads is one of the two downloads the hold recorded
    assert {Path(s["path"]).name for s in prov["sources"]} <= downloads
    assert {Path(f).name for f in said["files"]} <= {
        d["file"] for d in said["recorder"]["downloads"]}


def test_a_recorder_not_reached_when_held_again_leaves_the_safe_copy_as_it_was(
        agent, recent_footage, spanish):  # noqa: F811
    """Holding again once the recorder listed more, with the recorder gone from the network:
    nothing is added, the copy is as it was, and the app says so in the owner's language."""
    from agent.requests.hold_top_up import hold_window
    from gui.views.core_words import in_owner_language
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True,
                   clock_offset_s=HOURS_OFF) as sim:
        sim.device.recorded_before = T0 + 20 * US
        agent.add_recorder(RecorderAddress(sim.url, "reolink", "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        agent.scan()
        connect = agent.recorder_connector()
        first = hold_window(agent.home, agent.store, "r1", *WINDOW, (CAMERA,), "r1",
                            connect=connect)
        sim.device.recorded_before = None
        agent.scan()
    record = (first.path / holds.RECORD).read_bytes()
    with pytest.raises(holds.HoldError) as got:   # the simulator is stopped: unreachable
        hold_window(agent.home, agent.store, "r1", *WINDOW, (CAMERA,), "r1", connect=connect)
    message = str(got.value)
    assert message.startswith("the recorder's footage could not be added to the safe copy, "
                              "which holds what it held before: "), message
    assert (first.path / holds.RECORD).read_bytes() == record
    assert sorted(p.name for p in first.path.parent.iterdir()) == ["r1"]
    said = in_owner_language(message)
    assert said.startswith("las grabaciones de la grabadora no se pudieron añadir a la copia "
                           "a salvo"), said
