"""Clips handed over by hand: where the owner puts the package, and what the receiver gets.

Real footage written by PyAV, the real `footage-agent` command, a real index."""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import bagit
import pytest

from agent.cli import main
from agent.index.first_look import look_at_folder
from demo.samples import make_recordings
from tests.conftest import t

T0 = "2026-11-20T22:00:00Z"


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    """Porch: two 10 s files, 2 s GOP."""
    root = tmp_path_factory.mktemp("rec") / "porch"   # the folder names the camera
    make_recordings(root, "blue-iris", "porch", t(T0), 2, 10.0, fps=10, gop_s=2.0)
    for p in root.iterdir():  # finished long ago: not "in-progress"
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def run(capsys, home: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(home), *argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def recordings(capsys, home: Path) -> list[dict]:
    code, out, err = run(capsys, home, "recordings", "--json")
    assert code == 0, err
    return json.loads(out)


def test_a_package_saved_inside_the_recordings_folder_is_never_indexed_as_a_recording(
        capsys, home, footage, tmp_path):
    # The owner keeps exports beside the footage ("D:\\Cameras\\porch\\for the police"): the
    # clip in the package must not come back as a recording of the camera, placed at the
    # time it was exported, to be cut again into a later package as footage of that time.
    source = tmp_path / "porch"
    source.mkdir()
    for p in footage.iterdir():
        (source / p.name).write_bytes(p.read_bytes())
        os.utime(source / p.name, (1_700_000_000, 1_700_000_000))
    assert run(capsys, home, "scan", str(source), "--tz", "UTC")[0] == 0
    before = recordings(capsys, home)
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:15Z",
                         "--out", str(source / "for the police"), "--json")
    assert code == 0, err
    clip = Path(json.loads(out)["clip"])
    assert clip.is_file() and source in clip.parents
    code, _, err = run(capsys, home, "scan")
    assert code == 0, err
    after = recordings(capsys, home)
    assert [r["path"] for r in after] == [r["path"] for r in before]
    assert not any("for the police" in r["path"] for r in after)
    # and the first look at the folder, when it is added again, counts the recordings alone
    assert look_at_folder(source).recordings == 2


def test_the_package_tells_whoever_is_handed_it_what_to_play_and_how_to_check_it(
        capsys, home, footage, tmp_path):
    # A detective at the door gets a folder of BagIt files: the one file they can open says
    # which is the video, what it shows, to keep the folder whole, and how to check it.
    assert run(capsys, home, "scan", str(footage), "--tz", "America/New_York")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20 22:00:01.5", "--to", "2026-11-20 22:00:15",
                         "--out", str(tmp_path / "usb"), "--json")
    assert code == 0, err
    done = json.loads(out)
    package, clip = Path(done["package"]), Path(done["clip"])
    readme = package / "README.txt"
    text = readme.read_bytes().decode("utf-8")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")   # Notepad of any age
    rel = clip.relative_to(package).as_posix()
    assert f"Open {rel.replace('/', chr(92))}" in text and rel in text   # Windows' and others'
    record = json.loads((package / "data" / "provenance.json").read_text("utf-8"))
    assert record["camera"] in text and "for no request" in text
    # the window as approved, in UTC and in the recorder's zone, to the millisecond
    assert "Time: 2026-11-21 03:00:01.500 UTC to 2026-11-21 03:00:15 UTC" in text
    assert "2026-11-20 22:00:01.500 EST to 2026-11-20 22:00:15 EST (America/New_York" in text
    assert f'footage-agent verify "{package.name}"' in text
    code, keys, _ = run(capsys, home, "keys", "show", "--json")
    # who sealed it, and when: the owner id and the day bag-info.txt gives
    day = next(line.split(": ", 1)[1] for line in (package / "bag-info.txt").read_text(
        "utf-8").splitlines() if line.startswith("Bagging-Date: "))
    assert f"sealed on {day} (UTC) by owner {json.loads(keys)['owner_id']}" in text
    # signed with the rest: listed in the tag manifest, the package still checks out with
    # the stock tools and with verify, and a README changed afterwards fails it
    assert "  README.txt\n" in (package / "tagmanifest-sha256.txt").read_text("utf-8")
    bagit.Bag(str(package)).validate()
    code, _, err = run(capsys, home, "verify", str(package))
    assert code == 0, err
    readme.write_bytes(readme.read_bytes().replace(b"for no request", b"for case 12345"))
    code, _, err = run(capsys, home, "verify", str(package))
    assert code == 3 and "README.txt" in err


def test_the_command_says_what_to_hand_over(capsys, home, footage, tmp_path):
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:09Z",
                         "--out", str(tmp_path / "usb"))
    assert code == 0, err
    package = Path(out.strip())   # stdout: the package alone, for scripts
    assert package.is_dir()
    assert f"hand over the whole folder {package} as it is" in err and "README.txt" in err


