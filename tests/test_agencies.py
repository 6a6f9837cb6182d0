"""Trust store: importing agency files, every validation refusal, registrations and file modes."""
from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.requests.agencies import TrustStore, TrustStoreError
from agent.requests.registrations import Registration
from frp.agency import Agency
from frp.jws import jwk_thumbprint, public_jwk
from frp.registration import Camera, Contact

ED = public_jwk(Ed25519PrivateKey.generate())
P256 = public_jwk(ec.generate_private_key(ec.SECP256R1()))
SECRET = "s3cret-portal-token-value"


def agency_doc(**changes) -> dict:
    doc = {
        "frp": 1,
        "id": "https://police.example.gov",
        "name": "Example Police Department",
        "phone": "+1-206-555-0100",
        "portal": "https://frp.police.example.gov/v1",
        "upload_origins": ["https://upload.police.example.gov"],
        "keys": {"keys": [dict(ED), {k: v for k, v in P256.items() if k != "kid"}]},
        "max_window_s": 43200,
    }
    doc.update(changes)
    return {k: v for k, v in doc.items() if v is not ...}


def own_keys() -> dict:
    """A key set of its own, for a second agency: a file listing a trusted agency's key is
    refused (test_agency_shared_keys.py)."""
    return {"keys": [public_jwk(Ed25519PrivateKey.generate())]}


