"""Why a file in the agencies folder is not used, in the owner's language: Settings and
`agencies list` show TrustStore.damaged()'s reason for each; only the "changed since you
accepted it" ones read in Spanish, the rest (a copy, an unreadable file, a file edited until
it is no longer an agency file) reached the Spanish app in English. Each reason here is made
by the trust store itself, from a real file in a real home."""
from __future__ import annotations

import json
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.requests.agencies import TrustStore  # noqa: E402
from gui.views import core_words  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_agencies import ED, agency_doc, write  # noqa: E402

# Words of the core's English that no Spanish sentence here holds (its values taken out).
ENGLISH = re.compile(r"\b(the|is|must|has|needs|contains|key|keys|file|cannot|allowed|"
                     r"listed|origin|trusted)\b", re.IGNORECASE)

# The key of the seed 0, 1, ..., 31 with a point of order 8 added (test_agency_key_points.py).
MIXED = "sVS9YhiK4oPdGH_v6MMfXidu3wg7TP8RydXP-FbHREA"

def _small_order_ca() -> str:
    """A registration CA whose key is the Ed25519 neutral point (test_agency_key_points.py)."""
    from datetime import datetime, timedelta, timezone

    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey,
        Ed25519PublicKey,
    )
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA")])
    now = datetime.now(timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(Ed25519PublicKey.from_public_bytes(b"\x01" + bytes(31)))
            .serial_number(1).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .sign(Ed25519PrivateKey.generate(), None)).public_bytes(Encoding.PEM).decode()


SMALL_ORDER_CA = _small_order_ca()

