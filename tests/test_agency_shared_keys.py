"""An agency file listing a key another trusted agency lists (attacker's hunt). A request is
checked only against the keys of the entry its `iss` names, so once two trusted agencies list
one key, whoever holds it signs requests the owner is shown under either name and phone. The
file was imported as any other ("ADDED"); it is refused now, replace or not, naming the
trusted agency whose key it lists and its number."""
from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.audit.log import AuditLog
from agent.cli import main
from agent.requests import agencies
from agent.requests.agencies import TrustStore
from agent.requests.registrations import Registration
from frp.jws import public_jwk
from portal.signers import sign_request
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


# A home an older version filled: two trusted agencies listing one key ------------------------
POLICE_KEY = Ed25519PrivateKey.generate()
POLICE_JWK = public_jwk(POLICE_KEY)


def _older_home(tmp_path, home, monkeypatch, police_first: bool = True) -> TrustStore:
    """The police and a sheriff listing the police's key, both imported and pinned the way a
    version without the import check did (its TrustStore, the check left out)."""
    store = TrustStore(home)
    police = write(tmp_path, agency_doc(keys={"keys": [POLICE_JWK]}))
    with monkeypatch.context() as m:
        m.setattr(agencies, "shared_key", lambda agency, trusted: None)
        if police_first:
            store.add(police)
        store.add(write(tmp_path, agency_doc(
            id=SHERIFF, name="Example County Sheriff", phone="+1-206-555-0111",
            upload_origins=["https://upload.sheriff.example.gov"],
            keys={"keys": own_keys()["keys"] + [POLICE_JWK]}), "sheriff.json"))
    store.keep_registration(Registration(SHERIFF, "reg-s", "s3cret-portal-token-value"))
    return store


def _add_police_as_before(tmp_path, store, monkeypatch) -> None:
    with monkeypatch.context() as m:
        m.setattr(agencies, "shared_key", lambda agency, trusted: None)
        store.add(write(tmp_path, agency_doc(keys={"keys": [POLICE_JWK]})))


def _as_sheriff(tmp_path) -> Path:
    now = int(time.time())
    start = datetime.fromtimestamp(now - 3600, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = datetime.fromtimestamp(now - 3000, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    claims = {"iss": SHERIFF, "aud": "reg-s", "jti": "req-borrowed", "iat": now - 10,
              "exp": now + 3600, "case": {"number": "2026-0042"},
              "window": {"start": start, "end": end},
              "requester": {"name": "Det. Jane Roe", "phone": "+1-555-000-0000"},
              "legal_basis": "voluntary",
              "upload": {"protocol": "tus", "endpoint": "https://upload.sheriff.example.gov/f"}}
    path = tmp_path / "request.jwt"
    path.write_text(sign_request(claims, POLICE_KEY, POLICE_JWK["kid"]))
    return path


def test_a_request_signed_with_a_key_two_trusted_agencies_list_is_refused(
        tmp_path, home, capsys, monkeypatch):
    _older_home(tmp_path, home, monkeypatch)
    code, out, err = _run(capsys, home, "import-request", str(_as_sheriff(tmp_path)))
    assert code == 3 and out == "", (code, out, err)
    assert "Example County Sheriff (https://sheriff.example.gov)" in err, err
    assert "also listed by Example Police Department (https://police.example.gov)" in err
    assert POLICE_JWK["kid"] in err and "Remove one of the two agencies" in err
    assert "Traceback" not in err
    code, out, _err = _run(capsys, home, "inbox", "--json")
    assert code == 0 and json.loads(out) == []


def test_the_agencies_list_marks_both_agencies_sharing_a_key(tmp_path, home, capsys,
                                                             monkeypatch):
    _older_home(tmp_path, home, monkeypatch)
    code, out, err = _run(capsys, home, "agencies", "list")
    assert code == 0, err
    marks = [line.split("\t") for line in out.splitlines() if line.startswith("SHARED KEY")]
    assert [m[1] for m in marks] == [SHERIFF, "https://police.example.gov"], out
    assert "with Example Police Department (https://police.example.gov)" in marks[0][2]
    assert "with Example County Sheriff (https://sheriff.example.gov)" in marks[1][2]
    assert all(POLICE_JWK["kid"] in m[2] and "agencies remove" in m[2] for m in marks)
    code, out, err = _run(capsys, home, "agencies", "list", "--json")
    rows = {r["id"]: r["shared_keys"] for r in json.loads(out)}
    assert rows == {"https://police.example.gov": [{"fingerprint": POLICE_JWK["kid"],
                                                    "with": SHERIFF}],
                    SHERIFF: [{"fingerprint": POLICE_JWK["kid"],
                               "with": "https://police.example.gov"}]}
    assert err.count("shares the key") == 2
    # What the marks say to do: the sheriff removed, its file (keys of its own) added again.
    assert _run(capsys, home, "agencies", "remove", SHERIFF)[0] == 0
    again = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                       keys=own_keys()), "again.json")
    assert _run(capsys, home, "agencies", "add", str(again))[0] == 0
    code, out, err = _run(capsys, home, "agencies", "list")
    assert code == 0 and "SHARED KEY" not in out and SHERIFF in out, out


