"""Answers an owner meets in the app that reached it in English (a hunt ran every `raise`
under agent/ through core_words with the Spanish catalogue): a recorder's answers to a search
or a download and its password not to be had, a safe copy that cannot be made, read or
removed, and a portal cut off or holding other bytes. Each message is made by the agent's own
code where it can be; every part of it must be a known sentence, read in Spanish with its
values kept (tests/test_gui_core_words_refusals.py reads the others the same way; the rest of
this hunt's are in tests/test_gui_core_words_owner_changes.py)."""
from __future__ import annotations

import errno
import os
import re
import types
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.recorders import reolink_answers  # noqa: E402
from agent.recorders import fetch  # noqa: E402
from agent.recorders.credentials import CredentialError, CredentialStore  # noqa: E402
from agent.recorders.model import DeviceBusy, NoReply  # noqa: E402
from agent.requests import holds, package_delivery  # noqa: E402
from agent.requests.portal_answers import PortalError, read_capped  # noqa: E402
from frp.agency import Agency  # noqa: E402
from frp.jws import public_jwk  # noqa: E402
from portal.signers import sign_receipt  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import _values, spanish_of  # noqa: E402
from tests.test_gui_core_words_refusals import read_in_spanish  # noqa: E402

WHERE = "https://192.168.1.20"


def reads_in_spanish(message: str, *kept: str) -> str:
    """The Spanish the app shows for `message`: one known sentence whole (its own words may
    hold a join), or a known sentence between each join."""
    said = in_owner_language(message)
    assert said == _expected(message) and said != message
    assert all(value in said for value in kept)
    return said


def _expected(message: str) -> str:
    """Each known sentence of `message` in Spanish: the whole, or a head before ": " and the
    sentence after it (the OS's words hold a join of their own), or one between each join."""
    whole = matches(message)
    if whole is not None:   # a reason inside it is a sentence of its own, read in turn
        values = _values(whole, message)
        if "reason" in values:   # (the words of a check's problem stay as written)
            reason = values["reason"]
            values["reason"] = reason if matches(reason) is None and ": " not in reason \
                else _expected(reason)
        said = spanish_of(whole, **values)
        if message[:1].isupper() and whole[:1].islower():   # as the app capitalises it
            said = said[:1].upper() + said[1:]
        return said
    for join in re.finditer(r": |; ", message):   # a known sentence after a join
        head, tail = message[:join.start()], message[join.end():]
        if matches(tail) is not None:
            return _expected(head) + join.group() + _expected(tail)
    head, _, tail = message.partition(": ")
    if tail and matches(head) is not None:   # the other side's own words after it are kept
        return _expected(head) + ": " + (tail if matches(tail) is None else _expected(tail))
    return read_in_spanish(message)


@pytest.mark.parametrize("body, kept", [
    (b"<html>not json</html>", "HTTP 502"), (b'[{"error": {"rspCode": -221}}]', ""),
    (b'[{"error": {"rspCode": -222}}]', ""),
    (b'[{"error": {"rspCode": -9, "detail": "not support"}}]', "not support")])
def test_a_reolinks_refused_download_reads_in_spanish(spanish, body, kept):
    message = str(reolink_answers.refusal(502, httpx.Headers(), body))
    said = reads_in_spanish(message, kept)
    assert "recorder" not in said


@pytest.mark.parametrize("err", [reolink_answers.Split(3), NoReply("cut off")],
                         ids=["split", "no-reply"])
def test_a_cut_a_reolink_cannot_give_whole_either_reads_in_spanish(spanish, err):
    message = reolink_answers.nothing_instead(WHERE, err)
    said = reads_in_spanish(message)
    assert "Reolink" in said and "firmware update" not in said
    assert (" 3 " in said) == isinstance(err, reolink_answers.Split)


@pytest.mark.parametrize("message", [
    reolink_answers.BACKWARDS, str(reolink_answers.Split(2)),
    # raised inline by hikvision.py's search and reolink.py's _cmd (a device that never
    # ends its pages, or ends every session): the words as they are written there
    "The recorder's search never ended.", f"The recorder at {WHERE} keeps ending the session.",
    "The recorder has no footage for that time any more."])
