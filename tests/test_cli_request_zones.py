"""`inbox show` printed "Window" on the camera's clock and "Answer by" on this computer's, each
with only a zone abbreviation (JST, PST) and nothing saying which clock is which: an owner
whose camera's folder is in another zone than this PC read the two as on one clock (CLI hunt
8). Where the zones differ, each now says whose clock it is on and the zone's name; where they
are the same, nothing is added."""
from __future__ import annotations

from tests.test_display import _request_file, owner  # noqa: F401  (the fixture)


def _show(run, path) -> list[str]:
    code, out, err = run("import-request", str(path))
    assert code == 0, err
    code, out, err = run("inbox", "show", out.split("\t")[0])
    assert code == 0, err
    return out.splitlines()


def test_inbox_show_says_whose_clock_each_time_is_on_where_the_zones_differ(owner, monkeypatch):
    portal, reg, run, tmp = owner
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    folder = tmp / "Front door"
    folder.mkdir()
    assert run("sources", "add", str(folder), "--tz", "Asia/Tokyo")[0] == 0
    lines = _show(run, _request_file(portal, reg, tmp, cameras=("Front door",)))
    window = next(x for x in lines if x.startswith("Window"))
    answer = next(x for x in lines if x.startswith("Answer by"))
    assert window.startswith("Window (the camera's clock, Asia/Tokyo): ") and "JST" in window
    assert answer.startswith("Answer by (this computer's clock, America/Los_Angeles): ")
    assert "JST" not in answer

    # The camera's folder in this PC's zone: one clock, nothing added.
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    lines = _show(run, _request_file(portal, reg, tmp, cameras=("Front door",), case="2026-78"))
    assert any(x.startswith("Window: ") for x in lines)
    assert any(x.startswith("Answer by: ") for x in lines)
