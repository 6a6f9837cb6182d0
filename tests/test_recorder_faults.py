"""The issue's bad input, against the simulator: a wrong password (a clear message, nothing
kept, tried once), an unreachable device, garbage answers, a download shorter than promised
(retried, then refused), a password changed on the device and a changed certificate (no more
refreshing until the owner fixes it), and an offline recorder, which keeps its mirrored rows,
marked stale, and never costs a local row."""
from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from agent.errors import AgentError, Refusal
from agent.events import ScanFinished
from agent.index import mirror
from agent.recorders import fetch as fetch_module
from agent.recorders import credentials
from agent.recorders.credentials import FILE_NAME
from agent.recorders.model import BadAnswer, CredentialsRefused, DownloadFailed, RecorderUnreachable
from agent.service import Agent
from agent.timebase import US, format_local
from agent.views import RecorderAddress
from demo.samples import make_recordings
from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, T0, agent, recent_footage
from tests.recorder_support import VENDORS
from tests.test_safety_network import reply, serving

# How a passphrase is stretched is not what these tests are about (tests/test_keys.py).
pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def address(sim: Simulator, agent: Agent, vendor: str, **kw) -> RecorderAddress:
    fingerprint = kw.pop("fingerprint", None) or agent.look_at_recorder(sim.url)
    return RecorderAddress(sim.url, vendor, "admin", fingerprint, "UTC" if vendor == "dahua" else None, **kw)


def remote_rows(agent: Agent) -> list:
    return [r for r in agent.recordings() if r.status == "remote"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_wrong_password_is_refused_once_clearly_and_nothing_is_kept(vendor, agent, recent_footage):
    with Simulator(recent_footage, vendor, "admin", PASSWORD, tls=True) as sim:
        with pytest.raises(CredentialsRefused) as refused:
            agent.add_recorder(address(sim, agent, vendor), "wrong-guess-123")
        assert sim.device.failures == 1 and not sim.device.locked
    assert "refused the user name or password" in str(refused.value)
    assert "wrong-guess" not in str(refused.value)
    assert agent.sources() == [] and agent.recorders() == []
    assert not (agent.home / FILE_NAME).exists()
    log = agent.home / "audit.log"
    assert not log.exists() or "recorder-added" not in log.read_text()


def test_an_https_recorder_not_answering_its_first_look_is_said_in_plain_words(
        agent, recent_footage):
    """The docs hunt: the certificate's first look at a recorder that refused the connection
    said 'No answer from 127.0.0.1:PORT ([Errno 111] Connection refused).', the tag cli.md
    says no message carries, and not as every later call (and the app's Spanish) words it."""
    sim = Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True)
    port = sim.port
    sim.stop()
    with pytest.raises(RecorderUnreachable) as unreachable:
        agent.look_at_recorder(f"https://127.0.0.1:{port}")
    said = str(unreachable.value)
    assert said.startswith(f"Could not reach the recorder at 127.0.0.1:{port} (")
    assert "Check that it is on and the address is right" in said and "Errno" not in said
    # the system's own English ("Connection refused") was the reason: now os_words' plain words
    assert "Connection refused" not in said and "the connection was refused" in said, said


def test_an_unreachable_recorder_is_named_and_nothing_is_kept(agent, recent_footage):
    sim = Simulator(recent_footage, "dahua", "admin", PASSWORD)
    port = sim.port
    sim.stop()
    with pytest.raises(RecorderUnreachable, match=f"Could not reach the recorder at 127.0.0.1:{port}"):
        agent.add_recorder(RecorderAddress(f"http://127.0.0.1:{port}", "dahua", "admin", zone="UTC"),
                           PASSWORD)
    assert agent.sources() == []


def test_a_taken_camera_name_is_refused_and_nothing_is_kept(agent, recent_footage, tmp_path):
    make_recordings(tmp_path / "porch", "blue-iris", "porch", T0, 1, 2.0)
    agent.add_source(tmp_path / "porch", camera="porch")
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        with pytest.raises(Refusal, match="'porch' exists already"):
            agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr",
                               cameras=("drive", "porch"))
    assert [s.camera for s in agent.sources()] == ["porch"] and agent.recorders() == []