@pytest.mark.parametrize("stage", ["cutting", "checking", "hashing sources", "sealing"])
def test_a_usb_stick_taken_out_mid_export_is_said_so_whatever_was_being_done(
        agent, footage, tmp_path, stage):
    # The stick is pulled while the package is written: the owner is told that, in the same
    # words at every step, never an internal build folder or "No such file or directory".
    from agent.errors import AgentError
    agent.add_source(footage, tz="UTC")
    agent.scan()
    stick = tmp_path / "stick"
    (stick / "clips").mkdir(parents=True)
    pulled = []

    def progress(now: str, fraction: float) -> None:
        if now == stage and not pulled:
            pulled.append(now)
            shutil.rmtree(stick)   # as the drive leaves: its folders with it

    with pytest.raises(AgentError) as caught:
        agent.export("porch", t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:15Z"),
                     stick / "clips", progress=progress)
    assert pulled == [stage]
    said = str(caught.value)
    assert said.startswith(f"the folder {stick / 'clips'} went away while the package was "
                           "written"), said
    assert ".package.partial" not in said and "No such file" not in said
    assert not stick.exists()   # none of its folders made again on this PC's own disk


@pytest.mark.parametrize("typed", ["", "  "])
def test_an_empty_out_is_a_usage_error_not_the_folder_the_command_runs_in(
        capsys, home, footage, tmp_path, monkeypatch, typed):
    # `--out "$STICK"` with the variable unset: the package went into the folder the command
    # ran in, said only by the path printed at the end (the app refuses an empty Save in).
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", typed)
    assert code == 2 and "--out is empty" in err, err
    assert list(here.iterdir()) == [] and out == ""


@pytest.mark.parametrize("inside", ["", "keys", "clips"])
def test_a_package_never_goes_inside_the_apps_own_folder(capsys, home, footage, inside):
    # The app's folder holds the owner's signing key: an owner who exports there and copies
    # "the folder it went into" for the detective would hand over the key, the index and the
    # inbox. Refused before anything is cut, nothing made.
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    before = sorted(p.relative_to(home) for p in home.rglob("*"))
    out = home / inside if inside else home
    code, _, err = run(capsys, home, "export", "--camera", "porch", "--from",
                       "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:09Z",
                       "--out", str(out))
    assert code == 2, err
    assert "signing key" in err and str(home) in err
    after = sorted(p.relative_to(home) for p in home.rglob("*")
                   if not p.name.startswith(("audit", "index.db")))
    assert not any(p.name.startswith("manual_") for p in home.rglob("*"))
    assert after == [p for p in before if not p.name.startswith(("audit", "index.db"))]


def test_two_cameras_named_are_refused_not_one_of_them_exported_quietly(capsys, home, footage,
                                                                         tmp_path):
    # `--camera porch --camera driveway` made a package of driveway alone and said nothing
    # of porch: the owner believed both were on the stick.
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    out = tmp_path / "usb"
    out.mkdir()
    code, _, err = run(capsys, home, "export", "--camera", "porch", "--camera", "porch",
                       "--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:09Z",
                       "--out", str(out))
    assert code == 2, err
    assert "one camera" in err and "once for each camera" in err
    assert list(out.iterdir()) == []


def _hevc_ts(folder: Path) -> None:
    """An H.265 recording in MPEG-TS, as DVRs and NVRs write them: parameter sets in-band."""
    import av
    from demo.samples import ClipSpec, write_clip
    src = write_clip(ClipSpec(path=folder.parent / "encoded" / "a.mp4", start_us=t(T0),
                              seconds=10.0, encoder="libx265"))
    dst = folder / "garage.20261120_220000.ts"
    folder.mkdir(parents=True)
    with av.open(str(src)) as i, av.open(str(dst), "w", format="mpegts") as o:
        stream = o.add_stream_from_template(i.streams.video[0])
        for packet in i.demux(i.streams.video[0]):
            if packet.dts is not None:
                packet.stream = stream
                o.mux(packet)
    os.utime(dst, (1_700_000_000, 1_700_000_000))


