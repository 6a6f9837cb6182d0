"""Privacy masks: the JSON an owner gives, where it is kept, which pixels it covers, and the
`masks set` / `masks show` and `export --mute` command lines."""
from __future__ import annotations

import argparse
import codecs
import json
import stat
from pathlib import Path

import numpy as np
import pytest

from agent.commands import masks as masks_cmd
from agent.commands.common import Refused, UsageError
from agent.commands.export import parse_mute
from agent.errors import AgentError
from agent.export.mask_bitmap import mask_bitmap
from agent.export.masks import (CameraMasks, MaskError, Polygon, load_masks, masks_file,
                                parse_masks, read_masks_file, save_masks)
from agent.export.redact import Redaction
from agent.export.redaction_records import redaction_records
from tests.conftest import t

WINDOW = {"polygons": [{"name": "neighbour's window",
                        "points": [[0.1, 0.2], [0.3, 0.2], [0.3, 0.5], [0.1, 0.5]]}]}


def run_masks(agent, capsys, *argv: str) -> tuple[int, str, str]:
    """The masks commands through their own parser (as cli.py registers them)."""
    common = argparse.ArgumentParser(add_help=False)
    parser = argparse.ArgumentParser()
    masks_cmd.add_parsers(parser.add_subparsers(), common)
    args = parser.parse_args(list(argv))
    code = args.func(agent, args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_valid_forms_parse_to_the_same_masks():
    full = parse_masks("porch", {"camera": "porch", **WINDOW})
    assert full.polygons == (Polygon(((0.1, 0.2), (0.3, 0.2), (0.3, 0.5), (0.1, 0.5)),
                                     "neighbour's window"),)
    bare = parse_masks("porch", [WINDOW["polygons"][0]["points"]])
    assert bare.polygons[0].points == full.polygons[0].points and bare.polygons[0].name == ""
    assert parse_masks("porch", {"polygons": []}).polygons == ()
    assert parse_masks("porch", full.to_json()) == full


@pytest.mark.parametrize("data, words", [
    ({"camera": "garage", **WINDOW}, "for camera 'garage'"),
    ({"masks": []}, '"polygons" list'),
    ("not a list", "list of polygons"),
    ([[[0.1, 0.1], [0.2, 0.2]]], "polygon 1: needs 3 to"),
    ([[[0.1, 0.1], [0.2, 0.1], [1.4, 0.3]]], "polygon 1, point 3: x must be between 0 and 1"),
    ([WINDOW["polygons"][0], [[0.1, 0.1], [0.2, -0.1], [0.3, 0.3]]],
     "polygon 2, point 2: y must be between 0 and 1"),
    ([[[0.1, 0.1], [0.2, "x"], [0.3, 0.3]]], "point 2: must be a pair of numbers"),
    ([[[0.1, 0.1], [0.2, True], [0.3, 0.3]]], "point 2: must be a pair of numbers"),
    ([[[0.1, 0.1], [0.2, float("nan")], [0.3, 0.3]]], "point 2: y must be between"),
    ([[[0.1, 0.1], [0.2, 0.2], [0.3, 0.3]]], "enclose no area"),
    ([{"name": 5, "points": [[0, 0], [1, 0], [1, 1]]}], "name must be text"),
    ([{"points": "all"}], 'needs "points"'),
    ([[[0, 0], [1, 0], [1, 1]]] * 65, "at most 64 polygons"),
    # masks hunt: what the clip's Content Credentials cannot carry stopped the export with the
    # C2PA library's 'StringTooLong: manifest_json' (64 polygons of 1000 corners were allowed)
    ([[[0, 0], [1, 0], [1, 1]] + [[1, 1]] * 997] * 17, "at most 16000 corners in all .got 17000"),
    ([{"name": "w" * 121, "points": [[0, 0], [1, 0], [1, 1]]}], "at most 120 characters"),
    ([{"name": "window\x1b[2J", "points": [[0, 0], [1, 0], [1, 1]]}],
     "name cannot hold control or invisible characters"),
])
def test_bad_masks_say_what_is_wrong(data, words):
    with pytest.raises(MaskError, match=words.replace("(", r"\(")):
        parse_masks("porch", data)


def test_masks_are_kept_per_camera_in_the_home_folder(home):
    masks = parse_masks("porch", WINDOW)
    path = save_masks(home, masks)
    assert path == home / "masks" / "porch.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_masks(home, "porch") == masks
    assert load_masks(home, "garage") == CameraMasks("garage")
    # names that clean up to the same file name still get files of their own
    assert masks_file(home, "porch cam") != masks_file(home, "porch/cam")
    save_masks(home, CameraMasks("porch"))
    assert not path.exists() and load_masks(home, "porch").polygons == ()


def test_a_damaged_mask_file_stops_an_export_rather_than_leaking(home):
    save_masks(home, parse_masks("porch", WINDOW))
    masks_file(home, "porch").write_text("{broken")
    with pytest.raises(MaskError, match="damaged.*masks set"):
        load_masks(home, "porch")


@pytest.mark.parametrize("content, why", [(b"", "it is empty"),
                                          (b"\0" * 90, "its text is broken at line 1, column 1"),
                                          (b"[" * 100_000, "its text nests too deep to be read")],
                         ids=["empty", "zeroed", "nested"])
def test_saved_masks_a_power_cut_emptied_say_what_is_wrong_in_plain_words(tmp_path, content, why):
    """Damage hunt: a masks file cut to nothing or zeroed said 'not valid JSON (Expecting
    value: line 1 column 1 (char 0))' on the command line."""
    home = tmp_path / "home"
    save_masks(home, parse_masks("porch", WINDOW))
    masks_file(home, "porch").write_bytes(content)
    with pytest.raises(MaskError) as damaged:
        load_masks(home, "porch")
    assert f"{masks_file(home, 'porch')} is not valid JSON ({why})); draw them again" \
        in str(damaged.value)
    assert "Expecting" not in str(damaged.value) and "char" not in str(damaged.value)
    assert masks_file(home, "porch").read_bytes() == content


def test_a_file_in_the_masks_folders_place_stops_exports_rather_than_dropping_masks(tmp_path):
    """Damage hunt: the home's `masks` folder replaced by a file (a sync tool, a restore) read as
    no masks at all: every camera was exported with its neighbour's window in plain view, and
    `masks show` said it had none. It is said, naming the file, and the file left as it is."""
    home = tmp_path / "home"
    save_masks(home, parse_masks("porch", WINDOW))
    folder = masks_file(home, "porch").parent
    for kept in folder.iterdir():
        kept.unlink()
    folder.rmdir()
    folder.write_bytes(b"")
    with pytest.raises(MaskError) as damaged:
        load_masks(home, "porch")
    assert str(damaged.value) == (
        f"the saved masks of camera 'porch' are damaged ({folder} is not a folder (part of the "
        "path is a file): check the path); draw them again in the app (Settings, Draw privacy "
        "masks) or set them with `footage-agent masks set`")
    assert folder.is_file()


def test_read_masks_file_errors(tmp_path):
    with pytest.raises(MaskError, match="cannot read"):
        read_masks_file(tmp_path / "missing.json", "porch")
    # A picture (bytes starting as UTF-16's mark would be read as UTF-16, as Windows wrote it)
    (tmp_path / "bin.json").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8")
    with pytest.raises(MaskError, match="not a text"):
        read_masks_file(tmp_path / "bin.json", "porch")
    (tmp_path / "bad.json").write_text("[1, 2")
    with pytest.raises(MaskError, match="not valid JSON"):
        read_masks_file(tmp_path / "bad.json", "porch")
    # masks hunt: `masks set porch clip.mp4` (the wrong file picked) read the whole recording
    # into memory before saying anything; a file past any masks file's size is said as such
    # and read no further (here JSON that would parse, padded past the limit)
    big = tmp_path / "big.json"
    big.write_bytes(json.dumps(WINDOW).encode("ascii") + b" " * (4 << 20))
    with pytest.raises(MaskError, match="larger than any masks file"):
        read_masks_file(big, "porch")


def test_a_masks_file_saved_by_windows_notepad_or_powershell_is_read(tmp_path):
    """Seen on the command line: `masks set CAMERA FILE` with a file Notepad saved as "UTF-8
    with BOM" said 'not valid JSON (its text is broken at line 1, column 1)', and one Windows
    PowerShell's `>` wrote (UTF-16) 'is not a text (JSON) file'."""
    text = json.dumps(WINDOW, ensure_ascii=False)
    plain = tmp_path / "plain.json"
    plain.write_text(text, encoding="utf-8")
    for name, raw in (("notepad.json", codecs.BOM_UTF8 + text.encode("utf-8")),
                      ("powershell.json", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))):
        (tmp_path / name).write_bytes(raw)
        assert read_masks_file(tmp_path / name, "porch") == read_masks_file(plain, "porch")


