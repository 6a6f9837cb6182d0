"""The app, run for real (gui.shell.app.run) on the demo world, put in one state and then
stopped by a signal the test sends: `python tests/gui_stop_child.py STATE FOLDER`.

STATE is `polling` (the service polling the demo portal, a settings change not saved: a signal
never asks about it, where quitting would), `scanning` (adding a big recordings
folder on the set-up page), `exporting` (an export by hand, faces blurred) or `uploading` (a
request approved, its package going up at a slow rate). The child prints `state STATE` once
there, and at the end one JSON line: the exit code and every job the app started (its name,
whether it was cancelled, whether it ended).
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from agent.service import Agent  # noqa: E402
from demo.world import serve, write_sample_footage  # noqa: E402
from gui.shell import app as gui_app  # noqa: E402
from gui.shell.bridge import Bridge  # noqa: E402
from gui.shell.main_window import MainWindow  # noqa: E402

STATES = ("polling", "scanning", "exporting", "uploading")


def junk_folder(root: Path, files: int) -> Path:
    """A recordings folder with many small files: its first scan takes a few seconds."""
    for i in range(files // 100):
        sub = root / f"2026-01-{i % 28 + 1:02d}" / f"{i:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for j in range(100):
            (sub / f"{j:02d}.{i:03d}.mp4").write_bytes(b"\0" * 64)
    return root


def main(state: str, folder: Path) -> int:
    footage = write_sample_footage(folder, 2)
    world, portal = serve(folder, footage)
    big = junk_folder(folder / "big", 16000) if state == "scanning" else None
    agent = Agent(world.home)
    jobs: list = []
    try:
        agent.requests.sync()
        if state == "uploading":   # about 4 kB/s: the upload lasts far longer than the test
            from dataclasses import replace
            agent.set_settings(replace(agent.settings, upload_rate_limit_bps=4000))
        app = gui_app.application()

        def window() -> MainWindow:
            return next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))

        bridge_run = Bridge.run

        def noted(bridge, name, work, done=None, failed=None):   # every job the app starts
            job = bridge_run(bridge, name, work, done, failed)
            jobs.append(job)
            return job
        Bridge.run = noted

        def kick() -> None:
            win = window()
            win.ctx.bridge.jobProgress.connect(lambda _id, stage, _f: progressed(stage))
            if state == "scanning":
                win.show_page("first_run")
                win.first_run.folder.path.setText(str(big))
                win.first_run.folder.add()
                QTimer.singleShot(150, lambda: say("scanning" if scanning() else "missed"))
            elif state == "exporting":
                win.show_page("export")
                QTimer.singleShot(1500, lambda: export(win))
            elif state == "uploading":
                view = next(v for v in agent.requests.list() if v.status == "new")
                win.open_request(view)
                approve_when_ready(win.request)
            else:
                QTimer.singleShot(1000, lambda: unsaved_settings(win))

        said = set()

        def unsaved_settings(win) -> None:   # once the first page is up
            win.show_page("settings")
            win.settings.holds.setChecked(not win.settings.holds.isChecked())
            say("polling")

        def scanning() -> bool:
            return any(j.name == "add-source" and not j.wait(0) for j in jobs)

        def say(what: str) -> None:
            if what not in said:
                said.add(what)
                print(f"state {what}", flush=True)

        def progressed(stage: str) -> None:
            if state == "exporting" and "cutting" in stage:
                say("exporting")
            if state == "uploading" and "upload" in stage:
                say("uploading")

        def export(win) -> None:
            page = win.export
            if not page.cameras:   # the page finds its cameras in a job of its own
                QTimer.singleShot(100, lambda: export(win))
                return
            page.folder.setText(str(folder / "exports"))
            page.set_time(page.start_edit, footage.times.start_us)
            page.set_time(page.end_edit, footage.times.end_us)
            page.show_range()
            page.options.exact_mode.setChecked(True)
            page.options.faces.setChecked(True)    # slow on purpose: every frame re-encoded
            go_when_ready(page)

        def approve_when_ready(page) -> None:
            """Approve once its timelines have their coverage (a job): an approve before it
            finds no seconds to send and does nothing, which a fixed 1.5 s wait met on a
            loaded machine (CI: the child never uploaded, the test's 180 s ran out)."""
            if page.outgoing().seconds > 0:
                page.approve()
            else:
                QTimer.singleShot(100, lambda: approve_when_ready(page))

        def go_when_ready(page) -> None:   # once the timelines have their coverage (a job)
            if page.outgoing().parts:
                page.export()
            else:
                QTimer.singleShot(100, lambda: go_when_ready(page))

        QTimer.singleShot(0, kick)
        began = time.monotonic()
        code = gui_app.run(agent)
        print(json.dumps({"code": code, "quit_s": round(time.monotonic() - began, 2),
                          "jobs": [{"name": j.name, "cancelled": j.cancelled,
                                    "ended": j.wait(0)} for j in jobs]}), flush=True)
        return code
    finally:
        agent.close()
        portal.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
