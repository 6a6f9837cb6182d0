"""What else can stand in the place of a file of a safe copy, or of a package cut from one,
that the app reads again (home files hunt 14; test_kept_package_odd_files.py has a waiting
package's): releasing a safe copy reads its packages' provenance.json (was one cut from the
copy?). A sync or restore program, or anyone who can write the home, may leave a named
pipe or a 2 GB sparse file there: each is read only when it is an ordinary file and at most as
far as such a file goes, never waited on nor held, and left where it is.

The pipes and files are made in the test's own folder; nothing links to a system device."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.test_held_footage import flow, held  # noqa: F401 (a fixture)
from tests.test_hold_losses_older import approved, exported, masked, older_log  # noqa: F401
from tests.test_kept_package_odd_files import _place, _run

pytestmark = pytest.mark.skipif(os.name != "posix", reason="named pipes are made here with "
                                "POSIX calls")


@pytest.mark.usefixtures("older_log")
def test_a_pipe_for_a_packages_record_keeps_no_release_waiting(flow, tmp_path):
    """A masked package cut from the safe copy, logged as a version before 3cfc153 logged it
    (without safe_copy), so a release asks the package itself: package_hold.held_made opened
    its provenance.json with open(), and a pipe there kept `inbox release` waiting for ever.
    A package that cannot be read cannot say, so the release is asked first, as for one
    deleted since."""
    portal, run, reg, porch = flow
    masked(run, tmp_path)
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] in (0, 1)
    approved(run, portal, jti)
    assert "safe_copy" not in exported(run)
    package = Path(exported(run)["package"])
    _place(package / "data" / "provenance.json", "a named pipe")
    done = _run(run.home, "inbox", "release", "--", jti)
    assert done.returncode == 2 and hold.is_dir(), done.stderr[-3000:]
    assert ("For 1 package of porch that is not certain: the version of footage-agent that "
            "made it did not record whether it was cut from the safe copy") in done.stderr
    assert (package / "data" / "provenance.json").is_fifo()
