"""A removed recordings folder's camera names, kept for its card's return.

A card read at another drive letter is removed and added again under its camera's name
(moved_folder.py): a camera renamed before lost the name it had, which a request, its approval
and its safe copy still call it by. So removing a folder keeps its cameras' former names
(`let_go_names`, by the name each camera had then), given back to the camera of a folder added
again under that name, unless another camera has or had one meanwhile (never merged).

A card reader's slot takes one card after another at one path, so the folder's path does not
say which card came back. The disk does: the system names it (disk_identity.py: a volume
serial, a file system's UUID), and the name the removed folder's recordings were indexed from
is kept with its camera's (`let_go_folders`). A folder added with the name the app gives it (its
folder's, the owner typing none) on that same disk is the removed camera back, named as it was
(its former names follow); on another disk it never takes a name kept for that camera, which
would have the request and safe copy that call camera A by it mean the other card's camera.
Where either disk has no name (a network share, macOS), nothing tells them apart: a default
name is given as before. A name the owner types is theirs to give (cameras.free_name).

A mixin of `agent.index.cameras.CameraBook`, which provides `_db`, `_taken` and `_numbered`.
"""
from __future__ import annotations

from agent.index.camera_names import name_key, numbered_name


class LetGo:
    """The names of a removed folder's cameras, kept and given back."""

    def let_go(self, source_id: int) -> None:
        """Keep the former names of the source's cameras, about to be removed with it, by the
        name each camera has, and its own camera's name with its folder and the disk its
        recordings were indexed from (inside the caller's transaction)."""
        self._db.execute("INSERT OR REPLACE INTO let_go_names(name, camera) SELECT f.name, "
                         "c.name FROM former_names f JOIN cameras c ON c.id = f.camera_id "
                         "WHERE c.source_id=?", (source_id,))
        self._db.execute("INSERT OR REPLACE INTO let_go_folders(camera, root, disk) SELECT "
                         "c.name, s.root, d.identity FROM cameras c JOIN sources s ON s.id = "
                         "c.source_id LEFT JOIN disks d ON d.source_id = s.id WHERE "
                         "c.source_id=? AND c.channel=''", (source_id,))

    def default_name(self, name: str, disk: str | None, root: str | None = None) -> str:
        """The name a folder `root` on `disk` gets when the owner typed none (`name`, its
        folder's): the name of a removed folder's camera on that disk, when no camera has it
        now and that folder was `root` or its camera had `name` (one disk, a PC's drive, holds
        many folders); else `name`, numbered when a camera has or had it or it is kept for a
        removed folder's camera on another disk."""
        if disk is not None:
            for camera, kept, was in self._db.execute("SELECT camera, disk, root FROM "
                                                      "let_go_folders ORDER BY camera").fetchall():
                if kept == disk and not self._taken(camera) and (
                        was == root or self._had(camera, name)):
                    return camera
        if not (self._taken(name) or self._kept_elsewhere(name, disk)):
            return name
        n = 2
        while self._taken(numbered_name(name, n)) or self._kept_elsewhere(
                numbered_name(name, n), disk):
            n += 1
        return numbered_name(name, n)

    def _had(self, camera: str, name: str) -> bool:
        """Whether the removed folder's camera `camera` was called `name`, then or before."""
        folded = name_key(name)
        return name_key(camera) == folded or any(
            name_key(old) == folded for (old,) in self._db.execute(
                "SELECT name FROM let_go_names WHERE camera=?", (camera,)).fetchall())

    def _kept_elsewhere(self, name: str, disk: str | None) -> bool:
        """Whether `name` is kept for a removed folder's camera (its name then, or a former
        one) whose disk is known and is not `disk` (known too)."""
        if disk is None:
            return False
        folded = name_key(name)
        rows = self._db.execute(
            "SELECT l.camera, l.disk FROM let_go_folders l UNION ALL SELECT n.name, l.disk "
            "FROM let_go_names n JOIN let_go_folders l ON l.camera = n.camera").fetchall()
        return any(kept is not None and kept != disk and name_key(held) == folded
                   for held, kept in rows)

    def _take_back(self, cid: int, name: str) -> None:
        """Give camera `cid`, just named `name`, the former names a removed folder's camera of
        that name had (let_go); one another camera has, or had, since stays that camera's.
        The name is no longer kept for that folder: a camera has it."""
        folded = name_key(name)
        rows = self._db.execute("SELECT name, camera FROM let_go_names").fetchall()
        for old, camera in rows:
            if name_key(camera) != folded:
                continue
            if not self._taken(old):
                self._db.execute("INSERT INTO former_names(name, camera_id) VALUES (?,?)",
                                 (old, cid))
            self._db.execute("DELETE FROM let_go_names WHERE name=?", (old,))
        for (camera,) in self._db.execute("SELECT camera FROM let_go_folders").fetchall():
            if name_key(camera) == folded:
                self._db.execute("DELETE FROM let_go_folders WHERE camera=?", (camera,))
