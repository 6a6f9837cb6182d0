"""`verify` is never looser than the stock `bagit.py` (package-format.md). A package its owner's
key resealed holding a second manifest (`manifest-sha512.txt`, `tagmanifest-md5.txt`) whose
digests are wrong failed `bagit.py`, which checks every manifest, but passed `verify`, which
reads only the SHA-256 ones; and a `fetch.txt` (files to be fetched into the bag from
elsewhere) passed both. Real packages, the real `bagit` package."""
from __future__ import annotations

import hashlib
import logging

import bagit
import pytest

from agent.identity.keys import OwnerKey
from tests.test_verify_credentials import made, package, verify  # noqa: F401

TAGGED = ("README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt")


def reseal_with(package, home, name: str, text: str) -> None:
    """Add a tag file and reseal the tag manifest over it with the owner's key, as the key's
    holder could."""
    (package / name).write_text(text)
    key = OwnerKey.load(home)
    tags = "".join(f"{hashlib.sha256((package / n).read_bytes()).hexdigest()}  {n}\n"
                   for n in sorted({*TAGGED, name}))
    (package / "tagmanifest-sha256.txt").write_text(tags)
    (package / "tagmanifest-sha256.txt.minisig").write_text(key.minisign(
        tags.encode(), f"footage-agent package {package.name} owner {key.public.owner_id()}"))


def bagit_fails(package) -> bool:
    logging.getLogger("bagit").setLevel(logging.CRITICAL)
    try:
        bagit.Bag(str(package)).validate()
    except bagit.BagError:
        return True
    return False


@pytest.mark.parametrize("name, text", [
    ("manifest-sha512.txt", "0" * 128 + "  data/provenance.json\n"),
    ("tagmanifest-md5.txt", "0" * 32 + "  bagit.txt\n")])
def test_a_sealed_manifest_of_another_algorithm_fails_as_in_bagit(capsys, made, package, name,
                                                                  text):
    reseal_with(package, made[0], name, text)
    assert bagit_fails(package)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{name} is a manifest of another algorithm: a package is sealed with "
        "manifest-sha256.txt and tagmanifest-sha256.txt only, and this one is not checked here "
        "(bagit.py would check it), so the package is not passed with it unread."]


def test_a_fetch_list_fails(capsys, made, package):
    reseal_with(package, made[0], "fetch.txt", "https://example.org/x.mp4 10 data/x.mp4\n")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "fetch.txt lists files to be fetched into the package from elsewhere: a package holds "
        "every file it is made of, so nothing fetched can be part of it."]


@pytest.mark.parametrize("name, change, line", [
    ("bag-info.txt", lambda text: text + "Contact the owner\n", "Contact the owner"),
    ("bag-info.txt", lambda text: "  folded onto nothing\n" + text, "folded onto nothing"),
    ("bagit.txt", lambda text: text + "BagIt\n", "BagIt"),
], ids=["bag-info-line-without-label", "bag-info-starts-folded", "bagit-txt-line-without-label"])
def test_a_tag_line_bagit_refuses_fails(capsys, made, package, name, change, line):
    """A line with no 'Label:' in a tag file (RFC 8493 tag files are 'Label: value' lines, and
    bagit.py refuses the bag: 'contains invalid tag'), resealed with the owner key, passed
    verify (exit 0): it read only the lines with a colon."""
    reseal_with(package, made[0], name, change((package / name).read_text()))
    assert bagit_fails(package)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{name} has a line that is not 'Label: value', which BagIt tag files are made of "
        f"(bagit.py refuses the bag): '{line}'."]
