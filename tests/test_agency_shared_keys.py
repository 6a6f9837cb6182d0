"""An agency file listing a key another trusted agency lists (attacker's hunt). A request is
checked only against the keys of the entry its `iss` names, so once two trusted agencies list
one key, whoever holds it signs requests the owner is shown under either name and phone. The
file was imported as any other ("ADDED"); it is refused now, replace or not, naming the
trusted agency whose key it lists and its number."""
from __future__ import annotations

from agent.audit.log import AuditLog
from agent.cli import main
from agent.requests.agencies import TrustStore
from tests.test_agencies import P256, agency_doc, own_keys, write

SHERIFF = "https://sheriff.example.gov"


def _run(capsys, home, *args) -> tuple[int, str, str]:
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_file_listing_a_trusted_agencys_key_is_refused_on_the_command_line(
        tmp_path, home, capsys):
    assert _run(capsys, home, "agencies", "add", str(write(tmp_path, agency_doc())))[0] == 0
    borrowed = own_keys()["keys"] + [dict(P256)]   # its own key, and the police's second one
    sheriff = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                         phone="+1-206-555-0111", keys={"keys": borrowed}),
                    "sheriff.json")
    for extra in ((), ("--replace",)):
        code, out, err = _run(capsys, home, "agencies", "add", str(sheriff), *extra)
        assert code == 3 and out == "", (code, out, err)
        assert "lists a key of Example Police Department (https://police.example.gov)" in err
        assert P256["kid"] in err and "+1-206-555-0100" in err and "Nothing was imported" in err
        assert "Traceback" not in err and len(err.splitlines()) == 1
    assert [a.id for a in TrustStore(home).list()] == ["https://police.example.gov"]
    assert [r["event"] for r in AuditLog(home).entries()].count("agency-added") == 1


def test_a_trusted_agencys_new_file_taking_another_ones_key_is_refused(tmp_path, home, capsys):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    keys = own_keys()
    store.add(write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                         keys=keys), "sheriff.json"))
    taking = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                        keys={"keys": keys["keys"] + [dict(P256)]}), "new.json")
    code, out, err = _run(capsys, home, "agencies", "add", str(taking), "--replace")
    assert code == 3 and "lists a key of Example Police Department" in err, err
    assert store.get(SHERIFF).fingerprints() == (keys["keys"][0]["kid"],)
    # Its own keys rotated, the same agency's file is taken as ever.
    rotated = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                         keys={"keys": keys["keys"] + own_keys()["keys"]}),
                    "rotated.json")
    code, out, err = _run(capsys, home, "agencies", "add", str(rotated), "--replace")
    assert code == 0 and out.startswith("REPLACED"), (out, err)
    assert len(TrustStore(home).get(SHERIFF).fingerprints()) == 2
