"""The index commands as cli.md promises them: names, JSON shapes and exit codes."""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from agent.cli import main
from demo.samples import ClipSpec, write_clip
from tests.conftest import t


@pytest.fixture(scope="module")
def recordings(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rec") / "porch"   # the folder names the camera
    root.mkdir()
    for i, start in enumerate(("2026-11-20T14:00:00", "2026-11-20T14:00:10", "2026-11-20T14:00:30")):
        name = f"porch.{start.replace('-', '').replace(':', '').replace('T', '_')}.mp4"
        write_clip(ClipSpec(path=root / name, start_us=t(start + "-08:00"), seconds=10, fps=5))
    (root / "porch.20261120_150000.mp4").write_bytes(b"")
    for p in root.iterdir():  # finished long ago: not "in-progress"
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_sources_add_list_remove(capsys, recordings, home):
    h = ["--home", str(home)]
    assert run(capsys, *h, "sources", "add", str(recordings), "--tz", "America/Los_Angeles",
               "--clock-offset", "2.5")[0] == 0
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert code == 0
    assert json.loads(out) == [{"path": str(recordings), "camera": recordings.name,
                                "tz": "America/Los_Angeles", "layout": "auto", "clock_offset_s": 2.5,
                                "cameras": [recordings.name], "recorder": None}]
    assert run(capsys, "sources", "remove", str(recordings), *h)[0] == 0
    code, _, err = run(capsys, *h, "sources", "remove", str(recordings))
    assert code == 3 and "not a registered" in err


def test_removing_a_folder_whose_camera_has_masks_says_which_name_keeps_them(capsys, recordings,
                                                                            home, tmp_path):
    """Masks hunt: an owner whose recordings moved (another drive letter) removes the folder
    and adds it again, named as its new folder: the camera's privacy masks stay with its old
    name, and every export of the new camera went out unmasked, nothing said on the way."""
    h = ["--home", str(home)]
    assert run(capsys, *h, "scan", str(recordings), "--tz", "UTC")[0] == 0
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0, 0], [0.5, 0], [0.5, 0.5]]]}))
    assert run(capsys, *h, "masks", "set", recordings.name, str(mask))[0] == 0
    code, out, err = run(capsys, *h, "sources", "remove", str(recordings))
    assert code == 0, err
    assert (f"camera {recordings.name} has 1 privacy mask, kept by its name: when you add its "
            f"recordings again, name the camera {recordings.name} (`sources add PATH --camera "
            f"{recordings.name}`), or their exports are not masked") in out + err


def test_a_folder_inside_or_around_one_added_is_refused_so_nothing_is_indexed_twice(
        capsys, tmp_path, home):
    # New-user hunt: adding the parent of a folder already added indexed its recordings again
    # under a second camera; a request for one camera could be answered from the other's copy.
    h = ["--home", str(home)]
    recordings = tmp_path / "recordings" / "porch"
    inner = recordings / "2026"
    inner.mkdir(parents=True)
    assert run(capsys, *h, "sources", "add", str(recordings), "--tz", "UTC")[0] == 0
    for folder, words in ((recordings.parent, f"holds the recordings folder {recordings}"),
                          (inner, f"is inside the recordings folder {recordings}")):
        code, _, err = run(capsys, *h, "scan", str(folder), "--tz", "UTC")
        assert code == 3 and words in err and "porch" in err
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert [s["path"] for s in json.loads(out)] == [str(recordings)]   # nothing added
    beside = recordings.parent / "yard"
    beside.mkdir()
    assert run(capsys, *h, "sources", "add", str(beside), "--tz", "UTC")[0] == 0
    assert run(capsys, *h, "sources", "add", str(recordings), "--camera", "front")[0] == 0


def bind(folder: Path, at: Path) -> bool:
    """`folder` reached at `at` too, as a share mounted twice is (root only, where mounts are
    allowed)."""
    at.mkdir(parents=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", "--bind", str(folder), str(at)],
                          capture_output=True).returncode == 0


