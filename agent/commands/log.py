"""`log` and `log verify`: the hash-chained record of every decision."""
from __future__ import annotations

from agent.audit.log import AuditLog
from agent.commands.common import Refused, print_json, say
from agent.commands.requests import mapped
from frp.text import one_line


def add_parsers(sub, common) -> None:
    lg = sub.add_parser("log", parents=[common], help="the audit log of every decision")
    lg.add_argument("--json", action="store_true")
    lg.set_defaults(func=log_show)
    la = lg.add_subparsers(dest="action")
    p = la.add_parser("verify", parents=[common], help="check that no line was altered or removed")
    p.set_defaults(func=log_verify)


@mapped
def log_show(agent, args) -> int:
    entries = AuditLog(agent.home).entries()
    if args.json:
        print_json(entries)
        return 0
    for r in entries:
        details = " ".join(f"{k}={one_line(str(v))}" for k, v in sorted(r["data"].items()))
        print(f"{r['seq']}\t{one_line(r['at'])}\t{one_line(r['event'])}\t{details}")
    return 0


@mapped
def log_verify(agent, args) -> int:
    report = AuditLog(agent.home).verify()
    for problem in report.problems:
        say(f"problem: {problem}")
    if not report.ok:
        raise Refused(f"the audit log was altered ({len(report.problems)} problems)")
    say(f"OK: {report.count} records, none altered or removed")
    return 0
