"""The sample entry of a clip every frame of which was re-encoded (privacy masks, blurred
faces): the re-encoder's parameter sets in it and none in the stream, so it is avc1/hvc1 (what
the players Windows and macOS come with open; QuickTime Player opens no hev1), conformant to
ISO/IEC 14496-15; and in-band as before (hev1) when the re-encoder's sets change inside it.

Real recordings written by PyAV (H.265 in MPEG-TS, as NVRs write it; H.264 in MP4), the real
command, and the clips read back with PyAV."""
from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import av

from agent.cli import main
from agent.export.nal import nal_type, split_nals
from agent.export.readme import video_entry
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

T0 = "2026-11-20T22:00:00Z"
MASK = {"polygons": [[[0, 0], [0.4, 0], [0.4, 0.4]]]}


def _ts(folder: Path, name: str, sizes: list[tuple[int, int, float]]) -> None:
    """One H.265 MPEG-TS recording from T0 (an NVR's file: parameter sets in-band), made of
    stretches of `(width, height, seconds)`, each from an encoder of its own, as a camera
    whose stream is reconfigured writes them; placed in time by its modification time (its
    end), as a name no layout knows is."""
    from fractions import Fraction
    import numpy as np
    from demo.sample_encoders import gray_frame, video_settings
    folder.mkdir(parents=True, exist_ok=True)
    codec, pix_fmt, options = video_settings("libx265", 10, 2.0)
    n = 0
    with av.open(str(folder / name), "w", format="mpegts") as o:
        stream = o.add_stream(codec, rate=10)
        stream.width, stream.height = sizes[0][:2]
        for width, height, seconds in sizes:
            enc = av.CodecContext.create(codec, "w")
            enc.width, enc.height, enc.pix_fmt = width, height, pix_fmt
            enc.time_base, enc.framerate, enc.options = Fraction(1, 10), 10, options
            frames = [gray_frame(np.full((height, width), (n + i) * 5 % 200, np.uint8), pix_fmt,
                                 n + i, 10) for i in range(round(seconds * 10))]
            for packet in [p for f in frames + [None] for p in enc.encode(f)]:
                packet.stream, packet.time_base = stream, Fraction(1, 10)
                o.mux(packet)
            n += len(frames)
    end = t(T0) / 1e6 + n / 10
    os.utime(folder / name, (end, end))


def _export(home: Path, folder: Path, camera: str, out: Path, seconds: int) -> Path:
    assert main(["--home", str(home), "scan", str(folder), "--tz", "UTC"]) == 0
    mask = out.parent / f"{camera}-mask.json"
    mask.write_text(json.dumps(MASK))
    assert main(["--home", str(home), "masks", "set", camera, str(mask)]) == 0
    assert main(["--home", str(home), "export", "--camera", camera, "--from",
                 "2026-11-20T22:00:01Z", "--to", f"2026-11-20T22:00:{1 + seconds:02d}Z",
                 "--out", str(out)]) == 0
    (clip,) = out.glob("*/data/*.mp4")
    return clip


def _sets_in_stream(clip: Path) -> tuple[str, int, bytes]:
    """The clip's codec, how many parameter sets its samples carry, and its header."""
    with av.open(str(clip)) as c:
        video = c.streams.video[0]
        codec, header = video.codec_context.name, bytes(video.codec_context.extradata)
        found = sum(nal_type(codec, n) in ({7, 8, 13} if codec == "h264" else {32, 33, 34})
                    for p in c.demux(video) if p.size for n in split_nals(bytes(p), 4))
    with av.open(str(clip)) as c:
        frames = sum(1 for _ in c.decode(video=0))
    assert frames == 40, frames   # 4 s at 10 fps, every one decoded from the entry's sets
    return codec, found, header


def _hvcc_arrays(header: bytes) -> list[tuple[int, bool]]:
    """(NAL type, array_completeness) of each array of an hvcC record."""
    arrays, pos = [], 23
    for _ in range(header[22]):
        arrays.append((header[pos] & 0x3F, bool(header[pos] & 0x80)))
        count = struct.unpack_from(">H", header, pos + 1)[0]
        pos += 3
        for _ in range(count):
            pos += 2 + struct.unpack_from(">H", header, pos)[0]
    return arrays


def test_a_masked_clip_carries_the_re_encoders_sets_in_its_entry_and_none_in_the_stream(
        tmp_path):
    home = tmp_path / "home"
    nvr = tmp_path / "rec" / "garage"
    _ts(nvr, "garage.ts", [(320, 240, 6.0)])
    porch = tmp_path / "rec" / "porch"
    write_clip(ClipSpec(path=porch / "porch.20261120_220000.mp4", start_us=t(T0), seconds=6.0))
    os.utime(porch / "porch.20261120_220000.mp4", (1_700_000_000, 1_700_000_000))
    hevc = _export(home, nvr, "garage", tmp_path / "out265", 4)
    avc = _export(home, porch, "porch", tmp_path / "out264", 4)
    assert (video_entry(hevc), video_entry(avc)) == ("hvc1", "avc1")
    codec, found, header = _sets_in_stream(hevc)
    assert codec == "hevc" and found == 0
    assert {kind for kind, complete in _hvcc_arrays(header) if complete} >= {32, 33, 34}
    codec, found, _ = _sets_in_stream(avc)
    assert codec == "h264" and found == 0
    readme = (hevc.parent.parent / "README.txt").read_text("utf-8")
    assert "QuickTime Player on a Mac" in readme and "does not open" not in readme


def test_a_masked_clip_whose_re_encoder_changes_its_sets_keeps_them_in_the_stream(tmp_path):
    # The NVR's file changes resolution halfway (a camera's stream reconfigured): the
    # re-encoder starts again with other sets, which one entry cannot hold. Written again
    # as before, hev1 with each keyframe's sets in-band, and every frame decodes.
    nvr = tmp_path / "rec" / "garage"
    _ts(nvr, "garage.ts", [(320, 240, 3.0), (352, 288, 3.0)])
    clip = _export(tmp_path / "home", nvr, "garage", tmp_path / "out", 4)
    assert video_entry(clip) == "hev1"
    codec, found, _ = _sets_in_stream(clip)
    assert codec == "hevc" and found >= 6      # VPS, SPS and PPS at each encoder's start
