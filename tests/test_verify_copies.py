"""`footage-agent verify` on packages a careless copy changed: each still fails (exit 3), and the
sentence says what the copy did, so the receiver knows to ask for the package again rather than
suspect a forger: line endings converted to Windows' (a zip tool's text mode, git, e-mail), a
signature file taken from another package of the same owner, a Windows download mark left
beside a file."""
from __future__ import annotations

from pathlib import Path

import pytest

from agent.service import Agent
from agent.timebase import US
from tests.test_verify_credentials import T0, made, package, verify  # noqa: F401

TEXT_FILES = ("bagit.txt", "bag-info.txt", "manifest-sha256.txt", "data/owner.pub",
              "data/provenance.json")
CRLF = "only its line endings differ: they were converted to Windows ones (CRLF)"


def to_crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def test_line_endings_converted_by_a_copy_are_named_as_such(capsys, made, package):
    for name in TEXT_FILES:
        to_crlf(package / name)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    for name in TEXT_FILES:
        said = [p for p in out["problems"] if p.startswith(f"{name} was changed")]
        assert len(said) == 1 and CRLF in said[0], out["problems"]
    assert not any("signature" in p for p in out["problems"]), out["problems"]


def test_a_tag_manifest_with_converted_line_endings_is_named_not_called_forged(capsys, made,
                                                                               package):
    to_crlf(package / "tagmanifest-sha256.txt")
    to_crlf(package / "tagmanifest-sha256.txt.minisig")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"tagmanifest-sha256.txt was changed after sealing, but {CRLF}, as zip tools in text "
        "mode, e-mail and git do to text files; with them undone the owner's signature "
        "verifies. Ask for the package as it was sent (the tar), or copy it byte for byte."]


def test_a_real_change_is_not_called_a_line_ending_conversion(capsys, made, package):
    path = package / "data/provenance.json"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n").replace(b"porch", b"patio"))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert not any(CRLF in p for p in out["problems"]), out["problems"]
    assert any(p.startswith("data/provenance.json was changed: SHA-256") for p in out["problems"])


def test_a_readme_whose_windows_line_endings_a_zip_tool_undid_is_named_as_such(capsys, made,
                                                                             tmp_path):
    """Zipped (Info-ZIP's `zip -r`, which marks text files) and unzipped in text mode on a Mac
    or Linux (`unzip -a`), README.txt, written with Windows' line ends, came out with LF ones:
    'README.txt was changed: SHA-256 ..., expected ...', as if someone had edited what the
    receiver reads, where a conversion the other way is named as one."""
    import shutil
    import subprocess
    if not (shutil.which("zip") and shutil.which("unzip")):
        pytest.skip("no Info-ZIP zip and unzip here")
    subprocess.run(["zip", "-qr", str(tmp_path / "p.zip"), made[1].name], cwd=made[1].parent,
                   check=True)
    (tmp_path / "out").mkdir()
    subprocess.run(["unzip", "-qa", str(tmp_path / "p.zip")], cwd=tmp_path / "out", check=True)
    package = tmp_path / "out" / made[1].name
    assert b"\r" not in (package / "README.txt").read_bytes()   # as unzip -a leaves it
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "README.txt was changed after sealing, but only its line endings differ: its Windows "
        "ones (CRLF) were converted to LF, as zip tools in text mode (unzip -a), e-mail and git "
        "do to text files on a Mac or Linux. Ask for the package as it was sent (the tar), or "
        "copy it byte for byte."]
    readme = package / "README.txt"
    readme.write_bytes(readme.read_bytes().replace(b"porch", b"patio"))
    code, out = verify(capsys, made[0], package)
    assert not any("line endings" in p for p in out["problems"]), out["problems"]


def test_the_signature_of_another_package_names_the_package_it_was_made_for(capsys, made,
                                                                            package, tmp_path):
    agent = Agent(made[0])
    try:
        other = agent.export("porch", T0 + 2 * US, T0 + 5 * US, tmp_path / "other").package.path
    finally:
        agent.close()
    signature = "tagmanifest-sha256.txt.minisig"
    (package / signature).write_bytes((other / signature).read_bytes())
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "The signature file was taken from another package: it was made by the same owner key "
        f"for the package sealed as '{other.name}', but this package's clip was sealed for "
        f"'{made[1].name}' (its Content Credentials say so). The signature does not belong to "
        "this package."]


