"""Redaction in the desktop app, by clicks against a real agent on real footage: drawing privacy
masks on a camera's frame, the redacted preview and summary, a manual export whose frames are
black inside the drawn polygons, and an approval with face blurring delivered to the reference
portal on loopback."""
from __future__ import annotations

import json
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import av  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QPoint, Qt  # noqa: E402

from agent.export.mask_bitmap import mask_bitmap  # noqa: E402
from agent.export.masks import CameraMasks, Polygon, load_masks  # noqa: E402
from agent.requests.agencies import TrustStore  # noqa: E402
from agent.service import Agent  # noqa: E402
from agent.timebase import US  # noqa: E402
from demo.gui_data import AGENCY_ID, index_footage  # noqa: E402
from portal.server import PortalServer  # noqa: E402
from portal.state import Portal  # noqa: E402
from tests.gui_support import footage, open_window, settle, win  # noqa: E402,F401
from tests.registering import enrol  # noqa: E402

SQUARE = ((0.1, 0.2), (0.4, 0.2), (0.4, 0.6), (0.1, 0.6))
TRIANGLE = ((0.6, 0.1), (0.9, 0.1), (0.75, 0.45))


def click(qtbot, widget, pos=None):
    qtbot.mouseClick(widget, Qt.LeftButton, pos=pos or widget.rect().center())


def draw(qtbot, canvas, points, close_by_first_corner=True):
    for p in points:
        w = canvas.to_widget(p)
        qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(w.x()), round(w.y())))
    if close_by_first_corner:
        first = canvas.to_widget(points[0])
        qtbot.mouseClick(canvas, Qt.LeftButton, pos=QPoint(round(first.x()), round(first.y())))


def near(got, want, rect) -> bool:
    tol_x, tol_y = 1.0 / rect.width(), 1.0 / rect.height()   # one screen pixel
    return len(got) == len(want) and all(abs(a[0] - b[0]) <= tol_x and abs(a[1] - b[1]) <= tol_y
                                         for a, b in zip(got, want))


def draw_masks(qtbot, win, camera="driveway"):
    """Settings -> Privacy masks, pick the camera, draw a square and a triangle, save."""
    win.show_page("settings")
    settle(qtbot, win)
    click(qtbot, win.settings.masks_button)
    page = win.masks
    assert win.pages.currentWidget() is page
    settle(qtbot, win)
    page.cameras.setCurrentText(camera)
    settle(qtbot, win)
    canvas = page.canvas
    assert canvas.image is not None and canvas.image.width() == 320
    draw(qtbot, canvas, ((0.5, 0.5), (0.7, 0.5), (0.6, 0.8)))
    assert len(canvas.shapes) == 1
    click(qtbot, page.clear_button)
    assert canvas.shapes == [] and canvas.current == []
    draw(qtbot, canvas, SQUARE)
    draw(qtbot, canvas, TRIANGLE + ((0.2, 0.9),), close_by_first_corner=False)
    click(qtbot, page.undo_button)                     # the stray fourth corner
    click(qtbot, page.close_button)
    assert "2 areas drawn, not saved yet" in page.count.text()
    click(qtbot, page.save_button)
    settle(qtbot, win)
    assert page.status.text().startswith("Saved. Every export of driveway blacks out 2 areas")
    assert "2 areas blacked out" in page.count.text()
    return canvas.image_rect()


def test_masks_drawn_on_the_frame_are_saved_in_relative_coordinates(qtbot, win):
    rect = draw_masks(qtbot, win)
    saved = load_masks(win.ctx.agent.home, "driveway")
    assert [p.name for p in saved.polygons] == ["area 1", "area 2"]
    assert near(saved.polygons[0].points, SQUARE, rect)
    assert near(saved.polygons[1].points, TRIANGLE, rect)
    assert load_masks(win.ctx.agent.home, "porch").polygons == ()
    win.masks.cameras.setCurrentText("porch")          # another camera starts empty
    settle(qtbot, win)
    assert win.masks.canvas.shapes == []
    win.masks.cameras.setCurrentText("driveway")       # and the saved ones come back
    settle(qtbot, win)
    assert len(win.masks.canvas.shapes) == 2