def test_a_recorders_other_answers_read_in_spanish(spanish, message):
    reads_in_spanish(message)


def test_a_recorders_download_the_disk_has_no_room_for_reads_in_spanish(spanish, tmp_path):
    spec = fetch.Download("GET", "/cgi-bin/api.cgi", {}, 1, 0, 10**6, "clip.mp4",
                          expected_size=10**18)   # an hour's recording, bigger than any disk
    with pytest.raises(fetch.DownloadFailed) as caught:
        fetch._check_room(tmp_path, spec)
    said = reads_in_spanish(str(caught.value), str(tmp_path), f"{10**18:,}")
    assert "Libere espacio" in said


class RefusingKeychain:
    """A system keychain that refuses (locked, or its service not running): none runs here."""

    def set_password(self, *_a):
        raise RuntimeError("locked")

    get_password = set_password


@pytest.mark.parametrize("how", ["none kept", "not kept", "not given"])
def test_a_recorders_password_not_to_be_had_reads_in_spanish(spanish, tmp_path, how):
    if how == "none kept":   # the encrypted file holds no password for it
        store = CredentialStore(tmp_path, keyring_backend=False)
        call = lambda: store.load("recorder-1")  # noqa: E731
    else:
        store = CredentialStore(tmp_path, keyring_backend=RefusingKeychain())
        call = (lambda: store.save("recorder-1", "secret")) if how == "not kept" \
            else (lambda: store.load("recorder-1"))
    with pytest.raises(CredentialError) as caught:
        call()
    said = reads_in_spanish(str(caught.value))
    assert "contraseña" in said and "password" not in said


# a safe copy that could not be made, read or removed ---------------------------------------
def hold_refusal(call) -> str:
    with pytest.raises(holds.HoldError) as caught:
        call()
    return str(caught.value)


def test_a_hold_record_that_cannot_be_read_reads_in_spanish(spanish, agent):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    record = hold.path / holds.RECORD
    record.unlink()
    record.mkdir()   # a folder where the record was: the OS's own refusal
    message = hold_refusal(lambda: holds.read_hold(agent.home, "req-1"))
    reads_in_spanish(message, str(record))


@pytest.mark.parametrize("failure", [
    OSError(errno.EIO, os.strerror(errno.EIO), "/media/card/porch.mp4"),
    DeviceBusy("The recorder is busy with another download.")], ids=["disk", "recorder"])
def test_a_hold_whose_copies_failed_reads_in_spanish(spanish, agent, monkeypatch, failure):
    def failing(*_a, **_k):
        raise failure

    monkeypatch.setattr(holds, "copy_recordings", failing)
    message = hold_refusal(lambda: holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6))
    said = reads_in_spanish(message)
    assert ("/media/card/porch.mp4" in said) == isinstance(failure, OSError)


def test_a_hold_refused_for_another_card_in_the_slot_reads_in_spanish(spanish, agent,
                                                                     tmp_path):
    from demo.samples import make_recordings
    card = tmp_path / "card"
    make_recordings(card, "blue-iris", "porch", 0, 1, 2.0, fps=10)
    agent.add_source(card, camera="porch", tz="UTC")
    agent.scan()
    card.rename(tmp_path / "own-card")   # another camera's card in its slot
    make_recordings(card, "blue-iris", "porch", 0, 1, 3.0, fps=10)
    message = hold_refusal(lambda: holds.make_hold(agent.home, agent.store, "req-1", 0,
                                                   10**7))
    reads_in_spanish(message, str(card))


def test_a_hold_that_cannot_be_removed_reads_in_spanish(spanish, agent, monkeypatch):
    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)

    def busy(path, *_a, **_k):   # Windows: a scanner holding a copy open
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(path))

    monkeypatch.setattr(holds.os, "rename", busy)   # moved aside before it is removed
    message = hold_refusal(lambda: holds.release(agent.home, "req-1"))
    reads_in_spanish(message, str(hold.path))


# a portal cut off, or holding other bytes than the package's -------------------------------
class Breaking(httpx.SyncByteStream):
    """An answer's body that breaks off after its first piece, as `failure`."""

    def __init__(self, failure: httpx.HTTPError) -> None:
        self.failure = failure

    def __iter__(self):
        yield b'{"requests": ['
        raise self.failure