def test_a_tag_manifest_edited_in_a_renamed_package_is_not_blamed_on_another_package(
        capsys, made, package):
    """The tag manifest's lines reordered in a package its receiver renamed: verify said the
    signature was made 'for the package sealed as' its own name, 'either ... changed, or the
    signature file was taken from that package', as if another package were involved; and
    unrenamed, only that the signature 'does not verify'. The clip's credentials name the
    package the signature was made for: this one."""
    tags = package / "tagmanifest-sha256.txt"
    tags.write_bytes(b"".join(reversed(tags.read_bytes().splitlines(keepends=True))))
    for folder in (package.rename(package.with_name("case 2026-77 porch")), package):
        if not folder.exists():   # then as sealed: renamed back
            folder.with_name("case 2026-77 porch").rename(folder)
        code, out = verify(capsys, made[0], folder)
        assert code == 3
        assert out["problems"] == [
            "tagmanifest-sha256.txt was changed after sealing: the signature is this package's "
            f"own, made when it was sealed as '{made[1].name}' (its clip's Content Credentials "
            "name the same package), and does not verify over the tagmanifest-sha256.txt it "
            "holds now. Ask for the package as it was sent."]


def test_a_manifest_whose_lines_were_reordered_says_only_their_order_differs(capsys, made,
                                                                              package):
    manifest = package / "manifest-sha256.txt"
    manifest.write_bytes(b"".join(reversed(manifest.read_bytes().splitlines(keepends=True))))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "manifest-sha256.txt was changed after sealing, but only the order of its lines "
        "differs: it lists the same files with the same SHA-256 as sealed, sorted otherwise (as "
        "a tool that rewrites a manifest may do). Ask for the package as it was sent."]
    manifest.write_bytes(manifest.read_bytes().replace(b"data/owner.pub", b"data/owner.puB"))
    code, out = verify(capsys, made[0], package)
    assert not any("only the order" in p for p in out["problems"]), out["problems"]


def test_a_bag_without_its_tag_manifest_says_what_that_loses(capsys, made, package):
    """bagit.py calls a bag without a tag manifest valid (BagIt makes it optional); verify
    said only 'tagmanifest-sha256.txt is missing.', leaving the expert with two tools that
    disagree and no reason why."""
    (package / "tagmanifest-sha256.txt").unlink()
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "tagmanifest-sha256.txt is missing: it is what the owner's signature seals, so nothing "
        "in the package can be tied to the owner's key (BagIt makes a tag manifest optional, so "
        "bagit.py still calls the bag valid)."]


def test_a_windows_download_mark_is_a_leftover_like_a_finder_file(capsys, made, package):
    (package / "bagit.txt:Zone.Identifier").write_text("[ZoneTransfer]\r\nZoneId=3\r\n")
    code, out = verify(capsys, made[0], package)
    assert code == 0, out
    assert out["notes"] == [
        "bagit.txt:Zone.Identifier is not part of the signed package: Windows left it in the "
        "folder. It was ignored and can be deleted."]
    (package / "data" / f"{made[2]}:Zone.Identifier").write_text("[ZoneTransfer]\r\nZoneId=3\r\n")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert (f"data/{made[2]}:Zone.Identifier is an extra file in data/ that is not part of the "
            "signed package (a file Windows adds to folders): delete it and check again.") \
        in out["problems"]


