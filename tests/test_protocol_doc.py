"""docs/protocol.md read against what the agent and the reference portal enforce: the rules
an agency implementer builds an agency file or a submission to are the ones in the code."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frp.agency import MAX_FILE_BYTES
from portal.api import _submission_body
from portal.errors import ApiError

DOC = (Path(__file__).resolve().parent.parent / "docs" / "protocol.md").read_text("utf-8")
TRUST_STORE = DOC.split("## Trust store", 1)[1].split("\n## ", 1)[0]
SUBMISSIONS = DOC.split("/submissions`", 1)[1].split("\n- ", 1)[0]


def test_the_trust_store_section_says_what_an_agency_file_must_be():
    """The docs hunt: protocol.md gave the agency file's keys, window and CA limits but not
    its size, its version, or what its id, portal, origins, name and phone must be, each of
    which the agent refuses a file for (test_agencies.REFUSALS)."""
    assert f"at most {MAX_FILE_BYTES // 1024} KiB" in TRUST_STORE
    for said in ("`frp` is the number 1", "`id` and `portal` are https URLs", "without a path",
                 "1 to 400\ncharacters", "`phone` holds a digit"):
        assert said in TRUST_STORE, said


def submission(**changes) -> bytes:
    doc = {"upload_url": "https://upload.example/files/1", "sha256": "ab" * 32, "size": 10,
           "package": "2026-77_porch_20261120T220500Z-20261120T221000Z_copy"}
    doc.update(changes)
    return json.dumps({k: v for k, v in doc.items() if v is not ...}).encode()


def test_a_submission_is_read_as_the_doc_says_its_fields_are():
    """protocol.md named the submission's fields but not what they hold; the portal refuses a
    `package` that is not text of at most 1024 characters, and takes one left out."""
    assert "at most 1024 characters" in SUBMISSIONS and "optional" in SUBMISSIONS
    assert _submission_body(submission(package="p" * 1024))["package"] == "p" * 1024
    assert _submission_body(submission(package=...))["package"] is None
    for wrong in ({"package": "p" * 1025}, {"package": 7}, {"size": -1}, {"sha256": "ab"}):
        with pytest.raises(ApiError) as refused:
            _submission_body(submission(**wrong))
        assert (refused.value.status, refused.value.code) == (400, "malformed")


def test_every_refusal_of_a_decision_the_reference_portal_makes_is_in_the_doc():
    """The docs hunt: protocol.md named only `403 wrong_key` and the 409s for a decision;
    the portal's 400s for one that does not hold to the format (and the reason's 2000
    characters) were nowhere, though another agent meets them."""
    source = (Path(__file__).resolve().parent.parent / "portal" / "decision.py").read_text()
    codes = set(re.findall(r'_refuse\("([a-z_]+)"', source))
    decisions = DOC.split("/decision`", 1)[1].split("\n- ", 1)[0]
    assert codes and {c for c in codes if f"`{c}`" not in decisions} == set()
    assert "at most 2000 characters" in decisions


def test_every_refusal_of_an_upload_or_submission_the_reference_portal_makes_is_in_the_doc():
    """The docs hunt: the 16 uploads a request's cap and the hourly cap were given without the
    codes they are answered with, and the tus server's and a submission's other refusals
    (no checksum, an upload not finished or made for another request), like the codes of a
    missing bearer token and of too many calls, were nowhere."""
    root = Path(__file__).resolve().parent.parent / "portal"
    source = "".join((root / name).read_text()
                     for name in ("tus.py", "submissions.py", "auth.py", "limits.py"))
    codes = set(re.findall(r'(?:hook_error|ApiError)\((\d{3}), "([a-z_]+)"', source))
    api = DOC.split("## Portal HTTP API", 1)[1]
    unsaid = {f"{status} {code}" for status, code in codes
              if f"`{status} {code}" not in api and f"`{code}`" not in api}
    assert codes and unsaid == set()
