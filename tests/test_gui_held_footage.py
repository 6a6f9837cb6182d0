"""A request whose recordings are gone since its safe copy was made, on its request's page:
the timeline showed 'nothing recorded', the camera started unticked and the summary above
Approve said nothing of it would be sent, while approving sends the safe copy's footage
(held_window.py). The page now shows what the copy holds, and says it is the copy; its
thumbnails and preview, read from the recordings, showed no picture there: they read the copy."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from demo.gui_data import make_world  # noqa: E402
from tests.gui_support import open_window, settle, spanish  # noqa: E402,F401 (a fixture)
from tests.test_gui_review import _exact, click_at, stamp_of  # noqa: E402


def test_a_cameras_recordings_gone_since_its_hold_show_the_safe_copy(qtbot, tmp_path):
    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.requests.import_request(world.request_file)
        agent.requests.hold(world.request_id)
        for recording in (world.recordings / "frigate").rglob("*.mp4"):
            recording.unlink()   # the recorder made room for new footage
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        strip = window.request.strip
        timeline = strip.timelines["driveway"]
        assert "from the safe copy" in timeline.note, timeline.note
        assert strip.coverages["driveway"].held and strip.coverages["driveway"].spans
        assert strip.checks["driveway"].isChecked()
        assert not strip.coverages["porch"].held   # its recordings are still there
        summary = window.request.summary.text()
        assert "driveway: no recording" not in summary, summary
        assert timeline.thumbs, "the safe copy's thumbnails"
        at = world.start_us + 1_500_000
        with qtbot.waitSignal(window.request.preview.frameShown, timeout=10000,
                              check_params_cb=_exact) as got:
            click_at(qtbot, timeline, at)
        frame = got.args[0]
        assert frame is not None and frame.camera == "driveway"   # its masks, if chosen
        assert abs(stamp_of(frame) - at) < 150_000   # the copy's picture of that moment
    finally:
        window.close()
        agent.close()



def test_deleting_the_only_unredacted_footage_of_a_masked_package_says_what_it_loses(
        qtbot, tmp_path, monkeypatch):
    """Holds hunt: the safe copy of a request whose masked package was cut from it (the
    recordings gone) is the only unredacted footage of what the package hides; its page offered
    "Delete the safe copy", saying "anything sent to the agency is not touched". Its page now
    says it, the question says what deleting it loses, and Cancel keeps it."""
    from PySide6.QtWidgets import QMessageBox

    from agent.export.masks import parse_masks
    from agent.service import Agent
    from agent.requests.agencies import TrustStore
    from agent.timebase import US
    from demo.gui_data import AGENCY_ID, index_footage, write_footage
    from portal.server import PortalServer
    from portal.state import Portal
    from tests.registering import enrol

    asked, queue = [], []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: (asked.append(box.text()),
                                                          queue.pop(0))[1])
    home, rec, start = tmp_path / "home", tmp_path / "recordings", (int(time.time()) - 3600) * US
    write_footage(rec, start, 4.0)
    index_footage(home, rec)
    portal = Portal.init(tmp_path / "portal", "Example City Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        TrustStore(home).add(portal.state_dir / "agency.json")
        reg = enrol(home, portal, ("driveway", "porch")).registration
        portal.create_request(reg, start, start + 4 * US, "2026-77", "Det. Jane Roe",
                              cameras=("driveway",))
        agent = Agent(home)
        try:
            agent.requests.sync()
            (view,) = agent.requests.list()
            agent.set_masks(parse_masks("driveway", {"polygons": [[[0.1, 0.1], [0.4, 0.1],
                                                                   [0.4, 0.4]]]}))
            hold = agent.requests.hold(view.id)
            for recording in (rec / "frigate").rglob("*.mp4"):
                recording.unlink()   # the recorder made room for new footage
            assert agent.requests.approve(view.id).status == "delivered"   # masked, from it
        finally:
            agent.close()
    window, agent = open_window(qtbot, home)
    try:
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        assert "only unredacted footage of a package made from it" in kept.words.text()
        queue.append(QMessageBox.Cancel)
        kept.button.click()
        assert "the package made from them hides (driveway: privacy masks blacked out)" in \
            asked[-1], asked
        assert "there will be none to give" in asked[-1]
        settle(qtbot, window)
        assert hold.path.is_dir()
        queue.append(QMessageBox.Yes)
        kept.button.click()
        settle(qtbot, window)
        assert not hold.path.exists()
    finally:
        window.close()
        agent.close()


def test_a_safe_copy_that_could_not_be_made_as_the_request_arrived_is_said_and_made_again(
        qtbot, tmp_path, monkeypatch):
    """Holds hunt: with "keep a safe copy" on, the copy made as the request arrived failed
    (the disk had no room) and the request's page said nothing: the owner counted on it. The
    page now says why, and makes it again when asked."""
    from agent.config import Settings
    from agent.requests import holds

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.set_settings(Settings(holds_on_new_request=True))
        real = holds.shutil.disk_usage
        monkeypatch.setattr(holds.shutil, "disk_usage",
                            lambda path: real(path)._replace(free=1))   # the disk is full
        agent.requests.import_request(world.request_file)
        monkeypatch.setattr(holds.shutil, "disk_usage", real)   # room made since
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        said = kept.words.text()
        assert said.startswith("The safe copy of this request's footage could not be made: "
                               "the "), said
        assert "Free some space there" in said and kept.again.isVisible()
        kept.again.click()
        settle(qtbot, window)
        assert "A safe copy of this request's footage is kept" in kept.words.text()
        assert not kept.again.isVisible()
        assert agent.requests.held(world.request_id) is not None
    finally:
        window.close()
        agent.close()


def test_a_package_an_earlier_version_did_not_say_is_asked_as_not_certain(qtbot, spanish):  # noqa: F811
    """A package an earlier version logged without saying what it was cut from, gone since
    (hold_losses.py: `unsure`): the question says that for it this is not certain, in the
    owner's language."""
    from agent.requests.hold_losses import HiddenOnlyThere
    from gui.widgets.kept_copy import KeptCopy

    kept = KeptCopy(None)
    qtbot.addWidget(kept)
    kept.lost = (HiddenOnlyThere("porch", "p1", ("privacy-mask",)),
                 HiddenOnlyThere("drive", "p2", ("face-blur",), unsure=True))
    asked = kept._question()
    assert ("En 1 de ellos no es seguro: la versión de la aplicación que hizo ese paquete no "
            "registró si se cortó de la copia a salvo") in asked, asked
    kept.lost = kept.lost[:1]
    assert "no es seguro" not in kept._question()