def test_one_folder_reached_by_two_paths_is_refused_as_one_folder(capsys, tmp_path, home):
    """One folder reached by two paths (a bind mount of a NAS share's mount, a drive reached by
    its letter and by its network name): the paths differ, links resolved or not, so the second
    was added and every recording indexed twice, under `cam` and `cam-2`."""
    share, again = tmp_path / "nas", tmp_path / "mnt" / "nas-again"
    (share / "cam").mkdir(parents=True)
    if not bind(share, again):
        pytest.skip("a folder cannot be mounted a second time here")
    h = ["--home", str(home)]
    try:
        assert run(capsys, *h, "sources", "add", str(share / "cam"), "--tz", "UTC")[0] == 0
        for folder, words in (
                (again / "cam", f"is the recordings folder {share / 'cam'} reached by another "
                                "path (one drive or share mounted twice)"),
                (again, f"holds the recordings folder {share / 'cam'}")):
            code, _, err = run(capsys, *h, "sources", "add", str(folder), "--tz", "UTC")
            assert code == 3 and words in err, err
        code, out, _ = run(capsys, *h, "sources", "list", "--json")
        assert [s["path"] for s in json.loads(out)] == [str(share / "cam")]   # nothing added
    finally:
        subprocess.run(["umount", str(again)], capture_output=True)