def test_bitmap_covers_pixel_centres_inside_and_every_pixel_an_edge_touches():
    square = Polygon(((0.25, 0.25), (0.75, 0.25), (0.75, 0.75), (0.25, 0.75)))
    got = mask_bitmap([square], 8, 8)
    want = np.zeros((8, 8), bool)
    want[2:7, 2:7] = True  # centres 2.5..5.5 inside; the edge at x=6 touches column 6
    assert (got == want).all()
    # a thin sliver between pixel centres is still covered (the edge rule)
    sliver = Polygon(((0.0, 0.51), (1.0, 0.51), (1.0, 0.53), (0.0, 0.53)))
    thin = mask_bitmap([sliver], 100, 100)
    assert thin[51].all() and thin.sum() <= 300
    # resolution-independent: the same share of the frame at two sizes
    tri = Polygon(((0.1, 0.1), (0.9, 0.1), (0.1, 0.9)))
    small, large = mask_bitmap([tri], 160, 90).mean(), mask_bitmap([tri], 1920, 1080).mean()
    assert abs(small - 0.32) < 0.03 and abs(large - 0.32) < 0.005


def test_masks_set_and_show_commands(agent, capsys, tmp_path):
    (tmp_path / "porch").mkdir()
    agent.add_source(tmp_path / "porch", camera="porch")   # added, not scanned yet
    good = tmp_path / "window.json"
    good.write_text(json.dumps(WINDOW))
    code, out, err = run_masks(agent, capsys, "masks", "set", "porch", str(good), "--json")
    assert code == 0
    assert json.loads(out)["polygons"][0]["name"] == "neighbour's window"
    assert "no recordings of camera 'porch'" in err
    code, out, _ = run_masks(agent, capsys, "masks", "show", "porch", "--json")
    assert json.loads(out)["file"] == str(home_masks(agent))
    assert json.loads(out)["polygons"][0]["points"][2] == [0.3, 0.5]
    code, out, _ = run_masks(agent, capsys, "masks", "show", "porch")
    assert "1 privacy mask" in out and "(0.300,0.500)" in out
    # masks hunt: Windows Notepad's 'UTF-8 with BOM' put three bytes before the text, and the
    # file was refused as 'broken at line 1, column 1', where nothing can be seen to be wrong
    noted = tmp_path / "notepad.json"
    noted.write_bytes(b"\xef\xbb\xbf" + json.dumps(WINDOW).encode("utf-8"))
    assert run_masks(agent, capsys, "masks", "set", "porch", str(noted))[0] == 0
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([[[0.1, 0.1], [2, 0.1], [0.3, 0.3]]]))
    with pytest.raises(UsageError, match="point 2: x must be between 0 and 1"):
        run_masks(agent, capsys, "masks", "set", "porch", str(bad))
    assert load_masks(agent.home, "porch") == parse_masks("porch", WINDOW), \
        "a bad file must not replace the masks already kept"
    empty = tmp_path / "none.json"
    empty.write_text('{"polygons": []}')
    run_masks(agent, capsys, "masks", "set", "porch", str(empty))
    _, _, err = run_masks(agent, capsys, "masks", "show", "porch")
    assert "no privacy masks" in err


