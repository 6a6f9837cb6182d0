"""Approving a request for several cameras: a camera the approval cannot cut is found before
any camera is cut, so the owner is not stopped part way with a `failed` request whose approval
(kept, and named in the decision) can never be delivered. Real footage written with PyAV."""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.timebase import US
from demo.samples import make_recordings
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_desk import T0, World, request_token


@pytest.fixture(scope="module")
def footage(tmp_path_factory):
    root = tmp_path_factory.mktemp("rec")
    # porch recorded 8 s, yard only its first 4 s
    make_recordings(root / "porch", "blue-iris", "porch", T0 * US, 2, 4.0, fps=10, gop_s=1.0)
    make_recordings(root / "yard", "blue-iris", "yard", T0 * US, 1, 4.0, fps=10, gop_s=1.0)
    return root


def test_a_camera_with_nothing_in_the_trimmed_window_is_refused_before_any_cut(tmp_path,
                                                                               footage):
    w = World(tmp_path / "w", footage)
    try:
        w.desk.import_request(w.file(request_token()))
        trim = dict(start_us=(T0 + 5) * US, end_us=(T0 + 7) * US)
        with pytest.raises(DeskRefusal, match="yard") as refused:
            w.desk.check_approval("req-1", **trim)
        assert "porch" not in str(refused.value)
        with pytest.raises(DeskRefusal, match="yard"):
            w.desk.approve("req-1", **trim)
        view = w.desk.show("req-1")
        # nothing cut, nothing decided: the owner can still approve porch alone
        assert view.status == "new" and view.deliveries == () and w.portal.decisions == []
        assert not (w.home / "packages").exists() or not any((w.home / "packages").rglob("*"))
        assert w.desk.check_approval("req-1", cameras=["porch"], **trim).cameras == ("porch",)
        w.portal.decision_status = 403   # stop once the package is made: it is what counts
        with pytest.raises(DeskError, match="portal says no"):
            w.desk.approve("req-1", cameras=["porch"], **trim)
        assert [d.camera for d in w.desk.show("req-1").deliveries] == ["porch"]
    finally:
        w.close()


@pytest.mark.parametrize("trim_s", [(5, 7), (9, 10)])
def test_the_refusal_reads_in_spanish(spanish, tmp_path, footage, trim_s):
    """One camera (yard) or both with nothing recorded: the app shows it in Spanish."""
    from gui.views.core_words import in_owner_language

    w = World(tmp_path / "w", footage)
    try:
        w.desk.import_request(w.file(request_token(end=T0 + 10)))
        start, end = trim_s
        with pytest.raises(DeskRefusal) as refused:
            w.desk.check_approval("req-1", start_us=(T0 + start) * US, end_us=(T0 + end) * US)
        said = in_owner_language(str(refused.value))
        assert "yard" in said and "no se recortó ni se envió nada" in said, said
        assert "nothing" not in said and "usable recording" not in said, said
        assert ("porch" in said) == (start >= 8), said
    finally:
        w.close()


@pytest.fixture(scope="module")
def switched(tmp_path_factory):
    root = tmp_path_factory.mktemp("rec")
    make_recordings(root / "porch", "blue-iris", "porch", T0 * US, 2, 4.0, fps=10, gop_s=1.0)
    # the owner switched yard to H.265 four seconds in
    make_recordings(root / "yard", "blue-iris", "yard", T0 * US, 1, 4.0, fps=10, gop_s=1.0)
    make_recordings(root / "yard", "blue-iris", "yard", (T0 + 4) * US, 1, 4.0, fps=10,
                    gop_s=1.0, encoder="libx265")
    return root


def test_a_camera_whose_recordings_change_codec_is_refused_before_any_cut(spanish, tmp_path,
                                                                          switched):
    from gui.views.core_words import in_owner_language

    # It cut porch's package, then stopped at yard, leaving the request failed for good.
    w = World(tmp_path / "w", switched)
    try:
        w.desk.import_request(w.file(request_token()))
        with pytest.raises(DeskRefusal, match="yard") as refused:
            w.desk.approve("req-1")
        assert "change codec" in str(refused.value) and "H.265" in str(refused.value)
        said = in_owner_language(str(refused.value))   # as the app shows it
        assert "H.265" in said and "cambian de códec" in said and "change codec" not in said, said
        view = w.desk.show("req-1")
        assert view.status == "new" and view.deliveries == () and w.portal.decisions == []
        # either side of the change can go
        assert w.desk.check_approval("req-1", end_us=(T0 + 4) * US).cameras == ("porch",
                                                                                 "yard")
    finally:
        w.close()


def test_a_camera_whose_folder_is_unplugged_is_found_before_any_cut(tmp_path, footage):
    # It cut porch's package first, then stopped at yard's missing drive.
    root = tmp_path / "rec"
    shutil.copytree(footage, root)
    w = World(tmp_path / "w", root)
    try:
        w.desk.import_request(w.file(request_token(end=T0 + 4)))
        (root / "yard").rename(tmp_path / "unplugged")
        with pytest.raises(DeskRefusal, match="connect the drive") as refused:
            w.desk.approve("req-1")
        assert "yard" in str(refused.value) and "porch" not in str(refused.value)
        view = w.desk.show("req-1")
        assert view.status == "new" and view.deliveries == () and w.portal.decisions == []
        (tmp_path / "unplugged").rename(root / "yard")   # plugged in again: it goes
        assert w.desk.check_approval("req-1").cameras == ("porch", "yard")
    finally:
        w.close()
