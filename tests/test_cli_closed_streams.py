"""A command started with stdout or stderr closed: a scheduled task or service that starts
`footage-agent ... --json 2>&-`, or `pythonw` on Windows, which has neither. Python then has
`sys.stderr` (or `sys.stdout`) None, and `print(file=None)` writes to stdout: the messages
must not land in the JSON a script reads, and a closed stdout is a reader that is gone."""
from __future__ import annotations

import json
import sys

from agent.cli import main


def test_with_stderr_closed_a_refusal_leaves_stdout_empty_and_exits_3(tmp_path, monkeypatch,
                                                                       capsys):
    home = tmp_path / "home"
    monkeypatch.setattr(sys, "stderr", None)   # what Python sets when fd 2 is closed
    assert main(["--home", str(home), "recordings", "--camera", "porch", "--json"]) == 3
    assert capsys.readouterr().out == ""


def test_with_stderr_closed_json_output_is_json_alone(tmp_path, monkeypatch, capsys):
    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--home", str(home), "scan", "--json"]) == 0   # its summary goes to stderr
    assert json.loads(capsys.readouterr().out)[0]["source"] == str(folder)


def test_with_stdout_closed_a_command_ends_quietly_as_for_a_reader_gone(tmp_path, monkeypatch,
                                                                         capsys):
    monkeypatch.setattr(sys, "stdout", None)   # `footage-agent keys show --json >&-`
    assert main(["--home", str(tmp_path / "home"), "keys", "show", "--json"]) == 0
    assert capsys.readouterr().err == ""
