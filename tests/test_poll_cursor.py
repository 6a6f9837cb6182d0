"""Nothing a portal sends can stall polling (issue 15, finding 4): a token that is refused,
whatever it holds, is recorded as refused and the cursor moves past it, so later requests
still arrive. Over a real loopback server through `footage-agent inbox sync`, and as a property
over signed claims of any type."""
from __future__ import annotations

import hashlib
import json
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.audit.log import AuditLog
from agent.cli import main
from agent.service import Agent
from agent.requests import polling
from agent.requests.inbox import Inbox
from frp import jws
from tests.loopback import serving
from tests.registering import keep_unpinned
from tests.test_desk import JWK as DESK_JWK
from tests.test_desk import KEY as DESK_KEY
from tests.test_desk import World, footage, request_token  # noqa: F401

AGENCY_ID = "https://police.example.gov"
KEY = Ed25519PrivateKey.generate()
JWK = jws.public_jwk(KEY)


def iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def claims(jti: str, origin: str, **changes) -> dict:
    now = int(time.time())
    c = {"iss": AGENCY_ID, "aud": "reg-1", "jti": jti, "iat": now - 10, "exp": now + 3600,
         "case": {"number": "2026-0042"}, "window": {"start": iso(now - 7200),
                                                      "end": iso(now - 7000)},
         "requester": {"name": "Det. Jane Roe"}, "legal_basis": "voluntary",
         "upload": {"protocol": "tus", "endpoint": origin + "/files"}}
    c.update(changes)
    return c


def signed(c: dict, key=KEY, kid: str = JWK["kid"]) -> str:
    """Signed as an agency would, with text escaped as JSON allows: a lone surrogate (which
    UTF-8 cannot carry) goes out as its \\u escape, as a hostile signer can send it."""
    def part(obj: dict) -> str:
        return jws.b64url_encode(json.dumps(obj, separators=(",", ":")).encode("ascii"))
    head = part({"alg": "EdDSA", "typ": "frp-request+jwt", "kid": kid}) + "." + part(c)
    return head + "." + jws.b64url_encode(key.sign(head.encode("ascii")))


