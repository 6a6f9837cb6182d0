"""Whether a package was cut from its request's safe copy, asked of the package itself.

The activity log's `export` record names the safe copy a package was cut from (`safe_copy`,
when the copy was made; null when it was cut from the recordings). A version before that was
logged wrote the same record without the field, so the log alone cannot tell which such
packages were cut from the copy: the package's provenance.json can (its `hold` section, with
`made`, is in every package cut from a safe copy). Looked for where the request's packages are
made (`<home>/packages/<request>/<package>`), by the names the record gives, and where the log
says it was set aside since (`set_aside`); a package deleted since (a withdrawn approval's,
or by hand) cannot say, and nothing else on this PC does.
"""
from __future__ import annotations

import json
from pathlib import Path

from agent.storage import read_file_start

PROVENANCE = Path("data") / "provenance.json"
_LIMIT = 16 << 20   # a provenance.json is some KB; a larger file is no package's


class Unknown:
    """The package cannot say: it is gone from this PC, or cannot be read."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = Unknown()


def held_made(home: Path, package: object, set_aside: tuple[object, ...] = ()
              ) -> str | None | Unknown:
    """When the safe copy package `package` (a path the log gives) was cut from was made, as
    its provenance.json says; None when it was cut from the recordings; UNKNOWN when no
    package of those names can be read here."""
    for logged in (package, *set_aside):
        path = _in_packages(Path(home), logged)
        if path is None:
            continue
        try:
            # an ordinary file only: a named pipe there would keep a release waiting for ever
            data = read_file_start(path / PROVENANCE, _LIMIT + 1)
            doc = json.loads(data) if len(data) <= _LIMIT else None
        except (OSError, ValueError, RecursionError):
            continue
        if not isinstance(doc, dict):
            continue
        hold = doc.get("hold")
        made = hold.get("made") if isinstance(hold, dict) else None
        return made if isinstance(made, str) and made else None
    return UNKNOWN


def _in_packages(home: Path, logged: object) -> Path | None:
    """The package the log names, in this home's packages folder (the home may have been
    moved or put back from a backup since): its own folder's and its request's names only,
    never a path the log gives read as it is."""
    if not isinstance(logged, str) or not logged:
        return None
    path = Path(logged)
    names = (path.parent.name, path.name)
    if any(n in ("", ".", "..") for n in names):
        return None
    return home / "packages" / names[0] / names[1]
