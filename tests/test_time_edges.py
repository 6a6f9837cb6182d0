"""Times at the edges: offsets that are not real ones, and dates near year 1 or 9999, typed on
the command line, carried in the protocol or written in a recording's name. Each is refused in
plain words (exit 2 on the command line) or shown safely, never an OverflowError."""
from __future__ import annotations

import json
import os
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from agent.cli import main
from agent.commands.common import utc
from agent.commands.local_time import read_time, shown
from agent.timebase import compact_utc
from demo.samples import ClipSpec, write_clip
from frp.times import AFTER_LAST_US, FIRST_US, TimeError, format_utc, parse_rfc3339
from tests.conftest import t

LA = "America/Los_Angeles"


@pytest.mark.parametrize("text, words", [
    ("2026-11-20T14:00:00+25:00", "offset +25:00 is out of range"),
    ("2026-11-20T14:00:00+24:00", "offset +24:00 is out of range"),
    ("2026-11-20T14:00:00+08:99", "offset +08:99 is out of range"),
    ("2026-11-20T14:00:00-0860", "offset -0860 is out of range"),
    ("9999-12-31T23:59:59-08:00", "outside the years 1 to 9999 in UTC"),
    ("0001-01-01T00:00:00+01:00", "outside the years 1 to 9999 in UTC"),
])
def test_the_protocol_refuses_offsets_and_dates_that_are_not_real(text, words):
    with pytest.raises(TimeError, match=re.escape(words)):
        parse_rfc3339(text)


def test_the_protocol_reads_only_ascii_digits_and_writes_four_digit_years():
    with pytest.raises(TimeError, match="not an RFC 3339 time"):
        parse_rfc3339("\u0662\u0660\u0662\u0666-11-20T14:00:00Z")   # Arabic-Indic digits
    assert parse_rfc3339("2026-11-20T14:00:00+23:59") == t("2026-11-19T14:01:00Z")
    assert parse_rfc3339("0001-01-01T00:00:00Z") == FIRST_US
    assert parse_rfc3339("9999-12-31T23:59:59.999999Z") == AFTER_LAST_US - 1
    assert format_utc(FIRST_US) == "0001-01-01T00:00:00Z"
    assert compact_utc(FIRST_US) == "00010101T000000Z"


@pytest.mark.parametrize("text", [
    "2026-11-20T14:00:00+25:00", "2026-11-20T14:00:00+08:99", "9999-12-31T23:59:59-08:00",
    "9999-12-31 23:30", "0001-01-01T00:00:00+01:00",
    "0001-01-01T00:00:00Z", "0001-01-01 00:00 UTC",   # year 0 on a Los Angeles clock
])
def test_typed_times_that_are_not_real_say_so(text):
    with pytest.raises(TimeError, match=re.escape(f"--to '{text}' is not a time: ")):
        read_time(text, "--to", LA)


def test_the_last_and_first_dates_a_clock_shows_are_read_and_shown():
    last = read_time("9999-12-31T23:59:59Z", "--to", LA)
    assert shown(last, LA) == "9999-12-31 15:59:59 PST"
    first = read_time("0001-01-01T08:00:00Z", "--from", LA)
    assert shown(first, LA).startswith("0001-01-01 00:07:02 ")   # Los Angeles' mean solar time
    assert utc(first) == "0001-01-01T08:00:00Z"


def test_a_time_an_older_index_kept_past_9999_is_shown_never_a_crash():
    assert shown(AFTER_LAST_US + 7 * 3600 * 10**6, LA) == "(not a real date)"
    assert utc(AFTER_LAST_US) is None


@pytest.fixture
def porch(tmp_path: Path) -> Path:
    rec = tmp_path / "rec"
    write_clip(ClipSpec(path=rec / "porch.20261120_140500.mp4", start_us=t("2026-11-20T22:05:00Z"),
                        seconds=4, fps=5))
    home = tmp_path / "home"
    assert main(["--home", str(home), "sources", "add", str(rec), "--camera", "porch",
                 "--tz", LA]) == 0
    assert main(["--home", str(home), "scan"]) == 0
    return home


@pytest.mark.parametrize("start, end", [
    ("2026-11-20T14:00:00+25:00", "2026-11-20T15:00:00-08:00"),
    ("2026-11-20T14:00:00+08:99", "2026-11-20T15:00:00-08:00"),
    ("2026-11-20T14:00:00-08:00", "9999-12-31T23:59:59-08:00"),
    ("9999-12-31 23:30", "9999-12-31 23:40"),
    ("0001-01-01T00:00:00+01:00", "2026-11-20T14:00:00-08:00"),
])
@pytest.mark.parametrize("command", ["coverage", "recordings"])
def test_the_commands_refuse_them_as_usage_errors(porch, capsys, command, start, end):
    capsys.readouterr()
    code = main(["--home", str(porch), command, "--camera", "porch", "--from", start,
                 "--to", end, "--json"])
    err = capsys.readouterr().err
    assert code == 2 and "is not a time" in err
    assert "unexpected" not in err and "timedelta" not in err


