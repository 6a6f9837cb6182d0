"""How a camera's coverage reads on its timeline (Qt-free): recorded stretches, stretches whose
files cannot be used (damaged, empty, unsupported) and why, and stretches placed in time by
file dates alone."""
from __future__ import annotations

from agent.views import Coverage

_WHY = {"damaged": "damaged", "empty": "empty", "unsupported": "in a format this app cannot read"}


def timeline_parts(cov: Coverage) -> tuple[list, list, list, str]:
    """(recorded spans, marked stretches as (start, end, status), stretches timed by file
    dates, the note under the timeline)."""
    spans = [(s.start_us, s.end_us) for s in cov.spans]
    marks = [(m.start_us, m.end_us, m.status) for m in cov.marks]
    guessed = [(s.start_us, s.end_us) for s in cov.guessed]
    return spans, marks, guessed, note(cov)


def note(cov: Coverage) -> str:
    """What the owner should know about this window beyond the picture."""
    parts = [] if cov.spans else [("nothing usable" if cov.marks else "nothing")
                                  + " recorded in this time"]
    kinds = sorted({m.status for m in cov.marks})
    if kinds:
        files = len({m.path for m in cov.marks})
        parts.append(f"{files} recording{'s' if files != 1 else ''} here "
                     f"{'are' if files != 1 else 'is'} " + " or ".join(_WHY.get(k, k) for k in kinds))
    if cov.guessed:
        parts.append("some times come from file dates only")
    return "; ".join(parts)
