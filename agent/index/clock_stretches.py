"""The stretches a recorder's clock read a reset date (docs/recorders.md, the clock). What it
recorded meanwhile is dated by the wrong clock, where no search by the right one looks: it is
never mirrored, and those hours look unrecorded on the timelines. So each stretch is kept in
the index (`recorders.unshown`): opened by the refresh refused for the reset clock, closed by
the one that finds it right (which notes it once, `clock.CLOCK_SET_RIGHT`), and said after the
recorder's state by every refresh after, until it is old: past what the app shows of a
recorder (mirror.MIRROR_DAYS), or recorded over (the recorder's oldest recording now starts
after the stretch ended, where it still held some from before it when it closed).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from agent.index.recorder_book import RecorderSource
from agent.index.store import Store
from agent.recorders.clock import is_reset_words, set_right_words


@dataclass(frozen=True)
class Stretch:
    """From the last refresh before the clock read a reset date (`since_us`; None: it read one
    when the recorder was added) to the refresh that found it right (`until_us`; None while it
    still reads it), on this PC's clock. `held_before`: when it closed, the recorder still held
    recordings made before it (so their going shows the stretch's went too)."""

    since_us: int | None
    until_us: int | None
    held_before: bool = False


def kept(store: Store, source_id: int) -> list[Stretch]:
    """The recorder's stretches as the index keeps them (none where unreadable)."""
    try:
        return [Stretch(*(None if v is None else int(v) for v in item[:2]), bool(item[2]))
                for item in json.loads(store.recorders.unshown(source_id) or "[]")]
    except (ValueError, TypeError, IndexError):
        return []


def _keep(store: Store, source_id: int, stretches: list[Stretch]) -> None:
    store.recorders.keep_unshown(source_id, json.dumps(
        [[s.since_us, s.until_us, s.held_before] for s in stretches]) if stretches else None)


def opened(store: Store, rec: RecorderSource) -> None:
    """A refresh refused for a reset clock: a stretch from its last refresh on, unless one is
    open already (the clock read a reset date at the refreshes before too)."""
    stretches = kept(store, rec.source_id)
    if not any(s.until_us is None for s in stretches):
        _keep(store, rec.source_id, stretches + [Stretch(rec.refreshed_us, None)])


def closed(store: Store, rec: RecorderSource, now_us: int, full: bool,
           horizon_us: int) -> tuple[list[str], list[str]]:
    """A refresh that went well: the open stretch closed now, the old ones let go; the words
    for those closed now (noted once) and for every one still kept (after the state)."""
    stretches = kept(store, rec.source_id)
    if (not any(s.until_us is None for s in stretches) and rec.state == "offline"
            and is_reset_words(rec.problem)):   # opened by an agent that kept none
        stretches.append(Stretch(rec.refreshed_us, None))
    oldest = store.recorders.oldest(rec.source_id)
    now, still = [], []
    for s in stretches:
        if s.until_us is None:
            s = Stretch(s.since_us, now_us, oldest is not None and oldest < (s.since_us or now_us))
            now.append(s)
        elif s.until_us < horizon_us or (full and s.held_before and oldest is not None
                                         and oldest > s.until_us):
            continue   # older than the app shows, or recorded over
        still.append(s)
    if still != stretches:
        _keep(store, rec.source_id, still)
    return [words(s) for s in now], [words(s) for s in still]


def words(stretch: Stretch) -> str:
    """What the owner is told of one stretch (CLOCK_SET_RIGHT)."""
    return set_right_words(stretch.since_us, stretch.until_us or 0)
