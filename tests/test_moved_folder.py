"""A recordings card whose drive letter changed between scans: added as `E:\\DCIM` (camera
porch), it came back as `F:` (Windows gives a drive the first free letter: a phone or another
stick plugged in first moves it). `sources add F:\\DCIM` (or `scan F:\\DCIM`, or the app's
Add folder) registered it as a second camera, `DCIM`, over the same footage, while porch kept
its rows of E:, so the recordings were indexed twice under two names and porch, the camera
registered with an agency, had nothing to scan. The letter change is a real rename of the
folder standing for the drive; the footage is real."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from agent.index.moved_folder import moved_here
from agent.service import Agent, Refusal
from agent.timebase import US
from demo.samples import make_recordings

T0 = 1_768_456_800   # 2026-01-15 06:00 UTC
OLD = 1_700_000_000   # long past: every recording finished


def _card(folder: Path) -> None:
    for path in make_recordings(folder, "blue-iris", "porch", T0 * US, 2, 2.0, fps=5, gop_s=1.0):
        os.utime(path, (OLD, OLD))


@pytest.fixture
def moved(tmp_path):
    """porch added from E/DCIM and scanned, then its drive at F."""
    _card(tmp_path / "E" / "DCIM")
    agent = Agent(tmp_path / "home")
    agent.add_source(str(tmp_path / "E" / "DCIM"), camera="porch", tz="UTC")
    agent.scan([str(tmp_path / "E" / "DCIM")])
    (tmp_path / "E").rename(tmp_path / "F")
    yield agent, tmp_path
    agent.close()


def test_the_card_at_another_letter_is_refused_naming_its_camera(moved):
    agent, tmp_path = moved
    rows = agent.recordings("porch")
    assert len(rows) == 2
    new = str(tmp_path / "F" / "DCIM")
    for add in (lambda: agent.add_source(new), lambda: agent.scan([new])):
        with pytest.raises(Refusal) as caught:
            add()
        said = str(caught.value)
        assert f"holds the recordings of the folder {tmp_path / 'E' / 'DCIM'}" in said
        assert "camera porch" in said and "another drive letter" in said
    assert [s.camera for s in agent.sources()] == ["porch"]   # no second camera
    assert agent.recordings("porch") == rows                  # nothing of porch lost


def test_the_command_line_refuses_it_with_exit_3(moved, capsys):
    from agent.cli import main

    agent, tmp_path = moved
    home = str(agent.home)
    agent.close()
    assert main(["--home", home, "sources", "add", str(tmp_path / "F" / "DCIM")]) == 3
    assert "Change Drive Letter and Paths" in capsys.readouterr().err


def test_another_card_is_added_while_the_first_is_out(moved):
    agent, tmp_path = moved
    (tmp_path / "F").rename(tmp_path / "E-out")          # porch's card taken out
    other = tmp_path / "G" / "DCIM"
    for path in make_recordings(other, "blue-iris", "yard", (T0 + 60) * US, 1, 2.0, fps=5):
        os.utime(path, (OLD, OLD))
    assert agent.add_source(str(other)).camera == "DCIM"


def test_only_a_recording_the_same_size_and_date_says_moved(tmp_path):
    new = tmp_path / "F"
    (new / "a").mkdir(parents=True)
    (new / "a" / "x.mp4").write_bytes(b"12345")
    os.utime(new / "a" / "x.mp4", ns=(OLD * 10**9, OLD * 10**9))
    old = str(tmp_path / "E")
    row = str(tmp_path / "E" / "a" / "x.mp4")
    assert moved_here(new, old, {row: (5, OLD * 10**9, True)})
    assert not moved_here(new, old, {row: (6, OLD * 10**9, True)})          # another size
    assert not moved_here(new, old, {row: (5, OLD * 10**9 + 1, True)})      # another date
    assert not moved_here(new, old, {row: (5, OLD * 10**9, False)})         # still written then
    assert not moved_here(new, old, {str(tmp_path / "Z" / "a" / "x.mp4"): (5, OLD * 10**9, True)})


@pytest.mark.parametrize("slot", ["left empty", "another card in it"])
def test_the_card_read_elsewhere_while_its_mount_point_stays_is_refused(tmp_path, slot):
    """Holds hunt: on Linux a card's mount point stays as an empty folder once the card is
    out (a folder of /etc/fstab, one made by hand), or another camera's card is put in that
    slot; the card itself is then read in a second reader, mounted elsewhere. Its folder was
    a folder still, so it counted as there: the card was added as a second camera over the
    same footage ('card-2')."""
    card = tmp_path / "media" / "card"
    _card(card)
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(str(card), camera="porch", tz="UTC")
        agent.scan([str(card)])
        second = tmp_path / "media" / "reader2"
        second.mkdir()
        card.rename(second / "card")       # the card out, read in the second reader
        card.mkdir()                       # its mount point stays
        if slot == "another card in it":
            for path in make_recordings(card, "blue-iris", "porch", T0 * US, 2, 2.0, fps=5,
                                        gop_s=2.0):
                os.utime(path, (OLD + 60, OLD + 60))
        with pytest.raises(Refusal) as caught:
            agent.add_source(str(second / "card"))
        assert f"holds the recordings of the folder {card}" in str(caught.value)
        assert [s.camera for s in agent.sources()] == ["porch"]
    finally:
        agent.close()
