"""What deleting a request's safe copy loses: the unredacted footage of a package cut from it.

A package cut from the hold (its recordings gone or changed since it was made: held_window.py)
with something hidden (privacy masks blacked out, faces blurred) names that safe copy as the
only unredacted footage left (provenance's `unredacted_original`): the agency, or a court, may
ask the owner for it. Deleting the copy loses it for good, so the owner is told before it is
gone, and the choice is theirs (desk.release's `knowing`). Found in the activity log, whose
`export` records name the safe copy a package was cut from (`safe_copy`, when it was made) and
what it hid (`redactions`): a package folder the owner deleted, or a withdrawn approval's, was
made all the same, and its clip may have left this PC. A version before `safe_copy` was logged
wrote the record without it: the package's own provenance.json says then (package_hold.py), and
one whose package is gone since, made after the copy, may have been cut from it (`unsure`):
the owner is told so rather than nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from agent.requests.package_hold import UNKNOWN
from frp.count_words import counted
from frp.times import parse_rfc3339

# The log's words for what a package hid (package_export._kinds), as an owner reads them.
HIDDEN_WORDS = {"privacy-mask": "privacy masks blacked out", "face-blur": "faces blurred"}


@dataclass(frozen=True)
class HiddenOnlyThere:
    """A package made for the request from its safe copy with something hidden."""

    camera: str
    package: str
    hidden: tuple[str, ...]   # the log's `redactions`: "privacy-mask", "face-blur"
    # logged by a version that did not say what it was cut from, its package gone since
    unsure: bool = False


def hidden_only_there(records: Iterable[dict], jti: str, iss: str, made: str | None,
                      held_made: Callable | None = None) -> tuple[HiddenOnlyThere, ...]:
    """The packages of request (iss, jti) the activity log (`records`, AuditLog.entries) says
    were cut, with something hidden, from its safe copy made at `made` (hold.json's; None: one
    whose record does not say, which may be any of the request's). `held_made(package,
    set_aside)`, package_hold.held_made for this home, asks a package whose record does not
    say what it was cut from (an earlier version's)."""
    mine = [r for r in records if r.get("event") == "export" and isinstance(r.get("data"), dict)
            and (r["data"].get("id"), r["data"].get("agency")) == (jti, iss)]
    found: dict[str, HiddenOnlyThere] = {}
    for record in mine:
        data = record["data"]
        hidden = data.get("redactions")
        if not hidden or not isinstance(hidden, list):
            continue
        package = str(data.get("package") or "")
        cut_from = data.get("safe_copy") if "safe_copy" in data else _asked(
            held_made, package, mine, record.get("at"), made)
        if not cut_from or (made and cut_from is not UNKNOWN and cut_from != made):
            continue
        found[package] = HiddenOnlyThere(str(data.get("camera") or ""), package,
                                         tuple(str(h) for h in hidden), cut_from is UNKNOWN)
    return tuple(found.values())


def _asked(held_made: Callable | None, package: str, records: list[dict], at: object,
           made: str | None):
    """What a package logged without `safe_copy` was cut from, asked of the package (None: not
    from a safe copy); UNKNOWN when it cannot say and it was made after the copy was."""
    if held_made is None:
        return None
    aside = tuple(r["data"].get("set_aside") for r in records
                  if r["data"].get("package") == package and r["data"].get("set_aside"))
    said = held_made(package, aside)
    if said is UNKNOWN and made and _before(at, made):
        return None   # cut before this safe copy was made: not from it
    return said


def _before(at: object, made: str) -> bool:
    try:
        return parse_rfc3339(str(at)) < parse_rfc3339(made)
    except (ValueError, OverflowError):
        return False


def loss_words(jti: str, lost: tuple[HiddenOnlyThere, ...]) -> str:
    """What deleting the safe copy of request `jti` loses, in plain words."""
    each = "; ".join(f"{p.camera}: " + ", ".join(HIDDEN_WORDS.get(h, h) for h in p.hidden)
                     for p in lost)
    return (f"the safe copy of request {jti} is the only unredacted footage left of "
            f"{counted(len(lost), 'package', 'packages')} made from it with parts hidden "
            f"({each}): the recordings it copied were gone or changed when they were cut. "
            + _unsure_words(lost) +
            "Deleting it loses what those packages hide for good: if the agency or a court "
            "asks you for the unredacted footage, there will be none to give")


def _unsure_words(lost: tuple[HiddenOnlyThere, ...]) -> str:
    """The sentence saying which of them may not have been cut from it; "" when none."""
    unsure = [p.camera for p in lost if p.unsure]
    if not unsure:
        return ""
    it, was, is_ = ("it", "was", "is") if len(unsure) == 1 else ("them", "were", "are")
    return (f"For {counted(len(unsure), 'package')} of {', '.join(dict.fromkeys(unsure))} that "
            f"is not certain: the version of footage-agent that made {it} did not record "
            f"whether {it.replace('them', 'they')} {was} cut from the safe copy, and "
            f"{it.replace('them', 'they')} {is_} no longer in footage-agent's folder to say. ")