def test_manual_export_with_masks_previews_and_writes_them_black(qtbot, win, tmp_path):
    draw_masks(qtbot, win)
    saved = load_masks(win.ctx.agent.home, "driveway")
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    click(qtbot, page.strip.checks["porch"], QPoint(5, 8))
    settle(qtbot, win)
    opts = page.options
    assert opts.masks.isEnabled() and opts.masks.isChecked() and opts.faces.isEnabled()
    assert "Settings \u2192 Draw privacy masks\u2026" in opts.masks.toolTip()   # the button's name
    assert "Hidden: 2 privacy masks on driveway" in page.summary.text()
    tl = page.strip.timelines["driveway"]
    tl.set_selection(tl.limit_start, tl.limit_start + 2 * US)
    with qtbot.waitSignal(page.preview.frameShown, timeout=15000) as got:
        qtbot.mouseClick(tl, Qt.LeftButton, pos=QPoint(round(tl.x_of(tl.limit_start + US)), 70))
    frame = got.args[0]
    rgb = np.frombuffer(frame.rgb, np.uint8).reshape(frame.height, frame.width, 3)
    inside = mask_bitmap(saved.polygons, frame.width, frame.height)
    assert rgb[inside].max() == 0 and rgb[~inside].mean() > 20   # the preview is redacted
    assert "as it will be sent" in page.preview.caption.text()
    out = tmp_path / "usb"
    page.folder.setText(str(out))
    settle(qtbot, win)
    click(qtbot, page.export_button)
    settle(qtbot, win, timeout=60000)
    assert win.progress.finished_ok is True, win.progress.result.text()
    (package,) = sorted(out.iterdir())
    record = json.loads((package / "data" / "provenance.json").read_text())
    (mask,) = record["redactions"]
    assert mask["kind"] == "privacy-mask" and mask["camera"] == "driveway"
    assert mask["polygons"] == saved.to_json()["polygons"]
    (clip,) = (package / "data").glob("*.mp4")
    with av.open(str(clip)) as c:
        frames = [f.to_ndarray(format="gray") for f in c.decode(video=0)]
    assert len(frames) >= 10
    core = mask_bitmap(saved.polygons, 320, 240)
    core &= np.roll(core, 3, 0) & np.roll(core, -3, 0) & np.roll(core, 3, 1) & np.roll(core, -3, 1)
    for n, gray in enumerate(frames):
        assert gray[core].max() <= 24, f"frame {n} is not black inside the mask"
        assert gray[~mask_bitmap(saved.polygons, 320, 240)].mean() > 30


@pytest.fixture
def portal_home(tmp_path, footage):
    home = tmp_path / "home"
    index_footage(home, footage[0])
    p = Portal.init(tmp_path / "portal", "Example City Police Department", AGENCY_ID,
                    "+1-206-555-0100")
    with PortalServer(p.state_dir):
        store = TrustStore(home)
        store.add(p.state_dir / "agency.json")
        reg = enrol(home, p, ("driveway", "porch")).registration
        yield p, reg, home


