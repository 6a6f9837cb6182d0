"""Redaction benchmark: face blurring (and masks) of 1080p 15 fps footage, against realtime.

    python bench/redact.py [--quick] [--seconds N]

Generates (once, cached in bench/.cache) a 1920x1080 15 fps libx264 file (4 s GOP, no
B-frames) of testsrc2 with two real face photographs (scikit-image's astronaut) moving across
it (--quick: 640x360). Then, from one run on this machine, prints:
- the redacted exact cut (faces blurred + one privacy mask, gate included) in frames per
  second and as a multiple of realtime (target >= 2x at 1080p 15 fps);
- the same window re-encoded whole without redaction (the floor redaction builds on);
- where the time goes: decode, waiting for a detection, blur and masks, the encoder
  (PyAV's libx264, in this process: the calls into it, including waiting for its threads),
  the gate, and the process's CPU time; detection (downscale + CenterFace on onnxruntime)
  runs on its own thread alongside, and its time is shown apart.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent.export import faces, redact, reencode  # noqa: E402
from agent.export.clip_writer import write_clip  # noqa: E402
from agent.export.cut import SourceSpan, cut  # noqa: E402
from agent.export.faces import FaceOptions  # noqa: E402
from agent.export.gate import gate  # noqa: E402
from agent.export.masks import CameraMasks, Polygon  # noqa: E402
from agent.export.progress import Tracker  # noqa: E402
from agent.export.resample import area_resize  # noqa: E402
from imageio_ffmpeg import get_ffmpeg_exe as ffmpeg_exe  # noqa: E402  (the ffmpeg program)
from agent.timebase import US, parse_rfc3339  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
T0 = parse_rfc3339("2026-01-01T00:00:00Z")
FULL = {"size": (1920, 1080), "face": 280, "fps": 15, "gop": 60, "file_s": 24}
QUICK = {"size": (640, 360), "face": 100, "fps": 15, "gop": 60, "file_s": 8}
MASK = CameraMasks("bench", (Polygon(((0.70, 0.05), (0.95, 0.05), (0.95, 0.30), (0.70, 0.30)),
                                     "neighbour's window"),))


def face_png(path: Path, side: int) -> Path:
    from skimage.data import astronaut
    from skimage.io import imsave

    imsave(path, area_resize(astronaut()[20:220, 140:320], side * 9 // 10, side))
    return path


def source_command(out: Path, png: Path, cfg: dict) -> list[str]:
    """testsrc2 with the face photo walking right and another walking left."""
    w, h = cfg["size"]
    moves = (f"[0][1]overlay=x='mod(t*{w // 8}, {w})':y='{h // 4}+{h // 10}*sin(t)'[a];"
             f"[a][1]overlay=x='{w}-mod(t*{w // 6}, {w})':y='{h // 2}'")
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=size={w}x{h}:rate={cfg['fps']}",
            "-loop", "1", "-i", str(png), "-filter_complex", moves, "-t", str(cfg["file_s"]),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", str(cfg["gop"]),
            "-keyint_min", str(cfg["gop"]), "-sc_threshold", "0", "-bf", "0",
            "-pix_fmt", "yuv420p", str(out)]


def source(cfg: dict, tag: str) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"redact-{tag}.mp4"
    if not path.exists():
        print(f"generating {path.name} (cached for next time) ...", flush=True)
        part = path.with_suffix(".part.mp4")
        png = face_png(CACHE / f"redact-face-{tag}.png", cfg["face"])
        subprocess.run(source_command(part, png, cfg), check=True)
        part.rename(path)
    return path


class Timers:
    """Wall time spent inside chosen functions (wrapped for the run, then restored)."""

    def __init__(self):
        self.spent: dict[str, float] = defaultdict(float)
        self._undo = []

    def wrap(self, owner, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.spent[label] += time.perf_counter() - began
        setattr(owner, name, timed)
        self._undo.append((owner, name, original))

    def restore(self) -> None:
        for owner, name, original in reversed(self._undo):
            setattr(owner, name, original)


def own_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="640x360, a few seconds")
    ap.add_argument("--seconds", type=float, default=None, help="window length (default 20 s)")
    args = ap.parse_args()
    cfg, tag = (QUICK, "quick") if args.quick else (FULL, "full")
    path = source(cfg, tag)
    seconds = args.seconds or min(20.0, cfg["file_s"] - 2)
    start = T0 + US // 2                      # mid-GOP, like a real request
    end = start + round(seconds * US)
    spans = [SourceSpan(path, T0)]
    with tempfile.TemporaryDirectory(prefix="bench-redact-") as tmp_name:
        tmp = Path(tmp_name)
        began = time.perf_counter()
        plain = write_clip(spans, start, end, tmp / "plain.mp4", "exact", False,
                           Tracker(None, None), whole=True)
        gate(plain.path, plain.delivered_start_us, start, end)
        t_plain = time.perf_counter() - began

        timers = Timers()
        timers.wrap(reencode.Reencode, "feed", "feed")
        timers.wrap(reencode.Reencode, "_take", "take")
        timers.wrap(redact.FrameSession, "_detect", "detect")
        timers.wrap(faces.FaceTrack, "_collect", "collect")
        timers.wrap(redact.FrameSession, "_apply", "blur")
        timers.wrap(reencode.Reencode, "_encode", "encode")
        timers.wrap(sys.modules["agent.export.cut"], "gate", "gate")
        cpu0 = own_cpu()
        began = time.perf_counter()
        try:
            result = cut(spans, start, end, tmp / "redacted.mp4",
                         redaction=redact.Redaction(masks=MASK, faces=FaceOptions()))
        finally:
            timers.restore()
        wall = time.perf_counter() - began
        cpu = own_cpu() - cpu0
    s = timers.spent
    report = result.redaction
    parts = {"decode": s["feed"] - s["take"],
             "waiting for a detection": s["collect"], "blur + masks": s["blur"],
             "encoder (incl. waiting for it)": s["encode"],
             "gate (decode + check)": s["gate"]}
    parts["other (setup, muxing)"] = max(0.0, wall - sum(parts.values()))
    w, h = cfg["size"]
    print(f"\nwindow: {seconds:g} s of {w}x{h} @ {cfg['fps']} fps = {result.frames} frames, "
          f"two moving faces, one mask")
    print(f"whole re-encode, no redaction (gate incl.) {t_plain:7.2f} s  "
          f"{plain.frames / t_plain:6.1f} frames/s: the floor redaction builds on")
    print(f"redacted cut (gate incl.)                 {wall:7.2f} s  {result.frames / wall:6.1f} frames/s  "
          f"-> {seconds / wall:.2f}x realtime (target >= 2x)")
    print(f"  detections {report.detections}, faces found {report.faces_found}, "
          f"frames blurred {report.blurred_frames}/{report.frames}")
    for name, spent in parts.items():
        print(f"  {name:38s} {spent:7.2f} s  {100 * spent / wall:5.1f}% of wall time")
    print(f"  {'detect (its own thread, overlapping)':38s} {s['detect']:7.2f} s  "
          f"{100 * s['detect'] / wall:5.1f}% of wall time")
    print(f"  CPU time of the process (all threads)  {cpu:7.2f} s  "
          f"= {cpu / wall:.2f} cores busy  ({'load %.2f %.2f %.2f' % os.getloadavg()})")


if __name__ == "__main__":
    main()
