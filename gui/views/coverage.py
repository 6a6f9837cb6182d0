"""How a camera's coverage reads on its timeline (Qt-free): recorded stretches, stretches whose
files cannot be used (damaged, empty, unsupported, still being recorded, or of the repeated
hour) and why, and
stretches placed in time by file dates alone."""
from __future__ import annotations

from agent.views import Coverage
from gui.views.words import QT_TRANSLATE_NOOP, translate

_WHY = {"damaged": QT_TRANSLATE_NOOP("coverage", "damaged"),
        "empty": QT_TRANSLATE_NOOP("coverage", "empty"),
        "unsupported": QT_TRANSLATE_NOOP("coverage", "in a format this app cannot read"),
        "in-progress": QT_TRANSLATE_NOOP("coverage", "still being recorded"),
        "ambiguous": QT_TRANSLATE_NOOP("coverage", "from the hour the clocks repeat, and which "
                                                   "pass is not known")}


def timeline_parts(cov: Coverage) -> tuple[list, list, list, str]:
    """(recorded spans, marked stretches as (start, end, status), stretches timed by file
    dates, the note under the timeline)."""
    spans = [(s.start_us, s.end_us) for s in cov.spans]
    marks = [(m.start_us, m.end_us, m.status) for m in cov.marks]
    guessed = [(s.start_us, s.end_us) for s in cov.guessed]
    return spans, marks, guessed, note(cov)


def unsaved_stretch(cov: Coverage) -> tuple[int, int] | None:
    """The window's last gap when it runs to the window's end from where a recording still
    being written (`in-progress`) ended as indexed: the camera was likely recording then, its
    file held nothing later yet (not "nothing recorded"; agent plan.not_saved_yet finds it so
    for the package). (start, end), or None."""
    if not cov.gaps or cov.gaps[-1].end_us < cov.end_us:
        return None
    last = cov.gaps[-1]
    growing = any(f.status == "in-progress" and f.end_us == last.start_us for f in cov.files)
    return (last.start_us, last.end_us) if growing else None


def note(cov: Coverage) -> str:
    """What the owner should know about this window beyond the picture."""
    parts = [] if cov.spans else [
        translate("coverage", "nothing usable recorded in this time") if cov.marks
        else translate("coverage", "nothing recorded in this time")]
    kinds = sorted({m.status for m in cov.marks})
    if kinds:
        files = len({m.path for m in cov.marks})
        why = translate("coverage", " or ").join(translate("coverage", _WHY[k]) if k in _WHY
                                                 else k for k in kinds)
        said = (translate("coverage", "1 recording here is {why}") if files == 1 else
                translate("coverage", "{n} recordings here are {why}"))
        parts.append(said.format(n=files, why=why))
    if unsaved_stretch(cov):   # drawn as a stretch without recording, which it is not
        parts.append(translate("coverage", "the end is not saved yet (still being recorded)"))
    if cov.guessed:
        parts.append(translate("coverage", "some times come from file dates only"))
    if cov.held:
        parts.insert(0, translate("coverage", "from the safe copy: the recordings are gone "
                                              "from their folder, or changed, since it was made"))
    if cov.left_out:   # on disk, not in the copy: a cut from the copy leaves them out
        missed = len(cov.left_out)
        parts.append((translate("coverage", "1 recording in its folder made after the safe "
                                            "copy is left out") if missed == 1 else
                      translate("coverage", "{n} recordings in its folder made after the safe "
                                            "copy are left out")).format(n=missed))
    return "; ".join(parts)
