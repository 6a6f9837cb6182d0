"""Masks fit one picture shape at a time (masks hunt): a window recorded in another shape than
the masks were drawn on is refused, and the advice to look at the masks again (Settings, Draw
privacy masks) holds only where that page shows a recording of the window's shape. A camera
whose setting changed from 4:3 to 16:9, masks drawn since on its 16:9 recordings: the page
shows a 16:9 one, where saving records 16:9 again, so an older 4:3 window's refusal says what
the owner can really do (mask_pictures.for_the_page)."""
from __future__ import annotations

import pytest

from agent.errors import Refusal
from agent.export.mask_pictures import LOOK_AGAIN, ONE_SHAPE
from agent.export.masks import CameraMasks, Polygon
from agent.requests.approval_choices import redactions
from agent.requests.approval_footage import check_footage
from agent.requests.approval_step import ApprovalRefused
from agent.requests.records import Approval
from demo.samples import ClipSpec, write_clip
from tests.conftest import t

T0 = t("2026-11-20T22:00:00Z")
S, DAY = 1_000_000, 86_400_000_000
SQUARE = Polygon(((0.6, 0.6), (0.9, 0.6), (0.9, 0.9), (0.6, 0.9)))


@pytest.fixture
def porch(agent, tmp_path):
    """porch: a 320 x 240 recording one day, a 320 x 180 one the next (its setting changed)."""
    folder = tmp_path / "porch"
    write_clip(ClipSpec(folder / "porch.20261120_220000.mp4", T0, 2.0))
    write_clip(ClipSpec(folder / "porch.20261121_220000.mp4", T0 + DAY, 2.0, width=320,
                        height=180))
    agent.scan([str(folder)], tz="UTC")
    return agent


def _refusals(agent, start_us: int, tmp_path) -> tuple[str, str]:
    """The export's and a new approval's refusal of [start, start + 2 s) of porch."""
    with pytest.raises(Refusal) as exported:
        agent.export("porch", start_us, start_us + 2 * S, tmp_path / "out")
    approval = Approval(start_us, start_us + 2 * S, ("porch",), "copy", False)
    with pytest.raises(ApprovalRefused) as approved:
        check_footage(agent.store, approval, redactions(agent.home, approval))
    return str(exported.value), str(approved.value)


def test_an_older_window_of_another_shape_does_not_send_the_owner_to_the_masks_page(
        porch, tmp_path):
    """The masks drawn on the page, which shows the latest (320 x 180) recording: the older
    320 x 240 window is refused, and the advice was to look at the masks again on a recording
    of this shape, which that page cannot show (saving there records 320 x 180 again)."""
    porch.set_masks(CameraMasks("porch", (SQUARE,)))
    assert porch.masks("porch").picture == (320, 180)   # what the page shows
    for said in _refusals(porch, T0, tmp_path):
        assert "another shape than the 320 x 180 picture its privacy masks were drawn on" in said
        assert ONE_SHAPE in said and "look at the masks again" not in said
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_window_of_the_shape_the_page_shows_still_says_to_look_again(porch, tmp_path):
    """Masks whose file says 320 x 240 while the page shows the latest 320 x 180 recording: a
    window of that recording's shape is one the owner can save the masks again on."""
    porch.set_masks(CameraMasks("porch", (SQUARE,), (320, 240)))
    for said in _refusals(porch, T0 + DAY, tmp_path):
        assert "another shape than the 320 x 240 picture" in said
        assert LOOK_AGAIN in said and ONE_SHAPE not in said
