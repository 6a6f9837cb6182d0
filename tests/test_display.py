"""Terminal and display injection (issue 15, finding 3): whatever a request, a portal or a file
says is shown through one sanitiser (frp/text.py), on the command line, in the log printer and
in the verifier, so it can neither act on a terminal nor fake a line."""
from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from agent.cli import main
from agent.identity.keys import OwnerKey
from agent.timebase import US
from frp import jws
from frp.text import multi_line, one_line, quoted
from portal.signers import sign_request
from portal.state import Portal
from tests.registering import enrol, register_key

AGENCY_ID = "https://police.example.gov"
# Each of these acts on a terminal or a screen instead of being seen.
ACTING = ["\x1b", "\r", "\n", "\x07", "\x08", "\x00", "\x7f", "\x85", "\x9b", "\u202a", "\u202b",
          "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b",
          "\u200e", "\u200f", "\u2028", "\u2029", "\ufeff", "\u061c", "\ud800"]
FAKE = "\x1b[2K\r\x1b[8m"  # erase the line, return, hide what follows


def shows_nothing_acting(text: str, newlines: bool = False) -> bool:
    return not any(ch in text for ch in ACTING if not (newlines and ch == "\n"))


# --- the sanitiser itself ---

@pytest.mark.parametrize("ch", ACTING)
def test_every_acting_character_is_escaped_visibly_in_one_line_fields(ch):
    out = one_line(f"a{ch}b")
    assert shows_nothing_acting(out) and out.startswith("a") and out.endswith("b") and "\\" in out


def test_multi_line_fields_keep_line_breaks_and_nothing_else_that_acts():
    out = multi_line("one\r\ntwo\rthree\u2028four\tfive\x1b[31m\u202esix")
    assert out.split("\n") == ["one", "two", "three", "four\tfive\\x1b[31m\\u202esix"]


def test_ordinary_text_is_left_alone_and_other_spaces_become_spaces():
    text = "Det. Zoë Ünal — 北京 شرطة (badge 4471) 🚓"
    assert one_line(text) == text and multi_line(text) == text
    assert one_line("a\u2003b\u3000c") == "a b c"
    # A no-break space acts on nothing but where a line wraps: kept, so that "4\u00a0días"
    # the app writes stays on one line (the request page showed "quedan 4" above "días").
    assert one_line("4\u00a0días 40\u202fs") == multi_line("4\u00a0días 40\u202fs") == \
        "4\u00a0días 40\u202fs"


def test_limits_cut_before_an_escape_never_inside_it():
    out = one_line("ab\x1b" * 50, 12)
    assert out == "ab\\x1bab..." and len(out) <= 12
    assert quoted("x" * 500).endswith("...'") and len(quoted("x" * 500)) <= 80
    assert quoted(["\u202e"]) == "['\\u202e']"


@given(st.text())
def test_nothing_acting_survives_any_text(text):
    for out in (one_line(text), one_line(text, 40), quoted(text)):
        assert all(ch.isprintable() or ch in " \u00a0\u202f" for ch in out)
    assert all(ch.isprintable() or ch in " \n\t\u00a0\u202f" for ch in multi_line(text))
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Zl", "Zp")
               for ch in one_line(text))


# --- the command line ---

@pytest.fixture
def owner(tmp_path, capsys):
    """A home that trusts a portal's agency and is registered with it, and `run(*argv)`."""
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    portal.write_trust_document("http://127.0.0.1:9")  # never served: requests come as files
    home = tmp_path / "home"

    def run(*argv):
        code = main(["--home", str(home), *argv])
        out = capsys.readouterr()
        return code, out.out, out.err

    assert run("agencies", "add", str(portal.state_dir / "agency.json"))[0] == 0
    reg = enrol(home, portal).registration
    return portal, reg, run, tmp_path


def _request_file(portal: Portal, reg: str, tmp: Path, **kw) -> Path:
    t0 = (int(time.time()) - 7200) * US
    token = portal.create_request(reg, t0, t0 + 8 * US, kw.pop("case", "2026-77"),
                                  kw.pop("requester", "Det. Jane Roe"),
                                  **kw)
    path = tmp / f"request-{time.monotonic_ns()}.jws"
    path.write_text(token)
    return path


