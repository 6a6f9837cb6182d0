"""Camera identity: the owner's name for a recordings folder names its camera, a folder of
several channels gives `<name>/<channel>`, two folders never merge, and a rename holds."""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import av
import pytest

import agent.index.describe as describe_mod
import agent.index.scan as scan_mod
from agent.audit.log import AuditLog
from agent.cli import main
from agent.export.masks import CameraMasks, Polygon, masks_file
from agent.service import NotFound, Refusal
from demo.samples import ClipSpec, make_recordings, write_clip
from tests.conftest import t

LA = "America/Los_Angeles"
DAHUA = "2026-11-20/001/dav/14/14.00.{s:02d}-14.00.{e:02d}[R][0@0][0].mp4"


def dahua_card(root: Path, width: int, channel: str = "001") -> Path:
    """A Dahua-style SD card: two 10 s files of one channel, `width` pixels wide."""
    for s in (0, 10):
        rel = DAHUA.format(s=s, e=s + 10).replace("/001/", f"/{channel}/")
        write_clip(ClipSpec(path=root / rel, start_us=t("2026-11-20T22:00:00Z") + s * 1_000_000,
                            seconds=10, fps=5, width=width, height=width * 3 // 4))
    for p in root.rglob("*.mp4"):
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


def cli(capsys, home: Path, *args: str) -> tuple[int, object, str]:
    code = main(["--home", str(home), *args])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip().startswith(("[", "{")) else out.out), out.err


def test_two_same_brand_cards_are_two_cameras_named_by_the_owner(capsys, tmp_path):
    garage, side = dahua_card(tmp_path / "card1", 320), dahua_card(tmp_path / "card2", 160)
    home = tmp_path / "home"
    assert cli(capsys, home, "sources", "add", str(garage), "--camera", "garage", "--tz", LA)[0] == 0
    assert cli(capsys, home, "sources", "add", str(side), "--camera", "side", "--tz", LA)[0] == 0
    assert cli(capsys, home, "scan")[0] == 0

    for camera, card in (("garage", garage), ("side", side)):
        code, rows, _ = cli(capsys, home, "recordings", "--camera", camera, "--json")
        assert code == 0 and len(rows) == 2
        assert {(r["camera"], r["channel"], r["source"]) for r in rows} == {(camera, "001", str(card))}
        assert all(r["time_source"] == "name" for r in rows)
    code, listed, _ = cli(capsys, home, "sources", "list", "--json")
    assert [(s["camera"], s["cameras"]) for s in listed] == [("garage", ["garage"]), ("side", ["side"])]
    code, cams, _ = cli(capsys, home, "cameras", "--json")
    assert [(c["camera"], c["channels"]) for c in cams] == [("garage", ["001"]), ("side", ["001"])]

    # The side camera exports its own card's footage; the channel folder is no camera name.
    code, out, err = cli(capsys, home, "export", "--camera", "side", "--from", "2026-11-20T22:00:02Z",
                         "--to", "2026-11-20T22:00:12Z", "--out", str(tmp_path / "out"), "--json")
    assert code == 0, err
    with av.open(out["clip"]) as clip:
        assert clip.streams.video[0].codec_context.width == 160
    code, _, err = cli(capsys, home, "export", "--camera", "001", "--from", "2026-11-20T22:00:02Z",
                       "--to", "2026-11-20T22:00:12Z", "--out", str(tmp_path / "o2"))
    assert code == 3 and "'001'" in err

    # A third folder may not take a name another camera has: two cameras never merge.
    third = dahua_card(tmp_path / "card3", 160)
    code, _, err = cli(capsys, home, "sources", "add", str(third), "--camera", "side", "--tz", LA)
    assert code == 3 and "exists already" in err


def test_a_folder_of_several_channels_gives_name_slash_channel_and_names_hold(tmp_path, agent):
    root = tmp_path / "nvr"
    dahua_card(root, 160, "001")
    dahua_card(root, 160, "002")
    make_recordings(root, "blue-iris", "Yard", t("2026-11-20T22:05:00Z"), 1, 4.0, fps=5)
    agent.add_source(root, camera="house", tz=LA)
    agent.scan()
    by_camera = {}
    for r in agent.recordings():
        by_camera.setdefault(r.camera, set()).add(r.channel)
    assert by_camera == {"house/001": {"001"}, "house/002": {"002"}, "house/Yard": {"Yard"}}

    # The owner names a channel; a later channel joins as house/<channel>; rescans keep both.
    agent.rename_camera("house/001", "front door")
    dahua_card(root, 160, "003")
    agent.scan()
    agent.scan()
    assert sorted(agent.cameras()) == ["front door", "house/002", "house/003", "house/Yard"]
    assert {r.camera for r in agent.recordings("house/001")} == {"front door"}  # the old name finds it

    # Renaming the folder's own camera renames the cameras named after it, not the owner's.
    agent.add_source(root, camera="home", tz=LA)
    assert sorted(agent.cameras()) == ["front door", "home/002", "home/003", "home/Yard"]
    assert agent.sources()[0].camera == "home"
    with pytest.raises(Refusal, match="never merged"):
        agent.rename_camera("home/002", "front door")


def test_a_first_scan_cut_short_leaves_the_naming_to_the_next_whole_one(tmp_path, agent,
                                                                         monkeypatch):
    root = tmp_path / "nvr"
    dahua_card(root, 160, "001")
    dahua_card(root, 160, "002")
    src = agent.add_source(root, camera="house", tz=LA)
    cancel, real = threading.Event(), describe_mod.probe

    def stop_after_first(path, size, **kw):   # the scan is cut short after its first file
        cancel.set()
        return real(path, size, **kw)

    monkeypatch.setattr(describe_mod, "probe", stop_after_first)
    scan_mod.scan_source(agent.store, src, cancel=cancel)
    (first,) = agent.cameras()   # one channel seen so far, not yet the folder's own camera
    assert first in ("house/001", "house/002")
    monkeypatch.setattr(describe_mod, "probe", real)
    agent.scan()   # the whole walk: the first channel met was one of two
    assert sorted(agent.cameras()) == ["house/001", "house/002"]
    assert {r.camera for r in agent.recordings()} == {"house/001", "house/002"}

    single = dahua_card(tmp_path / "card", 160)   # one channel: the folder's camera at the end
    src = agent.add_source(single, camera="garage", tz=LA)
    cancel.clear()
    monkeypatch.setattr(describe_mod, "probe", stop_after_first)
    scan_mod.scan_source(agent.store, src, cancel=cancel)
    assert "garage/001" in agent.cameras()
    monkeypatch.setattr(describe_mod, "probe", real)
    agent.scan([str(single)])
    assert sorted(agent.cameras()) == ["garage", "house/001", "house/002"]
    assert len(agent.recordings("garage")) == 2


def test_rename_carries_masks_logs_it_and_keeps_history(tmp_path, agent):
    root = dahua_card(tmp_path / "card", 160)
    agent.add_source(root, camera="garage", tz=LA)
    agent.scan()
    corners = ((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))
    agent.set_masks(CameraMasks("garage", (Polygon(corners, "window"),)))
    AuditLog(agent.home).append("hold", id="req-0")   # a line written before the rename
    before = (agent.home / "audit.log").read_bytes()

    done = agent.rename_camera("garage", "driveway")
    assert [(d.old, d.new) for d in done] == [("garage", "driveway")]
    assert agent.masks("driveway").polygons[0].name == "window"
    assert not masks_file(agent.home, "garage").exists()
    # a picture still known by the former name (a preview asked for before the rename) is
    # redacted with the masks that followed the camera, not refused
    with av.open(agent.recordings("driveway")[0].path) as c:
        rgb = next(c.decode(video=0)).to_ndarray(format="rgb24")
    for name in ("garage", "driveway"):
        shown = agent.redact_preview(rgb, name)
        h, w = rgb.shape[:2]
        assert (shown[int(0.1 * h) + 2:int(0.2 * h), int(0.4 * w):int(0.5 * w) - 2] == 0).all()
    assert (agent.home / "audit.log").read_bytes().startswith(before)   # old lines as written
    last = AuditLog(agent.home).entries()[-1]
    assert (last["event"], last["data"]) == ("camera-rename", {"old": "garage", "new": "driveway"})
    assert AuditLog(agent.home).verify().ok
    assert agent.camera_name("garage") == "driveway" and agent.sources()[0].camera == "driveway"
    assert agent.coverage("garage", t("2026-11-20T22:00:00Z"), t("2026-11-20T22:00:20Z")).camera == "driveway"
    agent.scan()
    assert agent.cameras() == ["driveway"]
    with pytest.raises(NotFound):
        agent.rename_camera("nobody", "x")
    with pytest.raises(Refusal, match="empty"):
        agent.rename_camera("driveway", "  ")


def test_a_rename_whose_masks_cannot_follow_is_not_made(tmp_path, agent):
    """The camera was renamed first and its masks moved after: when they could not be written
    under the new name (a full disk; here a folder in the file's place), the rename stood, the
    masks stayed under the old name where nothing looks, and every export of the renamed camera
    went out unmasked (after an IsADirectoryError out of the Agent). Now the rename is not
    made, and says why; once the masks can be written it is."""
    from agent.errors import AgentError
    from agent.export.redact import owner_redaction

    agent.add_source(dahua_card(tmp_path / "card", 160), camera="garage", tz=LA)
    agent.scan()
    agent.set_masks(CameraMasks("garage", (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))),)))
    blocker = masks_file(agent.home, "driveway")
    blocker.mkdir()
    with pytest.raises(AgentError, match="not renamed.*privacy masks"):
        agent.rename_camera("garage", "driveway")
    assert agent.cameras() == ["garage"] and agent.camera_name("driveway") is None
    assert owner_redaction(agent.home, "garage").masks.polygons
    blocker.rmdir()
    agent.rename_camera("garage", "driveway")
    assert agent.cameras() == ["driveway"]
    assert owner_redaction(agent.home, "driveway").masks.polygons
    assert not masks_file(agent.home, "garage").exists()


