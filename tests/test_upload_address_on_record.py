"""The upload address a delivery keeps on record (inbox.db) changed between runs, by another
program or a damaged disk: the real reference portal behind the fault proxy
(tests/fault_proxy.py), and a working tus server at another origin on loopback standing where
the changed address points. Nothing of the package, no call at all, may go to that origin; the
owner is told plainly what happened; approving again delivers to the agency's own address."""
from __future__ import annotations

import os
import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.fault_proxy import Rule  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_delivery_faults import World, footage  # noqa: E402,F401 - the module's footage
from tests.test_receipt_kept_damaged import (approve, two_camera_footage,  # noqa: E402
                                              two_camera_world)
from tests.test_upload import Hostile  # noqa: E402


@pytest.fixture
def world(tmp_path, footage, capsys):  # noqa: F811
    w = World(tmp_path, footage, capsys)
    try:
        yield w
    finally:
        w.close()


@pytest.fixture(scope="module")
def both_cameras(tmp_path_factory):
    return two_camera_footage(tmp_path_factory.mktemp("rec2"))


@pytest.fixture
def elsewhere():
    """A tus server that would take the package, at another origin than the agency's."""
    server = Hostile()
    try:
        yield server
    finally:
        server.close()


def uploaded_not_receipted(w: World) -> str:
    """Run 1 ends with the package uploaded whole and its submission not answered (a portal
    asking to wait an hour): the upload's address is on record. Returns it."""
    w.proxy.rules.append(Rule("POST", "/submissions", status=503, headers={"Retry-After": "3600"},
                              body=b'{"error": "unavailable", "detail": "maintenance"}'))
    code, _, err = w.approve()
    assert code == 1 and "busy or down" in err, err
    (d,) = w.show()["deliveries"]
    assert d["upload_url"].startswith(w.proxy.origin + "/"), d
    return d["upload_url"]


def changed_on_record(w: World, url: str) -> None:
    with sqlite3.connect(w.run.home / "inbox.db") as db:
        assert db.execute("UPDATE deliveries SET upload_url = ?", (url,)).rowcount == 1


def test_an_upload_address_changed_on_record_to_another_origin_is_never_used(world, elsewhere,
                                                                             spanish):
    """Seen: with the address on record changed to another origin's, approving again
    submitted it to the portal as the package's upload, and the portal's refusal was said as
    the agency's fault: 'portal refused (HTTP 400): upload_url is not on this portal (...). The
    package for yard was sent whole, but the agency's portal does not take it as sent ...:
    tell the agency', exit 3, on every approve, for ever. The address is now checked before
    anything uses it: forgotten, nothing sent anywhere, said plainly; approving again uploads
    the package afresh to the agency's address."""
    w = world
    kept = uploaded_not_receipted(w)
    foreign = elsewhere.endpoint + "/u1"
    changed_on_record(w, foreign)
    submitted = w.proxy.count("POST", "/submissions")

    code, _, err = w.approve()
    assert code == 1, err
    origin = elsewhere.endpoint.rsplit("/", 1)[0]
    assert f"the upload address on record for the package of yard ({origin}) is not on " \
           f"Example Police Department's upload server ({w.proxy.origin})" in err, err
    assert "Nothing was sent to that address" in err and "tell the agency" not in err, err
    assert err.count("approve it again") == 1, err
    assert elsewhere.requests == []   # no call of any kind went there
    assert w.proxy.count("POST", "/submissions") == submitted   # nor was it submitted
    (d,) = w.show()["deliveries"]
    assert d["upload_url"] is None and not d["receipt"], d
    (refused,) = [a for a in w.audit("upload") if a.get("status") == "address_refused"]
    assert refused["unused_url"] == foreign and refused["camera"] == "yard"

    # The app shows the same, in the owner's language, with its own button's words; its
    # activity log never says the package was sent there.
    from agent.service import Agent
    from gui.views import activity
    from gui.views import requests as request_words
    agent = Agent(w.run.home)
    try:
        said = request_words.reason(agent.requests.show(w.jti))
        (logged,) = [r for r in agent.activity() if r.data.get("status") == "address_refused"]
    finally:
        agent.close()
    assert f"«yard» ({origin}) no está en el servidor de envío" in said, said
    assert "«Intentar enviar de nuevo»" in said and "approve" not in said, said
    _, what, detail = activity.row(logged, "UTC")
    assert what == "Dirección de envío registrada que no es de la agencia: no se usó", what
    assert f"Dirección no usada: {foreign}" in detail and "Enviado" not in detail, detail

    w.proxy.rules.clear()   # the portal is back
    code, _, err = w.approve()
    assert code == 0, err
    assert w.show()["status"] == "delivered" and elsewhere.requests == []
    (d,) = w.show()["deliveries"]
    assert d["upload_url"].startswith(w.proxy.origin + "/") and d["upload_url"] != kept


@pytest.mark.parametrize("changed", ["no address", "http://user:pw@{host}/files/u1"])
def test_an_upload_address_on_record_no_upload_could_have_is_never_used(world, elsewhere,
                                                                        changed):
    """The same for what no creation's answer is ever kept as: text that is no address, and
    one on the agency's origin carrying a user name and password (sent, they would replace
    the registration's own authorisation)."""
    w = world
    uploaded_not_receipted(w)
    changed_on_record(w, changed.format(host=w.proxy.origin.split("//", 1)[1]))
    submitted = w.proxy.count("POST", "/submissions")
    code, _, err = w.approve()
    assert code == 1 and "Nothing was sent to that address" in err, err
    assert w.proxy.count("POST", "/submissions") == submitted
    w.proxy.rules.clear()
    code, _, err = w.approve()
    assert code == 0, err
    assert w.show()["status"] == "delivered"


def test_every_changed_address_is_forgotten_at_once(tmp_path, both_cameras, capsys, elsewhere):
    """Two cameras' addresses changed: both are forgotten by the one run that finds them (the
    first said, each logged), so one approve again sends both afresh."""
    with two_camera_world(tmp_path, both_cameras, capsys) as (run, proxy, jti):
        proxy.rules.append(Rule("POST", "/submissions", times=None, status=503,
                                headers={"Retry-After": "3600"},
                                body=b'{"error": "unavailable", "detail": "maintenance"}'))
        code, _, err = approve(run, jti)
        assert code == 1 and "busy or down" in err, err
        made = proxy.count("POST", "/files")   # the first camera's (the run stopped there)
        with sqlite3.connect(run.home / "inbox.db") as db:
            assert db.execute("UPDATE deliveries SET upload_url = ? || camera",
                              (elsewhere.endpoint + "/",)).rowcount == 2
        code, _, err = approve(run, jti)
        assert code == 1 and err.count("Nothing was sent to that address") == 1, err
        shown = run.json("inbox", "show", "--", jti)["deliveries"]
        assert [d["upload_url"] for d in shown] == [None, None], shown
        proxy.rules.clear()
        code, _, err = approve(run, jti)
        assert code == 0, err
        assert run.json("inbox", "show", "--", jti)["status"] == "delivered"
        assert elsewhere.requests == [] and proxy.count("POST", "/files") == made + 2
