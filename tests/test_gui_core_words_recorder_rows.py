"""Why a recorder's mirrored recording, or a piece downloaded from it, is marked, in the
Spanish app: each reason made by the agent's own code (a start in the repeated fall-back hour,
an end another clock wrote, a clock put right while it recorded, a piece the recorder cut or
could not name, the note that the recorder could not be asked since), alone, after that note,
and inside an export's refusal. Recorders hunt: every one of them stayed English."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from agent.export.plan import PlanError, plan_export  # noqa: E402
from agent.index import mirror  # noqa: E402
from agent.index.clock_change import SPANS_CHANGE  # noqa: E402
from agent.index.recorder_book import RECORDER_LAYOUT  # noqa: E402
from agent.index.window_pieces import Piece, piece_reason  # noqa: E402
from agent.index.rows import FileRow  # noqa: E402
from agent.index.store import Store  # noqa: E402
from agent.recorders.connect import RecorderAddress  # noqa: E402
from agent.recorders.model import DeviceTime, Fetched, Query, Recording, RecorderUnreachable  # noqa: E402
from agent.recorders.wire import Wire  # noqa: E402
from agent.timebase import US  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import closed_port, error_of  # noqa: E402
from tests.test_gui_core_words_answers import reads_in_spanish  # noqa: E402
from tests.recorder_support import footage, remote_rows  # noqa: E402

__all__ = ["footage"]   # the session fixture, imported for pytest

T0 = 1_795_000_000 * US
ROOT = "https://192.168.1.20"


def recording(start_s: int, end_s: int, ambiguous: bool = False) -> Recording:
    later = T0 + (start_s + 3600) * US if ambiguous else None
    return Recording(0, DeviceTime(f"s{start_s}", T0 + start_s * US, ambiguous, later_us=later),
                     DeviceTime(f"e{end_s}", T0 + end_s * US), 1000, "main", "h")


def mirrored_reasons() -> list[str]:
    """The reasons the mirror gives its rows: a start in the repeated hour, an end nothing
    places (the clock put back while it recorded, no other offset kept)."""
    rows = remote_rows(1, ROOT, "nvr", "0", [recording(0, 10, ambiguous=True),
                                                    recording(30, 20)], 0.0, "reolink", T0)
    return [r.reason for r in rows]


def piece(whole: bool, ambiguous: bool = False, asked_ambiguous: bool = False) -> Piece:
    fetched = Fetched(Path("x.mp4"), "0" * 64, 1, Query("reolink", "Download", ()), 0, 0, 1,
                      ambiguous=asked_ambiguous)
    return Piece(fetched, T0, T0 + US, T0, whole, ambiguous)


def test_each_reason_a_recorders_row_or_piece_gives_reads_in_spanish(spanish):
    reasons = [*mirrored_reasons(), SPANS_CHANGE,
               piece_reason(piece(False)), piece_reason(piece(True, ambiguous=True)),
               piece_reason(piece(True, asked_ambiguous=True))]
    assert all(reasons) and len(set(reasons)) == len(reasons)
    for reason in reasons:
        said = reads_in_spanish(reason)
        assert "recorder" not in said and "grabadora" in said


def test_a_rows_reason_after_the_note_that_its_recorder_could_not_be_asked_reads_in_spanish(
        spanish, tmp_path):
    """The row's reason as the index gives it while the recorder is away: the note (when it
    was mirrored, why it could not be asked), then the row's own."""
    store = Store(tmp_path / "index.db")
    try:
        src = store.add_source(ROOT, "nvr", "UTC", RECORDER_LAYOUT, 0.0)
        rows = remote_rows(src.id, ROOT, "nvr", "0", [recording(0, 10, ambiguous=True)],
                                  0.0, "reolink", T0)
        store.mirror(src.id, "0", None, rows)
        store.recorders.set_address(src.id, RecorderAddress(ROOT, "reolink", "admin", None))
        rec = store.recorders.get(src.id)
        wire = Wire(httpx.URL(f"http://127.0.0.1:{closed_port()}"), "hikvision", timeout_s=5.0)
        try:
            why = error_of(lambda: wire.call("GET", "/ISAPI/System/deviceInfo"), RecorderUnreachable)
        finally:
            wire.close()
        mirror._failed(store, rec, "offline", why, None, T0)
        (row,) = store.files()
    finally:
        store.close()
    assert row.reason.endswith("; " + rows[0].reason)
    said = in_owner_language(row.reason)
    assert said == ("no se ha podido consultar la grabadora desde entonces: "
                    + in_owner_language(why) + "; " + in_owner_language(rows[0].reason))
    assert in_owner_language(why) != why


def test_an_export_refused_for_a_piece_of_the_repeated_hour_reads_in_spanish(spanish, tmp_path):
    """An export of a recorder's camera plans from its downloaded pieces: one of the repeated
    hour is never cut, and the refusal names it and says why."""
    store = Store(tmp_path / "window.db")
    try:
        src = store.add_source(str(tmp_path / "pieces"), "nvr", "UTC", RECORDER_LAYOUT, 0.0)
        p = piece(True, ambiguous=True)
        store.upsert([FileRow(src.id, str(tmp_path / "pieces" / "x.mp4"), "nvr", T0,
                              T0 + 10 * US, 1, 0, "reolink", "ambiguous", piece_reason(p),
                              "main", channel="0", time_source="recorder")])
        with pytest.raises(PlanError) as caught:
            plan_export(store, "nvr", T0 + US, T0 + 5 * US)
    finally:
        store.close()
    said = reads_in_spanish(str(caught.value), "x.mp4")
    assert "«nvr»" in said and "es ambiguo (la grabadora" in said


