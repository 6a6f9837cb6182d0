"""Why the app cannot register with an agency now, in the owner's language (words hunt 4): the
register page said "No se puede registrar con Policía ahora: the agency file of Policía has no
registration CA ('registration_ca'), so the app cannot register with it; ...": the reason was
put in as the core wrote it, and no template held it. Each reason is the agent's own, from a
real trust store."""
from __future__ import annotations

import json
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from agent.service import Agent  # noqa: E402
from demo.gui_data import AGENCY_ID, agency_doc  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

ENGLISH = re.compile(r"\b(the|is|has|not|so|app|cannot|with|it|ask|its|current|file|add|"
                     r"again|agency|trust|store|first|in|your)\b")


def test_the_register_page_says_why_not_in_spanish(qtbot, spanish, tmp_path):
    from gui.widgets.registration_pages import InvitePage

    agency_file = tmp_path / "agency.json"   # an agency file from before registering existed
    agency_file.write_text(json.dumps(agency_doc(Ed25519PrivateKey.generate())))
    agent = Agent(tmp_path / "home")
    try:
        agent.requests.trust.add(agency_file)
        agency = next(a for a in agent.agencies() if a.id == AGENCY_ID)
        ready = agent.registration_readiness(AGENCY_ID)
        gone = agent.registration_readiness("https://pd.example.net")
    finally:
        agent.close()
    assert not ready.ready and "registration CA" in ready.reason
    page = InvitePage()
    qtbot.addWidget(page)
    page.set_agencies([(agency, ready)])
    shown = page.readiness.text()
    reason = shown.partition(": ")[2]
    assert shown.startswith("Ahora no es posible registrarse") and reason, shown
    assert not ENGLISH.search(reason), shown
    assert page.problems() == [shown]   # and as what stops Next
    said = in_owner_language(gone.reason)   # an agency removed meanwhile
    assert not gone.ready and said != gone.reason and not ENGLISH.search(said), said
