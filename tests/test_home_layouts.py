"""A home folder last used by a newer footage-agent (the owner went back to an older version,
or copied the folder from a PC with a newer one): each file that says its layout, `index.db`
and `inbox.db` (PRAGMA user_version) and `registrations.json` (`format`), is refused in plain
words naming the newer version, and left exactly as it was: never stamped back to this
version's layout, never called damaged, never a reason to register again."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from agent.cli import main
from agent.index.schema import VERSION as INDEX_VERSION
from agent.requests.inbox_file import VERSION as INBOX_VERSION
from agent.requests.registrations import FORMAT
from portal.state import Portal
from tests.test_cli_plain_storage import said

NEWER = "was written by a newer version of footage-agent"


def _home(tmp_path: Path) -> Path:
    home, folder = tmp_path / "home", tmp_path / "porch"
    folder.mkdir()
    assert main(["--home", str(home), "sources", "add", str(folder), "--tz", "UTC"]) == 0
    assert main(["--home", str(home), "inbox"]) == 0
    return home


def _version(path: Path) -> int:
    db = sqlite3.connect(str(path))
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def _stamp(path: Path, version: int, extra: str | None = None) -> None:
    db = sqlite3.connect(str(path))
    try:
        if extra:
            db.execute(extra)
        db.execute(f"PRAGMA user_version={version}")
        db.commit()
    finally:
        db.close()


def test_an_index_of_a_newer_version_is_refused_and_left_as_it_is(tmp_path, capsys):
    """Before: the older version set user_version back to its own and went on, so the newer
    one would later take the index for an old one and migrate it again."""
    home = _home(tmp_path)
    index = home / "index.db"
    _stamp(index, INDEX_VERSION + 1, "CREATE TABLE newer_things (x)")
    code, err = said(capsys, "--home", str(home), "sources", "list")
    assert code == 1 and NEWER in err and f"the index {index}" in err
    assert f"layout {INDEX_VERSION + 1}; this version knows up to {INDEX_VERSION}" in err
    assert "install the newer version" in err
    assert _version(index) == INDEX_VERSION + 1
    db = sqlite3.connect(str(index))
    assert db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1   # nothing dropped
    db.close()


def test_an_inbox_of_a_newer_version_is_refused_and_left_as_it_is(tmp_path, capsys):
    home = _home(tmp_path)
    inbox = home / "inbox.db"
    assert _version(inbox) == INBOX_VERSION   # the layout is said from now on
    _stamp(inbox, INBOX_VERSION + 1)
    code, err = said(capsys, "--home", str(home), "inbox")
    assert code == 1 and NEWER in err and f"the inbox {inbox}" in err
    assert "damaged" not in err
    assert _version(inbox) == INBOX_VERSION + 1


def test_an_inbox_from_before_its_layout_was_said_opens_as_it_did(tmp_path, capsys):
    home = _home(tmp_path)
    inbox = home / "inbox.db"
    _stamp(inbox, 0)
    assert main(["--home", str(home), "inbox"]) == 0
    assert _version(inbox) == INBOX_VERSION


def test_registrations_of_a_newer_format_are_not_called_damaged(tmp_path, capsys):
    """Before: 'the registrations file ... is damaged; move it aside and register again', which
    would have had the owner give up every registration the newer version made."""
    home = _home(tmp_path)
    path = home / "registrations.json"
    path.write_text(json.dumps({"format": FORMAT + 1, "agencies": {}}))
    before = path.read_bytes()
    code, err = said(capsys, "--home", str(home), "agencies", "list")
    assert code == 3 and NEWER in err and f"the registrations file {path}" in err
    assert "damaged" not in err and "register again" not in err
    assert path.read_bytes() == before
    path.write_text(json.dumps({"format": "two", "agencies": {}}))   # not a layout: damaged
    code, err = said(capsys, "--home", str(home), "agencies", "list")
    assert code == 3 and "is damaged" in err


def test_a_seal_of_a_newer_layout_is_never_sealed_over_nor_called_tampering(tmp_path, capsys):
    """Before: the older version took the seal for a forged one, wrote a `log-gap` record into
    the newer version's log (named by `log verify` for good), and `log verify` said 'the audit
    log was altered' (exit 3)."""
    home = _home(tmp_path)
    seal = home / "audit.seal"
    seal.write_text(seal.read_text().replace("audit seal 1", "audit seal 2"))
    log = (home / "audit.log").read_bytes()
    capsys.readouterr()
    code, err = said(capsys, "--home", str(home), "log", "verify")
    assert code == 1 and NEWER in err and "the activity log's seal" in err
    assert "altered" not in err
    (tmp_path / "yard").mkdir()
    main(["--home", str(home), "sources", "add", str(tmp_path / "yard"), "--tz", "UTC"])
    err = capsys.readouterr().err
    assert NEWER in err and "log-gap" not in (home / "audit.log").read_text()
    assert (home / "audit.log").read_bytes() == log


def test_the_agencies_a_newer_version_accepted_are_not_called_damaged_nor_signed_over(
        tmp_path, capsys):
    """Before: every agency was listed DAMAGED ('the record of the agencies you accepted is
    damaged or was not made by this app ... accept it again with ... --replace'), and doing so
    signed this version's record over the newer one's."""
    home = _home(tmp_path)
    portal = Portal.init(tmp_path / "portal", "Example Police Department",
                         "https://police.example.gov", "+1-206-555-0100")
    agency = portal.write_trust_document("http://127.0.0.1:8080")   # nothing is asked
    assert main(["--home", str(home), "agencies", "add", str(agency)]) == 0
    pins = home / "agencies.pins"
    pins.write_text(pins.read_text().replace("accepted agencies 1", "accepted agencies 2"))
    before = pins.read_bytes()
    capsys.readouterr()

    assert main(["--home", str(home), "agencies", "list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("DAMAGED") and NEWER in out and f"agencies you accepted {pins}" in out
    assert "damaged or was not made" not in out and "--replace" not in out
    code, err = said(capsys, "--home", str(home), "agencies", "add", str(agency), "--replace")
    assert code == 3 and NEWER in err and "nothing was imported" in err
    assert main(["--home", str(home), "agencies", "remove", "https://police.example.gov"]) == 0
    assert pins.read_bytes() == before