def write(tmp_path: Path, doc, name: str = "agency.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_add_list_get_remove(tmp_path, home):
    store = TrustStore(home)
    assert store.list() == [] and store.get("https://police.example.gov") is None
    agency = store.add(write(tmp_path, agency_doc()))
    assert isinstance(agency, Agency)
    assert agency.fingerprints() == (ED["kid"], P256["kid"])
    assert agency.fingerprints()[1] == jwk_thumbprint(P256)  # kid computed when absent
    assert agency.key(P256["kid"])["y"] == P256["y"]
    assert agency.key("nope") is None
    assert agency.max_window_s == 43200 and agency.phone == "+1-206-555-0100"
    assert store.list() == [agency]
    assert store.get("https://police.example.gov") == agency
    assert store.get("https://police.example.gov/") is None  # exact ids only
    assert store.remove("https://police.example.gov") is True
    assert store.remove("https://police.example.gov") is False
    assert store.list() == []


def test_files_and_modes(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    files = list((home / "agencies").iterdir())
    assert len(files) == 1 and files[0].suffix == ".json"
    assert "police.example.gov" in files[0].name
    if os.name == "posix":
        assert mode(home) == 0o700 and mode(home / "agencies") == 0o700 and mode(files[0]) == 0o600


def test_replace_keeps_one_file_and_failed_replace_keeps_old(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    store.add(write(tmp_path, agency_doc(name="Renamed PD", max_window_s=7200)), replace=True)
    assert [a.name for a in store.list()] == ["Renamed PD"]
    assert store.list()[0].max_window_s == 7200
    with pytest.raises(TrustStoreError):
        store.add(write(tmp_path, agency_doc(name="Bad", phone="")), replace=True)
    assert [a.name for a in store.list()] == ["Renamed PD"]
    assert len(list((home / "agencies").iterdir())) == 1  # no temp files left behind


def test_a_file_replacing_a_trusted_agency_says_what_changes_and_needs_the_owners_say_so(
        tmp_path, home):
    """Trust hunt finding 7: a file with a trusted agency's id replaced its keys, phone and
    portal silently ('added', as for a new one), and the registration's bearer token then went
    to the new file's portal. Now the change is told, refused unless the owner says to
    replace, and registrations are forgotten when their token would go to a new origin."""
    from agent.audit.log import AuditLog
    from agent.requests.agency_changes import ReplaceRefused

    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    store.keep_registration(Registration("https://police.example.gov", "reg-1", SECRET))
    same = store.import_file(write(tmp_path, agency_doc()))
    assert same.before is not None and not same.replaces and same.differences == ()
    events = [r["event"] for r in AuditLog(home).entries()]
    assert events.count("agency-replaced") == 0   # the same file again changes nothing

    forged = agency_doc(phone="+1-555-0199", portal="https://frp.evil.example/v1",
                        keys={"keys": [public_jwk(Ed25519PrivateKey.generate())]})
    with pytest.raises(ReplaceRefused, match="--replace") as refused:
        store.import_file(write(tmp_path, forged))
    change = refused.value.change
    assert [d[0] for d in change.differences] == ["phone", "portal", "keys"]
    assert change.differences[0] == ("phone", "+1-206-555-0100", "+1-555-0199")
    assert change.forgotten == ("reg-1",)
    assert store.get("https://police.example.gov").phone == "+1-206-555-0100"
    assert store.portal_token("https://police.example.gov", "reg-1") == SECRET
    assert store.change(write(tmp_path, forged)) == change   # the preview says the same

    moved_path = agency_doc(portal="https://frp.police.example.gov/v2")   # same origin
    kept = store.import_file(write(tmp_path, moved_path), replace=True)
    assert kept.replaces and kept.forgotten == ()
    assert store.portal_token("https://police.example.gov", "reg-1") == SECRET

    with pytest.raises(TrustStoreError, match="changed since it was shown"):
        store.import_file(write(tmp_path, forged), replace=True, shown=kept.agency)
    done = store.import_file(write(tmp_path, forged), replace=True, shown=change.agency)
    assert done.forgotten == ("reg-1",) and store.registrations() == {}
    assert store.get("https://police.example.gov").phone == "+1-555-0199"
    record = AuditLog(home).entries()[-1]
    assert record["event"] == "agency-replaced"
    assert record["data"]["before_portal"] == "https://frp.police.example.gov/v2"
    assert record["data"]["registrations_forgotten"] == ["reg-1"]

    store.keep_registration(Registration("https://police.example.gov", "reg-2", SECRET))
    wider = agency_doc(**{**forged, "upload_origins": ["https://upload.police.example.gov",
                                                       "https://files.evil.example"]})
    assert store.import_file(write(tmp_path, wider), replace=True).forgotten == ("reg-2",)


@pytest.mark.parametrize("changes, why", [
    ({"id": "https://police.example.gov/"}, "address of Example Police Department"),
    ({"id": "HTTPS://POLICE.Example.GOV"}, "address of Example Police Department"),
    ({"id": "https://police.example.gov.:443/"}, "address of Example Police Department"),
    ({"id": "https://police.example.gov/%70d/", "name": "PD"}, None),
    ({"id": "https://p\u043elice.example.gov", "name": "PD"}, "address of Example Police"),
    ({"id": "https://xn--plice-jye.example.gov", "name": "PD"}, "address of Example Police"),
    ({"id": "https://pd.example.gov", "name": "example  police DEPARTMENT"},
     "name of Example Police Department"),
    ({"id": "https://pd.example.gov", "name": "Example Police Departm\uff45nt"},
     "name of Example Police Department"),
])
def test_a_file_that_looks_like_a_trusted_agency_under_another_id_is_refused(
        tmp_path, home, changes, why):
    """Trust hunt 2: an agency id spelt another way ('https://police.example.gov/', upper
    case, ':443') is another agency to the trust store, so a forged 'new file' of a trusted
    agency, with its name and phone and the forger's key and portal, was added beside it
    ('added', no word of replacing), and its requests showed under the trusted name and phone.
    A file whose id is a trusted agency's address written another way, or whose name is a
    trusted agency's (case, width and spacing aside), is refused now, before and on import."""
    from agent.audit.log import AuditLog

    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    forged = agency_doc(portal="https://frp.evil.example/v1",
                        keys={"keys": [public_jwk(Ed25519PrivateKey.generate())]}, **changes)
    path = write(tmp_path, forged, "forged.json")
    if why is None:   # another address on the same host, under its own name: another agency
        assert store.add(path).id == changes["id"]
        return
    for attempt in (lambda: store.change(path), lambda: store.import_file(path, replace=True)):
        with pytest.raises(TrustStoreError, match=why) as refused:
            attempt()
        assert "Nothing was imported" in str(refused.value)
    assert [a.id for a in store.list()] == ["https://police.example.gov"]
    assert [r["event"] for r in AuditLog(home).entries()].count("agency-added") == 1


def test_a_trusted_agency_renamed_to_another_trusted_agencys_name_is_refused(tmp_path, home):
    """The same rule when an agency's own new file takes the name of another agency the owner
    trusts: the two could no longer be told apart, so it is refused, replace or not."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    keys = own_keys()
    store.add(write(tmp_path, agency_doc(id="https://sheriff.example.gov", name="Sheriff",
                                         keys=keys), "s.json"))
    renamed = write(tmp_path, agency_doc(id="https://sheriff.example.gov",
                                         name="Example Police Department", keys=keys), "r.json")
    with pytest.raises(TrustStoreError, match="name of Example Police Department"):
        store.import_file(renamed, replace=True)
    assert store.get("https://sheriff.example.gov").name == "Sheriff"


def test_a_name_drawn_like_a_trusted_agencys_in_other_letters_is_refused(tmp_path, home):
    """The attacker hunt: a file naming itself "Example Роӏісе Department" (that word all
    Cyrillic) was imported beside the trusted "Example Police Department", its requests shown
    under a name the owner cannot tell from the trusted one; so was "Ехample Police
    Department" (Cyrillic Е and х inside a Latin word). Both are refused; a name wholly in
    another alphabet is not."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    for i, (name, words) in enumerate((
            ("Example \u0420\u043e\u04cf\u0456\u0441\u0435 Department",
             "name of Example Police Department"),
            ("\u0415\u0445ample Police Department", "mixes letters of different alphabets"),
            ("EXAMPLE \u03a1\u039fLICE DEPARTMENT", "mixes letters"))):
        forged = write(tmp_path, agency_doc(id=f"https://forged{i}.example.net", name=name),
                       f"forged{i}.json")
        with pytest.raises(TrustStoreError, match=words):
            store.add(forged)
    assert [a.name for a in store.list()] == ["Example Police Department"]
    store.add(write(tmp_path, agency_doc(id="https://politsiya.example.ru",
                                         name="\u041f\u043e\u043b\u0438\u0446\u0438\u044f",
                                         keys=own_keys()),
                    "ru.json"))
    assert len(store.list()) == 2


def test_a_name_drawn_like_a_trusted_agencys_in_look_alike_marks_or_letters_is_refused(
        tmp_path, home):
    """The attacker hunt: beside the trusted "Example Police Department" and "King County
    Sheriff's Office", files named "Example Police Department." (a final dot), "King County
    Sheriff\u2019s Office" (a curly apostrophe), "Examp1e Po1ice Department" (ones for l),
    "EXAMPLE POLICE DEPARTMENT" in the trusted name's letters but with a capital I for an l,
    "Example P0lice Department" (a zero) and "Example Police Departrnent" (r n for m) were
    imported, their requests shown "Verified: signed by" a name drawn like the trusted one.
    Each is refused; a name that reads differently is not."""
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    store.add(write(tmp_path, agency_doc(id="https://sheriff.example.gov",
                                         name="King County Sheriff's Office",
                                         keys=own_keys()), "kc.json"))
    for i, name in enumerate(("Example Police Department.", "King County Sheriff\u2019s Office",
                              "Examp1e Po1ice Department", "ExampIe PoIice Department",
                              "Example P0lice Department", "Example Police Departrnent",
                              "Example Police \u2013 Department", "King County Sheriffs Office")):
        forged = write(tmp_path, agency_doc(id=f"https://forged{i}.example.net", name=name),
                       f"forged{i}.json")
        with pytest.raises(TrustStoreError, match="has the name of"):
            store.add(forged)
    assert len(store.list()) == 2
    store.add(write(tmp_path, agency_doc(id="https://north.example.gov",
                                         name="Example Police Department North",
                                         keys=own_keys()), "n.json"))
    assert len(store.list()) == 3


def test_two_agencies_and_loopback_http(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    local = agency_doc(id="http://127.0.0.1:8443", name="Demo Portal", portal="http://localhost:8443/v1",
                       upload_origins=["http://[::1]:9000", "http://127.0.0.1:9000/"],
                       keys=own_keys())
    added = store.add(write(tmp_path, local, "local.json"))
    assert added.upload_origins == ("http://[::1]:9000", "http://127.0.0.1:9000")
    assert [a.name for a in store.list()] == ["Demo Portal", "Example Police Department"]


def test_default_max_window(tmp_path, home):
    agency = TrustStore(home).add(write(tmp_path, agency_doc(max_window_s=...)))
    assert agency.max_window_s == 43200


REFUSALS = [
    (agency_doc(frp=2), "version 2"),
    (agency_doc(frp="1"), "FRP version 1"),
    (agency_doc(frp=True), "FRP version 1"),
    (agency_doc(frp=...), "FRP version 1"),
    (agency_doc(id="http://police.example.gov"), "plain http"),
    (agency_doc(id="police.example.gov"), "no host name"),
    (agency_doc(id="https://user:pw@police.example.gov"), "user name or password"),
    (agency_doc(portal="ftp://frp.police.example.gov"), "must start with https"),
    (agency_doc(portal="http://localhost.evil.example/v1"), "plain http"),
    (agency_doc(phone=...), "no 'phone'"),
    (agency_doc(phone="   "), "no 'phone'"),
    (agency_doc(phone="call us"), "no digits"),
    (agency_doc(name=...), "no 'name'"),
    (agency_doc(name="x" * 1000), "too long"),
    (agency_doc(keys={"keys": []}), '"keys"'),
    (agency_doc(keys=[ED]), '"keys"'),
    (agency_doc(keys={"keys": [{"kty": "RSA", "n": "abc", "e": "AQAB"}]}), "not supported"),
    (agency_doc(keys={"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AAAA"}]}), "32 bytes"),
    (agency_doc(keys={"keys": [{**ED, "kid": P256["kid"]}]}), "not its thumbprint"),
    (agency_doc(keys={"keys": [{**ED, "d": "AAAA"}]}), "private key"),
    (agency_doc(keys={"keys": [ED, ED]}), "listed twice"),
    # Trust hunt: a file under the size limit held 1,300 keys, each checked on every read.
    (agency_doc(keys={"keys": [public_jwk(Ed25519PrivateKey.generate()) for _ in range(17)]}),
     "lists 17 keys; an agency file holds at most 16"),
    (agency_doc(max_window_s=0), "max_window_s"),
    (agency_doc(max_window_s=7 * 86400 + 1), "max_window_s"),
    (agency_doc(max_window_s="3600"), "max_window_s"),
    (agency_doc(max_window_s=3600.0), "max_window_s"),
    (agency_doc(upload_origins=[]), "upload_origins"),
    (agency_doc(upload_origins="https://upload.police.example.gov"), "upload_origins"),
    (agency_doc(upload_origins=["https://upload.police.example.gov/files"]), "without a path"),
    (agency_doc(upload_origins=["http://upload.police.example.gov"]), "plain http"),
    # Trust hunt finding 5: characters that act instead of being seen (C1 CSI, bidi
    # override, zero-width space) in what the owner compares by eye.
    (agency_doc(id="https://police.example.gov/\u009b2J\u202egro.live"), "does not show"),
    (agency_doc(name="Seattle Police\u200b \u202e0010-555-602-1+ llac"), "does not show"),
    (agency_doc(phone="+1-206-555-0100\u2066"), "does not show"),
    (agency_doc(portal="https://frp.police.example.gov/\u200bv1"), "does not show"),
    (agency_doc(upload_origins=["https://upload.police\u00ad.example.gov"]), "does not show"),
    ([agency_doc()], "not a JSON object"),
    ("{not json", "not valid JSON"),
    ('{"frp": 1, "frp": 1}', "repeats the member 'frp'"),
]


