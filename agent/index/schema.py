"""The recording index's tables, and bringing an index made by an older version up to date.

Version 2 keeps camera names in `cameras` (cameras.py names them) and points each row at its
camera by id; `channels` maps the recorder's word for a camera in a folder (its channel) to the
camera; `former_names` keeps what a renamed camera was called. A row is a file or a byte range
of one (`byte_start`, `byte_end`), unique by (path, byte_start). A recorder on the network is a
source too (its root is its address); `recorders` keeps what reaching it needs (never its
password) and how its last refresh went (recorder_book.py). Added to version 2 as it stands:
an index without the table gains it when opened, and so do `files.clock_shift_us` (the clock
a recorder's mirrored row was placed by), `files.stale_note` (why it may be out of date; taken from
the rows of a recorder whose state is `ok` when opened, as an older agent mirroring it leaves it)
and `files.device_ref` (the recorder's own reference to the row's recording). Version 4 adds `disks`: the identity of the
disk each folder's recordings were indexed from (other_disk.py); an index of version 3 gains
it empty, and the next scan fills it. A rule of placement changed since an index was made has
the rows it would move looked at again by the next scan, once: `relooked` keeps the rules done
(a table an older agent leaves alone, so the index is no newer for it). So is `let_go_names`:
the former names of a removed folder's cameras, by the name each camera had then, given back
to the camera of a folder added again under that name, and `let_go_folders`: its own camera's
name with its folder and the disk its recordings were indexed from (let_go.py).
"""
from __future__ import annotations

import sqlite3

from agent.databases import Transaction

