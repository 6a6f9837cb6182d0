"""`sources add-recorder` run by a script: the password comes from stdin with
`--password-stdin`, or is asked on a terminal. With neither (stdin not a terminal, as under a
scheduled task) or an empty one, it is a usage error (exit 2) said before the recorder is
contacted (cli.md), not after a TLS handshake, nor as a refused connection (exit 1)."""
from __future__ import annotations

import io
import socket
import sys

import pytest

from agent.cli import main


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