@pytest.mark.parametrize("doc, reason", REFUSALS)
def test_refusals(tmp_path, home, doc, reason):
    store = TrustStore(home)
    with pytest.raises(TrustStoreError, match=reason):
        store.add(write(tmp_path, doc))
    assert store.list() == []


def test_an_agency_rotating_through_sixteen_keys_is_trusted(tmp_path, home):
    keys = [public_jwk(Ed25519PrivateKey.generate()) for _ in range(16)]
    agency = TrustStore(home).add(write(tmp_path, agency_doc(keys={"keys": keys})))
    assert len(agency.fingerprints()) == 16


def test_spaces_of_any_width_in_a_name_are_fine(tmp_path, home):
    agency = TrustStore(home).add(write(tmp_path, agency_doc(name="Policía\u00a0Local")))
    assert agency.name == "Policía\u00a0Local"


def test_a_registration_with_an_agency_id_imported_before_the_rule_is_shown_inertly(
        tmp_path, home, capsys, monkeypatch):
    """Trust hunt finding 5: `agencies registrations` printed the agency id raw (a C1 CSI and
    a bidi override reached the terminal). Such an id can no longer be imported; one kept from
    before is escaped, and its agency file is listed as damaged."""
    import frp.agency
    from agent.cli import main

    hostile = "https://police.example.gov/\u009b2J\u202egro.live"
    with monkeypatch.context() as m:   # imported by a release without the rule
        m.setattr(frp.agency, "_shows_as_itself", lambda value, name: None)
        store = TrustStore(home)
        store.add(write(tmp_path, agency_doc(id=hostile)))
        store.keep_registration(Registration(hostile, "reg-1", SECRET))
    assert main(["--home", str(home), "agencies", "registrations"]) == 0
    out, _err = capsys.readouterr()
    assert "\u009b" not in out and "\u202e" not in out
    assert out.startswith("https://police.example.gov/\\x9b2J\\u202egro.live\treg-1\t")
    assert main(["--home", str(home), "agencies", "list"]) == 0
    out, _err = capsys.readouterr()
    assert "DAMAGED" in out and "does not show as itself" in out and "\u202e" not in out


