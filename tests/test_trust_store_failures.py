"""What the trust store could not do is a failure (exit 1), not a refusal (exit 3: cli.md's
exit codes). The command line mapped every TrustStoreError to 3, so `agencies remove` whose
change the activity log could not take ("the change was made, but the activity log could not
record it") exited 3, where the same failure elsewhere (settings, folders: AgentError)
exits 1. The home's audit.log is made a folder: root writes any file, so a read-only one
stops nothing here."""
from __future__ import annotations

from agent.cli import main
from tests.test_agencies import agency_doc, own_keys, write

AGENCY_ID = "https://police.example.gov"


def _run(capsys, home, *args) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_removal_the_activity_log_cannot_record_is_a_failure_not_a_refusal(
        tmp_path, home, capsys):
    assert _run(capsys, home, "agencies", "add", str(write(tmp_path, agency_doc())))[0] == 0
    (home / "audit.log").rename(tmp_path / "audit.log")
    (home / "audit.log").mkdir()
    code, out, err = _run(capsys, home, "agencies", "remove", AGENCY_ID)
    assert code == 1, (code, err)
    assert "the change was made, but the activity log could not record it" in err, err
    assert "Traceback" not in err and len(err.splitlines()) == 1
    (home / "audit.log").rmdir()
    (tmp_path / "audit.log").rename(home / "audit.log")
    code, out, err = _run(capsys, home, "agencies", "list", "--json")
    assert code == 0 and out.strip() == "[]", (out, err)   # the change was made
    # A refusal is still one: an agency that is not there.
    assert _run(capsys, home, "agencies", "remove", AGENCY_ID)[0] == 3


def test_an_import_the_activity_log_cannot_record_is_made_as_it_says(tmp_path, home, capsys):
    """`agencies add` with the log failing said "the change was made, but the activity log
    could not record it", and exited 3; the file was kept but never accepted (pinned), so the
    agency was listed DAMAGED, "you never accepted it", and not trusted."""
    assert _run(capsys, home, "agencies", "add", str(write(tmp_path, agency_doc())))[0] == 0
    sheriff = write(tmp_path, agency_doc(id="https://sheriff.example.gov", name="Sheriff",
                                         keys=own_keys()), "sheriff.json")
    (home / "audit.log").rename(tmp_path / "audit.log")
    (home / "audit.log").mkdir()
    code, out, err = _run(capsys, home, "agencies", "add", str(sheriff))
    assert code == 1 and "the change was made, but the activity log could not record" in err
    (home / "audit.log").rmdir()
    (tmp_path / "audit.log").rename(home / "audit.log")
    code, out, err = _run(capsys, home, "agencies", "list")
    assert code == 0 and "DAMAGED" not in out, out
    assert "https://sheriff.example.gov\tSheriff" in out, out
