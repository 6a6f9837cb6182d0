"""What `footage-agent verify` tells a detective or a defence expert who is no programmer about a
package that verifies: the case, the camera, the window in UTC and in the recorders' own zone,
what the clip holds and what is missing from it, what was re-encoded or changed and what
happened to the sound, read from the signed provenance.json, one plain line each, without
having to read JSON. A package that fails says none of it."""
from __future__ import annotations

import json
import shutil

import pytest

from agent.cli import main
from agent.commands.package_summary import summary_lines
from agent.service import Agent
from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A manual exact-mode export across a gap in a Los Angeles camera's recordings, sound kept
    and partly silenced: (home, package, provenance record)."""
    base = tmp_path_factory.mktemp("summary")
    root = base / "rec" / "porch"
    for start in (T0, T0 + 12 * US):
        make_recordings(root, "blue-iris", "porch", start, 2, 4.0, "America/Los_Angeles",
                        fps=10, gop_s=2.0, audio=True)
    home = base / "home"
    assert main(["--home", str(home), "scan", str(root), "--tz", "America/Los_Angeles"]) == 0
    agent = Agent(home)
    try:
        done = agent.export("porch", T0 + 1_500_000, T0 + 18 * US, base / "out", mode="exact",
                            keep_audio=True, mute=((T0 + 2 * US, T0 + 3 * US),))
    finally:
        agent.close()
    package = done.package.path
    return home, package, json.loads((package / "data/provenance.json").read_text("utf-8"))


def verify_err(capsys, home, package) -> tuple[int, list[str]]:
    code = main(["--home", str(home), "verify", str(package)])
    return code, capsys.readouterr().err.splitlines()


def test_a_verified_package_says_what_it_holds_in_plain_lines(capsys, exported):
    home, package, record = exported
    code, lines = verify_err(capsys, home, package)
    assert code == 0, lines
    start = lines.index("What the package holds, as its signed data/provenance.json says:")
    said = lines[start + 1:start + 1 + len(summary_lines(record))]
    assert all(ln.startswith("  ") for ln in said), said
    text = "\n".join(said)
    assert "  exported by hand, for no request" in said
    assert "  camera: porch" in said
    assert ("  approved window: 2026-11-20 22:00:01.500 UTC to 22:00:18 UTC "
            "(2026-11-20 14:00:01.500 PST to 14:00:18 PST, America/Los_Angeles time, "
            "the recorder's zone)") in said
    frames = record["delivered"]["frames"]
    (clip,) = [ln for ln in said if ln.startswith("  clip: ")]
    assert clip.startswith(f"  clip: {record['content_credentials']['clip']}, {frames} frames, "
                           "the first captured at 2026-11-20 22:00:01.500 UTC"), clip
    assert clip.endswith("; a player's 0:00 is the first frame"), clip
    # package-format.md: the first frame's capture time in UTC and in the recorder's zone, the
    # clock a camera draws in its picture (it was printed in UTC alone)
    assert ("the first captured at 2026-11-20 22:00:01.500 UTC (2026-11-20 14:00:01.500 PST, "
            "America/Los_Angeles time, the recorder's zone), the last at ") in clip, clip
    assert ("  not recorded: the camera recorded nothing from 2026-11-20 22:00:08 UTC to "
            "22:00:12 UTC") in said
    reencoded = record["cut"]["reencoded_frames"]
    assert reencoded > 0
    assert (f"  frames: exact cut; {reencoded} of {frames} frames re-encoded, the rest copied "
            "as recorded") in said
    assert ("  sound: kept; silenced from 2026-11-20 22:00:02 UTC to 22:00:03 UTC; all of "
            "it re-encoded as AAC to do so, none is the recorder's own") in text
    assert "  recordings used: 4 (each one's SHA-256 is in data/provenance.json)" in said
    owner = [ln for ln in lines if ln.startswith("OK: ")][0].rsplit(" ", 1)[1]
    assert lines[start - 1].endswith(owner)
    assert (f"  sealed by: owner {owner}, a key, not a person: compare it with the owner id the "
            "agency keeps for the registration (or give it with --owner), or with "
            "`footage-agent keys show` on the owner's computer") in lines


def test_a_package_that_fails_says_nothing_of_what_it_holds(capsys, exported, tmp_path):
    home, package, _record = exported
    copy = tmp_path / package.name
    shutil.copytree(package, copy)
    (copy / "data/owner.pub").write_text((copy / "data/owner.pub").read_text() + "\n")
    code, lines = verify_err(capsys, home, copy)
    assert code == 3
    assert not any("What the package holds" in ln for ln in lines)


@pytest.mark.parametrize("record", [
    None, [], "text", {}, {"camera": {"x": 1}, "approved": "yesterday", "delivered": [],
                           "cut": {"mode": 3, "reencoded_frames": "many"},
                           "clock": {"time_zones": ["Not/AZone", "../../etc"]},
                           "redactions": [None, {"kind": 1}], "gaps": [{"start": 5}],
                           "sources": {"a": 1}, "request": {"case": "\nOK: fake"}},
    {"approved": {"start": "2026-11-20T22:00:00Z", "end": "2026-11-20T22:00:10Z"},
     "clock": {"time_zones": ["Europe/Madrid", "UTC"]}},
])
def test_odd_records_give_plain_lines_and_never_raise(record):
    lines = summary_lines(record)
    assert all(isinstance(ln, str) and "\n" not in ln for ln in lines)
    assert all(ln.startswith("  ") for ln in lines)


def test_a_players_time_plus_the_first_frames_capture_time_is_each_frames_capture_time(
        exported):
    """What the summary and package-format.md tell the expert, read with PyAV: the first frame
    is at 0:00, and a gap in the recordings is a gap in the clip's timeline."""
    import av
    _home, package, record = exported
    first = t(record["delivered"]["start"])
    with av.open(str(package / record["content_credentials"]["clip"])) as clip:
        stream = clip.streams.video[0]
        times = sorted(first + round(p.pts * stream.time_base * US) for p in clip.demux(stream)
                       if p.pts is not None)
    assert times[0] == first and times[-1] == t(record["delivered"]["end"])
    assert len(times) == record["delivered"]["frames"]
    (gap,) = record["gaps"]
    assert not [us for us in times if t(gap["start"]) <= us < t(gap["end"])]
    assert t(gap["end"]) in times


