"""The index kept open for months by the app: its write-ahead log must not stay as large as the
largest write it ever took (SQLite resets the log after a checkpoint but never shrinks it
unless told to: agent.databases.WAL_LIMIT_PRAGMA). Real SQLite, through the Store."""
from __future__ import annotations

import os

from agent.index.rows import FileRow
from agent.index.store import Store

LIMIT = 4 * 1024 * 1024


def test_a_first_scan_of_many_recordings_leaves_no_index_sized_log_behind(tmp_path):
    store = Store(tmp_path / "index.db")
    try:
        src = store.add_source(str(tmp_path / "rec"), "yard", "UTC", "auto", 0.0)
        deep = "/".join(["a-share-of-the-nvr-mounted-deep-in-its-folders"] * 6)
        rows = [FileRow(src.id, f"{tmp_path}/rec/{deep}/{n:06d}_yard_main_recording.mp4",
                        "yard", n * 60_000_000, (n + 1) * 60_000_000, 50_000_000, 0,
                        "blue-iris", "ok", None) for n in range(6_000)]
        store.upsert(rows)   # a first scan of a deep NVR share: one write
        wal = tmp_path / "index.db-wal"
        assert os.path.getsize(wal) > LIMIT   # the one write needed that much
        store.upsert(rows[:1])   # the next write (the watcher's, a minute later)
        assert os.path.getsize(wal) <= LIMIT
        assert len(store.files("yard", 0, 3 * 60_000_000)) == 3   # the index as it was
    finally:
        store.close()