def test_request_review_blurs_faces_and_masks_and_approve_sends_them(qtbot, portal_home,
                                                                     footage):
    p, reg, home = portal_home
    Agent(home).set_masks(CameraMasks("driveway", (Polygon(SQUARE, "gate"),)))
    p.create_request(reg, footage[1], footage[1] + 8 * US, "2026-118842", "Det. Jane Roe",
                     cameras=("driveway", "porch"))
    window, agent = open_window(qtbot, home)
    try:
        click(qtbot, window.inbox.sync_button)
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        page = window.request
        opts = page.options
        assert opts.masks.isEnabled() and opts.masks.isChecked()   # driveway has masks
        click(qtbot, page.strip.checks["driveway"], QPoint(5, 8))   # porch only: none
        settle(qtbot, window)
        assert not opts.masks.isEnabled() and "No privacy masks" in opts.masks.toolTip()
        assert "Hidden: nothing" in page.summary.text()
        click(qtbot, page.strip.checks["driveway"], QPoint(5, 8))
        click(qtbot, page.strip.checks["porch"], QPoint(5, 8))
        click(qtbot, opts.faces, QPoint(5, 8))
        settle(qtbot, window)
        text = page.summary.text()
        assert "Hidden: 1 privacy mask on driveway, faces blurred" in text
        assert "re-encodes the whole clip" in text
        tl = page.strip.timelines["driveway"]
        tl.set_selection(tl.limit_start, tl.limit_start + 3 * US)
        settle(qtbot, window)
        click(qtbot, page.approve_button)
        settle(qtbot, window, timeout=90000)
        assert window.progress.finished_ok is True, window.progress.result.text()
        (sub,) = p.submissions()
        assert sub["ok"], sub["checks"]
        (entry,) = agent.requests.list()
        (delivery,) = entry.deliveries
        record = json.loads((Path(delivery.package) / "data" / "provenance.json").read_text())
        kinds = {r["kind"]: r for r in record["redactions"]}
        assert set(kinds) == {"privacy-mask", "face-blur"}
        assert kinds["privacy-mask"]["polygons"][0]["name"] == "gate"
    finally:
        window.shutdown()
        agent.close()


def test_an_export_of_a_camera_whose_masks_are_damaged_stops_and_sends_nothing(qtbot, win,
                                                                             tmp_path):
    """The agent refuses to export a camera whose saved masks cannot be read, rather than send
    it unmasked; the app counted such a camera as having no masks and asked the agent for an
    export without them, so the clip went out with the neighbour's window in it."""
    from agent.export.masks import masks_file

    home = win.ctx.agent.home
    win.ctx.agent.set_masks(CameraMasks("driveway", (Polygon(SQUARE, "gate"),)))
    masks_file(home, "driveway").write_text('{"polygons": [[[0.1, 0.2], [0.4', "utf-8")
    win.show_page("export")
    settle(qtbot, win)
    page = win.export
    click(qtbot, page.strip.checks["porch"], QPoint(5, 8))   # driveway alone
    settle(qtbot, win)
    tl = page.strip.timelines["driveway"]
    tl.set_selection(tl.limit_start, tl.limit_start + 2 * US)
    out = tmp_path / "usb"
    page.folder.setText(str(out))
    settle(qtbot, win)
    click(qtbot, page.export_button)
    settle(qtbot, win, timeout=60000)
    assert win.progress.finished_ok is False
    said = win.progress.result.text()
    assert "damaged" in said and "driveway" in said, said
    assert not out.exists() or not any(out.iterdir())


