"""`footage-agent verify` places a clip's sound where a player plays it. An edit list that delays
the video (an empty edit before its first frame, as FFmpeg's MP4 muxer writes for a video
stream starting after the sound) makes a player play the sound that much before the first
frame: sound from before the approved window, as the player syncs it. The tables were read
as if the video started at 0:00, so such a clip, resealed with the owner key, verified as OK
(exit 0). The clip is remuxed here with PyAV, as a forger would."""
from __future__ import annotations

import json
import shutil

import av
import pytest

from agent.cli import main
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import t
from tests.credentials_support import reseal, rewrite_readme, without_credentials

T0 = t("2026-11-20T22:00:00Z")


@pytest.fixture(scope="module")
def sounded(tmp_path_factory):
    """A manual copy-mode export with its sound kept: (home, package)."""
    base = tmp_path_factory.mktemp("delay")
    root = base / "rec" / "porch"
    make_recordings(root, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0, audio=True)
    home = base / "home"
    assert main(["--home", str(home), "scan", str(root), "--tz", "UTC"]) == 0
    agent = Agent(home)
    try:
        done = agent.export("porch", T0 + US, T0 + 6 * US, base / "out", keep_audio=True)
    finally:
        agent.close()
    return home, done.package.path


def _delay_video(clip, seconds: float) -> None:
    """The clip remuxed with its video packets `seconds` later than its sound."""
    clip.write_bytes(without_credentials(clip))
    out = clip.with_suffix(".remuxed.mp4")
    with av.open(str(clip)) as src, av.open(str(out), "w", format="mp4") as dst:
        video, sound = src.streams.video[0], src.streams.audio[0]
        to = {video: dst.add_stream_from_template(video), sound: dst.add_stream_from_template(sound)}
        for packet in src.demux(video, sound):
            if packet.dts is None:
                continue
            if packet.stream is video:
                shift = round(seconds / video.time_base)
                packet.pts, packet.dts = packet.pts + shift, packet.dts + shift
            packet.stream = to[packet.stream]
            dst.mux(packet)
    out.replace(clip)


def test_sound_a_delayed_video_leaves_before_the_first_frame_fails(capsys, sounded, tmp_path):
    home, genuine = sounded
    package = tmp_path / genuine.name
    shutil.copytree(genuine, package)
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    clip = package / record["content_credentials"]["clip"]
    _delay_video(clip, 1.0)
    del record["content_credentials"]   # credentials over the new bytes are the forger's to sign
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    from agent.identity.keys import OwnerKey
    rewrite_readme(package, OwnerKey.load(home))   # which no longer mentions credentials
    reseal(package, OwnerKey.load(home))
    assert main(["--home", str(home), "verify", str(package), "--json"]) == 3
    problems = json.loads(capsys.readouterr().out)["problems"]
    shown = clip.relative_to(package).as_posix()
    assert problems == [
        f"{shown}: its own tables: an edit list shows the first frame 1 s after a player's "
        "0:00, so a player's times are not the clip's and its sound plays that much early.",
        f"{shown}: its own tables: 16 audio packets lie outside the approved window."], problems
