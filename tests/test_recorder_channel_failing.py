"""A recorder answering for some of its cameras and refusing one camera's search (its camera
gone from the device, a disk it cannot read). Before, that one refusal failed the whole
refresh: the cameras after it were not asked, the recorder was said to be not answering, and
every camera's rows were marked out of date. Now the others are refreshed as usual, the
failing camera's rows are kept and marked, and the owner is told which camera and what to do
(`scan`'s problems, `sources list` and Settings after the recorder's state)."""
from __future__ import annotations

import pytest

from agent.index import unrefreshed
from agent.service import Agent
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, agent, recent_footage
from tests.test_recorder_faults import address

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def rows_of(agent: Agent, camera: str) -> list:
    return [r for r in agent.recordings() if r.status == "remote" and r.camera == camera]


# Dahua is not here: its `findFile` answering Error is how some firmware says nothing was
# recorded then, so a refused search is read as that (docs/recorders.md).
@pytest.mark.parametrize("vendor", ("reolink", "hikvision"))
def test_one_camera_whose_search_fails_leaves_the_others_refreshed_and_is_said(
        vendor, agent, recent_footage):
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, vendor), PASSWORD, name="nvr")
        driveway, porch = rows_of(agent, "nvr/Driveway"), rows_of(agent, "nvr/Porch")
        assert len(driveway) == 3 and len(porch) == 1
        sim.device.refused_search.add(1)   # the first camera's, asked before the other's
        (report,) = agent.scan()
    (rec,) = agent.recorders()
    assert rec.state == "ok" and rec.failures == 0, rec.problem
    (problem,) = report.problems
    assert problem.startswith("nvr/Driveway was not refreshed: The recorder at "), problem
    assert problem.endswith(unrefreshed.CHANNEL_FAILED.split("{reason}")[1]), problem
    assert agent.recorder_state_words(rec).endswith("; " + problem)
    # Porch, after it, was asked and is current; Driveway's rows are kept, marked.
    assert [r.reason for r in rows_of(agent, "nvr/Porch")] == [None]
    kept = rows_of(agent, "nvr/Driveway")
    assert [r.path for r in kept] == [r.path for r in driveway]
    assert all("could not be asked since" in r.reason for r in kept), kept[0].reason
    # Opened again (the app's next start), the note stays: the recorder is `ok`, but this
    # camera's rows are still not current (schema._drop_outdated_notes).
    agent.close()
    again = Agent(agent.home)
    try:
        assert [r.reason for r in rows_of(again, "nvr/Driveway")] == [r.reason for r in kept]
    finally:
        again.close()


@pytest.mark.parametrize("vendor", ("reolink", "hikvision"))
def test_a_recorder_refusing_every_cameras_search_is_offline(vendor, agent, recent_footage):
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, vendor), PASSWORD, name="nvr")
        sim.device.refused_search.update({1, 2})
        (report,) = agent.scan()
        (rec,) = agent.recorders()
        assert rec.state == "offline" and rec.failures == 1
        assert "was not refreshed" not in report.problems[0]
        assert all("could not be asked since" in r.reason
                   for r in agent.recordings() if r.status == "remote")
        # Answering again, it is current again, each camera.
        sim.device.refused_search.clear()
        (report,) = agent.scan()
    (rec,) = agent.recorders()
    assert rec.state == "ok" and rec.problem is None and not report.problems
    assert all(r.reason is None for r in agent.recordings() if r.status == "remote")


# Not Dahua: its ChannelTitle names every channel the NVR has, a camera on it or not.
@pytest.mark.parametrize("vendor", ("reolink", "hikvision"))
def test_a_camera_the_recorder_no_longer_lists_keeps_its_rows_marked_and_is_said(
        vendor, agent, recent_footage):
    """Recorders hunt: a camera removed from the recorder (its channel no longer listed) kept
    its rows, never asked again, and the next refresh that went well took every mark away:
    they looked current for ever, and nothing said the camera was gone."""
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, vendor), PASSWORD, name="nvr")
        driveway = rows_of(agent, "nvr/Driveway")
        del sim.device.catalogue.channels[1]   # Driveway's channel, no longer listed
        (report,) = agent.scan()
        (rec,) = agent.recorders()
        said = unrefreshed.CHANNEL_GONE.format(camera="nvr/Driveway")
        assert rec.state == "ok" and report.problems == (said,)
        assert agent.recorder_state_words(rec).endswith("; " + said)
        assert [r.reason for r in rows_of(agent, "nvr/Porch")] == [None]
        kept = rows_of(agent, "nvr/Driveway")
        assert [r.path for r in kept] == [r.path for r in driveway]
        assert all(r.reason.endswith(unrefreshed.NOT_LISTED) for r in kept), kept[0].reason
        # Listed again (the camera back on the recorder), it is refreshed and current.
        sim.device.catalogue.channels[1] = "Driveway"
        (report,) = agent.scan()
    assert not report.problems and agent.recorders()[0].problem is None
    assert all(r.reason is None for r in rows_of(agent, "nvr/Driveway"))


