"""`footage-agent verify` holds a package to its layout (package-format.md): a tag file beside
bagit.txt that the tag manifest covers but no package has (`NOTES.txt` saying what the README
does not, `extra/statement.txt`), sealed with the owner key, verified as OK (exit 0), though
nothing checks what it says and a receiver could take it for part of the evidence. (bagit.py
allows such tag files; verify is stricter, as with other manifests and fetch.txt.)"""
from __future__ import annotations

import pytest

from tests.test_verify_bagit_parity import reseal_with
from tests.test_verify_credentials import made, package, verify  # noqa: F401


@pytest.mark.parametrize("name", ["NOTES.txt", "extra/statement.txt"])
def test_a_sealed_tag_file_no_package_has_fails(capsys, made, package, name):
    (package / name).parent.mkdir(exist_ok=True)
    reseal_with(package, made[0], name, "The camera's clock was right. Nothing was cut.\n")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{name} is a file no package holds (its files beside data/ are bagit.txt, "
        "bag-info.txt, README.txt and the manifests and signature): though the signature "
        "covers it, nothing checks what it says, so it cannot be part of the package."]