def test_masks_are_drawn_on_the_main_picture_not_a_crop_recorded_later(tmp_path):
    """Masks hunt: the masks page showed the middle of the camera's latest recording, which on a
    Reolink card may be its crop (RecC: its files start and end apart from the main ones): the
    owner drew the neighbour's window where it lies on the crop, and every export filled that
    place of the main picture instead. And where no main picture was recorded, a preview took a
    crop before the sub stream (the whole picture) when the crop's file started first."""
    from demo.samples import ClipSpec, write_clip
    from gui.pages.masks import camera_picture
    from tests.conftest import t

    t0, day = t("2026-11-20T22:00:00Z"), tmp_path / "card" / "Mp4Record" / "2026-11-20"
    for kind, start, end, size in (("M", 0, 2, (320, 240)), ("C", 1, 3, (480, 272)),
                                   ("S", 2, 4, (160, 120)), ("C", 3, 7, (480, 272))):
        write_clip(ClipSpec(day / f"Rec{kind}01_20261120_22000{start}_22000{end}_6D2_9A1.mp4",
                            t0 + start * US, float(end - start), width=size[0], height=size[1]))
    agent = Agent(tmp_path / "home")
    try:
        agent.scan([str(tmp_path / "card")], tz="UTC")
        (camera,) = agent.cameras()
        frame, _masks, _damaged, size = camera_picture(agent, agent.previews, camera)
        assert Path(frame.path).name.startswith("RecM") and size == (320, 240)
        assert Path(agent.previews.row_at(camera, t0 + 2 * US + US // 2).path).name[:4] == "RecS"
    finally:
        agent.close()


def test_a_crop_is_previewed_without_masks_and_says_why(tmp_path):
    """Masks hunt: where only the camera's crop recorded a moment, the preview ('shown as it
    will be sent') filled the masks drawn on the main picture at the same places of the crop,
    over other things, leaving what they hide in view: it looked masked, and the export of
    that window is refused (export/mask_pictures.py). The crop is shown as recorded, and the
    caption says the masks cannot be placed on it."""
    from demo.samples import ClipSpec, write_clip
    from gui.widgets.preview_pane import redacted, redaction_words
    from tests.conftest import t

    t0, day = t("2026-11-20T22:00:00Z"), tmp_path / "card" / "Mp4Record" / "2026-11-20"
    for kind, start, size in (("M", 0, (320, 240)), ("C", 2, (480, 272))):
        write_clip(ClipSpec(day / f"Rec{kind}01_20261120_22000{start}_22000{start + 2}_6D_9A.mp4",
                            t0 + start * US, 2.0, width=size[0], height=size[1]))
    agent = Agent(tmp_path / "home")
    try:
        agent.scan([str(tmp_path / "card")], tz="UTC")
        (camera,) = agent.cameras()
        agent.set_masks(CameraMasks(camera, (Polygon(SQUARE),)))
        main = agent.previews.frame(camera, t0 + US)
        crop = agent.previews.frame(camera, t0 + 3 * US)
        assert redacted(agent, main, True, False).rgb != main.rgb   # masked
        assert redacted(agent, crop, True, False).rgb == crop.rgb   # not masked elsewhere
        assert redaction_words(main, (True, False)) == "shown as it will be sent"
        assert redaction_words(crop, (True, False)) == (
            "only the camera's crop or other lens recorded this: privacy masks cannot be placed "
            "on it, so it is not sent while they are chosen")
        assert redaction_words(crop, (False, False)) == ""
    finally:
        agent.close()


def test_a_picture_of_another_shape_is_previewed_without_masks_and_says_why(tmp_path):
    """Masks hunt: masks drawn on a 16:9 picture, the camera switched to 4:3: the preview
    ('shown as it will be sent') filled them at the same shares of the 4:3 picture, where other
    things are, while the export of that window is refused (mask_pictures.masks_misplaced).
    It is shown as recorded, and the caption says why and what to do."""
    from demo.samples import ClipSpec, write_clip
    from gui.widgets.preview_pane import redacted, redaction_words
    from tests.conftest import t

    t0, folder = t("2026-11-20T22:00:00Z"), tmp_path / "porch"
    write_clip(ClipSpec(folder / "porch.20261120_220000.mp4", t0, 2.0, width=320, height=180))
    agent = Agent(tmp_path / "home")
    try:
        agent.scan([str(folder)], tz="UTC")
        agent.set_masks(CameraMasks("porch", (Polygon(SQUARE),)))
        write_clip(ClipSpec(folder / "porch.20261120_220002.mp4", t0 + 2 * US, 2.0))
        agent.scan([str(folder)], tz="UTC")
        wide = agent.previews.frame("porch", t0 + US)
        square = agent.previews.frame("porch", t0 + 3 * US)
        assert redacted(agent, wide, True, False).rgb != wide.rgb   # masked
        shown = redacted(agent, square, True, False)
        assert shown.rgb == square.rgb   # not masked on another shape
        assert redaction_words(redacted(agent, wide, True, False), (True, False)) == \
            "shown as it will be sent"
        assert redaction_words(shown, (True, False)).startswith(
            "this picture has another shape than the one the privacy masks were drawn on")
        assert "look at the masks again" in redaction_words(shown, (True, False))
        # saved again on the masks page, which shows the latest (4:3) recording: the older 16:9
        # picture is not one that page can show, so the caption does not send the owner there
        agent.set_masks(CameraMasks("porch", (Polygon(SQUARE),)))
        older = redaction_words(redacted(agent, wide, True, False), (True, False))
        assert "fit one picture shape at a time" in older and "look at" not in older
    finally:
        agent.close()
