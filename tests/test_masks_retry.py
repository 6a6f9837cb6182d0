"""A retry of an approval whose privacy masks no longer fit the approved footage (masks hunt):
the refusal says what the owner can do (change the approval while nothing has left this PC,
look at the masks again, or decline), never to approve it again as it is, which only repeats
it; and a package kept from an earlier run is not sent where a cut of it now is refused."""
from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from agent.export.masks import CameraMasks, Polygon
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.timebase import US
from tests.test_desk import T0, World, footage, request_token  # noqa: F401

SQUARE = Polygon(((0.1, 0.1), (0.4, 0.1), (0.4, 0.4), (0.1, 0.4)))
TRIANGLE = Polygon(((0.6, 0.6), (0.9, 0.6), (0.9, 0.9)))
WIDE = (320, 180)   # 16:9: yard records 320 x 240 (4:3)


@pytest.fixture
def world(tmp_path, footage):  # noqa: F811
    w = World(tmp_path, footage)
    yield w
    w.close()


def _signed_then_failed(world, picture: tuple[int, int] | None = None) -> None:
    """yard approved with its masks (drawn on its own picture, or said drawn on `picture`),
    cut, the decision signed, and the portal refusing it: the approval can no longer be
    changed."""
    world.agent.set_masks(CameraMasks("yard", (SQUARE,), picture))
    world.desk.import_request(world.file(request_token()))
    world.portal.decision_status = 403
    with pytest.raises(DeskError, match="portal says no"):
        world.desk.approve("req-1", ["yard"], T0 * US, (T0 + 2) * US)
    world.portal.decision_status = 204
    assert not world.desk.show("req-1").approval_changeable


def test_masks_of_another_shape_on_a_signed_approval_say_what_to_do_not_to_resume(world):
    """The owner drew another area since, on a picture of another shape (the masks file says
    320 x 180): the kept package is cut again, which is refused. It said '(approve it again
    to resume)', which only repeats the refusal, and the export's way on (--no-masks), which
    a signed approval refuses. It now says to look at the masks again or decline."""
    _signed_then_failed(world)
    world.agent.set_masks(CameraMasks("yard", (SQUARE, TRIANGLE), WIDE))
    with pytest.raises(DeskRefusal) as checked:   # approve's check before its question
        world.desk.check_approval("req-1")
    with pytest.raises(DeskRefusal) as refused:
        world.desk.approve("req-1")
    said = str(refused.value)
    assert str(checked.value) == said
    assert "another shape than the 320 x 180 picture" in said
    assert "approve it again to resume" not in said and "--no-masks" not in said
    assert said.endswith("your signed approval may have reached the agency already, so it can "
                         "no longer be changed: look at the masks again on a recording of this "
                         "shape (Settings, Draw privacy masks) and save them, then approve it "
                         "again; or decline the request to withdraw your approval")
    view = world.desk.show("req-1")
    assert view.status == "failed" and view.reason == said
    # as said: saved again on the picture yard records, the same approval goes on
    world.agent.set_masks(CameraMasks("yard", (SQUARE, TRIANGLE)))
    world.desk.check_approval("req-1")


def test_masks_of_another_shape_before_anything_left_say_to_change_the_approval(world):
    """A delivery stopped before anything left this PC (cancelled), the masks file then saying
    another picture shape: the retry of the same approval is refused, saying the owner may
    approve it again otherwise; approved without masks, it would go."""
    world.agent.set_masks(CameraMasks("yard", (SQUARE,)))
    world.desk.import_request(world.file(request_token()))
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DeskError, match="cancelled"):
        world.desk.approve("req-1", ["yard"], T0 * US, (T0 + 2) * US, cancel=cancel)
    world.agent.set_masks(CameraMasks("yard", (SQUARE,), WIDE))
    # approve's check before its question said nothing: only the run refused it
    with pytest.raises(DeskRefusal) as checked:
        world.desk.check_approval("req-1")
    with pytest.raises(DeskRefusal) as refused:
        world.desk.approve("req-1")
    said = str(refused.value)
    assert str(checked.value) == said
    assert "approve it again to resume" not in said
    assert said.endswith("nothing has been sent yet: look at the masks again on a recording of "
                         "this shape (Settings, Draw privacy masks) and save them, then approve "
                         "it again; or approve it again with another time, without that camera, "
                         "or without privacy masks (--no-masks) only if nothing they hide is in "
                         "that picture")
    assert world.desk.show("req-1").approval_changeable
    assert not world.desk.check_approval("req-1", masks=False).masks


