"""Frame previews and thumbnails decoded by the agent: the right frame for an instant (read back
from the barcode every sample frame carries), gaps, the LRU cache, continuing forward without a
seek, stale tickets giving up early, and the keyframe a copy-mode cut really starts at."""
from __future__ import annotations

import os
import time

import numpy as np
import pytest

from agent.media.preview import Previewer
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings, read_stamp

T0 = (int(time.time()) - 3600) * US


@pytest.fixture(scope="module")
def footage(tmp_path_factory):
    """Camera 'yard': two 4 s files (10 fps, keyframe every 2 s) with a 1 s gap between."""
    root = tmp_path_factory.mktemp("rec") / "yard"   # the folder names the camera
    make_recordings(root, "blue-iris", "yard", T0, 1, 4.0)
    make_recordings(root, "blue-iris", "yard", T0 + 5 * US, 1, 4.0)
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


@pytest.fixture
def previewer(agent, footage):
    agent.scan([str(footage)], tz="UTC")
    p = Previewer(agent.usable_recordings)
    yield p
    p.close()


def stamp(frame) -> int:
    rgb = np.frombuffer(frame.rgb, np.uint8).reshape(frame.height, frame.width, 3)
    return read_stamp(rgb[:, :, 0])


@pytest.mark.parametrize("offset_s, shown_s", [(0.0, 0.0), (0.05, 0.0), (1.26, 1.2), (3.95, 3.9),
                                               (5.0, 5.0), (7.33, 7.3)])
def test_frame_is_the_one_on_screen_at_that_instant(previewer, offset_s, shown_s):
    frame = previewer.frame("yard", T0 + round(offset_s * US), 320)
    assert frame is not None and (frame.width, frame.height) == (320, 240)
    assert frame.at_us == T0 + round(shown_s * US)
    assert stamp(frame) == frame.at_us   # the pixels really are that instant's frame


def test_gap_and_unknown_camera_give_no_frame(previewer):
    assert previewer.frame("yard", T0 + 4_500_000) is None
    assert previewer.frame("yard", T0 + 20 * US) is None
    assert previewer.frame("nobody", T0) is None


def test_scaled_frame_keeps_the_aspect_ratio(previewer):
    frame = previewer.frame("yard", T0 + US, 160)
    assert (frame.width, frame.height) == (160, 120)
    assert len(frame.rgb) == 160 * 120 * 3


def test_cache_answers_a_repeat_without_decoding(previewer):
    first = previewer.frame("yard", T0 + 1_500_000, 320)
    decoded = previewer.decoded_frames
    again = previewer.frame("yard", T0 + 1_500_000, 320)
    assert again == first and previewer.decoded_frames == decoded


def test_forward_scrub_continues_instead_of_seeking_back(previewer):
    previewer.frame("yard", T0 + 2_100_000, 320)      # keyframe at 2.0 s, then one frame
    before = previewer.decoded_frames
    frame = previewer.frame("yard", T0 + 2_300_000, 320)
    assert frame.at_us == T0 + 2_300_000 and stamp(frame) == frame.at_us
    assert previewer.decoded_frames - before <= 3      # 2.2, 2.3 (+ the one past), not 2.0 again
    back = previewer.frame("yard", T0 + 1_000_000, 320)   # backwards: a seek, still right
    assert stamp(back) == T0 + 1_000_000


def test_a_newer_ticket_makes_a_pending_decode_give_up(previewer):
    old = previewer.ticket("scrub")
    previewer.ticket("scrub")
    assert previewer.frame("yard", T0 + 3_900_000, 320, old) is None
    assert previewer.decoded_frames == 0


def test_a_decode_overtaken_midway_stops_at_the_next_frame(previewer):
    ticket = previewer.ticket("scrub")
    checks = []
    real = previewer.is_current

    def is_current(t):
        checks.append(t)
        if len(checks) == 3:
            previewer.ticket("scrub")   # the owner scrubbed on while this was decoding
        return real(t)
    previewer.is_current = is_current
    assert previewer.frame("yard", T0 + 1_900_000, 320, ticket) is None
    assert previewer.decoded_frames <= 3    # 1.9 s needs 20 frames from the keyframe
    previewer.is_current = real
    assert stamp(previewer.frame("yard", T0 + 1_900_000, 320)) == T0 + 1_900_000


def test_thumbnails_are_keyframes_spread_over_the_window_with_none_in_gaps(previewer):
    thumbs = previewer.thumbnails("yard", T0, T0 + 9 * US, 9, 320)   # full size: barcode readable
    assert len(thumbs) == 9
    assert thumbs[4] is None                       # 4.5 s is in the gap
    kept = [t for t in thumbs if t is not None]
    assert all(t.width == 320 and stamp(t) == t.at_us for t in kept)
    assert [t.at_us - T0 for t in kept] == [0, 0, 2 * US, 2 * US, 5 * US, 5 * US, 7 * US,
                                            7 * US]


