"""The core's words for a delivery that stopped or was refused part way
(agent/requests/approval_run.py, package_delivery.py, tus_uploads.py): a portal busy or down,
an upload the server forgot, a package changed while it was sent, a receipt that cannot be
trusted, the owner's stop, the other cameras' footage still to send. Word for word as the agent writes them, where
the command line's advice is to approve the request again, with the words the app says instead
(IN_THE_APP): its button 'Try sending again'. Qt-free data placed in core_templates' TEMPLATES
and gathered in core_app_words' IN_THE_APP; marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

PORTAL_BUSY = QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                        "{tries}); nothing is lost: approve it again later")
PORTAL_WAIT = QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                        "{tries}); it asks to wait {wait}: approve it again "
                                        "after that")
# {wait}: the wait it asked for, as agent/requests/portal_retries.wait_said says it
# (core_words reads it with these, never as templates of their own: "5 minutes" is no message)
WAITS = (QT_TRANSLATE_NOOP("core", "{count} minutes"), QT_TRANSLATE_NOOP("core", "{count} hours"),
         QT_TRANSLATE_NOOP("core", "a day"))
UPLOAD_FORGOTTEN = QT_TRANSLATE_NOOP("core", "{reason} The agent forgot that upload: approve it "
                                             "again to upload the package afresh; if this happens "
                                             "again, tell the agency")
CHANGED_WHILE_SENT = QT_TRANSLATE_NOOP("core", "the package for {camera} changed on disk while it "
                                               "was being sent; approve it again")
APPROVE_AGAIN = QT_TRANSLATE_NOOP("core", "{reason} (approve it again to resume)")
SEND_THE_REST = QT_TRANSLATE_NOOP("core", "approve it again to send the other cameras' footage")
# a delivery the owner (or the app quitting) stopped (agent/requests/approval_run.py _reason)
STOPPED = QT_TRANSLATE_NOOP("core", "cancelled: {reason}")
STOPPED_BARE = QT_TRANSLATE_NOOP("core", "cancelled")
# a finished upload's submission the portal refused (400: agent/requests/package_delivery.py)
SUBMISSION_REFUSED = QT_TRANSLATE_NOOP("core", "{reason}. The package for {camera} was sent "
                                               "whole, but the agency's portal does not take it "
                                               "as sent, and asking again would ask the same "
                                               "way: tell the agency. The upload is kept: once "
                                               "the agency has put it right, approve it again to "
                                               "ask for its receipt without sending the package "
                                               "again")
UNTRUSTED_RECEIPT = QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for {camera}, "
                                              "but its receipt cannot be trusted ({reason}), so "
                                              "it is not recorded as delivered. If approving it "
                                              "again brings no trusted receipt, call {caller} on "
                                              "the number in your trust store: it may have "
                                              "changed its keys, and then its new agency file is "
                                              "needed (`footage-agent agencies add FILE "
                                              "--replace`)")
# a receipt the agency's own key signed that names another request or issuer (the same file)
MISFIT_RECEIPT = QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for {camera}, but "
                                           "the receipt it sent back, signed with the agency's "
                                           "own key, does not fit ({reason}), so it is not "
                                           "recorded as delivered. Your trust store is right, "
                                           "so adding the agency file again will not help: "
                                           "approve it again to ask for the receipt again, and "
                                           "if that brings the same, tell the agency: its "
                                           "portal is at fault")
# an upload address on record that is not on the request's upload server, forgotten
# (agent/requests/tus_uploads.py foreign_address)
FOREIGN_ADDRESS = QT_TRANSLATE_NOOP("core", "the upload address on record for the package of "
                                            "{camera} ({address}) is not on {agency}'s upload "
                                            "server ({server}), and this app never keeps "
                                            "another, so the record was changed after it was "
                                            "kept (by another program, or a damaged disk). "
                                            "Nothing was sent to that address, and it was "
                                            "forgotten: approve it again to upload the package "
                                            "afresh")

IN_THE_APP: dict[str, str] = {
    PORTAL_BUSY: QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                           "{tries}); nothing is lost: open the request and "
                                           "press 'Try sending again' later"),
    PORTAL_WAIT: QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                           "{tries}); it asks to wait {wait}: then open the "
                                           "request and press 'Try sending again'"),
    UPLOAD_FORGOTTEN: QT_TRANSLATE_NOOP("core", "{reason} The agent forgot that upload: press 'Try "
                                                "sending again' to upload the package afresh; if "
                                                "this happens again, tell the agency"),
    FOREIGN_ADDRESS: QT_TRANSLATE_NOOP("core", "the upload address on record for the package "
                                               "of {camera} ({address}) is not on {agency}'s "
                                               "upload server ({server}), and this app never "
                                               "keeps another, so the record was changed after "
                                               "it was kept (by another program, or a damaged "
                                               "disk). Nothing was sent to that address, and it "
                                               "was forgotten: press 'Try sending again' to "
                                               "upload the package afresh"),
    CHANGED_WHILE_SENT: QT_TRANSLATE_NOOP("core", "the package for {camera} changed on disk while "
                                                  "it was being sent; press 'Try sending again'"),
    APPROVE_AGAIN: QT_TRANSLATE_NOOP("core", "{reason} (open the request and press 'Try "
                                             "sending again' to resume)"),
    SEND_THE_REST: QT_TRANSLATE_NOOP("core", "press 'Try sending again' to send the other "
                                             "cameras' footage"),
    # the request page says it beside 'Try sending again', which sends what was approved
    STOPPED: QT_TRANSLATE_NOOP("core", "it was stopped before it was all sent ({reason}): press "
                                       "'Try sending again' to send it"),
    STOPPED_BARE: QT_TRANSLATE_NOOP("core", "it was stopped before it was all sent: press 'Try "
                                            "sending again' to send it"),
    SUBMISSION_REFUSED: QT_TRANSLATE_NOOP("core", "{reason}. The package for {camera} was "
                                                  "sent whole, but the agency's portal does not "
                                                  "take it as sent, and asking again would ask "
                                                  "the same way: tell the agency. The upload is "
                                                  "kept: once the agency has put it right, press "
                                                  "'Try sending again' to ask for its receipt "
                                                  "without sending the package again"),
    # a receipt that cannot be trusted (agent/requests/package_delivery.py)
    UNTRUSTED_RECEIPT: QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for "
                                                 "{camera}, but its receipt cannot be trusted "
                                                 "({reason}), so it is not recorded as "
                                                 "delivered. If Try sending again brings no "
                                                 "trusted receipt, call {caller} on the number "
                                                 "in your trust store: it may have changed its "
                                                 "keys, and then its new agency file is needed "
                                                 "(Settings, Add an agency file)"),
    MISFIT_RECEIPT: QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for {camera}, "
                                              "but the receipt it sent back, signed with the "
                                              "agency's own key, does not fit ({reason}), so it "
                                              "is not recorded as delivered. Your trust store "
                                              "is right, so adding the agency file again will "
                                              "not help: press 'Try sending again' to ask for "
                                              "the receipt again, and if that brings the same, "
                                              "tell the agency: its portal is at fault"),
}
