"""A request's safe copy deleted or moved out of the app's folder by hand (a cleaning program,
the owner freeing room) while the request is still open: the owner, counting on it while
deciding, is told, and can make it again. Through the `footage-agent` command against the
real reference portal on loopback (test_held_footage's flow)."""
from __future__ import annotations

import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.test_held_footage import flow, held  # noqa: F401 (a fixture)


def test_a_safe_copy_deleted_by_hand_is_said_gone_and_made_again(flow):
    """Seen: the hold's folder deleted while the request was held: `inbox show` said nothing
    of a safe copy (its status still read 'its recordings are held'), `--json` gave hold null,
    hold_failed null, the same as a request never held."""
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    shutil.rmtree(hold)
    shown = run.json("inbox", "show", "--", jti)
    assert shown["hold"] is None and shown["hold_gone"] == str(hold), shown
    code, out, _ = run("inbox", "show", "--", jti)
    assert f"Hold: none; the safe copy made in {hold} is gone" in out, out
    assert f"`inbox hold {jti}` makes it again" in out
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    again = run.json("inbox", "show", "--", jti)
    assert again["hold"] == str(hold) and again["hold_gone"] is None