def test_the_readme_names_players_that_open_the_clip_as_written(capsys, home, footage,
                                                                 tmp_path):
    # An H.265 recording from MPEG-TS is cut into an MP4 whose sample entry is hev1, which
    # QuickTime Player does not open: the README must not send a Mac user to it.
    from agent.export.readme import video_entry
    garage = tmp_path / "rec" / "garage"
    _hevc_ts(garage)
    assert run(capsys, home, "scan", str(garage), "--tz", "UTC")[0] == 0
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    (row,) = [r for r in recordings(capsys, home) if r["camera"] == "garage"]
    readmes = {}
    for camera, start in (("garage", row["start"]), ("porch", T0)):
        code, out, err = run(capsys, home, "export", "--camera", camera, "--from", start,
                             "--to", utc_plus(start, 8), "--out", str(tmp_path / camera),
                             "--json")
        assert code == 0, err
        done = json.loads(out)
        readmes[video_entry(Path(done["clip"]))] = (
            Path(done["package"]) / "README.txt").read_text("utf-8")
    assert set(readmes) == {"hev1", "avc1"}
    assert "QuickTime Player does not open" in readmes["hev1"] and "VLC" in readmes["hev1"]
    assert "(QuickTime Player)" in readmes["avc1"]


def utc_plus(text: str, seconds: int) -> str:
    from agent.timebase import US, format_utc
    return format_utc(t(text) + seconds * US)


def test_a_folder_made_for_an_export_that_made_nothing_is_taken_away_again(agent, footage,
                                                                            tmp_path):
    # The app (as the command does) leaves no empty folder of its own behind when the export
    # is refused or cancelled: the owner looks for a package where there is none.
    import threading
    from agent.errors import AgentError
    agent.add_source(footage, tz="UTC")
    agent.scan()
    nothing = tmp_path / "nothing recorded"
    with pytest.raises(AgentError):   # no footage in that window
        agent.export("porch", t("2026-11-21T10:00:00Z"), t("2026-11-21T10:01:00Z"), nothing)
    assert not nothing.exists()
    cancelled, cancel = tmp_path / "cancelled", threading.Event()
    cancel.set()
    with pytest.raises(Exception):
        agent.export("porch", t("2026-11-20T22:00:01Z"), t("2026-11-20T22:00:09Z"), cancelled,
                     cancel=cancel)
    assert not cancelled.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    with pytest.raises(AgentError):   # a folder that was there stays
        agent.export("porch", t("2026-11-21T10:00:00Z"), t("2026-11-21T10:01:00Z"), kept)
    assert kept.is_dir()


def test_recordings_an_owner_archived_as_a_bagit_bag_are_still_indexed(capsys, home, footage,
                                                                        tmp_path):
    # bagit.py turns a folder into a bag in place (files moved under data/): an owner's own
    # archive of a day's recordings is theirs to index, not an evidence package to skip.
    import bagit as stock_bagit
    source = tmp_path / "porch"
    day = source / "2026-11-20"
    day.mkdir(parents=True)
    for p in footage.iterdir():
        (day / p.name).write_bytes(p.read_bytes())
    stock_bagit.make_bag(str(day))
    for p in (day / "data").iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    assert run(capsys, home, "scan", str(source), "--tz", "UTC")[0] == 0
    assert len(recordings(capsys, home)) == 2


@pytest.fixture(scope="module")
def gapped(tmp_path_factory) -> Path:
    """A Reolink card in Los Angeles: 10 s with sound, nothing for 10 s, 10 s more."""
    porch = tmp_path_factory.mktemp("rec") / "reolink-sd"
    for start in (T0, "2026-11-20T22:00:20Z"):
        make_recordings(porch, "reolink-sd", "porch", t(start), 1, 10.0,
                        zone_name="America/Los_Angeles", audio=True)
    for p in porch.rglob("*.mp4"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return porch


def test_the_readme_says_what_of_the_window_the_video_lacks_and_where_a_player_shows_it(
        capsys, home, tmp_path, gapped):
    # The owner is told of the 10 s the camera recorded nothing in; the neighbour or insurer
    # handed the folder has only README.txt, and a player that holds the picture still for
    # 10 s: they must read there that nothing was recorded, not guess that something was cut.
    import av
    from agent.timebase import US
    assert run(capsys, home, "scan", str(gapped), "--tz", "America/Los_Angeles")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "reolink-sd", "--from",
                         "2026-11-20T21:59:55Z", "--to", "2026-11-20T22:00:28Z", "--out",
                         str(tmp_path / "out"), "--keep-audio", "--json")
    assert code == 0, err
    done = json.loads(out)
    readme = (Path(done["package"]) / "README.txt").read_text("utf-8")
    assert ("Nothing was recorded from 2026-11-20 21:59:55 UTC to 2026-11-20 22:00:00 UTC "
            "(2026-11-20 13:59:55 PST to 2026-11-20 14:00:00 PST): before the video's first "
            "frame.") in readme
    assert ("Nothing was recorded from 2026-11-20 22:00:10 UTC to 2026-11-20 22:00:20 UTC "
            "(2026-11-20 14:00:10 PST to 2026-11-20 14:00:20 PST): in the player the picture "
            "stands still from 0:10 to 0:20.") in readme
    assert "skipped" not in readme
    # ... and that is what a player finds: no frame between 0:10 and 0:20, the sound there
    # too, and both going on at 0:20, together.
    with av.open(done["clip"]) as clip:
        times = [round(p.pts * p.time_base * US) for p in clip.demux(video=0) if p.pts is not None]
    with av.open(done["clip"]) as clip:
        sound = [round(f.time * US) for f in clip.decode(audio=0)]
    assert max(x for x in times if x < 15 * US) < 10 * US and min(
        x for x in times if x > 10 * US) == 20 * US
    assert not [x for x in sound if 10_100_000 < x < 20 * US] and 20 * US in sound


