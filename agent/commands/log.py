"""`log` and `log verify`: the hash-chained, sealed record of every decision and change."""
from __future__ import annotations

import json

from agent.audit.log import AuditLog
from agent.commands.common import Refused, UsageError, print_json, say
from agent.commands.local_time import shown, window
from agent.commands.desk_common import mapped
from frp.count_words import counted
from agent.identity.rotation import was_owner_key
from agent.os_words import plain_os_error
from agent.storage import read_file_start
from agent.timebase import TimeError, parse_rfc3339
from frp.decision import DecisionError, decision_log_head
from frp.jws import MAX_TOKEN_BYTES
from frp.text import one_line


def add_parsers(sub, common) -> None:
    lg = sub.add_parser("log", parents=[common], help="the audit log of every decision")
    lg.add_argument("--json", action="store_true")
    lg.set_defaults(func=log_show)
    la = lg.add_subparsers(dest="action")
    p = la.add_parser("verify", parents=[common],
                      help="check that no record was altered, removed or cut off the end")
    p.add_argument("--witness", action="append", default=[], metavar="DECISION_FILE",
                   help="a decision token this home sent (as the agency kept it): check the "
                        "log still holds the records it vouches for (repeatable)")
    p.set_defaults(func=log_verify)


@mapped
def log_show(agent, args) -> int:
    entries = AuditLog(agent.home).entries()
    if args.json:
        print_json(entries)
        return 0
    tz = agent.local_zone()
    for r in entries:
        details = " ".join(f"{k}={_value(v, tz)}" for k, v in sorted(r["data"].items()))
        print(f"{r['seq']}\t{_when(r['at'], tz)}\t{one_line(r['event'])}\t{details}")
    return 0


def _value(value, tz: str) -> str:
    """A record's value as a person reads it: a window or an instant in the owner's zone
    (every time shown without --json is), a list or an object as JSON, not Python's repr."""
    if isinstance(value, dict) and set(value) == {"start", "end"}:
        try:
            return window(parse_rfc3339(str(value["start"])), parse_rfc3339(str(value["end"])), tz)
        except TimeError:
            pass
    if isinstance(value, (dict, list)):
        return one_line(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    if isinstance(value, str):
        try:   # an instant (a receipt's received_at)
            return shown(parse_rfc3339(value), tz)
        except TimeError:
            pass
    return one_line(str(value))


def _when(at, tz: str) -> str:
    """A record's time in the owner's zone (as written when it cannot be read)."""
    try:
        return shown(parse_rfc3339(str(at)), tz)
    except TimeError:
        return one_line(str(at))


@mapped
def log_verify(agent, args) -> int:
    witnesses = [_witness(agent, path) for path in args.witness]
    report = agent.verify_activity([w for w in witnesses if w is not None])
    for problem in report.problems:
        say(f"problem: {problem}")
    for note in report.notes:
        say(f"note: {note}")
    if not report.ok:
        raise Refused(f"the audit log was altered ({counted(len(report.problems), 'problem')})")
    said = (", " + counted(len(witnesses), "agency witness agrees", "agency witnesses agree")
            if witnesses else "")
    say(f"OK: {counted(report.count, 'record')}, none altered or removed"
        + (f"; sealed up to record {report.sealed}" if report.sealed else "") + said)
    return 0


# A decision file is one token, with the spaces and line ends an editor may add around it.
_WITNESS_LIMIT = MAX_TOKEN_BYTES + 64


def _witness(agent, path: str):
    """The log head a decision token carries, checked to be this owner's decision."""
    try:
        raw = read_file_start(path, _WITNESS_LIMIT + 1)   # a named pipe: said, never waited on
        if len(raw) > _WITNESS_LIMIT:   # a recording given by mistake: not read whole
            raise UsageError(f"--witness {path}: larger than any decision file "
                             f"({MAX_TOKEN_BYTES >> 10} KiB at most): check the path")
        text = raw.decode("ascii").strip()
    except OSError as exc:
        raise UsageError(f"--witness: {plain_os_error(exc, path)}") from None
    except UnicodeDecodeError:
        raise UsageError(f"--witness {path}: not a decision file (a decision is plain text, "
                         "and this file holds other characters): check the path") from None
    try:
        owner, head = decision_log_head(text)
    except DecisionError as exc:
        raise UsageError(f"--witness {path}: {exc}") from None
    if owner != agent.owner_key().public.owner_id() and not was_owner_key(agent.home, owner):
        raise Refused(f"--witness {path}: that decision was signed by another owner "
                      f"({one_line(owner)})")
    if head is None:
        say(f"note: {path} carries no log head (made before decisions carried one)")
    return head
