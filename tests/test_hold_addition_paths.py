"""Holds hunt: on Windows an addition to a safe copy checks, before copying, that its longest
copy's path stays within the 259 characters Windows takes (hold_room.path_problem). The check
named the new copies without the names the hold already has, so a recording held while it was
written and grown since (its copy added again whole, `name-2.mp4` beside `name.mp4`) was
weighed two characters short: the check passed, and the copy failed part way with a bare "No
such file or directory".

Windows cannot run here: its branch is tested through its pure part (`windows=True`, and
`probe`, the answer RtlAreLongPathsEnabled would give, mocked), the home's path as Windows would
spell it. The footage, the index, the hold and the addition are real."""
from __future__ import annotations

import pytest

from agent.requests import hold_copies, hold_room, holds
from agent.requests.hold_moving_in import taken_names
from agent.requests.hold_top_up import hold_window, missing_rows
from agent.requests.hold_copies import copy_names
from agent.timebase import US
from demo.samples import make_recordings
from tests.test_growing_source import _fragmented
from tests.test_hold_top_up import GT0
from tests.recorder_sources_support import agent as rec_agent, recent_footage  # noqa: F401

# Recordings written as the test runs are still being written, however slowly it runs.
pytestmark = pytest.mark.usefixtures("written_just_now")


def test_an_additions_copy_numbered_apart_from_the_holds_own_is_weighed_as_named(agent,
                                                                                tmp_path,
                                                                                monkeypatch):
    (mp4,) = make_recordings(tmp_path / "made", "blue-iris", "porch", GT0, 1, 6.0, fps=10,
                             gop_s=1.0)
    data, starts = _fragmented(mp4, tmp_path / "whole.mp4")
    growing = tmp_path / "rec" / mp4.name
    growing.parent.mkdir()
    growing.write_bytes(data[:starts[3]])   # 3 s of 6, still being written
    agent.scan([str(growing.parent)], tz="UTC")
    (row,) = agent.recordings()
    window = (GT0, GT0 + 6 * US)
    first = holds.make_hold(agent.home, agent.store, "r1", *window, (row.camera,), "r1")
    growing.write_bytes(data)   # the recorder wrote on
    agent.scan()
    hold = holds.read_hold(agent.home, "r1")
    rows = missing_rows(agent.store, hold, *window, (row.camera,))
    # what the addition names its copy: apart from the hold's own, numbered
    ((_, name, _),) = list(copy_names(rows, taken_names(hold)))
    (held,) = first.files
    assert name != held.name and name.endswith("-2.mp4"), name
    staged = f"\\holds\\.r1.partial-00000000\\{name}".replace("/", "\\")
    # a home as deep as leaves that copy's path one character past what Windows takes
    deep = "C:\\Users\\" + "M" * (260 - len(staged) - len("C:\\Users\\"))
    assert len(deep + staged) == 260
    checked = hold_room.path_problem

    def as_windows(home, folder, rows, *args, **kwargs):
        return checked(deep, folder, rows, *args, **{**kwargs, "windows": True,
                                                     "probe": lambda: 0})

    monkeypatch.setattr(hold_room, "path_problem", as_windows)
    kept = sorted(p.relative_to(first.path).as_posix() for p in first.path.rglob("*"))
    with pytest.raises(holds.HoldError, match=r"too deep for Windows to hold this request's "
                       r"safe copy: its longest copy's path would be 260 characters, .*"
                       r"nothing was copied$"):
        hold_window(agent.home, agent.store, "r1", *window, (row.camera,), "r1")
    assert sorted(p.relative_to(first.path).as_posix() for p in first.path.rglob("*")) == kept
    # one character shallower, it fits: the addition is made, under the name weighed
    deep = deep[:-1]
    again = hold_window(agent.home, agent.store, "r1", *window, (row.camera,), "r1")
    assert [f.name for f in again.added] == [name]


@pytest.mark.usefixtures("cheap_scrypt")
def test_a_recorders_download_is_weighed_before_a_hold_in_a_home_too_deep(rec_agent,
                                                                          recent_footage):
    """A recorder's camera was left out of the check ("named as it arrives"): in a home too
    deep for its pieces the hold started, asked the recorder, and the download stopped part
    way on the first piece's path. Its pieces are weighed by the longest name one can have
    while it arrives (fetch: `.NAME.partial-XXXXXXXX`, NAME made safe, at most 64 characters,
    numbered apart from another)."""
    from agent.views import RecorderAddress
    from nvrsim.server import Simulator
    from tests.recorder_sources_support import PASSWORD, T0

    agent, camera, window = rec_agent, "nvr/Driveway", (T0 + 5 * US, T0 + 25 * US)
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(RecorderAddress(sim.url, "hikvision", "admin", sim.fingerprint,
                                           zone="UTC"), PASSWORD, name="nvr")
        agent.scan()
        rows = hold_copies.covering_files(agent.store, *window, (camera,))
        assert rows and all(r.status == "remote" for r in rows)
        # the pieces as a hold in a home of ordinary depth names them
        made = holds.make_hold(agent.home, agent.store, "r1", *window, (camera,), "r1",
                               connect=agent.recorder_connector())
        pieces = [f.name for f in made.files]
        arriving = max(len(f"\\holds\\.r1.partial-00000000\\{n}".replace("/", "\\"))
                       + len(".") + len(".partial-00000000") for n in pieces)
        inside = hold_room.longest_inside("r1", rows)
        assert inside >= arriving, (inside, arriving, pieces)
        deep = "C:\\Users\\" + "M" * (259 - arriving - len("C:\\Users\\") + 1)
        assert len(deep) + arriving == 260   # the real pieces alone pass what Windows takes
        problem = hold_room.path_problem(deep, "r2", rows, windows=True, probe=lambda: 0)
        assert problem is not None and "nothing was copied" in problem, problem
        assert hold_room.path_problem(deep, "r2", rows, windows=True, probe=lambda: 1) is None