def test_the_readme_says_a_copy_starts_at_a_keyframe_after_the_window_does(capsys, home,
                                                                          footage, tmp_path):
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z", "--out",
                         str(tmp_path), "--json")
    assert code == 0, err
    readme = (Path(json.loads(out)["package"]) / "README.txt").read_text("utf-8")
    assert ("NOT IN THE VIDEO\n  The video starts at 2026-11-20 22:00:02 UTC, 1 s after the "
            "window does: a copy starts at a keyframe") in readme
    assert "Nothing was recorded" not in readme


def test_a_readme_names_a_dozen_stretches_not_recorded_and_counts_the_rest():
    # A camera that records on motion leaves a gap between every event: the README stays
    # readable, and says where the full list is.
    from agent.export.readme import readme_text
    from agent.timebase import US, format_utc
    base = t(T0)
    gaps = [{"start": format_utc(base + (2 * i + 1) * US), "end": format_utc(base + (2 * i + 2) * US)}
            for i in range(15)]
    record = {"approved": {"start": T0, "end": format_utc(base + 31 * US)},
              "delivered": {"start": T0, "end": format_utc(base + 30 * US), "frames": 160,
                            "shortfall_start_s": 0.0, "shortfall_end_s": 0.0},
              "gaps": gaps, "camera": "porch", "request": None, "cut": {"mode": "copy"},
              "clock": {"time_zones": ["UTC"]},
              "outputs": [{"path": "data/porch.mp4"}]}
    text = readme_text(record, "manual_porch", "OWNER", "avc1", "2026-12-07")
    assert text.count("Nothing was recorded") == 12
    assert "picture stands still from 0:23 to 0:24." in text
    assert "... and 3 more such stretches, all listed in data/provenance.json (gaps)." in text


def test_a_window_starting_where_nothing_was_recorded_is_not_said_to_wait_for_a_keyframe(
        capsys, home, tmp_path, gapped):
    # Its first 5 s hold no recording: an exact cut was told "copy mode starts at the first
    # keyframe ... (use --mode exact)", and verify said "(a copy starts on a keyframe)".
    assert run(capsys, home, "scan", str(gapped), "--tz", "America/Los_Angeles")[0] == 0
    for mode in ("exact", "copy"):
        code, out, err = run(capsys, home, "export", "--camera", "reolink-sd", "--from",
                             "2026-11-20T21:59:55Z", "--to", "2026-11-20T22:00:05Z", "--mode",
                             mode, "--out", str(tmp_path / mode))
        assert code == 0, err
        assert "keyframe" not in err and "--mode exact" not in err
        assert "note: nothing was recorded from 2026-11-20 13:59:55 PST to 14:00:00 PST" in err
        code, printed, said = run(capsys, home, "verify", out.strip())
        assert code == 0, printed + said
        assert ("not in the clip: the approved window's 5 s at the start (nothing was recorded "
                "then)") in said and "a copy starts on a keyframe" not in said
        readme = (Path(out.strip()) / "README.txt").read_text("utf-8")
        assert "keyframe" not in readme and "before the video's first frame" in readme


def test_the_readmes_check_runs_as_written_with_the_stock_tools(capsys, home, footage,
                                                                tmp_path):
    # A lawyer with no footage-agent types the README's two commands where it says to: the
    # Library of Congress bagit.py and minisign, as installed, say the package is whole.
    import shlex
    import subprocess
    import sys
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path), "--json")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    lines = (package / "README.txt").read_text("utf-8").splitlines()
    tools = {"bagit.py": [sys.executable, str(Path(sys.executable).parent / "bagit.py")],
             "minisign": [shutil.which("minisign") or pytest.skip("no minisign here")]}
    places = {"(in the folder holding this one)": package.parent, "(inside this folder)": package}
    ran = []
    for line in lines:
        typed = line.strip()
        for where, folder in places.items():
            if typed.endswith(where) and typed.split()[0] in tools:
                argv = shlex.split(typed[:-len(where)])
                done = subprocess.run(tools[argv[0]] + argv[1:], cwd=folder, capture_output=True,
                                      text=True, timeout=60)
                assert done.returncode == 0, done.stdout + done.stderr
                ran.append(argv[0])
    assert ran == ["bagit.py", "minisign"]
    (package / "data" / "owner.pub").write_bytes(b"untrusted comment: x\nRWQ" + b"A" * 53 + b"\n")
    assert subprocess.run(["minisign", "-Vm", "tagmanifest-sha256.txt", "-p", "data/owner.pub"],
                          cwd=package, capture_output=True).returncode != 0


