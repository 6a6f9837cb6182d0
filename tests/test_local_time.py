"""Times as the owner reads and types them on the command line: their camera's clock with its
zone, UTC only in --json; a time without an offset read in the camera's zone (else the PC's),
refused only inside a fall-back hour, with both readings named."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.cli import main
from agent.commands.local_time import read_time, shown, window
from agent.timebase import TimeError
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

LA = "America/Los_Angeles"


def test_an_instant_reads_in_the_zone_with_its_abbreviation():
    assert shown(t("2026-11-20T22:05:00Z"), LA) == "2026-11-20 14:05:00 PST"
    assert shown(t("2026-07-20T21:05:00Z"), LA) == "2026-07-20 14:05:00 PDT"
    assert shown(t("2026-11-20T22:05:00.25Z"), LA) == "2026-11-20 14:05:00.250 PST"
    assert shown(None, LA) == "-"
    assert window(t("2026-11-20T22:05:00Z"), t("2026-11-20T22:15:00Z"), LA) == \
        "2026-11-20 14:05:00 PST to 14:15:00 PST"
    assert window(t("2026-11-21T07:55:00Z"), t("2026-11-21T08:05:00Z"), LA) == \
        "2026-11-20 23:55:00 PST to 2026-11-21 00:05:00 PST"


@pytest.mark.parametrize("text", ["2026-11-20T14:05:00", "2026-11-20 14:05", "2026-11-20T14:05",
                                  "2026-11-20 14:05:00 PST", "2026-11-20 14:05:00 pst",
                                  "2026-11-20T14:05:00-08:00", "2026-11-20T22:05:00Z",
                                  "2026-11-20 22:05:00 UTC"])
def test_a_typed_time_is_read_in_the_cameras_zone_unless_it_says_otherwise(text):
    assert read_time(text, "--from", LA) == t("2026-11-20T22:05:00Z")


@pytest.mark.parametrize("text", ["2026-11-20T22:05Z", "2026-11-20 22:05z",
                                  "2026-11-20T14:05-08:00"])
def test_an_offset_time_without_seconds_is_read_as_a_wall_time_without_them_is(text):
    """The docs hunt: `2026-11-20T14:05` was read and `2026-11-20T14:05Z` was 'not a time'
    (RFC 3339 wants the seconds), though --help shows the first and the owner only added the
    zone to it."""
    assert read_time(text, "--from", LA) == t("2026-11-20T22:05:00Z")


def test_an_offset_time_without_seconds_is_held_to_the_offsets_rules():
    with pytest.raises(TimeError, match="is not a time"):
        read_time("2026-11-20T14:05+25:00", "--from", LA)


def test_what_is_shown_can_be_typed_back():
    us = t("2026-11-01T09:30:00Z")   # 01:30 PST: the second 01:30 of the fall-back night
    assert read_time(shown(us, LA), "--from", LA) == us


def test_a_time_in_the_repeated_hour_is_refused_naming_both_readings():
    with pytest.raises(TimeError) as caught:
        read_time("2026-11-01T01:30:00", "--from", LA)
    text = str(caught.value)
    assert "happened twice in America/Los_Angeles" in text
    assert "2026-11-01 01:30:00 PDT (-07:00, 08:30:00Z)" in text
    assert "2026-11-01 01:30:00 PST (-08:00, 09:30:00Z)" in text
    # The abbreviation or the offset says which.
    assert read_time("2026-11-01 01:30 PDT", "--from", LA) == t("2026-11-01T08:30:00Z")
    assert read_time("2026-11-01 01:30 PST", "--from", LA) == t("2026-11-01T09:30:00Z")
    assert read_time("2026-11-01T01:30:00-08:00", "--from", LA) == t("2026-11-01T09:30:00Z")


def test_a_time_that_never_happened_is_read_before_the_jump_and_said():
    notes = []
    us = read_time("2026-03-08T02:30:00", "--to", LA, note=notes.append)
    assert us == t("2026-03-08T10:30:00Z") and shown(us, LA) == "2026-03-08 03:30:00 PDT"
    assert notes and "never happened" in notes[0] and "03:30:00 PDT" in notes[0]


@pytest.mark.parametrize("text, words", [("yesterday", "is not a time"),
                                         ("2026-02-30T10:00", "not a real time"),
                                         ("2026-11-20 14:05 PDT", "read PST then, not PDT")])
def test_unreadable_times_say_why(text, words):
    with pytest.raises(TimeError, match=words):
        read_time(text, "--from", LA)


@pytest.fixture
def porch(tmp_path: Path, monkeypatch) -> Path:
    """A home with a porch camera in Los Angeles, on a PC whose zone is Berlin's."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    rec = tmp_path / "rec"
    write_clip(ClipSpec(path=rec / "porch.20261120_140500.mp4", start_us=t("2026-11-20T22:05:00Z"),
                        seconds=4, fps=5))
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", "porch",
                 "--tz", LA]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    return home