def test_keyframe_at_or_after_is_where_a_copy_cut_starts(previewer):
    assert previewer.keyframe_at_or_after("yard", T0 + 300_000, T0 + 9 * US) == T0 + 2 * US
    assert previewer.keyframe_at_or_after("yard", T0 + 2 * US, T0 + 9 * US) == T0 + 2 * US
    assert previewer.keyframe_at_or_after("yard", T0 + 2_500_000, T0 + 9 * US) == T0 + 5 * US
    assert previewer.keyframe_at_or_after("yard", T0 + 2_500_000, T0 + 3_500_000) is None


def test_a_damaged_file_gives_no_frame_and_no_exception(tmp_path):
    root = tmp_path / "gate"
    (path,) = make_recordings(root, "blue-iris", "gate", T0, 1, 2.0)
    data = path.read_bytes()
    agent = Agent(tmp_path / "home")
    try:
        os.utime(path, (1_700_000_000, 1_700_000_000))
        agent.scan([str(root)], tz="UTC")
        path.write_bytes(data[: len(data) // 3])   # cut short after indexing (a crash, a copy)
        p = Previewer(agent.usable_recordings)
        assert p.frame("gate", T0 + 1_500_000) is None
        assert p.thumbnail("gate", T0 + 500_000) is None
        p.close()
    finally:
        agent.close()


def test_a_time_budget_returns_the_frame_reached_and_a_second_call_carries_on(previewer):
    target = T0 + 1_900_000
    early = previewer.frame("yard", target, 320, budget_s=0.0)
    assert early is not None and not early.complete
    assert early.at_us < target and stamp(early) == early.at_us   # a real, earlier frame
    decoded = previewer.decoded_frames
    exact = previewer.frame("yard", target, 320, budget_s=10.0)
    assert exact.complete and exact.at_us == target and stamp(exact) == target
    assert previewer.decoded_frames - decoded <= 20 - (early.at_us - T0) // 100_000


def held_open(folder) -> set[str]:
    """The files under `folder` this process holds open (Linux's /proc: where a leak shows)."""
    fds = "/proc/self/fd"
    if not os.path.isdir(fds):
        pytest.skip("needs /proc to list this process's open files")
    out = set()
    for fd in os.listdir(fds):
        try:
            target = os.readlink(os.path.join(fds, fd))
        except OSError:
            continue
        if target.startswith(str(folder)):
            out.add(target)
    return out


def test_a_recording_previewed_is_let_go_once_no_preview_reads_it(agent, footage):
    # Days hunt: the previewer kept the last four recordings scrubbed open until the app quit.
    # Left in the tray for days after a request was reviewed, it held them: a recorder deleting
    # its oldest footage cannot delete a file held open on Windows, and on Linux frees none of
    # its space (the descriptor points at a deleted file).
    agent.scan([str(footage)], tz="UTC")
    now = [1000.0]
    p = Previewer(agent.usable_recordings, clock=lambda: now[0])
    try:
        assert p.frame("yard", T0 + US, 320) is not None
        first = held_open(footage)
        assert len(first) == 1
        now[0] += 30.0
        assert p.frame("yard", T0 + 6 * US, 320) is not None   # the second file, read later
        assert len(held_open(footage)) == 2
        now[0] += 20.0
        assert p.let_go_of_idle(45.0) == 1                   # the first, unread for 50 s
        assert len(held_open(footage)) == 1 and held_open(footage).isdisjoint(first)
        now[0] += 30.0
        assert p.let_go_of_idle(45.0) == 1                   # the second, now unread for 50 s
        assert held_open(footage) == set()
        again = p.frame("yard", T0 + 2 * US, 320)            # and previews carry on
        assert again is not None and stamp(again) == T0 + 2 * US
    finally:
        p.close()


def test_the_running_service_lets_go_of_recordings_previews_left(agent, footage, monkeypatch):
    # The same through `run` (the app runs it): its loop lets go of what previews hold.
    import threading

    from agent import service_loop
    from agent.media import preview
    from tests.test_watch import wait_for
    agent.scan([str(footage)], tz="UTC")
    assert agent.previews.frame("yard", T0 + US, 320) is not None
    assert held_open(footage)
    monkeypatch.setattr(service_loop, "FOLLOW_S", 0.05)
    monkeypatch.setattr(preview, "IDLE_S", 0.0, raising=False)
    stop = threading.Event()
    runner = threading.Thread(target=agent.run, args=(stop,))
    runner.start()
    try:
        wait_for(lambda: not held_open(footage), 30.0)
    finally:
        stop.set()
        runner.join(10)