def test_the_readme_says_to_delete_what_a_mac_adds_before_the_stock_check(capsys, home,
                                                                         footage, tmp_path):
    # A detective opens data/ in a Mac's Finder to play the video, off a USB stick: Finder
    # leaves .DS_Store there and macOS a ._ file beside the clip. bagit.py then said the
    # package "is invalid" (Payload-Oxum) and the README said nothing of why or what to do.
    import subprocess
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path), "--json")
    assert code == 0, err
    done = json.loads(out)
    package, clip = Path(done["package"]), Path(done["clip"])
    (package / "data" / ".DS_Store").write_bytes(b"Bud1")
    (package / "data" / f"._{clip.name}").write_bytes(b"\x00\x05\x16\x07")
    bagit_py = [sys.executable, str(Path(sys.executable).parent / "bagit.py")]
    stock = lambda: subprocess.run([*bagit_py, "--validate", package.name],  # noqa: E731
                                   cwd=package.parent, capture_output=True, timeout=60)
    assert stock().returncode != 0
    mac = " (inside this folder, on a Mac)"
    lines = [line.strip()[:-len(mac)] for line in
             (package / "README.txt").read_text("utf-8").splitlines() if line.endswith(mac)]
    assert lines, "the README says what to type on a Mac"
    for line in lines:   # as typed in Terminal, in the package's folder
        assert subprocess.run(["sh", "-c", line], cwd=package, timeout=60).returncode == 0
    assert stock().returncode == 0
    assert bagit.Bag(str(package)).is_valid()
    readme = (package / "README.txt").read_text("utf-8")
    assert "Thumbs.db" in readme and "desktop.ini" in readme   # Windows' alike


def test_the_readme_says_to_delete_the_folders_a_nas_makes_before_the_stock_check(
        capsys, home, footage, tmp_path):
    # A package kept on a Synology share, or a NAS sharing to Macs by netatalk, has its
    # @eaDir (thumbnails, a media index of each file) or .AppleDouble folder in data/.
    # bagit.py said the package "is invalid: Payload-Oxum validation failed. Expected 3
    # files ... but found 5 files", and after the README's lines, which deleted only a file
    # browser's files, still "found 5 files": the README named neither folder.
    import subprocess
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path), "--json")
    assert code == 0, err
    done = json.loads(out)
    package, clip = Path(done["package"]), Path(done["clip"])
    synology = package / "data" / "@eaDir" / f"{clip.name}@SynoEAStream"
    synology.parent.mkdir()
    synology.write_bytes(b"\x00\x05\x16\x07 synology")
    (synology.parent / "SYNOVIDEO_VIDEO_SCREENSHOT.jpg").write_bytes(b"\xff\xd8")
    netatalk = package / "data" / ".AppleDouble" / clip.name
    netatalk.parent.mkdir()
    netatalk.write_bytes(b"\x00\x05\x16\x07 netatalk")
    bagit_py = [sys.executable, str(Path(sys.executable).parent / "bagit.py")]
    stock = lambda: subprocess.run([*bagit_py, "--validate", package.name],  # noqa: E731
                                   cwd=package.parent, capture_output=True, timeout=60)
    assert stock().returncode != 0
    readme = (package / "README.txt").read_text("utf-8")
    mac = " (inside this folder, on a Mac)"
    for line in [line.strip()[:-len(mac)] for line in readme.splitlines()
                 if line.endswith(mac)]:   # as typed in Terminal, in the package's folder
        assert subprocess.run(["sh", "-c", line], cwd=package, timeout=60).returncode == 0
    assert stock().returncode == 0, "bagit.py still fails after the README's lines"
    assert "@eaDir" in readme.split("find data")[0] and ".AppleDouble" in readme


