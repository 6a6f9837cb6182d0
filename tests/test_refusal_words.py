"""What the owner reads of a refusal whose body is an error document the agent cannot read as
words: the real reference portal and its tus server behind the fault proxy
(tests/fault_proxy.py) answering a submission, or an upload's creation, with JSON whose
`error` is no text, or that is no object at all. The owner must never read the raw body
("[[[[..."); a refusal that gives no words is said as such ("no reason given")."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from tests.fault_proxy import Rule  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_delivery_faults import World, footage  # noqa: E402,F401 - the module's footage

NESTED = b"[" * 500 + b"]" * 500
BODIES = {
    "error not text": b'{"error": ' + NESTED + b'}',
    "a list": NESTED,
    "nested past reading": b"[" * 2000 + b"]" * 2000,
    "error a number, detail empty": b'{"error": 7, "detail": "  "}',
}


@pytest.fixture
def world(tmp_path, footage, capsys):  # noqa: F811
    w = World(tmp_path, footage, capsys)
    try:
        yield w
    finally:
        w.close()


@pytest.mark.parametrize("body", list(BODIES.values()), ids=list(BODIES))
def test_a_submission_refused_with_no_words_says_so(world, body):
    world.proxy.rules.append(Rule("POST", "/submissions", status=409, body=body,
                                  headers={"Content-Type": "application/json"}))
    code, _, err = world.approve()
    assert code == 1, err
    assert "[[" not in err and "{" not in err, err
    assert "portal refused (HTTP 409): no reason given." in err, err
    assert "approve it again to upload the package afresh" in err, err


@pytest.mark.parametrize("body", list(BODIES.values()), ids=list(BODIES))
def test_an_upload_refused_with_no_words_says_so(world, body):
    world.proxy.rules.append(Rule("POST", "/files", status=409, body=body,
                                  headers={"Content-Type": "application/json"}))
    code, _, err = world.approve()
    assert code == 1, err
    assert "[[" not in err and "{" not in err, err
    assert "The upload server rejected the new upload (409)." in err, err


@pytest.mark.parametrize("status", [400, 409])
def test_a_refusal_with_no_words_reads_in_spanish_in_the_app(world, spanish, status):
    """Seen in the Spanish app's view of the delivery failure: 'El portal de ... lo rechazó
    (HTTP 409): no reason given. El agente olvidó ...': the core's words for a refusal that
    gave none stayed English. Each status takes its own way (400: the package sent whole and
    not taken; 409: the upload forgotten), read from the home as the app reads it."""
    from agent.service import Agent
    from gui.views import requests as request_words

    world.proxy.rules.append(Rule("POST", "/submissions", status=status, times=None,
                                  body=b'{"error": 7}',
                                  headers={"Content-Type": "application/json"}))
    code, _, err = world.approve()
    assert "no reason given." in err and code in (1, 3), err
    agent = Agent(world.run.home)
    try:
        said = request_words.reason(agent.requests.show(world.jti))
    finally:
        agent.close()
    assert "no reason given" not in said and "sin indicar ningún motivo." in said, said
    assert "(HTTP %d): sin indicar" % status in said, said