@contextmanager
def portal(pages: dict[str, tuple[list, str]]):
    """A portal on loopback that answers `GET /v1/requests?after=C` with pages[C]."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            after = parse_qs(urlsplit(self.path).query).get("after", [""])[0]
            asked.append(after)
            tokens, cursor = pages.get(after, ([], after))
            body = json.dumps({"requests": tokens, "cursor": cursor}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    with serving(Handler) as (origin, _server):
        yield origin, asked


def test_a_poll_of_refused_tokens_records_them_moves_on_and_a_later_request_arrives(
        tmp_path, capsys):
    home = tmp_path / "home"

    def run(*argv):
        code = main(["--home", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    pages: dict[str, tuple[list, str]] = {}
    with portal(pages) as (origin, asked):
        hostile = [
            claims("far-future", origin, exp=10**13),                    # OverflowError before
            claims("bad-text", origin, case={"number": "2026-\ud800"}),  # a lone surrogate
            claims("bad-name", origin, requester={"name": "Det. \udfff"}),
        ]
        pages[""] = ([signed(c) for c in hostile] + ["not a token", ""], "page-1")
        pages["page-1"] = ([signed(claims("req-later", origin))], "page-2")
        doc = {"frp": 1, "id": AGENCY_ID, "name": "Example Police Department",
               "phone": "+1-206-555-0100", "portal": origin + "/v1",
               "upload_origins": [origin], "keys": {"keys": [JWK]}}
        (tmp_path / "agency.json").write_text(json.dumps(doc))
        assert run("agencies", "add", str(tmp_path / "agency.json"))[0] == 0
        keep_unpinned(home, AGENCY_ID, "reg-1", "portal-secret")  # the portal here is a fake

        code, _out, err = run("inbox", "sync")
        assert code == 0, err
        assert "0 new, 5 rejected" in err and "unexpected failure" not in err
        rejected = [r["data"] for r in AuditLog(home).entries()
                    if r["event"] == "request-rejected"]
        # one record for the poll's five refusals (finding 3)
        assert len(rejected) == 1 and rejected[0]["count"] == 5 and rejected[0]["rule"] == 3
        inbox = Inbox(home / "inbox.db")
        try:
            assert inbox.cursor(AGENCY_ID, "reg-1") == "page-1"
        finally:
            inbox.close()

        code, _out, err = run("inbox", "sync")
        assert code == 0 and "1 new, 0 rejected" in err, err
        assert [item["id"] for item in json.loads(run("inbox", "--json")[1])] == ["req-later"]
        assert asked == ["", "page-1"]


def test_a_flood_of_garbage_tokens_costs_one_record_a_poll_and_an_oversized_answer_none(
        tmp_path, capsys):
    """Trust hunt finding 3: a portal answering every poll with thousands of empty tokens
    (and no cursor) made each sync take minutes and wrote one fsync'd, sealed record per token,
    every poll. Now an answer over MAX_TOKENS_PER_POLL is refused whole, a poll's refusals are
    one record, and the same refused tokens polled again are not logged again."""
    home = tmp_path / "home"

    def run(*argv):
        code = main(["--home", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    def rejections():
        return [r["data"] for r in AuditLog(home).entries() if r["event"] == "request-rejected"]

    pages: dict[str, tuple[list, str | None]] = {"": ([""] * 5000, None)}
    with portal(pages) as (origin, _asked):
        doc = {"frp": 1, "id": AGENCY_ID, "name": "Example Police Department",
               "phone": "+1-206-555-0100", "portal": origin + "/v1",
               "upload_origins": [origin], "keys": {"keys": [JWK]}}
        (tmp_path / "agency.json").write_text(json.dumps(doc))
        assert run("agencies", "add", str(tmp_path / "agency.json"))[0] == 0
        keep_unpinned(home, AGENCY_ID, "reg-1", "portal-secret")

        code, _out, err = run("inbox", "sync")
        assert code == 1 and "5,000 requests in one answer" in err, err
        assert f"at most {polling.MAX_TOKENS_PER_POLL}" in err
        assert rejections() == []   # refused whole: not one of them checked (not a clock)

        garbage = [""] * (polling.MAX_TOKENS_PER_POLL - 1) + ["not a token"]
        pages[""] = (garbage, None)
        code, _out, err = run("inbox", "sync")
        assert code == 0 and f"0 new, {len(garbage)} rejected" in err, err
        (record,) = rejections()
        assert record["count"] == len(garbage) and record["registration"] == "reg-1"
        assert len(record["reasons"]) == 1 and record["reasons"][0] == record["reason"]
        assert record["tokens_sha256"] == hashlib.sha256(
            "\n".join(garbage).encode()).hexdigest()

        agent = Agent(home)   # the service's desk: polled again and again
        try:
            for _ in range(3):
                added, refused = polling.poll(agent.requests,
                                              agent.requests.trust.get(AGENCY_ID), "reg-1")
                assert added == [] and len(refused) == len(garbage)
            assert len(rejections()) == 2   # once for this desk, not once a poll
            pages[""] = (["other garbage"], None)
            polling.poll(agent.requests, agent.requests.trust.get(AGENCY_ID), "reg-1")
            assert len(rejections()) == 3 and rejections()[-1]["count"] == 1
        finally:
            agent.close()


TEXT = st.text(st.characters(exclude_categories=()), max_size=12)  # lone surrogates too
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner,
                                                                 max_size=3),
    max_leaves=8)
FIELDS = ["iss", "aud", "jti", "iat", "exp", "case", "window", "cameras", "location",
          "requester", "legal_basis", "message", "upload", "emergency"]


@pytest.fixture(scope="module")
def desk_world(tmp_path_factory, footage):  # noqa: F811
    w = World(tmp_path_factory.mktemp("cursor"), footage)
    yield w
    w.close()


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(FIELDS), JSON, st.sampled_from([None, "number", "name", "start", "end",
                                                       "endpoint", "max_bytes"]))
@example("case", "2026-\ud800", "number")
@example("exp", 10**13, None)
@example("requester", "Det. \udc80", "name")
def test_no_signed_claim_of_any_value_stalls_the_cursor(desk_world, field, value, inner):
    w = desk_world
    n = len(w.portal.tokens)
    bad = jws.parse_compact(request_token(f"x-{n}", cameras=())).claims
    if inner and isinstance(bad.get(field), dict):
        bad[field] = {**bad[field], inner: value}
    else:
        bad[field] = value
    good = f"good-{n}"
    w.portal.tokens += [signed(bad, DESK_KEY, DESK_JWK["kid"]),
                        request_token(good, cameras=())]
    agency = w.desk.trust.get(AGENCY_ID)
    polling.poll(w.desk, agency, "reg-1")   # raises nothing but a PortalError, never stalls
    assert w.desk.inbox.cursor(AGENCY_ID, "reg-1") == str(len(w.portal.tokens))
    assert w.desk.inbox.get(good, AGENCY_ID).status == "new"


def test_a_token_that_trips_an_unforeseen_error_in_the_checks_is_refused_not_a_stall(
        desk_world, monkeypatch):
    w = desk_world
    import agent.requests.intake as desk_module

    real = desk_module.verify_request

    def flaky(token, *a, **kw):
        if "trip" in jws.parse_compact(token).claims["jti"]:
            raise RecursionError("a check nobody foresaw")
        return real(token, *a, **kw)

    monkeypatch.setattr(desk_module, "verify_request", flaky)
    n = len(w.portal.tokens)
    w.portal.tokens += [request_token(f"trip-{n}", cameras=()),
                        request_token(f"fine-{n}", cameras=())]
    added, rejected = polling.poll(w.desk, w.desk.trust.get(AGENCY_ID), "reg-1")
    assert [e.jti for e in added] == [f"fine-{n}"]
    reason = ("the request could not be checked: this version of footage-agent failed on "
              "something in it (the details were logged)")   # no Python class name
    assert rejected == [f"request rejected: {reason}"]
    assert w.desk.inbox.cursor(AGENCY_ID, "reg-1") == str(len(w.portal.tokens))
    last = [r for r in AuditLog(w.home).entries() if r["event"] == "request-rejected"][-1]
    assert last["data"]["reason"] == reason


SHERIFF = "https://sheriff.example.gov"


@dataclass
class Portal:
    """An agency's portal on 127.0.0.1 (`pages`: what each cursor answers) and its key."""

    origin: str
    pages: dict
    key: Ed25519PrivateKey
    jwk: dict


