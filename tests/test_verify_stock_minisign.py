"""`footage-agent verify` is never looser than minisign's own tool, the check a package's README
gives (`minisign -Vm tagmanifest-sha256.txt -p data/owner.pub`): a key file without its comment
line, or a signature line with a space after it, passed here (exit 0) while stock minisign
refused the package; so did a signature file whose untrusted comment, the one line anyone may
change without the owner's key, minisign does not read. Each case is run through /usr/bin/minisign too."""
from __future__ import annotations

import subprocess

import pytest

from tests.conftest import require_tool
from tests.credentials_support import reseal
from tests.test_verify_credentials import key_of, made, package, verify  # noqa: F401

SIG = "tagmanifest-sha256.txt.minisig"


def _stock(package) -> int:
    return subprocess.run([require_tool("minisign"), "-Vm", "tagmanifest-sha256.txt", "-p",
                           "data/owner.pub", "-q"], cwd=package, capture_output=True).returncode


def _key_lines(package, change) -> None:
    pub = package / "data/owner.pub"
    pub.write_text(change(pub.read_text()))


@pytest.mark.parametrize("what, change", [
    ("signature", lambda lines: [lines[0], lines[1] + " ", *lines[2:]]),
    ("comment signature", lambda lines: [*lines[:3], lines[3] + "\t", *lines[4:]]),
], ids=["space-after-signature", "tab-after-comment-signature"])
def test_a_signature_line_stock_minisign_refuses_fails(capsys, made, package, what, change):
    sig = package / SIG
    sig.write_text("\n".join(change(sig.read_text().split("\n"))))
    assert _stock(package) != 0
    code, out = verify(capsys, made[0], package)
    assert code == 3
    line = 2 if what == "signature" else 4
    assert out["problems"] == [
        f"{SIG} is not a signature file minisign reads: its {what} line (line {line}) holds "
        "something besides the signature, so the stock check (minisign -Vm "
        "tagmanifest-sha256.txt -p data/owner.pub) refuses it. It was changed after sealing: "
        "ask for the package as it was sent."]


@pytest.mark.parametrize("change", [
    lambda text: text.split("\n", 1)[1],        # the key line alone, no comment before it
    lambda text: "\n" + text,                   # a blank line first: the comment is the key
    # a comment past what minisign reads into its buffer: the rest of it is read as the key
    lambda text: "untrusted comment: " + "y" * 1004 + "\n" + text.split("\n", 1)[1],
], ids=["no-comment-line", "blank-first-line", "comment-of-1023-bytes"])
def test_a_key_file_stock_minisign_refuses_fails_though_resealed(capsys, made, package, change):
    _key_lines(package, change)
    reseal(package, key_of(made[0]))
    assert _stock(package) != 0
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        "data/owner.pub is not a key file minisign reads: its key is not on its second line, "
        "after an 'untrusted comment:' line of at most 1,022 bytes, with nothing else on that "
        "line, so the stock check (minisign -Vm tagmanifest-sha256.txt -p data/owner.pub) "
        "refuses it."]


def test_what_stock_minisign_accepts_still_verifies(capsys, made, package):
    """Line ends converted in the signature file and another untrusted comment: minisign reads
    both, and so does verify."""
    sig = package / SIG
    lines = sig.read_text().split("\n")
    sig.write_text("\r\n".join(["untrusted comment: anything at all", *lines[1:]]))
    assert _stock(package) == 0
    code, out = verify(capsys, made[0], package)
    assert code == 0, out["problems"]


@pytest.mark.parametrize("first, why", [
    ("untrusted comment:no space", "its first line does not start with 'untrusted comment:' "
                                   "and a space"),
    ("untrusted comment:\tafter a tab", "its first line does not start with 'untrusted "
                                        "comment:' and a space"),
    ("untrusted comment: " + "x" * 1004, "its first line, the untrusted comment, is longer "
                                         "than the 1,022 bytes minisign reads"),
    ("untrusted comment: a\0b", "its first line, the untrusted comment, holds a NUL character"),
], ids=["no-space", "tab", "1023-bytes", "nul"])
def test_an_untrusted_comment_stock_minisign_refuses_fails(capsys, made, package, first, why):
    """The untrusted comment is the one line of a package anyone may change without the
    owner's key: changed so, it passed here (exit 0) while stock minisign refused the
    signature file ('Untrusted signature comment should start with "untrusted comment: "',
    'Untrusted signature comment too long')."""
    sig = package / SIG
    sig.write_text("\n".join([first, *sig.read_text().split("\n")[1:]]))
    assert _stock(package) != 0
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [
        f"{SIG} is not a signature file minisign reads: {why}, so the stock check (minisign "
        "-Vm tagmanifest-sha256.txt -p data/owner.pub) refuses it. It was changed after "
        "sealing: ask for the package as it was sent."]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_the_longest_untrusted_comment_stock_minisign_reads_verifies(capsys, made, package,
                                                                     crlf):
    sig = package / SIG
    end = "\r\n" if crlf else "\n"
    first = "untrusted comment: " + "x" * (1022 - 19 - len(end) + 1)
    sig.write_text(end.join([first, *sig.read_text().split("\n")[1:]]))
    assert _stock(package) == 0
    code, out = verify(capsys, made[0], package)
    assert code == 0, out["problems"]
