"""What the owner reads of a refusal whose body is an error document the agent cannot read as
words: the real reference portal and its tus server behind the fault proxy
(tests/fault_proxy.py) answering a submission, or an upload's creation, with JSON whose
`error` is no text, or that is no object at all. The owner must never read the raw body
("[[[[..."); a refusal that gives no words is said as such ("no reason given")."""
from __future__ import annotations

import pytest

from tests.fault_proxy import Rule
from tests.test_delivery_faults import World, footage  # noqa: F401 - the module's footage

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
