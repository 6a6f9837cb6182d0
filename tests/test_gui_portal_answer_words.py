"""An agency portal's answer the app cannot use, in the owner's language: a portal moved to a
new address (a redirect, never followed), an answer that is not JSON or not of FRP/1's shape,
a package accepted without a receipt. Each reached the Spanish app's inbox, registration or
delivery in English (no template). Made by the agent's own client against a real server."""
from __future__ import annotations

import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402

from agent.requests.portal_client import PortalClient, PortalError  # noqa: E402
from frp.agency import Agency  # noqa: E402
from gui.views import core_words  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_safety_network import reply, serving  # noqa: E402

NAME = "Springfield PD"
# Words of the core's English that no Spanish sentence here holds ("portal" is Spanish too).
ENGLISH = re.compile(r"\b(sent|answer|tried|redirects|never|followed|shape|form|"
                     r"accepted|receipt|must|list)\b")

ANSWERS = {   # what the portal answers, and the client call that meets it
    "moved": (301, b"", {"Location": "https://frp.example.gov/v2/requests"}, "poll"),
    "not JSON": (200, b"OK", {"Content-Type": "text/plain"}, "poll"),
    "not an object": (200, b"[1, 2]", {}, "poll"),
    "requests not a list": (200, b'{"requests": 5}', {}, "poll"),
    "cursor not text": (200, b'{"requests": [], "cursor": 5}', {}, "poll"),
    "no receipt": (200, b"{}", {}, "submit"),
}


@pytest.mark.parametrize("how", sorted(ANSWERS))
def test_a_portal_answer_the_app_cannot_use_reads_in_spanish(spanish, how):
    status, body, headers, call = ANSWERS[how]
    with serving(lambda h, s: reply(h, status, body, headers)) as server, \
            PortalClient() as client:
        agency = Agency(id="https://pd.example", name=NAME, phone="", keys=(),
                        portal=server.origin + "/v1", upload_origins=())
        with pytest.raises(PortalError) as caught:
            if call == "poll":
                client.poll(agency, "reg-1", None, None)
            else:
                client.post_submission(agency, None, "req-1", "https://up.example/files/1",
                                       "0" * 64, 10, "porch.tar")
    message = str(caught.value)
    template = matches(message)
    assert template is not None, f"no template for the agent's {message!r}"
    spanish_words = QCoreApplication.translate(core_words.CONTEXT, template)
    assert spanish_words != template, f"no Spanish for {template!r}"
    said = in_owner_language(message)
    assert said.startswith(f"el portal de {NAME} "), said
    assert not ENGLISH.search(said.replace(NAME, "")), said
