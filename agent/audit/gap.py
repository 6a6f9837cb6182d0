"""A log that no longer matches its seal, found when the next record is written: the record that
names the gap (`log-gap`), and what `verify()` says about it ever after.

Sealing the log as it stands would make records cut off the end, a deleted log or a torn
sealed record verify again, with no key needed: the seal would vouch for what is left. So the
writer compares the log with the seal first and, when they disagree, writes a `log-gap` record
before its own: what the seal vouched for (record count and last head), what was found, and
why they disagree. It is chained and sealed like any record, so the agent goes on working, and
`log verify` names the gap (exit 3) for as long as the log is kept. Cutting the `log-gap`
record off in turn is a new gap against the new seal.

A missing seal is a gap too once the log shows it had one (it holds the `key-created` record,
written and sealed since seals exist). A log from before seals has none, and its next record
seals it (docs/security.md); so does a log deleted together with its seal.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from agent.audit import seal as seals
from agent.audit.records import GAP, KEY_CREATED
from frp.count_words import counted
from frp.text import one_line

_SHORT = 12   # hex digits of a head shown in words


def seal_gap(home: Path, found: int, found_head: str, head_at: Callable[[int], str | None],
             torn: bool, records: Callable[[], list[dict]]) -> dict | None:
    """The data of a `log-gap` record when the log (its last record number `found`, whose
    line hashes to `found_head`; `torn`: a fragment follows it) does not match its seal; None
    when it does, or when there is no seal to hold it to. `head_at(n)` gives the head of
    record n, `records()` every well-formed record."""
    try:
        seal = seals.read_seal(home)
    except seals.NewerSeal:
        raise   # not this version's to judge, nor to seal over
    except seals.SealError as exc:
        return _gap(None, None, found, found_head, str(exc))
    if seal is None:
        # Seals came with the `key-created` record, which is sealed as it is written: a log
        # that holds one had a seal. One without is from before seals (sealed from now on).
        if any(r["event"] == KEY_CREATED for r in records()):
            return _gap(None, None, found, found_head,
                        f"the log's seal ({seals.SEAL_FILE}) was missing (deleted or replaced)")
        return None
    # A seal made before a key rotation is signed by the key the rotation retired.
    problems = seals.seal_problems(seal, home, retired_ok=True)
    if problems:
        return _gap(seal.count, seal.head, found, found_head, problems[0])
    if seal.count > found:
        why = ("and its last line was cut short (a crash cannot do that to a sealed record)"
               if torn else "(records were cut off its end, or it was deleted or replaced)")
        return _gap(seal.count, seal.head, found, found_head,
                    f"the log was shorter than its seal {why}")
    if seal.count and (found_head if seal.count == found else head_at(seal.count)) != seal.head:
        return _gap(seal.count, seal.head, found, found_head,
                    f"record {seal.count} was not the record that was sealed (the log was "
                    "rewritten)")
    return None


def _gap(sealed: int | None, sealed_head: str | None, found: int, found_head: str,
         problem: str) -> dict:
    return {"problem": problem, "sealed_records": sealed, "sealed_head": sealed_head,
            "found_records": found, "found_head": found_head}


def already_named(records: Iterable[dict], gap: dict) -> bool:
    """Whether a `log-gap` record already names this seal (a locked key leaves the seal as it
    was, and each record written until it is unlocked would otherwise name it again)."""
    return any(r["event"] == GAP and r["data"].get("sealed_records") == gap["sealed_records"]
               and r["data"].get("sealed_head") == gap["sealed_head"] for r in records)


def gap_problem(number: int, record: dict) -> str:
    """What `verify()` says of a `log-gap` record on line `number`: the gap it names."""
    data = record["data"]
    # The words come from the record: kept to one line whatever an editor put there.
    sealed, found = data.get("sealed_records"), data.get("found_records")
    before = (f"the log had been sealed with {one_line(str(sealed))} records (the last "
              f"{_short(data.get('sealed_head'))})" if sealed is not None
              else "what the seal vouched for is not known")
    last = _short(data.get("found_head"))
    after = f"{_records_left(found)} (the last {last})" if found \
        else "none was left"
    return (f"line {number}: a gap was found when record {record['seq']} was written: "
            f"{one_line(str(data.get('problem')))}; {before} and {after}; what was removed or "
            "changed cannot be checked")


def _short(head: object) -> str:
    return one_line(str(head))[:_SHORT] if head else "none"


def _records_left(found: object) -> str:
    """How many records the gap left, as the log said it (a log's word, so shown safely)."""
    if type(found) is int:
        return counted(found, "record was left", "records were left")
    return f"{one_line(str(found))} records were left"
