"""Settings' line for a recorder, in the Spanish app, when its refresh left more than one
sentence after its state: recorders hunt. A camera whose search failed alone and a stretch its
reset clock hid (or two cameras failing, or two stretches) are kept as one problem, sentences
joined by a space, and the app's words translate a message only as whole templates or parts
joined by ": " or "; ", so the whole line after "copiada el ..." stayed English. Sentences one
after another are now translated each (core_words: a sentence's end is a join too)."""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.views.recorder_facts import recorder_states  # noqa: E402
from nvrsim.server import Simulator  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.recorder_sources_support import PASSWORD, agent, recent_footage  # noqa: E402
from tests.test_recorder_clock_reset import Y2K  # noqa: E402
from tests.test_recorder_faults import address  # noqa: E402

pytestmark = pytest.mark.usefixtures("cheap_scrypt")

__all__ = ["agent", "recent_footage"]


def test_a_recorders_several_notes_read_in_spanish(spanish, agent, recent_footage):
    with Simulator(recent_footage, "hikvision", "admin", PASSWORD, tls=True) as sim:
        agent.add_recorder(address(sim, agent, "hikvision"), PASSWORD, name="nvr")
        sim.device.set_clock(Y2K - time.time())
        agent.scan()
        sim.device.set_clock(0.0)
        sim.device.refused_search.add(1)   # Driveway's search fails alone
        (report,) = agent.scan()
        assert len(report.problems) == 1 and len(report.notes) == 1
        (line,) = recorder_states(agent).values()
    assert "copiada el" in line, line
    assert "No se actualizó la lista de grabaciones de" in line, line
    assert "vuelve a estar en hora" in line, line
    for english in ("was not refreshed", "right again", "recorder's own", "Its recordings"):
        assert english not in line, line