@contextmanager
def two_agencies(tmp_path, home, capsys, sheriff_registration: str):
    """The police (AGENCY_ID, registration reg-1) and a sheriff (`sheriff_registration`), each
    trusted with a portal of its own: (run, police, sheriff), `run` a CLI on `home` giving
    (code, stdout, stderr)."""
    def run(*argv):
        code = main(["--home", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    def trust(name, agency_id, origin, jwk):
        doc = {"frp": 1, "id": agency_id, "name": name, "phone": "+1-206-555-0100",
               "portal": origin + "/v1", "upload_origins": [origin], "keys": {"keys": [jwk]}}
        (tmp_path / f"{name}.json").write_text(json.dumps(doc))
        assert run("agencies", "add", str(tmp_path / f"{name}.json"))[0] == 0

    sheriff_key = Ed25519PrivateKey.generate()
    police_pages: dict[str, tuple[list, str]] = {}
    sheriff_pages: dict[str, tuple[list, str]] = {}
    with portal(police_pages) as (police_origin, _), portal(sheriff_pages) as (sheriff_origin, _):
        police = Portal(police_origin, police_pages, KEY, JWK)
        sheriff = Portal(sheriff_origin, sheriff_pages, sheriff_key, jws.public_jwk(sheriff_key))
        trust("police", AGENCY_ID, police.origin, police.jwk)
        trust("sheriff", SHERIFF, sheriff.origin, sheriff.jwk)
        keep_unpinned(home, AGENCY_ID, "reg-1", "police-secret")
        keep_unpinned(home, SHERIFF, sheriff_registration, "sheriff-secret")
        yield run, police, sheriff


def test_a_request_id_whose_folder_name_is_taken_twice_over_arrives_and_polling_goes_on(
        tmp_path, capsys):
    """Attacker's hunt: a second agency's request 'x' gets the folder 'x-<its hash>', which was
    never checked to be free. When a request of that agency had that very id already (and
    another agency's 'x' held 'x'), storing it failed on the inbox's unique folder, outside
    every refusal: `inbox sync` ended in an unexpected failure, the cursor stayed, and every
    later request of that registration was fetched again and again and never arrived."""
    home = tmp_path / "home"
    suffix = hashlib.sha256(SHERIFF.encode()).hexdigest()[:10]
    with two_agencies(tmp_path, home, capsys, "reg-1") as (run, police, sheriff):
        police_origin, sheriff_origin = police.origin, sheriff.origin
        other_id, other_key, other_jwk = SHERIFF, sheriff.key, sheriff.jwk
        police.pages[""] = ([signed(claims("x", police_origin))], "p-1")
        assert run("inbox", "sync")[0] == 0

        def sheriffs(jti):
            return signed(claims(jti, sheriff_origin, iss=other_id), other_key, other_jwk["kid"])

        sheriff.pages[""] = ([sheriffs(f"x-{suffix}"), sheriffs("x"), sheriffs("later")], "s-1")
        code, _out, err = run("inbox", "sync")
        assert code == 0 and "3 new, 0 rejected" in err, err
        listed = json.loads(run("inbox", "--json")[1])
        assert sorted((item["agency"], item["id"]) for item in listed) == sorted(
            [(AGENCY_ID, "x"), (other_id, f"x-{suffix}"), (other_id, "x"),
             (other_id, "later")])
        inbox = Inbox(home / "inbox.db")
        try:
            folders = [e.folder for e in inbox.list()]
            assert inbox.cursor(other_id, "reg-1") == "s-1"
        finally:
            inbox.close()
        assert len(set(folders)) == 4


def test_a_request_relayed_by_another_agencys_portal_for_a_registration_of_that_agency_is_refused(
        tmp_path, capsys):
    """Attacker's hunt: registration ids are each agency's own, but rule 4 took the polled
    registration's id whoever signed the token. A portal (the sheriff's) relaying a genuine
    request of another agency the owner trusts (the police), addressed to the police's
    registration of the same id (someone else's), put it in the inbox as a verified police
    request for this owner; a manual export answering it was sealed as verified too."""
    home = tmp_path / "home"
    with two_agencies(tmp_path, home, capsys, "reg-7") as (run, police, sheriff):
        police_origin, other_id = police.origin, SHERIFF
        # The police's own request for its registration reg-7: another owner's.
        relayed = signed(claims("theirs", police_origin, aud="reg-7"))
        sheriff.pages[""] = ([relayed], "s-1")
        code, _out, err = run("inbox", "sync")
        assert code == 0 and "0 new, 1 rejected" in err, err
        assert "reg-7" in err
        assert json.loads(run("inbox", "--json")[1]) == []
        inbox = Inbox(home / "inbox.db")
        try:
            assert inbox.cursor(other_id, "reg-7") == "s-1"   # refused, and polling goes on
        finally:
            inbox.close()

        from agent.requests.context import request_context
        assert request_context(home, relayed.encode()).verified is False
        mine = signed(claims("mine", police_origin, aud="reg-1"))
        assert request_context(home, mine.encode()).verified is True