# PRAGMA user_version. 1 (and 0) kept camera names in every file row; 2 placed files in time
# by rules since changed (a name's end across the clocks going back, or against the file's
# footage; a Hikvision card's repeated hour), so its files are looked at again (REPLACED);
# 3 had no `disks`: it gains the table, and keeps its rows as they are.
VERSION = 4
_NAMED = 2   # the first version naming cameras as now
_PLACED = 3   # the first version placing files in time as now
# Rows kept, each file looked at again by the next scan: no real file has this date, so the
# scan's comparison of size and date finds every one changed (a recorder's rows are its own).
REPLACED = "UPDATE files SET mtime_ns = -1 WHERE status != 'remote'"
# Rules of placement changed within a version, by name: the rows each may move.
_RELOOKS = {
    # A FAT card's file placed by its modification time, taken before as a true time; it is
    # the camera's wall time (local_times.card_offset_s).
    "fat-card-mtime": "UPDATE files SET mtime_ns = -1 WHERE time_source = 'mtime' "
                      "AND status != 'remote'",
    # A container's creation time before 2000, a reset camera's clock, was taken for none and
    # the file placed by its date (on a copied card, the copy's); it is a time (mp4box).
    "reset-clock-creation": "UPDATE files SET mtime_ns = -1 WHERE time_source = 'mtime' "
                            "AND status != 'remote'",
    # A container's creation time a camera wrote on its wall clock was read as UTC, a zone's
    # offset off; its file date now tells (placement._created_start).
    "local-creation-time": "UPDATE files SET mtime_ns = -1 WHERE time_source = 'container' "
                           "AND status != 'remote'",
    # A name of the repeated hour settled by a creation time that is its wall time read as
    # UTC, which tells no pass where one is at UTC+0 (placement._choose): Europe's clocks go
    # back in the last week of October, between 01:00 and 03:00 UTC.
    "wall-clock-creation-fall-back": (
        "UPDATE files SET mtime_ns = -1 WHERE time_source = 'name' AND status = 'ok' "
        "AND strftime('%m-%d %H', start_us / 1000000, 'unixepoch') BETWEEN '10-24 23' "
        "AND '10-31 03'"),
    # An exFAT card's file placed by its modification time, read as the system reported it;
    # it is the camera's wall time, its offset field unset (local_times.card_offset_s).
    "exfat-card-mtime": "UPDATE files SET mtime_ns = -1 WHERE time_source = 'mtime' "
                        "AND status != 'remote'",
    # A name starting in the repeated hour and ending after it was left ambiguous, where its
    # end less its footage's length tells the pass (placement._ended_by_name).
    "name-end-after-repeated-hour": "UPDATE files SET mtime_ns = -1 WHERE status = "
                                    "'ambiguous' AND time_source = 'name'",
    # A Hikvision ring file written across a reset of the camera's clock had every recording
    # left out (hikvision._segments).
    "ring-file-clock-set-back": "UPDATE files SET mtime_ns = -1 WHERE time_source = "
                                "'index00.bin' AND status != 'remote'",
    # A name's full end written before its start (the clocks went back in the recording) was
    # dropped, which left the start ambiguous (name_times.end_time).
    "full-end-across-fall-back": "UPDATE files SET mtime_ns = -1 WHERE status = 'ambiguous' "
                                 "AND time_source = 'name'",
}
SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    root TEXT NOT NULL UNIQUE,
    camera TEXT NOT NULL,
    tz TEXT NOT NULL,
    layout TEXT NOT NULL DEFAULT 'auto',
    clock_offset_s REAL NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS cameras (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    given INTEGER NOT NULL DEFAULT 0,
    max_len_us INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, channel)
);
CREATE TABLE IF NOT EXISTS channels (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    provisional INTEGER NOT NULL DEFAULT 0,
    device_name TEXT,
    PRIMARY KEY (source_id, channel)
);
CREATE TABLE IF NOT EXISTS former_names (
    name TEXT PRIMARY KEY,
    camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    camera_id INTEGER NOT NULL REFERENCES cameras(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    byte_start INTEGER NOT NULL DEFAULT 0,
    byte_end INTEGER,
    channel TEXT NOT NULL DEFAULT '',
    start_us INTEGER,
    end_us INTEGER,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    layout TEXT,
    status TEXT NOT NULL,
    reason TEXT,
    time_source TEXT,
    stream TEXT,
    alt_start_us INTEGER,
    codec TEXT,
    width INTEGER,
    height INTEGER,
    fps REAL,
    audio INTEGER NOT NULL DEFAULT 0,
    clock_shift_us INTEGER,
    stale_note TEXT,
    device_ref TEXT,
    UNIQUE (path, byte_start)
);
CREATE TABLE IF NOT EXISTS recorders (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    vendor TEXT NOT NULL,
    user TEXT NOT NULL,
    fingerprint TEXT,
    zone TEXT,
    allow_plain_http INTEGER NOT NULL DEFAULT 0,
    z_is_local INTEGER NOT NULL DEFAULT 0,
    model TEXT NOT NULL DEFAULT '',
    firmware TEXT NOT NULL DEFAULT '',
    serial TEXT NOT NULL DEFAULT '',
    device_name TEXT NOT NULL DEFAULT '',
    channels TEXT NOT NULL DEFAULT '[]',
    clock_offset_s REAL,
    state TEXT NOT NULL DEFAULT 'new',
    problem TEXT,
    refreshed_us INTEGER,
    full_us INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    next_us INTEGER NOT NULL DEFAULT 0,
    unshown TEXT
);
CREATE TABLE IF NOT EXISTS disks (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    identity TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS relooked (
    rule TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS let_go_names (
    name TEXT PRIMARY KEY,
    camera TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS let_go_folders (
    camera TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    disk TEXT
);
CREATE INDEX IF NOT EXISTS files_camera_start ON files(camera_id, start_us);
CREATE INDEX IF NOT EXISTS files_source ON files(source_id);
"""

# Camera names of an index before version 2, each with one of its files (see prepare).
_LEGACY = """
CREATE TABLE IF NOT EXISTS legacy_names (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    path TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source_id, name)
)"""


class NewerIndex(Exception):
    """The index was made by a newer version (its user_version is past VERSION): its tables
    are not touched, nor is the version stamped back."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def prepare(db: sqlite3.Connection) -> bool:
    """Create or update the tables; True when an older index's rows had to be dropped.

    Before version 2 every row carried its camera's name, and two sources could share one.
    Those rows are dropped (the sources are kept): the index is a cache of the recordings, and
    the next scan names the cameras anew. Each old name is kept in `legacy_names` with one of
    its files, so that scan can tell which new camera it meant (cameras.adopt_legacy)."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > VERSION:
        raise NewerIndex(version)
    tables = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    rebuilt = version < _NAMED and "files" in tables
    if rebuilt:
        with Transaction(db):
            db.execute(_LEGACY)
            try:
                db.execute("INSERT OR IGNORE INTO legacy_names(source_id, name, path) "
                           "SELECT source_id, camera, min(path) FROM files WHERE camera IS NOT NULL "
                           "AND source_id IN (SELECT id FROM sources) GROUP BY source_id, camera")
            except sqlite3.OperationalError:   # an index older still: nothing to carry over
                pass
            db.execute("DROP TABLE files")
            db.execute("DROP TABLE IF EXISTS cameras")
    db.executescript(SCHEMA)
    db.execute(_LEGACY)
    _gain_columns(db)
    _drop_outdated_notes(db)
    if _NAMED <= version < _PLACED and "files" in tables:
        with Transaction(db):
            db.execute(REPLACED)
    _relook(db)
    db.execute(f"PRAGMA user_version={VERSION}")
    return rebuilt


def _relook(db: sqlite3.Connection) -> None:
    """Each rule of placement changed since the index was made: its rows looked at again by
    the next scan (their date set to one no file has), and the rule kept as done."""
    done = {rule for (rule,) in db.execute("SELECT rule FROM relooked")}
    for rule, rows in _RELOOKS.items():
        if rule not in done:
            with Transaction(db):
                db.execute(rows)
                db.execute("INSERT OR IGNORE INTO relooked(rule) VALUES (?)", (rule,))


def _gain_columns(db: sqlite3.Connection) -> None:
    """Columns added to a table as it stands (no new version: an older agent names the
    columns it reads and writes, so it still opens the index): `files.clock_shift_us`,
    `files.stale_note` (why a recorder's mirrored row may be out of date, kept apart from the
    row's own reason), `files.device_ref` (the recorder's own reference to a mirrored
    row's recording: mirrored_rows.py), `recorders.unshown` (the stretches a recorder's
    clock read a reset date: clock_stretches.py), and `channels.device_name` (what the
    recorder called a channel when its camera was named: recorder_book.renamed_on_device)."""
    columns = {row[1] for row in db.execute("PRAGMA table_info(files)")}
    if "clock_shift_us" not in columns:
        db.execute("ALTER TABLE files ADD COLUMN clock_shift_us INTEGER")
    if "stale_note" not in columns:
        db.execute("ALTER TABLE files ADD COLUMN stale_note TEXT")
    if "device_ref" not in columns:
        db.execute("ALTER TABLE files ADD COLUMN device_ref TEXT")
    if "unshown" not in {row[1] for row in db.execute("PRAGMA table_info(recorders)")}:
        db.execute("ALTER TABLE recorders ADD COLUMN unshown TEXT")
    if "device_name" not in {row[1] for row in db.execute("PRAGMA table_info(channels)")}:
        db.execute("ALTER TABLE channels ADD COLUMN device_name TEXT")


def _drop_outdated_notes(db: sqlite3.Connection) -> None:
    """Take away the note that a recorder could not be asked from the rows of one mirrored
    since: an older agent sharing the index (same version, `stale_note` unknown to it) marks
    the recorder `ok` after a refresh that succeeds but leaves the note, which would head its
    rows until this version's next refresh. The recorder's state is the truth of it, and its
    problem: an `ok` recorder with one was refreshed by this version, which left the note on
    the rows of a camera whose search failed alone (mirror.CHANNEL_FAILED); an older agent's
    refresh that succeeds takes the problem away."""
    db.execute("UPDATE files SET stale_note=NULL WHERE stale_note IS NOT NULL AND source_id IN "
               "(SELECT source_id FROM recorders WHERE state='ok' AND problem IS NULL)")
