"""The files a detective or a defence expert gives `verify` beside the package, as Windows
saves them (verify hunt 12). The agency's CA certificate kept with Windows PowerShell's `>`
(UTF-16 with its mark, lines ending CRLF) or saved by Notepad as "UTF-8 with BOM" was refused:
"--ca: ca.pem is not a PEM certificate (a CA certificate starting with -----BEGIN
CERTIFICATE-----)", though it starts with just that; a receipt so saved was "not a receipt".
And both were read whole, whatever they were: `--ca /dev/zero` (a typo, or tab completion)
filled the memory until the system killed the command, and a named pipe was waited on for
ever. Agency files and request files were read as Windows saves them already (cli.md).

A real portal and a real delivery (test_verify_against's); the expert's own home is new."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

from tests.test_requests_e2e import Run, flow, footage  # noqa: F401
from tests.test_verify_against import delivered  # noqa: F401


def _as_powershell_saves(text: str, where: Path) -> Path:
    """`Get-Content ca.pem > where` in Windows PowerShell: UTF-16 LE after its mark, CRLF."""
    where.write_bytes(codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"))
    return where


def test_a_ca_and_a_receipt_saved_by_windows_are_read_as_written(flow, delivered, tmp_path,
                                                                 capsys):
    portal = flow[0]
    _checker, got, _owner = delivered
    tar, receipt = got["porch"]
    expert = Run(tmp_path / "expert", capsys)
    ca = _as_powershell_saves(portal.ca().pem, tmp_path / "ca.pem")
    code, out, err = expert("verify", str(tar), "--ca", str(ca), "--json")
    assert code == 0, err
    (clip,) = json.loads(out)["clips"]
    assert clip["trusted"] is True, clip
    notepad = tmp_path / "ca-notepad.pem"
    notepad.write_bytes(codecs.BOM_UTF8 + portal.ca().pem.encode("ascii"))
    code, out, err = expert("verify", str(tar), "--ca", str(notepad), "--json")
    assert code == 0 and json.loads(out)["clips"][0]["trusted"] is True, err

    # The receipt, kept by PowerShell too, read by the home that trusts the agency.
    checker = delivered[0]
    kept = _as_powershell_saves(receipt.read_text("ascii"), tmp_path / "receipt.txt")
    before = {p: p.stat().st_mtime_ns for p in checker.home.rglob("*")}
    code, out, err = checker("verify", str(tar), "--receipt", str(kept), "--json")
    assert code == 0 and json.loads(out)["receipt"] is True, err
    # Its trusted agencies read, nothing of that home made or written (verify makes no home).
    assert {p: p.stat().st_mtime_ns for p in checker.home.rglob("*")} == before
    assert not (tmp_path / "expert").exists()


def test_a_device_or_pipe_given_for_a_file_is_not_read(delivered, tmp_path, capsys):
    _checker, got, _owner = delivered
    tar = got["porch"][0]
    expert = Run(tmp_path / "expert", capsys)
    for option in ("--ca", "--receipt"):
        code, out, err = expert("verify", str(tar), option, "/dev/null")
        assert code == 2 and out == ""
        assert f"{option}: /dev/null is not an ordinary file (a named pipe or a device), so " \
               "it is not read: check the path" in err