def test_the_readmes_windows_line_deleting_what_explorer_adds_runs_in_powershell_too(
        capsys, home, footage, tmp_path):
    # Windows 11's Terminal opens PowerShell, where `del` is Remove-Item: the README's
    # `del /a data\._* data\.DS_Store ...` stops there ("A positional parameter cannot be
    # found that accepts argument"), and bagit.py kept saying the package is invalid. Given
    # to cmd (`cmd /c`), the same line runs in Command Prompt and PowerShell alike. Neither
    # shell runs here: the line is held to that form, and to naming every file the README
    # says a file browser adds, in data/, with Windows' separators.
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path), "--json")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    where = " (inside this folder, on Windows)"
    files, folders = [line.strip()[:-len(where)].split() for line in
                      (package / "README.txt").read_text("utf-8").splitlines()
                      if line.endswith(where)]
    # /f: a file with Windows' read-only mark (copied from read-only media, or a Mac's
    # locked file on a stick) is refused by `del` without it ("Access is denied"): `/f`
    # "forces deletion of read-only files" (`del /?`), `/a` alone takes hidden and system
    # files (Thumbs.db, desktop.ini) but not read-only ones.
    assert files[:5] == ["cmd", "/c", "del", "/f", "/a"], files
    assert files[5:] == ["data\\._*", "data\\.DS_Store", "data\\Thumbs.db", "data\\desktop.ini"]
    # The folders a NAS makes, with all they hold (`rd` is Remove-Item in PowerShell too).
    assert folders == ["cmd", "/c", "rd", "/s", "/q", "data\\@eaDir", "data\\.AppleDouble"]


def test_the_readmes_own_check_says_where_to_type_it_and_inside_the_package_says_so(
        capsys, home, footage, tmp_path, monkeypatch):
    # Windows 11's "Open in Terminal" on the package folder opens a terminal inside it, where
    # the README's `footage-agent verify "NAME"`, which said nowhere where to type it, gave
    # "NAME does not exist" (exit 2): the folder is right there, as the one the terminal is in.
    import shlex
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    where = "(in the folder holding this one)"
    (typed,) = [line.strip()[:-len(where)] for line in
                (package / "README.txt").read_text("utf-8").splitlines()
                if line.strip().startswith("footage-agent verify")]
    assert typed.endswith('"   '), "the README says where to type it"
    argv = shlex.split(typed)
    assert argv[:2] == ["footage-agent", "verify"]
    monkeypatch.chdir(package.parent)
    assert run(capsys, home, *argv[1:])[0] == 0
    monkeypatch.chdir(package)
    code, _out, err = run(capsys, home, *argv[1:])
    assert code == 2
    assert err.strip() == (f"footage-agent: {package.name} is the folder this command runs in, "
                           "not one inside it: type footage-agent verify . here, or go up one "
                           "folder (cd ..) and type it again")
    assert run(capsys, home, "verify", ".")[0] == 0   # as it says


def test_the_readmes_check_runs_on_windows_where_pip_left_bagit_py_off_the_path(
        capsys, home, footage, tmp_path):
    # pip on Windows puts bagit.py in a Scripts folder that is not on PATH unless the
    # installer was told so (and never for the Microsoft Store's Python): pip says so, and
    # the README's `bagit.py --validate` is "not recognized". Its `py -m bagit` is run here
    # with this Python, as the Windows launcher `py` runs the one installed.
    import shlex
    import subprocess
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:04Z", "--out", str(tmp_path), "--json")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    where = "(in the folder holding this one, on Windows when bagit.py is not found)"
    typed = [line.strip()[:-len(where)] for line in
             (package / "README.txt").read_text("utf-8").splitlines() if line.endswith(where)]
    assert [shlex.split(line)[:3] for line in typed] == [["py", "-m", "bagit"]]
    argv = shlex.split(typed[0])
    done = subprocess.run([sys.executable, *argv[1:]], cwd=package.parent, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0 and "is valid" in done.stderr, done.stderr


def test_the_readme_says_what_the_owner_hid_and_where_the_sound_is_silent(capsys, home,
                                                                          tmp_path, gapped):
    # Black shapes over the picture and a silent second look like a broken camera or a
    # tampered clip to whoever is handed it: README.txt says the owner hid them.
    assert run(capsys, home, "scan", str(gapped), "--tz", "America/Los_Angeles")[0] == 0
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0, 0], [0.4, 0], [0.4, 0.4]],
                                             [[0.6, 0.6], [1, 0.6], [1, 1]]]}))
    assert run(capsys, home, "masks", "set", "reolink-sd", str(mask))[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "reolink-sd", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z", "--keep-audio",
                         "--mute", "2026-11-20T22:00:02Z/2026-11-20T22:00:03.5Z", "--out",
                         str(tmp_path / "out"), "--json")
    assert code == 0, err
    readme = (Path(json.loads(out)["package"]) / "README.txt").read_text("utf-8")
    assert ("HIDDEN BY THE OWNER\n  2 areas of the picture are filled black in every frame: "
            "privacy masks the owner drew") in readme
    assert ("The sound is silenced from 2026-11-20 22:00:02 UTC to 2026-11-20 22:00:03.500 UTC "
            "(2026-11-20 14:00:02 PST to 2026-11-20 14:00:03.500 PST): in the player from 0:01 "
            "to 0:03.") in readme
    assert "every frame was encoded again; the recording itself was not changed" in readme


