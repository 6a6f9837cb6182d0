"""A recorder's mirrored rows in the index: a channel's `remote` rows replaced by what its
search returned, read back with the clock offset and device reference each was placed by, and
marked stale (or current again) as the recorder answers or does not.

A mixin of `agent.index.store.Store`, which provides `_db`, `_lock` and `_insert`: they are
Store methods all the same.
"""
from __future__ import annotations

from typing import Iterable, Mapping

from agent.index.mirrored_rows import Mirrored
from agent.index.rows import FileRow
from agent.databases import Transaction

# What marks a recorder's mirrored rows as stale (mirror._failed); an earlier version wrote
# it over a row's own reason, which a refresh that succeeds takes away.
STALE = "the recorder could not be asked since: "


class RemoteRows:
    """The `remote` rows of a recorder's channels, mirrored and marked."""

    def mirror(self, source_id: int, channel: str, since_us: int | None,
               rows: Iterable[FileRow], refs: Mapping[str, str | None] | None = None
               ) -> tuple[int, int]:
        """A recorder channel's rows as its search returned them: the `remote` rows of that
        channel starting at `since_us` or later (all of them when None) are replaced by `rows`,
        in one transaction, so a reader never sees the channel half mirrored. `refs`: the
        device's own reference to each row's recording, by path (mirrored_rows.py). Returns
        how many rows that part held before and holds now."""
        values = list(rows)
        where = "source_id=? AND channel=? AND status='remote'" + (
            "" if since_us is None else " AND start_us>=?")
        args = (source_id, channel) + (() if since_us is None else (since_us,))
        refs = refs or {}
        with self._lock, Transaction(self._db):
            before = self._db.execute(f"SELECT count(*) FROM files WHERE {where}", args).fetchone()[0]
            self._db.execute(f"DELETE FROM files WHERE {where}", args)
            self._insert(values)
            self._db.executemany("UPDATE files SET device_ref=? WHERE path=? AND byte_start=0",
                                 [(refs.get(r.path), r.path) for r in values])
        return before, len(values)

    def remove_channel(self, source_id: int, channel: str) -> int:
        """Let go of a recorder channel's mirrored rows (a camera gone from the recorder, let
        go by its owner); how many there were."""
        with self._lock, Transaction(self._db):
            return self._db.execute("DELETE FROM files WHERE source_id=? AND channel=? AND "
                                    "status='remote'", (source_id, channel)).rowcount

    def mirrored(self, source_id: int, channel: str, before_us: int) -> list[Mirrored]:
        """A recorder channel's mirrored rows: their path, start, end (true time), the clock
        offset taken off the recorder's times for them (µs; `before_us` for rows mirrored
        before it was kept) and the device's reference to the recording."""
        with self._lock:
            found = self._db.execute(
                "SELECT path, start_us, end_us, clock_shift_us, device_ref FROM files WHERE "
                "source_id=? AND channel=? AND status='remote'", (source_id, channel)).fetchall()
        return [Mirrored(path, start, end, before_us if shift is None else shift, ref)
                for path, start, end, shift, ref in found]

    def mark_remote(self, source_id: int, reason: str | None, channel: str | None = None,
                    keep: Iterable[str] = ()) -> None:
        """Say why a recorder's mirrored rows may be out of date (`reason` holds STALE), read
        before each row's own reason (a start in the repeated hour, a clock put right while
        it recorded), which is kept apart and never lost. None: they are current, and only
        that note goes (also one an earlier version wrote over the row's reason). A row
        noted already keeps what its note says before STALE (when it was last mirrored: its
        camera may have failed alone before the whole recorder did) and takes the problem
        of now. `channel`: that channel's rows alone; `keep`: channels whose rows are left
        as they are."""
        where, args = "source_id=? AND status='remote'", [source_id]
        if channel is not None:
            where, args = where + " AND channel=?", args + [channel]
        kept = list(keep)
        if kept:
            where += f" AND channel NOT IN ({','.join('?' * len(kept))})"
            args += kept
        note, values = "?", [reason]
        if reason is not None and STALE in reason:
            note = ("CASE WHEN instr(stale_note, ?) > 0 THEN substr(stale_note, 1, "
                    "instr(stale_note, ?) - 1) || ? ELSE ? END")
            values = [STALE, STALE, reason[reason.index(STALE):], reason]
        with self._lock, Transaction(self._db):
            self._db.execute(f"UPDATE files SET stale_note={note} WHERE {where}",
                             [*values, *args])
            self._db.execute(f"UPDATE files SET reason=NULL WHERE {where} AND instr(reason, ?) > 0",
                             [*args, STALE])
