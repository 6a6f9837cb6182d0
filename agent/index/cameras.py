"""Camera names: which camera each recording belongs to, and what the owner calls it.

The one rule (`camera_name`, in camera_names.py): a recordings folder (a source) is a camera,
named by the owner (default: the folder's name). A source whose paths name several channels (the recorder's own
word for a camera: Frigate's camera folder, a Dahua channel folder, `CH03`, ...) holds one camera
per channel, named `<source name>/<channel>`; files that name no channel stay the source's own
camera. The owner may rename any camera (`rename`), which is how a channel gets a name of its
own. Two sources never share a camera: every name belongs to one source.

Names are kept in the index (`cameras`, `channels`, `former_names`), so a name once given
holds. The first scan of a source that meets channels decides, once it has walked the whole
folder, whether the source holds one (it stays the source's camera) or several (each becomes
`<name>/<channel>`); a channel first met after that joins as `<name>/<channel>`. A rename keeps
the old name as a former name, so a request, an approval or a command that still uses it finds
the same camera. Renaming is in camera_renames.py.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from agent.index.camera_names import (CameraNameError, camera_name, check_name, composed,
                                      name_key, numbered_name)
from agent.index.camera_renames import CameraRenames
from agent.index.let_go import LetGo
from agent.index.store_errors import check_source
from agent.databases import Transaction


@dataclass(frozen=True)
class IndexedCamera:
    """A camera as the index knows it."""

    name: str
    source_root: str
    channels: tuple[str, ...]      # the recorder's words for it ('' = files naming none)
    former_names: tuple[str, ...]
    given: bool                    # named by the owner (a rename), not by the rule


class CameraBook(CameraRenames, LetGo):
    """The index's camera tables, used under the Store's lock and connection."""

    def __init__(self, db: sqlite3.Connection, lock):
        self._db = db
        self._lock = lock

    # lookups -----------------------------------------------------------------------------
    def lookup(self, name: str) -> tuple[int, str, int] | None:
        """(id, current name, longest recording in µs) of the camera a name means: its
        current name, else a former one."""
        with self._lock:
            row = self._db.execute("SELECT id, name, max_len_us FROM cameras WHERE name=?",
                                   (name,)).fetchone()
            if row is None:
                row = self._db.execute("SELECT c.id, c.name, c.max_len_us FROM former_names f "
                                       "JOIN cameras c ON c.id = f.camera_id WHERE f.name=?",
                                       (name,)).fetchone()
            if row is None:   # the accents written otherwise (a name kept as a Mac spelt it)
                row = self._spelt_otherwise(name)
        return row

    def _spelt_otherwise(self, name: str) -> tuple[int, str, int] | None:
        """lookup's row for a name kept with its accents written another way than `name`."""
        wanted = composed(name)
        rows = self._db.execute("SELECT id, name, max_len_us, 0 FROM cameras UNION ALL "
                                "SELECT c.id, f.name, c.max_len_us, 1 FROM former_names f "
                                "JOIN cameras c ON c.id = f.camera_id").fetchall()
        for cid, held, longest, former in sorted(rows, key=lambda r: r[3]):
            if composed(held) == wanted:
                current = self._db.execute("SELECT name FROM cameras WHERE id=?",
                                           (cid,)).fetchone()[0]
                return cid, current, longest
        return None

    def current(self, name: str) -> str | None:
        """The current name of the camera `name` means (itself, or what it was renamed to)."""
        found = self.lookup(name)
        return found[1] if found else None

    def for_source(self, source_id: int) -> dict[str, str]:
        """channel -> camera name for every channel of a source the index has met."""
        with self._lock:
            return dict(self._db.execute(
                "SELECT h.channel, c.name FROM channels h JOIN cameras c ON c.id = h.camera_id "
                "WHERE h.source_id=?", (source_id,)))

    def listing(self) -> list[IndexedCamera]:
        """Every camera with its source, channels and former names, by name."""
        with self._lock:
            cams = self._db.execute(
                "SELECT c.id, c.name, s.root, c.given FROM cameras c JOIN sources s "
                "ON s.id = c.source_id ORDER BY c.name").fetchall()
            chans: dict[int, list[str]] = {}
            for cid, ch in self._db.execute("SELECT camera_id, channel FROM channels ORDER BY channel"):
                chans.setdefault(cid, []).append(ch)
            former: dict[int, list[str]] = {}
            for cid, n in self._db.execute("SELECT camera_id, name FROM former_names ORDER BY name"):
                former.setdefault(cid, []).append(n)
        return [IndexedCamera(name, root, tuple(chans.get(cid, ())), tuple(former.get(cid, ())),
                       bool(given)) for cid, name, root, given in cams]

    def free_name(self, wanted: str, explicit: bool, disk: str | None = None,
                  root: str | None = None) -> str:
        """`wanted` if no camera holds it; else refused (explicit) or numbered (a default). A
        default name for a folder `root` on `disk` (disk_identity.py) is a removed folder's
        camera's own when that folder was on the same disk (at `root`, or called `wanted`),
        and never a name kept for one on another (let_go.py)."""
        name = check_name(wanted)
        if explicit:
            held = self._holders(name)
            if held:
                raise CameraNameError(f"a camera named '{min(held.values())}' exists already (or "
                                      "was called that); two recordings folders are never one "
                                      "camera: choose another name")
            return name
        return self.default_name(name, disk, root)

    def ensure_bases(self) -> None:
        """Give every source its own camera (sources kept from an index before version 2)."""
        with self._lock, Transaction(self._db):
            for (source_id,) in self._db.execute("SELECT id FROM sources ORDER BY id").fetchall():
                self._base(source_id)

    # naming as a scan meets channels ----------------------------------------------------------
    def add_base(self, source_id: int, name: str) -> None:
        """The source's own camera (channel ''): files that name no channel, or the only one;
        named as a removed folder's camera was, it takes back that camera's former names."""
        cur = self._db.execute("INSERT INTO cameras(name, source_id, channel) VALUES (?,?,'')",
                               (name, source_id))
        self._db.execute("INSERT OR REPLACE INTO channels(source_id, channel, camera_id) "
                         "VALUES (?, '', ?)", (source_id, cur.lastrowid))
        self._take_back(cur.lastrowid, name)

    def meet(self, source_id: int, channel: str) -> str:
        """Name a channel a scan of the source met for the first time: files naming none are
        the source's own camera; a channel gets `<name>/<channel>`, provisionally while the
        source has no settled channel (`settle` may make it the source's own camera).
        SourceGone when the source was removed meanwhile."""
        with self._lock, Transaction(self._db):
            check_source(self._db, source_id)
            base_id, base = self._base(source_id)
            if channel == "":
                cid, name, provisional = base_id, base, 0
            else:
                settled = self._db.execute(
                    "SELECT 1 FROM channels WHERE source_id=? AND channel != '' AND provisional=0 "
                    "LIMIT 1", (source_id,)).fetchone()
                (cid, name), provisional = self._new_camera(source_id, channel, base), int(not settled)
            self._db.execute("INSERT OR REPLACE INTO channels(source_id, channel, camera_id, "
                             "provisional) VALUES (?,?,?,?)", (source_id, channel, cid, provisional))
            return name

    def unsettled(self, source_id: int) -> bool:
        """True while a channel of the source waits for a whole walk to `settle` it."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM channels WHERE source_id=? AND provisional=1 "
                                    "LIMIT 1", (source_id,)).fetchone() is not None

    def settle(self, source_id: int, walked: bool) -> None:
        """After a whole walk of the folder (`walked`): if it holds a single channel, met for the
        first time, that channel's camera becomes the source's own camera (a rename: its
        recordings stay where they are; files naming no channel join it). The naming then
        holds. A scan cut short (a cancel, a crash) leaves it for the next whole one."""
        if not walked:
            return
        with self._lock, Transaction(self._db):
            provisional = self._db.execute("SELECT camera_id FROM channels WHERE source_id=? AND "
                                           "provisional=1", (source_id,)).fetchall()
            if not provisional:
                return
            named = self._db.execute("SELECT count(*) FROM channels WHERE source_id=? AND "
                                     "channel != ''", (source_id,)).fetchone()[0]
            if named == 1:
                self._fold(source_id, provisional[0][0])
            self._db.execute("UPDATE channels SET provisional=0 WHERE source_id=?", (source_id,))

    def _fold(self, source_id: int, cid: int) -> None:
        """The source's own camera becomes camera `cid` (of its only channel), named as the
        source: the (few) rows and the former names of the old one move over, it goes."""
        base_id, base = self._base(source_id)
        given, longest = self._db.execute("SELECT given, max_len_us FROM cameras WHERE id=?",
                                          (base_id,)).fetchone()
        for table in ("files", "channels", "former_names"):
            self._db.execute(f"UPDATE {table} SET camera_id=? WHERE camera_id=?", (cid, base_id))
        self._db.execute("DELETE FROM cameras WHERE id=?", (base_id,))
        self._db.execute("UPDATE cameras SET name=?, channel='', given=?, max_len_us=max(max_len_us, "
                         "?) WHERE id=?", (base, given, longest, cid))

    def ids_for(self, wanted: set[tuple[str, int]]) -> dict[str, int]:
        """Camera ids by name for rows about to be stored (inside the caller's transaction); a
        name not known yet becomes a camera of the row's source, with the name as its channel."""
        ids: dict[str, int] = {}
        for name, source_id in wanted:
            if name in ids:
                continue
            row = self._db.execute("SELECT id FROM cameras WHERE name=?", (name,)).fetchone()
            if row is None:
                row = (self._db.execute("INSERT INTO cameras(name, source_id, channel) "
                                        "VALUES (?,?,?)", (name, source_id, name)).lastrowid,)
            ids[name] = row[0]
        return ids

    def adopt_legacy(self, source_id: int) -> list[tuple[str, str, bool]]:
        """After a whole scan of a source from an index before version 2: which camera each of
        its old camera names now is, found by a file the old name had. An old name only this
        source used becomes a former name of that camera (requests and approvals that use it
        find it); one several sources shared (the old merge) stays nobody's. Returns (old name,
        camera, shared) for each name settled now."""
        out = []
        with self._lock, Transaction(self._db):
            rows = self._db.execute("SELECT name, path FROM legacy_names WHERE source_id=? AND "
                                    "done=0", (source_id,)).fetchall()
            for old, path in rows:
                self._db.execute("UPDATE legacy_names SET done=1 WHERE source_id=? AND name=?",
                                 (source_id, old))
                cam = self._db.execute("SELECT c.id, c.name FROM files f JOIN cameras c ON c.id = "
                                       "f.camera_id WHERE f.path=? LIMIT 1", (path,)).fetchone()
                if cam is None:
                    continue
                shared = self._db.execute("SELECT count(DISTINCT source_id) FROM legacy_names "
                                          "WHERE name=?", (old,)).fetchone()[0] > 1
                if not shared and old != cam[1] and not self._taken(old):
                    self._db.execute("INSERT INTO former_names(name, camera_id) VALUES (?,?)",
                                     (old, cam[0]))
                out.append((old, cam[1], shared))
        return out

    # helpers (recorder_book.py names a recorder's channels with them too) -----------------
    def _base(self, source_id: int) -> tuple[int, str]:
        row = self._db.execute("SELECT id, name FROM cameras WHERE source_id=? AND channel=''",
                               (source_id,)).fetchone()
        if row is None:   # a source registered before camera names were kept
            name = self._db.execute("SELECT camera FROM sources WHERE id=?", (source_id,)).fetchone()[0]
            name = self._numbered(name) if self._taken(name) else name
            self._db.execute("UPDATE sources SET camera=? WHERE id=?", (name, source_id))
            self.add_base(source_id, name)
            return self._base(source_id)
        return row

    def _new_camera(self, source_id: int, channel: str, base: str) -> tuple[int, str]:
        row = self._db.execute("SELECT id, name FROM cameras WHERE source_id=? AND channel=?",
                               (source_id, channel)).fetchone()
        if row is not None:
            return row
        name = camera_name(base, channel, True)
        name = self._numbered(name) if self._taken(name) else name
        cur = self._db.execute("INSERT INTO cameras(name, source_id, channel) VALUES (?,?,?)",
                               (name, source_id, channel))
        self._take_back(cur.lastrowid, name)
        return cur.lastrowid, name

    def _taken(self, name: str) -> bool:
        return bool(self._holders(name))

    def _holders(self, name: str) -> dict[int, str]:
        """The cameras holding `name`, now or formerly, by id: a former name keeps meaning
        its camera. Names alike but for capitals or how accents are written are one
        (`name_key`): Windows and macOS would keep them in one masks file and safe-copy folder."""
        folded = name_key(name)
        rows = self._db.execute("SELECT id, name FROM cameras UNION ALL "
                                "SELECT camera_id, name FROM former_names")
        return {cid: held for cid, held in rows if name_key(held) == folded}

    def _numbered(self, name: str) -> str:
        n = 2
        while self._taken(numbered_name(name, n)):
            n += 1
        return numbered_name(name, n)

    base_of, taken, numbered = _base, _taken, _numbered
