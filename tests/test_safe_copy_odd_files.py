"""What else can stand in the place of a file of a safe copy, or of a package cut from one,
that the app reads again (home files hunt 14; test_kept_package_odd_files.py has a waiting
package's): releasing a safe copy reads its packages' provenance.json (was one cut from the
copy?); adding to a safe copy reads its `manifest-sha256.txt` (put back should the record not
be written). A sync or restore program, or anyone who can write the home, may leave a named
pipe or a 2 GB sparse file there: each is read only when it is an ordinary file and at most as
far as such a file goes, never waited on nor held. A package's is left where it is; the
manifest, the app's own list of the copy's hashes, is written anew.

The pipes and files are made in the test's own folder; nothing links to a system device."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.requests import holds
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


@pytest.mark.parametrize("what", ["a named pipe", "a 2 GB sparse file"])
def test_what_stands_for_a_safe_copys_manifest_is_not_read_and_the_copy_is_added_to(
        flow, what):
    """hold_top_up read the manifest whole (read_bytes), to put it back should the record not
    be written: a pipe kept `inbox hold` waiting for ever, a 2 GB file ended it in a
    MemoryError. It is read only as an ordinary file of a record's size at most; anything else
    is no manifest to put back, and the manifest is written anew beside the record."""
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    aside = porch.parent / second.name
    second.rename(aside)   # the recorder's last file of the window, not there yet
    assert run("scan")[0] == 0
    jti, hold = held(run, portal, reg)
    aside.rename(second)   # it arrived
    assert run("scan")[0] == 0
    _place(hold / holds.MANIFEST, what)
    done = _run(run.home, "inbox", "hold", "--", jti)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "it holds 2 files" in done.stderr, done.stderr
    lines = (hold / holds.MANIFEST).read_text().splitlines()
    assert [ln.split("  ")[1] for ln in lines] == [f"porch/{first.name}",
                                                   f"porch/{second.name}"]
