"""`footage-agent verify` on a detective's or a defence expert's own computer (verify hunt 12):
there is no owner's home there, and verify made one to run at all. In a fresh account it left
`~/.local/share/footage-agent/inbox.db` behind; where the home could not be made (a locked-down
work PC, a profile folder the account may not write) it refused to check anything: "cannot use
.../footage-agent as the agent's home folder: permission denied ..." (exit 1), though it needs
the home only for the agencies trusted there, which it reads when there is one.

The permissions are real: run as root (as here and in CI), the check runs bound by them through
setpriv, as tests/test_verify_unreadable.py does."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.test_verify_credentials import made  # noqa: F401
from tests.test_verify_unreadable import _as_bound


def _verify_in(monkeypatch, account: Path, package: Path) -> tuple[int, dict | str]:
    """verify run in a fresh account whose home folder is `account`: no --home, no
    FOOTAGE_AGENT_HOME, the default home platformdirs names there."""
    monkeypatch.delenv("FOOTAGE_AGENT_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(account))
    done = _as_bound([sys.executable, "-c", "import sys; from agent.cli import main; "
                      "sys.exit(main(sys.argv[1:]))", "verify", str(package), "--json"])
    return done.returncode, json.loads(done.stdout) if done.stdout else done.stderr


def test_verify_in_a_fresh_account_makes_no_home(made, tmp_path, monkeypatch):
    account = tmp_path / "detective"
    account.mkdir()
    code, report = _verify_in(monkeypatch, account, made[1])
    assert code == 0, report
    assert report["ok"] is True
    assert list(account.rglob("*")) == []   # no footage-agent folder, no inbox.db


def test_verify_where_no_home_can_be_made_still_checks_the_package(made, tmp_path,
                                                                   monkeypatch):
    account = tmp_path / "locked"
    account.mkdir()
    account.chmod(0o555)   # the account may not write its own profile folder
    try:
        code, report = _verify_in(monkeypatch, account, made[1])
    finally:
        account.chmod(0o755)
    assert code == 0, report
    assert report["ok"] is True and report["owner_id"]


def test_a_home_named_that_is_not_there_is_read_as_trusting_none_and_not_made(made, tmp_path,
                                                                               capsys):
    from agent.cli import main
    home = tmp_path / "typed-home"
    assert main(["--home", str(home), "verify", str(made[1]), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert "no agency CA was given" in report["clips"][0]["trust"]
    assert not home.exists()


def test_the_owners_own_home_is_read_and_left_as_it_was(made, capsys):
    from agent.cli import main
    home = made[0]
    before = {p: p.stat().st_mtime_ns for p in home.rglob("*")}
    assert main(["--home", str(home), "verify", str(made[1]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert {p: p.stat().st_mtime_ns for p in home.rglob("*")} == before


def test_a_home_that_is_a_file_is_said_not_read_as_trusting_none(made, tmp_path, capsys):
    # cli hunt 14: `--home` naming a file (a typo: the agency file given as the home) was
    # read as a home trusting no agency, exit 0, and every clip's signer "not trusted".
    from agent.cli import main
    home = tmp_path / "agency.json"
    home.write_text("{}")
    assert main(["--home", str(home), "verify", str(made[1]), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""   # no report read against no agencies
    assert f"--home {home} is a file, not a folder" in captured.err


def test_a_home_this_account_cannot_reach_is_said(made, tmp_path, monkeypatch):
    # A home inside a folder this account may not enter (another user's profile, 0700) is
    # never read as one not there (trusting no agency): exit 1, saying what was being read,
    # which the bare "permission denied for HOME" did not. Run bound by real permissions,
    # as _verify_in is.
    theirs = tmp_path / "theirs"
    home = theirs / "footage-agent"
    (home / "agencies").mkdir(parents=True)
    theirs.chmod(0o000)
    try:
        done = _as_bound([sys.executable, "-c", "import sys; from agent.cli import main; "
                          "sys.exit(main(sys.argv[1:]))", "--home", str(home), "verify",
                          str(made[1]), "--json"])
    finally:
        theirs.chmod(0o755)
    assert done.returncode == 1, done.stdout
    assert done.stdout == ""
    assert f"cannot read the agencies trusted in --home {home}: " in done.stderr
    assert "permission" in done.stderr.lower()