def test_masks_set_by_a_former_name_apply_to_the_camera_and_are_logged(capsys, tmp_path):
    """`masks set OLD` after a rename: kept under the current name, where every export looks,
    `masks show` finds them by either name, and the activity log records the change."""
    home = tmp_path / "home"
    cli(capsys, home, "sources", "add", str(dahua_card(tmp_path / "card", 160)),
        "--camera", "porch", "--tz", LA)
    cli(capsys, home, "scan")
    assert cli(capsys, home, "cameras", "rename", "porch", "front")[0] == 0
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0, 0], [0.5, 0], [0.5, 0.5]]]}))

    code, _, err = cli(capsys, home, "masks", "set", "porch", str(mask))
    assert code == 0 and "front (formerly porch): 1 privacy mask" in err
    assert "no recordings" not in err
    assert masks_file(home, "front").exists() and not masks_file(home, "porch").exists()
    for name in ("porch", "front"):
        code, shown, _ = cli(capsys, home, "masks", "show", name, "--json")
        assert (shown["camera"], len(shown["polygons"])) == ("front", 1)
        assert shown["file"] == str(masks_file(home, "front"))
    last = AuditLog(home).entries()[-1]
    assert (last["event"], last["data"]) == ("masks", {"camera": "front", "areas": 1})