def test_an_offline_recorder_keeps_its_rows_stale_backs_off_and_never_costs_a_local_row(
        agent, recent_footage, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "America/Los_Angeles")   # when it was mirrored: this PC's clock
    make_recordings(tmp_path / "porch", "blue-iris", "porch", T0, 2, 2.0)
    agent.scan([str(tmp_path / "porch")], tz="UTC")
    local = [r for r in agent.recordings() if r.status != "remote"]
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        added = agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
    assert added.report.seen == 4 and not added.report.problems
    mirrored = remote_rows(agent)
    # The simulator is gone: a scan says so, keeps every row, and marks the recorder's stale.
    (folder, recorder) = agent.scan()
    assert recorder.problems and "Could not reach the recorder" in recorder.problems[0]
    assert [r for r in agent.recordings() if r.status != "remote"] == local
    now = remote_rows(agent)
    assert [(r.path, r.start_us, r.end_us) for r in now] == [(r.path, r.start_us, r.end_us)
                                                               for r in mirrored]
    assert all(r.reason.startswith("mirrored ") and "could not be asked since" in r.reason for r in now)
    (rec,) = agent.recorders()
    when = format_local(rec.refreshed_us, "America/Los_Angeles")
    assert all(r.reason.startswith(f"mirrored at {when}; ") for r in now), now[0].reason
    assert agent.coverage("nvr/Driveway", T0, T0 + 30 * US).covered_us == 30 * US
    (rec,) = agent.recorders()
    assert rec.state == "offline" and rec.failures == 1
    first_wait = rec.next_us
    # run's loop asks it only when due, and waits longer after each failure.
    assert agent.refresh_due_recorders() == 0
    agent.store.recorders.postpone(rec.source_id, 0)
    assert agent.refresh_due_recorders() == 1
    (rec,) = agent.recorders()
    assert rec.failures == 2
    assert rec.next_us - first_wait > (mirror.FIRST_RETRY_S - 5) * US


def test_garbage_answers_are_named_and_the_rows_stay(agent, recent_footage):
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "reolink"), PASSWORD, name="nvr")
        before = remote_rows(agent)
        sim.device.faults.add("garbage")
        (report,) = agent.scan()
    assert "does not answer as a Reolink recorder" in report.problems[0]
    assert [r.path for r in remote_rows(agent)] == [r.path for r in before]
    assert agent.recorders()[0].state == "offline"
    assert issubclass(BadAnswer, AgentError)


def test_a_download_short_every_time_is_retried_then_refused_and_nothing_is_left(
        agent, recent_footage, tmp_path):
    with Simulator(recent_footage, "dahua", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "dahua"), PASSWORD, name="nvr")
        sim.device.faults.add("short")
        with pytest.raises(DownloadFailed, match="3 times; the download was refused"):
            agent.export("nvr/Driveway", T0 + 2 * US, T0 + 6 * US, tmp_path / "out")
        assert sim.device.downloads_started == 3
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert list((agent.home / "cache" / "recorders").iterdir()) == []


def test_a_password_changed_on_the_device_stops_refreshing_until_the_owner_fixes_it(
        agent, recent_footage, monkeypatch):
    monkeypatch.setattr(fetch_module, "BUSY_WAIT_S", 0.01)
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        sim.device.password = "changed on the device"
        (report,) = agent.scan()
        assert sim.device.failures == 1 and "refused:" in report.problems[0]
        events = []
        agent.subscribe(events.append)
        (report,) = agent.scan()   # not asked again: recorders lock out after a few tries
        assert sim.device.failures == 1 and "add it again" in report.problems[0]
        # Said to the app as each scan finds it (its line above every page, after a restart
        # too), in the words Settings has for how it stands.
        (finished,) = [e for e in events if isinstance(e, ScanFinished)]
        assert finished.recorder_state == "refused"
        assert finished.problems == (agent.recorder_state_words(agent.recorders()[0]),)
        agent.store.recorders.postpone(agent.recorders()[0].source_id, 0)
        assert agent.refresh_due_recorders() == 0 and sim.device.failures == 1
        assert len(remote_rows(agent)) == 4
        # The owner adds it again with the new password: refreshing goes on.
        agent.add_recorder(address(sim, agent, "hikvision"), "changed on the device")
    (rec,) = agent.recorders()
    assert rec.state == "ok" and rec.failures == 0
    assert all(r.reason is None for r in remote_rows(agent))


