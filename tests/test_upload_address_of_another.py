"""An upload address on the agency's own upload server, but of another package's upload
(another request's), kept as this package's: the saved progress in `uploads/` changed by
another program, a damaged disk or a backup put back. The real reference portal behind the
fault proxy (tests/test_delivery_faults.py's World), with two requests of one registration:
the portal takes the registration's calls to either's uploads, so the agent itself must not
send into, nor end, an upload that is not its package's (agent/delivery/owned.py)."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from portal.tus import open_storage  # noqa: E402
from tests.fault_proxy import Rule  # noqa: E402
from tests.test_delivery_faults import (T0, US, footage, refuse_one_patch,  # noqa: E402,F401
                                        world)

BUSY = b'{"error": "unavailable", "detail": "down for maintenance"}'


def other_request_uploaded(w) -> tuple[str, str]:
    """A second request of the same registration, approved, its package uploaded whole and
    its submission not answered yet (the portal busy): its id and its upload's address."""
    w.portal.create_request(w.reg, T0, T0 + 8 * US, "2026-78", "Det. Jane Roe",
                            cameras=("yard",), origin=w.proxy.origin)
    assert w.run("inbox", "sync")[0] == 0
    (other,) = [r["id"] for r in w.run.json("inbox") if r["id"] != w.jti]
    w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=503,
                              headers={"Retry-After": "3600"}, body=BUSY))
    code, _, err = w.run("approve", "--yes", "--progress", "none", "--", other)
    assert code == 1 and "busy or down" in err, err
    (d,) = w.run.json("inbox", "show", "--", other)["deliveries"]
    w.proxy.rules.clear()
    return other, d["upload_url"]


def saved_progress_pointed_at(w, url: str) -> None:
    """This request's upload begun and refused (its progress saved), then its saved address
    changed to `url`."""
    refuse_one_patch(w)
    (state,) = (w.run.home / "uploads").glob("*.json")
    saved = json.loads(state.read_text())
    assert saved["url"] != url
    state.write_text(json.dumps({**saved, "url": url}))


def intact(w, url: str) -> bool:
    upload = open_storage(w.portal).get_upload(url.rsplit("/", 1)[1])
    return upload is not None and upload["offset"] == upload["upload_length"]


def test_a_saved_address_of_another_requests_upload_is_never_sent_into_nor_ended(world):
    """Seen: approving again resumed at the other request's upload (its HEAD: as long as
    this package, all of it there), took it for this package's finished upload and submitted
    it: "portal refused (HTTP 409): that upload was made for another request. The agent forgot
    that upload: approve it again to upload the package afresh", exit 1 (an upload of another
    length was ended with DELETE instead). Now the server's own metadata of that upload (its
    sha256) shows it is not this package's: it is left alone, and this package goes up to a
    new upload."""
    w = world
    other, theirs = other_request_uploaded(w)
    saved_progress_pointed_at(w, theirs)
    patches, deletes = w.proxy.count("PATCH"), w.proxy.count("DELETE")

    code, _, err = w.approve()
    assert code == 0, err
    assert intact(w, theirs), "the other request's upload was ended or written into"
    assert w.proxy.count("DELETE") == deletes
    (d,) = w.show()["deliveries"]
    assert w.show()["status"] == "delivered" and d["upload_url"] != theirs
    assert w.proxy.count("PATCH") > patches   # sent whole to its own new upload

    made = w.proxy.count("POST", "/files")
    code, _, err = w.run("approve", "--yes", "--progress", "none", "--", other)
    assert code == 0, err   # the other request delivers the upload it had, sending nothing
    assert w.run.json("inbox", "show", "--", other)["status"] == "delivered"
    assert w.proxy.count("POST", "/files") == made


def test_declining_with_a_saved_address_of_another_requests_upload_does_not_delete_it(world):
    """Seen: declining the request after approving it withdrew its upload by the saved
    address, and the tus termination (DELETE) ended the other request's upload. Now it is
    forgotten, never deleted, and the log says so."""
    w = world
    other, theirs = other_request_uploaded(w)
    saved_progress_pointed_at(w, theirs)

    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    assert code == 0, err
    assert intact(w, theirs), "the other request's upload was deleted"
    assert not list((w.run.home / "uploads").glob("*.json"))   # forgotten all the same
    (withdrawn,) = [a for a in w.audit("upload") if a.get("status") == "withdrawn"]
    assert withdrawn["not_this_package"] == [theirs] and theirs not in withdrawn["urls"]
    from agent.service import Agent
    from gui.views import activity
    agent = Agent(w.run.home)
    try:   # the app's activity log says it in words, not by the record's key
        (logged,) = [r for r in agent.activity() if r.data.get("status") == "withdrawn"]
    finally:
        agent.close()
    _, _, detail = activity.row(logged, "UTC")
    assert "Another package's upload, left alone: http" in detail, detail

    code, _, err = w.run("approve", "--yes", "--progress", "none", "--", other)
    assert code == 0, err
    assert w.run.json("inbox", "show", "--", other)["status"] == "delivered"


def test_declining_with_an_address_on_record_of_another_requests_upload_does_not_delete_it(
        world):
    """The same for a finished upload's address kept in inbox.db: the decline ends the
    upload before it asks the portal whether it was received (cli.md), and that DELETE went to
    the other request's upload."""
    import sqlite3

    w = world
    other, theirs = other_request_uploaded(w)
    w.proxy.rules.append(Rule("POST", "/submissions", times=None, status=503,
                              headers={"Retry-After": "3600"}, body=BUSY))
    code, _, err = w.approve()
    assert code == 1 and "busy or down" in err, err
    w.proxy.rules.clear()
    with sqlite3.connect(w.run.home / "inbox.db") as db:
        assert db.execute("UPDATE deliveries SET upload_url = ? WHERE upload_url != ?",
                          (theirs, theirs)).rowcount == 1

    code, _, err = w.run("decline", "--reason", "changed my mind", "--", w.jti)
    assert code == 0 and w.show()["status"] == "declined", err
    assert intact(w, theirs), "the other request's upload was deleted"
    code, _, err = w.run("approve", "--yes", "--progress", "none", "--", other)
    assert code == 0, err
    assert w.run.json("inbox", "show", "--", other)["status"] == "delivered"