def test_a_camera_failing_alone_then_with_its_recorder_keeps_when_it_was_last_mirrored(
        agent, recent_footage):
    """Recorders hunt: a camera whose search failed alone had its rows noted 'mirrored at'
    its last good refresh; when the whole recorder then failed, every row's note was written
    again with the recorder's last refresh, a time the failing camera was not mirrored at. Its
    rows keep the time it was last mirrored, with the recorder's problem of now; the other
    camera's say the recorder's last refresh. Refreshes are hours apart, so the times differ
    in words."""
    from agent.index import mirror
    from agent.index.remote_rows import STALE
    from agent.timebase import US, local_text

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        (rec,) = agent.recorders()
        first = rec.refreshed_us
        sim.device.refused_search.add(1)   # Driveway's alone
        later = first + 3 * 3600 * US
        done = mirror.refresh(agent.store, rec, agent.recorder_connector(), now_us=later)
        assert done.state == "ok" and "nvr/Driveway was not refreshed" in done.problem
        sim.device.faults.add("garbage")   # now the whole recorder
        (rec,) = agent.recorders()
        done = mirror.refresh(agent.store, rec, agent.recorder_connector(),
                              now_us=later + 3 * 3600 * US)
        assert done.state == "offline"
    driveway = [r.reason for r in rows_of(agent, "nvr/Driveway")]
    porch = [r.reason for r in rows_of(agent, "nvr/Porch")]
    assert local_text(first) != local_text(later)
    assert len(driveway) == 3 and all(r.startswith(f"mirrored at {local_text(first)}; {STALE}")
                            for r in driveway), driveway
    assert all(r.endswith(done.problem) for r in driveway), driveway   # the problem of now
    assert porch == [f"mirrored at {local_text(later)}; {STALE}{done.problem}"], porch


@pytest.mark.parametrize("quirks", ((), ("dahua-no-count",)))
def test_a_dahua_search_cut_short_part_way_is_said_not_taken_for_its_end(
        agent, recent_footage, monkeypatch, quirks):
    """Recorders hunt: a Dahua's `findNextFile` answering `Error` part-way through paging (a
    disk it cannot read beyond there) ended the search quietly, as some firmware's `Error` at
    the end does: the camera's later recordings were taken away with nothing said. Fewer
    recordings than the total the device gives (`getCount`), or, with none given, `Error`
    after a page as full as asked and not even the latest recording it brought when asked
    again from there, is a search cut short: the camera is said as not refreshed and its rows
    are kept. The client's page is one recording here, not 100 (the footage has four)."""
    from agent.recorders import dahua_search

    monkeypatch.setattr(dahua_search, "PAGE", 1)
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True, quirks=quirks) as sim:
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        driveway = rows_of(agent, "nvr/Driveway")
        assert len(driveway) == 3
        sim.device.search_fails_from[1] = min(r.start_us for r in driveway) + 20 * 1_000_000
        (report,) = agent.scan()
        asked_again = [p for _m, p in sim.device.log if "action=findFile" in p]
    (problem,) = report.problems
    assert problem.startswith("nvr/Driveway was not refreshed: The recorder at "), problem
    assert "stopped its search part-way" in problem, problem
    assert [r.path for r in rows_of(agent, "nvr/Driveway")] == [r.path for r in driveway]
    assert [r.reason for r in rows_of(agent, "nvr/Porch")] == [None]
    # Without a total it asked again from the latest recording brought, to tell.
    assert len(asked_again) == 2 + (3 if quirks else 2), asked_again


@pytest.mark.parametrize("quirks", (("dahua-error-at-end",),
                                    ("dahua-error-at-end", "dahua-no-count")))
@pytest.mark.parametrize("page_cap", (1, 100))
def test_a_dahua_answering_error_at_the_end_of_its_search_is_read_whole(
        agent, recent_footage, page_cap, quirks):
    """Firmware answering `Error` where the end would say `found=0`, after its last page
    (fewer than asked): every recording is mirrored and nothing is said."""
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True, quirks=quirks) as sim:
        sim.device.search_page_cap = page_cap
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        (report,) = agent.scan()
    assert not report.problems, report.problems
    assert len(rows_of(agent, "nvr/Driveway")) == 3 and len(rows_of(agent, "nvr/Porch")) == 1


