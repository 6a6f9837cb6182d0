"""Renaming a camera: the old name stays a former name, so a request, an approval or a command
that still uses it finds the same camera; a source's own camera renamed renames the source, and
its channels' cameras the rule named after it follow; two cameras are never merged.

A mixin of `agent.index.cameras.CameraBook`, which provides `_db`, `_lock`, `_holders`,
`_taken` and `_numbered`: they are CameraBook methods all the same.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

from agent.index.camera_names import CameraNameError, camera_name, check_name
from agent.databases import Transaction


@dataclass(frozen=True)
class Renamed:
    """One camera's name change, as `rename` made it."""

    old: str
    new: str


class CameraRenames:
    """A camera's name changed, and the names that follow it."""

    def rename(self, old: str, new: str,
               carry: Callable[[list[Renamed]], None] | None = None) -> list[Renamed]:
        """Give a camera a new name (the old one stays a former name). Renaming a source's own
        camera renames the source, and its channels' cameras the rule named after it follow.
        Refused (CameraNameError) when another camera holds the new name; never merges.
        `carry(changes)` runs before the rename is committed (what must follow the cameras,
        such as their privacy masks): if it raises, nothing is renamed."""
        new = check_name(new)
        with self._lock, Transaction(self._db):
            row = self._db.execute(
                "SELECT c.id, c.name, c.source_id, c.channel FROM cameras c WHERE c.name=? UNION ALL "
                "SELECT c.id, c.name, c.source_id, c.channel FROM former_names f JOIN cameras c "
                "ON c.id = f.camera_id WHERE f.name=?", (old, old)).fetchone()
            if row is None:
                raise KeyError(old)
            cid, current, source_id, channel = row
            if new == current:
                return []
            done = [self._rename_one(cid, current, new, given=True)]
            self._named_as_device_now(cid)
            if channel == "":
                self._db.execute("UPDATE sources SET camera=? WHERE id=?", (new, source_id))
                followers = self._db.execute(
                    "SELECT id, name, channel FROM cameras WHERE source_id=? AND channel != '' "
                    "AND given=0", (source_id,)).fetchall()
                for fid, fname, fchannel in followers:
                    if fname == camera_name(current, fchannel, True):
                        target = camera_name(new, fchannel, True)
                        if self._taken(target):
                            target = self._numbered(target)
                        done.append(self._rename_one(fid, fname, target, given=False))
            if carry is not None:
                carry(done)
            return done

    def _named_as_device_now(self, cid: int) -> None:
        """The owner named a recorder's camera: what the recorder calls its channel now
        (recorders.channels, its last refresh) is the name the camera was named by, so a
        channel renamed on the device is no longer said (recorder_book.renamed_on_device)."""
        for source_id, key, channels in self._db.execute(
                "SELECT h.source_id, h.channel, r.channels FROM channels h JOIN recorders r ON "
                "r.source_id = h.source_id WHERE h.camera_id=?", (cid,)).fetchall():
            try:
                names = {str(c[0]): str(c[1]) for c in json.loads(channels)}
            except (ValueError, TypeError, IndexError):
                continue
            if names.get(key):
                self._db.execute("UPDATE channels SET device_name=? WHERE source_id=? AND "
                                 "channel=?", (names[key], source_id, key))

    def _rename_one(self, cid: int, old: str, new: str, given: bool) -> Renamed:
        # A former name keeps meaning its camera (requests and approvals may still use it), so
        # only that camera may take it back.
        others = {c: n for c, n in self._holders(new).items() if c != cid}
        if others:
            raise CameraNameError(f"a camera named '{min(others.values())}' exists already (or "
                                  "was called that); two cameras are never merged: choose "
                                  "another name")
        self._db.execute("DELETE FROM former_names WHERE name=?", (new,))
        self._db.execute("UPDATE cameras SET name=?, given=max(given, ?) WHERE id=?",
                         (new, int(given), cid))
        self._db.execute("INSERT OR REPLACE INTO former_names(name, camera_id) VALUES (?,?)",
                         (old, cid))
        return Renamed(old, new)