def test_a_clip_too_big_for_a_fat32_drive_left_behind_says_so(capsys, made, package):
    """A copy to a FAT32 USB stick cannot hold a file of 4 GiB or more: the copy skips the
    clip, and verify says why it is missing. (The sealed record is rewritten, as a package of
    a 5 GB clip would have it; the rest of the package is sealed anew by the owner key.)"""
    import json
    from tests.credentials_support import sha
    from tests.test_verify_credentials import key_of
    clip = f"data/{made[2]}"
    prov = package / "data/provenance.json"
    record = json.loads(prov.read_text())
    (entry,) = [o for o in record["outputs"] if o["path"] == clip]
    entry["size"] = 5_000_000_000
    prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    lines = [ln for ln in (package / "manifest-sha256.txt").read_text().splitlines()
             if not ln.endswith("data/provenance.json")]
    (package / "manifest-sha256.txt").write_text(
        "\n".join(lines + [f"{sha(prov)}  data/provenance.json"]) + "\n")
    (package / clip).unlink()
    key = key_of(made[0])
    tags = "".join(f"{sha(package / n)}  {n}\n"
                   for n in ("README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt"))
    (package / "tagmanifest-sha256.txt").write_text(tags)
    (package / "tagmanifest-sha256.txt.minisig").write_text(key.minisign(
        tags.encode(), f"footage-agent package {package.name} owner {key.public.owner_id()}"))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert f"{clip} is missing." in out["problems"]
    assert out["problems"][2:3] == [
        f"{clip} is missing: at 5,000,000,000 bytes it is more than a FAT32 drive (as most USB "
        "sticks are) holds in one file, so a copy to one leaves it behind. Copy the package "
        "with a drive formatted exFAT or NTFS, or send the tar."], out


def test_a_manifest_path_with_a_space_at_its_end_says_so(capsys, made, package):
    """An editor that keeps a space at a line's end left `data/owner.pub ` in the manifest:
    verify said 'data/owner.pub  is missing.' and 'data/owner.pub is in the package but not
    listed', the space unseen, so the two read as contradicting each other."""
    manifest = package / "manifest-sha256.txt"
    manifest.write_bytes(manifest.read_bytes().replace(b"data/owner.pub\n", b"data/owner.pub \n"))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert "manifest-sha256.txt line 1 names 'data/owner.pub ', with white space at its end: no " \
        "package names a file so (bagit.py strips it and reads 'data/owner.pub')." in out["problems"]
    assert not any(p.startswith("data/owner.pub  ") for p in out["problems"]), out["problems"]


def test_manifest_lines_bagit_py_reads_past_are_named_for_what_they_are(capsys, made, package):
    """A comment line and sha256sum's binary mark (`HASH *data/x`), which bagit.py reads past
    and RFC 8493 has not, were said as 'not a valid SHA-256 entry' and 'an unsafe or
    misplaced path', leaving the expert to wonder why bagit.py calls the bag valid."""
    manifest = package / "manifest-sha256.txt"
    manifest.write_bytes(b"# made by hand\n" + manifest.read_bytes().replace(
        b"  data/owner.pub\n", b" *data/owner.pub\n"))
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert "manifest-sha256.txt line 1 is not a valid SHA-256 entry: it is a comment, which " \
        "RFC 8493 manifests do not have and no package holds (bagit.py skips it)." in out["problems"]
    assert "manifest-sha256.txt line 2 names '*data/owner.pub': a '*' before the name is " \
        "sha256sum's mark of a binary file, which RFC 8493 manifests do not have and no " \
        "package holds (bagit.py drops it)." in out["problems"]


def test_a_file_explorer_left_in_data_is_named_once_not_first_as_a_miscount(capsys, made,
                                                                            package):
    """Windows Explorer's Thumbs.db in data/ (the folder opened to play the video): the first
    problem was 'Payload-Oxum in bag-info.txt says 43249.3 (bytes.files) but data/ holds
    43251.4.', a miscount with no reason, before the line naming the file and saying to delete
    it. The count differs by that file alone, so that line says it all; a file taken out is
    still a miscount too."""
    (package / "data" / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "data/Thumbs.db is an extra file in data/ that is not part of the signed package (a "
        "file Windows Explorer adds to folders): delete it and check again."]
    (package / "data" / "owner.pub").unlink()
    code, out = verify(capsys, made[0], package)
    assert any(p.startswith("Payload-Oxum in bag-info.txt says") for p in out["problems"]), out
