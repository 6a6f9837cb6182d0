"""What `AuditLog.verify()` checks: every line's hash and its link to the line before, the log
against its signed seal (agent/audit/seal.py), and against heads agencies were sent in
decisions (witnesses the owner cannot take back). A `log-gap` record (agent/audit/gap.py) is
a problem for good: it says the log had lost or changed sealed records when it was written.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from agent.audit import seal as seals
from agent.audit.gap import gap_problem
from agent.audit.log_lines import LogLine
from agent.audit.records import GAP, GENESIS, RECOVERED, parse_record, record_hash
from frp.count_words import counted
from frp.decision import LogHead


@dataclass(frozen=True)
class AuditReport:
    """Result of `AuditLog.verify()`: ok is True only when problems is empty. `notes` say what
    is not a problem but worth knowing (records written since the last seal); `sealed` is the
    record count the seal vouches for (None: no valid seal)."""

    ok: bool
    problems: tuple[str, ...]
    count: int
    notes: tuple[str, ...] = ()
    sealed: int | None = None


def split_lines(data: bytes) -> tuple[list[bytes], bytes]:
    """Complete lines (without newline) and the unterminated tail (b"" when none)."""
    *lines, tail = data.split(b"\n")
    return lines, tail


def check_log(home: Path, lines: Iterable[LogLine],
              witnesses: Iterable[LogHead] = ()) -> AuditReport:
    """Check the log's lines (log_lines.log_lines: read a piece at a time, however large the
    log) and its seal in `home`; name each problem."""
    problems: list[str] = []
    heads: dict[int, str] = {}
    prev, seq, count = GENESIS, 0, 0
    fragment: LogLine | None = None
    tail: LogLine | None = None
    for line in lines:
        if not line.ended:
            tail = line
            break
        record = None if line.text is None else parse_record(line.text)
        if record is None:
            if fragment is not None:
                problems.append(f"line {fragment.number} is not a valid log record "
                                "(edited or damaged)")
            fragment = line
            continue
        number = line.number
        count += 1
        if record["event"] == GAP:
            problems.append(gap_problem(number, record))
        if record["event"] == RECOVERED or (record["event"] == GAP and "line" in record["data"]):
            problems += _check_recovery(number, record, fragment)
        elif fragment is not None:
            problems.append(f"line {fragment.number} is not a valid log record "
                            "(edited or damaged)")
        fragment = None
        if record_hash(record) != record["hash"]:
            problems.append(f"line {number} was edited (its content does not match its hash)")
        if record["prev"] != prev:
            problems.append(f"line {number} does not follow the record before it "
                            "(a line was removed, inserted or reordered)")
        if record["seq"] != seq + 1:
            problems.append(f"line {number} has sequence number {record['seq']}, expected "
                            f"{seq + 1} (a line was removed, inserted or reordered)")
        prev, seq = line.sha256, record["seq"]
        heads[seq] = prev
    if fragment is not None:
        problems.append(f"line {fragment.number} is not a valid log record (edited or damaged)")
    sealed, seal_problems, notes = _against_seal(home, heads, seq, count)
    if tail is not None:
        # A record is sealed only once it is on the disk: a crash cannot tear a sealed one.
        cause = "a sealed record was cut short" if sealed is not None and sealed > seq \
            else "crash while writing"
        problems.append(f"line {tail.number}: last line incomplete ({cause})")
    problems += seal_problems
    for witness in witnesses:
        problems += _against_witness(witness, heads, seq)
    return AuditReport(not problems, tuple(problems), count, tuple(notes), sealed)


def _check_recovery(number: int, record: dict, fragment: LogLine | None) -> list[str]:
    data = record["data"]
    if fragment is None or data.get("line") != fragment.number \
            or data.get("sha256") != fragment.sha256:
        what = "a crash recovery" if record["event"] == RECOVERED else "a cut-short line"
        return [f"line {number} records {what} that does not match the line before it "
                "(a line was edited, removed or inserted)"]
    return []


def _against_seal(home: Path, heads: dict[int, str], last: int,
                  count: int) -> tuple[int | None, list[str], list[str]]:
    """(the count the seal vouches for, problems, notes) of the log's records against its seal."""
    try:
        seal = seals.read_seal(home)
    except seals.NewerSeal:
        raise   # said as the log being unreadable here, not as tampering
    except seals.SealError as exc:
        return None, [str(exc)], []
    if seal is None:
        used = home_used(home, count)
        if not used:
            return None, [], []
        return None, [f"the log's seal ({seals.SEAL_FILE}) is missing, but this home has "
                      f"{', '.join(used)}: the log or its seal was deleted or replaced (a log "
                      "written before seals existed is sealed by its next record)"], []
    problems = seals.seal_problems(seal, home)
    if problems:
        return None, problems, []
    if seal.count > last:
        return seal.count, [f"the log is shorter than its seal: it was sealed with "
                            f"{seal.count} records and {last} remain (records were cut off "
                            "the end, or the log was deleted or replaced)"], []
    if seal.count and heads.get(seal.count) != seal.head:
        return seal.count, [f"record {seal.count} is not the record that was sealed: the log "
                            "was rewritten"], []
    notes = []
    if last > seal.count:
        notes.append(counted(last - seal.count, "record after the last seal is",
                             "records after the last seal are") + " not sealed yet "
                     "(the owner key was locked, or the agent stopped between writing a record "
                     "and sealing it); the next record seals them")
    return seal.count, [], notes


def home_used(home: Path, count: int) -> list[str]:
    """What shows the home was used: its log records, or what else it holds."""
    return ([counted(count, "log record")] if count else []) + seals.home_activity(home)


def _against_witness(witness: LogHead, heads: dict[int, str], last: int) -> list[str]:
    if witness.count == 0:
        return []
    if witness.count > last:
        return [f"an agency was sent a decision when the log had {witness.count} records; "
                f"{last} remain (records were cut off the end, or the log was replaced)"]
    if heads.get(witness.count) != witness.head:
        return [f"record {witness.count} is not the one an agency was shown in a decision: "
                "the log was rewritten"]
    return []
