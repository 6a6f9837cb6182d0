"""Write the seed corpora kept in fuzz/corpus/: small real inputs the fuzzers start from.

    python fuzz/make_corpus.py

mp4box/: container headers written by the bundled ffmpeg (H.264 and HEVC, faststart and
moov-at-end MP4, fragmented MP4, MOV, with and without audio, and a power-loss file cut before
its moov), each at most MAX_SEED bytes. token/: real request tokens signed by the fuzz agency,
and claims documents for the target's sign-then-verify mode. Re-running replaces them.
"""
from __future__ import annotations

import json
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import fuzz_agency  # noqa: E402

from imageio_ffmpeg import get_ffmpeg_exe as ffmpeg_exe  # noqa: E402  (the ffmpeg program)
from agent.timebase import US  # noqa: E402
from portal.claims import RequestSpec, request_claims  # noqa: E402

MAX_SEED = 4096
SOURCE = ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-t", "1"]
TONE = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=8000", "-t", "1"]
X264 = ["-c:v", "libx264", "-preset", "ultrafast", "-g", "5", "-pix_fmt", "yuv420p"]
MP4_SEEDS = {
    "faststart.mp4": SOURCE + X264 + ["-movflags", "+faststart"],
    "moov-at-end.mp4": SOURCE + X264,
    "fragmented.mp4": SOURCE + X264 + ["-movflags", "frag_keyframe+empty_moov+default_base_moof"],
    "quicktime.mov": SOURCE + X264,
    "hevc.mp4": SOURCE + ["-c:v", "libx265", "-preset", "ultrafast", "-tag:v", "hvc1",
                          "-x265-params", "log-level=error", "-pix_fmt", "yuv420p"],
    "with-audio.mp4": SOURCE + TONE + X264 + ["-c:a", "aac", "-b:a", "16k", "-shortest",
                                              "-movflags", "+faststart"],
}


def ffmpeg_command(args: list[str], out: Path) -> list[str]:
    """One ffmpeg run writing `out` with the creation time a camera would set."""
    return [ffmpeg_exe(), "-v", "error", "-y", *args, "-metadata",
            "creation_time=2026-11-20T14:05:00Z", str(out)]


def top_boxes(data: bytes) -> list[tuple[bytes, int, int]]:
    """(type, offset, size) of each top-level box."""
    boxes, at = [], 0
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at:at + 8])
        if size == 1:
            size = struct.unpack(">Q", data[at + 8:at + 16])[0]
        if size < 8:
            break
        boxes.append((kind, at, size))
        at += size
    return boxes


def shrink(data: bytes) -> bytes:
    """Keep every header box whole; cut media data to its first bytes, so a seed stays small
    while still describing the whole file."""
    if len(data) <= MAX_SEED:
        return data
    out = b""
    for kind, at, size in top_boxes(data):
        box = data[at:at + size]
        out += _short_mdat(box) if kind == b"mdat" else box
    return out[:MAX_SEED]


def _short_mdat(box: bytes, keep: int = 64) -> bytes:
    """The first bytes of an mdat, its size field rewritten so the boxes after it still line up."""
    if struct.unpack(">I", box[:4])[0] == 1:  # 64-bit size
        return box[:4] + box[4:8] + struct.pack(">Q", keep) + box[16:keep]
    return struct.pack(">I", keep) + box[4:keep]


def mp4_seeds(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, args in MP4_SEEDS.items():
            path = Path(tmp) / name
            subprocess.run(ffmpeg_command(args, path), check=True)
            data = path.read_bytes()
            (folder / name).write_bytes(shrink(data))
            if name == "moov-at-end.mp4":  # power loss: the recorder never wrote its moov
                moov = next(at for kind, at, _ in top_boxes(data) if kind == b"moov")
                (folder / "power-loss.mp4").write_bytes(data[:min(moov, MAX_SEED)])


def claims(**spec) -> dict:
    base = dict(registration_id=fuzz_agency.REGISTRATION,
                start_us=(fuzz_agency.NOW - 7200) * US, end_us=(fuzz_agency.NOW - 3600) * US,
                case_number="2026-000123", requester_name="Det. Jane Roe")
    return request_claims(RequestSpec(**{**base, **spec}), fuzz_agency.AGENCY_ID,
                          fuzz_agency.UPLOAD, 43200, now=fuzz_agency.NOW)


def token_seeds(folder: Path) -> None:
    documents = {
        "minimal": claims(),
        "full": {**claims(cameras=("porch", "yard"), message="Break-in at 14:05, two people.",
                          incident="burglary", legal_basis="warrant", emergency=True,
                          max_bytes=1 << 30),
                 "location": {"lat": 47.6, "lon": -122.3, "radius_m": 150,
                              "address": "1200 Pine St"},
                 "requester": {"name": "Det. Jane Roe", "unit": "North Precinct",
                               "badge": "4471", "email": "roe@police.example.gov",
                               "phone": "+1-206-555-0123"}},
    }
    for name, doc in documents.items():
        token = fuzz_agency.sign(doc).encode("ascii")
        (folder / f"token-{name}").write_bytes(b"\x00" + token)  # even: a token as received
        (folder / f"claims-{name}").write_bytes(b"\x01" + json.dumps(doc).encode())  # odd
    head, body, sig = fuzz_agency.sign(documents["minimal"]).split(".")
    forged = sig[:10] + ("B" if sig[10] == "A" else "A") + sig[11:]  # still canonical base64url
    (folder / "token-bad-signature").write_bytes(b"\x00" + f"{head}.{body}.{forged}".encode())


def main() -> None:
    for name, make in (("mp4box", mp4_seeds), ("token", token_seeds)):
        folder = HERE / "corpus" / name
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        make(folder)
        for seed in sorted(folder.iterdir()):
            print(f"{seed.relative_to(HERE)}\t{seed.stat().st_size} bytes")


if __name__ == "__main__":
    main()
