"""A camera's coverage summed once (gui/views/camera_sums) answers what any selection would send
exactly as walking its files did: the seconds recorded, the first recorded instant, the
stretches without recording and the estimated size, files overlapping and apart, windows
starting and ending anywhere. Qt-free: the agent's own coverage of rows as the index keeps
them."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agent.index.coverage import coverage
from agent.index.rows import FileRow
from gui.views.camera_sums import CameraSums
from gui.views.summary import camera_part

US = 1_000_000
W0, W1 = 1_000 * US, 1_600 * US


def rows(files) -> list[FileRow]:
    return [FileRow(1, f"/rec/{n}.mp4", "porch", s, s + d, size, 0, "frigate", "ok", None,
                    audio=audio)
            for n, (s, d, size, audio) in enumerate(files)]


def walked(cov, start, end):
    """What the summary worked out before, walking every span, gap and file."""
    def overlap(a0, a1):
        return max(0, min(a1, end) - max(a0, start))
    covered = [(max(s.start_us, start), min(s.end_us, end)) for s in cov.spans
               if overlap(s.start_us, s.end_us)]
    size = sum(f.size * overlap(f.start_us, f.end_us) / (f.end_us - f.start_us)
               for f in cov.files)
    gaps = sum(1 for g in cov.gaps if overlap(g.start_us, g.end_us))
    return sum(e - s for s, e in covered), covered[0][0] if covered else None, gaps, size


files = st.lists(st.tuples(st.integers(W0 - 100 * US, W1 + 50 * US),
                           st.integers(1, 90 * US), st.integers(0, 50_000_000), st.booleans()),
                 max_size=40)
instants = st.integers(W0 - 10 * US, W1 + 10 * US)


@settings(max_examples=300, deadline=None)
@given(files, instants, instants)
def test_the_sums_answer_as_walking_the_files_did(found, a, b):
    start, end = min(a, b), max(a, b) + 1
    cov = coverage("porch", rows(found), W0, W1)
    sums = CameraSums.of(cov)
    seconds, first, gaps, size = walked(cov, start, end)
    assert sums.covered_us(start, end) == seconds
    assert sums.first_covered(start, end) == first
    assert sums.gaps_in(start, end) == gaps
    assert abs(sums.bytes_in(start, end) - size) <= 1e-6 * max(1.0, size) + 1e-3
    assert sums.has_audio == any(f.audio for f in cov.files)


def test_a_copy_cut_starts_at_the_keyframe_and_sends_the_seconds_after_it():
    """One 60 s file of 6 MB, a selection of its 20 s from 10 s, the first keyframe at 12 s:
    18 s and 1.8 MB would leave, 2 s short of the start."""
    cov = coverage("porch", rows([(W0, 60 * US, 6_000_000, False)]), W0, W1)
    part = camera_part(CameraSums.of(cov), W0 + 10 * US, W0 + 30 * US, "copy", W0 + 12 * US)
    assert (part.seconds, part.size_bytes, part.shortfall_s, part.gaps) == (18.0, 1_800_000,
                                                                            2.0, 0)
    exact = camera_part(CameraSums.of(cov), W0 + 10 * US, W0 + 70 * US, "exact", W0 + 12 * US)
    assert (exact.seconds, exact.size_bytes, exact.shortfall_s, exact.gaps) == (50.0, 5_000_000,
                                                                                0.0, 1)


def test_a_selection_only_a_crop_recorded_is_said_before_approving_with_masks():
    """Masks hunt: the request's whole window held the main picture (0 to 10 s) and, after it,
    only the camera's crop (10 to 20 s, a Reolink RecC). Its coverage chose the main picture,
    so the crop's seconds read as a stretch without recording, while an approval of 12 to 18 s
    with privacy masks was refused (the export cuts the crop there). The summary says it, as
    the agent's own check finds it."""
    from agent.export.mask_pictures import masks_elsewhere
    from gui.views.summary import lines, outgoing

    found = [FileRow(1, f"/rec/Rec{k}01_{n}.mp4", "porch", W0 + n * 10 * US,
                     W0 + (n + 1) * 10 * US, 1_000_000, 0, "reolink", "ok", None, stream=s)
             for n, k, s in ((0, "M", "main"), (1, "C", "crop"))]
    sums = CameraSums.of(coverage("porch", found, W0, W0 + 30 * US))

    def said(start_s: int, end_s: int, masked=("porch",)) -> str:
        out = outgoing([sums], W0 + start_s * US, W0 + end_s * US, "copy", False, {},
                       ("1 privacy mask on porch",), masked=masked)
        return "\n".join(lines(out, "Agency", "UTC"))
    assert masks_elsewhere(coverage("porch", found, W0 + 12 * US, W0 + 18 * US)) is not None
    assert "porch: only its crop or other lens recorded this time" in said(12, 18)
    assert "no recording in this time" not in said(12, 18)
    assert "part of this time only its crop or other lens recorded" in said(5, 15)
    assert masks_elsewhere(coverage("porch", found, W0 + 5 * US, W0 + 15 * US)) is None
    for start, end, masked in ((0, 10, ("porch",)), (12, 18, ())):   # main only; no masks
        assert "crop" not in said(start, end, masked)


