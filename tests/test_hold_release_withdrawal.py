"""A request's safe copy is not deleted while the approval it may still send stands: declined
here to withdraw an approval only part of which reached the agency, the decline not yet
taken by the portal (it may refuse it as already delivered: owed_receipts.py), after which
approving it again sends the rest, which the safe copy alone may hold. Against the real
reference portal behind the fault proxy (tests/test_owed_receipts.py's two cameras)."""
from __future__ import annotations

import os
from pathlib import Path

from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_owed_receipts import footage, porch_stored_yard_not_sent, two  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def test_a_safe_copy_is_kept_while_a_withdrawn_approval_may_still_stand(two, spanish):
    """Seen: porch delivered (its answer lost), yard not sent, the owner declined to withdraw
    the approval while the portal was busy: `inbox release --yes` deleted the safe copy at
    once (exit 0, `declined` counts as ended), though the portal then refused the decline as
    already delivered, the request became `failed` and approving it again is how yard is
    sent: from the safe copy, had yard's recordings been gone."""
    w = two
    code, _, err = w.run("inbox", "hold", "--", w.jti)
    assert code == 0, err
    hold = Path(w.show()["hold"])
    porch_stored_yard_not_sent(w)
    assert w.show()["status"] == "declined"
    code, _, err = w.run("inbox", "release", "--yes", "--", w.jti)
    assert code == 3, err
    assert "which may still stand" in err and "the hold is kept until" in err, err
    assert hold.is_dir()
    from gui.views.core_words import in_owner_language   # the app's words, met in a race
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())
    assert said.startswith("la solicitud «") and "se conserva hasta que" in said, said
    code, _, err = w.run("inbox", "sync")   # the decline refused, yard's to send
    assert w.show()["status"] == "failed"
    code, _, err = w.run("inbox", "release", "--yes", "--", w.jti)
    assert code == 3 and hold.is_dir(), err
    assert w.approve()[0] == 0   # yard sent: delivered, and now the copy may go
    assert w.show()["status"] == "delivered"
    code, _, err = w.run("inbox", "release", "--yes", "--", w.jti)
    assert code == 0, err
    assert not hold.exists()
