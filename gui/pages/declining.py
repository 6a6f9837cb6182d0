"""A request's decline, run as a job from its page: withdrawing an approval may first wait for
the agency's portal (a receipt lost on the way is asked for, through a busy portal's retries),
so while it runs the page says what it waits for and its Decline button reads "Stop", which
ends the wait, declining nothing. Sending the decline once recorded may wait too (a portal that
never answers holds it up to its timeouts): Stop is offered then as well, and ends the send
only, the decline kept to be sent by the next check. Quitting the app cancels it alike
(Bridge.cancel_all)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject

from agent.service import DeliveredAfterAll
from agent.views import SENDING_DECLINE, RequestView, one_line
from gui.views import requests
from gui.views.core_words import in_owner_language
from gui.views.requests import UNDECIDED, in_owner_words


@dataclass(frozen=True)
class Delivered:
    """A decline's outcome that is no failure: the receipt it asked for came, so the agency
    has the footage and the request is delivered (DeliveredAfterAll's words)."""

    message: str


class Declining(QObject):
    """The decline a RequestPage runs (one at a time), and what the page offers meanwhile."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.job = None
        self.request: tuple[str, str] | None = None   # (id, agency id) being declined
        self.agency = ""
        self.stoppable = False   # a withdrawal (it may wait) or a decline being sent
        page.ctx.bridge.jobProgress.connect(self._progress)
        page.decline_button.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """A double click's second press on Decline (Qt delivers it as a double click) is not
        a press of the Stop it may have turned into under the cursor once the send started:
        the owner clicked Decline twice, and meant to decline. A Stop is pressed on its own."""
        if watched is self.page.decline_button and self.job is not None \
                and event.type() == QEvent.Type.MouseButtonDblClick:
            return True
        return super().eventFilter(watched, event)

    def start(self, view: RequestView, reason: str | None) -> None:
        """Decline `view` with `reason` (None: no reason) on a job."""
        agent, rid, iss = self.page.ctx.agent, view.id, view.agency_id

        def decline(*args, **kwargs):
            try:
                return agent.requests.decline(*args, **kwargs)
            except DeliveredAfterAll as exc:
                return Delivered(str(exc))

        def work(progress, cancel):   # withdrawing may wait for the portal: `cancel` ends it
            return in_owner_words(decline, rid, reason, iss=iss, progress=progress,
                                  cancel=cancel)
        self.job = self.page.ctx.bridge.run("decline", work, self._declined, self._not_declined)
        self.request, self.agency = (rid, iss), requests.agency_name(view)
        # Stop from the start for a withdrawal, which may wait for the portal before it declines;
        # for a plain decline only once it is recorded and sent (_progress): a double click on
        # Decline must not stop it before then.
        self.stoppable = view.status not in UNDECIDED
        self.hold()

    def ended(self) -> None:
        """The job is over (the page is no longer busy)."""
        self.job = None

    def shown(self) -> bool:
        """Whether the request the page shows is the one being declined."""
        view = self.page.view
        return self.job is not None and view is not None \
            and self.request == (view.id, view.agency_id)

    def hold(self) -> None:
        """While a decline runs, its request offers only "Stop" (until pressed; none for a
        request not approved, whose decline waits for nothing: a double click on Decline must
        not stop it), and another request opened meanwhile offers nothing until it ends."""
        if self.job is None:
            return
        page, here = self.page, self.shown() and self.stoppable
        for w in (page.approve_button, page.reason):
            w.setEnabled(False)
        page.decline_button.setText(self.tr("Stop") if here else self.tr("Decline"))
        page.decline_button.setEnabled(here and not self.job.cancelled)

    def stop(self) -> None:
        """End the decline's wait for the portal: nothing is declined then."""
        self.job.cancel()
        self.page.decline_button.setEnabled(False)
        self.page.status.setText(self.tr("Stopping\u2026"))

    def _progress(self, job_id: str, stage: str, _fraction: float) -> None:
        """The decline asks the portal for a receipt lost on the way before it withdraws the
        approval (a busy portal's retries take minutes), or sends the decline it recorded: the
        owner is told what it waits for, and may stop it."""
        if self.job is None or job_id != self.job.id:
            return
        if stage == SENDING_DECLINE:
            self.stoppable = True
            self.hold()
            if self.shown() and not self.job.cancelled:
                self.page.status.setText(self.tr(
                    "Declined. Sending your decline to {agency}'s portal\u2026 \"Stop\" stops "
                    "waiting for it: your decline is kept and sent at the next check for "
                    "requests.").format(agency=self.agency))
            return
        if self.shown():
            self.page.status.setText(self.tr(
                "Asking {agency}'s portal whether it already received the footage sent, before "
                "withdrawing your approval; a busy portal can take a few minutes. \"Stop\" ends "
                "the wait and declines nothing.").format(agency=self.agency))

    def _declined(self, result) -> None:
        """The decline ended: declined, or found delivered after all (its receipt fetched),
        which is said as what it is (no failure), on the request's page, as it is now."""
        if not isinstance(result, Delivered):
            return self.page.finished(self.request)
        if not self.shown():
            return self.page.idle()
        self.page.idle()
        self.page.status.setText(self.tr("Not declined: {reason}").format(
            reason=in_owner_language(one_line(result.message))))
        self._reread()

    def _not_declined(self, message: str) -> None:
        """A decline that did not happen: stopped, or refused (the request is shown as it is
        now). Said on its own page only: another request may be shown by now. A stopped one
        is said as the request stands once read again, as the command line says it: a stop
        may land after the decline was recorded, or as the agency's receipt came."""
        page = self.page
        if not self.shown():
            return page.idle()
        stopped = self.job.cancelled   # read first: the page's failing ends the job
        page.failed(message)
        failed = page.status.text()
        self._reread((lambda view: self._stopped_words(view, failed)) if stopped else None)

    def _stopped_words(self, view: RequestView, failed: str) -> str:
        """What a stopped decline that ended in a failure (`failed`, as the page said it)
        left, from the request as it stands now."""
        if view.status == "declined":   # recorded before the stop: kept, and sent
            how = (self.tr("the agency has it") if view.decision_sent_at_us else
                   self.tr("the agency did not take it: {reason}").format(
                       reason=in_owner_language(one_line(view.decision_error)))
                   if view.decision_error else
                   self.tr("it is sent at the next check for requests"))
            return self.tr("Stopped, but the request was declined before the stop, and the "
                           "decline is kept: {how}. {failed}").format(how=how, failed=failed)
        received = [one_line(d.camera) for d in view.deliveries if d.receipt]
        if received:   # the receipt the withdrawal asked for came as the owner stopped it
            return self.tr("Stopped, and not declined: {agency} already has the footage of "
                           "{cameras} (its receipt came as you stopped), so the request cannot "
                           "be declined. Ask the agency directly if you want it "
                           "deleted.").format(agency=self.agency, cameras=", ".join(received))
        if view.approval is not None:
            return self.tr("Stopped: nothing was declined, and your approval stands.")
        return self.tr("Stopped: nothing was declined.")

    def _reread(self, say=None) -> None:
        """Show the declined request as it stands now, keeping what the page says of it, or
        saying `say(view)` instead."""
        page = self.page
        agent, (rid, iss), said = page.ctx.agent, self.request, page.status.text()

        def reread(view: RequestView) -> None:
            if page.view is not None and (page.view.id, page.view.agency_id) == (rid, iss):
                page.open(view)
                page.status.setText(said if say is None else say(view))
        page.ctx.bridge.call("show", lambda: agent.requests.show(rid, iss), reread)
