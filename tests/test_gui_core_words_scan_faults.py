"""Core messages a previous hunt found still English in the Spanish app: why a recording inside
a Hikvision ring file cannot be used (named by an export's refusal), a fault nobody foresaw in
a folder's scan (said above the app's pages for that folder), and masks drawn past what a
camera may keep (said by the masks page's Save). Each is made by the agent's own path and must
read in Spanish, its values kept."""
from __future__ import annotations

import errno
import os
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.errors import AgentError  # noqa: E402
from agent.events import ScanFailed  # noqa: E402
from agent.export.masks import MAX_POLYGONS, MAX_POINTS, MAX_TOTAL_POINTS, CameraMasks, Polygon  # noqa: E402,E501
from agent.service import Agent  # noqa: E402
from agent.service_loop import ServiceRun  # noqa: E402
from demo.hikvision_card import Recording, write_card  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import _values, spanish_of  # noqa: E402

T = t("2026-11-20T22:00:00Z")
S = 1_000_000
SMALL = {"width": 320, "height": 240}


def in_spanish(reason: str) -> str:
    """The catalogue's Spanish for a message that is wholly one template."""
    template = matches(reason)
    assert template is not None, f"no template for {reason!r}"
    return spanish_of(template, **_values(template, reason))


# a recording inside a ring file the export cannot use ---------------------------------------
def test_why_a_ring_files_recordings_cannot_be_cut_reads_in_spanish(spanish, tmp_path, agent):
    """A card copied while the camera recorded over one recording (its bytes no longer start
    an MPEG-PS pack), while it still recorded another (no end in index00.bin), and copied in
    part (a ring file shorter than the index says): an export of that time is refused, naming
    each file and why, and the Spanish app read the whys in English."""
    root = tmp_path / "garage"
    written = write_card(root, [Recording(T, 4, 0, overwritten=True), Recording(T + 10 * S, 4, 1),
                                Recording(T + 20 * S, 4, 2, open=True)], **SMALL)
    cut = written[1]
    with open(cut.ring, "r+b") as ring:   # copied in part: the card's reader stopped early
        ring.truncate(cut.byte_end - 100)
    old = time.time() - 3600   # read long after the camera wrote it: nothing still being written
    for path in (root / "datadir0").iterdir():
        os.utime(path, (old, old))
    agent.add_source(root, camera="garage", tz="UTC")
    agent.scan()
    rows = agent.store.files("garage", T, T + 30 * S)
    assert [r.status for r in rows] == ["damaged"] * 3
    with pytest.raises(AgentError) as caught:
        agent.export("garage", T, T + 30 * S, tmp_path / "out")
    said = in_owner_language(str(caught.value))
    assert said.startswith("ninguna grabación utilizable de la cámara «garage»"), said
    for row in rows:
        assert f"{row.path} está dañado ({in_spanish(row.reason)})" in said, said
    assert "recorded over" not in said and "past the end" not in said and "still recording" \
        not in said
    assert f"{cut.byte_start}-{cut.byte_end}" in said and "index00.bin" in said


# a recordings folder the scan cannot read ----------------------------------------------------
@pytest.mark.parametrize("number", [errno.EACCES, errno.EPERM, errno.EIO, errno.ENOTCONN,
                                    errno.ESTALE, errno.EHOSTDOWN, errno.ETIMEDOUT,
                                    errno.ENODEV], ids=errno.errorcode.get)
