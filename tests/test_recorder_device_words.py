"""What a recorder says it is (model, firmware, serial number, its own name) is the device's
text, and a fake recorder on the LAN chooses it: recorders hunt. `sources list` printed the
model as it came, so a Reolink answering `GetDevInfo` with a terminal's control sequence in
its model (JSON carries any character) had it run in the owner's terminal (the window's
title rewritten here; other sequences move the cursor and overwrite what the lines above
said), and a line break in it made a line of its own in the listing. Each such text is kept
one line of printable characters at most 120 long (model.device_text, as long as a camera
name may be: a device's own name names its cameras), for every make."""
from __future__ import annotations

import pytest

from nvrsim.server import Simulator
from tests.recorder_sources_support import PASSWORD, agent, cli, recent_footage
from tests.test_recorder_faults import address

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]
HOSTILE = "RLN8\x1b]0;owned\x07\n/home/x\tcamera=Front\u202e" + "x" * 5000


def test_a_recorders_model_cannot_write_into_the_owners_terminal(
        agent, recent_footage, capsys, monkeypatch):
    with Simulator(recent_footage, "reolink", "admin", PASSWORD, tls=True) as sim:
        sim.device.model = HOSTILE
        sim.device.firmware = "v3\x1b[2J"
        agent.add_recorder(address(sim, agent, "reolink"), PASSWORD, name="nvr")
        code, out, _err = cli(capsys, monkeypatch, agent.home, "sources", "list")
        _code, listed, _err = cli(capsys, monkeypatch, agent.home, "sources", "list", "--json")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out, repr(out)
    assert len(out.strip().splitlines()) == 1, out   # the one recorder, one line
    (rec,) = agent.recorders()
    assert rec.model.startswith("RLN8") and len(rec.model) <= 120 and rec.model.isprintable()
    assert rec.firmware.isprintable()
    assert listed[0]["recorder"]["model"] == rec.model
