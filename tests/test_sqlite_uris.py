"""A home on a network share (`--home \\\\nas\\share\\footage`): the audit seal opened the
index and inbox by `Path.as_uri()`, which for a share's file is `file://nas/share/...`, an
authority SQLite refuses, so a fresh home's empty index read as one "there, but unreadable"
and `log verify` (and the app's Activity log page) said the log's seal was missing "but this
home has recordings folders: the log or its seal was deleted or replaced" before anything was
ever logged. SQLite here is real; the share's path is Windows' own, given as text."""
from __future__ import annotations

import sqlite3
from pathlib import Path, PureWindowsPath
from urllib.parse import unquote, urlsplit

import pytest

from agent.sqlite_uris import read_only_uri

SHARE_INDEX = PureWindowsPath(r"\\nas\share\footage\index.db")


def test_sqlite_refuses_the_uri_path_as_uri_gives_a_file_on_a_share():
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect(f"{SHARE_INDEX.as_uri()}?mode=ro", uri=True)


def test_a_share_files_uri_has_no_authority_and_names_the_file_whole():
    uri = read_only_uri(SHARE_INDEX)
    parts = urlsplit(uri)
    assert parts.scheme == "file" and parts.netloc == "" and parts.query == "mode=ro"
    assert unquote(parts.path) == str(SHARE_INDEX)
    assert unquote(urlsplit(read_only_uri(PureWindowsPath(r"E:\Cams\index00.bin"))).path) == \
        r"E:\Cams\index00.bin"


def _database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE sources (root TEXT)")
        db.execute("INSERT INTO sources VALUES ('E:\\\\DCIM')")
    db.close()


@pytest.mark.parametrize("folder", ["plain", "a ?b #c %41", "//"])
def test_a_real_database_opens_read_only_by_its_uri(tmp_path, folder):
    path = tmp_path / "x" / "index.db" if folder == "//" else tmp_path / folder / "index.db"
    _database(path)
    named = f"/{path}" if folder == "//" else path   # POSIX keeps a leading //
    for immutable in (False, True):
        db = sqlite3.connect(read_only_uri(named, immutable), uri=True)
        try:
            assert db.execute("SELECT root FROM sources").fetchall() == [("E:\\\\DCIM",)]
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                db.execute("INSERT INTO sources VALUES ('x')")
        finally:
            db.close()


def test_a_fresh_home_shows_no_activity_and_one_with_a_folder_does(tmp_path):
    from agent.audit.seal import home_activity
    from agent.service import Agent

    Agent(tmp_path / "home").close()
    assert home_activity(tmp_path / "home") == []
    _database(tmp_path / "used" / "index.db")
    assert home_activity(tmp_path / "used") == ["recordings folders"]
