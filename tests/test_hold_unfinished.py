"""Holds hunt: with Settings' "keep a safe copy" on, a request's recordings are copied as it
arrives. The process ended part way through that copy (a power cut, Windows restarting the PC
for an update, a crash: no stop is heard, nothing is logged) and was started again: the request
stayed `new` with no safe copy, no `hold` record said a try failed, so its page said nothing
and offered nothing, and no later check for requests made it; the owner, counting on the copy,
was never told while the recorder went on writing over the window. Now each check for
requests (the app's and `run`'s poll thread, `inbox sync`) makes the copy of a request still
new, with the setting on, whose copy was never tried to the end.

A real portal, the CLI in process, real footage and index. The process ending is this test
raising KeyboardInterrupt from inside the copy, which leaves the inbox and the activity log as
a kill does (the copy's hidden folder a kill leaves is the home's tidy's)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from agent.requests import hold_copies
from agent.service import Agent
from agent.timebase import US
from tests.test_held_footage import flow, manifest  # noqa: F401 (a fixture)
from tests.test_requests_e2e import T0, only_request


def _keep_safe_copies(home: Path, on: bool = True) -> None:
    agent = Agent(home)
    try:
        agent.set_settings(replace(agent.settings, holds_on_new_request=on))
    finally:
        agent.close()


def _holds(home: Path) -> list[dict]:
    from agent.audit.log import AuditLog
    return [r["data"] for r in AuditLog(home).entries() if r["event"] == "hold"]


def test_a_copy_the_process_ended_part_way_is_made_at_the_next_check(flow, monkeypatch):
    portal, run, reg, porch = flow
    _keep_safe_copies(run.home)
    reading = hold_copies.read_chunks

    def ended(src, *args, **kwargs):
        yield from []
        raise KeyboardInterrupt   # the process ends here, as a kill would end it

    monkeypatch.setattr(hold_copies, "read_chunks", ended)
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 130   # as Ctrl-C ends it; a kill says nothing
    jti = only_request(run)["id"]
    shown = run.json("inbox", "show", "--", jti)
    assert (shown["status"], shown["hold"], _holds(run.home)) == ("new", None, [])
    # started again: the next check for requests makes the copy
    monkeypatch.setattr(hold_copies, "read_chunks", reading)
    code, _, err = run("inbox", "sync")
    assert code == 0, err
    shown = run.json("inbox", "show", "--", jti)
    assert shown["status"] == "held" and shown["hold"], shown
    assert sorted(manifest(Path(shown["hold"]))) == sorted(
        f"porch/{p.name}" for p in sorted(porch.iterdir())[:2])
    (logged,) = _holds(run.home)
    assert logged["id"] == jti and logged.get("ok", True)


def test_a_copy_tried_and_failed_or_with_the_setting_off_is_left_to_the_owner(flow,
                                                                             monkeypatch):
    """A try that failed is said on the request's page, with its button: the next check does
    not try it again and again (a full disk would be tried every minute). With the setting off
    nothing is copied by itself."""
    portal, run, reg, _porch = flow
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    assert run("inbox", "sync")[0] == 0   # the setting off: no copy
    assert run.json("inbox", "show", "--", jti)["hold"] is None and _holds(run.home) == []
    _keep_safe_copies(run.home)
    from agent.requests import hold_room
    monkeypatch.setattr(hold_room, "room_problem", lambda *a, **k: "no room (a test's)")
    assert run("inbox", "hold", "--", jti)[0] == 1
    assert run("inbox", "sync")[0] == 0
    assert [h.get("ok", True) for h in _holds(run.home)] == [False]
