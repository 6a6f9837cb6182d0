"""HoldHistory (agent/requests/hold_history.py) answers as a read of the whole activity log
does (hold_failures.hold_failure, hold_losses.hidden_only_there), while it reads only what was
appended since it last looked, and the whole log again when it was rewritten."""
from __future__ import annotations

from agent.audit.log import AuditLog
from agent.requests.hold_failures import hold_failure
from agent.requests.hold_history import HoldHistory
from agent.requests.hold_losses import hidden_only_there

REQUESTS = (("req-1", "agency-a"), ("req-2", "agency-a"), ("req-1", "agency-b"))


def _same_as_whole_read(log: AuditLog, history: HoldHistory) -> None:
    entries = log.entries()
    for jti, iss in REQUESTS:
        assert history.failure(jti, iss) == hold_failure(entries, jti, iss), (jti, iss)
        for made in (None, "2027-01-15T06:00:00Z", "2027-01-16T06:00:00Z"):
            assert history.hidden(jti, iss, made) == hidden_only_there(entries, jti, iss, made)


def test_answers_are_those_of_the_whole_log_as_it_grows_and_is_rewritten(tmp_path):
    log = AuditLog(tmp_path)
    history = HoldHistory(log.path)
    assert history.failure("req-1", "agency-a") is None   # no log yet
    steps = [
        ("hold", dict(id="req-1", agency="agency-a", ok=False, reason="the disk is full")),
        ("approve", dict(id="req-1", agency="agency-a")),
        ("hold", dict(id="req-1", agency="agency-b", ok=False, reason="no recorder")),
        ("export", dict(id="req-1", agency="agency-a", camera="porch", package="p1",
                        safe_copy="2027-01-15T06:00:00Z", redactions=["face-blur"])),
        ("export", dict(id="req-2", agency="agency-a", camera="yard", package="p2",
                        safe_copy="2027-01-16T06:00:00Z", redactions=["privacy-mask"])),
        ("export", dict(id="req-1", agency="agency-a", camera="yard", package="p3",
                        safe_copy=None, redactions=["face-blur"])),
        ("hold", dict(id="req-1", agency="agency-a", files=3)),
        ("hold", dict(id="req-2", agency="agency-a", ok=False, reason="cancelled")),
    ]
    for event, data in steps:
        log.append(event, **data)
        _same_as_whole_read(log, history)
    assert history.failure("req-2", "agency-a") == "cancelled"
    assert history.failure("req-1", "agency-a") is None   # a later try worked
    assert [p.package for p in history.hidden("req-1", "agency-a", None)] == ["p1"]

    # A crash's unterminated tail waits for its newline; a log rewritten shorter, or with the
    # last line read changed, is read whole again.
    whole = log.path.read_bytes()
    with log.path.open("ab") as f:
        f.write(b'{"at":"x","data":{"agency":"agency-a","id":"req-2"')
    _same_as_whole_read(log, history)
    lines = whole.split(b"\n")
    log.path.write_bytes(b"\n".join(lines[:-3]) + b"\n")   # the last two records gone
    _same_as_whole_read(log, history)
    assert history.failure("req-2", "agency-a") is None
    log.path.write_bytes(whole.replace(b"the disk is full", b"the disk is FULL"))
    _same_as_whole_read(log, history)
    assert history.failure("req-1", "agency-b") == "no recorder"
    log.path.write_bytes(whole.replace(b'"reason":"cancelled"', b'"reason":"cancelleD"'))
    _same_as_whole_read(log, history)
    assert history.failure("req-2", "agency-a") == "cancelleD"   # the last line, changed
    log.path.unlink()
    _same_as_whole_read(log, history)