def test_a_request_kept_before_the_key_was_shared_is_held_unverified(tmp_path, home, capsys,
                                                                       monkeypatch):
    """Received while only the sheriff listed the key; the police, listing it too, added
    since by an older version: the request stays in the inbox, saying why it is not trusted
    (the check approving runs first, desk._reverify)."""
    store = _older_home(tmp_path, home, monkeypatch, police_first=False)
    assert _run(capsys, home, "import-request", str(_as_sheriff(tmp_path)))[0] == 0
    _add_police_as_before(tmp_path, store, monkeypatch)
    code, out, err = _run(capsys, home, "inbox", "show", "req-borrowed", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["verified"] is False, (out, err)
    assert "also listed by Example Police Department" in shown["problem"], shown
    code, out, err = _run(capsys, home, "inbox", "show", "req-borrowed")
    assert code == 0 and "also listed by Example Police Department" in out + err, (out, err)
    assert "Traceback" not in err


def test_the_police_key_spelled_another_way_is_no_key_of_the_sheriffs(tmp_path, home, capsys):
    """The check compares thumbprints: a second spelling of the same key (its 'x' padded, with
    stray trailing bits, or a byte short or long, as leading zeros written or left out) would
    have its own thumbprint and slip past it. No such spelling is a key: each is refused as
    the file is read, and the police's own key once more in the same file is too."""
    assert _run(capsys, home, "agencies", "add", str(write(
        tmp_path, agency_doc(keys={"keys": [POLICE_JWK]}))))[0] == 0
    x = POLICE_JWK["x"]
    last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    stray = last[last.index(x[-1]) ^ 1]   # the same 32 bytes, a trailing bit set
    respelled = {"padded": x + "=", "stray bits": x[:-1] + stray, "leading zero": "AA" + x,
                 "short": x[2:]}
    for why, spelling in respelled.items():
        key = {"kty": "OKP", "crv": "Ed25519", "x": spelling}
        sheriff = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                             keys={"keys": own_keys()["keys"] + [key]}),
                        "sheriff.json")
        code, out, err = _run(capsys, home, "agencies", "add", str(sheriff))
        assert code == 3 and "key 2 in the agency file" in err, (why, code, err)
    twice = write(tmp_path, agency_doc(id=SHERIFF, name="Example County Sheriff",
                                       keys={"keys": [POLICE_JWK, POLICE_JWK]}), "twice.json")
    code, out, err = _run(capsys, home, "agencies", "add", str(twice))
    assert code == 3 and "key 2 is listed twice" in err, err
    assert [a.id for a in TrustStore(home).list()] == ["https://police.example.gov"]