EDITED = {   # the kept file, edited by hand until it is no longer an agency file
    "no name": {"name": ...},
    "long name": {"name": "x" * 500},
    "invisible": {"name": "Example\u200bPolice"},
    "no digits": {"phone": "call us"},
    "no origins": {"upload_origins": []},
    "origin path": {"upload_origins": ["https://upload.example.gov/up"]},
    "origin http": {"upload_origins": ["http://upload.example.gov"]},
    "origin ftp": {"upload_origins": ["ftp://upload.example.gov"]},
    "origin text": {"upload_origins": [5]},
    "origin no host": {"upload_origins": ["https://"]},
    "origin password": {"upload_origins": ["https://a:b@upload.example.gov"]},
    "origin bad": {"upload_origins": ["https://[upload"]},
    "portal http": {"portal": "http://frp.example.gov"},
    "portal ftp": {"portal": "ftp://frp.example.gov"},
    "portal text": {"portal": 5},
    "portal no host": {"portal": "https://"},
    "portal password": {"portal": "https://a:b@frp.example.gov"},
    "portal bad": {"portal": "https://[frp"},
    "many keys": {"keys": {"keys": [dict(ED)] * 17}},
    "key not object": {"keys": {"keys": ["x"]}},
    "private key": {"keys": {"keys": [{**ED, "d": "c2VjcmV0"}]}},
    "bad key": {"keys": {"keys": [{"kty": "nope"}]}},
    # trust hunt 9: keys no private key makes (tests/test_agency_key_points.py)
    "small order": {"keys": {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "AQ" + "A" * 41}]}},
    "mixed order": {"keys": {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": MIXED}]}},
    "no point": {"keys": {"keys": [{"kty": "OKP", "crv": "Ed25519", "x": "Ag" + "A" * 41}]}},
    "second spelling": {"keys": {"keys": [{"kty": "OKP", "crv": "Ed25519",
                                           "x": "7f" + "_" * 39 + "38"}]}},
    "wrong kid": {"keys": {"keys": [{**ED, "kid": "not-its-thumbprint"}]}},
    "key twice": {"keys": {"keys": [dict(ED), dict(ED)]}},
    "window": {"max_window_s": 0},
    "lifetime": {"max_lifetime_s": 0},
    "ca": {"registration_ca": "not a certificate"},
    "ca of small order": {"registration_ca": SMALL_ORDER_CA},   # trust hunt 9
}


@pytest.fixture
def store(tmp_path):
    store = TrustStore(tmp_path / "home")
    store.add(write(tmp_path, agency_doc()))
    return store


def reason(store: TrustStore) -> str:
    ((_, why),) = store.damaged()
    return why


def assert_spanish(message: str) -> None:
    template = matches(message)
    assert template is not None, message
    said = in_owner_language(message)
    rest = said
    values = core_words._pattern(template).fullmatch(message).groupdict().values()
    for value in sorted(values, key=len, reverse=True):   # a reason before a number in it
        rest = rest.replace(value, "")   # the values, and an unknown nested reason, as written
    assert said != message and not ENGLISH.search(rest), (message, said)


@pytest.mark.parametrize("edit", sorted(EDITED))
def test_an_agency_file_edited_by_hand_says_why_in_spanish(spanish, store, edit):
    (kept,) = store.folder.glob("*.json")
    kept.write_text(json.dumps(agency_doc(**EDITED[edit])))
    assert_spanish(reason(store))


@pytest.mark.parametrize("edit", ["small order", "mixed order", "no point",
                                  "second spelling"])
def test_why_a_key_cannot_be_used_reads_in_spanish_to_its_end(spanish, store, edit):
    """The reason inside "key 1 in the agency file: {reason}" is the owner's to read too:
    why the key is no key (trust hunt 9), not only the sentence around it."""
    (kept,) = store.folder.glob("*.json")
    kept.write_text(json.dumps(agency_doc(**EDITED[edit])))
    said = in_owner_language(reason(store))
    assert said.startswith("la clave 1 del archivo de agencia: el campo 'x' de la clave "
                           "Ed25519 no se puede usar: "), said
    assert not ENGLISH.search(said.split("no se puede usar: ", 1)[1]), said


def test_a_copy_an_unreadable_or_a_huge_file_says_why_in_spanish(spanish, store):
    (kept,) = store.folder.glob("*.json")
    copy = store.folder / "copy of agency.json"
    copy.write_bytes(kept.read_bytes())
    assert_spanish(reason(store))
    copy.unlink()

    copy.mkdir()   # read as a file, it cannot be: the OS's own words, in Spanish too
    message = reason(store)
    assert_spanish(message)
    assert in_owner_language(message.split(": ", 1)[1]) != message.split(": ", 1)[1], message
    copy.rmdir()

    kept.write_bytes(b" " * (256 * 1024 + 1))
    assert_spanish(reason(store))


def test_settings_shows_a_damaged_files_reason_in_spanish(spanish, store):
    """The agencies panel put the reason for a copy or a damaged file on screen as the core
    wrote it; only a changed file's went through the owner's language."""
    from types import SimpleNamespace

    from PySide6.QtCore import QCoreApplication

    from agent.owner_records import DamagedAgencyFile
    from agent.requests.agency_files import is_copy
    from agent.requests.agency_changes import is_unaccepted
    from gui.widgets.agencies_panel import AgenciesPanel

    # the panel's own row for each, its words in its own translation context
    panel = SimpleNamespace(tr=lambda text: QCoreApplication.translate("AgenciesPanel", text))
    (kept,) = store.folder.glob("*.json")
    (store.folder / "copy.json").write_bytes(kept.read_bytes())
    kept.write_text(json.dumps(agency_doc(phone="call us")))
    rows = [AgenciesPanel._damaged_row(panel, DamagedAgencyFile(name, why, is_copy(why),
                                                                is_unaccepted(why)))
            for name, why in store.damaged()]
    assert len(rows) == 2
    for _, _, shown in rows:
        assert not re.search(r"\b(the|is|file|trusted|digits)\b", shown), shown
    assert any("importe de nuevo" in shown for _, _, shown in rows), rows


def test_a_file_listing_a_trusted_agencys_key_reads_in_spanish(spanish, store, tmp_path):
    from agent.requests.agencies import TrustStoreError
    from tests.test_agencies import P256, own_keys

    borrowed = {"keys": own_keys()["keys"] + [dict(P256)]}
    sheriff = write(tmp_path, agency_doc(id="https://sheriff.example.gov", name="Sheriff",
                                         keys=borrowed), "sheriff.json")
    with pytest.raises(TrustStoreError) as refused:
        store.change(sheriff)
    message = str(refused.value)
    assert_spanish(message)
    said = in_owner_language(message)
    assert "Example Police Department" in said and P256["kid"] in said, said


def test_two_agencies_sharing_a_key_read_in_spanish(spanish, tmp_path, monkeypatch):
    """A home an older version filled with two agencies listing one key: the refusal of a
    request signed with it, and Settings' mark on each agency, in the owner's language (the
    mark saying the app's button, not the command)."""
    from types import SimpleNamespace

    from frp.claims import Rejected
    from frp.request import verify_request
    from gui.widgets.agencies_panel import AgenciesPanel
    from tests.test_agency_shared_keys import POLICE_JWK, _as_sheriff, _older_home

    store = _older_home(tmp_path, tmp_path / "home", monkeypatch)
    with pytest.raises(Rejected) as refused:
        verify_request(_as_sheriff(tmp_path).read_text(), store, None, seen=lambda *a: False)
    assert_spanish(refused.value.reason)
    said = in_owner_language(refused.value.reason)
    assert "Example County Sheriff" in said and POLICE_JWK["kid"] in said, said
    panel = AgenciesPanel(SimpleNamespace(), lambda text: None)
    panel.list_agencies(store.list(), [])
    names = [panel.table.item(row, 0).text() for row in range(panel.table.rowCount())]
    assert names == ["\u26a0 Example County Sheriff", "\u26a0 Example Police Department"]
    shown = panel.shared.text().splitlines()
    assert not panel.shared.isHidden() and len(shown) == 2, shown
    for agency, line in zip(store.list(), shown):
        assert line.startswith(f"\u26a0 {agency.name} comparte la clave {POLICE_JWK['kid']}")
        assert "pulse Quitar la agencia" in line and "footage-agent" not in line, line
        assert not ENGLISH.search(line.replace(POLICE_JWK["kid"], "")), line
    panel.list_agencies(store.list()[:1], [])   # one of the two removed: nothing to say
    assert panel.shared.isHidden() and panel.table.item(0, 0).text() == "Example County Sheriff"


def test_a_receipt_signed_with_a_shared_key_reads_in_spanish(spanish, tmp_path, monkeypatch):
    """A delivery's receipt signed with a key two trusted agencies list (trust hunt 9,
    tests/test_receipt_shared_keys.py): why it is not taken reads in Spanish to its end, as
    the app says it after 'Try sending again'."""
    from frp.decision import ReceiptError, verify_receipt
    from portal.signers import sign_receipt
    from agent.requests.package_delivery import _untrusted
    from tests.test_agency_shared_keys import POLICE_JWK, POLICE_KEY, SHERIFF, _older_home

    store = _older_home(tmp_path, tmp_path / "home", monkeypatch)
    sheriff = store.get(SHERIFF)
    token = sign_receipt({"iss": SHERIFF, "request": "req-1", "sha256": "ab" * 32, "size": 1,
                          "received_at": "2026-12-07T20:00:00Z"}, POLICE_KEY, POLICE_JWK["kid"])
    with pytest.raises(ReceiptError) as refused:
        verify_receipt(token, sheriff, "ab" * 32, "req-1", store.list())
    said = in_owner_language(_untrusted(sheriff.name, "porch", refused.value))
    assert "pero su recibo no es de confianza (la clave que lo firmó (huella " in said, said
    assert ("también figura en Example Police Department (https://police.example.gov), en "
            "quien usted también confía") in said, said
    assert "no demuestra que lo firmara Example County Sheriff" in said, said
    assert not ENGLISH.search(said.replace(POLICE_JWK["kid"], "")), said