def test_a_selection_of_another_picture_shape_than_the_masks_is_said_before_approving():
    """Masks hunt: a camera that recorded 16:9 (0 to 10 s) and then 4:3 (10 to 20 s, its
    picture setting changed), its masks drawn on the 16:9 picture: an approval or export with
    masks of any selection reaching into the 4:3 stretch is refused (mask_pictures), and the
    summary said nothing of it before the button was pressed. It says so now, as the agent's
    own check finds it; a picture of the same shape (a squeezed sub stream) is not said."""
    from agent.export.mask_pictures import masks_misplaced
    from agent.export.masks import CameraMasks, Polygon
    from gui.views.summary import lines, outgoing

    found = [FileRow(1, f"/rec/porch_{n}.mp4", "porch", W0 + n * 10 * US,
                     W0 + (n + 1) * 10 * US, 1_000_000, 0, "frigate", "ok", None,
                     width=320, height=h)
             for n, h in ((0, 180), (1, 240))]
    sums = CameraSums.of(coverage("porch", found, W0, W0 + 30 * US))

    def said(start_s: int, end_s: int, masked=("porch",), drawn=(320, 180)) -> str:
        out = outgoing([sums], W0 + start_s * US, W0 + end_s * US, "copy", False, {},
                       ("1 privacy mask on porch",), masked=masked,
                       drawn=(("porch", drawn),))
        return "\n".join(lines(out, "Agency", "UTC"))

    def refused(start_s: int, end_s: int, drawn=(320, 180)) -> bool:
        masks = CameraMasks("porch", (Polygon(((0, 0), (1, 0), (1, 1))),), drawn)
        return masks_misplaced(coverage("porch", found, W0 + start_s * US, W0 + end_s * US),
                               masks) is not None
    shape = ("was recorded in a picture of 320 x 240 pixels, another shape than the 320 x 180 "
             "picture its privacy masks were drawn on")
    assert refused(12, 18) and f"porch: this time {shape}" in said(12, 18)
    assert refused(5, 15) and f"porch: part of this time {shape}" in said(5, 15)
    assert "so it is refused" in said(5, 15) and "Draw privacy masks" in said(5, 15)
    assert not refused(0, 10) and "shape" not in said(0, 10)
    assert not refused(0, 10, (640, 352)) and "shape" not in said(0, 10, drawn=(640, 352))
    assert "shape" not in said(12, 18, masked=())   # masks not chosen
    assert not refused(12, 18, None) and "shape" not in said(12, 18, drawn=None)


def test_a_selection_older_than_the_masks_shape_is_not_sent_to_the_masks_page():
    """Masks hunt: the camera recorded 4:3 (0 to 10 s) and then 16:9 (10 to 20 s), its masks
    drawn since on the masks page, which shows the latest (16:9) recording. The summary of a
    4:3 selection said to look at the masks again on a recording of this shape, which that
    page cannot show; it now says, as the agent's refusal does (mask_pictures.for_the_page),
    that the masks fit one shape at a time. Where the page shows the selection's shape, the
    advice stays."""
    from agent.export.mask_pictures import ONE_SHAPE, masks_misplaced
    from agent.export.masks import CameraMasks, Polygon
    from gui.views.summary import lines, outgoing

    found = [FileRow(1, f"/rec/porch_{n}.mp4", "porch", W0 + n * 10 * US,
                     W0 + (n + 1) * 10 * US, 1_000_000, 0, "frigate", "ok", None,
                     width=320, height=h)
             for n, h in ((0, 240), (1, 180))]
    sums = CameraSums.of(coverage("porch", found, W0, W0 + 30 * US))
    masks = CameraMasks("porch", (Polygon(((0, 0), (1, 0), (1, 1))),), (320, 180))

    def said(start_s: int, end_s: int, shown) -> str:
        out = outgoing([sums], W0 + start_s * US, W0 + end_s * US, "copy", False, {},
                       ("1 privacy mask on porch",), masked=("porch",),
                       drawn=(("porch", (320, 180)),), shown=(("porch", shown),))
        return "\n".join(lines(out, "Agency", "UTC"))

    refused = masks_misplaced(coverage("porch", found, W0, W0 + 8 * US), masks, (320, 180))
    assert ONE_SHAPE in refused   # what the agent says when the button is pressed
    for start_s in (2, 5):   # the whole selection 4:3, and part of it
        one = said(start_s, 8 if start_s == 2 else 15, (320, 180))
        assert "fit one picture shape at a time" in one and "Draw privacy masks" not in one
        again = said(start_s, 8 if start_s == 2 else 15, (320, 240))
        assert "Draw privacy masks" in again and "one picture shape" not in again