def test_a_changed_certificate_is_refused_with_an_explanation(agent, recent_footage):
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        rec = agent.recorders()[0]
        # As if the device were replaced: another certificate than the one pinned.
        agent.store.recorders.set_address(rec.source_id, address(sim, agent, "hikvision",
                                                                 fingerprint="ab" * 32))
        (report,) = agent.scan()
        before = sim.device.log[:]
        (report_again,) = agent.scan()
        assert sim.device.log == before   # refused: not asked again
    assert "certificate" in report.problems[0] and agent.recorders()[0].state == "refused"
    assert len(remote_rows(agent)) == 4


def test_a_refresh_failing_on_this_computer_costs_only_its_own_recorder(
        agent, recent_footage, caplog, monkeypatch):
    """Seen: an unexpected error (here the index refusing the first recorder's rows, from a
    real SQLite trigger) on one recorder skipped every recorder after it, every tick of `run`."""
    # How passwords are kept is not what this is about: a cheap scrypt saves 5 s of the suite.
    monkeypatch.setattr(credentials, "SCRYPT_N", 1 << 10)
    sims = [Simulator(recent_footage, "dahua", "admin", PASSWORD).start() for _ in range(3)]

    def refuse(trigger: str) -> None:
        for rec in agent.recorders():
            agent.store.recorders.postpone(rec.source_id, 0)   # all due
        with closing(sqlite3.connect(agent.home / "index.db")) as db:
            db.execute(trigger + " BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
            db.commit()
    try:
        for n, sim in enumerate(sims):
            agent.add_recorder(RecorderAddress(sim.url, "dahua", "admin", zone="UTC"), PASSWORD,
                               name=f"nvr{n}")
        first, *others = agent.recorders()
        rows = remote_rows(agent)
        refuse(f"CREATE TRIGGER refuse BEFORE INSERT ON files WHEN NEW.source_id = {first.source_id}")
        events = []
        agent.subscribe(events.append)
        asked_us = time.time_ns() // 1000
        assert agent.refresh_due_recorders() == 3   # the others are still asked
        failed, *refreshed = agent.recorders()
        # When the index cannot even note the failure, the others are still asked too.
        refuse(f"CREATE TRIGGER stuck BEFORE UPDATE ON recorders WHEN OLD.source_id = {first.source_id}")
        assert agent.refresh_due_recorders() == 3
        again = agent.recorders()
    finally:
        for sim in sims:
            sim.stop()
    assert [r.state for r in refreshed] == ["ok", "ok"]
    assert all(r.refreshed_us > o.refreshed_us for r, o in zip(refreshed, others))
    assert failed.state == "offline" and failed.failures == 1 and failed.problem == mirror.FAILED_HERE
    assert failed.next_us >= asked_us + mirror.FIRST_RETRY_S * US   # not asked each tick
    assert "disk trouble" not in failed.problem and "Error" not in failed.problem
    assert agent.recorder_state_words(failed).startswith(mirror.FAILED_HERE)   # not "not answering"
    assert [r.path for r in remote_rows(agent)] == [r.path for r in rows]   # nothing lost
    assert all("could not be asked since" in r.reason for r in remote_rows(agent)
               if r.source_id == first.source_id)
    assert [(e.problems, e.recorder_state) for e in events if isinstance(e, ScanFinished)][:3] == [
        ((agent.recorder_state_words(failed),), "offline"), ((), "ok"), ((), "ok")]
    assert any(first.url in r.getMessage() and r.exc_info for r in caplog.records)
    assert [r.refreshed_us > o.refreshed_us for r, o in zip(again[1:], refreshed)] == [True, True]


def test_a_refresh_timed_by_a_clock_that_ran_ahead_comes_when_the_clock_is_put_right(
        agent, recent_footage):
    # Days hunt: when to ask a recorder next is kept as a time of this PC's clock. A PC whose
    # clock ran hours ahead (Windows after Linux, which keeps the hardware clock in UTC; a flat
    # motherboard battery) and is then put right by the time service kept every recorder
    # unasked until the clock caught up: hours of new recordings missing from the index, and
    # the whole re-read that finds recordings the device overwrote put off as long.
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "reolink"), PASSWORD, name="nvr")
        (rec,) = agent.recorders()
        assert agent.refresh_due_recorders() == 0   # asked just now: not due
        ahead = 8 * 3600 * US   # as the refresh would have set them eight hours ahead
        with closing(sqlite3.connect(agent.home / "index.db")) as db, db:
            db.execute("UPDATE recorders SET next_us=?, full_us=?, refreshed_us=?",
                       (rec.next_us + ahead, rec.full_us + ahead, rec.refreshed_us + ahead))
        assert agent.refresh_due_recorders() == 1
        (after,) = agent.recorders()
    assert after.state == "ok" and after.failures == 0
    assert after.full_us <= time.time_ns() // 1000   # a whole re-read, timed by today's clock
    assert after.next_us - after.refreshed_us == mirror.INTERVAL_S * US