def test_recordings_read_in_the_cameras_zone_and_stay_utc_in_json(porch, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "recordings", "--camera", "porch",
                 "--from", "2026-11-20T14:00", "--to", "2026-11-20 14:10"]) == 0
    line = capsys.readouterr().out.splitlines()[0].split("\t")
    assert line[:3] == ["porch", "2026-11-20 14:05:00 PST", "2026-11-20 14:05:04 PST"]
    assert main(["--home", str(porch), "recordings", "--camera", "porch", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert (row["start"], row["end"]) == ("2026-11-20T22:05:00Z", "2026-11-20T22:05:04Z")
    # The same wall time read in the PC's zone (Berlin) would miss the recording entirely.
    assert main(["--home", str(porch), "recordings", "--camera", "porch",
                 "--from", "2026-11-20T14:06", "--to", "2026-11-20T14:10"]) == 3


def test_coverage_reads_and_shows_the_cameras_clock(porch, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "coverage", "--camera", "porch",
                 "--from", "2026-11-20T14:05:00", "--to", "2026-11-20T14:05:10"]) == 0
    out = capsys.readouterr().out
    assert "recorded 2026-11-20 14:05:00 PST to 14:05:04 PST" in out
    assert "gap      2026-11-20 14:05:04 PST to 14:05:10 PST" in out


def test_the_log_reads_in_the_pcs_zone(porch, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "log"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[1].endswith((" CET", " CEST")), first   # the PC's zone: Berlin
    assert main(["--home", str(porch), "log", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["at"].endswith("Z")


def test_the_times_a_log_record_holds_read_in_the_pcs_zone_too(porch, tmp_path, capsys):
    """The docs hunt: `log` showed each record's time in the PC's zone, but the windows it
    holds as Python's repr in UTC (`window={'end': '2026-11-20T22:05:04Z', ...}`), where
    cli.md has every time shown without --json in the owner's zone."""
    assert main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20T14:05", "--to", "2026-11-20T14:05:04", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["--home", str(porch), "log"]) == 0
    (export,) = [line for line in capsys.readouterr().out.splitlines() if "\texport\t" in line]
    assert export.endswith("window=2026-11-20 23:05:00 CET to 23:05:04 CET"), export
    assert "delivered=2026-11-20 23:05:00 CET to 23:05:03.800 CET " in export
    assert "{'" not in export and "T22:05" not in export


@pytest.mark.parametrize("text, utc", [
    ("2026-11-20 2:05 PM", "2026-11-20T22:05:00Z"),
    ("2026-11-20 02:05:30 pm", "2026-11-20T22:05:30Z"),
    ("2026-11-20 2:05PM", "2026-11-20T22:05:00Z"),
    ("2026-11-20 2:05 PM PST", "2026-11-20T22:05:00Z"),
    ("2026-11-20 12:30 AM", "2026-11-20T08:30:00Z"),
    ("2026-11-20 12:30 PM", "2026-11-20T20:30:00Z"),
    ("2026-11-20 11:59:59.5 PM", "2026-11-21T07:59:59.500000Z"),
    ("2026-11-01 1:30 AM PST", "2026-11-01T09:30:00Z")])
def test_a_time_on_a_12_hour_clock_is_read_as_the_owner_meant_it(text, utc):
    """The export hunt: `--from "2026-11-20 02:05 PM"` (the clock as Windows shows it) was
    refused with "clocks in America/Los_Angeles read PST then, not PM", AM and PM taken for a
    zone's abbreviation, and `2026-11-20 2:05 PM` was "not a time"."""
    assert read_time(text, "--from", LA) == t(utc)


@pytest.mark.parametrize("text", ["2026-11-20 14:05 PM", "2026-11-20 0:05 AM"])
def test_an_hour_no_12_hour_clock_shows_is_said_so(text):
    with pytest.raises(TimeError, match="a 12-hour clock's hours go from 1 to 12") as caught:
        read_time(text, "--from", LA)
    assert "read PST then" not in str(caught.value)


def test_the_repeated_hour_on_a_12_hour_clock_is_refused_as_on_a_24_hour_one():
    with pytest.raises(TimeError, match="happened twice in America/Los_Angeles"):
        read_time("2026-11-01 1:30 AM", "--from", LA)


def test_an_export_by_hand_takes_the_window_on_a_12_hour_clock(porch, tmp_path, capsys):
    out = tmp_path / "usb"
    out.mkdir()
    code = main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-11-20 2:05:01 PM", "--to", "2026-11-20 2:05:03 PM", "--out", str(out),
                 "--json", "--progress", "none"])
    cap = capsys.readouterr()
    assert code == 0, cap.err
    done = json.loads(cap.out)
    assert done["requested"] == {"start": "2026-11-20T22:05:01Z", "end": "2026-11-20T22:05:03Z"}
    assert Path(done["clip"]).is_file()


@pytest.mark.parametrize("zone_name", ["America/Sao_Paulo", "Asia/Kathmandu", "Etc/GMT+8",
                                       "Asia/Dubai"])
def test_a_time_shown_with_a_numeric_abbreviation_can_be_typed_back(zone_name):
    """The export hunt: a zone with no letters for its clocks is shown with its offset
    (`2026-11-20 19:05:00 -03`), and that time, copied from `recordings` into `export
    --from`, was "not a time", though docs/cli.md says a time may be typed as shown. Etc/GMT+8
    is the zone the docs give a camera on winter time all year."""
    us = t("2026-11-20T22:05:00Z")
    typed = shown(us, zone_name)
    assert typed[-3] in "+-" or typed[-5] in "+-"   # the numeric abbreviation, as shown
    assert read_time(typed, "--from", zone_name) == us
    assert read_time(typed, "--from", LA) == us     # an offset says the instant in any zone


@pytest.mark.parametrize("text", ["2026-11-20 14:05 -24", "2026-11-20 14:05 +05:60"])
def test_a_numeric_abbreviation_is_held_to_an_offsets_rules(text):
    with pytest.raises(TimeError, match="an offset's hours go from 00 to 23"):
        read_time(text, "--from", LA)


def test_an_export_takes_the_time_the_listing_showed_for_a_camera_on_winter_time(
        tmp_path, capsys):
    rec = tmp_path / "rec"
    write_clip(ClipSpec(path=rec / "yard.20261120_140500.mp4", start_us=t("2026-11-20T22:05:00Z"),
                        seconds=4, fps=5))
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", "yard",
                 "--tz", "Etc/GMT+8"]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    capsys.readouterr()
    assert main(["--home", str(home), "recordings", "--camera", "yard"]) == 0
    listed = capsys.readouterr().out.split("\t")
    assert listed[1] == "2026-11-20 14:05:00 -08"
    out = tmp_path / "usb"
    out.mkdir()
    code = main(["--home", str(home), "export", "--camera", "yard", "--from", listed[1],
                 "--to", "2026-11-20 14:05:03 -08", "--out", str(out), "--json",
                 "--progress", "none"])
    cap = capsys.readouterr()
    assert code == 0, cap.err
    assert json.loads(cap.out)["requested"] == {"start": "2026-11-20T22:05:00Z",
                                                "end": "2026-11-20T22:05:03Z"}


def test_a_window_the_clocks_jump_turns_around_is_said_as_it_was_read(porch, tmp_path, capsys):
    # export hunt 15: 02:30 to 03:10 on the night the clocks go forward, as the owner's
    # notes had it. 02:30 never happened and is read as 03:30 PDT (said in a note), so --from
    # came after --to, and the refusal said only "--from must be before --to", which the
    # owner's 02:30 and 03:10 are. It now says the two times as they were read.
    code = main(["--home", str(porch), "export", "--camera", "porch", "--from",
                 "2026-03-08T02:30:00", "--to", "2026-03-08T03:10:00", "--out", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "02:30:00 never happened" in err, err
    assert ("--from must be before --to (read as 2026-03-08 03:30:00 PDT to 03:10:00 PDT)"
            in err)
    code = main(["--home", str(porch), "coverage", "--camera", "porch", "--from",
                 "2026-03-08T02:30:00", "--to", "2026-03-08T03:10:00"])
    assert code == 2 and "(read as 2026-03-08 03:30:00 PDT to 03:10:00 PDT)" in \
        capsys.readouterr().err