POLICE = Agency(id="https://pd.example", name="Springfield PD", phone="", keys=(),
                portal="https://pd.example", upload_origins=())


@pytest.mark.parametrize("failure", [httpx.ReadTimeout("timed out"),
                                     httpx.RemoteProtocolError("peer closed connection")],
                         ids=["stopped", "broke-off"])
def test_a_portal_answer_cut_off_part_way_reads_in_spanish(spanish, failure):
    answer = httpx.Response(200, stream=Breaking(failure))
    with pytest.raises(PortalError) as caught:
        read_capped(answer, 1 << 20, POLICE)
    said = reads_in_spanish(str(caught.value), "Springfield PD")
    assert "part way" not in said and "broke off" not in said
    assert ("peer closed connection" in said) == ("broke" in str(caught.value))


@pytest.mark.parametrize("other", ["size", "bytes"])
def test_a_receipt_for_other_bytes_than_the_package_reads_in_spanish(spanish, other):
    """A genuine receipt (the agency's key, this request) naming another size or other bytes
    (test_delivery_faults makes the portal send one): the upload is forgotten."""
    key = Ed25519PrivateKey.generate()
    jwk = public_jwk(key)
    agency = replace(POLICE, keys=(jwk,))
    sent = types.SimpleNamespace(camera="yard", sha256="ab" * 32, size=1_048_576,
                                 upload_url="https://pd.example/files/1", package="/p/yard")
    token = sign_receipt({"iss": agency.id, "request": "req-1",
                          "sha256": "cd" * 32 if other == "bytes" else sent.sha256,
                          "size": 1000, "received_at": "2026-12-07T15:00:00Z"}, key, jwk["kid"])
    step = types.SimpleNamespace(
        agency=agency, request=types.SimpleNamespace(id="req-1"), bearer="token", cancel=None,
        portal=types.SimpleNamespace(post_submission=lambda *_a, **_k: token), trusted=())
    with pytest.raises(package_delivery._UploadGone) as caught:
        package_delivery._receipt(step, sent)
    message = package_delivery.forgotten(str(caught.value))   # what the delivery says then
    said = reads_in_spanish(message, "Springfield PD", "«yard»", "1,048,576")
    assert "received" not in said and "forgot" not in said


@pytest.mark.parametrize("how", ["busy", "disk", "earlier", "edited"])
def test_a_hold_that_cannot_be_added_to_reads_in_spanish(spanish, agent, monkeypatch, how):
    """Holds hunt: holding a request held already adds what was indexed since
    (hold_top_up.py); each refusal the app can show reads in the owner's language."""
    import json

    from agent.requests import hold_top_up

    hold = holds.make_hold(agent.home, agent.store, "req-1", 0, 10**6)
    call = lambda: hold_top_up.hold_window(agent.home, agent.store, "req-1", 0, 10**6)  # noqa: E731
    if how == "busy":
        with hold_top_up.one_at_a_time(agent.home, "req-1"):
            reads_in_spanish(hold_refusal(call))
        return
    if how == "disk":
        row = types.SimpleNamespace(path="/media/card/porch.mp4", status="ok",
                                    camera="porch")   # indexed since
        monkeypatch.setattr(hold_top_up, "missing_rows", lambda *a: [row])
        monkeypatch.setattr(hold_top_up, "copy_problem", lambda *a: None)

        def failing(*_a, **_k):
            raise OSError(errno.EIO, os.strerror(errno.EIO), "/media/card/porch.mp4")
        monkeypatch.setattr(hold_top_up, "copy_recordings", failing)
        reads_in_spanish(hold_refusal(call), "/media/card/porch.mp4")
        return
    doc = json.loads((hold.path / holds.RECORD).read_text())
    if how == "earlier":
        del doc["placed"]
    else:
        doc["placed"] = {"porch": {"zone": "UTC"}}
    (hold.path / holds.RECORD).write_text(json.dumps(doc))
    said = reads_in_spanish(hold_refusal(call), str(hold.path))
    assert "footage-agent writes it" not in said and "earlier version" not in said
