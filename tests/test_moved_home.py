"""A home folder copied to a PC of another system: its recordings folders are named as the old
PC named them (a Windows drive letter on Linux or macOS, a Linux path on Windows), missing
here, and must still be removable by the name they are listed under, from the command line
and from Settings (which passes the listed name)."""
from __future__ import annotations

import sqlite3

import pytest

from agent.cli import main
from agent.service import Agent


@pytest.mark.parametrize("old_root", ["D:\\Cameras\\porch", "d:/Cameras/porch"])
def test_a_folder_named_as_another_system_names_it_is_removed_by_that_name(
        tmp_path, capsys, old_root):
    """Before: 'sources remove D:\\Cameras\\porch' (and Settings' Remove folder) said
    '<this folder>/D:\\Cameras\\porch is not a registered recordings folder (registered: ...,
    D:\\Cameras\\porch)': the name was made absolute on this system first, so the folder could
    never be removed."""
    home, here = tmp_path / "home", tmp_path / "yard"
    here.mkdir()
    assert main(["--home", str(home), "sources", "add", str(here), "--camera", "yard",
                 "--tz", "UTC"]) == 0
    with sqlite3.connect(home / "index.db") as db:   # as the old PC registered it
        db.execute("UPDATE sources SET root = ? WHERE camera = 'yard'", (old_root,))
    db.close()
    capsys.readouterr()
    assert main(["--home", str(home), "sources", "list"]) == 0
    assert capsys.readouterr().out.startswith(old_root + "\t")

    assert main(["--home", str(home), "sources", "remove", old_root]) == 0, \
        capsys.readouterr().err
    agent = Agent(home)
    try:
        assert agent.sources() == []
        assert main(["--home", str(home), "sources", "add", str(here), "--camera", "yard",
                     "--tz", "UTC"]) == 0   # the camera's name is free for its new place
        (source,) = agent.sources()
        agent.remove_source(source.root)   # as Settings does: the name it lists
        assert agent.sources() == []
    finally:
        agent.close()
