"""Recorders on the owner's network as sources of the index.

A recorder source is a row of `sources` whose root is the recorder's address (its layout is
`recorder`) plus a row of `recorders`: the vendor, the user, the certificate fingerprint the
owner trusted, the zone, what the device said it is, its channels, and how its last refresh
went. Never its password: that is in the keychain (agent.recorders.credentials), keyed by the
address.

Refresh states: `new` (added, not mirrored yet), `ok`, `offline` (it did not answer or answered
badly, or its refresh failed on this computer: its mirrored rows stay, marked stale, and it is
asked again later, less often each time), `refused` (a wrong password or a changed
certificate: no refresh until the owner fixes it, since recorders lock out an address after a
few wrong tries) and `locked` (the password could not be read here: no keychain and no
passphrase given).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from agent.index.camera_names import CameraNameError, camera_name, check_name, offered_name
from agent.index.cameras import CameraBook
from agent.recorders.connect import RecorderAddress
from agent.databases import Transaction

RECORDER_LAYOUT = "recorder"
STATES = ("new", "ok", "offline", "refused", "locked")
_COLUMNS = ("source_id", "vendor", "user", "fingerprint", "zone", "allow_plain_http",
            "z_is_local", "model", "firmware", "serial", "device_name", "channels",
            "clock_offset_s", "state", "problem", "refreshed_us", "full_us", "failures", "next_us")


@dataclass(frozen=True)
class RecorderSource:
    """A recorder the index mirrors: how to reach it, what it is, and how its refresh stands.

    `channels`: (the vendor's number, the device's name for it) of each camera input.
    `clock_offset_s`: its clock minus this PC's at the last refresh (None before one).
    `refreshed_us`: when it last answered a whole refresh (this PC's clock); `next_us`: the
    earliest moment `run` asks it again."""

    source_id: int
    url: str
    vendor: str
    user: str
    fingerprint: str | None
    zone: str | None
    allow_plain_http: bool
    z_is_local: bool
    model: str
    firmware: str
    serial: str
    device_name: str
    channels: tuple[tuple[int, str], ...]
    clock_offset_s: float | None
    state: str
    problem: str | None
    refreshed_us: int | None
    full_us: int | None
    failures: int
    next_us: int

    def address(self) -> RecorderAddress:
        """What the recorder clients need to reach it (agent.recorders.connect)."""
        return RecorderAddress(self.url, self.vendor, self.user, self.fingerprint, self.zone,
                               self.allow_plain_http, self.z_is_local)

    @property
    def refreshing(self) -> bool:
        """False while a wrong password or a changed certificate waits for the owner."""
        return self.state not in ("refused", "locked")


class RecorderBook:
    """The index's `recorders` table, used under the Store's lock and connection."""

    def __init__(self, db: sqlite3.Connection, lock, names: CameraBook):
        self._db = db
        self._lock = lock
        self._names = names

    def set_address(self, source_id: int, address: RecorderAddress) -> None:
        """Keep (or change) how a recorder source is reached; a new one starts as `new`."""
        with self._lock, Transaction(self._db):
            self._db.execute(
                "INSERT INTO recorders(source_id, vendor, user, fingerprint, zone, "
                "allow_plain_http, z_is_local) VALUES (?,?,?,?,?,?,?) ON CONFLICT(source_id) DO "
                "UPDATE SET vendor=excluded.vendor, user=excluded.user, fingerprint="
                "excluded.fingerprint, zone=excluded.zone, allow_plain_http="
                "excluded.allow_plain_http, z_is_local=excluded.z_is_local, state='new', "
                "problem=NULL, failures=0, next_us=0",
                (source_id, address.vendor, address.user, address.fingerprint, address.zone,
                 int(address.allow_plain_http), int(address.z_is_local)))

    def name_channels(self, source_id: int,
                      channels: list[tuple[str, str | None, str]]) -> list[str]:
        """Cameras for a recorder's channels, each (its key, the owner's name or None, the
        device's name for it), by the index's one rule (cameras.py): a recorder of one channel
        is the source's own camera; of several, each is the owner's name for it or
        `<source>/<device's name>` (its number when the device names none). A channel met
        before keeps its camera. An owner's name another camera holds is refused
        (CameraNameError), and nothing is kept then."""
        book, out = self._names, []
        with self._lock, Transaction(self._db):
            base_id, base = book.base_of(source_id)
            for key, wanted, device in channels:
                row = self._db.execute("SELECT c.name, h.device_name FROM channels h JOIN cameras "
                                       "c ON c.id = h.camera_id WHERE h.source_id=? AND "
                                       "h.channel=?", (source_id, key)).fetchone()
                if row is not None:
                    if row[1] is None:   # kept before the device's names were
                        self._db.execute("UPDATE channels SET device_name=? WHERE source_id=? "
                                         "AND channel=?", (device, source_id, key))
                    out.append(row[0])
                    continue
                if len(channels) == 1 and not self._db.execute(
                        "SELECT 1 FROM channels WHERE source_id=? AND channel != ''",
                        (source_id,)).fetchone():
                    cid, name = base_id, base
                else:
                    name = check_name(wanted) if wanted else camera_name(base, _word(device, key), True)
                    if book.taken(name):
                        if wanted:
                            raise CameraNameError(f"a camera named '{name}' exists already (or "
                                                  "was called that): choose another name")
                        name = book.numbered(name)
                    cid = self._db.execute("INSERT INTO cameras(name, source_id, channel, given) "
                                           "VALUES (?,?,?,?)",
                                           (name, source_id, key, int(bool(wanted)))).lastrowid
                self._db.execute("INSERT OR REPLACE INTO channels(source_id, channel, camera_id, "
                                 "provisional, device_name) VALUES (?,?,?,0,?)",
                                 (source_id, key, cid, device))
                out.append(name)
        return out

    def get(self, source_id: int) -> RecorderSource | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT s.root, {', '.join('r.' + c for c in _COLUMNS)} FROM recorders r "
                "JOIN sources s ON s.id = r.source_id WHERE r.source_id=?", (source_id,)).fetchone()
        return _recorder(row) if row else None

    def all(self) -> list[RecorderSource]:
        """Every recorder source, by address."""
        with self._lock:
            rows = self._db.execute(
                f"SELECT s.root, {', '.join('r.' + c for c in _COLUMNS)} FROM recorders r "
                "JOIN sources s ON s.id = r.source_id ORDER BY s.root").fetchall()
        return [_recorder(r) for r in rows]

    def ids(self) -> set[int]:
        """Source ids that are recorders (the others are folders)."""
        with self._lock:
            return {i for (i,) in self._db.execute("SELECT source_id FROM recorders")}

    def channel_of(self, camera: str) -> tuple[RecorderSource, str] | None:
        """The recorder source and channel key a camera name means; None for a folder's
        camera (or an unknown name)."""
        found = self._names.lookup(camera)
        if found is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT h.source_id, h.channel FROM channels h JOIN recorders r "
                                   "ON r.source_id = h.source_id WHERE h.camera_id=? AND "
                                   "h.channel != '' ORDER BY h.channel LIMIT 1",
                                   (found[0],)).fetchone()
        if row is None:
            return None
        rec = self.get(row[0])
        return (rec, row[1]) if rec is not None else None

    def newest(self, source_id: int, channel: str) -> int | None:
        """Start of the newest mirrored recording of a channel (where a refresh picks up)."""
        with self._lock:
            return self._db.execute("SELECT max(start_us) FROM files WHERE source_id=? AND "
                                    "channel=? AND status='remote'", (source_id, channel)).fetchone()[0]

    def mirrored_cameras(self, source_id: int) -> dict[str, str]:
        """The channels a recorder's mirrored rows are of, each with its camera's name."""
        with self._lock:
            return dict(self._db.execute(
                "SELECT DISTINCT f.channel, c.name FROM files f JOIN cameras c ON c.id = "
                "f.camera_id WHERE f.source_id=? AND f.status='remote'", (source_id,)))

    def drop_problem(self, source_id: int, said: str) -> None:
        """Take one sentence the last refresh noted (a camera let go since) out of the
        recorder's problem."""
        with self._lock, Transaction(self._db):
            row = self._db.execute("SELECT problem FROM recorders WHERE source_id=?",
                                   (source_id,)).fetchone()
            if row and row[0] and said in row[0]:
                rest = " ".join(row[0].replace(said, " ").split()) or None
                self._db.execute("UPDATE recorders SET problem=? WHERE source_id=?",
                                 (rest, source_id))

    def renamed_on_device(self, source_id: int,
                          channels: tuple[tuple[int, str], ...]) -> list[tuple[str, str, str]]:
        """(camera, what the recorder called its channel when the camera was named, what it
        calls it now) for each channel the recorder names otherwise now."""
        now = {str(key): name for key, name in channels}
        with self._lock:
            rows = self._db.execute("SELECT h.channel, c.name, h.device_name FROM channels h "
                                    "JOIN cameras c ON c.id = h.camera_id WHERE h.source_id=?",
                                    (source_id,)).fetchall()
        return [(camera, before, now[key]) for key, camera, before in rows
                if before and now.get(key) and now[key] != before]

    def unshown(self, source_id: int) -> str | None:
        """The stretches its clock read a reset date, as kept (clock_stretches.py)."""
        with self._lock:
            row = self._db.execute("SELECT unshown FROM recorders WHERE source_id=?",
                                   (source_id,)).fetchone()
        return row[0] if row else None

    def keep_unshown(self, source_id: int, kept: str | None) -> None:
        with self._lock:
            self._db.execute("UPDATE recorders SET unshown=? WHERE source_id=?",
                             (kept, source_id))

    def oldest(self, source_id: int) -> int | None:
        """Start of the oldest recording mirrored from a recorder (None: none is)."""
        with self._lock:
            return self._db.execute("SELECT min(start_us) FROM files WHERE source_id=? AND "
                                    "status='remote'", (source_id,)).fetchone()[0]

    def count(self, source_id: int) -> int:
        """How many recordings of a recorder are mirrored."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM files WHERE source_id=? AND "
                                    "status='remote'", (source_id,)).fetchone()[0]

    def record_device(self, source_id: int, model: str, firmware: str, serial: str, name: str,
                      channels: tuple[tuple[int, str], ...], clock_offset_s: float) -> None:
        """What the device said it is, and its clock, at this refresh."""
        with self._lock:
            self._db.execute(
                "UPDATE recorders SET model=?, firmware=?, serial=?, device_name=?, channels=?, "
                "clock_offset_s=? WHERE source_id=?",
                (model, firmware, serial, name, json.dumps([list(c) for c in channels]),
                 clock_offset_s, source_id))

    def record_success(self, source_id: int, now_us: int, full: bool, next_us: int,
                       note: str | None = None) -> None:
        """A refresh that went well; `note`: what the owner should still know (mirror.LEFT_OUT),
        kept as its problem while its state is ok."""
        with self._lock:
            self._db.execute(
                "UPDATE recorders SET state='ok', problem=?, failures=0, refreshed_us=?, "
                "full_us=CASE WHEN ? THEN ? ELSE full_us END, next_us=? WHERE source_id=?",
                (note, now_us, int(full), now_us, next_us, source_id))

    def record_failure(self, source_id: int, state: str, problem: str, next_us: int) -> int:
        """A refresh that failed; returns how many failed in a row (for the back-off)."""
        with self._lock, Transaction(self._db):
            self._db.execute("UPDATE recorders SET state=?, problem=?, failures=failures+1, "
                             "next_us=? WHERE source_id=?", (state, problem, next_us, source_id))
            row = self._db.execute("SELECT failures FROM recorders WHERE source_id=?",
                                   (source_id,)).fetchone()
        return row[0] if row else 0

    def postpone(self, source_id: int, next_us: int) -> None:
        with self._lock:
            self._db.execute("UPDATE recorders SET next_us=? WHERE source_id=?",
                             (next_us, source_id))


def _recorder(row: tuple) -> RecorderSource:
    url, source_id, vendor, user, fp, zone, plain, zlocal, model, firmware, serial, name, \
        channels, offset, state, problem, refreshed, full, failures, next_us = row
    try:
        chans = tuple((int(c[0]), str(c[1])) for c in json.loads(channels))
    except (ValueError, TypeError, IndexError):
        chans = ()
    return RecorderSource(source_id, url, vendor, user, fp, zone, bool(plain), bool(zlocal),
                          model, firmware, serial, name, chans, offset, state, problem,
                          refreshed, full, failures, next_us)


def _word(device_name: str, key: str) -> str:
    """A device's name for a channel as a camera word, made one a camera name may hold as a
    folder's is (`offered_name`: a control character a space, cut to MAX_NAME); its number
    when nothing is left. Before, a name of 121 characters lost all its words for the number."""
    return offered_name((device_name or "").replace("/", " ")) or key
