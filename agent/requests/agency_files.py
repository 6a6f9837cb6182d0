"""The trust store's folder as it is read: the file each agency is kept in, and which files
there are usable agencies, left out or damaged (altered by hand, not the file kept for their
agency, or changed since the owner accepted them: trust_pins.py).

TrustStore (agencies.py) imports, pins and removes them."""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from agent.os_words import plain_os_error
from agent.requests.agency_changes import changed_since_accepted
from agent.requests.trust_pins import Pins
from agent.storage import is_device_name, read_file_start
from frp.agency import MAX_FILE_BYTES, Agency, AgencyError, read_agency
from frp.text import one_line


def _safe_name(agency_id: str) -> str:
    """The agency's file name: never one Windows keeps for a device (`aux.sheriff...json`
    would be the AUX device there)."""
    name = _name_before(agency_id)
    return "_" + name if is_device_name(name) else name


def _name_before(agency_id: str) -> str:
    # Readable and unique: the id's letters for the owner, a hash so two ids never collide.
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", agency_id.split("://", 1)[-1]).strip("._-")[:60]
    return f"{slug or 'agency'}-{hashlib.sha256(agency_id.encode()).hexdigest()[:12]}.json"


# A file in agencies/ that parses but is not where import_file keeps its agency.
NOT_ITS_FILE = ("it is not the file this app keeps for {agency} (a copy made by a backup or "
                "sync program, or put there by hand), so it is not trusted: move it out of "
                "{folder}; to trust what it says, import it as an agency file")


def is_copy(problem: str) -> bool:
    """Whether a problem damaged() names is NOT_ITS_FILE: a file to move out of the folder,
    which importing the agency's file again does not replace."""
    return problem.startswith(NOT_ITS_FILE.split("{", 1)[0])


class AgencyFiles:
    """TrustStore's reading of its folder; it gives `folder` and `_pins`."""

    def _file(self, agency_id: str) -> Path:
        """Where the agency is kept: its file, or the one an earlier version named it by
        (a device's name on Windows, so only ever written elsewhere) while only that is
        there, so it is read, replaced and removed, never doubled."""
        path, before = self.folder / _safe_name(agency_id), self.folder / _name_before(agency_id)
        if path != before and not path.exists() and before.is_file():
            return before
        return path

    def _parse(self, path: Path) -> Agency | None:
        # Files here were validated on import; one that no longer parses was altered by hand and
        # is left out rather than trusted. So is one not named for its id: get() never reads
        # it, and were list() to, a second file for an agency (a sync program's copy) would
        # be polled with the registration's portal password, never imported.
        try:
            agency = read_agency(read_file_start(path, MAX_FILE_BYTES + 1))
        except (OSError, AgencyError):
            return None
        return agency if path.name == self._file(agency.id).name else None

    def _load(self, path: Path, pins: Pins) -> Agency | None:
        # ...and so is one changed since the owner accepted it (trust_pins.py).
        agency = self._parse(path)
        return agency if agency is not None and pins.holds(agency) else None

    def list(self) -> list[Agency]:
        """Every usable agency, sorted by name."""
        if not self.folder.is_dir():
            return []
        pins = self._pins()
        found = (self._load(p, pins) for p in sorted(self.folder.glob("*.json")))
        return sorted((a for a in found if a is not None), key=lambda a: (a.name.lower(), a.id))

    def unreadable_folder(self) -> str | None:
        """Why the folder cannot be read, in plain words (a file or a named pipe a sync
        program or a restore left in its place, a folder the system refuses); None when it can,
        or is not there yet (no agency imported). list() and damaged() then find nothing, which
        is not the owner having trusted none."""
        try:
            with os.scandir(self.folder):   # a pipe in its place is no folder: never waited on
                return None
        except FileNotFoundError:
            return None
        except OSError as exc:
            return "cannot read the agencies folder: " + plain_os_error(exc, str(self.folder))

    def broken(self) -> list[Path]:
        """Agency files that no longer validate (edited by hand), are not the file kept for
        their agency, or changed since the owner accepted them; list() leaves them out."""
        if not self.folder.is_dir():
            return []
        pins = self._pins()
        return [p for p in sorted(self.folder.glob("*.json")) if self._load(p, pins) is None]

    def damaged(self) -> list[tuple[str, str]]:
        """Agency files that no longer validate, or are not the file kept for their agency, as
        (file name, what is wrong), so the owner is shown them rather than losing them from
        view; importing the agency's file again replaces a damaged one."""
        if not self.folder.is_dir():
            return []
        out, pins = [], self._pins()
        for path in sorted(self.folder.glob("*.json")):
            try:
                agency = read_agency(read_file_start(path, MAX_FILE_BYTES + 1))
                if path.name != self._file(agency.id).name:
                    out.append((path.name, NOT_ITS_FILE.format(
                        agency=one_line(agency.id), folder=self.folder)))
                elif pins.newer:   # to install that version again, not to accept it again
                    out.append((path.name, pins.problem))
                elif not pins.holds(agency):
                    out.append((path.name, changed_since_accepted(
                        agency, pins.accepted(agency.id), pins.problem, path)))
            except AgencyError as exc:
                out.append((path.name, str(exc)))
            except OSError as exc:
                out.append((path.name, f"cannot be read: {plain_os_error(exc, str(path))}"))
        return out

    def get(self, agency_id: str) -> Agency | None:
        """The agency with exactly this id, if imported."""
        if not isinstance(agency_id, str) or not agency_id:
            return None
        path = self._file(agency_id)
        agency = self._load(path, self._pins()) if path.is_file() else None
        return agency if agency is not None and agency.id == agency_id else None