def test_masks_for_a_camera_name_typed_wrong_are_refused_and_not_kept(agent, capsys, tmp_path):
    """`masks set reolnk` for camera reolink kept the masks under the typo, exit 0: every
    export of the real camera went out unmasked while the owner believed it was masked."""
    (tmp_path / "reolink").mkdir()
    agent.add_source(tmp_path / "reolink", camera="reolink")
    good = tmp_path / "window.json"
    good.write_text(json.dumps(WINDOW))
    for argv in (("set", "reolnk", str(good)), ("show", "reolnk")):
        with pytest.raises(Refused, match="no camera is or was named 'reolnk' "
                                          r"\(cameras: reolink\); did you mean 'reolink'\?"):
            run_masks(agent, capsys, "masks", *argv)
    assert not (agent.home / "masks" / "reolnk.json").exists()
    assert not load_masks(agent.home, "reolink").polygons


def home_masks(agent) -> Path:
    return agent.home / "masks" / "porch.json"


def test_mute_ranges_from_the_command_line():
    start, end = t("2026-05-01T10:00:00Z"), t("2026-05-01T10:01:00Z")
    assert parse_mute("2026-05-01T10:00:05Z/2026-05-01T10:00:09.5Z", start, end) == \
        (t("2026-05-01T10:00:05Z"), t("2026-05-01T10:00:09.5Z"))
    for text, words in [("2026-05-01T10:00:05Z", "FROM/TO"),
                        ("2026-05-01T10:00:09Z/2026-05-01T10:00:05Z", "FROM must be before"),
                        ("2026-05-01T11:00:00Z/2026-05-01T11:00:05Z", "outside the exported"),
                        ("yesterday/2026-05-01T10:00:05Z", "--mute FROM")]:
        with pytest.raises(UsageError, match=words):
            parse_mute(text, start, end)