def test_a_window_where_the_camera_changed_codec_says_where_to_split_it(capsys, home,
                                                                        tmp_path):
    # The owner switched the camera to H.265 at 22:00:04: a window across it was refused
    # "change codec (H.264 and H.265); export the parts separately", exit 1 (unexpected),
    # naming neither where the parts meet nor which is which.
    from agent.timebase import local_text
    root = tmp_path / "rec" / "porch"
    make_recordings(root, "blue-iris", "porch", t(T0), 1, 4.0, fps=10, gop_s=2.0)
    make_recordings(root, "blue-iris", "porch", t(T0) + 4 * 10**6, 1, 4.0, fps=10, gop_s=2.0,
                    encoder="libx265")
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    assert run(capsys, home, "scan", str(root), "--tz", "UTC")[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from", T0, "--to",
                         "2026-11-20T22:00:08Z", "--out", str(tmp_path / "usb"))
    assert code == 3 and out == "", err
    change = local_text(t("2026-11-20T22:00:04Z"))
    assert f"at {change} (H.264 before, H.265 from then on)" in err, err
    assert not (tmp_path / "usb").exists()
    for start, end in ((T0, "2026-11-20T22:00:04Z"),
                       ("2026-11-20T22:00:04Z", "2026-11-20T22:00:08Z")):   # as it says
        code, _, err = run(capsys, home, "export", "--camera", "porch", "--from", start,
                           "--to", end, "--out", str(tmp_path / "usb"))
        assert code == 0, err


def test_masks_deleted_from_the_apps_folder_stop_the_export_until_the_owner_says(capsys, home,
                                                                                footage, tmp_path):
    """Masks hunt: the app's `masks` folder deleted by hand after masks were drawn: `export`
    made the clip without them and said nothing."""
    assert run(capsys, home, "scan", str(footage))[0] == 0
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0, 0], [0.4, 0], [0.4, 0.4]]]}))
    assert run(capsys, home, "masks", "set", "porch", str(mask))[0] == 0
    shutil.rmtree(home / "masks")
    window = ["export", "--camera", "porch", "--from", "2026-11-20T22:00:01Z", "--to",
              "2026-11-20T22:00:03Z", "--out", str(tmp_path / "out")]
    code, out, err = run(capsys, home, *window)
    assert code == 1 and "the saved masks of camera 'porch' are damaged" in err, err
    assert "is gone, though the activity log says 1 area was saved there" in err
    assert not (tmp_path / "out").exists()
    code, out, err = run(capsys, home, "masks", "show", "porch")
    assert code == 1 and "is gone" in err
    code, out, err = run(capsys, home, *window, "--no-masks", "--json")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    assert json.loads((package / "data" / "provenance.json").read_text("utf-8"))["redactions"] == []


def test_masks_left_off_by_choice_are_said_and_logged(capsys, home, footage, tmp_path):
    """Masks hunt: `export --no-masks` of a camera with privacy masks said nothing of them, and
    the activity log's record read as an export of a camera with none: a script's stray flag,
    or a choice made in a hurry, left no trace of what went out in the clear."""
    from agent.audit.log import AuditLog

    assert run(capsys, home, "scan", str(footage))[0] == 0
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0, 0], [0.4, 0], [0.4, 0.4]]]}))
    assert run(capsys, home, "masks", "set", "porch", str(mask))[0] == 0
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:03Z", "--out",
                         str(tmp_path / "out"), "--no-masks")
    assert code == 0, err
    assert ("note: camera porch's 1 privacy mask was left off (--no-masks): what it hides is "
            "in the clear in this package") in out + err
    (record,) = [r for r in AuditLog(home).entries() if r["event"] == "export"]
    assert record["data"]["masks_left_off"] == 1 and record["data"]["redactions"] == []


