"""`--home "$DIR"` in a script whose variable is not set: an empty --home was taken as no
--home at all, so the command acted on FOOTAGE_AGENT_HOME's or the system's home (the owner's
own folders, agencies and key) where a scratch home was meant; a blank one (spaces) made a new
home named with spaces in the folder the script ran in. Both are a usage error (exit 2), as an
empty `--out` is (cli.md), and nothing is made. So is an empty recordings PATH of
`sources add`, `scan` and `sources remove`, which was the folder the command ran in."""
from __future__ import annotations

import pytest

from agent.cli import main
from agent.config import ENV_HOME


@pytest.mark.parametrize("home", ["", "   "])
def test_an_empty_or_blank_home_option_is_a_usage_error(tmp_path, monkeypatch, capsys, home):
    owners = tmp_path / "owners-home"
    monkeypatch.setenv(ENV_HOME, str(owners))
    monkeypatch.chdir(tmp_path)
    assert main(["--home", home, "sources", "list", "--json"]) == 2
    said = capsys.readouterr()
    assert said.out == "" and "--home is empty" in said.err, said.err
    assert list(tmp_path.iterdir()) == []   # neither the owner's home nor one in the cwd


def test_a_blank_home_variable_is_a_usage_error(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv(ENV_HOME, "  ")
    monkeypatch.chdir(tmp_path)
    assert main(["sources", "list", "--json"]) == 2
    said = capsys.readouterr()
    assert said.out == "" and f"{ENV_HOME} is blank" in said.err, said.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["sources", "add"], ["scan"], ["sources", "remove"]])
def test_an_empty_recordings_folder_is_a_usage_error_not_the_folder_it_runs_in(
        tmp_path, monkeypatch, capsys, command):
    # `sources add "$CARD"` with CARD not set registered and scanned the folder the command
    # ran in (a scheduled task's on Windows is C:\Windows\System32); `sources remove ""`
    # removed it when it was registered, saying "removed  from the index".
    home, runs_in = tmp_path / "home", tmp_path / "runs-in"
    runs_in.mkdir()
    monkeypatch.chdir(runs_in)
    h = ["--home", str(home)]
    if command == ["sources", "remove"]:
        assert main([*h, "sources", "add", str(runs_in), "--tz", "UTC"]) == 0
    listed = capsys.readouterr() and main([*h, "sources", "list", "--json"]) == 0 \
        and capsys.readouterr().out
    assert main([*h, *command, ""]) == 2
    said = capsys.readouterr()
    assert "PATH is empty" in said.err, said.err
    assert main([*h, "sources", "list", "--json"]) == 0
    assert capsys.readouterr().out == listed   # nothing added, nothing removed
