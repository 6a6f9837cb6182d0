"""An export by hand of several cameras onto a FAT32 drive (most USB sticks hold no file of
4 GiB or more): each camera's clip was checked against the limit only when its turn came, so a
second camera too big was refused after the first was cut and sealed, the owner left with part
of what they chose. Every camera is now checked before any is cut, and the refusal names the
cameras too big. The drive is a folder a mountinfo calls vfat, its limit made small (no 4 GiB
FAT drive can be written here); the footage, the app and the export are real."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent import file_systems  # noqa: E402
from agent.export import drive_limit  # noqa: E402
from agent.export.drive_limit import clip_estimate  # noqa: E402
from agent.export.plan import plan_export  # noqa: E402
from agent.timebase import US  # noqa: E402
from tests.gui_support import footage, settle  # noqa: E402,F401
from tests.test_gui_export_stopped import export_both, win  # noqa: E402,F401


def test_a_camera_too_big_for_a_fat_drive_is_refused_before_any_camera_is_cut(
        qtbot, win, tmp_path, monkeypatch):  # noqa: F811
    stick = tmp_path / "stick"
    stick.mkdir()
    info = tmp_path / "mountinfo"
    info.write_text(f"99 22 8:17 / {os.path.realpath(stick)} rw - vfat /dev/sdb1 rw\n")
    monkeypatch.setattr(file_systems, "MOUNTINFO", info)
    agent, start = win.ctx.agent, win.world.start_us
    page = win.export
    cameras = list(page.strip.checks) if page.strip.checks else None
    sizes = {c: clip_estimate(plan_export(agent.store, c, start + US, start + 7 * US)
                              .coverage.files, start + US, start + 7 * US)
             for c in agent.store.cameras()}
    first, last = cameras or sorted(sizes)
    # The drive's "4 GiB": the first camera's clip fits, the last one's does not.
    monkeypatch.setattr(drive_limit, "FAT_LARGEST", sizes[last] - 1)
    assert sizes[first] < sizes[last], sizes
    export_both(qtbot, win, stick / "clips")
    settle(qtbot, win, timeout=60000)
    said = win.progress.result.text()
    assert win.progress.stage.text() == "It did not work"
    assert f"The clip of {last} would be about" in said and "clips of" not in said
    assert "formatted FAT32" in said and "exFAT or NTFS" in said and "shorter window" in said
    assert not any(stick.iterdir())   # nothing cut, no package, no folder made for one