def test_a_request_file_that_is_no_token_is_read_no_further_than_a_token_may_be(
        capsys, home, footage, tmp_path):
    """Export hunt: `--request` read its FILE whole before looking at it: a recording given for
    the token by mistake (gigabytes) went into memory first, to be told after that "the token
    is 2097152 bytes" (exit 3), and a named pipe was waited on for ever."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    window = ["--camera", "porch", "--from", "2026-11-20T22:00:01Z", "--to",
              "2026-11-20T22:00:05Z", "--out", str(tmp_path / "usb"), "--progress", "none"]
    big = tmp_path / "clip.mp4"
    with open(big, "wb") as f:
        f.truncate(2 * 2**20)
    code, out, err = run(capsys, home, "export", *window, "--request", str(big))
    assert code == 2 and out == ""
    assert f"--request: {big} is larger than any request token (at most 64 KiB)" in err
    assert not (tmp_path / "usb").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX's")
def test_a_named_pipe_given_as_the_request_file_is_not_waited_on(capsys, home, footage, tmp_path):
    import threading

    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    pipe = tmp_path / "token"
    os.mkfifo(pipe)

    def writer():   # lets a read that waits for a writer end (nothing written)
        with open(pipe, "wb"):
            pass
    held = threading.Thread(target=writer, daemon=True)
    held.start()
    code, _out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                          "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z",
                          "--out", str(tmp_path / "usb"), "--request", str(pipe))
    while held.is_alive():   # the writer waits for a reader: give it one
        os.close(os.open(pipe, os.O_RDONLY | os.O_NONBLOCK))
        held.join(0.05)
    assert code == 2
    assert "is not an ordinary file (a named pipe or a device), so it is not read" in err


@pytest.mark.parametrize("inside", ["", "data", "data/more clips", "more clips"])
def test_an_export_into_a_package_is_refused_and_the_package_stays_sealed(
        capsys, home, footage, tmp_path, inside):
    """Export hunt: --out naming the last export's package (or its data folder: the owner
    chose the package for the folder holding it) put the new package inside it, and the
    sealed package then failed its check: "... is an extra file in data/ that is not part of
    the signed package"."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    usb = tmp_path / "usb"
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z",
                         "--out", str(usb), "--json", "--progress", "none")
    assert code == 0, err
    package = Path(json.loads(out)["package"])
    before = sorted(p.relative_to(package) for p in package.rglob("*"))
    chosen = package / inside if inside else package
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:06Z", "--to", "2026-11-20T22:00:09Z",
                         "--out", str(chosen), "--progress", "none")
    assert code == 2 and out == ""
    assert "choose the folder that holds" in err.lower() and f"({usb})" in err
    assert ("is an evidence package" if not inside else
            f"is inside the evidence package {package}") in err
    assert sorted(p.relative_to(package) for p in package.rglob("*")) == before
    assert run(capsys, home, "verify", str(package))[0] == 0
    assert [p.name for p in usb.iterdir()] == [package.name]


@pytest.mark.parametrize("typed, words", [
    ("", "--camera: a camera name cannot be empty"),
    ("   ", "--camera: a camera name cannot be empty"),
    # `--camera Cámara` from a Latin-1 terminal on a UTF-8 computer: Python reads the byte
    # 0xE1 as a lone surrogate
    (os.fsdecode(b"C\xe1mara"), "cannot hold a character this computer cannot read")])
@pytest.mark.parametrize("command", ["export", "recordings", "coverage"])
def test_a_camera_typed_wrong_is_a_usage_error(capsys, home, footage, tmp_path, typed, words,
                                               command):
    """Export hunt: `export --camera "$CAM"` with CAM unset was "no recordings of a camera named
    ''" (exit 3, as if nothing matched), and a name holding bytes that are no character ended
    with Python's "'utf-8' codec can't encode character '\\udce1' ...: surrogates not allowed"
    (exit 1); docs/cli.md says both are usage errors (exit 2), as `sources add` says them."""
    if "\udce1" in typed and os.fsencode(typed) != b"C\xe1mara":
        pytest.skip("the file system's encoding here is not UTF-8 with surrogateescape")
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    window = ["--from", "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z"]
    extra = {"export": [*window, "--out", str(tmp_path / "usb")], "coverage": window,
             "recordings": []}[command]
    code, out, err = run(capsys, home, command, "--camera", typed, *extra)
    assert code == 2 and out == "", err
    assert words in err and "surrogates" not in err and "codec" not in err
    assert not (tmp_path / "usb").exists()


def test_a_new_folder_under_a_file_says_the_file_is_in_the_way(capsys, home, footage, tmp_path):
    """Export hunt: --out clip.mp4/clips (a file's name typed for its folder's) said "does not
    exist, nor does the folder it would go in (.../clip.mp4): connect the drive it is on, or
    make the folders first", which it does: it is a file."""
    assert run(capsys, home, "scan", str(footage), "--tz", "UTC")[0] == 0
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "clip.mp4").write_bytes(b"the owner's own file")
    code, out, err = run(capsys, home, "export", "--camera", "porch", "--from",
                         "2026-11-20T22:00:01Z", "--to", "2026-11-20T22:00:05Z",
                         "--out", str(usb / "clip.mp4" / "clips"), "--progress", "none")
    assert code == 2 and out == ""
    assert (f"{usb / 'clip.mp4' / 'clips'} cannot be made, since {usb / 'clip.mp4'} is a file, "
            "not a folder") in err
    assert "does not exist" not in err
    assert (usb / "clip.mp4").read_bytes() == b"the owner's own file"
