"""What a request's page says will leave this PC, and what it offers: the summary above the
buttons (nothing, for a request declined or expired), Approve and Decline enabled only where
the agent would take them, and an approval, once made, fixed on the timelines and choices, so
the page shows exactly what "Try sending again" sends. A mixin of RequestPage (request.py),
which holds the view, the strip, the options and the buttons."""
from __future__ import annotations

from gui.views import approval_warnings, request_notes, requests, summary
from gui.views.request_hints import approval_hint
from gui.views.requests import UNDECIDED
from gui.views.shown import shown_lines
from gui.views.words import QT_TRANSLATE_NOOP
from gui.widgets.sending import outgoing

# A request nothing can leave for any more, and why ('What will leave this PC' says so)
CLOSED = {
    "declined": QT_TRANSLATE_NOOP("RequestPage", "Nothing leaves this PC: you declined this "
                                                 "request."),
    "expired": QT_TRANSLATE_NOOP("RequestPage", "Nothing leaves this PC: this request has "
                                                "expired."),
}


class RequestSummary:
    """RequestPage's account of what would be sent; it gives `view`, `approved`, `rechoosing`,
    `strip`, `options`, `preview`, `hint`, `summary`, the buttons, `reason` and `declining`."""

    def _offer(self) -> None:
        """Offer only what the agent would take for the request shown (never Approve for one
        that no longer verifies, nor Decline where no agency can be told)."""
        declinable = requests.declinable(self.view)
        self.decline_button.setEnabled(declinable)
        self.reason.setEnabled(declinable)
        self.approve_button.setEnabled(requests.approvable(self.view))

    def _show_approval(self, status: str) -> None:
        """Set the strip and options to the approval (when there is one) and fix them there:
        what the page shows is then exactly what "Try sending again" sends."""
        approval = self.approved
        v = self.view
        self.hint.setText(approval_hint(status, approval is not None, self.rechoosing, bool(
            v and any(d.receipt for d in v.deliveries)), bool(v and v.decision_error)))
        if self.rechoosing:   # its choices stay the owner's (start_from set them)
            return
        self.options.show_approved(approval)
        if approval is not None:
            self.strip.lock(approval.cameras)
            self._keep_approved_selection()

    def _keep_approved_selection(self) -> None:
        """The handles stay on the approved time (a drag springs back: it would not be sent)."""
        for tl in self.strip.timelines.values():
            tl.set_selection(self.approved.start_us, self.approved.end_us, emit=False)

    def outgoing(self) -> summary.Outgoing:
        return outgoing(self.strip, self.options)

    def refresh_summary(self) -> None:
        if self.view is None:
            return
        if self.approved is not None:
            self._keep_approved_selection()
        out = self.outgoing()
        self.preview.set_redaction(self.options.use_masks, self.options.blur_faces)
        host = requests.upload_host(self.view)
        recipient = requests.agency_name(self.view) + (f" ({host})" if host else "")
        rows = summary.lines(out, recipient, self.ctx.zone)
        if self.view.status in CLOSED:   # never what would be sent: nothing will be
            rows = [self.tr(CLOSED[self.view.status])]
        if self.view.status in UNDECIDED:
            rows += approval_warnings.unregistered_lines(self.view, [p.camera for p in out.parts])
            rows += request_notes.unnamed_lines(self.view)
            rows += approval_warnings.over_limit_lines(self.view, out.size_bytes)
        self.summary.setText(shown_lines(rows))   # camera names isolated
        if (self.view.status in UNDECIDED or self.rechoosing) and self.declining.job is None:
            self.approve_button.setEnabled(requests.approvable(self.view)
                                           and bool(out.parts) and out.seconds > 0)