def test_an_export_refused_for_its_time_makes_no_folder(porch, capsys, tmp_path):
    out = tmp_path / "new-folder"
    code = main(["--home", str(porch), "export", "--camera", "porch", "--from", "2026-11-20 14:05",
                 "--to", "9999-12-31T23:59:59-08:00", "--out", str(out)])
    assert code == 2 and "outside the years 1 to 9999" in capsys.readouterr().err
    assert not out.exists()


def test_the_widest_window_lists_with_four_digit_years(porch, capsys):
    capsys.readouterr()
    assert main(["--home", str(porch), "coverage", "--camera", "porch", "--from",
                 "0001-01-01T08:00:00Z", "--to", "9999-12-31T23:59:59.999999Z", "--json"]) == 0
    cov = json.loads(capsys.readouterr().out)
    assert (cov["from"], cov["to"]) == ("0001-01-01T08:00:00Z", "9999-12-31T23:59:59.999999Z")
    assert cov["covered_s"] == 4.0


def test_a_name_dated_past_9999_in_utc_is_not_a_real_time(tmp_path, capsys):
    """9999-12-31 23:30 in Los Angeles is in year 10000 in UTC: the name's time is set aside
    as month 13 would be, the file is placed by what else it tells, and every listing works."""
    rec = tmp_path / "rec"
    name = rec / "CH01_99991231_233000_235900.mp4"
    write_clip(ClipSpec(path=name, start_us=t("2026-05-14T18:00:00Z"), seconds=2, fps=5))
    os.utime(name, (1_700_000_000, 1_700_000_000))
    home = tmp_path / "home"
    h = ["--home", str(home)]
    assert main([*h, "sources", "add", str(rec), "--tz", LA]) == 0
    assert main([*h, "scan"]) == 0
    capsys.readouterr()
    assert main([*h, "recordings", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert "the start written in the name is not a real time" in row["reason"]
    assert (row["time_source"], row["start"], row["end"]) == (
        "container", "2026-05-14T18:00:00Z", "2026-05-14T18:00:02Z")
    assert main([*h, "recordings"]) == 0
    assert "2026-05-14 11:00:00 PDT" in capsys.readouterr().out


def test_a_row_an_older_version_indexed_past_9999_still_lists(porch, capsys):
    with closing(sqlite3.connect(porch / "index.db")) as db, db:
        db.execute("UPDATE files SET start_us=?, end_us=?", (AFTER_LAST_US + 1, AFTER_LAST_US + 2))
    capsys.readouterr()
    assert main(["--home", str(porch), "recordings", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["start"], row["end"]) == (None, None)
    assert main(["--home", str(porch), "recordings"]) == 0
    assert "(not a real date)" in capsys.readouterr().out


@pytest.mark.parametrize("window", [None, "2026-11-20", {}, {"start": None, "end": None},
                                    {"start": "2026-11-20T22:00:00Z"},
                                    {"start": 5, "end": "2026-11-20T22:00:00Z"},
                                    {"start": "yesterday", "end": "2026-11-20T22:00:00Z"}])
def test_a_window_that_is_not_one_reads_as_none_where_packages_are_checked(window):
    """frp.times.window_of, the one reading of a `{start, end}` window for `verify`, its
    summary, the request a package answers and the portal's approval check. Two of the four
    copies it replaced raised AttributeError on a null time (a package whose record or token
    says `"start": null`), where they meant to say the window was not one."""
    from frp.times import window_of
    from portal.approval_match import Approval, outside_approval
    assert window_of(window) is None
    approval = Approval("req-1", "https://police.example.gov", "ab" * 32,
                        (parse_rfc3339("2026-11-20T22:00:00Z"),
                         parse_rfc3339("2026-11-20T22:10:00Z")), ("porch",))
    provenance = {"request": {"id": "req-1", "agency": "https://police.example.gov"},
                  "outputs": [{"path": "data/request.jws", "sha256": "ab" * 32}],
                  "camera": "porch", "approved": window,
                  "delivered": {"start": "2026-11-20T22:01:00Z", "end": "2026-11-20T22:02:00Z"}}
    assert "approved window lies outside" in outside_approval(provenance, approval)


def test_a_window_written_with_another_offset_is_the_same_instants():
    from frp.times import window_of
    assert window_of({"start": "2026-11-20T14:00:00-08:00", "end": "2026-11-20T22:10:00Z"}) == (
        parse_rfc3339("2026-11-20T22:00:00Z"), parse_rfc3339("2026-11-20T22:10:00Z"))


@pytest.mark.parametrize("region", ["Pacific", "America"])
def test_a_regions_name_is_no_time_zone_on_windows_either(monkeypatch, region):
    # The zone database holds a region as a folder: opening it is IsADirectoryError here and
    # PermissionError on Windows (which this machine cannot open a folder into), not "not found".
    from agent import timebase

    with pytest.raises(timebase.TimeError, match=f"unknown time zone '{region}'"):
        timebase.zone(region)

    def windows_zoneinfo(name):
        raise PermissionError(13, "Permission denied", f"C:\\Python\\tzdata\\zoneinfo\\{name}")
    monkeypatch.setattr(timebase, "ZoneInfo", windows_zoneinfo)
    with pytest.raises(timebase.TimeError, match=f"unknown time zone '{region}'"):
        timebase.zone(region)