def test_recordings_saved_after_the_safe_copy_are_offered_and_added_to_it(qtbot, tmp_path):
    """Holds hunt: a safe copy made before the window's last recording was indexed stayed
    short, and the app had no way to add it: the open request's page said nothing. It now
    says how many of the window's recordings the copy does not hold, and adds them."""
    from agent.requests.hold_top_up import one_at_a_time

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    last = sorted((world.recordings / "frigate").rglob("*.mp4"))[-1]
    aside = tmp_path / last.name
    last.rename(aside)   # the recorder's last file of the window, not there yet
    window, agent = open_window(qtbot, world.home)
    try:
        agent.scan()
        agent.requests.import_request(world.request_file)
        hold = agent.requests.hold(world.request_id)
        aside.rename(last)   # it arrived
        agent.scan()
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        assert kept.words.text() == ("A recording of this request's time is not in its safe "
                                     "copy: it was saved after the copy was made."), \
            kept.words.text()
        assert kept.add.isVisible() and not kept.button.isVisible()
        with one_at_a_time(world.home, hold.path.name):   # another footage-agent adding
            kept.add.click()
            settle(qtbot, window)
            qtbot.waitUntil(lambda: kept.add.isEnabled(), timeout=20000)
        assert kept.words.text().startswith("This request's safe copy is being made by another "
                                            "footage-agent"), kept.words.text()
        kept.add.click()
        settle(qtbot, window)
        qtbot.waitUntil(lambda: "added" in kept.words.text(), timeout=20000)
        assert kept.words.text().startswith("A file was added to the safe copy. A safe copy of "
                                            "this request's footage is kept"), kept.words.text()
        assert not kept.add.isVisible()
        now = agent.requests.held(world.request_id)
        assert len(now.files) == len(hold.files) + 1 and now.files[:len(hold.files)] == hold.files
        assert agent.requests.hold_missing(world.request_id) == 0
    finally:
        window.close()
        agent.close()