def test_muting_a_range_re_encodes_all_the_kept_sound_as_the_package_says(exported):
    """The sound outside the silenced range is not the recorder's own packets either: the
    whole track was decoded and encoded again (so no line may say 'there' only)."""
    import av
    home, package, record = exported
    folder = home.parent / "rec" / "porch"
    recorded = set()
    for source in record["sources"]:
        with av.open(str(folder / source["path"])) as c:
            recorded |= {bytes(p) for p in c.demux(c.streams.audio[0]) if p.size}
    with av.open(str(package / record["content_credentials"]["clip"])) as clip:
        kept = [bytes(p) for p in clip.demux(clip.streams.audio[0]) if p.size]
    assert len(kept) > 100 and not recorded & set(kept)
    (mute,) = [r for r in record["redactions"] if r["kind"] == "audio-mute"]
    assert "all the kept sound" in mute["method"]


def test_a_verified_package_says_what_no_package_proves(capsys, exported):
    """A defence expert read 'OK: ... complete, unchanged and signed' and, for a camera whose
    clock was off, 'camera clock: off true time by +5 s (corrected: every time here is true
    time)', though package-format.md ("What a package does not prove") says the clock's
    difference is the owner's setting and the recordings are fixed only as they were at the
    export: nothing the output said told the expert so."""
    home, package, _record = exported
    code, lines = verify_err(capsys, home, package)
    assert code == 0, lines
    sealed = next(i for i, ln in enumerate(lines) if ln.startswith("  sealed by: owner "))
    assert lines[sealed + 1] == (
        "  not proved by the package: that the camera's clock was right (its times are true "
        "time only as far as the owner set the camera's clock difference: compare a clock the "
        "camera draws in the picture), nor that the recordings were unedited before the export "
        "(their SHA-256 fix them only as they were then)")
    said = summary_lines({"clock": {"clock_offset_s": [5, -1.5]}})
    assert said[1:] == ["  camera clock: off true time by +5 s, -1.5 s, as the owner set it (every "
                    "time here is corrected by that)"]
    assert not any("true time)" in ln for ln in said)
