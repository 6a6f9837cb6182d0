"""A drive letter alone, as an owner types an SD card or USB stick (`sources add E:`, `scan E:`,
`--out E:`, `--home E:`, the app's folder boxes). On Windows `E:` names "where E: last was",
a relative path, and Python 3.11 (the app's) keeps it so: `PureWindowsPath(r"C:\\Users\\Ann",
"E:")` is `E:`, and that is what `Path("E:").absolute()` gave. So the card's folder was stored
as `E:`, its files indexed as `E:DCIM\\...`, and a home given as `E:` failed at the audit seal's
`as_uri()` ("relative path can't be expressed as a file URI"). `\\\\nas` (a computer with no
shared folder named) read as `C:\\nas`, a folder on this PC. Windows' rules are taken here by
the pure part (agent/owner_paths.py); the callers are shown taking it."""
from __future__ import annotations

from pathlib import PureWindowsPath

import pytest

from agent.owner_paths import NotAFolderPath, absolute_text, drive_rooted

ANN = r"C:\Users\Ann"


@pytest.mark.parametrize("typed, meant", [
    ("E:", "E:\\"),
    ("e:", "e:\\"),
    ("E:DCIM", "E:\\DCIM"),
    ("E:/DCIM/100MEDIA", "E:\\DCIM\\100MEDIA"),
    ("E:\\", "E:\\"),
    ("Cams", ANN + "\\Cams"),
    ("\\Cams", "C:\\Cams"),            # Windows' own meaning: the current drive's root
    ("\\\\nas\\cams", "\\\\nas\\cams\\"),
    ("//nas/cams/front", "\\\\nas\\cams\\front"),
])
def test_what_an_owner_types_is_the_whole_path_they_mean_on_windows(typed, meant):
    whole = absolute_text(typed, "nt", ANN)
    assert whole == meant
    assert PureWindowsPath(whole).is_absolute()
    PureWindowsPath(whole).as_uri()   # what the audit seal does with the home's files


def test_a_drive_letter_alone_is_its_root_where_the_files_of_it_are_named():
    card = absolute_text("E:", "nt", ANN)
    assert str(PureWindowsPath(card) / "DCIM" / "clip.mp4") == r"E:\DCIM\clip.mp4"


@pytest.mark.parametrize("typed", ["\\\\nas", "\\\\nas\\", "//nas", "//nas//", "\\\\"])
def test_a_network_computer_without_its_shared_folder_is_refused_saying_what_to_add(typed):
    with pytest.raises(NotAFolderPath) as caught:
        absolute_text(typed, "nt", ANN)
    said = str(caught.value)
    assert said.startswith(typed) and "\\\\nas\\Recordings" in said and "File Explorer" in said
    assert ("names a computer on your network" if "nas" in typed else "names no computer") in said


def test_windows_own_prefixes_are_no_server():
    assert drive_rooted("\\\\?\\E:\\DCIM", "nt") == "\\\\?\\E:\\DCIM"
    assert drive_rooted("\\\\.\\E:", "nt") == "\\\\.\\E:"


def test_elsewhere_e_colon_is_a_name_like_any_other():
    # On Linux and macOS a colon is a letter of a file name: `E:` is a folder named so.
    assert absolute_text("E:", "posix", "/home/ann") == "/home/ann/E:"
    assert drive_rooted("\\\\nas", "posix") == "\\\\nas"


def test_a_card_added_as_its_letter_is_the_drive_root_and_said_missing_without_a_card(
        tmp_path, monkeypatch, capsys):
    """`sources add E:` with the reader empty says E:\\ is not there (Windows' is_dir is False
    for a drive not ready), naming the root: the folder that would have been stored."""
    from agent.cli import main

    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    monkeypatch.chdir(tmp_path)
    assert main(["--home", str(tmp_path / "home"), "sources", "add", "E:"]) == 1
    err = capsys.readouterr().err
    assert "E:\\ is not a folder" in err and "connect the drive" in err, err


@pytest.mark.parametrize("argv", [["sources", "add", "\\\\nas"], ["scan", "\\\\nas"],
                                  ["--home", "\\\\nas", "sources", "list"],
                                  ["export", "--camera", "porch", "--from", "2026-01-01 10:00",
                                   "--to", "2026-01-01 10:01", "--out", "\\\\nas"],
                                  ["verify", "\\\\nas"],
                                  ["upload", "//nas", "--endpoint", "https://x.example/files/"]])
def test_a_network_computer_alone_is_a_usage_error_everywhere_a_folder_is_typed(
        tmp_path, monkeypatch, capsys, argv):
    from agent.cli import main

    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    monkeypatch.chdir(tmp_path)
    home = [] if "--home" in argv else ["--home", str(tmp_path / "home")]
    assert main([*home, *argv]) == 2
    err = capsys.readouterr().err
    assert "nas names a computer on your network" in err and "\\\\nas\\Recordings" in err, err
    assert not (tmp_path / "C:\\nas").exists() and not (tmp_path / "\\nas").exists()


def test_home_given_as_a_drive_letter_is_the_drive_root(monkeypatch):
    from agent.config import resolve_home

    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    assert str(resolve_home("E:")) == "E:\\"
    monkeypatch.setenv("FOOTAGE_AGENT_HOME", "F:")
    assert str(resolve_home(None)) == "F:\\"


def test_a_card_an_earlier_version_registered_as_its_letter_alone_is_found_as_its_root(
        tmp_path, monkeypatch):
    """Earlier versions kept `sources add E:` as `E:`: typed now, `E:` and `E:\\` are its root,
    so that folder is found (to rename its camera, to remove it), not refused as another."""
    from agent.service import Agent

    agent = Agent(tmp_path / "home")   # made by this system's rules, in tmp_path
    monkeypatch.setattr("agent.owner_paths.SYSTEM", "nt")
    monkeypatch.setattr("agent.owner_sources.SYSTEM", "nt")
    try:
        agent.store.add_source("E:", "card", "UTC", "auto", 0.0)
        assert agent.source_for("e:\\").root == "E:"
        agent.remove_source("E:")   # typed as it was: made E:\ now, and found all the same
        assert agent.sources() == []
    finally:
        agent.close()