def test_a_camera_named_like_a_windows_device_keeps_the_masks_it_had(tmp_path):
    """`aux` is no longer a file name (safe_name); masks saved as aux.json before still apply."""
    masks = CameraMasks("aux", (Polygon(((0.1, 0.1), (0.5, 0.1), (0.5, 0.5)), "gate"),))
    assert masks_file(tmp_path, "aux").name.startswith("_aux-")
    old = tmp_path / "masks" / "aux.json"
    old.parent.mkdir()
    old.write_text(json.dumps(masks.to_json()))
    assert masks_file(tmp_path, "aux") == old
    assert load_masks(tmp_path, "aux") == masks


def test_an_outline_crossing_itself_is_kept_and_fills_all_it_goes_around():
    """A 'bow tie' (the corners of a window clicked across) encloses two triangles, though
    their signed areas cancel: it is kept, not refused as points on one line; a star's middle,
    gone around twice, is filled as well."""
    tie = parse_masks("porch", [[[0.2, 0.2], [0.6, 0.2], [0.2, 0.6], [0.6, 0.6]]])
    got = mask_bitmap(tie.polygons, 100, 100)
    assert got[25, 40] and got[55, 40] and not got[40, 25]
    star = [[0.5 + 0.4 * np.cos(a), 0.5 + 0.4 * np.sin(a)]
            for a in np.radians(np.arange(5) * 144 - 90)]
    filled = mask_bitmap(parse_masks("porch", [star]).polygons, 100, 100)
    assert filled[50, 50] and filled[15, 50] and not filled[5, 5]
    with pytest.raises(MaskError, match="lie on one line"):
        parse_masks("porch", [[[0.1, 0.1], [0.5, 0.5], [0.3, 0.3], [0.9, 0.9]]])


def test_a_former_names_masks_are_dropped_unless_they_are_the_new_names_file(home):
    """A change of capitals only ('Porch' to 'porch') names one file on Windows and macOS:
    saving under the new name then removing the old one removed the camera's only masks. Here
    the two names are made one file by a hard link, as such a file system makes them."""
    import os

    from agent.export.masks import drop_former_masks, rename_masks

    save_masks(home, CameraMasks("porch", parse_masks("porch", WINDOW).polygons))
    os.link(masks_file(home, "porch"), masks_file(home, "Porch"))
    drop_former_masks(home, "Porch", "porch")   # one file: removing 'Porch.json' removes it
    assert masks_file(home, "Porch").exists() and load_masks(home, "porch").polygons
    masks_file(home, "porch").unlink()
    masks_file(home, "Porch").write_text(json.dumps({"camera": "Porch", **WINDOW}))
    assert rename_masks(home, "Porch", "porch")   # distinct files: the old one goes
    assert load_masks(home, "porch").polygons and not masks_file(home, "Porch").exists()


