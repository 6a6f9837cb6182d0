"""`sources add-recorder` run by a script: the password comes from stdin with
`--password-stdin`, or is asked on a terminal. With neither (stdin not a terminal, as under a
scheduled task) or an empty one, it is a usage error (exit 2) said before the recorder is
contacted (cli.md), not after a TLS handshake, nor as a refused connection (exit 1)."""
from __future__ import annotations

import codecs
import io
import socket
import sys

import pytest

from agent.cli import main
from agent.commands.piped_line import first_line


@pytest.mark.parametrize("extra, stdin, words", [
    ([], "", "give the recorder's password on stdin with --password-stdin"),
    (["--password-stdin"], "\n", "the recorder's password is empty"),
])
def test_a_password_that_cannot_be_had_is_said_before_the_recorder_is_contacted(
        tmp_path, monkeypatch, capsys, extra, stdin, words):
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))   # not a terminal
    try:
        code = main(["--home", str(tmp_path / "home"), "sources", "add-recorder",
                     f"https://127.0.0.1:{port}", "--vendor", "reolink", "--user", "admin",
                     *extra, "--json"])
        with pytest.raises(BlockingIOError):
            listener.accept()   # nobody connected
    finally:
        listener.close()
    said = capsys.readouterr()
    assert code == 2 and words in said.err, said.err
    assert said.out == "" and "certificate" not in said.err


# A password that begins and ends in spaces and is not ASCII: only what Windows adds goes.
SPACED = " contraseña 7 "


def windows_stdin(piped: bytes) -> io.TextIOWrapper:
    """stdin as Python makes it for a pipe on Windows: the ANSI code page, universal newlines."""
    return io.TextIOWrapper(io.BytesIO(piped), encoding="cp1252", newline=None)


def posix_stdin(piped: bytes) -> io.TextIOWrapper:
    """stdin as Python makes it for a pipe on Linux or macOS: UTF-8, split at \\n only."""
    return io.TextIOWrapper(io.BytesIO(piped), encoding="utf-8", newline="\n")


def test_a_password_piped_from_windows_reaches_the_recorder_as_typed(
        tmp_path, monkeypatch, capsys, cheap_scrypt):
    """Seen on the command line: PowerShell's pipe (or a password file Notepad saved) gave the
    recorder the password with a UTF-8 byte-order mark before it, read on Windows in the ANSI
    code page (`ï»¿`, and `ñ` as `Ã±`), so a right password was refused as wrong (exit 1).
    A real recorder (the simulator, over plain http on this computer) is given it here."""
    from nvrsim.server import Simulator
    from tests.recorder_support import channel_folder

    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", "owner passphrase for the recorders")
    monkeypatch.setattr(sys, "stdin", windows_stdin(
        codecs.BOM_UTF8 + SPACED.encode("utf-8") + b"\r\n"))
    (tmp_path / "nvr" / channel_folder(1, "Driveway")).mkdir(parents=True)   # no recordings
    with Simulator(tmp_path / "nvr", "hikvision", "admin", SPACED) as sim:
        code = main(["--home", str(tmp_path / "home"), "sources", "add-recorder", sim.url,
                     "--vendor", "hikvision", "--user", "admin", "--password-stdin",
                     "--plain-http", "--json"])
        said = capsys.readouterr()
        assert code == 0 and sim.device.failures == 0, said.err


UTF16_NEXT = "next\r\n".encode("utf-16-le")


@pytest.mark.parametrize("stdin, password, rest", [
    # cmd.exe's `echo` or a file saved on Windows in its code page, read on Windows
    (windows_stdin(SPACED.encode("cp1252") + b"\r\n"), SPACED, b""),
    # PowerShell 7's pipe (UTF-8, CRLF), read on Windows
    (windows_stdin(SPACED.encode("utf-8") + b"\r\n"), SPACED, b""),
    # a file Windows PowerShell's `>` wrote (UTF-16 with its mark), then `< pw.txt` in cmd
    (windows_stdin(codecs.BOM_UTF16_LE + (SPACED + "\r\n").encode("utf-16-le") + UTF16_NEXT),
     SPACED, UTF16_NEXT),
    # ... whose `\n` byte (0A) is also half of `Ċ` (U+010A, the bytes 0A 01)
    (windows_stdin(codecs.BOM_UTF16_LE + "Ċ1\r\n".encode("utf-16-le")), "Ċ1", b""),
    # a file saved on Windows, piped on Linux or macOS (Python keeps the \r there)
    (posix_stdin(SPACED.encode("utf-8") + b"\r\nnext line\n"), SPACED, b"next line\n"),
    (posix_stdin(codecs.BOM_UTF8 + SPACED.encode("utf-8")), SPACED, b""),
    # a password given on Linux: nothing to take off but the \n
    (posix_stdin(SPACED.encode("utf-8") + b"\n"), SPACED, b""),
])
def test_only_what_windows_adds_to_a_piped_line_is_taken_off(stdin, password, rest):
    assert first_line(stdin) == password
    assert stdin.buffer.read() == rest   # read no further than its line


def test_a_password_on_stdin_that_is_not_text_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"p\xff\xfe\x81\n"),
                                                       encoding="utf-8", newline="\n"))
    code = main(["--home", str(tmp_path / "home"), "sources", "add-recorder",
                 "https://127.0.0.1:9", "--vendor", "reolink", "--user", "admin",
                 "--password-stdin"])
    said = capsys.readouterr()
    assert code == 2 and "password on stdin is not text" in said.err, said.err


@pytest.mark.parametrize("user, shown", [
    # a Latin-1 terminal's `é` (E9) under a UTF-8 locale: Python reads it as a lone surrogate
    ("adm\udce9n", "adm\\xe9n"),
    # a line break pasted into the user name
    ("ad\nmin", "ad\\nmin"),
])
def test_a_user_name_that_is_no_text_is_a_usage_error_before_the_recorder_is_contacted(
        tmp_path, monkeypatch, capsys, user, shown):
    """Recorders hunt: `--user` typed in a Latin-1 terminal ended the command with "'utf-8'
    codec can't encode character '\\udce9' ... surrogates not allowed" (exit 1) as the Digest
    answer was made; one holding a line break went to the recorder and failed as "Illegal
    header value b'Digest username=...", the whole Authorization header, its password-derived
    response included, printed. Either is a usage error now (exit 2), said before any
    connection: no recorder's user name holds such a character, and a wrong try counts toward
    the recorder's lock-out."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    port = listener.getsockname()[1]
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret\n"))
    try:
        code = main(["--home", str(tmp_path / "home"), "sources", "add-recorder",
                     f"https://127.0.0.1:{port}", "--vendor", "hikvision", "--user", user,
                     "--password-stdin"])
        with pytest.raises(BlockingIOError):
            listener.accept()   # nobody connected
    finally:
        listener.close()
    said = capsys.readouterr()
    assert code == 2, said.err
    assert f"--user '{shown}'" in said.err and "Digest" not in said.err, said.err
