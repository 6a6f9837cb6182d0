"""The owner's safe copies at the desk: holding a request's footage and releasing the hold.

A mixin of `agent.requests.desk.RequestDesk`, which provides `home`, `inbox`, `audit`,
`hold_history`, `_entry`, `_store`, `_log` and the rest of a desk.
"""
from __future__ import annotations

import os
import threading

from agent.index.store import StoreError
from agent.requests import holds
from agent.requests.hold_top_up import hold_window, missing_rows, one_at_a_time
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.requests.held_window import usable_hold
from agent.requests.hold_losses import HiddenOnlyThere, loss_words
from agent.requests.statuses import ENDED, UNDECIDED, IllegalTransition
from agent.requests.owed_receipts import owes
from agent.requests.records import Entry
from agent.requests.status_words import status_said


class DeskHolds:
    """The desk's hold, release, release_losses and hold_kept methods."""

    # holds -------------------------------------------------------------------------------
    def hold(self, jti: str, iss: str | None = None,
             cancel: threading.Event | None = None, progress=None) -> holds.Hold:
        """Copy the recordings covering the request's window into its hold folder; one held
        already gets those of the window indexed since (hold_top_up.py: `added` names them).
        `progress(stage, fraction)`, a job's, is told how far the copy got (hold_window)."""
        entry = self._entry(jti, iss)
        if entry.status not in UNDECIDED:
            raise DeskRefusal(f"request '{jti}' {status_said(entry.status)}; holds are made while "
                              "you decide")
        store = self._store()
        cameras = _held_cameras(store, entry)
        try:
            made = hold_window(self.home, store, entry.folder, entry.window_start_us,
                               entry.window_end_us, cameras, entry.jti, cancel,
                               connect=self._recorders(), agency=entry.iss,
                               progress=progress)
        except holds.HoldError as exc:
            self._log("hold", entry, ok=False, reason=str(exc))
            raise DeskError(str(exc)) from None
        # A copy holding nothing (no recording of the window on this PC) keeps nothing safe:
        # the request stays `new`, never "Footage kept safe" over an empty folder.
        entry = self._held(entry) if made.files else self._entry(entry.jti, entry.iss)
        self._log("hold", entry, status=entry.status, folder=str(made.path),
                  files=len(made.files), bytes=made.size,
                  **({"added": len(made.added)} if made.kept else {}),
                  **({"gone": len(made.gone)} if made.gone else {}))
        return made

    def hold_unfinished(self, cancel: threading.Event | None = None) -> None:
        """With "keep a safe copy" on, make the copy of each request still new whose copy was
        never tried to the end: the process ended part way through the one made as it arrived
        (a power cut, the PC restarted for an update, a crash), logging nothing, so its page
        said nothing and nothing made it later; or it arrived with the setting off. A try that
        failed is logged and left to the owner (the page says why, with its button): a full
        disk is not tried again each pass. Run by each check for requests (polling)."""
        if not self.settings.holds_on_new_request:
            return
        for entry in self.inbox.list():
            if cancel is not None and cancel.is_set():
                return
            if entry.status != "new" or self.hold_history.tried(entry.jti, entry.iss) \
                    or os.path.lexists(holds.hold_path(self.home, entry.folder)):
                continue
            try:
                self.hold(entry.jti, entry.iss, cancel)
            except (DeskError, StoreError, OSError):
                pass   # logged by hold(), or the index cannot be opened: the page says it

    def hold_missing(self, jti: str, iss: str | None = None) -> int:
        """How many recordings of the open request's window on this PC its safe copy does not
        hold (indexed after it was made, or grown since it was copied: hold_top_up.py), which
        holding it again adds; 0 without a copy that records what it copied."""
        entry = self._entry(jti, iss)
        hold = usable_hold(self.home, entry.folder, (entry.jti, entry.iss))
        if entry.status not in UNDECIDED or hold is None or hold.placement is None:
            return 0
        try:
            store = self._store()
            return len(missing_rows(store, hold, entry.window_start_us, entry.window_end_us,
                                    _held_cameras(store, entry)))
        except StoreError:   # the index cannot be opened: nothing to add from (its page says)
            return 0

    def _held(self, entry: Entry) -> Entry:
        """The request once its copy is made: `held` if it was new, else as it stands. The
        copy takes minutes, and the owner may approve or decline it meanwhile (in the app
        while a terminal's `inbox hold` copies, or while the poll thread copies one that just
        arrived), or it may expire: the copy is kept and logged all the same."""
        try:
            if entry.status == "new":
                return self.inbox.transition(entry.iss, entry.jti, "held")
        except IllegalTransition:
            pass   # decided, or expired, meanwhile
        return self._entry(entry.jti, entry.iss)

    def release(self, jti: str, iss: str | None = None, knowing: bool = False) -> bool:
        """Delete a request's hold, only once the request has ended (the owner asked). One
        that is the only unredacted footage of a package made from it (release_losses) is
        deleted only `knowing` it: the owner was told what it loses and chose to."""
        entry = self._releasable(jti, iss)
        lost = () if knowing else self._losses(entry)
        if lost:
            raise DeskRefusal(f"{loss_words(entry.jti, lost)}. It was kept; to delete it all "
                              f"the same, run `footage-agent inbox release {entry.jti} --yes`")
        try:
            with one_at_a_time(self.home, entry.folder):   # not while it is added to
                removed = holds.release(self.home, entry.folder)
        except holds.HoldError as exc:
            raise DeskError(str(exc)) from None
        if removed:
            self._log("release", entry, folder=entry.folder)
        return removed

    def release_losses(self, jti: str, iss: str | None = None) -> tuple[HiddenOnlyThere, ...]:
        """What deleting the request's hold loses: the packages made from it with parts hidden,
        whose unredacted footage it alone holds (hold_losses.py); refused as release is."""
        return self._losses(self._releasable(jti, iss))

    def hold_kept(self, jti: str, iss: str | None = None) -> bool:
        """Whether the request, ended, keeps its safe copy for an approval that may still
        stand (may_stand): release refuses it, and the app offers no deletion."""
        return may_stand(self._entry(jti, iss))

    def _releasable(self, jti: str, iss: str | None) -> Entry:
        """The request, if its hold may be deleted: DeskRefusal while it has not ended."""
        entry = self._entry(jti, iss)
        if entry.status not in ENDED and not holds.hold_path(self.home, entry.folder).is_dir():
            raise DeskRefusal(f"request '{jti}' {status_said(entry.status)}; nothing is held for "
                              "it, so there is no copy to delete")
        if entry.status not in ENDED:
            raise DeskRefusal(f"request '{jti}' {status_said(entry.status)}; its hold is kept "
                              "until the request is declined, expired or delivered")
        if may_stand(entry):
            raise DeskRefusal(f"request '{jti}' was declined to withdraw its approval, which "
                              "may still stand: the agency has not taken the decline yet, or "
                              "refused it as it has footage of it, and approving it again then "
                              "sends the rest, which its hold may alone still hold; the hold is "
                              "kept until the agency takes the decline or the rest is "
                              "delivered")
        return entry

    def _losses(self, entry: Entry) -> tuple[HiddenOnlyThere, ...]:
        if not holds.hold_path(self.home, entry.folder).is_dir():
            return ()
        # damaged, or another request's: any of the request's copies
        hold = usable_hold(self.home, entry.folder, (entry.jti, entry.iss))
        made = hold.placement.made if hold is not None and hold.placement else None
        return self.hold_history.hidden(entry.jti, entry.iss, made, self.home)


def may_stand(entry: Entry) -> bool:
    """Whether a declined request's approval may still stand: declined to withdraw an
    approval, the decline not yet sent to the portal, or refused by it as already delivered
    with receipts owed (owed_receipts.py). Either may still end `failed`, and approving it
    again then cuts the cameras not sent, from the safe copy once their recordings are gone."""
    if entry.status != "declined" or entry.approval is None:
        return False
    return entry.decision_sent_at_us is None or owes(entry)


def _held_cameras(store, entry: Entry) -> tuple[str, ...]:
    """The cameras a request's hold copies. Camera names are the agency's record, as
    registered: each is held by its name now (a camera renamed since is the one an approval
    sends); if none is ours, every camera."""
    return tuple(dict.fromkeys(n for n in map(store.names.current, entry.cameras) if n))
