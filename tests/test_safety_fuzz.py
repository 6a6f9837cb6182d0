"""Property tests for the inputs not fuzzed elsewhere: trust-store (agency) files, the
registrations file and the audit log. Path names (test_layouts.py), MP4 boxes (test_probe.py),
request tokens (test_token.py, test_jws.py) and portal answers (test_portal_client.py,
test_desk.py) have theirs already. Coverage-guided targets for the box and token parsers are in
fuzz/ (Atheris, run by hand)."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ec import SECP256R1, generate_private_key
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.audit.log import AuditLog
from agent.requests.agencies import TrustStore, TrustStoreError
from frp import jws
from frp.agency import Agency
from frp.origins import web_origin

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
CONTROL = {chr(c) for c in range(32)} | {"\x7f"}

VALID = {"frp": 1, "id": "https://police.example.gov", "name": "Example Police Department",
         "phone": "+1-206-555-0100", "portal": "https://frp.police.example.gov/v1",
         "upload_origins": ["https://upload.example.gov"], "max_window_s": 43200,
         "keys": {"keys": [jws.public_jwk(Ed25519PrivateKey.generate()),
                           jws.public_jwk(generate_private_key(SECP256R1()))]}}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=4),
    max_leaves=15)
tricky_text = st.sampled_from([
    "http://police.example.gov", "https://user:pw@police.example.gov", "javascript:alert(1)",
    "https://127.0.0.1:1", "http://localhost:8080", "https://police.example.gov/../../x",
    "https://police.example.gov\n.evil.com", "file:///etc/passwd", "https://[::1]:99",
    "<script>alert(1)</script>", "\x1b[2J", "a" * 5000, "", " ", "\u202e", "+1", "12",
    "https://xn--pple-43d.com", "https://police.example.gov:99999"])


def _mutated(data) -> dict:
    doc = json.loads(json.dumps(VALID))
    for _ in range(data.draw(st.integers(1, 3))):
        field = data.draw(st.sampled_from(sorted(VALID) + ["extra"]))
        action = data.draw(st.sampled_from(["value", "text", "delete", "key-member"]))
        if action == "delete":
            doc.pop(field, None)
        elif action == "text":
            doc[field] = data.draw(tricky_text)
        elif action == "key-member" and isinstance(doc.get("keys"), dict) \
                and isinstance(doc["keys"].get("keys"), list) and doc["keys"]["keys"]:
            key = doc["keys"]["keys"][0]
            if isinstance(key, dict):
                key[data.draw(st.sampled_from(["kty", "crv", "x", "y", "d", "kid", "alg"]))] = \
                    data.draw(json_values | tricky_text)
        else:
            doc[field] = data.draw(json_values)
    return doc


def _check_accepted(agency: Agency) -> None:
    """What an accepted agency file promises the rest of the agent."""
    for text in (agency.name, agency.phone):
        assert text and not (set(text) & CONTROL)
    web_origin(agency.portal, "portal")
    web_origin(agency.id, "id")
    for origin in agency.upload_origins:
        assert web_origin(origin, "upload")[0] == origin
    assert agency.keys and all("d" not in k for k in agency.keys)
    assert 0 < agency.max_window_s <= 7 * 24 * 3600


def _add(raw: bytes) -> Agency | None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "agency.json"
        path.write_bytes(raw)
        store = TrustStore(Path(tmp) / "home")
        try:
            agency = store.add(path)
        except TrustStoreError as exc:
            assert str(exc) and len(str(exc)) < 600
            assert store.list() == []  # a refused file leaves nothing behind
            return None
        _check_accepted(agency)
        assert store.list() == [agency]  # what was accepted reads back the same
        return agency


@FUZZ
@given(st.data())
def test_a_mutated_agency_file_is_imported_sound_or_refused_with_a_reason(data):
    _add(json.dumps(_mutated(data)).encode())


@FUZZ
@given(st.one_of(st.binary(max_size=400), json_values.map(lambda v: json.dumps(v).encode()),
                 st.sampled_from([b"[" * 100000, b'{"frp": 1, "frp": 1}', b"\xef\xbb\xbf{}",
                                  b'{"frp": NaN}', b'{"frp": 1e999}', b"\x00" * 300000])))
def test_any_bytes_as_an_agency_file_are_refused_with_a_reason(raw):
    assert _add(raw) is None


def test_the_valid_file_itself_is_accepted():
    """Guard: the mutation base is valid, so the mutations above test real edges."""
    assert _add(json.dumps(VALID).encode()) is not None


@FUZZ
@given(st.one_of(st.binary(max_size=300), json_values.map(lambda v: json.dumps(v).encode())))
def test_a_damaged_registrations_file_is_named_without_echoing_it(raw):
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        store = TrustStore(home)
        (home / "registrations.json").write_bytes(raw)
        try:
            regs = store.registrations()
        except TrustStoreError as exc:
            text = str(exc)
            assert "damaged" in text or "cannot read" in text
            shown = raw.decode("utf-8", "replace")
            assert len(shown) < 8 or shown not in text  # its secrets are never printed
            return
        assert isinstance(regs, dict)
        for agency_id, ids in regs.items():
            for reg in ids:
                token = store.portal_token(agency_id, reg)
                assert token is None or isinstance(token, str)


def _real_log(home: Path) -> bytes:
    log = AuditLog(home)
    log.append("request-seen", id="r1", agency="https://police.example.gov", case="2026-1")
    log.append("hold", id="r1", files=3, bytes=12345)
    log.append("approve", id="r1", window={"start": "2026-01-01T00:00:00Z",
                                           "end": "2026-01-01T00:05:00Z"}, cameras=["porch"])
    log.append("decline", id="r2", reason="camera was off \u00e9")
    return (home / "audit.log").read_bytes()


@FUZZ
@given(st.data())
def test_any_change_to_any_byte_of_the_log_is_detected(data):
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        raw = bytearray(_real_log(home))
        at = data.draw(st.integers(0, len(raw) - 1))
        new = data.draw(st.integers(0, 255).filter(lambda b: b != raw[at]))
        raw[at] = new
        (home / "audit.log").write_bytes(bytes(raw))
        report = AuditLog(home).verify()
        assert not report.ok and report.problems


@FUZZ
@given(st.binary(max_size=600) | st.lists(json_values, max_size=5).map(
    lambda vs: b"\n".join(json.dumps(v).encode() for v in vs)))
def test_any_bytes_as_a_log_give_a_report_and_appending_still_works(raw):
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "audit.log").write_bytes(raw)
        report = AuditLog(home).verify()
        assert report.ok == (raw == b"") and all("\n" not in p for p in report.problems)
        record = AuditLog(home).append("hold", id="x")
        assert AuditLog(home).entries()[-1] == record
