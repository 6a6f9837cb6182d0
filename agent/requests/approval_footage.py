"""Whether each camera of a new approval has footage to cut in its window, asked before any
camera is cut: an approval is kept as it was (its cameras and window are what the decision
tells the agency), so one camera that cannot be cut after another was would leave the request
`failed` for good, every resume stopping at the same camera."""
from __future__ import annotations

import errno
from typing import Mapping

from agent.export.clip_writer import codec_changes_said
from agent.export.mask_pictures import drawn_on, masks_misplaced, misplaced
from agent.export.plan import PlanError, plan_export
from agent.export.redact import Redaction
from agent.index.remote_window import is_remote
from agent.index.store import Store
from agent.os_words import plain_os_error
from agent.requests.approval_change import changeable, masks_way_on
from agent.requests.approval_step import ApprovalRefused
from agent.requests.held_window import held_coverage, held_placement
from agent.requests.holds import Hold, HoldError
from agent.requests.records import Approval, Entry
from agent.storage import distinct_name
from agent.timebase import local_text


def check_footage(store: Store, approval: Approval,
                  redacted: Mapping[str, Redaction | None] | None = None,
                  hold: Hold | None = None) -> None:
    """ApprovalRefused naming every approved camera that has no usable recording in the
    approved window (none recorded there, only damaged files, a file changed or gone since the
    scan (its drive unplugged), recordings that change codec, or, for a camera whose privacy
    masks `redacted` fills, only a picture they were not drawn on: a crop, another lens, a
    picture of another shape), with what the owner can do. A recorder's camera is left to its
    download, which is what finds its footage; a camera whose recordings are gone or changed
    since the request's `hold` copied them, to the hold's copies (held_window.py), whose
    pictures its masks are checked against as well."""
    now_called = lambda c: store.names.current(c) or c   # noqa: E731 - renamed since asked
    problems = []
    for camera in approval.cameras:
        name = now_called(camera)
        redaction = (redacted or {}).get(camera)
        try:
            held = held_coverage(store, hold, name, approval.start_us, approval.end_us)
        except HoldError as exc:   # a copy its folder's new zone cannot place
            problems.append((camera, str(exc)))
            continue
        shown = drawn_on(store.files(name)) if redaction else None   # what the masks page shows
        if held is not None:   # cut from the safe copy: its copies are what the masks fill
            elsewhere = redaction is not None and masks_misplaced(held, redaction.masks, shown)
            if elsewhere:
                problems.append((camera, elsewhere))
            continue
        if is_remote(store, name):
            continue
        try:
            plan = plan_export(store, name, approval.start_us, approval.end_us)
        except PlanError as exc:
            problems.append((camera, str(exc)))
            continue
        gone = [span.path for span in plan.spans if not span.path.is_file()]
        if gone:   # its drive unplugged, or the files moved since the scan
            problems.append((camera, plain_os_error(
                FileNotFoundError(errno.ENOENT, "not found", str(gone[0])))))
            continue
        # a clip holds one codec: the cut would stop at the change
        codecs = sorted((r.start_us, r.codec) for r in plan.coverage.files if r.codec)
        if len({c for _, c in codecs}) > 1:
            problems.append((camera, codec_changes_said(codecs)))
            continue
        elsewhere = redaction is not None and masks_misplaced(plan.coverage, redaction.masks,
                                                              shown)
        if elsewhere:
            problems.append((camera, elsewhere))
    if not problems:
        return
    problems = [(c, why + _unplaced(hold, c)) for c, why in problems]
    names = ", ".join(c for c, _ in problems)
    why = "; ".join(why for _, why in problems)
    do = ("leave that camera out, or choose a window it recorded" if len(problems) == 1
          else "leave those cameras out, or choose a window they recorded")
    raise ApprovalRefused(
        f"nothing of {names} can be sent for {local_text(approval.start_us)} to "
        f"{local_text(approval.end_us)} ({why}); nothing was cut or sent: {do}")


def check_masks_placed(store: Store, entry: Entry, approval: Approval,
                       redacted: Mapping[str, Redaction | None], hold: Hold | None) -> None:
    """ApprovalRefused, in the very words its run stops with (package_export), when a camera
    the kept approval of a failed delivery still has to cut is one its privacy masks cannot
    be placed on now (saved since on a picture of another shape, a crop or lens left): asked
    before approving it again, which would only be refused. Delivered cameras are not cut
    again, nor asked of here a finished upload the run first asks the portal about; a camera
    whose footage cannot be planned is left to the run, which says why."""
    now_called = lambda c: store.names.current(c) or c   # noqa: E731 - renamed since
    made = {d.camera: d for d in entry.deliveries}
    for camera in approval.cameras:
        record, redaction = made.get(camera), redacted.get(camera)
        if redaction is None or (record is not None and (record.receipt or record.upload_url)):
            continue
        name = now_called(camera)
        try:
            cov = held_coverage(store, hold, name, approval.start_us, approval.end_us)
        except HoldError:
            continue   # the check before any cut says why (check_footage)
        if cov is None:
            if is_remote(store, name):
                continue   # its download is what finds its pictures
            try:
                cov = plan_export(store, name, approval.start_us, approval.end_us).coverage
            except PlanError:
                continue
        found = misplaced(cov, redaction.masks, drawn_on(store.files(name)))
        if found is not None:
            raise ApprovalRefused(f"{found.why}: "
                                  f"{masks_way_on(found.advice, changeable(entry))}")


def _unplaced(hold: Hold | None, camera: str) -> str:
    """Said of a safe copy that holds copies of the camera but cannot be cut from: made by a
    version of footage-agent that did not record where its copies lie in time."""
    if hold is None or held_placement(hold) is not None:
        return ""
    if distinct_name(camera) not in {f.name.partition("/")[0] for f in hold.files}:
        return ""
    return (f"; the request's safe copy in {hold.path} was made by an earlier version of "
            "footage-agent, which did not record where its copies lie in time, so it cannot "
            "be sent from there (its copies are kept as they are)")