def test_scan_recordings_and_coverage_json(capsys, recordings, home):
    h = ["--home", str(home)]
    code, out, _ = run(capsys, *h, "scan", str(recordings), "--tz", "America/Los_Angeles", "--json")
    assert code == 0 and json.loads(out)[0]["seen"] == 4
    code, out, err = run(capsys, *h, "recordings", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 4
    first = rows[0]
    for key in ("path", "source", "camera", "start", "end", "layout", "status", "reason"):
        assert key in first
    ok = [r for r in rows if r["status"] == "ok"]
    assert ok[0]["start"] == "2026-11-20T22:00:00Z" and ok[0]["end"] == "2026-11-20T22:00:10Z"
    assert ok[0]["source"] == str(recordings) and Path(ok[0]["path"]).is_absolute()
    assert {r["status"] for r in rows} == {"ok", "empty"}
    code, out, _ = run(capsys, *h, "recordings", "--from", "2026-11-20T14:00:05-08:00",
                       "--to", "2026-11-20T14:00:12-08:00", "--json")
    assert [r["start"] for r in json.loads(out)] == ["2026-11-20T22:00:00Z", "2026-11-20T22:00:10Z"]
    code, out, _ = run(capsys, *h, "coverage", "--camera", "porch", "--from", "2026-11-20T22:00:05Z",
                       "--to", "2026-11-20T22:00:35Z", "--json")
    cov = json.loads(out)
    assert code == 0
    assert cov["spans"] == [{"start": "2026-11-20T22:00:05Z", "end": "2026-11-20T22:00:20Z"},
                            {"start": "2026-11-20T22:00:30Z", "end": "2026-11-20T22:00:35Z"}]
    assert cov["gaps"] == [{"start": "2026-11-20T22:00:20Z", "end": "2026-11-20T22:00:30Z"}]
    assert cov["covered_s"] == 20.0


@pytest.mark.parametrize("args, code, words", [
    (["coverage", "--camera", "porch", "--from", "yesterday", "--to", "2026-11-20T22:00:35Z"], 2, "is not a time"),
    (["coverage", "--camera", "porch", "--from", "2026-11-20T22:00:35Z", "--to", "2026-11-20T22:00:05Z"], 2, "before"),
    (["coverage", "--camera", "nobody", "--from", "2026-11-20T22:00:05Z", "--to", "2026-11-20T22:00:35Z"], 3, "no recordings"),
    (["coverage", "--camera", "porch", "--from", "2027-01-01T00:00:00Z", "--to", "2027-01-01T01:00:00Z"], 3, "nothing recorded"),
    # Without an offset, a time in the hour the camera's clock repeats is refused, naming
    # both readings (other times without one are read in its zone: test_local_time.py).
    (["recordings", "--camera", "porch", "--from", "2026-11-01T01:30:00"], 2,
     "2026-11-01 01:30:00 PDT (-07:00, 08:30:00Z) or 2026-11-01 01:30:00 PST (-08:00, 09:30:00Z)"),
    (["sources", "add", "/no/such/folder"], 1, "not a folder"),
    (["sources", "add", ".", "--tz", "Mars/Olympus"], 2, "is not a time zone: give an IANA name"),
    (["sources", "add", ".", "--layout", "vhs-tape"], 2, "is not a recorder layout: use auto"),
])
def test_errors_are_plain_with_contract_exit_codes(capsys, recordings, home, args, code, words):
    run(capsys, "--home", str(home), "scan", str(recordings), "--tz", "America/Los_Angeles")
    got, out, err = run(capsys, "--home", str(home), *args)
    assert got == code and words in err
    assert "Traceback" not in err


def test_scan_with_nothing_to_scan_is_a_usage_error(capsys, home):
    code, _, err = run(capsys, "--home", str(home), "scan")
    assert code == 2 and "sources add" in err


def test_re_adding_a_folder_to_rename_its_camera_keeps_its_zone_layout_and_clock(
        capsys, recordings, home, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")   # this PC's zone is not the camera's
    h = ["--home", str(home)]
    run(capsys, *h, "sources", "add", str(recordings), "--tz", "America/Los_Angeles",
        "--layout", "blue-iris", "--clock-offset", "3")
    run(capsys, *h, "scan")
    before = json.loads(run(capsys, *h, "recordings", "--json")[1])
    assert before[0]["start"] == "2026-11-20T21:59:57Z"

    code, _, err = run(capsys, *h, "sources", "add", str(recordings), "--camera", "front")
    assert code == 0 and "zone America/Los_Angeles, layout blue-iris, clock offset +3 s" in err
    listed = json.loads(run(capsys, *h, "sources", "list", "--json")[1])
    assert [(s["camera"], s["tz"], s["layout"], s["clock_offset_s"]) for s in listed] == [
        ("front", "America/Los_Angeles", "blue-iris", 3.0)]
    run(capsys, *h, "scan")
    after = json.loads(run(capsys, *h, "recordings", "--json")[1])
    assert [(r["camera"], r["start"]) for r in after] == [("front", r["start"]) for r in before]
    # what is given still changes it
    run(capsys, *h, "sources", "add", str(recordings), "--clock-offset", "0")
    assert json.loads(run(capsys, *h, "sources", "list", "--json")[1])[0]["clock_offset_s"] == 0


@pytest.mark.parametrize("offset", ["nan", "inf", "-inf", "1e300", "3153600001"])
def test_an_unusable_clock_offset_is_a_usage_error_naming_the_range(capsys, recordings, home,
                                                                      offset):
    h = ["--home", str(home)]
    code, _, err = run(capsys, *h, "sources", "add", str(recordings), f"--clock-offset={offset}")
    assert code == 2 and "between -3153600000 and 3153600000 (100 years)" in err
    assert "unexpected" not in err
    assert json.loads(run(capsys, *h, "sources", "list", "--json")[1]) == []
    assert run(capsys, *h, "sources", "add", str(recordings), "--clock-offset", "-3153600000")[0] == 0


def _copy_of(recordings: Path, folder: Path) -> Path:
    shutil.copytree(recordings, folder, copy_function=shutil.copy)
    for p in folder.iterdir():   # finished long ago: not "in-progress"
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return folder


def test_scan_goes_on_past_a_missing_drive_and_says_so(capsys, recordings, tmp_path):
    h = ["--home", str(tmp_path / "home")]
    usb = _copy_of(recordings, tmp_path / "a-garage-usb")
    porch = _copy_of(recordings, tmp_path / "porch")
    for folder in (usb, porch):
        run(capsys, *h, "sources", "add", str(folder), "--tz", "America/Los_Angeles")
    shutil.rmtree(usb)   # the USB drive was unplugged; it sorts first

    code, out, err = run(capsys, *h, "scan", "--json")
    assert code == 1
    reports = {r["source"]: r for r in json.loads(out)}
    assert reports[str(porch)]["added"] == 4
    assert reports[str(usb)]["seen"] == 0 and "connect the drive" in reports[str(usb)]["problems"][0]
    assert f"footage-agent: the recordings folder {usb} is missing" in err
    assert len(json.loads(run(capsys, *h, "recordings", "--camera", "porch", "--json")[1])) == 4


def test_a_clock_offset_kept_by_an_older_version_stops_only_its_own_folder(
        capsys, recordings, tmp_path):
    home = tmp_path / "home"
    h = ["--home", str(home)]
    bad = _copy_of(recordings, tmp_path / "a-bad")
    porch = _copy_of(recordings, tmp_path / "porch")
    for folder in (bad, porch):
        run(capsys, *h, "sources", "add", str(folder), "--tz", "America/Los_Angeles")
    with closing(sqlite3.connect(home / "index.db")) as db, db:
        db.execute("UPDATE sources SET clock_offset_s=1e300 WHERE root=?", (str(bad),))

    code, out, err = run(capsys, *h, "scan", "--json")
    assert code == 1 and "unexpected" not in err
    assert "--clock-offset S" in err and str(bad) in err
    assert {r["source"]: r["added"] for r in json.loads(out)} == {str(bad): 0, str(porch): 4}
    code, _, err = run(capsys, *h, "scan", str(bad))
    assert code == 1 and "is not usable" in err
    assert run(capsys, *h, "sources", "add", str(bad), "--clock-offset", "0")[0] == 0
    assert run(capsys, *h, "scan")[0] == 0


@pytest.mark.parametrize("kept", ["1e300", "'NaN'", "9e999"])
def test_a_clock_offset_an_older_version_kept_unusable_is_set_aside_when_its_folder_is_added(
        capsys, recordings, tmp_path, kept):
    """Added again with no offset (as the app's step 1 adds it, which has no offset to give,
    and the step that sets one needs a recent recording the folder cannot have indexed),
    the folder kept the unusable offset and was refused ('the clock offset ... is not usable:
    give the camera clock minus true time ...'): nothing but the command line with
    --clock-offset could put it right. It is taken as right (0), as for a new folder, and
    said so; its zone and layout are kept."""
    home = tmp_path / "home"
    h = ["--home", str(home)]
    bad = _copy_of(recordings, tmp_path / "a-bad")
    run(capsys, *h, "sources", "add", str(bad), "--tz", "America/Los_Angeles",
        "--layout", "blue-iris")
    with closing(sqlite3.connect(home / "index.db")) as db, db:
        db.execute(f"UPDATE sources SET clock_offset_s={kept}")
    code, out, err = run(capsys, *h, "sources", "add", str(bad))
    assert code == 0, err
    assert (f"the clock offset kept for {bad} " in err and "could not be used, so it is 0 "
            "now: the camera's clock is taken as right" in err), err
    listed = json.loads(run(capsys, *h, "sources", "list", "--json")[1])
    assert [(s["tz"], s["layout"], s["clock_offset_s"]) for s in listed] == [
        ("America/Los_Angeles", "blue-iris", 0)]
    assert run(capsys, *h, "scan")[0] == 0
    assert "could not be used" not in run(capsys, *h, "sources", "add", str(bad))[2]


@pytest.mark.parametrize("kept", ["1e300", "'NaN'", "9e999"])
def test_a_clock_offset_an_older_version_kept_unusable_is_listed_as_such(
        capsys, recordings, home, kept):
    """`sources list` failed on one kept as text ('Unknown format code 'g' for object of type
    'str'', exit 1) and its --json wrote `Infinity`, which JSON has not (a strict reader
    refuses the whole list)."""
    h = ["--home", str(home)]
    run(capsys, *h, "sources", "add", str(recordings))
    with closing(sqlite3.connect(home / "index.db")) as db, db:
        db.execute(f"UPDATE sources SET clock_offset_s={kept}")
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert code == 0
    listed = json.loads(out, parse_constant=lambda c: pytest.fail(f"{c} is not JSON"))
    assert [s["clock_offset_s"] for s in listed] == [None]
    code, out, err = run(capsys, *h, "sources", "list")
    assert code == 0 and "offset=unusable" in out, err


def test_the_installed_command_runs_and_home_env_works(recordings, tmp_path):
    env = {"FOOTAGE_AGENT_HOME": str(tmp_path / "h"), "PATH": "/usr/bin:/bin"}
    version = subprocess.run([sys.executable, "-m", "agent.cli", "--version"], capture_output=True,
                             text=True, env=env)
    assert version.returncode == 0 and version.stdout.startswith("footage-agent ")
    res = subprocess.run([sys.executable, "-m", "agent.cli", "scan", str(recordings), "--json"],
                         capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)[0]["seen"] == 4  # stdout holds only the JSON
    assert (tmp_path / "h" / "index.db").exists()
    assert ((tmp_path / "h").stat().st_mode & 0o777) == 0o700


# A value typed wrong: exit 2 saying what would be right, checked before anything changes.
@pytest.mark.parametrize("args, words", [
    (["sources", "add", "{rec}", "--tz", "Bogus"], "--tz 'Bogus' is not a time zone"),
    (["sources", "add", "{rec}", "--tz", "america/los angeles"],
     "give an IANA name, perhaps America/Los_Angeles (leave"),
    (["sources", "add", "{rec}", "--tz", ""], "--tz needs a time zone name"),
    # A region, not a zone: tzdata holds it as a folder, so it said "<the app's tzdata>/Pacific
    # is a folder where a file was expected: check the path" (exit 1; the app showed "[Errno 21]")
    (["sources", "add", "{rec}", "--tz", "Pacific"], "--tz 'Pacific' is not a time zone: give"),
    (["sources", "add", "{rec}", "--layout", "blueiris"], "or one of "),
    (["sources", "add", "{rec}", "--camera", " "], "--camera: a camera name cannot be empty"),
    (["sources", "add", "{rec}", "--clock-offset", "an hour"], "is not a number of seconds"),
    (["scan", "{rec}", "--tz", "Not/AZone"], "--tz 'Not/AZone' is not a time zone"),
    (["scan", "{new}", "--tz", "Not/AZone"], "--tz 'Not/AZone' is not a time zone"),
    (["cameras", "rename", "porch", ""], "NEW: a camera name cannot be empty"),
    # Refused before the recorder is contacted (nothing listens there: contacting it is exit 1).
    (["sources", "add-recorder", "http://127.0.0.1:9", "--vendor", "dahua", "--user", "u",
      "--plain-http", "--password-stdin", "--zone", "Bogus"], "--zone 'Bogus' is not a time zone"),
    # The docs hunt: these were exit 1 once the recorder was contacted, or after a refused
    # connection; a fingerprint of the wrong shape was compared to the device's.
    (["sources", "add-recorder", "https://127.0.0.1:9", "--vendor", "dahua", "--user", "u",
      "--password-stdin", "--fingerprint", "AB:CD"], "--fingerprint 'AB:CD' is not a certificate"),
    (["sources", "add-recorder", "ftp://192.168.1.20", "--vendor", "dahua", "--user", "u",
      "--password-stdin"], "is not a recorder address"),
    (["sources", "add-recorder", "http://192.168.1.20", "--vendor", "dahua", "--user", "u",
      "--password-stdin"], "or add --plain-http for a recorder on your home network"),
])
def test_an_option_value_typed_wrong_exits_2_and_changes_nothing(capsys, recordings, home,
                                                                  tmp_path, args, words):
    h = ["--home", str(home)]
    assert run(capsys, *h, "sources", "add", str(recordings), "--tz", "UTC")[0] == 0
    assert run(capsys, *h, "scan")[0] == 0
    before = [run(capsys, *h, *what, "--json")[1] for what in (["sources", "list"], ["cameras"])]
    (tmp_path / "new").mkdir()
    filled = [a.format(rec=recordings, new=tmp_path / "new") for a in args]
    try:
        code, _, err = run(capsys, *h, *filled)
    except SystemExit as exc:   # argparse's own refusals (a type that is not a number)
        code, err = exc.code, capsys.readouterr().err
    assert code == 2 and words in err, err
    assert "unexpected" not in err and "Traceback" not in err
    assert [run(capsys, *h, *what, "--json")[1] for what in (["sources", "list"], ["cameras"])] \
        == before


def test_a_scan_counts_one_file_as_one_file(capsys, recordings, tmp_path):
    one = tmp_path / "porch"
    one.mkdir()
    shutil.copy2(sorted(recordings.glob("*.mp4"))[0], one)
    code, _, err = run(capsys, "--home", str(tmp_path / "home"), "scan", str(one), "--tz", "UTC")
    assert code == 0 and f"{one}: 1 file (1 new, 0 changed, 0 unchanged, 0 gone)" in err, err


def test_a_recording_given_where_its_folder_is_asked_for_names_the_folder(
        capsys, recordings, home):
    """A new owner drags one recording onto the command instead of its folder: 'connect the
    drive' is wrong advice for a file that is right there."""
    clip = next(recordings.glob("*.mp4"))
    for argv in (["sources", "add", str(clip)], ["scan", str(clip)]):
        code, _, err = run(capsys, "--home", str(home), *argv)
        assert code == 2, err
        assert f"{clip} is a file, not a folder" in err
        assert f"give the recordings folder that holds it ({recordings})" in err
        assert "connect the drive" not in err
    code, out, _ = run(capsys, "--home", str(home), "sources", "list", "--json")
    assert json.loads(out) == []   # nothing half-registered


def test_removing_a_folder_that_is_not_registered_names_those_that_are(
        capsys, recordings, home):
    h = ["--home", str(home)]
    assert run(capsys, *h, "sources", "add", str(recordings))[0] == 0
    typo = str(recordings) + "h"
    code, _, err = run(capsys, *h, "sources", "remove", typo)
    assert code == 3 and f"{typo} is not a registered recordings folder" in err
    assert f"registered: {recordings}" in err
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert [s["path"] for s in json.loads(out)] == [str(recordings)]


def test_changing_a_folders_zone_places_its_recordings_again_at_once(capsys, recordings, home):
    """`sources add` again to correct the zone: the recordings kept their old times until the
    next scan, so an export straight after cut the wrong seconds, and the command said 'added'
    as if the folder were new."""
    h = ["--home", str(home)]
    run(capsys, *h, "scan", str(recordings), "--tz", "America/Los_Angeles")
    before = json.loads(run(capsys, *h, "recordings", "--json")[1])
    code, _, err = run(capsys, *h, "sources", "add", str(recordings), "--tz", "America/New_York")
    assert code == 0
    assert f"changed {recordings} (camera porch, zone America/New_York" in err
    assert "placed in time again" in err and "added" not in err
    after = json.loads(run(capsys, *h, "recordings", "--json")[1])
    three_hours = 3 * 3600
    assert [t_(r["start"]) for r in after] == [t_(r["start"]) - three_hours for r in before]
    code, _, err = run(capsys, *h, "sources", "add", str(recordings))
    assert code == 0 and f"{recordings} is registered already; nothing changed" in err


def t_(text: str) -> int:
    return t(text) // 1_000_000


def test_names_on_a_shared_drive_cannot_write_on_the_owners_terminal(capsys, tmp_path):
    """File and folder names are anyone's on a NAS share or a copied card: one holding terminal
    escapes (ESC [2J clears the screen, ESC ]0; retitles the window) or a newline went into the
    listings as it was, so a name could erase lines, colour them or add a fake one."""
    root = tmp_path / "share\x1b]0;pwned\x07"
    hostile = ["Yard.20261120_14\x1b[2J\x1b[31m0000.mp4", "Yard.20261120_140010\nok line.mp4",
               "Yard.20261120_140020\r.mp4"]
    for n, name in enumerate(hostile):
        write_clip(ClipSpec(path=root / name, start_us=t("2026-11-20T22:00:00Z") + n * 10_000_000,
                            seconds=4, fps=5))
    (root / "Yard.20261120_220040.mp4").write_bytes(b"not a video")   # damaged: marked
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    h = ["--home", str(tmp_path / "home")]
    assert run(capsys, "sources", "add", str(root), "--camera", "yard", "--tz", "UTC", *h)[0] == 0
    assert run(capsys, "scan", *h)[0] == 0
    listings = [run(capsys, "recordings", *h), run(capsys, "sources", "list", *h),
                run(capsys, "cameras", *h),
                run(capsys, "coverage", "--camera", "yard", "--from", "2026-11-20T22:00:00Z",
                    "--to", "2026-11-20T22:01:00Z", *h)]
    for code, out, err in listings:
        assert code == 0
        assert not any(ch in out + err for ch in "\x1b\x07\r"), out
    recordings_out = listings[0][1]
    assert len(recordings_out.splitlines()) == 4   # a line per recording, none made up
    assert "\\x1b[2J" in recordings_out and "140010\\nok line" in recordings_out
    assert "\\x1b]0;pwned\\x07" in listings[1][1]
    assert "share\\x1b]0;pwned\\x07/Yard.20261120_220040.mp4" in listings[3][1]


def test_a_scan_says_how_many_files_it_has_looked_at_as_it_goes(capsys, recordings, tmp_path,
                                                                monkeypatch):
    """A NAS share of tens of thousands of recordings takes minutes to index the first time,
    and the scan said nothing until it was done: no way to tell it from one that hangs."""
    from agent.index import scan as scan_mod
    monkeypatch.setattr(scan_mod, "PROGRESS_EVERY", 2)
    h = ["--home", str(tmp_path / "home")]
    assert run(capsys, "sources", "add", str(recordings), "--tz", "UTC", *h)[0] == 0
    code, out, err = run(capsys, "scan", "--progress", "json", "--json", *h)
    assert code == 0 and json.loads(out)[0]["seen"] == 4
    updates = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    done = [u["done"] for u in updates]   # the first at once, the others at most 4 a second
    assert done[0] == 2 and done == sorted(done) and done[-1] <= 4
    assert {(u["stage"], u["unit"], u["total"]) for u in updates} == {
        (f"scanning {recordings}", "file", None)}
    code, out, err = run(capsys, "scan", "--progress", "plain", *h)
    assert code == 0 and f"scanning {recordings} (2 files)" in err
    monkeypatch.setattr(scan_mod, "PROGRESS_EVERY", 1)
    code, out, err = run(capsys, "scan", "--progress", "plain", *h)
    assert code == 0 and f"scanning {recordings} (1 file)" in err   # not "1 files"


def test_a_folder_named_as_a_mac_writes_it_is_found_by_the_name_typed(capsys, tmp_path, home):
    """A card a Mac named 'Café' keeps the accent as a character of its own (NFD); typed, it
    is one character (NFC). On a Mac both open the same folder, yet `sources remove` and
    `scan PATH` typed so said it was not registered ("registered: .../Café")."""
    folder = tmp_path / "Cafe\u0301"
    folder.mkdir()
    typed = str(tmp_path / "Caf\u00e9")
    h = ["--home", str(home)]
    assert run(capsys, *h, "sources", "add", str(folder), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, *h, "scan", typed, "--json")
    assert code == 0, err
    assert [r["source"] for r in json.loads(out)] == [str(folder)]
    code, _, err = run(capsys, *h, "sources", "remove", typed)
    assert code == 0, err
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert json.loads(out) == []


def test_a_folder_holding_the_apps_own_folder_is_refused_before_anything_is_read(capsys,
                                                                                 tmp_path):
    # New-owner hunt: choosing a whole drive (C:\ or /) or the user folder was accepted, and its
    # scan then read every video on the drive, the owner's own and the app's safe copies too,
    # as one camera's recordings.
    user = tmp_path / "Users" / "ann"
    home = user / "AppData" / "Local" / "footage-agent"
    videos = user / "Videos"
    videos.mkdir(parents=True)
    home.parent.mkdir(parents=True)   # AppData\Local is always there: a new home goes inside
    h = ["--home", str(home)]
    for folder in (user, tmp_path):
        for command in ("sources", "add"), ("scan",):
            code, _, err = run(capsys, *h, *command, str(folder), "--tz", "UTC")
            assert code == 3, err
            assert f"{folder} holds footage-agent's own folder {home}" in err
            assert "Choose the folder your recorder" in err
    (home / "holds").mkdir()
    code, _, err = run(capsys, *h, "sources", "add", str(home / "holds"), "--tz", "UTC")
    assert code == 3 and f"is inside footage-agent's own folder {home}" in err, err
    code, out, _ = run(capsys, *h, "sources", "list", "--json")
    assert json.loads(out) == []   # nothing added
    assert run(capsys, *h, "sources", "add", str(videos), "--tz", "UTC")[0] == 0   # beside it


def test_an_export_from_a_folder_whose_kept_clock_offset_is_unusable_says_how_to_set_it(
        capsys, recordings, tmp_path):
    """Its recordings indexed before an older version saved the offset: the export cut, hashed
    and then failed as it sealed, in Python's words ('the provenance record cannot be written
    as JSON: Out of range float values are not JSON compliant: inf'). It is refused before
    anything is cut, as the scan is, saying how to set the offset again; nothing is made."""
    home, out = tmp_path / "home", tmp_path / "out"
    h = ["--home", str(home)]
    folder = _copy_of(recordings, tmp_path / "porch")
    run(capsys, *h, "sources", "add", str(folder), "--tz", "America/Los_Angeles")
    run(capsys, *h, "scan")
    with closing(sqlite3.connect(home / "index.db")) as db, db:
        db.execute("UPDATE sources SET clock_offset_s=9e999")
    code, _, err = run(capsys, *h, "export", "--camera", "porch", "--from",
                       "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:04Z", "--out", str(out))
    assert code != 0 and "unexpected" not in err and "JSON" not in err, err
    assert f"the clock offset kept for {folder} (inf s) is not usable" in err, err
    assert "--clock-offset S" in err and not out.exists()
    run(capsys, *h, "sources", "add", str(folder), "--clock-offset", "0")
    code, _, err = run(capsys, *h, "export", "--camera", "porch", "--from",
                       "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:04Z", "--out", str(out))
    assert code == 0, err