def test_a_kept_package_is_not_sent_once_the_masks_say_another_picture_shape(world):
    """The masks saved again, the same areas, on a picture of another shape: a cut of the
    approved window is refused, but the package an earlier run cut (their polygons the same)
    was sent as it was. It is set aside as one whose masks lie elsewhere, and the cut again
    refused with the refusal's words."""
    _signed_then_failed(world)
    (kept,) = world.desk.show("req-1").deliveries
    world.agent.set_masks(CameraMasks("yard", (SQUARE,), WIDE))
    with pytest.raises(DeskRefusal, match="another shape than the 320 x 180 picture"):
        world.desk.check_approval("req-1")   # asked only: the package is left as it is
    assert world.desk.show("req-1").deliveries == (kept,)
    assert not list((world.home / "packages").rglob("*masks-elsewhere-*"))
    with pytest.raises(DeskRefusal, match="another shape than the 320 x 180 picture"):
        world.desk.approve("req-1")
    assert world.desk.show("req-1").deliveries == ()
    aside = [p.name for p in (world.home / "packages").rglob("*masks-elsewhere-*")]
    assert len(aside) == 1 and aside[0].startswith(Path(kept.package).name)
    assert [r["data"]["status"] for r in world.records()
            if r["event"] == "export" and "set_aside" in r["data"]] == ["masks-elsewhere"]


@pytest.mark.parametrize("sent", [{"receipt": "delivered"},
                                  {"upload_url": "https://upload.police.example.gov/u/1"}])
def test_the_check_asks_only_of_cameras_the_run_would_cut_again(world, sent):
    """approve's check refuses the masks of another shape only for a camera the run cuts
    again: not one delivered (its receipt kept), nor one whose finished upload the run first
    asks the portal about (it may hold it, its answer lost), which the run may never cut."""
    _signed_then_failed(world)
    view = world.desk.show("req-1")
    (kept,) = view.deliveries
    world.desk.inbox.save_delivery(view.agency_id, "req-1", replace(kept, **sent))
    world.agent.set_masks(CameraMasks("yard", (SQUARE,), WIDE))
    assert world.desk.check_approval("req-1").cameras == ("yard",)


def test_masks_of_the_latest_shape_on_an_older_signed_window_say_to_decline(
        tmp_path, footage):  # noqa: F811
    """yard's setting changed since the approved window (its latest recording, a day later, is
    320 x 180), and the owner drew another area since, on the page, which shows that latest
    recording. The kept package is cut again, which is refused; it said to look at the masks
    again on a recording of this shape, which that page cannot show (saving records 320 x 180
    again): it now says the masks fit one shape at a time, so declining is what is left."""
    import shutil
    from datetime import datetime, timezone

    from demo.samples import ClipSpec, write_clip

    copied = tmp_path / "rec"
    shutil.copytree(footage, copied)
    later = datetime.fromtimestamp(T0 + 86_400, timezone.utc)
    write_clip(ClipSpec(copied / "yard" / f"yard.{later:%Y%m%d_%H%M%S}.mp4", (T0 + 86_400) * US,
                        2.0, width=320, height=180))
    world = World(tmp_path, copied)
    try:
        yard = [r for r in world.agent.recordings("yard") if r.width == 320]
        _signed_then_failed(world, (320, 240))   # drawn on the approved picture
        world.agent.set_masks(CameraMasks("yard", (SQUARE, TRIANGLE)))
        assert world.agent.masks("yard").picture == WIDE   # what the page shows
        assert {r.height for r in yard} == {240, 180}
        with pytest.raises(DeskRefusal) as checked:
            world.desk.check_approval("req-1")
        with pytest.raises(DeskRefusal) as refused:
            world.desk.approve("req-1")
    finally:
        world.close()
    said = str(refused.value)
    assert str(checked.value) == said
    assert "another shape than the 320 x 180 picture" in said and "look at" not in said
    assert said.endswith("your signed approval may have reached the agency already, so it can "
                         "no longer be changed: its privacy masks fit one picture shape at a "
                         "time, the one its latest recordings have, so decline the request to "
                         "withdraw your approval")
