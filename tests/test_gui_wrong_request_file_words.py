"""The wrong file opened with "Open a request file…" (a PDF, the agency's .json, an e-mail, a
token cut short), in the owner's language: the Spanish app said "este archivo no es una
solicitud de grabaciones (a compact JWS has three parts separated by '.', this one has 1)",
the reason in English (no template). Each message is the agent's own, from a real file."""
from __future__ import annotations

import json
import os
import re

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from agent.service import Agent  # noqa: E402
from gui.views.core_words import in_owner_language  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401

FILES = {
    "a PDF": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    "an empty file": b"",
    "the agency file": json.dumps({"frp": 1, "id": "https://pd.example"}).encode(),
    "two parts": b"eyJhbGciOiJFZERTQSJ9.e30",
    "an e-mail": b"From: pd@example.gov\n\neyJhbGciOiJFZERTQSJ9.e30.AAAA",
    "cut short": b"eyJhbGciOiJFZERTQSJ.e30.AAAA",
    "header not JSON": b"aGVsbG8.e30.AAAA",
    "header not an object": b"WzFd.e30.AAAA",
    "empty header": b".e30.AAAA",
}
ENGLISH = re.compile(r"\b(the|is|has|contains|part|text|token|header|payload|this|one|not|"
                     r"valid|object|bytes|outside|impossible|length)\b")


@pytest.fixture(scope="module")
def agent(tmp_path_factory):
    """One home for every file (each is refused before anything is kept)."""
    agent = Agent(tmp_path_factory.mktemp("wrong-files") / "home")
    yield agent
    agent.close()


@pytest.mark.parametrize("what", sorted(FILES))
def test_the_wrong_file_opened_as_a_request_says_why_in_spanish(spanish, agent, tmp_path, what):
    path = tmp_path / "request.jws"
    path.write_bytes(FILES[what])
    with pytest.raises(Exception) as caught:
        agent.requests.import_request(path)
    said = in_owner_language(str(caught.value))
    assert said.startswith("solicitud rechazada: este archivo no es una solicitud"), said
    assert not ENGLISH.search(said), said
