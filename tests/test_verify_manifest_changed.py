"""`footage-agent verify` on a package whose manifest-sha256.txt was edited after sealing (one
digit of data/owner.pub's SHA-256): its first line blamed the owner's key, 'data/owner.pub was
changed: SHA-256 ..., expected ...', a file no one touched, and named the manifest only
after it. A manifest the signed tag manifest no longer vouches for is said first now, with
why the files checked against it may be named for its change. Real package."""
from __future__ import annotations

from tests.test_verify_credentials import made, package, verify  # noqa: F401

MANIFEST = "manifest-sha256.txt"


def test_a_changed_manifest_is_named_first_as_what_the_file_problems_come_from(
        capsys, made, package):
    text = (package / MANIFEST).read_text()
    line = next(x for x in text.splitlines() if x.endswith("  data/owner.pub"))
    sealed = line.split()[0]
    edited = sealed[:10] + ("0" if sealed[10] != "0" else "1") + sealed[11:]
    (package / MANIFEST).write_text(text.replace(sealed, edited))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    first, *rest = out["problems"]
    assert first.startswith(f"{MANIFEST} was changed after sealing: SHA-256 "), out["problems"]
    assert first.endswith(
        "(as tagmanifest-sha256.txt lists it). The files under data/ are checked "
        "against it as it is now, so a file named below as changed, missing or extra may be "
        "the manifest's change, not the file's."), first
    assert rest == [f"data/owner.pub was changed: SHA-256 {sealed}, expected {edited}."], rest


def test_an_edited_tag_manifest_is_named_before_the_tag_file_it_now_misnames(capsys, made,
                                                                              package):
    """One digit of README.txt's SHA-256 edited in the tag manifest: the report opened with
    'README.txt was changed: ...' and said last that the tag manifest was changed after
    sealing, which is what happened."""
    tags = package / "tagmanifest-sha256.txt"
    text = tags.read_text()
    sealed = next(x for x in text.splitlines() if x.endswith("  README.txt")).split()[0]
    edited = sealed[:10] + ("0" if sealed[10] != "0" else "1") + sealed[11:]
    tags.write_text(text.replace(sealed, edited))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "tagmanifest-sha256.txt was changed after sealing: the signature is this package's "
        f"own, made when it was sealed as '{made[1].name}' (its clip's Content Credentials "
        "name the same package), and does not verify over the tagmanifest-sha256.txt it holds "
        "now. Ask for the package as it was sent.",
        f"README.txt was changed: SHA-256 {sealed}, expected {edited}."], out["problems"]
