"""Index benchmark: scan, rescan, coverage query and container probe, against named baselines.

    python bench/index.py [--files 100000] [--rows 1000000] [--probe-files 200]

Prints ratios measured in one run on this machine (results: docs/benchmarks.md):
- first scan of a names-only tree vs a bare os.scandir+stat walk of the same warm tree
  (names only: the files are empty, so no container header is read; the probe is measured
  separately below);
- unchanged rescan vs the same bare walk;
- coverage query p99 on an index of --rows rows;
- direct MP4 header probe vs one process per file (Debian's ffprobe when installed, else the
  bundled `ffmpeg -i`), and the largest duration difference in frames.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent.index.coverage import coverage  # noqa: E402
from agent.index.probe import probe  # noqa: E402
from agent.index.rows import FileRow  # noqa: E402
from agent.index.store import Store  # noqa: E402
from imageio_ffmpeg import get_ffmpeg_exe as ffmpeg_exe  # noqa: E402  (the ffmpeg program)
from agent.service import Agent  # noqa: E402
from agent.timebase import US, parse_rfc3339, to_datetime  # noqa: E402
from demo.samples import ClipSpec, write_clip  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
T0 = parse_rfc3339("2026-01-01T00:00:00Z")


def names(n: int) -> list[str]:
    """`n` relative paths in five layouts over 10 cameras, one file per minute per camera."""
    out = []
    cams = 10
    for i in range(n):
        cam, minute = i % cams, i // cams
        s = to_datetime(T0 + minute * 60 * US)
        e = to_datetime(T0 + (minute + 1) * 60 * US)
        kind = cam % 5
        if kind == 0:
            out.append(f"frigate/recordings/{s:%Y-%m-%d/%H}/cam{cam}/{s:%M.%S}.mp4")
        elif kind == 1:
            out.append(f"reolink{cam}/Mp4Record/{s:%Y-%m-%d}/RecM01_{s:%Y%m%d_%H%M%S}_{e:%H%M%S}_6D28808_9A1B2C.mp4")
        elif kind == 2:
            out.append(f"dahua/{s:%Y-%m-%d}/00{cam}/dav/{s:%H}/{s:%H.%M.%S}-{e:%H.%M.%S}[R][0@0][0].mp4")
        elif kind == 3:
            out.append(f"blueiris/Cam{cam}.{s:%Y%m%d_%H%M%S}.mp4")
        else:
            out.append(f"backup/nvr_ch{cam}_main_{s:%Y%m%d%H%M%S}_{e:%Y%m%d%H%M%S}.mp4")
    return out


def build_tree(n: int) -> Path:
    root = CACHE / f"tree-{n}"
    marker = root / ".complete"
    if marker.exists():
        return root
    shutil.rmtree(root, ignore_errors=True)
    for rel in names(n):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.touch()
    old = time.time() - 3600
    for dirpath, _d, files in os.walk(root):
        for f in files:
            os.utime(os.path.join(dirpath, f), (old, old))
    marker.touch()
    return root


def bare_walk(root: Path) -> int:
    count, stack = 0, [str(root)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for e in it:
                if e.is_dir(follow_symlinks=False):
                    stack.append(e.path)
                else:
                    e.stat()
                    count += 1
    return count


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def bench_scan(n: int) -> None:
    root = build_tree(n)
    bare_walk(root)  # warm the cache
    walk_s = timed(lambda: bare_walk(root), 3)
    with tempfile.TemporaryDirectory() as home:
        agent = Agent(home)
        for sub in sorted(p for p in root.iterdir() if p.is_dir()):
            agent.add_source(sub, tz="America/Los_Angeles")
        t = time.perf_counter()
        reports = agent.scan()
        first_s = time.perf_counter() - t
        seen = sum(r.seen for r in reports)
        rescan_s = timed(agent.scan, 3)
        agent.close()
    print(f"tree: {seen} files; bare walk+stat: {walk_s:.3f} s")
    print(f"first scan:     {first_s:.3f} s = {seen / first_s:,.0f} files/s (target >= 150,000); "
          f"{first_s / walk_s:.1f}x bare walk (target <= 15x)")
    print(f"unchanged scan: {rescan_s:.3f} s = {rescan_s / walk_s:.2f}x bare walk (target <= 3x)")


def bench_coverage(rows: int) -> None:
    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home) / "index.db")
        src = store.add_source("/bench", "bench", "UTC", "auto", 0.0)
        cams = 20
        batch = []
        for i in range(rows):
            cam, k = i % cams, i // cams
            start = T0 + k * 60 * US
            batch.append(FileRow(src.id, f"/bench/c{cam}/{k}.mp4", f"cam{cam}", start,
                                 start + 60 * US, 1000, 0, "blue-iris", "ok", None))
            if len(batch) == 50_000:
                store.upsert(batch)
                batch.clear()
        store.upsert(batch)
        span = rows // cams * 60 * US
        rng = random.Random(1)
        samples = []
        for _ in range(2000):
            cam = f"cam{rng.randrange(cams)}"
            s = T0 + rng.randrange(span)
            e = s + rng.choice((60, 600, 3600)) * US
            t = time.perf_counter()
            coverage(cam, store.files(cam, s, e), s, e)
            samples.append(time.perf_counter() - t)
        store.close()
    samples.sort()
    p50, p99 = samples[len(samples) // 2], samples[int(len(samples) * 0.99)]
    print(f"coverage query on {rows:,} rows: p50 {p50 * 1e3:.3f} ms, p99 {p99 * 1e3:.3f} ms (target p99 < 2 ms)")


def process_duration(path: Path) -> tuple[float, float]:
    """(seconds spent, duration) from one external process, the baseline."""
    ffprobe = shutil.which("ffprobe")
    if ffprobe:
        cmd = [ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)]
    else:
        cmd = [ffmpeg_exe(), "-hide_banner", "-i", str(path)]
    t = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True)
    spent = time.perf_counter() - t
    if ffprobe:
        return spent, float(res.stdout.strip())
    m = re.search(r"Duration: (\d+):(\d+):([\d.]+)", res.stderr)
    return spent, int(m.group(1)) * 3600 + int(m.group(2)) * 60 + float(m.group(3))


def bench_probe(count: int) -> None:
    folder = CACHE / "probe"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        p = folder / f"clip{i:04d}.mp4"
        if not p.exists():
            write_clip(ClipSpec(path=p, start_us=T0 + i * 10 * US, seconds=3 + i % 7, fps=15, gop_s=2))
        files.append(p)
    for p in files:
        probe(p)  # warm the page cache for both sides
    t = time.perf_counter()
    facts = [probe(p) for p in files]
    ours = (time.perf_counter() - t) / count
    baseline, worst_frames = [], 0.0
    for p, f in zip(files, facts):
        spent, dur = process_duration(p)
        baseline.append(spent)
        worst_frames = max(worst_frames, abs(dur - f.duration_us / US) * (f.fps or 15))
    theirs = sum(baseline) / count
    name = "ffprobe" if shutil.which("ffprobe") else "bundled `ffmpeg -i`"
    print(f"probe: {ours * 1e6:.1f} us/file vs {name} process {theirs * 1e3:.1f} ms/file = "
          f"{theirs / ours:,.0f}x faster (target >= 1,000x); worst duration difference "
          f"{worst_frames:.2f} frames (target <= 1)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--probe-files", type=int, default=200)
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores")
    bench_scan(args.files)
    bench_coverage(args.rows)
    bench_probe(args.probe_files)


if __name__ == "__main__":
    main()