CAMERA_PAGE = b"<!DOCTYPE html><html><head><title>IP Camera</title></head><body>Login</body></html>"


def _camera_page(h, status):
    reply(h, 200, CAMERA_PAGE, {"Content-Type": "text/html"})


@pytest.mark.parametrize("real, chosen", [
    ("hikvision", "dahua"), ("dahua", "hikvision"), ("hikvision", "reolink"), ("reolink", "dahua"),
    ("camera page", "hikvision"), ("camera page", "dahua"), ("camera page", "reolink")])
def test_the_wrong_make_or_a_cameras_page_says_to_choose_another_make(agent, tmp_path, real, chosen):
    """The recorders hunt: a Dahua chosen for a Hikvision was refused with 'refused
    magicBox.cgi getSystemInfo (403)', a Reolink chosen for one with 'answered Login with HTTP
    401': nothing told the owner the make (or the address) was what to change."""
    if real == "camera page":
        with serving(_camera_page) as server:
            with pytest.raises(BadAnswer) as caught:
                agent.check_recorder(RecorderAddress(server.origin, chosen, "admin", None, "UTC"), "pw")
    else:
        (tmp_path / "nvr").mkdir()
        with Simulator(tmp_path / "nvr", real, "admin", "pw") as sim:
            with pytest.raises(BadAnswer) as caught:
                agent.check_recorder(RecorderAddress(sim.url, chosen, "admin", None, "UTC"), "pw")
    said = str(caught.value)
    assert f"does not answer as a {chosen.capitalize()} recorder" in said, said
    assert "choose that make" in said and "the recorder's address" in said, said
    assert agent.sources() == []


def test_a_reolink_is_not_sent_a_password_no_reolink_password_can_be(agent, recent_footage):
    """Recorders hunt: a Reolink's passwords hold only plain letters, digits and a US keyboard's
    symbols (the Reolink app's own rule, reolink_aio#120); one holding another character (an
    accented letter typed on a European keyboard, a password manager's) went to the recorder
    as a login it could only refuse, one of the three wrong tries before a Reolink locks the
    address out. It is refused here, nothing sent, saying so; here the simulator would even
    have taken it, so a login reaching it shows the check missing."""
    from agent.recorders.reolink_answers import NOT_REOLINK_TEXT

    password = "pässwörd-7"
    with Simulator(recent_footage, "reolink", "admin", password, tls=True) as sim:
        with pytest.raises(CredentialsRefused) as refused:
            agent.add_recorder(address(sim, agent, "reolink"), password)
        logins = [p for _m, p in sim.device.log if "cmd=Login" in p]
    assert logins == [] and sim.device.failures == 0
    assert str(refused.value) == NOT_REOLINK_TEXT.format(where=sim.url.split("//")[1])
    assert agent.recorders() == []


@pytest.mark.parametrize("vendor", ("hikvision", "dahua"))
def test_a_user_name_http_digest_cannot_carry_is_said_not_a_codec_error(
        vendor, agent, recent_footage):
    """Recorders hunt: `--user José` for a Hikvision or Dahua ended in "'ascii' codec can't
    encode character '\\xe9'" (exit 1) once the certificate was shown: HTTP Digest sends the
    user name as it is in a header, plain ASCII only. It is refused in words, nothing sent."""
    from dataclasses import replace

    from agent.recorders.connect import DIGEST_USER

    with Simulator(recent_footage, vendor, "José", PASSWORD, tls=True) as sim:
        before = len(sim.device.log)
        with pytest.raises(CredentialsRefused) as refused:
            agent.add_recorder(replace(address(sim, agent, vendor), user="José"), PASSWORD)
        assert len(sim.device.log) == before   # nothing asked
    assert str(refused.value) == DIGEST_USER.format(where=sim.url.split("//")[1])
    assert agent.recorders() == []
