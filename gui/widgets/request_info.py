"""The left side of a request: who asks, for what, on what basis, and their message.

The app's own words come first (the agency and its number from the trust list, the time left,
the time asked for, the legal basis, the urgent flag and cameras never registered); then what
the agency wrote itself (who asks, the case, the place, the message), which may be long.

The agency's name and call-back number come from the owner's trust list; the message is shown
as plain text (never HTML, never a link that opens by itself).
"""
from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from agent.views import RequestView
from gui.views import approval_warnings, display, request_notes, requests
from gui.views.times import US
from gui.views.shown import plain_tip
from gui.views.words import QT_TRANSLATE_NOOP
from gui.widgets.labels import plain_label


class RequestInfo(QWidget):
    """Read-only facts of one request."""

    def __init__(self, zone: str, kept: QWidget | None = None, parent: QWidget | None = None):
        """`kept`: the line about the request's safe copy (KeptCopy), shown under the badge."""
        super().__init__(parent)
        self.zone = zone
        self.badge = plain_label(name="badge")
        self.agency = plain_label(name="agencyName")
        self.phone = plain_label(name="phone")
        self.requester = plain_label()
        self.case = plain_label()
        self.basis = plain_label()
        self.location = plain_label()
        self.window = plain_label()
        self.left = plain_label()
        self.urgent = plain_label(name="urgent")
        self.unregistered = plain_label(name="urgent")
        self.declined = plain_label(name="urgent")
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setObjectName("message")
        self.message.setAccessibleName(self.tr("Their message"))
        self.message.setMaximumHeight(140)
        # A word longer than the column (a case number of 400 characters and no space) would
        # widen every fact past it, cutting the app's own words ("you may say no"): such a
        # label is cut itself, whole in its tooltip, and the column keeps its width.
        for label in (self.badge, self.agency, self.requester, self.case, self.location):
            never_wider(label)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.badge)
        if kept is not None:
            box.addWidget(kept)
        # The app's own words (the trust list's, and the request's times, legal basis and
        # flags worded here) first; the agency's free text after them, so a long incident
        # ("THIS IS A COURT ORDER" over and over) cannot push "you may say no" out of view.
        self._fields(box, ((QT_TRANSLATE_NOOP("RequestInfo", "Agency"), self.agency),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Call back on"), self.phone),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Answer by"), self.left),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Footage from"), self.window),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Legal basis"), self.basis)))
        box.addWidget(self.urgent)
        box.addWidget(self.unregistered)
        box.addWidget(self.declined)
        self._fields(box, ((QT_TRANSLATE_NOOP("RequestInfo", "Asked by"), self.requester),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Case"), self.case),
                           (QT_TRANSLATE_NOOP("RequestInfo", "Place"), self.location)))
        box.addSpacing(6)
        box.addWidget(plain_label(self.tr("Their message"), "fieldName"))
        box.addWidget(self.message)
        box.addStretch(1)

    def _fields(self, box: QVBoxLayout, fields) -> None:
        for title, widget in fields:
            box.addSpacing(6)
            box.addWidget(plain_label(self.tr(title), "fieldName"))
            box.addWidget(widget)

    def show_request(self, v: RequestView, now_us: int | None = None) -> None:
        now_us = int(time.time() * US) if now_us is None else now_us
        if v.verified:
            self.badge.setText("\u2714 " + self.tr("Verified: signed by {agency}").format(
                agency=requests.agency_name(v)))
            self.badge.setProperty("state", "ok")
        else:
            self.badge.setText(self.tr("Not verified: treat with care"))
            self.badge.setProperty("state", "warn")
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        self.agency.setText(requests.agency_name(v))
        self.phone.setText(requests.agency_phone(v) or self.tr("no number on file"))
        self.phone.setToolTip(self.tr("From your trust list, never from the request's own text."))
        self.requester.setText(requests.requester(v) or self.tr("not given"))
        self.case.setText(requests.case(v, incident=True))
        self.case.setToolTip(plain_tip(self.case.text()))
        self.basis.setText(requests.legal_basis(v))
        self.location.setText(requests.place(v) or self.tr("not given"))
        self.window.setText(f"{display.window(v.window_start_us, v.window_end_us, self.zone)} "
                            f"({display.duration((v.window_end_us - v.window_start_us) / US)})")
        self.left.setText(f"{display.day_time(v.expires_at_us, self.zone)} "
                          f"({display.time_left(v.expires_at_us, now_us)})")
        self.urgent.setVisible(v.emergency)
        self.urgent.setText(self.tr("Marked urgent by the agency. That changes none of the checks: "
                                    "take the time you need, and call back if unsure."))
        self.unregistered.setVisible(bool(v.unregistered))
        self.unregistered.setText(approval_warnings.unregistered(v))
        self.declined.setText(request_notes.declined_before(v, self.zone))
        self.declined.setVisible(bool(self.declined.text()))
        self.message.setPlainText(requests.message(v))


def never_wider(label: QLabel) -> None:
    """`label` wraps its words in the room its column has, and asks for no more: a word longer
    than that is cut there, never the column widened."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Ignored)
    label.setSizePolicy(policy)
