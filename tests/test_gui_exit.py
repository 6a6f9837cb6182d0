"""The app ends cleanly: no refcount abort when it exits after scrubbing previews.

PySide6 6.12.0's Signal.emit() returned True without a reference of its own, so every emit took
one reference from True until the interpreter aborted ("Fatal Python error: bool_dealloc") at
exit, or earlier. pyproject.toml keeps that release out; these tests find the fault in any.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

ROOT = Path(__file__).resolve().parent.parent


EMIT_AND_COUNT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Source(QObject):
        fired = Signal(object)

    app = QCoreApplication([])
    source, heard = Source(), [0]

    def count(_value):
        heard[0] += 1
    before = sys.getrefcount(True), sys.getrefcount(False)
    for value in (None, 1, True, False) * 25:
        source.fired.emit(value)
    source.fired.connect(count)
    for value in (None, 1, True, False) * 25:
        source.fired.emit(value)
    del value  # the loop's last value holds a reference of its own
    print(heard[0], *before, sys.getrefcount(True), sys.getrefcount(False))
""")


def test_emitting_a_signal_leaves_the_references_to_true_and_false_alone():
    # In a process of its own: in the test worker, threads left by other tests' code may
    # take or drop a reference to True or False while the counts are read.
    res = subprocess.run([sys.executable, "-c", EMIT_AND_COUNT], capture_output=True, text=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    heard, true_before, false_before, true_after, false_after = map(int, res.stdout.split())
    assert heard == 100
    assert (true_after, false_after) == (true_before, false_before)


SCRUB_AND_QUIT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from agent.service import Agent
    from demo.gui_data import write_footage
    from gui.shell.app import application, build
    from gui.shell.tray import Tray
    from gui.widgets.preview_pane import PreviewPane
    root, home = Path(sys.argv[1]), Path(sys.argv[2])
    start = (int(time.time()) - 3600) * 1_000_000
    write_footage(root, start, 4.0)
    app = application()
    agent = Agent(home)
    agent.scan([str(root)], tz="UTC")
    camera = agent.cameras()[0]
    window = build(agent, zone="UTC", tray=Tray())
    pane = PreviewPane(window.ctx)
    pane.show()
    for step in range(400):   # a long drag: several hundred signals, far more than True can lose
        pane.show_at(camera, start + (step % 40) * 100_000)
        app.processEvents()
    deadline = time.monotonic() + 30
    while not window.ctx.bridge.idle() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)
    window.shutdown()
    window.close()
    agent.close()
    app.quit()
    print("scrubbed and closed", flush=True)
""")


def test_scrubbing_previews_and_quitting_exits_0(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    res = subprocess.run([sys.executable, "-c", SCRUB_AND_QUIT, str(tmp_path / "rec"),
                          str(tmp_path / "home")], capture_output=True, text=True, env=env,
                         timeout=240)
    assert "scrubbed and closed" in res.stdout, res.stderr[-2000:]
    assert res.returncode == 0, res.stderr[-2000:]
    assert "Fatal Python error" not in res.stderr
