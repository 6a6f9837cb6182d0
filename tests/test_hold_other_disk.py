"""Holds hunt: another camera's card in the reader slot of a recordings folder (the same drive
letter, the same mount point). The scan refuses it as another disk (other_disk.py), but a safe
copy made then did not ask: before, it copied the other card's files under the indexed names
as the request's recordings, placed at their times; with copies checked against the index
(test_hold_written_over.py) it said every recording of the window was deleted or recorded over
to make room and made an empty safe copy ('held 0 recordings'), while they were on the card
taken out. It now says the folder holds another disk and copies nothing; with the folder's own
card back, the copy is made.

Two folders stand for the two cards, put in turn at one path (renamed into it, as a reader
slot takes one card at a time), with real footage of the same names; a real portal and the
CLI in process."""
from __future__ import annotations

import os
from pathlib import Path

from agent.index import disk_identity, other_disk
from agent.requests import hold_room
from agent.timebase import US
from demo.samples import make_recordings
from tests.test_held_footage import flow, manifest  # noqa: F401 (a fixture)
from tests.test_requests_e2e import T0, only_request

WORDS = ("now holds another disk than the one its recordings were indexed from (another card "
         "or drive in the same slot?), so nothing was copied: put its own card or drive back, "
         "then hold it again")


def _swap_cards(porch: Path) -> Path:
    """The folder's own card taken out (kept beside it) and another camera's put in its
    slot, its recordings named as the first card's are (cameras of one make name alike)."""
    written = make_recordings(porch.parent / "other-card", "blue-iris", "porch", T0, 3, 4.0,
                              fps=10, gop_s=2.0)
    for p in written:   # each closed by its camera a moment after the first card's
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 700_000_000))
    other = written[0].parent
    own = porch.rename(porch.with_name("own-card"))
    other.rename(porch)
    return own


def _request(run, portal, reg) -> str:
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    return only_request(run)["id"]


def test_a_hold_with_another_card_in_the_slot_copies_nothing_and_says_so(flow):
    portal, run, reg, porch = flow
    own = _swap_cards(porch)
    jti = _request(run, portal, reg)
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 1 and f"the recordings folder {porch} {WORDS}" in err, err
    assert run.json("inbox", "show", "--", jti)["hold"] is None
    # the folder's own card back in its slot: its recordings are held
    porch.rename(porch.with_name("other-back"))
    own.rename(porch)
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    hold = Path(run.json("inbox", "show", "--", jti)["hold"])
    assert sorted(manifest(hold)) == sorted(f"porch/{p.name}" for p in sorted(
        porch.iterdir())[:2])


def test_the_disk_the_system_names_decides_for_a_hold(flow, monkeypatch):
    """Where the system names the disk (a volume serial, a file system's UUID), the name
    decides, as it does for a scan. The names are stood in for (no block device is made
    here): the same card recorded on keeps its name, another card has its own."""
    portal, run, reg, porch = flow
    named = {"card": "uuid:AAAA-1111"}
    monkeypatch.setattr(disk_identity, "volume_identity", lambda _folder: named["card"])
    monkeypatch.setattr(hold_room, "volume_identity", lambda _folder: named["card"])
    monkeypatch.setattr(other_disk, "volume_identity", lambda _folder: named["card"])
    assert run("scan")[0] == 0   # the name kept for the folder
    jti = _request(run, portal, reg)
    named["card"] = "uuid:BBBB-2222"   # another card, though every file is as indexed
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 1 and WORDS in err, err
    named["card"] = "uuid:AAAA-1111"
    assert run("inbox", "hold", "--", jti)[0] == 0