def test_the_status_line_of_a_copy_that_may_be_the_only_unredacted_footage_says_may(qtbot):
    """The question before deleting said that, for a package an earlier version logged without
    saying what it was cut from (gone since: hold_losses.py `unsure`), it is not certain; the
    line above the button said flatly that the copy "is the only unredacted footage" of it."""
    from types import SimpleNamespace

    from agent.requests.hold_losses import HiddenOnlyThere
    from gui.widgets.kept_copy import KeptCopy

    kept = KeptCopy(None)
    qtbot.addWidget(kept)
    kept.key = ("r1", "a1")
    shown = SimpleNamespace(status="declined", hold_failed=None, hold_problem=None,
                            hold_gone=None,
                            hold=SimpleNamespace(size=2_000_000, gone=()))
    sure = HiddenOnlyThere("porch", "p1", ("privacy-mask",))
    unsure = HiddenOnlyThere("drive", "p2", ("face-blur",), unsure=True)
    kept._shown(kept.key, shown, (unsure,))
    said = kept.words.text()
    assert "It may be the only unredacted footage of a package made for this request" in said
    assert "It is the only" not in said, said
    kept._shown(kept.key, shown, (sure, unsure))
    said = kept.words.text()
    assert ("It is the only unredacted footage of a package made from it with parts hidden. "
            "It may also be that of another package made for this request.") in said, said
    kept._shown(kept.key, shown, (sure,))
    assert "may" not in kept.words.text()


def test_an_ended_requests_copy_kept_while_its_approval_may_stand_offers_no_delete(
        qtbot, spanish):  # noqa: F811
    """Declined to withdraw an approval the portal has not let go of (desk_holds.may_stand,
    tests/test_hold_release_withdrawal.py): the page offered "Delete the safe copy", which
    deleted the footage approving it again would send the rest from. It says why the copy is
    kept, in the owner's language, with no button to delete it."""
    from types import SimpleNamespace

    from gui.widgets.kept_copy import KeptCopy

    kept = KeptCopy(None)
    qtbot.addWidget(kept)
    kept.key = ("r1", "a1")
    shown = SimpleNamespace(status="declined", hold_failed=None, hold_problem=None,
                            hold_gone=None,
                            hold=SimpleNamespace(size=2_000_000, gone=()))
    kept._shown(kept.key, shown, (), 0, True)
    assert kept.words.text().startswith("La copia a salvo de las grabaciones de esta "
                                        "solicitud se conserva hasta que"), kept.words.text()
    assert kept.button.isHidden() and kept.add.isHidden()
    kept._shown(kept.key, shown, (), 0, False)   # the decline taken: it may be deleted
    assert not kept.button.isHidden()


def test_an_open_requests_safe_copy_deleted_by_hand_is_said_and_made_again(qtbot, tmp_path):
    """The safe copy's folder deleted by hand (a cleaning program) while the request was open:
    its page said nothing of it, as for a request never held (test_hold_gone.py for the
    command). It says the copy is gone and offers to make it again, which makes it."""
    import shutil

    world = make_world(tmp_path / "world", tmp_path / "home", seconds=4.0)
    window, agent = open_window(qtbot, world.home)
    try:
        agent.requests.import_request(world.request_file)
        made = agent.requests.hold(world.request_id)
        shutil.rmtree(made.path)
        window.inbox.refresh()
        settle(qtbot, window)
        window.open_request(window.inbox.views[0])
        settle(qtbot, window)
        kept = window.request.kept
        qtbot.waitUntil(kept.isVisible, timeout=20000)
        assert kept.words.text() == ("The safe copy of this request's footage is no longer in "
                                     "the app's folder: it was deleted or moved since it was "
                                     "made."), kept.words.text()
        assert kept.again.isVisible() and not kept.button.isVisible()
        kept.again.click()
        settle(qtbot, window)
        qtbot.waitUntil(lambda: "is kept in the app's folder" in kept.words.text(),
                        timeout=20000)
        assert made.path.is_dir()
    finally:
        window.close()
        agent.close()