def test_a_recorders_unreadable_answer_and_a_recording_its_clock_ran_back_in_read_in_spanish(
        spanish):
    """Recorders hunt: how Settings says a recorder whose answer could not be read stands, and
    why a Reolink recording its clock was put back inside cannot be downloaded, were English."""
    from agent.recorders.reolink_answers import PUT_BACK

    for message in (mirror.UNREADABLE, PUT_BACK, f"not answering: {mirror.UNREADABLE}"):
        said = reads_in_spanish(message)
        assert "recorder" not in said and "grabadora" in said


def _download_words() -> list[str]:
    """A download stopped at its bounds or refused, in the words fetch.py makes for it."""
    from agent.recorders import fetch

    wire = Wire(httpx.URL("https://192.168.1.20"), "hikvision")
    try:
        spec = fetch.Download("GET", "/x", {}, 1, 0, 10 * US, "clip.mp4")
        announced = fetch.Download("GET", "/x", {}, 1, 0, 10 * US, "clip.mp4",
                                   expected_size=1000)
        request = httpx.Request("GET", "https://192.168.1.20/x")
        text = httpx.Response(200, headers={"content-type": "text/html"},
                              stream=httpx.ByteStream(b"no"), request=request)
        return [str(fetch._too_large(wire, announced, 2 << 20)),
                str(fetch._too_large(wire, spec, 100 << 20)),
                str(fetch._too_slow(wire, 720.0)), str(fetch._too_slow(wire, 30.0)),
                str(fetch._not_footage(httpx.Response(401, stream=httpx.ByteStream(b""),
                                                      request=request), spec)),
                str(fetch._not_footage(text, fetch.Download(
                    "GET", "/x", {}, 1, 0, US, "clip.mp4", refusal=lambda *_a: None)))]
    finally:
        wire.close()


@pytest.mark.parametrize("vendor", ["hikvision", "dahua"])
def test_a_download_short_every_time_reads_in_spanish(spanish, vendor, footage, tmp_path):
    from agent.recorders.model import DownloadFailed
    from nvrsim.server import Simulator
    from tests.recorder_support import PASSWORD, T0 as SIM_T0, connect

    with Simulator(footage, vendor, "admin", PASSWORD,
                   faults=("short",)) as sim:
        rec = connect(sim, vendor, zone="UTC")
        try:
            (first,) = list(rec.search(1, SIM_T0, SIM_T0 + 5 * US))
            message = error_of(lambda: rec.fetch(first, SIM_T0, SIM_T0 + 10 * US, tmp_path),
                               DownloadFailed)
        finally:
            rec.close()
    said = reads_in_spanish(message, "3")
    assert "grabadora" in said


def test_a_recorders_download_stopped_or_refused_and_its_odd_answers_read_in_spanish(spanish):
    """Recorders hunt: a download stopped at its bounds or refused, and answers not in the
    shape the make's API promises, read English in the app (Settings' 'not answering: ...',
    an export's failure)."""
    from agent.recorders.zones import posix_zone
    from agent.recorders.model import BadAnswer

    made = [*_download_words(), error_of(lambda: posix_zone("Mars/Olympus"), BadAnswer)]
    # raised inline by the clients (wire.py, dahua.py, hikvision.py, reolink.py,
    # reolink_answers.py, zones.py, fetch.py's retries): the words as written there
    inline = ["The connection to the recorder at 192.168.1.20:443 failed (the connection was "
              "reset by the other side).",
              "The recorder at 192.168.1.20:443 sent an answer larger than 32 MiB to a GET "
              "/ISAPI/ContentMgmt/search; ignored.",
              "The recorder's clock reads '2026-13-45', not a time.",
              "The recorder did not create a search (mediaFileFind).",
              "The recorder did not say which time zone it keeps.",
              "The recorder's list of channels is not in Reolink's form.",
              "The recorder's time zone settings (GetTime) could not be read.",
              "The recorder's answer to GetDevInfo has no value.",
              "The recorder's clock (GetTime) could not be read.",
              "The recorder at 192.168.1.20:443 answered a search with something that is not "
              "Reolink's list of recordings.",
              "A Reolink search result has no readable start or end.",
              "The recorder at 192.168.1.20:443 sent 5 of 100 bytes, 3 times; the download was "
              "refused. Try again later, or restart the recorder."]
    for message in made + inline:
        said = reads_in_spanish(message)
        assert "recorder" not in said.replace("recorder's", ""), said


def test_a_recorders_camera_given_a_name_another_camera_has_reads_in_spanish(spanish, tmp_path):
    """Recorders hunt: adding a recorder with a channel named as a camera already is was
    refused in English in the app's Add a recorder window."""
    from agent.index.camera_names import CameraNameError

    store = Store(tmp_path / "index.db")
    try:
        store.add_source(str(tmp_path / "porch"), "Porch", "UTC", "auto", 0.0)
        src = store.add_source(ROOT, "nvr", "UTC", RECORDER_LAYOUT, 0.0)
        message = error_of(lambda: store.recorders.name_channels(
            src.id, [("1", "Porch", "Driveway"), ("2", None, "Garden")]), CameraNameError)
    finally:
        store.close()
    said = reads_in_spanish(message, "«Porch»")
    assert said.startswith("ya existe una cámara llamada «Porch»")