def test_why_a_recordings_folder_cannot_be_read_reads_in_spanish(spanish, tmp_path, agent,
                                                                monkeypatch, number):
    """A recordings folder the system refuses to list (a share this user may not open, a
    folder macOS keeps this app out of, a card or share that went away) is said above the
    app's pages in the scan's sentence, with the system's own words for why: in English on
    Linux and macOS whatever the owner's language, so the Spanish app read '(permission
    denied)'. The test runs as a user no folder is closed to: the listing is refused here."""
    folder = tmp_path / "share"
    folder.mkdir()
    agent.add_source(folder, tz="UTC")
    listing = os.scandir

    def scandir(path="."):
        if os.fspath(path) == str(folder):
            raise OSError(number, os.strerror(number), str(folder))
        return listing(path)
    monkeypatch.setattr(os, "scandir", scandir)
    events: list = []
    agent.subscribe(events.append)
    with pytest.raises(AgentError):
        agent.scan([str(folder)])
    (message,) = [e.message for e in events if isinstance(e, ScanFailed)]
    said = in_owner_language(message)
    why = os.strerror(number).lower()
    assert f"({why})" in message and why not in said, said
    assert said == in_spanish(message.replace(f"({why})", f"({in_spanish(why)})"))


# a fault nobody foresaw in a folder's scan ---------------------------------------------------
@pytest.mark.parametrize("detail", ["index 3: out of range", ""])
def test_an_unexpected_failure_of_a_folders_scan_reads_in_spanish(spanish, tmp_path, agent,
                                                                monkeypatch, detail):
    """The service's first scan of a folder, and a rescan the watcher started, meeting a fault
    nobody foresaw (a bug: the scan made to raise one) say so above the app's pages for that
    folder (a ScanFailed), in English in the Spanish app. The fault's own words stay."""
    folder = tmp_path / "porch"
    folder.mkdir()
    agent.add_source(folder, tz="UTC")

    def scan(self, paths=None, tz=None, cancel=None):
        raise RuntimeError(detail)
    monkeypatch.setattr(Agent, "scan", scan)
    events: list = []
    agent.subscribe(events.append)
    run = ServiceRun(agent, threading.Event())
    run._first_scan(str(folder))
    run._rescan_failed(str(folder), RuntimeError(detail))
    failed = [e.message for e in events if isinstance(e, ScanFailed)]
    assert len(failed) == 2
    for message, head in zip(failed, ("no se ha podido escanear ",
                                      "no se ha podido escanear de nuevo ")):
        said = in_owner_language(message)
        what, _, _ = message.partition(" (an unexpected failure")
        assert said.startswith(head + str(folder)) and in_spanish(what) in said, said
        assert "un fallo inesperado" in said and "an unexpected failure" not in said
        assert (f"un fallo inesperado: {detail};" in said) == bool(detail)


# masks drawn past what a camera may keep -----------------------------------------------------
def _shape(corners: int, at: float = 0.5) -> Polygon:
    """A closed shape of `corners` corners round a point (never on one line)."""
    import math

    return Polygon(tuple((round(at + 0.1 * math.cos(2 * math.pi * k / corners), 6),
                          round(0.5 + 0.1 * math.sin(2 * math.pi * k / corners), 6))
                         for k in range(corners)))


@pytest.mark.parametrize("shapes", [
    [_shape(3)] * (MAX_POLYGONS + 1),
    [_shape(MAX_POINTS)] * (MAX_TOTAL_POINTS // MAX_POINTS + 1),
    [_shape(3), _shape(MAX_POINTS + 1)]],
    ids=["areas", "corners in all", "corners of one"])
def test_masks_drawn_past_what_a_camera_may_keep_read_in_spanish(spanish, agent, shapes):
    """The masks page counts no areas or corners, so Save of more than a camera may keep was
    refused with the core's 'these masks cannot be kept: at most 64 polygons per camera (got
    65)', in English in the Spanish app."""
    with pytest.raises(AgentError) as caught:
        agent.set_masks(CameraMasks("porch", tuple(shapes)))
    message = str(caught.value)
    reason = message.partition(": ")[2]
    said = in_owner_language(message)
    assert said == "no se pueden guardar estas máscaras: " + in_spanish(reason), said
    assert "polygon" not in said and "corner" not in said
    assert "zonas" in said or "esquinas" in said
    counts = [str(n) for n in (MAX_POLYGONS, MAX_TOTAL_POINTS, MAX_POINTS) if str(n) in reason]
    assert counts and all(n in said for n in counts)
