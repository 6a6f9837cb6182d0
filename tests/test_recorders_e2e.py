"""Each vendor's client against the simulator over real HTTPS on 127.0.0.1: device facts, the
clock hours off, search with paging, windows fetched and hashed as they arrive, and every
fault the issue names (wrong password, silence, garbage, a dropped or short download, a busy
device)."""
from __future__ import annotations

import hashlib
import os

import pytest

from agent.recorders import fetch as fetch_module
from agent.recorders.connect import fetch_window
from agent.recorders.model import (BadAnswer, CredentialsRefused, DeviceBusy, DownloadFailed,
                                   RecorderUnreachable)
from agent.timebase import US
from nvrsim.device import LOCK_AFTER
from nvrsim.server import Simulator
from tests.gui_support import spanish  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # the Spanish words' test needs Qt
from tests.recorder_support import (CLIP_S, GOP_S, PASSWORD, POSIX_LA, T0, VENDORS, connect,
                                    first_channel, footage, many_clips, stamps)

__all__ = ["footage"]  # the session fixture, imported for pytest
HOURS_OFF = 3 * 3600


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("vendor", VENDORS)
def test_each_vendor_reads_the_device_its_clock_hours_off_and_fetches_only_the_window(vendor, footage, tmp_path):
    off = HOURS_OFF * US
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True, zone=POSIX_LA,
                   clock_offset_s=HOURS_OFF) as sim:
        rec = connect(sim, vendor)
        try:
            info = rec.info()
            clock = rec.clock()
            ch = first_channel(vendor)
            found = list(rec.search(ch, T0 + off, T0 + off + 3 * CLIP_S * US))
            got = fetch_window(rec, ch, T0 + off + 12 * US, T0 + off + 17 * US, tmp_path / "cache")
        finally:
            rec.close()
    assert info.vendor == vendor and info.model and info.serial and info.firmware
    assert [c.name for c in info.channels] == ["Driveway", "Porch"]
    assert [c.id for c in info.channels] == [ch, ch + 1]
    # The device's clock is three hours ahead: read through its time API, shown to the owner.
    assert abs(clock.offset_s - HOURS_OFF) < 1.5 and clock.worth_showing
    # Recordings in the device's terms: its clock (three hours ahead), read with its zone.
    assert [(r.start_us - off - T0) // US for r in found] == [0, 10, 20]
    assert all(r.end_us - r.start_us == CLIP_S * US and r.start.text for r in found)
    assert len(got) == 1
    fetched = got[0]
    assert fetched.sha256 == sha256(fetched.path) and fetched.size == fetched.path.stat().st_size
    assert fetched.query.vendor == vendor and PASSWORD not in repr(fetched.query)
    # The query goes into the package: never the recorder's address on the owner's network
    # (a Hikvision device writes its own into every playbackURI; the simulator's is 127.0.0.1)
    assert "127.0.0.1" not in repr(fetched.query) and "rtsp://" not in repr(fetched.query)
    assert not list((tmp_path / "cache").glob(".*partial*"))
    # Only the window plus at most one GOP each side left the device (true times in frames).
    times = stamps(fetched.path)
    assert min(times) <= T0 + 12 * US and max(times) >= T0 + 16 * US
    assert min(times) >= T0 + 12 * US - GOP_S * US and max(times) <= T0 + 17 * US + GOP_S * US


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_whole_recording_comes_as_the_device_stored_it(vendor, footage, tmp_path):
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            ch = first_channel(vendor)
            (first,) = [r for r in rec.search(ch, T0, T0 + CLIP_S * US) if r.start_us == T0]
            fetched = rec.fetch(first, T0 - US, T0 + 2 * CLIP_S * US, tmp_path)
        finally:
            rec.close()
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    assert fetched.sha256 == sha256(stored) and fetched.size == stored.stat().st_size


@pytest.mark.parametrize("vendor", VENDORS)
def test_search_pages_through_more_recordings_than_a_page(vendor, footage, tmp_path):
    source = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    root = many_clips(tmp_path / "nvr", source, 1, T0, 250, 600)  # 250 recordings over 42 hours
    with Simulator(root, vendor, "admin", PASSWORD, zone=POSIX_LA) as sim:
        rec = connect(sim, vendor)
        try:
            found = list(rec.search(first_channel(vendor), T0, T0 + 250 * 600 * US))
        finally:
            rec.close()
        searches = [p for _m, p in sim.device.log if "Search" in p or "search" in p or "findNextFile" in p]
    starts = [r.start_us for r in found]
    assert starts == [T0 + i * 600 * US for i in range(250)]
    assert len(searches) >= 3  # Hikvision 40 a page, Dahua 100, Reolink a day at a time


def test_a_hikvision_ignoring_the_search_position_is_paged_by_time(footage, tmp_path):
    """Recorders hunt: older Hikvision firmware answers every page of a search with its first
    (it ignores `searchResultPostion`), saying MORE. The page repeated ended the search, so
    only the first 40 of 250 recordings were mirrored, with nothing said. A repeated page is
    now followed by a search from the last recording's start, as HikLoad and
    hikvision-download-assistant page such devices."""
    source = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    root = many_clips(tmp_path / "nvr", source, 1, T0, 250, 600)
    with Simulator(root, "hikvision", "admin", PASSWORD, zone=POSIX_LA,
                   quirks=("hikvision-position-ignored",)) as sim:
        rec = connect(sim, "hikvision")
        try:
            found = list(rec.search(1, T0, T0 + 250 * 600 * US))
        finally:
            rec.close()
    assert [r.start_us for r in found] == [T0 + i * 600 * US for i in range(250)]


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_wrong_password_is_refused_once_clearly_and_locks_nothing(vendor, footage):
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as sim:
        rec = connect(sim, vendor, password="wrong-guess-123")
        try:
            with pytest.raises(CredentialsRefused) as refused:
                rec.info()
        finally:
            rec.close()
        assert sim.device.failures == 1 and not sim.device.locked  # tried once, never in a loop
        message = str(refused.value)
        assert "refused the user name or password" in message and "wrong-guess" not in message
        good = connect(sim, vendor)
        try:
            assert good.info().vendor == vendor  # the right password still works
        finally:
            good.close()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_wrong_password_reads_in_the_owners_language_with_the_tries_left_counted(
        vendor, footage, qapp, spanish):
    """Seen in the Spanish app: a recorder refusing its password was said in English, the most
    common way adding one fails; and a Hikvision with one try left said '1 tries are left'."""
    from gui.views.core_words import in_owner_language, matches

    with Simulator(footage, vendor, "admin", PASSWORD, tls=True) as sim:
        if vendor == "hikvision":   # this wrong try leaves one before it locks
            sim.device.failures = LOCK_AFTER["hikvision"] - 2
        rec = connect(sim, vendor, password="wrong-guess-123")
        try:
            with pytest.raises(CredentialsRefused) as refused:
                rec.info()
        finally:
            rec.close()
    message = str(refused.value)
    if vendor == "hikvision":
        assert message.endswith(" 1 try is left before it locks."), message
    assert matches(message) is not None, message
    said = in_owner_language(message)
    assert "rechazó el nombre de usuario o la contraseña" in said and "refused" not in said


def test_reolinks_lock_is_said_on_the_try_that_set_it_and_no_later_try_is_called_wrong(footage):
    """Recorders hunt: the try that locked a Reolink was said as a wrong password only, and the
    next one, with the right password, as 'refused the user name or password and has locked
    logins': the lock was said one try late, and a right password called wrong. The device
    answers the try that reaches its limit with -507 'login reach max' and every login while
    locked with -506, which checks no password (API guide v7, §4.1)."""
    said = []
    with Simulator(footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        for n in range(LOCK_AFTER["reolink"]):
            rec = connect(sim, "reolink", password=f"wrong-guess-{n}")
            try:
                with pytest.raises(CredentialsRefused) as refused:
                    rec.info()
            finally:
                rec.close()
            said.append(str(refused.value))
        assert sim.device.locked
        rec = connect(sim, "reolink")   # the right password, while it is locked
        try:
            with pytest.raises(CredentialsRefused) as refused:
                rec.info()
        finally:
            rec.close()
    *before, last = said
    assert all("lock" not in s.split(". Nothing")[0] for s in before), before
    assert "refused the user name or password and has locked logins" in last, last
    locked = str(refused.value)
    assert "locked logins" in locked and "did not check the password" in locked, locked
    assert "refused the user name or password" not in locked, locked


def test_an_unreachable_device_is_named_with_the_reason(footage):
    sim = Simulator(footage, "dahua", "admin", PASSWORD)
    port = sim.port
    sim.stop()  # nothing listens there now
    from agent.recorders.connect import RecorderAddress, open_recorder

    rec = open_recorder(RecorderAddress(f"http://127.0.0.1:{port}", "dahua", "admin", zone="UTC"),
                        PASSWORD, timeout_s=2)
    try:
        with pytest.raises(RecorderUnreachable, match=f"Could not reach the recorder at 127.0.0.1:{port}"):
            rec.info()
    finally:
        rec.close()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_silent_device_is_given_up_on(vendor, footage):
    with Simulator(footage, vendor, "admin", PASSWORD, faults=("timeout",)) as sim:
        rec = connect(sim, vendor, timeout_s=0.5)
        try:
            with pytest.raises(RecorderUnreachable, match="did not answer within 0.5 s"):
                rec.clock()
        finally:
            rec.close()


@pytest.mark.parametrize("vendor", VENDORS)
def test_garbage_answers_give_a_clear_error(vendor, footage):
    with Simulator(footage, vendor, "admin", PASSWORD, faults=("garbage",)) as sim:
        rec = connect(sim, vendor)
        try:
            with pytest.raises(BadAnswer, match="does not answer as a"):
                rec.info()
        finally:
            rec.close()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_download_dropped_half_way_resumes_and_hashes_every_byte(vendor, footage, tmp_path):
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True, faults=("drop-once",)) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            (first,) = [r for r in rec.search(first_channel(vendor), T0, T0 + 5 * US)]
            fetched = rec.fetch(first, T0, T0 + CLIP_S * US, tmp_path)
        finally:
            rec.close()
        served = sim.device.served
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    assert fetched.attempts == 2 and fetched.resumed_at and fetched.resumed_at[0] > 0
    # The second request asked only for the rest: a byte range from where the drop cut it.
    assert served == [(0, stored.stat().st_size),
                      (fetched.resumed_at[0], stored.stat().st_size - fetched.resumed_at[0])]
    assert fetched.sha256 == sha256(stored) == sha256(fetched.path)


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_download_cut_by_a_recorder_restarting_resumes_in_a_new_session(vendor, footage,
                                                                          tmp_path):
    """Recorders hunt: a Reolink download is asked for with the session's token, and its
    retry after a drop asked with the same one; a recorder that restarted meanwhile (or whose
    session's lease ran out during a long download) ended that session, answered 'please
    login first', and the export failed as refused. The retry logs in again and resumes from
    the byte it reached (Dahua and Hikvision: a Digest nonce the device forgot is a new
    challenge, never a wrong password)."""
    with Simulator(footage, vendor, "admin", PASSWORD, tls=True,
                   faults=("restart-once",)) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            (first,) = [r for r in rec.search(first_channel(vendor), T0, T0 + 5 * US)]
            fetched = rec.fetch(first, T0, T0 + CLIP_S * US, tmp_path)
        finally:
            rec.close()
        assert sim.device.boots == 1 and sim.device.failures == 0
        served = sim.device.served
    stored = sorted((footage / "01 Driveway").glob("*.mp4"))[0]
    (at,) = fetched.resumed_at   # the rest alone, asked once footage came of it
    assert at > 0 and [first for first, _count in served] == [0, at]
    assert fetched.sha256 == sha256(stored) == sha256(fetched.path)


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_download_short_every_time_is_retried_then_refused(vendor, footage, tmp_path):
    with Simulator(footage, vendor, "admin", PASSWORD, faults=("short",)) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            (first,) = [r for r in rec.search(first_channel(vendor), T0, T0 + 5 * US)]
            with pytest.raises(DownloadFailed, match="3 times; the download was refused"):
                rec.fetch(first, T0, T0 + CLIP_S * US, tmp_path)
        finally:
            rec.close()
        assert sim.device.downloads_started == 3
    assert list(tmp_path.iterdir()) == []  # no partial file left behind


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_device_busy_with_another_download_is_asked_again_then_refused(vendor, footage, tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(fetch_module, "BUSY_WAIT_S", 0.05)
    with Simulator(footage, vendor, "admin", PASSWORD, faults=("one-download",)) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            (first,) = [r for r in rec.search(first_channel(vendor), T0, T0 + 5 * US)]
            assert sim.device.take_slot()  # someone else's download is running
            with pytest.raises(DeviceBusy, match="busy"):
                rec.fetch(first, T0, T0 + CLIP_S * US, tmp_path)
            sim.device.release_slot()
            fetched = rec.fetch(first, T0, T0 + CLIP_S * US, tmp_path)  # free again: it works
        finally:
            rec.close()
    assert fetched.sha256 == sha256(fetched.path)


@pytest.mark.parametrize("vendor", ["dahua", "hikvision"])
def test_a_device_listing_more_channels_than_any_recorder_has_is_read_to_the_first_256(
        vendor, tmp_path):
    """Recorders hunt: a Dahua's or Hikvision's list of channels was taken whole, so a broken
    or hostile answer of a million made the index a camera for each and a refresh search each
    one; a Reolink's was already cut at 256, more than the largest recorder has."""
    from agent.recorders.model import MAX_CHANNELS

    for n in range(1, 301):
        (tmp_path / "nvr" / f"{n:03d}").mkdir(parents=True)
    with Simulator(tmp_path / "nvr", vendor, "admin", PASSWORD, tls=True,
                   zone=POSIX_LA) as sim:
        recorder = connect(sim, vendor)
        try:
            channels = recorder.info().channels
        finally:
            recorder.close()
    assert [c.id for c in channels] == list(range(1, MAX_CHANNELS + 1))