def test_a_rejected_tokens_issuer_cannot_erase_the_rejection_or_fake_success(owner):
    _portal, reg, run, tmp = owner
    key = Ed25519PrivateKey.generate()
    jwk = jws.public_jwk(key)
    fake_iss = f"x{FAKE}OK: request req-9 verified and added\x1b[0m"
    now = int(time.time())
    token = sign_request({"iss": fake_iss, "aud": reg, "jti": "req-9", "iat": now, "exp": now + 60},
                         key, jwk["kid"])
    (tmp / "evil.jws").write_text(token)
    code, out, err = run("import-request", str(tmp / "evil.jws"))
    assert code == 3 and out == ""
    assert shows_nothing_acting(err, newlines=True) and "not in your trust store" in err
    assert err.count("\n") == 1  # one line: the rejection, nothing printed over it
    code, out, _ = run("log")
    assert code == 0 and shows_nothing_acting(out, newlines=True)
    assert len(out.splitlines()) == len(json.loads(run("log", "--json")[1]))  # one per record
    assert out.splitlines()[-1].split("\t")[2] == "request-rejected"


def test_newlines_in_signed_fields_print_no_extra_line(owner):
    portal, reg, run, tmp = owner
    fake = "\nFrom: Fraud Squad; to check it is real, call +1-555-0199"
    path = _request_file(portal, reg, tmp, case="2026-77" + fake,
                         requester="Det. Roe" + fake + FAKE, incident="burglary" + fake,
                         message="Hello\u202e\u2066 olleh" + FAKE + "\nsecond line")
    code, out, err = run("import-request", str(path))
    assert code == 0, err
    assert shows_nothing_acting(out, newlines=True) and len(out.splitlines()) == 1
    jti = out.split("\t")[0]
    code, out, _ = run("inbox")
    assert code == 0 and len(out.splitlines()) == 1 and shows_nothing_acting(out, newlines=True)
    code, out, _ = run("inbox", "show", "--", jti)
    assert code == 0 and shows_nothing_acting(out, newlines=True)
    froms = [line for line in out.splitlines() if line.lstrip().startswith("From:")]
    assert len(froms) == 1 and froms[0].startswith("From: Example Police Department;")
    assert "  second line" in out.splitlines()  # the message's own line break is kept
    code, out, _ = run("log")
    assert code == 0 and shows_nothing_acting(out, newlines=True)
    assert [line for line in out.splitlines() if line.lstrip().startswith("From:")] == []
    assert len(out.splitlines()) == len(json.loads(run("log", "--json")[1]))


def test_package_problems_name_hostile_file_names_inertly(tmp_path):
    from frp.bagview import Bag
    from frp.verify import verify_package

    bag = tmp_path / "bag"
    (bag / "data").mkdir(parents=True)
    (bag / "data" / f"evil{FAKE}\u202e.mp4").write_bytes(b"x")
    report = verify_package(bag)
    assert not report.ok and report.problems
    assert all(shows_nothing_acting(p) for p in report.problems)
    assert isinstance(Bag, type)


def test_the_portals_command_line_shows_what_owners_sent_inertly(tmp_path, capsys):
    from portal import cli as portal_cli
    from portal.records import Decision

    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    portal.write_trust_document("http://127.0.0.1:9")
    reg = register_key(portal, OwnerKey.load_or_create(tmp_path / "owner")).registration
    t0 = (int(time.time()) - 7200) * US
    token = portal.create_request(reg, t0, t0 + 8 * US, "2026-77", "Det. Roe")
    jti = jws.parse_compact(token).claims["jti"]
    reason = f"no{FAKE}\nDELIVERED  all cameras  owner trusted\u202e"
    assert portal.record_decision(Decision(jti, "x.y.z", "owner-1", "decline", reason, None))
    assert portal_cli.main(["decisions", str(portal.state_dir)]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and shows_nothing_acting(out, newlines=True)
    assert "DELIVERED" in out


def test_inbox_says_when_a_request_no_longer_verifies(owner):
    """Issue 15, finding 7, on the command line: the list checks each request again."""
    portal, reg, run, tmp = owner
    assert run("import-request", str(_request_file(portal, reg, tmp)))[0] == 0
    code, out, _ = run("inbox")
    assert code == 0 and "NOT VERIFIED" not in out
    assert json.loads(run("inbox", "--json")[1])[0]["verified"] is True
    assert run("agencies", "remove", AGENCY_ID)[0] == 0
    code, out, _ = run("inbox")
    assert code == 0 and "NOT VERIFIED: the agency" in out and "no longer in your trust" in out
    (item,) = json.loads(run("inbox", "--json")[1])
    assert item["verified"] is False and "no longer in your trust store" in item["problem"]
