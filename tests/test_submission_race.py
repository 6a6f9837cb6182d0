"""Two submissions of one upload racing at the real reference portal (served on 127.0.0.1,
its own SQLite): the one storing second must neither be told its upload is unusable nor
undo what the first stored."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from portal import api
from portal.errors import ApiError
from tests.test_requests_e2e import flow, footage, new_request, only_request  # noqa: F401


def _racing(monkeypatch, race) -> list[int]:
    """Run `race(real, args)` at the first submission the portal stores, then store as usual."""
    real, calls = api.submissions.record_submission, []

    def record(*args, **kw):
        calls.append(1)
        if len(calls) == 1:
            race(real, args, kw)
        return real(*args, **kw)

    monkeypatch.setattr(api.submissions, "record_submission", record)
    return calls


def test_a_submission_stored_second_gets_the_receipt_of_the_first_and_keeps_its_package(
        flow, monkeypatch):
    """The hunt: a retry of a submission whose answer was late (the agent cuts a call off at
    60 s, the portal still storing it) raced the first; the one storing second was answered
    `409 already_received` (the agent takes that as another copy of the home having
    delivered) and the portal deleted the package file the first had just stored."""
    portal, _server, run, reg = flow
    new_request(portal, reg, cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    _racing(monkeypatch, lambda real, args, kw: real(*args, **kw))   # the other one stores first
    code, _, err = run("approve", "--camera", "porch", "--yes", "--", jti)
    assert code == 0, err
    assert only_request(run)["status"] == "delivered"
    (stored,) = portal.submissions()
    assert stored["ok"] and Path(stored["file"]).is_file()


def test_a_submission_the_portal_could_not_store_for_a_race_is_tried_again_not_uploaded_again(
        flow, monkeypatch):
    """The hunt: the portal answered an IntegrityError while storing a submission `409
    conflict ... retry`, which the agent took as the upload being unusable: it withdrew the
    upload and sent the whole package again. The portal now answers `503` with Retry-After
    and the agent submits the same upload again."""
    portal, _server, run, reg = flow
    new_request(portal, reg, cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]

    def conflict(real, args, kw):
        raise sqlite3.IntegrityError("UNIQUE constraint failed: submissions.upload_id")

    calls = _racing(monkeypatch, conflict)
    code, _, err = run("approve", "--camera", "porch", "--yes", "--", jti)
    assert code == 0, err
    assert only_request(run)["status"] == "delivered" and len(calls) == 2
    (stored,) = portal.submissions()
    (delivery,) = run.json("inbox", "show", "--", jti)["deliveries"]
    assert stored["upload_id"] in delivery["upload_url"]   # the one upload, not sent again
    with sqlite3.connect(portal.db_path) as conn:   # the package was uploaded once
        assert conn.execute("SELECT count(*) FROM uploads").fetchone()[0] == 1


def test_an_older_portals_409_conflict_is_tried_again_like_a_busy_portal(flow, monkeypatch):
    """A portal of an earlier version still answers that race `409 conflict ... retry`: the
    agent submits the same upload again rather than taking it as unusable."""
    portal, _server, run, reg = flow
    new_request(portal, reg, cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]

    def conflict(real, args, kw):
        raise ApiError(409, "conflict", "the submission could not be stored; retry")

    calls = _racing(monkeypatch, conflict)
    code, _, err = run("approve", "--camera", "porch", "--yes", "--", jti)
    assert code == 0, err
    assert only_request(run)["status"] == "delivered" and len(calls) == 2
    with sqlite3.connect(portal.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM uploads").fetchone()[0] == 1
