"""A listener that raises never stops the work: one rule (agent.callbacks.call_safely) for
progress bars, event subscribers and the new-request listener."""
from __future__ import annotations

import logging

from agent.callbacks import call_safely
from agent.delivery.pace import Meter
from agent.service import Agent


def broken(*_args):
    raise RuntimeError("broken listener")


def test_a_raising_callback_is_logged_and_none_is_no_call(caplog):
    with caplog.at_level(logging.WARNING, logger="agent.callbacks"):
        call_safely(broken, "stage", 0.5)
        call_safely(None, "stage", 0.5)
    assert [r.exc_info[1].args for r in caplog.records] == [("broken listener",)]


def test_every_subscriber_hears_an_event_though_one_before_it_raises(tmp_path, caplog):
    agent = Agent(tmp_path / "home")
    heard = []
    agent.subscribe(broken)
    agent.subscribe(heard.append)
    with caplog.at_level(logging.WARNING, logger="agent.callbacks"):
        agent.emit("an event")
    agent.close()
    assert heard == ["an event"]
    assert "broken listener" in caplog.text


def test_an_upload_goes_on_when_its_progress_display_raises():
    meter = Meter(100, broken)
    meter.moved(50, 50)
    meter.show(100, force=True)  # would raise here without the rule
