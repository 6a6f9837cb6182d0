"""An approval changed after its delivery failed, while nothing of it has left this PC.

A delivery may stop while the footage is cut, at one camera only (its drive unplugged, a trim
shorter than its keyframe interval in copy mode): the other cameras' footage is fine, and the
owner's way on is to leave that camera out or change the trim. The decision is signed only once
every package is made (approval_run.run_steps), so until then the agency knows nothing of the
approval and the owner may approve again with other choices, as for a new request. Once the
decision is signed it may have reached the agency (an answer lost on the way is a decision
taken): the approval is then kept as it was, and declining withdraws it (docs/protocol.md).
"""
from __future__ import annotations

from pathlib import Path

from agent.export.mask_pictures import LOOK_AGAIN, ONE_SHAPE
from agent.requests.records import Approval, Delivery, Entry
from agent.requests.withdrawal import remove_built


def changeable(entry: Entry) -> bool:
    """Whether the request's approval may still be changed: approved, and nothing of it has
    left this PC (no decision signed, no upload made, no receipt)."""
    return (entry.approval is not None and entry.decision is None
            and not any(d.upload_url or d.receipt for d in entry.deliveries))


def still_cut_as_approved(old: Approval, new: Approval, camera: str) -> bool:
    """Whether a package cut for `old` is what `new` asks of `camera`: the same window, cut
    mode, sound and face blurring, and the camera still chosen. The privacy masks are left to
    the export, which cuts again a package whose masks are not the camera's now (kept_masks):
    masks on or off alike for a camera with none (the app says off) is the same package."""
    same = (old.start_us, old.end_us, old.mode, old.keep_audio, old.blur_faces)
    return camera in new.cameras and same == (new.start_us, new.end_us, new.mode,
                                              new.keep_audio, new.blur_faces)


def superseded(entry: Entry, new: Approval) -> list[Delivery]:
    """The packages made for the kept approval that the new one does not send."""
    old = entry.approval
    return [d for d in entry.deliveries if not still_cut_as_approved(old, new, d.camera)]


def remove_superseded(home: Path, entry: Entry, new: Approval) -> tuple[list[str], list[str]]:
    """Remove the package folders and tars made for the kept approval that the new one does not
    send (never sent: nothing left this PC); returns (removed, not removed with why). The
    caller forgets their deliveries."""
    roots = (home / "packages", home / "outbox")
    removed, not_removed = [], []
    for d in superseded(entry, new):
        for path in (p for p in (d.tar, d.package) if p and Path(p).exists()):
            problem = remove_built(Path(path), roots)
            (not_removed.append(problem) if problem else removed.append(path))
    return removed, not_removed


def left_out_words(camera: str, reason: str) -> str:
    """Why a camera's cut found nothing to send, and what the owner can do while nothing of
    the approval has left this PC: change it (above)."""
    return (f"nothing of {camera} can be cut for the approved time ({reason}); nothing has "
            "been sent yet: approve it again without that camera, or with another time or cut "
            "mode")


# What the owner can do when the approved footage, cut now, is a picture the camera's privacy
# masks cannot be placed on (export/mask_pictures.py): never the same approval again, which
# cuts the same picture. gui/views/core_mask_words.py says them in the app's words.
NOT_SENT_YET = "nothing has been sent yet"
SIGNED = ("your signed approval may have reached the agency already, so it can no longer be "
          "changed")
AGAIN_AWAY = ("approve it again with a time its main picture recorded, without that camera, or "
              "without privacy masks (--no-masks) only if nothing they hide is in that picture")
LOOK_THEN_AGAIN = ("look at the masks again on a recording of this shape (Settings, Draw "
                   "privacy masks) and save them, then approve it again")
OR_AGAIN = ("or approve it again with another time, without that camera, or without privacy "
            "masks (--no-masks) only if nothing they hide is in that picture")
DECLINE = "decline the request to withdraw your approval"
OR_DECLINE = "or decline the request to withdraw your approval"
# The masks page shows a picture of the masks' own shape (mask_pictures.for_the_page): looking
# again there cannot make them fit the approved window.
ONE_SHAPE_AGAIN = ("its privacy masks fit one picture shape at a time, the one its latest "
                   "recordings have, so approve it again with a time recorded in that shape, "
                   "without that camera, or without privacy masks (--no-masks) only if nothing "
                   "they hide is in that picture")
ONE_SHAPE_DECLINE = ("its privacy masks fit one picture shape at a time, the one its latest "
                     "recordings have, so decline the request to withdraw your approval")


def masks_way_on(advice: str, undecided: bool) -> str:
    """What the owner can do about an approved window the camera's privacy masks cannot be
    placed on, for the export's `advice` (mask_pictures.py): a crop or another lens (AWAY), a
    picture of another shape than they were drawn on, which masks saved again on it can fit
    (LOOK_AGAIN), or cannot, the masks page showing their own shape (ONE_SHAPE); `undecided`:
    nothing of the approval has left this PC, so it may be changed (above)."""
    if advice == ONE_SHAPE:
        return (f"{NOT_SENT_YET}: {ONE_SHAPE_AGAIN}" if undecided
                else f"{SIGNED}: {ONE_SHAPE_DECLINE}")
    other_shape = advice == LOOK_AGAIN
    if undecided:
        return (f"{NOT_SENT_YET}: {LOOK_THEN_AGAIN}; {OR_AGAIN}" if other_shape
                else f"{NOT_SENT_YET}: {AGAIN_AWAY}")
    return (f"{SIGNED}: {LOOK_THEN_AGAIN}; {OR_DECLINE}" if other_shape
            else f"{SIGNED}: {DECLINE}")
