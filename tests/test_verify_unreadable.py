"""`footage-agent verify` on a package this computer will not let be read whole (verify hunt
11): an external NTFS drive whose files carry another PC's permissions, a file another
program holds open on Windows, a OneDrive file kept online with no connection, a folder copied
with `sudo cp -a` from the owner's account. A file that could not be read was then said to be
"missing" as well ("data/provenance.json could not be read: Permission denied", then
"data/provenance.json is missing." and a Payload-Oxum miscount), a folder as "A folder in the
package could not be read" without its name and every file in it "missing", as if someone
had taken them out; a signature file not read, as "The package is not signed by its owner";
and a tar as "not a readable uncompressed tar file ([Errno 13] Permission denied: ...)".

The permissions are real: run as root (as here and in CI), the check runs as root without the
two capabilities that pass over a file's permissions (setpriv), so chmod binds it as any
owner; run as any other user, as that user."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_verify_credentials import made  # noqa: F401

# Root's two capabilities that pass over a file's permissions: without them, root is bound
# by them as any owner is (and can still read its own Python, under /root).
_BOUND = ["--bounding-set=-dac_override,-dac_read_search"]


def _as_bound(argv: list[str]) -> subprocess.CompletedProcess:
    """`argv` (Python's) run bound by files' permissions: as root, through setpriv without the
    capabilities above; as any other user, as it is."""
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv") or pytest.skip("no setpriv (util-linux) to run "
                                                         "root bound by permissions")
        argv = [setpriv, *_BOUND, *argv]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120)


@pytest.fixture
def place(made, tmp_path):
    """A copy of the genuine package, permissions put back after each test."""
    package = tmp_path / made[1].name
    shutil.copytree(made[1], package)
    yield tmp_path, package
    for path in (tmp_path, *tmp_path.rglob("*")):
        path.chmod(0o755)


def _verify(room: Path, target: Path) -> tuple[int, dict | str]:
    done = _as_bound([sys.executable, "-c", "import sys; from agent.cli import main; "
                      "sys.exit(main(sys.argv[1:]))", "--home", str(room / "home"),
                      "verify", str(target), "--json"])
    return done.returncode, json.loads(done.stdout) if done.stdout else done.stderr


def test_a_file_not_read_is_named_so_never_also_as_missing(place):
    room, package = place
    (package / "data" / "provenance.json").chmod(0)
    code, out = _verify(room, package)
    assert code == 3, out
    assert out["problems"] == ["data/provenance.json could not be read on this computer "
                               "(Permission denied), so it was not checked."]


def test_a_folder_not_read_is_named_and_its_files_not_called_missing(place):
    room, package = place
    (package / "data").chmod(0)
    code, out = _verify(room, package)
    assert code == 3, out
    assert out["problems"][0] == ("The folder data could not be read on this computer "
                                  "(Permission denied), so the files in it were not checked.")
    assert not [p for p in out["problems"] if "missing" in p or "Payload-Oxum" in p], out


def test_a_signature_not_read_is_not_said_to_be_no_signature(place):
    room, package = place
    (package / "tagmanifest-sha256.txt.minisig").chmod(0)
    code, out = _verify(room, package)
    assert code == 3, out
    assert out["problems"] == ["tagmanifest-sha256.txt.minisig could not be read on this "
                               "computer (Permission denied), so it was not checked."]


def test_a_tar_not_read_is_the_systems_error_in_plain_words(place, made):
    from agent.export.bagtar import tar_package
    room, package = place
    tar = tar_package(package, room / "p.tar").path
    tar.chmod(0)
    code, said = _verify(room, tar)
    assert code == 1, said   # nothing was checked: the system's error, as a folder's is
    assert said.startswith(f"footage-agent: permission denied for {tar}"), said
    assert "Errno" not in said and "not a readable" not in said
    # frp.verify's own words, which an agency's portal and other readers of a tar get.
    done = _as_bound([sys.executable, "-c", "import sys; from frp.verify import verify_package; "
                      "print(*verify_package(sys.argv[1]).problems)", str(tar)])
    assert done.stdout == ("p.tar could not be read on this computer (Permission denied), so "
                           "nothing in it was checked.\n"), done.stderr
