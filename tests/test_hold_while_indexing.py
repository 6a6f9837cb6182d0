"""A safe copy made while the watcher indexes a recording of the request's window that the
recorder closed meanwhile (a request for the last hours, its cameras still recording): real
footage, a real index; the watcher's scan is run where it lands in the real world, between
the copy's choice of recordings and its record of where they lie in time."""
from __future__ import annotations

import json

from agent.requests import hold_copies, holds
from agent.requests.hold_top_up import hold_window, missing_rows
from agent.timebase import US
from demo.samples import make_recordings
from tests.conftest import t

T = t("2026-11-20T22:00:00Z")


def test_a_recording_indexed_while_the_copy_is_made_is_left_for_the_next_addition(
        agent, tmp_path, monkeypatch):
    """Seen: `inbox hold` ended with a KeyError (a traceback, the copy thrown away): the
    record of where the copies lie in time read the index again after copying, found the
    recording the watcher had indexed meanwhile, and looked for its copy."""
    folder = tmp_path / "porch"
    first, second = make_recordings(folder, "blue-iris", "porch", T, 2, 3.0, fps=10)
    aside = tmp_path / second.name
    second.rename(aside)   # still being recorded: not in the folder yet
    agent.scan([str(folder)], tz="UTC")
    window = (T, T + 6 * US)
    real = hold_copies.copy_recordings

    def copying_while_indexed(rows, *args, **kwargs):
        done = real(rows, *args, **kwargs)
        aside.rename(second)   # the recorder closed it, and the watcher indexed it
        agent.scan([str(folder)])
        return done
    monkeypatch.setattr(holds, "copy_recordings", copying_while_indexed)
    made = hold_window(agent.home, agent.store, "r1", *window, ("porch",), "r1")
    assert [f.name for f in made.files] == [f"porch/{first.name}"]
    doc = json.loads((made.path / holds.RECORD).read_text())
    assert [r["path"] for r in doc["placed"]["porch"]["recordings"]] == [f"porch/{first.name}"]
    # the next hold adds it, as any recording indexed since the copy was made
    monkeypatch.setattr(holds, "copy_recordings", real)
    assert len(missing_rows(agent.store, made, *window, ("porch",))) == 1
    again = hold_window(agent.home, agent.store, "r1", *window, ("porch",), "r1")
    assert [f.name for f in again.added] == [f"porch/{second.name}"]
