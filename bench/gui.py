"""Desktop app benchmark (run by hand; prints measured times against the targets).

    python bench/gui.py [--files 100000] [--stops 12]

- startup: a new Agent + main window shown with the inbox filled, on a home whose index holds
  --files rows (target 1.5 s);
- preview after scrubbing: 1080p H.264, 25 fps, a keyframe every 4 s; the preview pane is
  scrubbed across the clip like a mouse drag (60 positions a second), then stops; measured from
  the last position to its frame on screen (target 150 ms), for --stops stop points including
  the worst case, the last frame of a GOP. Two times: the first picture (the pane shows the
  frame its decode reached within 90 ms, then carries on) and the exact frame. Baseline: the same frame decoded cold (seek to the
  keyframe, decode forward) with no cache.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from agent.index.rows import FileRow  # noqa: E402
from agent.media.preview import Previewer  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import US, parse_rfc3339  # noqa: E402
from demo.samples import ClipSpec, write_clip  # noqa: E402
from gui.shell.app import application, build  # noqa: E402
from gui.shell.tray import Tray  # noqa: E402
from gui.widgets.preview_pane import PreviewPane  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "gui"
T0 = parse_rfc3339("2026-01-01T00:00:00Z")
GOP_S, FPS, SECONDS = 4.0, 25, 12.0


def pump(app, until, timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while not until() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)


def fill_index(home: Path, files: int) -> None:
    """`files` rows over 10 cameras, one minute each (synthetic rows: startup reads none)."""
    agent = Agent(home)
    root = home.parent / "rec"
    root.mkdir(exist_ok=True)
    src = agent.add_source(root, tz="UTC")
    rows = [FileRow(src.id, str(root / f"cam{i % 10}" / f"{i}.mp4"), f"cam{i % 10}",
                    T0 + (i // 10) * 60 * US, T0 + (i // 10 + 1) * 60 * US, 1_000_000,
                    1_700_000_000 * 10**9, "blue-iris", "ok", None)
            for i in range(files)]
    for n in range(0, files, 20_000):
        agent.store.upsert(rows[n:n + 20_000])
    agent.close()


def startup(app, files: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        fill_index(home, files)
        t0 = time.perf_counter()
        agent = Agent(home)
        window = build(agent, zone="UTC", tray=Tray())
        window.show()
        window.start()
        pump(app, lambda: window.pages.currentWidget() is window.inbox
             and window.inbox._known is not None and window.ctx.bridge.idle())
        elapsed = time.perf_counter() - t0
        assert agent.store.count() == files
        window.shutdown()
        window.close()
        agent.close()
        return elapsed


def clip_1080p() -> Path:
    path = CACHE / "cam1080-gop4.mp4"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        write_clip(ClipSpec(path=path, start_us=T0, seconds=SECONDS, fps=FPS, gop_s=GOP_S,
                            width=1920, height=1080))
        os.utime(path, (1_700_000_000, 1_700_000_000))
    return path


def scrub_stops(app, stops: int) -> tuple[list[float], list[float], list[float]]:
    clip = clip_1080p()
    with tempfile.TemporaryDirectory() as tmp:
        agent = Agent(Path(tmp) / "home")
        agent.scan([str(clip.parent)], tz="UTC")
        camera = agent.recordings()[0].camera
        window = build(agent, zone="UTC", tray=Tray())
        pane = PreviewPane(window.ctx)
        pane.resize(640, 400)
        pane.show()
        shown = []
        pane.frameShown.connect(lambda f: shown.append((time.perf_counter(), f)))
        rng = random.Random(7)
        gop_ends = [T0 + int((k + 1) * GOP_S * US) - US // FPS for k in range(int(SECONDS / GOP_S))]
        targets = gop_ends + [T0 + rng.randrange(int(SECONDS * US) - US) for _ in
                              range(max(0, stops - len(gop_ends)))]
        waits, firsts = [], []
        at = T0
        # Half the stops are a drag towards the target, the rest a single click straight onto
        # the last frame of a GOP not decoded yet (nothing decoded on the way: the worst case).
        clicks = [(e, True) for e in reversed(gop_ends)]
        for target, click in [(t, False) for t in targets] + clicks:
            for step in range(0 if click else 15):   # a quarter-second drag to the target
                pane.show_at(camera, at + (target - at) * step // 15)
                app.processEvents()
                time.sleep(1 / 60)
            if click:
                fresh_gop = window.ctx.previewer
                fresh_gop.close()                # drop decoder state: no head start
                fresh_gop._cache.clear()
            shown.clear()
            t0 = time.perf_counter()
            pane.show_at(camera, target)
            pump(app, lambda: pane.shown_at == (camera, target) and shown)
            firsts.append(shown[0][0] - t0)
            waits.append(shown[-1][0] - t0)
            if os.environ.get("BENCH_VERBOSE"):
                how = "click on" if click else "drag to"
                print(f"  {how} {(target - T0) / US:6.2f} s from {(at - T0) / US:6.2f} s: "
                      f"first picture {firsts[-1] * 1000:.0f} ms, exact frame "
                      f"{waits[-1] * 1000:.0f} ms")
            at = target
        cold = []
        for target in targets:
            fresh = Previewer(agent.usable_recordings, cache_frames=1)
            t0 = time.perf_counter()
            fresh.frame(camera, target, 640)
            cold.append(time.perf_counter() - t0)
            fresh.close()
        window.shutdown()
        window.close()
        agent.close()
        return firsts, waits, cold


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=100_000)
    parser.add_argument("--stops", type=int, default=12)
    args = parser.parse_args()
    app = application()
    took = startup(app, args.files)
    print(f"startup with {args.files} indexed files: {took * 1000:.0f} ms "
          f"(target 1500 ms, {took / 1.5:.2f} of the budget)")
    firsts, waits, cold = scrub_stops(app, args.stops)
    print(f"preview after the scrub stops, 1080p H.264 GOP {GOP_S:.0f} s, {len(waits)} stops:")
    for name, values in (("first picture", firsts), ("exact frame", waits)):
        ms = sorted(w * 1000 for w in values)
        print(f"  {name}: median {statistics.median(ms):.0f} ms, max {ms[-1]:.0f} ms "
              f"(target 150 ms, worst {ms[-1] / 150:.2f} of the budget)")
    print(f"baseline, same frames decoded cold without the pane: median "
          f"{statistics.median(cold) * 1000:.0f} ms, max {max(cold) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
