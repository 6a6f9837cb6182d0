"""A Hikvision card whose index lists a recording it cannot place: one cut off by a power cut
(its slot never closed: no end, no last byte) in a ring file the camera no longer writes.
index00.bin's rules leave such a slot out (agent/index/hikvision.py: only the newest slot of
the file being written may be open), and the reader counted it (RingIndex.skipped), but nothing
said it: the scan was clean, and the coverage showed a gap where the card may still hold
footage. Each scan meeting the folder now says how many were left out and what to do. Real
MPEG-PS footage and index from demo/hikvision_card.py, the real command; the Spanish app."""
from __future__ import annotations

import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.cli import main  # noqa: E402
from agent.index.hikvision import read_index  # noqa: E402
from demo.hikvision_card import Recording, write_card  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.conftest import t  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

T = t("2026-11-20T22:00:00Z")
S = 1_000_000


def card(root):
    """Ring file 0's first recording cut off by a power cut; ring file 1 written since."""
    write_card(root, [Recording(T, 3.0, 0, open=True), Recording(T + 10 * S, 3.0, 0),
                      Recording(T + 60 * S, 3.0, 1)], files=2, current=1,
               width=320, height=240)


def scan_json(home, capsys) -> dict:
    capsys.readouterr()
    assert main(["--home", str(home), "scan", "--json"]) == 0
    (report,) = json.loads(capsys.readouterr().out)
    return report


def test_recordings_a_cards_index_cannot_place_are_said_at_each_scan(tmp_path, capsys):
    root = tmp_path / "card"
    card(root)
    index = read_index((root / "datadir0" / "index00.bin").read_bytes())
    assert (len(index.segments), index.skipped) == (2, 1)
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(root), "--camera", "porch",
                 "--tz", "UTC"]) == 0
    for _ in range(2):   # the first scan, and one finding nothing changed
        report = scan_json(home, capsys)
        assert report["problems"] == [
            f"{root / 'datadir0'}: the camera's index here lists recordings that could not be "
            "placed in time (1: their times or places in the ring files contradict the rest "
            "of the index, as a recording cut off by a power cut leaves them), so they are "
            "not indexed: if you need them, export them with the camera's own app"], report
    assert main(["--home", str(home), "recordings", "--camera", "porch", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["ok", "ok"]   # the others indexed as before


def test_a_clean_card_says_nothing(tmp_path, capsys):
    root = tmp_path / "card"
    write_card(root, [Recording(T, 3.0, 0), Recording(T + 60 * S, 3.0, 1)], files=2,
               width=320, height=240)
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(root), "--tz", "UTC"]) == 0
    assert scan_json(home, capsys)["problems"] == []


def test_it_reads_in_spanish(spanish, tmp_path, capsys):
    root = tmp_path / "card"
    card(root)
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(root), "--tz", "UTC"]) == 0
    (problem,) = scan_json(home, capsys)["problems"]
    said = in_owner_language(problem)
    assert said == (f"{root / 'datadir0'}: el índice de la cámara aquí indica grabaciones que "
                    "no se pudieron situar en el tiempo (1: sus horas o sus posiciones en los "
                    "archivos en anillo contradicen el resto del índice, como ocurre con una "
                    "grabación cortada por un corte de luz), así que no están en el índice: si "
                    "las necesita, expórtelas con la aplicación de la propia cámara"), said
