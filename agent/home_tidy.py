"""Tidying the home folder of what nothing will ever finish or need, for an app left running
for months on a small disk.

A write killed part way (the PC lost power, the process was ended, the disk filled) leaves a
hidden leftover beside where its file was going: write_atomic's `.NAME.XXXXXXXX.tmp` (the
settings, the seal, an agency file, masks, an upload's progress, a preview's record), an
owner key's `.NAME.PID.XXXX.tmp`, a package or hold being built, a tar being packed or a
recording being downloaded (`.NAME.partial-XXXX`), and a preview's download without its
record. Each is otherwise removed only by the next build in the same folder, and some folders
are never built in again (a request delivered, a camera's preview never asked for again), so
they stay for good. Here every folder of the home is looked at, and a leftover is removed only
once untouched for a day (STALE_AFTER_S): no write lasts that long, so none still has a process
behind it, whichever of the app, `run` and the command line shares the home. A delivered
package's tar goes too (delivered_tars).

Sealed packages and safe copies are not entered: their files are final, and named by cameras
and recorders, never by us.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from agent.index.remote_pieces import remove_unfinished_slots
from agent.requests.running_deliveries import AlreadyRunning, delivery_lock
from agent.requests.delivered_tars import delivered_tars, let_go_of_tar
from agent.requests.records import Entry
from agent.storage import STALE_AFTER_S, remove_stale_partials, remove_stale_temps

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tidied:
    """What one tidy removed: leftovers of killed writes, and delivered packages' tars."""

    leftovers: int
    tars: int


def tidy_home(home: Path, entries: Iterable[Entry],
              older_than_s: float = STALE_AFTER_S) -> Tidied:
    """Remove the home's leftovers of killed writes untouched for `older_than_s`, and the tars
    of packages whose receipt is kept (`entries`: the inbox's requests). Never raises for a
    file it cannot remove: that is tried again next time."""
    home = Path(home)
    leftovers = remove_unfinished_slots(home, older_than_s)
    for folder in _folders(home):
        leftovers += remove_stale_partials(folder, older_than_s)
        leftovers += remove_stale_temps(folder, older_than_s)
    tars = 0
    for entry in entries:
        kept = delivered_tars([entry])
        if not kept:
            continue
        try:
            # Under the request's delivery lock: a run delivering its other cameras (this
            # process's or another's) may be packing a tar into the folder this would empty.
            with delivery_lock(home, entry):
                tars += sum(let_go_of_tar(home, d) for d in kept)
        except (AlreadyRunning, OSError):
            continue   # that run lets go of them itself; or tried again next time
    if leftovers or tars:
        log.info("tidied the home folder %s: %d leftovers of interrupted writes, %d tars of "
                 "delivered packages", home, leftovers, tars)
    return Tidied(leftovers, tars)


def _folders(home: Path) -> list[Path]:
    """The home and every folder under it where a write may be left part way: not hidden
    folders (each is a build of its own, removed whole), nor sealed packages (a `bagit.txt`)
    nor the safe copies inside `holds/` (their builds are hidden siblings in `holds/`)."""
    found = []
    for dirpath, dirnames, _files in os.walk(home, onerror=lambda _exc: None):
        here = Path(dirpath)
        if (here / "bagit.txt").exists():
            dirnames.clear()
            continue
        found.append(here)
        if here == home / "holds":
            dirnames.clear()
            continue
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
    return found