def test_masks_deleted_from_outside_the_app_stop_exports_rather_than_vanishing(agent):
    """Masks hunt: the home's `masks` folder deleted (a cleanup of a folder whose name says
    nothing, a sync tool, a backup restored from before the masks were drawn) read as no
    masks: every export, by hand and for a request, went out with the neighbour's window in
    the clear, and `masks show` said the camera had none. The activity log records each change
    of a camera's masks, so masks it says were kept, and never removed, are said as missing."""
    import shutil

    from agent.audit.log import AuditLog
    from agent.errors import AgentError
    from agent.export.redact import owner_redaction

    home = agent.home
    for camera in ("porch", "garage", "side"):
        agent.set_masks(parse_masks(camera, WINDOW))
    agent.set_masks(CameraMasks("garage"))   # removed in the app: none, and nothing to say
    AuditLog(home).append("camera-rename", old="side", new="back")   # its masks follow it
    save_masks(home, CameraMasks("back", parse_masks("side", WINDOW).polygons))
    masks_file(home, "side").unlink()
    shutil.rmtree(home / "masks")
    saved = next(r["at"] for r in AuditLog(home).entries()
                 if r["event"] == "masks" and r["data"]["camera"] == "porch")
    with pytest.raises(AgentError) as missing:
        agent.masks("porch")
    assert str(missing.value) == (
        f"the saved masks of camera 'porch' are damaged ({masks_file(home, 'porch')} is gone, "
        f"though the activity log says 1 area was saved there at {saved[:16].replace('T', ' ')} "
        "UTC and never removed); draw them again in the app (Settings, Draw privacy masks) or "
        "set them with `footage-agent masks set`")
    for camera in ("porch", "back"):
        with pytest.raises(MaskError, match="damaged"):
            owner_redaction(home, camera)
        assert owner_redaction(home, camera, masks=False) is None   # --no-masks: the owner's
    assert agent.masks("garage").polygons == () and agent.masks("yard").polygons == ()
    agent.set_masks(CameraMasks("porch"))   # removed on purpose: said so, and it holds
    assert agent.masks("porch").polygons == ()
    agent.set_masks(parse_masks("back", WINDOW))   # drawn again
    assert len(agent.masks("back").polygons) == 1


def test_a_kept_packages_record_nested_too_deep_is_left_to_the_seal_not_a_crash(tmp_path):
    """Masks hunt: a kept, undelivered package whose provenance.json nests deeper than
    Python's parser goes (altered by hand or by a hostile program) ended the retry's check of
    its masks with RecursionError ('maximum recursion depth exceeded', the request's failure
    reason) rather than leaving it to the seal check, which sets such a folder aside."""
    from agent.export.redact import Redaction
    from agent.requests.kept_masks import masked_otherwise
    from agent.requests.records import Delivery
    from frp.bagit import PROVENANCE

    folder = tmp_path / "case_porch_copy"
    (folder / PROVENANCE).parent.mkdir(parents=True)
    (folder / PROVENANCE).write_bytes(b"[" * 100_000)
    record = Delivery("porch", str(folder), "", "", 0)
    assert masked_otherwise(record, Redaction(parse_masks("porch", WINDOW))) is None
    assert masked_otherwise(record, None) is None