def test_refuses_large_and_missing_files(tmp_path, home):
    store = TrustStore(home)
    doc = agency_doc(padding="x" * (256 * 1024))
    with pytest.raises(TrustStoreError, match="256 KiB"):
        store.add(write(tmp_path, doc))
    with pytest.raises(TrustStoreError, match="cannot read"):
        store.add(tmp_path / "missing.json")


def test_hand_edited_file_is_left_out(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    path = next((home / "agencies").iterdir())
    doc = json.loads(path.read_text())
    doc["keys"]["keys"][0]["kid"] = "tampered"
    path.write_text(json.dumps(doc))
    assert store.list() == [] and store.get("https://police.example.gov") is None
    assert store.broken() == [path]


def test_registrations_are_kept_whole_private_and_never_shown(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    aid = "https://police.example.gov"
    assert store.registrations() == {}
    store.keep_registration(Registration(aid, "reg-2"))
    full = Registration(aid, "reg-1", SECRET, "owner-id", Contact("Ann", "ann@example.com"),
                        (Camera("porch", address="1 Elm St", sees="the street"),),
                        "-----BEGIN CERTIFICATE-----...", "2026-01-01T00:00:00Z")
    store.keep_registration(full)
    assert store.registrations() == {aid: ["reg-1", "reg-2"]}
    assert store.registration(aid, "reg-1") == full
    assert store.portal_token(aid, "reg-1") == SECRET
    assert store.portal_token(aid, "reg-2") is None
    assert store.portal_token("https://other.example", "reg-1") is None
    store.keep_registration(dataclasses.replace(full, token="newer-token"))   # replaced whole
    assert store.portal_token(aid, "reg-1") == "newer-token"
    reg_file = home / "registrations.json"
    if os.name == "posix":
        assert mode(reg_file) == 0o600
    for shown in (repr(store), repr(full), repr(store.registration_records())):
        assert SECRET not in shown and "newer-token" not in shown
    # A fresh store on the same home reads the same registrations.
    assert TrustStore(home).registration(aid, "reg-1").cameras == full.cameras
    assert store.forget_registration(aid, "reg-2") and not store.forget_registration(aid, "reg-2")
    assert store.remove(aid)
    assert store.registrations() == {}
    assert "newer-token" not in reg_file.read_text()


def test_the_earlier_file_form_is_read_as_registrations_without_a_key(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    aid = "https://police.example.gov"
    (home / "registrations.json").write_text(json.dumps({aid: {"reg-1": SECRET, "reg-2": None}}))
    assert store.registrations() == {aid: ["reg-1", "reg-2"]}
    assert store.portal_token(aid, "reg-1") == SECRET
    assert not store.registration(aid, "reg-1").pinned


def test_register_refusals_never_echo_secrets(tmp_path, home):
    store = TrustStore(home)
    with pytest.raises(TrustStoreError, match="add its file first"):
        store.keep_registration(Registration("https://police.example.gov", "reg-1", SECRET))
    store.add(write(tmp_path, agency_doc()))
    aid = "https://police.example.gov"
    for reg, token in [("", None), ("reg 1", None), ("reg-1", "has space " + SECRET),
                       ("reg-1", "line\n" + SECRET), ("reg-1", "")]:
        with pytest.raises(TrustStoreError) as info:
            store.keep_registration(Registration(aid, reg, token))
        assert SECRET not in str(info.value)
    assert store.registrations() == {}


def test_damaged_registrations_file(tmp_path, home):
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    (home / "registrations.json").write_text('{"x": ["' + SECRET + '"]}')
    with pytest.raises(TrustStoreError, match="damaged") as info:
        store.registrations()
    assert SECRET not in str(info.value)
    # a backup's copy holds the portal passwords: registering again is the last way out
    assert str(info.value).endswith(f"the registrations file {home / 'registrations.json'} is "
                                    "damaged; put back a copy from a backup, or move it aside "
                                    "(keep it) and register again (each agency can retire the "
                                    "registrations it held)")


def test_unusable_home_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(TrustStoreError, match="not-a-folder"):
        TrustStore(blocker).add(write(tmp_path, agency_doc()))


def test_a_second_file_for_a_trusted_agency_is_never_trusted_nor_given_its_token(tmp_path,
                                                                                home):
    """Trust hunt 2: a trusted agency's file is read by the name this app gives it (get) and
    by listing the folder (list, which polling goes by), so a second file there with the same
    id (a backup or sync program's copy, 'police (1).json', an old file put back, or one put
    there by hand) was trusted beside it with no import, no question and no log record: the
    agency was listed twice and polling sent the registration's portal password to that
    file's portal too. A file that is not the one this app keeps for its id is listed as
    damaged now, never trusted, never polled."""
    from agent.service import Agent
    from tests.test_requests_e2e import hostile

    asked: dict[str, list] = {"kept": [], "copy": []}

    def portal(which):
        def respond(h):
            asked[which].append(h.headers.get("Authorization"))
            body = b'{"requests": [], "cursor": null}'
            h.send_response(200)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        return respond

    with hostile(portal("kept")) as kept, hostile(portal("copy")) as copy:
        store = TrustStore(home)
        store.add(write(tmp_path, agency_doc(portal=kept + "/v1", upload_origins=[kept])))
        store.keep_registration(Registration("https://police.example.gov", "reg-1", SECRET))
        stray = home / "agencies" / "police.example.gov (1).json"
        stray.write_text(json.dumps(agency_doc(portal=copy + "/v1", upload_origins=[copy])))
        agent = Agent(home)
        try:
            assert agent.requests.sync().problems == ()
        finally:
            agent.close()
    assert asked == {"kept": [f"Bearer {SECRET}"], "copy": []}
    assert [a.portal for a in store.list()] == [kept + "/v1"]
    ((name, problem),) = store.damaged()
    assert name == stray.name and "not the file this app keeps" in problem


def test_damaged_agency_files_are_named_with_what_is_wrong(tmp_path, home, capsys):
    from agent.cli import main

    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc()))
    path = next((home / "agencies").iterdir())
    doc = json.loads(path.read_text())
    doc["keys"]["keys"][0]["kid"] = "tampered"
    path.write_text(json.dumps(doc))
    ((name, problem),) = store.damaged()
    assert name == path.name and "thumbprint" in problem
    assert main(["--home", str(home), "agencies", "list"]) == 0
    out, err = capsys.readouterr()
    assert path.name in out and "DAMAGED" in out and "thumbprint" in out
    assert main(["--home", str(home), "agencies", "list", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [] and path.name in err and "damaged" in err


def test_an_agency_whose_host_starts_like_a_windows_device_is_kept_in_a_file(tmp_path, home):
    """Seen in the code: an agency's file was named for its id's host, and a host whose first
    label is a name Windows keeps for a device (`aux.`, `con.`, `nul.`, `com1.`) gave a name
    such as `aux.sheriff.example.gov-....json`, which on Windows is the AUX device, not a
    file: importing that agency failed. A file an earlier version kept under that name (on
    Linux or macOS) is still the agency's: found, replaced in place and removed."""
    from agent.storage import is_device_name
    aux = "https://aux.sheriff.example.gov"
    store = TrustStore(home)
    store.add(write(tmp_path, agency_doc(id=aux)))
    (kept,) = (home / "agencies").iterdir()
    assert not is_device_name(kept.name) and "aux.sheriff.example.gov" in kept.name
    assert store.get(aux).id == aux
    # As an earlier version named it (not a device on Linux or macOS, where it was written).
    before = kept.with_name(kept.name.removeprefix("_"))
    kept.rename(before)
    assert store.get(aux).id == aux
    store.add(write(tmp_path, agency_doc(id=aux, name="Renamed")), replace=True)
    assert [p.name for p in (home / "agencies").iterdir()] == [before.name]
    assert [a.name for a in store.list()] == ["Renamed"]
    assert store.remove(aux) is True and list((home / "agencies").iterdir()) == []
