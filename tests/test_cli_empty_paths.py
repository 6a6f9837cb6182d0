"""A file or package named by an empty argument (`verify "$PKG"` in a script whose variable is
not set): it was read as the folder the command ran in, said as `. is not a package` (and a
package there would have been verified or uploaded), or as `a file does not exist` for a
request or agency file. Each is a usage error (exit 2) saying the path is empty."""
from __future__ import annotations

import pytest

from agent.cli import main


@pytest.mark.parametrize("command, words", [
    (["verify", ""], "PACKAGE is empty"),
    (["upload", "", "--endpoint", "https://portal.example/files"], "PACKAGE is empty"),
    (["import-request", ""], "cannot read the request file: the path is empty"),
    (["agencies", "add", " "], "cannot read the agency file: the path is empty"),
])
def test_an_empty_path_is_said_to_be_empty(tmp_path, monkeypatch, capsys, command, words):
    monkeypatch.chdir(tmp_path)
    assert main(["--home", str(tmp_path / "home"), *command, "--json"
                 if command[0] != "agencies" else "--replace"]) == 2
    said = capsys.readouterr()
    assert words in said.err and said.out == "", said.err
