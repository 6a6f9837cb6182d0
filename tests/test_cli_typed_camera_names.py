"""A camera's name typed as bytes that are no character (a Latin-1 terminal on a UTF-8
computer, where Python hands `Cámara` over as 'C\\udce1mara') or empty (`"$CAM"` with the
variable not set), in every command that takes one: export hunt 13 found `masks show` and
`masks set` ending with Python's "'utf-8' codec can't encode character '\\udce1' in position 1:
surrogates not allowed" (exit 1), as `cameras remove`, `cameras rename OLD` did, and `approve
--camera` and `agencies update --camera` calling it a camera not indexed (exit 3). Each is now a
usage error in words (exit 2), as `export --camera` says it (docs/cli.md), and nothing is kept."""
from __future__ import annotations

import os

import pytest

from agent.cli import main

LATIN1 = os.fsdecode(b"C\xe1mara")
UNREADABLE = "a camera name cannot hold a character this computer cannot read"


@pytest.fixture
def porch_home(tmp_path, capsys):
    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    (tmp_path / "masks.json").write_text(
        '{"polygons": [{"name": "window", "points": [[0, 0], [0.5, 0], [0.5, 0.5]]}]}')
    capsys.readouterr()
    return home


@pytest.mark.skipif(os.name == "nt", reason="Windows hands over arguments as characters")
@pytest.mark.parametrize("typed, words", [(LATIN1, UNREADABLE),
                                          ("", "a camera name cannot be empty")])
@pytest.mark.parametrize("argv", [
    ["masks", "show", "{}"], ["masks", "set", "{}", "MASKS"], ["cameras", "remove", "{}"],
    ["cameras", "rename", "{}", "porch2"], ["approve", "some-request", "--camera", "{}", "--yes"],
    ["agencies", "update", "some-agency", "--camera", "{}", "--address", "1 Main St"]])
def test_a_camera_name_typed_wrong_is_a_usage_error_everywhere(porch_home, tmp_path, capsys,
                                                               typed, words, argv):
    if typed == LATIN1 and os.fsencode(typed) != b"C\xe1mara":
        pytest.skip("the file system's encoding here is not UTF-8 with surrogateescape")
    argv = [typed if a == "{}" else str(tmp_path / "masks.json") if a == "MASKS" else a
            for a in argv]
    code = main(["--home", str(porch_home), *argv])
    cap = capsys.readouterr()
    assert code == 2, cap.err
    assert words in cap.err and "codec" not in cap.err and "surrogates" not in cap.err
    assert cap.out == ""
    assert not (porch_home / "masks").exists() or not any((porch_home / "masks").iterdir())
    assert main(["--home", str(porch_home), "cameras", "--json"]) == 0
    assert '"camera": "porch"' in capsys.readouterr().out   # nothing renamed or let go


def test_a_camera_an_older_index_named_past_120_characters_is_still_found_and_renamed(
        tmp_path, capsys):
    """The names hunt: an agent before names were cut to 120 characters named a channel of a
    120-character folder `<folder>/CH01` (125 characters) and kept it in the index. `cameras`
    listed it, but `masks show`, `recordings --camera` and even `cameras rename OLD NEW` said
    "a camera name is at most 120 characters" (exit 2): the camera could not be reached by its
    name at all. A name that finds a camera is no longer held to 120; one given still is."""
    import sqlite3
    import time

    from agent.timebase import US
    from demo.samples import make_recordings
    home = tmp_path / "home"
    make_recordings(tmp_path / "porch", "blue-iris", "porch", (int(time.time()) - 3600) * US,
                    1, 2.0, fps=5)
    assert main(["--home", str(home), "sources", "add", str(tmp_path / "porch"), "--camera",
                 "porch", "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    old = "G" * 120 + "/CH01"   # as the older agent named it; written as it kept it
    (db,) = home.rglob("index.db")
    with sqlite3.connect(db) as con:
        con.execute("UPDATE cameras SET name=? WHERE name='porch'", (old,))
    con.close()
    capsys.readouterr()
    assert main(["--home", str(home), "masks", "show", old]) == 0
    assert main(["--home", str(home), "recordings", "--camera", old, "--json"]) == 0
    assert len(__import__("json").loads(capsys.readouterr().out)) == 1
    assert main(["--home", str(home), "cameras", "rename", old, "G" * 121]) == 2
    assert "a camera name is at most 120 characters" in capsys.readouterr().err
    assert main(["--home", str(home), "cameras", "rename", old, "Garage"]) == 0, \
        capsys.readouterr().err
    assert main(["--home", str(home), "recordings", "--camera", "Garage", "--json"]) == 0
