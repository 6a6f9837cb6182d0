"""A package the portal stored whose receipt was lost on the way, then made again for another
reason (the camera's privacy masks changed, the owner key rotated): the portal is asked for the
receipt first, without delivering anything by asking, so nothing the agency holds is withdrawn or
sent twice. Against the real reference portal and its tus server behind the fault proxy
(tests/test_delivery_faults.py's World)."""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.requests import portal_retries
from frp.jws import parse_compact
from tests.fault_proxy import Rule
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_delivery_faults import footage, package_folder, tar_file, world  # noqa: F401

AREA = [[0.0, 0.5], [0.5, 0.5], [0.5, 1.0], [0.0, 1.0]]


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch):
    monkeypatch.setattr(portal_retries, "PORTAL_BACKOFF",
                        replace(portal_retries.PORTAL_BACKOFF, base_s=0.01))


def _answers_lost(w, forwarded: bool = True) -> None:
    """Every submission is answered 502 by the web server in front of the portal: after the
    portal stored it (`forwarded`), or without it ever reaching the portal."""
    if forwarded:
        w.proxy.rules.append(Rule("POST", "/submissions", times=None,
                                  after=lambda status, headers, body: (502, [], b"Bad Gateway")))
    else:
        w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=502,
                                  body=b"Bad Gateway"))
    code, _, err = w.approve()
    assert code == 1 and "busy or down" in err, err
    w.proxy.rules.clear()


def _mask_yard(w) -> None:
    path = w.run.home.parent / "mask.json"
    path.write_text(json.dumps({"polygons": [{"points": AREA}]}))
    code, _, err = w.run("masks", "set", "yard", str(path))
    assert code == 0, err


def test_masks_drawn_after_a_stored_package_whose_receipt_was_lost_deliver_it(world):
    """Seen: the next approve cut the package again with the new mask, withdrew the finished
    upload the portal had stored, and uploaded the new one: refused, exit 3 "received a package
    for yard for this request already (sent from another copy of this app's folder ...)
    Approving again cannot change that", a story that was not true, and the receipt the portal
    held for this home's package never fetched."""
    w = world
    _answers_lost(w)
    (stored,) = w.portal.submissions()
    uploads = w.proxy.count("POST", "/files")
    _mask_yard(w)

    code, _, err = w.approve()
    assert code == 0, err
    shown = w.show()
    assert shown["status"] == "delivered"
    (d,) = shown["deliveries"]
    assert parse_compact(d["receipt_token"]).claims["sha256"] == stored["sha256"] == d["sha256"]
    assert w.proxy.count("POST", "/files") == uploads   # nothing sent again
    assert len(w.portal.submissions()) == 1


def test_masks_drawn_after_an_upload_never_submitted_send_only_the_masked_package(world):
    """The question for the receipt must not itself deliver the package cut before the mask:
    the upload is ended first, so a portal that never stored it has nothing left to take."""
    w = world
    _answers_lost(w, forwarded=False)
    assert w.portal.submissions() == []
    (before,) = w.show()["deliveries"]
    _mask_yard(w)

    code, _, err = w.approve()
    assert code == 0, err
    (d,) = w.show()["deliveries"]
    assert d["sha256"] != before["sha256"]
    (sub,) = w.portal.submissions()
    assert sub["sha256"] == d["sha256"] and sub["ok"], sub["checks"]


def test_a_key_rotated_after_a_stored_package_whose_receipt_was_lost_delivers_it(world):
    """Seen: the package, signed by the key before the rotation, was set aside as
    `.another-key-TIME` and its stored upload withdrawn; the one signed anew was refused
    (already_received), exit 3, the request `failed` for good."""
    w = world
    _answers_lost(w)
    (stored,) = w.portal.submissions()
    code, _, err = w.run("keys", "rotate")
    assert code == 0, err

    code, _, err = w.approve()
    assert code == 0, err
    (d,) = w.show()["deliveries"]
    assert w.show()["status"] == "delivered"
    assert parse_compact(d["receipt_token"]).claims["sha256"] == stored["sha256"]
    assert not list((w.run.home / "packages").glob("*/*.another-key-*"))
    assert len(w.portal.submissions()) == 1


def test_an_upload_server_that_cannot_end_the_upload_leaves_it_on_record(world, spanish):
    """Asked without ending the upload first, the question would deliver the package cut before
    the mask; forgotten, a portal that stored it would refuse the new one for good."""
    from gui.views.core_words import in_owner_language

    w = world
    _answers_lost(w)
    (before,) = w.show()["deliveries"]
    _mask_yard(w)
    w.proxy.rules.append(Rule("DELETE", "/files/", times=None, status=503))
    code, _, err = w.approve()
    assert code == 1 and "could not be reached to take back the earlier upload of yard" in err
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())
    assert "no se pudo contactar con el servidor de subida" in said and "yard" in said, said
    (kept,) = w.show()["deliveries"]
    assert kept["upload_url"] == before["upload_url"]
    w.proxy.rules.clear()

    code, _, err = w.approve()
    assert code == 0, err
    assert len(w.portal.submissions()) == 1 and w.show()["status"] == "delivered"


def test_a_package_folder_changed_after_its_stored_upload_lost_its_receipt_is_delivered(world):
    """Seen: the folder no longer verified (a clip changed by hand, its tar tidied away), so it
    was set aside and its stored upload withdrawn unasked; the next approve cut it again and
    was refused (already_received), exit 3, the request `failed` for good. The agency holds
    the package as it was sealed: its receipt is what the owner needs."""
    w = world
    _answers_lost(w)
    (stored,) = w.portal.submissions()
    folder = package_folder(w)
    tar_file(w).unlink()
    clip = next((folder / "data").glob("*.mp4"))
    data = bytearray(clip.read_bytes())
    data[len(data) // 2] ^= 0xFF
    clip.write_bytes(bytes(data))

    code, _, err = w.approve()
    assert code == 0, err
    (d,) = w.show()["deliveries"]
    assert w.show()["status"] == "delivered"
    assert parse_compact(d["receipt_token"]).claims["sha256"] == stored["sha256"]
    assert len(w.portal.submissions()) == 1


def test_a_deleted_package_never_submitted_is_cut_again_with_the_masks_drawn_since(world):
    """Seen: the package folder and tar deleted by hand, then a mask drawn: what the earlier
    upload holds could no longer be read, and the agent submitted it as it was, so the agency
    received the area the owner had masked since, in the clear, though the request's page
    showed it masked. Asked without delivering, a portal that never stored it takes nothing,
    and the footage is cut again with the camera's masks now."""
    w = world
    _answers_lost(w, forwarded=False)
    (before,) = w.show()["deliveries"]
    shutil.rmtree(package_folder(w))
    tar_file(w).unlink()
    _mask_yard(w)

    code, _, err = w.approve()
    assert code == 0, err
    (d,) = w.show()["deliveries"]
    (sub,) = w.portal.submissions()
    assert sub["sha256"] == d["sha256"] != before["sha256"]
    record = json.loads((Path(d["package"]) / "data" / "provenance.json").read_text())
    (masked,) = [r for r in record["redactions"] if r["kind"] == "privacy-mask"]
    assert [p["points"] for p in masked["polygons"]] == [AREA]
