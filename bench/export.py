"""Export benchmark: our cut against named baselines, on 1080p H.264 files.

    python bench/export.py [--quick] [--no-rss]

Generates (once, cached in bench/.cache) three 5-minute 1920x1080 15 fps libx264 ultrafast
files with a 4 s GOP (--quick: three 40-second 640x360 files). The window is 10 minutes
(--quick: 80 s) starting mid-GOP in file 1. Prints, from one run on this machine:
- copy-mode cut vs `ffmpeg -f concat -safe 0 -i list -c copy` over the same three files, both
  the whole files and the same window (inpoint/outpoint); target <= 1.5x. Our cut is timed
  without the gate (the gate decodes every frame; its time is printed on its own);
- exact vs copy (target <= 3x), both without the gate;
- exact vs re-encoding the whole window with libx264 ultrafast (target >= 20x faster);
- peak RSS (resource.getrusage in a fresh subprocess) of a full cut(), gate included, of a
  1-hour window (--quick: 12 x 40 s) in copy and exact mode: 12 spans that reuse the three
  files with consecutive start times; target < 250 MB.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent.export.cut import SourceSpan, cut, write_clip  # noqa: E402
from agent.export.gate import gate  # noqa: E402
from agent.export.progress import Tracker  # noqa: E402
from agent.media.ffmpeg import ffmpeg_exe  # noqa: E402
from agent.timebase import US, parse_rfc3339  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
T0 = parse_rfc3339("2026-01-01T00:00:00Z")
FULL = {"size": "1920x1080", "fps": 15, "gop": 60, "file_s": 300, "start_s": 62, "window_s": 600}
QUICK = {"size": "640x360", "fps": 15, "gop": 60, "file_s": 40, "start_s": 6, "window_s": 80}


def source_command(out: Path, size: str, fps: int, gop: int, seconds: int, seed: int) -> list[str]:
    """A camera-like file: testsrc2, fixed GOP, no B-frames."""
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", f"testsrc2=size={size}:rate={fps},hue=h={seed * 40}", "-t", str(seconds),
            "-c:v", "libx264", "-preset", "ultrafast", "-g", str(gop), "-keyint_min", str(gop),
            "-sc_threshold", "0", "-bf", "0", "-pix_fmt", "yuv420p", str(out)]


def concat_command(listing: Path, out: Path) -> list[str]:
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat",
            "-safe", "0", "-i", str(listing), "-c", "copy", str(out)]


def reencode_command(listing: Path, out: Path) -> list[str]:
    return [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "concat",
            "-safe", "0", "-i", str(listing), "-an", "-c:v", "libx264", "-preset", "ultrafast",
            str(out)]


def listing(path: Path, files: list[Path], inpoint: float | None, outpoint: float | None) -> Path:
    lines = []
    for i, f in enumerate(files):
        lines.append(f"file '{f}'")
        if i == 0 and inpoint is not None:
            lines.append(f"inpoint {inpoint}")
        if i == len(files) - 1 and outpoint is not None:
            lines.append(f"outpoint {outpoint}")
    path.write_text("\n".join(lines) + "\n")
    return path


def sources(cfg: dict, tag: str) -> list[Path]:
    CACHE.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(3):
        path = CACHE / f"export-{tag}-{i}.mp4"
        if not path.exists():
            print(f"generating {path.name} (cached for next time) ...", flush=True)
            part = path.with_suffix(".part.mp4")
            subprocess.run(source_command(part, cfg["size"], cfg["fps"], cfg["gop"],
                                          cfg["file_s"], i), check=True)
            part.rename(path)
        files.append(path)
    return files


def timed(fn) -> tuple[float, object]:
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


def rss_child(spans: list[tuple[str, int]], start: int, end: int, out: str, mode: str) -> None:
    """Run in a fresh process: one full cut(), then print its peak RSS."""
    import resource

    result = cut([SourceSpan(Path(p), s) for p, s in spans], start, end, Path(out), mode=mode)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rss_mb": peak_kb / 1024, "frames": result.frames}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small files, under a minute")
    ap.add_argument("--no-rss", action="store_true", help="skip the 1-hour peak-RSS cut")
    args = ap.parse_args()
    cfg, tag = (QUICK, "quick") if args.quick else (FULL, "full")
    files = sources(cfg, tag)
    file_us = cfg["file_s"] * US
    spans = [SourceSpan(f, T0 + i * file_us) for i, f in enumerate(files)]
    start = T0 + cfg["start_s"] * US + US // 2        # mid-GOP
    end = start + cfg["window_s"] * US
    outpoint = (end - T0 - 2 * file_us) / US
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp_name:
        tmp = Path(tmp_name)
        lst_all = listing(tmp / "all.txt", files, None, None)
        lst_win = listing(tmp / "win.txt", files, (start - T0) / US, outpoint)
        t_concat_all, _ = timed(lambda: subprocess.run(concat_command(lst_all, tmp / "c1.mp4"),
                                                       check=True))
        t_concat_win, _ = timed(lambda: subprocess.run(concat_command(lst_win, tmp / "c2.mp4"),
                                                       check=True))
        t_copy, copy = timed(lambda: write_clip(spans, start, end, tmp / "copy.mp4", "copy",
                                                False, Tracker(None, None)))
        t_gate, report = timed(lambda: gate(tmp / "copy.mp4", copy.delivered_start_us,
                                            start, end))
        t_exact, exact = timed(lambda: write_clip(spans, start, end, tmp / "exact.mp4", "exact",
                                                  False, Tracker(None, None)))
        t_full, _ = timed(lambda: subprocess.run(reencode_command(lst_win, tmp / "re.mp4"),
                                                 check=True))
        minutes = cfg["window_s"] / 60
        print(f"\nwindow: {minutes:g} min of {cfg['size']} @ {cfg['fps']} fps, "
              f"GOP {cfg['gop'] / cfg['fps']:g} s, starting mid-GOP in file 1")
        print(f"copy cut (no gate)        {t_copy:7.2f} s  {copy.frames} frames, "
              f"shortfall {copy.shortfall_start_us / US:.2f} s at the start")
        print(f"ffmpeg concat -c copy     {t_concat_all:7.2f} s  whole files  "
              f"-> ratio {t_copy / t_concat_all:.2f}x (target <= 1.5x)")
        print(f"ffmpeg concat -c copy     {t_concat_win:7.2f} s  same window  "
              f"-> ratio {t_copy / t_concat_win:.2f}x")
        print(f"gate of the copy clip     {t_gate:7.2f} s  ok={report.ok} "
              f"({report.frames / max(t_gate, 1e-9):.0f} frames/s decoded)")
        print(f"exact cut (no gate)       {t_exact:7.2f} s  {exact.reencoded_frames} of "
              f"{exact.frames} frames re-encoded -> {t_exact / t_copy:.2f}x copy "
              "(target <= 3x)")
        print(f"re-encode whole window    {t_full:7.2f} s  libx264 ultrafast -> exact is "
              f"{t_full / t_exact:.1f}x faster (target >= 20x)")
        if not args.no_rss:
            hour = [(str(files[i % 3]), T0 + i * file_us) for i in range(12)]
            h_start = T0 + US // 2                       # mid-GOP; the last 0.5 s is missing
            h_end = h_start + 12 * file_us
            for mode in ("copy", "exact"):
                code = ("import sys, json; sys.path.insert(0, %r); from bench.export import "
                        "rss_child; rss_child(*json.loads(sys.argv[1]))"
                        % str(Path(__file__).resolve().parent.parent))
                arg = json.dumps([hour, h_start, h_end, str(tmp / f"hour-{mode}.mp4"), mode])
                t_rss, proc = timed(lambda: subprocess.run([sys.executable, "-c", code, arg],
                                                           capture_output=True, text=True))
                if proc.returncode != 0:
                    print(f"1-hour {mode} cut failed: {proc.stderr.strip()[-500:]}")
                    continue
                got = json.loads(proc.stdout.strip().splitlines()[-1])
                print(f"peak RSS, {(h_end - h_start) / US / 60:.0f}-min {mode} cut with gate "
                      f"{got['rss_mb']:6.1f} MB  ({got['frames']} frames, {t_rss:.0f} s; "
                      "12 spans reusing the 3 files) (target < 250 MB)")


if __name__ == "__main__":
    main()