def test_masks_set_and_show_say_when_the_camera_records_another_shape(agent, capsys, tmp_path):
    """Masks hunt: `masks set` took a FILE saying the masks were drawn on a 16:9 picture for a
    camera recording 4:3 without a word, and `masks show` never said which picture they were
    drawn on: every export of the camera was then refused, found only by the export. Both say
    the picture, and note a camera that records another shape now (as the app's page does)."""
    from demo.samples import ClipSpec, write_clip

    write_clip(ClipSpec(tmp_path / "porch" / "porch.20261120_220000.mp4", 1_795_000_000 * 10**6,
                        1.0))
    agent.scan([str(tmp_path / "porch")], tz="UTC")
    wide = tmp_path / "wide.json"
    wide.write_text(json.dumps({**WINDOW, "picture": [1920, 1080]}))
    _, out, err = run_masks(agent, capsys, "masks", "set", "porch", str(wide))
    note = ("camera 'porch' now records a 320 x 240 picture, another shape than the 1920 x 1080 "
            "picture these masks were drawn on")
    assert note in err
    _, out, err = run_masks(agent, capsys, "masks", "show", "porch")
    assert "drawn on a 1920 x 1080 picture" in out and note in err
    wide.write_text(json.dumps({**WINDOW, "picture": [640, 480]}))   # the camera's own shape
    _, out, err = run_masks(agent, capsys, "masks", "set", "porch", str(wide))
    assert "another shape" not in err
    _, out, err = run_masks(agent, capsys, "masks", "show", "porch")
    assert "drawn on a 640 x 480 picture" in out and "another shape" not in err


SPECK = {"name": "speck", "points": [[0.5, 0.5], [0.5001, 0.5], [0.5, 0.5001]]}


def test_an_area_smaller_than_a_pixel_of_its_picture_is_not_kept(agent, capsys, tmp_path):
    """Masks hunt: three corners 1e-4 apart pass the rule of a line and were kept: on the
    1920 x 1080 picture they were drawn on they go around a fiftieth of a pixel, black out the
    one pixel their outline passes through, and every package of the camera recorded a privacy
    mask. `masks set` (and the app's Save, both Agent.set_masks) refuses such an area, naming
    it; the masks kept stay as they were. Spread over a picture where they span pixels, the
    same corners are an area."""
    (tmp_path / "porch").mkdir()
    agent.add_source(tmp_path / "porch", camera="porch")
    given = tmp_path / "masks.json"
    given.write_text(json.dumps(WINDOW))
    run_masks(agent, capsys, "masks", "set", "porch", str(given))
    given.write_text(json.dumps({"picture": [1920, 1080],
                                 "polygons": WINDOW["polygons"] + [SPECK]}))
    with pytest.raises(AgentError, match=r"^these masks cannot be kept: polygon 2: it covers "
                                         r"less than one pixel of the 1920 x 1080 picture it was "
                                         r"drawn on, so it would hide next to nothing: put its "
                                         r"corners around what it should hide, or leave it out$"):
        run_masks(agent, capsys, "masks", "set", "porch", str(given))
    assert load_masks(agent.home, "porch") == parse_masks("porch", WINDOW)
    given.write_text(json.dumps({"picture": [40000, 40000], "polygons": [SPECK]}))   # 4 x 4 px
    assert run_masks(agent, capsys, "masks", "set", "porch", str(given))[0] == 0
    assert load_masks(agent.home, "porch").polygons[0].name == "speck"
    # one saved before this rule is saved again with the areas drawn beside it (the masks page
    # saves them all): kept as it was read, as exports read it
    save_masks(agent.home, parse_masks("porch", {"picture": [1920, 1080], "polygons": [SPECK]}))
    given.write_text(json.dumps({"picture": [1920, 1080],
                                 "polygons": [SPECK] + WINDOW["polygons"]}))
    assert run_masks(agent, capsys, "masks", "set", "porch", str(given))[0] == 0
    assert len(load_masks(agent.home, "porch").polygons) == 2


def test_a_speck_saved_before_fills_the_pixels_it_touches_and_provenance_says_so():
    """A speck saved before the rule above (or written into the masks folder by hand) is read
    as it was and blacks out every pixel its outline passes through, at any size, never none;
    provenance's method said only 'all that an outline goes around', which a speck goes around
    none of. It now says the pixels an outline passes through are filled too."""
    speck = parse_masks("porch", {"picture": [1920, 1080], "polygons": [SPECK]})
    for width, height in ((1920, 1080), (320, 240), (3840, 2160)):
        assert 1 <= mask_bitmap(speck.polygons, width, height).sum() <= 4
    (record,) = redaction_records(Redaction(masks=speck), None, (0, 1))
    assert "every pixel an outline passes through" in record["method"]
