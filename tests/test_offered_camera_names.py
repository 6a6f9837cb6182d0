"""A recordings folder added without a camera name offers its own name, which the owner did not
type: one longer than a camera name may be (120 characters), or holding a tab (Linux allows
one in a name), was refused, `sources add` exiting 3 with "a camera name is at most 120
characters" though no name was given, and the app's first run alike. The folder's name is
made a name the rule takes instead. Real folders, real footage, the real command."""
from __future__ import annotations

import json

from agent.cli import main
from agent.index.camera_names import MAX_NAME, check_name, folder_camera_name
from tests.test_index import clip

LONG = "Front door camera, recordings copied from the NVR for the insurance claim about " \
       "the break-in of the twentieth of November (all channels)"


def test_a_folders_long_or_odd_name_gives_its_camera_a_usable_name(tmp_path, capsys):
    home = tmp_path / "home"
    for folder, camera in ((LONG, LONG[:MAX_NAME].rstrip()), ("back\tyard", "back yard")):
        clip(tmp_path / folder, "Porch.20261120_140000.mp4", "2026-11-20T22:00:00Z", 2)
        assert main(["--home", str(home), "sources", "add", str(tmp_path / folder),
                     "--tz", "UTC"]) == 0, capsys.readouterr().err
    assert main(["--home", str(home), "scan"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "sources", "list", "--json"]) == 0
    cameras = sorted(s["camera"] for s in json.loads(capsys.readouterr().out))
    assert cameras == sorted([LONG[:MAX_NAME].rstrip(), "back yard"])
    assert all(check_name(c) == c for c in cameras)


def test_what_a_folder_offers():
    assert folder_camera_name("/mnt/a\u200bb") == "a b"
    assert folder_camera_name("/mnt/\t\n") == ""     # nothing left: the caller's "camera"
    assert folder_camera_name("/mnt/porch") == "porch"
    assert len(folder_camera_name("/mnt/" + "x" * 300)) == MAX_NAME
