"""A home folder put back from a backup (or copied to another PC) while the agency's portal
knows what was done since: against the real reference portal (tests/test_delivery_faults.py's
World), the backup a real copy of the home taken before the owner decided."""
from __future__ import annotations

import shutil

from tests.test_delivery_faults import footage, world  # noqa: F401


def _restore(home, backup) -> None:
    shutil.rmtree(home)
    shutil.copytree(backup, home)


def test_approving_a_request_declined_since_the_backup_says_so_and_sends_nothing(world):
    """The restored inbox shows a request the owner declined after the backup as new. Approving
    it cut the footage, took the portal's 409 already_decided for its own decision, and ended
    `failed` with 'The upload server rejected the new upload (409: this request has not been
    approved ...) (approve it again to resume)': every approve after failed the same."""
    w = world
    backup = w.run.home.parent / "backup"
    shutil.copytree(w.run.home, backup)
    assert w.run("decline", "--reason", "not my camera", "--", w.jti)[0] == 0
    _restore(w.run.home, backup)
    assert w.show()["status"] == "new"   # the backup knows nothing of the decline

    for _ in range(2):   # approving again changes nothing, and says the same
        code, _, err = w.approve()
        assert code == 3, err
        assert "Example Police Department holds another decision on this request" in err
        assert "put back from a backup" in err and "nothing was sent" in err
        assert "Approving again cannot change that" in err and "Decline the request here" in err
        assert "approve it again to resume" not in err and "409" not in err
        assert w.show()["status"] == "failed"
    assert w.portal.decision(w.jti).decision == "decline"
    assert w.portal.submissions() == []

    code, _, err = w.run("decline", "--", w.jti)
    assert code == 0, err
    assert w.show()["status"] == "declined"
    assert not [p for p in (w.run.home / "packages").rglob("*") if p.is_file()]