def _version_1_index(home: Path, sources: list[tuple[int, Path, str]],
                     files: list[tuple[int, Path, str]]) -> None:
    """An index as version 1 wrote it: every row names its camera, two folders may share one."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with closing(sqlite3.connect(home / "index.db")) as db:
        db.executescript(
            "CREATE TABLE sources (id INTEGER PRIMARY KEY, root TEXT NOT NULL UNIQUE, camera TEXT "
            "NOT NULL, tz TEXT NOT NULL, layout TEXT NOT NULL DEFAULT 'auto', clock_offset_s REAL "
            "NOT NULL DEFAULT 0);"
            "CREATE TABLE files (id INTEGER PRIMARY KEY, source_id INTEGER, path TEXT UNIQUE, "
            "camera TEXT, start_us INTEGER, end_us INTEGER, size INTEGER, mtime_ns INTEGER, layout "
            "TEXT, status TEXT, reason TEXT, stream TEXT, alt_start_us INTEGER, codec TEXT, width "
            "INTEGER, height INTEGER, fps REAL, audio INTEGER);"
            "CREATE TABLE cameras (camera TEXT PRIMARY KEY, max_len_us INTEGER NOT NULL);")
        for sid, root, name in sources:
            db.execute("INSERT INTO sources VALUES (?, ?, ?, ?, 'auto', 0)", (sid, str(root), name, LA))
        for sid, path, camera in files:
            db.execute("INSERT INTO files(source_id, path, camera, start_us, end_us, size, mtime_ns, "
                       "layout, status) VALUES (?, ?, ?, 0, 10, 5, 5, 'dahua-tree', 'ok')",
                       (sid, str(path), camera))
        db.commit()


def test_an_index_from_before_camera_names_is_cleared_and_said(tmp_path, capsys):
    root = dahua_card(tmp_path / "card", 160)
    home = tmp_path / "home"
    _version_1_index(home, [(1, root, "garage")], [(1, next(root.rglob("*.mp4")), "001")])
    code, out, err = cli(capsys, home, "recordings")   # nothing matches (exit 3), and why
    assert code == 3 and "was cleared" in err and "footage-agent scan" in err
    assert cli(capsys, home, "scan")[0] == 0
    code, rows, _ = cli(capsys, home, "recordings", "--json")
    assert {r["camera"] for r in rows} == {"garage"} and len(rows) == 2


def test_masks_and_requests_under_an_old_camera_name_follow_it_after_the_upgrade(tmp_path, agent):
    """Version 1 called a Blue Iris folder's camera by the file names' short name, and two
    Dahua cards both '001'. Masks drawn under those names keep applying: no export comes out
    unmasked because the camera is now named by its folder."""
    porch = tmp_path / "rec"
    (clip,) = make_recordings(porch, "blue-iris", "porch", t("2026-11-20T22:00:00Z"), 1, 4.0, fps=5)
    one, two = dahua_card(tmp_path / "card1", 160), dahua_card(tmp_path / "card2", 160)
    agent.close()
    _version_1_index(agent.home, [(1, porch, "rec"), (2, one, "garage"), (3, two, "side")],
                     [(1, clip, "porch"), (2, next(one.rglob("*.mp4")), "001"),
                      (3, next(two.rglob("*.mp4")), "001")])
    window = (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5)), "window"),)
    for old in ("porch", "001"):
        masks_file(agent.home, old).parent.mkdir(parents=True, exist_ok=True)
        masks_file(agent.home, old).write_text(json.dumps(CameraMasks(old, window).to_json()))
    agent.scan()
    assert sorted(agent.cameras()) == ["garage", "rec", "side"]
    assert agent.camera_name("porch") == "rec"                       # only one folder had it
    assert agent.camera_name("001") is None                          # two did: nobody's now
    for camera in ("rec", "garage", "side"):
        assert agent.masks(camera).polygons == window, camera
    assert agent.masks("porch").polygons == window
    agent.scan()                                                     # done once, not again
    assert agent.camera_name("porch") == "rec"
    # masks hunt: the log records the masks each camera now has, so a masks folder deleted
    # later is said as their loss rather than read as none
    import shutil

    from agent.errors import AgentError

    shutil.rmtree(agent.home / "masks")
    for camera in ("rec", "garage", "side"):
        with pytest.raises(AgentError, match="is gone, though the activity log says 1 area"):
            agent.masks(camera)


def test_renaming_a_camera_typed_wrong_suggests_the_one_meant(tmp_path):
    from agent.errors import NotFound
    from agent.service import Agent

    (tmp_path / "reolink").mkdir()
    agent = Agent(tmp_path / "home")
    try:
        agent.add_source(tmp_path / "reolink", camera="reolink")
        with pytest.raises(NotFound, match=r"no camera is named 'reolnk' \(known: reolink\); "
                                           r"did you mean 'reolink'\?"):
            agent.rename_camera("reolnk", "porch")
        assert [c.name for c in agent.camera_list()] == ["reolink"]
    finally:
        agent.close()


def test_names_differing_only_in_capitals_are_one_name(tmp_path, agent):
    # Attacker hunt: 'Porch' and 'porch' were two cameras, but on Windows and macOS their
    # masks file and safe-copy folder are one: one camera's masks overwrote the other's.
    for folder in ("front", "Porch", "porch"):
        (tmp_path / folder).mkdir()
    agent.add_source(tmp_path / "front", camera="Porch", tz="UTC")
    with pytest.raises(Refusal, match="a camera named 'Porch' exists already"):
        agent.add_source(tmp_path / "Porch", camera="PORCH", tz="UTC")
    agent.add_source(tmp_path / "porch", tz="UTC")   # named after its folder: numbered
    assert sorted(c.name for c in agent.camera_list()) == ["Porch", "porch-2"]
    with pytest.raises(Refusal, match="a camera named 'Porch' exists already"):
        agent.rename_camera("porch-2", "PORCH")
    agent.rename_camera("Porch", "PORCH")   # its own name in other capitals: fine
    assert sorted(c.name for c in agent.camera_list()) == ["PORCH", "porch-2"]
    assert masks_file(agent.home, "PORCH") != masks_file(agent.home, "porch-2")


NFD, NFC = "Cafe\u0301", "Caf\u00e9"   # "Café" as macOS writes a name, and as it is typed


def test_a_name_written_decomposed_is_the_name_typed(capsys, tmp_path):
    """A card or share written by a Mac names its folder 'Café' with the accent as a second
    character; the owner types 'Café' as one. The camera named after the folder was not found
    by the name typed ("no recordings of a camera named 'Café' are indexed (known: Café)"), and
    a second camera could take the same-looking name (one masks file on macOS)."""
    folder = dahua_card(tmp_path / NFD, 160)
    home = tmp_path / "home"
    assert cli(capsys, home, "sources", "add", str(folder), "--tz", LA)[0] == 0
    assert cli(capsys, home, "scan")[0] == 0
    code, rows, err = cli(capsys, home, "recordings", "--camera", NFC, "--json")
    assert code == 0, err
    assert len(rows) == 2 and {r["camera"] for r in rows} == {NFC}
    other = tmp_path / "other"
    other.mkdir()
    code, _, err = cli(capsys, home, "sources", "add", str(other), "--camera", NFD, "--tz", LA)
    assert code == 3 and f"a camera named '{NFC}' exists already" in err


def test_a_decomposed_name_kept_by_an_older_version_is_found_by_the_name_typed(tmp_path, agent):
    folder = dahua_card(tmp_path / "card", 160)
    agent.add_source(folder, camera="porch", tz=LA)
    agent.scan()
    agent.close()
    # As a version that kept names as the folder spelt them left it.
    with closing(sqlite3.connect(agent.home / "index.db")) as db, db:
        db.execute("UPDATE cameras SET name=? WHERE name='porch'", (NFD,))
    from agent.service import Agent
    again = Agent(agent.home)
    try:
        assert again.indexed_camera(NFC) == NFD
        assert len(again.recordings(NFC)) == 2
    finally:
        again.close()


def test_a_camera_whose_masks_are_gone_is_not_renamed_out_from_under_them(tmp_path, agent):
    """Masks hunt: a camera whose masks file was deleted by hand is not renamed (the masks the
    activity log says it has cannot follow), and says why; once they are drawn again it is,
    and they follow."""
    import shutil

    from agent.errors import AgentError

    agent.add_source(dahua_card(tmp_path / "card", 160), camera="garage", tz=LA)
    agent.scan()
    window = CameraMasks("garage", (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5))),))
    agent.set_masks(window)
    shutil.rmtree(agent.home / "masks")
    with pytest.raises(AgentError, match="not renamed: its privacy masks could not follow .*"
                                         "garage.json is gone"):
        agent.rename_camera("garage", "driveway")
    assert agent.cameras() == ["garage"]
    agent.set_masks(window)
    agent.rename_camera("garage", "driveway")
    assert agent.masks("driveway").polygons == window.polygons
