"""`footage-agent verify` reads each clip's own sample tables, as the owner's check before
sealing does (without the recordings or decoding): a clip whose tables put frames outside the
approved window, or hold more or fewer frames than provenance.json says, fails with exit 3,
even when whoever holds the owner key signed new credentials over it and resealed the package."""
from __future__ import annotations

import struct

from frp.clip_tables import clip_problems
from tests.test_verify_credentials import _resign, clip_of, key_of, made, package, verify  # noqa: F401


def stretch_video_time(clip, factor: int) -> None:
    """Every video frame's duration in the first stts (the video track's) multiplied."""
    data = bytearray(clip.read_bytes())
    at = data.index(b"stts") + 4 + 4           # past the type, version and flags
    (entries,) = struct.unpack(">I", data[at:at + 4])
    for i in range(entries):
        pos = at + 4 + 8 * i + 4
        (delta,) = struct.unpack(">I", data[pos:pos + 4])
        data[pos:pos + 4] = struct.pack(">I", delta * factor)
    clip.write_bytes(bytes(data))


def test_a_genuine_clip_holds_what_provenance_says(capsys, made):
    code, out = verify(capsys, made[0], made[1])
    assert code == 0 and out["problems"] == [], out


def test_frames_the_tables_put_past_the_window_fail_though_resealed(capsys, made, package):
    clip = clip_of(package, made)
    stretch_video_time(clip, 3)
    _resign(package, made, key_of(made[0]), lambda record: None)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    problems = [p for p in out["problems"] if p.startswith(f"data/{made[2]}: its own tables")]
    assert problems and "outside the approved window" in problems[0], out["problems"]


def test_odd_records_and_clips_give_sentences_never_raise(made, tmp_path):
    clip = clip_of(made[1], made)
    for record in (None, {}, {"approved": "x", "delivered": {"start": 3}}):
        with open(clip, "rb") as fh:
            assert clip_problems(fh, record) == []   # nothing claimed: nothing to compare
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\0\0\0\x08free" * 3)
    import json
    record = json.loads((made[1] / "data/provenance.json").read_text())
    with open(junk, "rb") as fh:
        (said,) = clip_problems(fh, record)
    assert said.startswith("its own tables cannot be read"), said


def test_tables_declaring_billions_of_samples_are_refused_unexpanded(capsys, made, package):
    clip = clip_of(package, made)
    data = bytearray(clip.read_bytes())
    at = data.index(b"stsz") + 8               # past the type, version and flags
    data[at:at + 8] = struct.pack(">II", 1, 0xFFFFFFF0)   # every sample 1 byte, 4 billion
    clip.write_bytes(bytes(data))
    _resign(package, made, key_of(made[0]), lambda record: None)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert (f"data/{made[2]}: its own tables cannot be read: its index is damaged (a track "
            "declares 4,294,967,280 samples, more than a clip holds).") in out["problems"], out


def test_another_video_listed_as_an_output_fails_though_resealed(capsys, made, package):
    """A whole recording (frames from before and after the window) added as data/more.mov, in
    the manifest and provenance.json's outputs, resealed by the owner key: no table of it was
    read (only MP4 clips are), and the package verified OK."""
    import hashlib
    import json

    from tests.credentials_support import reseal
    recording = sorted((made[0].parent / "rec" / "porch").rglob("*.mp4"))[0]
    (package / "data/more.mov").write_bytes(recording.read_bytes())
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    record["outputs"].append({"path": "data/more.mov", "size": recording.stat().st_size,
                              "sha256": hashlib.sha256(recording.read_bytes()).hexdigest()})
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    reseal(package, key_of(made[0]))
    code, out = verify(capsys, made[0], package)
    assert code == 3 and not out["ok"]
    assert out["problems"] == [
        "data/provenance.json lists data/more.mov as an output, but a package's outputs are "
        "its clip (an MP4 file straight under data/) and data/request.jws: what any other file "
        "holds is not checked against the approved window, so it cannot be part of a package."]
