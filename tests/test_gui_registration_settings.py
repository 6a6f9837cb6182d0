"""Registrations in the app's Settings (issue 14), against the reference portal served on
127.0.0.1: the list with agency, cameras, date and certificate; changing a registration (the
same pages, prefilled) and unregistering (after a confirmation saying what happens) reach the
portal; changing the key, half done while the portal is down and then finished, after which the
portal takes a decision signed by the new key; the activity log's words for all of it."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from agent.audit.log import AuditLog
from agent.requests.agencies import TrustStore
from agent.timebase import US
from agent.views import Camera
from demo.gui_data import AGENCY_NAME
from tests.gui_registering import (  # noqa: F401 (fixtures)
    ADDRESS,
    click,
    nav,
    open_window,
    settle,
    tick,
    type_into,
    unnamed,
    world,
)
from tests.gui_support import drawn, footage  # noqa: F401 (a fixture)


def test_update_and_unregister_from_settings_reach_the_portal(qtbot, open_window, world,
                                                              monkeypatch):
    reg = world.register_here((Camera("porch", address=ADDRESS, sees="the porch"),
                               Camera("driveway", address=ADDRESS)))
    win = open_window(world.home)
    nav(qtbot, win, "Settings")
    panel = win.settings.registrations
    assert unnamed(win.settings) == []
    assert panel.table.rowCount() == 1
    cells = [panel.table.item(0, c).text() for c in range(5)]
    assert cells[:3] == [AGENCY_NAME, reg, "porch, driveway"]
    assert cells[4].startswith("\u2714 valid until ")
    assert drawn(panel.table.item(0, 4).toolTip()).startswith(
        f"Certificate from {AGENCY_NAME} registration CA, valid until ")

    click(qtbot, panel.change_button)       # nothing chosen: it says so
    assert "Choose a registration" in panel.status.text()
    panel.table.selectRow(0)
    click(qtbot, panel.change_button)
    settle(qtbot, win)
    flow = win.register.flow
    assert win.pages.currentWidget() is win.register
    assert flow.pages.currentWidget() is flow.contact and flow.contact.name.text() == "Ann Owner"
    porch, driveway = flow.cameras.cards["porch"], flow.cameras.cards["driveway"]
    assert porch.tick.isChecked() and porch.sees.text() == "the porch"
    assert driveway.tick.isChecked() and driveway.address.text() == ADDRESS
    type_into(qtbot, flow.contact.phone, "+1 206 555 0199")
    click(qtbot, flow.next_button)
    tick(qtbot, driveway.tick)
    type_into(qtbot, porch.sees, "the porch and the street")
    click(qtbot, flow.next_button)
    review = flow.review.text()
    assert "Your phone: +1 206 555 0199" in review and "driveway" not in review
    assert f"This replaces what {AGENCY_NAME} has on file for you" in review
    assert flow.next_button.text() == "Send the changes"
    click(qtbot, flow.next_button)
    settle(qtbot, win)
    assert flow.result.outcome.text().startswith(f"\u2714 {AGENCY_NAME} has your changes.")
    (row,) = world.portal.registry.rows()
    assert row["contact"] == {"name": "Ann Owner", "phone": "+1 206 555 0199"}
    assert row["cameras"] == [{"name": "porch", "address": ADDRESS,
                               "sees": "the porch and the street"}]
    click(qtbot, flow.next_button)
    settle(qtbot, win)
    assert win.pages.currentWidget() is win.settings
    assert panel.table.item(0, 2).text() == "porch"

    asked = []

    def answer(box):
        asked.append((box.windowTitle(), box.text(), box.textFormat()))
        return QMessageBox.Cancel if len(asked) == 1 else QMessageBox.Yes
    monkeypatch.setattr(QMessageBox, "exec", answer)
    panel.table.selectRow(0)
    click(qtbot, panel.unregister_button)   # the owner thinks again: nothing happens
    settle(qtbot, win)
    assert world.portal.registry.rows()[0]["ended_by"] is None
    click(qtbot, panel.unregister_button)
    settle(qtbot, win)
    title, text, form = asked[-1]
    assert title == f"Unregister from {AGENCY_NAME}?" and form == Qt.PlainText
    assert "forgets your contact details and the cameras" in text and "requests stop" in text
    (row,) = world.portal.registry.rows()
    assert row["ended_by"] == "owner" and row["contact"] is None and row["cameras"] == []
    assert panel.table.rowCount() == 0 and TrustStore(world.home).registrations() == {}
    assert panel.status.text().startswith(f"\u2714 Unregistered {reg} from {AGENCY_NAME}")
    events = [r["event"] for r in AuditLog(world.home).entries() if "regist" in r["event"]]
    assert events == ["registered", "registration-updated", "unregistered"]


def test_changing_the_key_from_settings_and_the_portal_accepting_the_new_one(
        qtbot, open_window, world, monkeypatch):
    reg = world.register_here()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.Yes)
    win = open_window(world.home)
    agent = win.ctx.agent
    old = agent.owner_key().public.owner_id()
    nav(qtbot, win, "Settings")
    panel = win.settings.registrations
    assert not panel.pending.isVisibleTo(win.settings)

    world.server.stop()                     # the agency cannot be reached: half done
    click(qtbot, panel.rotate_button)
    settle(qtbot, win)
    assert panel.key_status.text().startswith("The key change is not finished: 0 "
                                              "registrations moved to the new key, 1 not yet.")
    assert f"cannot reach {AGENCY_NAME}'s portal" in panel.key_status.text()
    assert panel.pending.isVisibleTo(win.settings) and "not finished" in panel.pending.text()
    assert world.portal.registry.pinned(reg) == old

    world.restart()
    click(qtbot, panel.rotate_button)
    settle(qtbot, win)
    assert panel.key_status.text().startswith("\u2714 Your key was changed: your registration "
                                              "now knows your new key.")
    assert not panel.pending.isVisibleTo(win.settings)
    new = agent.owner_key().public.owner_id()
    assert new != old and world.portal.registry.pinned(reg) == new
    assert panel.table.item(0, 4).text().startswith("\u2714 valid until ")

    start = (int(time.time()) - 3600) * US
    world.portal.create_request(reg, start, start + 60 * US, "2026-7", "Det. Roe",
                                origin=world.server.origin)
    (entry,) = agent.requests.sync().new
    agent.requests.decline(entry.jti, "not home")
    (decided,) = world.portal.decisions()
    assert decided["owner_id"] == new       # the portal took a decision signed by the new key

    nav(qtbot, win, "Activity log")
    shown = [win.log.table.item(r, 1).text() for r in range(win.log.table.rowCount())]
    assert [w for w in shown if "key" in w.lower() or "regist" in w.lower()] == [
        "Key changed (old key retired)", "Agency given your new key",
        "Giving an agency your new key failed", "Key change started",
        "Registered with an agency", "Your signing key was made"]