def test_a_camera_gone_from_the_recorder_can_be_let_go_alone(
        agent, recent_footage, capsys, monkeypatch):
    """Recorders hunt: a camera removed from the recorder kept its mirrored recordings, marked
    out of date, for ever, said at every refresh, and nothing but removing the whole recorder
    let them go. `cameras remove CAMERA` lets one such camera's recordings go (nothing on the
    recorder is touched); a camera the recorder still lists is refused (its next refresh would
    mirror them again), and so is a folder's camera."""
    from tests.recorder_sources_support import cli

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove", "nvr/Porch")
        assert code == 3 and "still among the recorder's cameras" in err, err
        assert len(rows_of(agent, "nvr/Porch")) == 1
        del sim.device.catalogue.channels[1]   # Driveway's channel, no longer listed
        agent.scan()
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove",
                              "nvr/Driveway")
        assert code == 0 and "3 recordings" in err, err
        assert rows_of(agent, "nvr/Driveway") == [] and len(rows_of(agent, "nvr/Porch")) == 1
        (rec,) = agent.recorders()
        assert rec.problem is None, rec.problem   # no longer said as gone
        (report,) = agent.scan()
    assert not report.problems and agent.recorders()[0].problem is None
    assert rows_of(agent, "nvr/Driveway") == []
    code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove", "nobody")
    assert code == 3 and "nobody" in err, err
    assert any(r.event == "source-changed" and r.data.get("camera") == "nvr/Driveway"
               for r in agent.activity())


def test_cameras_remove_of_a_recorders_name_with_nothing_mirrored_says_what_it_is(
        agent, recent_footage, capsys, monkeypatch):
    """Recorders hunt: `cameras remove nvr`, the name of a recorder of two cameras (which
    holds no recordings under it), was refused as "nvr has no recordings mirrored from a
    recorder (a recordings folder's camera goes with its folder: `sources remove`)": no
    folder is involved. So was a camera already let go, asked again. Now the recorder's name
    is said to be the recorder's, a camera the recorder still lists with nothing mirrored says
    there is nothing to let go, and one let go already lets none go again (exit 0)."""
    from tests.recorder_sources_support import cli

    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove", "nvr")
        assert code == 3 and "folder" not in err, err
        assert f"nvr is the name of the recorder {sim.url}, not of one of its cameras" in err, err
        sim.device.catalogue.channels[3] = "Garden"   # a camera with nothing recorded yet
        agent.scan()
        assert "nvr/Garden" in agent.cameras() or "nvr/Garden" in [
            c.name for c in agent.camera_list()]
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove", "nvr/Garden")
        assert code == 3 and "folder" not in err, err
        assert "has no recordings mirrored, so there is nothing to let go" in err, err
        del sim.device.catalogue.channels[1]
        agent.scan()
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove",
                              "nvr/Driveway")
        assert code == 0 and "3 recordings" in err, err
        code, _out, err = cli(capsys, monkeypatch, agent.home, "cameras", "remove",
                              "nvr/Driveway")
    assert code == 0 and "0 recordings" in err and "folder" not in err, err
    assert len(rows_of(agent, "nvr/Porch")) == 1


@pytest.mark.parametrize("count, fails_at, cut", [(7, 5, True), (7, None, False),
                                                  (8, None, False),
                                                  # Error right after its first page
                                                  (7, 2, True), (2, None, False)])
def test_a_dahua_sending_fewer_a_page_than_asked_and_cut_short_is_said(
        agent, recent_footage, tmp_path, count, fails_at, cut):
    """Recorders hunt: a Dahua sending fewer recordings a page than asked (2 of 100 here),
    giving no total, whose `findNextFile` answered `Error` part-way (a disk it cannot read
    beyond the fifth recording) was read as having ended, as firmware answering `Error` at
    the end is: the later recordings were taken away with nothing said. A device sending more
    pages after a short first one shows its own page size; `Error` after a page that full is
    asked about as after a page as full as asked (again from the latest recording brought),
    so it is said; a search that had ended (7 recordings: a short last page; 8: a last page
    as full as the device's) is still read whole, with nothing said. `Error` right after the
    first page (the device's page size not shown yet: the later five taken away before) is
    asked about alike; a search of one short page that ended (2) is still read whole."""
    from agent.timebase import US
    from tests.recorder_sources_support import T0
    from tests.recorder_support import many_clips

    source = sorted(next(recent_footage.glob("01*")).glob("*.mp4"))[0]
    footage = many_clips(tmp_path / "nvr", source, 1, T0, count, 10)
    quirks = ("dahua-no-count", "dahua-error-at-end")
    with Simulator(footage, "dahua", "admin", PASSWORD, tls=True, quirks=quirks) as sim:
        sim.device.search_page_cap = 2
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        before = rows_of(agent, "nvr")
        assert len(before) == count
        if fails_at is not None:
            sim.device.search_fails_from[1] = T0 + fails_at * 10 * US
        (report,) = agent.scan()
    assert [r.path for r in rows_of(agent, "nvr")] == [r.path for r in before]
    if cut:
        (problem,) = report.problems
        assert "stopped its search part-way" in problem, problem
    else:
        assert not report.problems, report.problems
