"""The core's words for two trusted agencies listing one key (a trust store an older version
filled, before importing such a file was refused): a request signed with that key, refused
(frp/request.py rule 2), and the mark on each of the two agencies where they are listed
(agent/requests/agency_changes.py SHARES_KEY: `agencies list`, Settings). Word for word as the
core writes them; listed among core_templates' TEMPLATES, and what the app says instead of the
command the mark advises in IN_THE_APP (core_app_words)."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

REFUSED = QT_TRANSLATE_NOOP("core", "the request says it comes from {agency} ({id}), but the key "
                                    "that signed it (fingerprint {fingerprint}) is also listed "
                                    "by {other} ({other_id}), which you trust too: whoever holds "
                                    "that key could sign as either agency, so this request is not "
                                    "trusted. Remove one of the two agencies and add its file "
                                    "again, got from the agency itself: an agency signs with keys "
                                    "of its own")
SHARES_KEY = QT_TRANSLATE_NOOP("core", "shares the key {fingerprint} with {other} ({other_id}), "
                                       "which you trust too: whoever holds it could sign as "
                                       "either, so requests and receipts signed with it are "
                                       "refused. Remove one of the two (`footage-agent agencies "
                                       "remove ID`) and add its file again, got from the agency "
                                       "itself")
# a receipt signed with such a key (frp/decision.py verify_receipt): the {reason} of a delivery's
# "its receipt cannot be trusted ({reason})" (core_sending_words)
RECEIPT = QT_TRANSLATE_NOOP("core", "the key that signed it (fingerprint {fingerprint}) is also "
                                    "listed by {other} ({other_id}), which you trust too: whoever "
                                    "holds that key could sign as either agency, so it does not "
                                    "show that {agency} signed it. Remove one of the two agencies "
                                    "and add its file again, got from the agency itself")
TEMPLATES = (REFUSED, SHARES_KEY, RECEIPT)

IN_THE_APP = {
    SHARES_KEY: QT_TRANSLATE_NOOP("core", "shares the key {fingerprint} with {other} "
                                          "({other_id}), which you trust too: whoever holds it "
                                          "could sign as either, so requests and receipts signed "
                                          "with it are refused. Remove one of the two (choose it "
                                          "in this list and press Remove agency) and add its file "
                                          "again, got from the agency itself"),
}
