"""Request page hunt: with "keep a safe copy" on, a request at the edge of what the recorder
keeps had its oldest recording deleted (the recorder making room) between the copy's check and
the copy. The copy passed it over and held the rest (test_hold_recording_gone.py), and only
`inbox hold` in a terminal said so: the request's page said nothing at all, so the owner,
counting on the copy, could not know the first seconds of the window were in it no more.
The page now says which camera and which stretch were deleted before they could be kept,
when it is opened later too (hold.json records them), in the owner's language.

The app offscreen, real footage and index; the recorder's deletion is this test deleting the
driveway's first recording once the copy's check has passed."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import ZONE, open_window, settle, spanish  # noqa: E402,F401 (a fixture)


def _deleted_as_it_is_copied(monkeypatch, recording):
    from agent.requests import holds
    checked = holds.copy_problem

    def then_deleted(*args, **kwargs):
        problem = checked(*args, **kwargs)
        recording.unlink()   # the recorder makes room: its oldest recording goes
        return problem
    monkeypatch.setattr(holds, "copy_problem", then_deleted)


def _stretch(start_us: int, end_us: int) -> tuple[str, str]:
    from agent.timebase import US
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo
    at = [datetime.fromtimestamp(us / US, timezone.utc).astimezone(ZoneInfo(ZONE))
          for us in (start_us, end_us)]
    return f"{at[0]:%H:%M:%S}", f"{at[1]:%H:%M:%S %Z}"


def _open_held(qtbot, tmp_path, monkeypatch):
    from agent.config import Settings

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    first = sorted((world.recordings / "frigate").rglob("*.mp4"))[0]
    window, agent = open_window(qtbot, world.home)
    agent.set_settings(Settings(holds_on_new_request=True))
    _deleted_as_it_is_copied(monkeypatch, first)
    agent.requests.import_request(world.request_file)   # copied as it arrives
    window.inbox.refresh()
    settle(qtbot, window)
    window.open_request(window.inbox.views[0])
    settle(qtbot, window)
    return world, window, agent


def test_recordings_deleted_before_the_safe_copy_could_keep_them_are_said_on_the_page(
        qtbot, tmp_path, monkeypatch):
    world, window, agent = _open_held(qtbot, tmp_path, monkeypatch)
    try:
        made = agent.requests.held(world.request_id)
        record = json.loads((made.path / "hold.json").read_text())
        assert [g["camera"] for g in record["gone"]] == ["driveway"], record.get("gone")
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        start, end = _stretch(world.start_us, world.start_us + 2_000_000)
        assert kept.words.text() == (
            f"driveway: its recordings from {start} to {end} were deleted from its folder "
            "before the safe copy could keep them."), kept.words.text()
        assert kept.button.isHidden() and kept.add.isHidden() and kept.again.isHidden()
    finally:
        window.close()
        agent.close()


def test_recordings_deleted_before_the_safe_copy_could_keep_them_are_said_in_spanish(
        qtbot, tmp_path, monkeypatch, spanish):  # noqa: F811
    world, window, agent = _open_held(qtbot, tmp_path, monkeypatch)
    try:
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        start, end = _stretch(world.start_us, world.start_us + 2_000_000)
        assert kept.words.text() == (
            f"«driveway»: sus grabaciones de {start} a {end} se borraron de su carpeta antes "
            "de que la copia a salvo pudiera conservarlas."), kept.words.text()
    finally:
        window.close()
        agent.close()
