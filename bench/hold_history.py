"""Request page benchmark: what showing an inbox of requests costs in reading the activity log
(why a copy is missing: hold_failures.py; what deleting it loses: hold_losses.py).

    python bench/hold_history.py [--records 40000] [--requests 30] [--refreshes 3]

Writes a year-sized log in a scratch home with the audit log's own record code (each record
chained to the one before, as AuditLog.append writes it; the last one appended, sealed), then
times, for --requests requests shown --refreshes times:
- before: each show reading the whole log (AuditLog.entries) and scanning it, as the desk did;
- now: one HoldHistory (the desk's) answering the same, first show and refreshes apart, with a
  record appended between refreshes as a running app would.
The answers of both are compared; a mismatch exits 1.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from agent.audit.log import AuditLog  # noqa: E402
from agent.audit.records import GENESIS, canonical, line_hash  # noqa: E402
from agent.requests.hold_failures import hold_failure  # noqa: E402
from agent.requests.hold_history import HoldHistory  # noqa: E402

AGENCY = "https://police.example.gov"


def write_log(home: Path, count: int) -> AuditLog:
    """A log of `count` records: polls seen, settings, exports, holds (some failed)."""
    log, prev, out = AuditLog(home), GENESIS, []
    for seq in range(1, count + 1):
        jti = f"req-{seq % 997}"
        if seq % 50 == 0:
            event, data = "hold", {"id": jti, "agency": AGENCY, "ok": False,
                                   "reason": "the disk had no room"}
        elif seq % 7 == 0:
            event, data = "export", {"id": jti, "agency": AGENCY, "camera": "porch",
                                     "package": f"pkg-{seq}", "safe_copy": None}
        else:
            event, data = "request-seen", {"id": jti, "agency": AGENCY, "registration": "r"}
        record = AuditLog._record(seq, event, data, prev)
        line = canonical(record)
        out.append(line)
        prev = line_hash(line)
    log.path.write_bytes(b"\n".join(out) + b"\n")
    log.append("settings", changed=["poll_interval_s"])   # sealed as the app would
    return log


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=40000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--refreshes", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = write_log(Path(tmp), args.records)
        size = log.path.stat().st_size
        asked = [f"req-{n * 31}" for n in range(args.requests)]
        started = time.perf_counter()
        before = [[hold_failure(log.entries(), jti, AGENCY) for jti in asked]
                  for _ in range(args.refreshes)]
        old_s = time.perf_counter() - started
        history, now, times = HoldHistory(log.path), [], []
        for refresh in range(args.refreshes):
            if refresh:
                log.append("settings", changed=["poll_interval_s"])
            started = time.perf_counter()
            now.append([history.failure(jti, AGENCY) for jti in asked])
            times.append(time.perf_counter() - started)
    print(f"log: {args.records + 1} records, {size / 1e6:.1f} MB; {args.requests} requests "
          f"shown {args.refreshes} times")
    print(f"before (whole log per show): {old_s:.2f} s, {old_s / args.refreshes:.2f} s a refresh")
    print(f"now (HoldHistory): first {times[0]:.3f} s, later refreshes "
          + ", ".join(f"{t * 1000:.1f} ms" for t in times[1:]))
    if before != now:
        print("MISMATCH: the answers differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
