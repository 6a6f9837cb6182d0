"""Holds hunt: a version before 3cfc153 logged a package cut from the safe copy without
`safe_copy` (the same `export` record, that field left out), so deleting that copy, the only
unredacted footage of a masked package cut from it, was not warned of: the warning reads only
the log's field. The package's own provenance.json says it (hold_losses.py, package_hold.py)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from agent.audit.log import AuditLog
from agent.requests.approval_step import Step
from tests.test_held_footage import approved, flow, held  # noqa: F401 (a fixture)


@pytest.fixture
def older_log(monkeypatch):
    """approve logs its `export` record as versions before 3cfc153 did: without safe_copy."""
    log = Step.log

    def as_before(self, event, **data):
        if event == "export":
            data.pop("safe_copy", None)
        log(self, event, **data)
    monkeypatch.setattr(Step, "log", as_before)


def masked(run, tmp_path) -> None:
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0.1, 0.1], [0.4, 0.1], [0.4, 0.4]]]}))
    assert run("masks", "set", "porch", str(mask))[0] == 0


def exported(run) -> dict:
    (export,) = [r["data"] for r in AuditLog(run.home).entries()
                 if r["event"] == "export" and "clip_sha256" in r["data"]]
    return export


@pytest.mark.usefixtures("older_log")
def test_an_older_versions_package_cut_from_the_safe_copy_is_warned_of(flow, tmp_path):
    portal, run, reg, porch = flow
    masked(run, tmp_path)
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] in (0, 1)
    record, _ = approved(run, portal, jti)
    assert "safe copy" in record["unredacted_original"]
    assert "safe_copy" not in exported(run)   # as an older version's log
    code, _, err = run("inbox", "release", "--", jti)   # no terminal to ask on
    assert code == 2 and hold.is_dir(), err
    assert ("the only unredacted footage left of 1 package made from it with parts hidden "
            "(porch: privacy masks blacked out)") in err, err
    assert "not certain" not in err
    # its package gone since (a withdrawn approval's, deleted by hand): nothing says
    shutil.rmtree(Path(exported(run)["package"]))
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 2 and hold.is_dir(), err
    assert ("For 1 package of porch that is not certain: the version of footage-agent that "
            "made it did not record whether it was cut from the safe copy") in err, err


@pytest.mark.usefixtures("older_log")
def test_an_older_versions_package_cut_from_the_recordings_is_not(flow, tmp_path):
    portal, run, reg, porch = flow
    masked(run, tmp_path)
    jti, hold = held(run, portal, reg)
    record, _ = approved(run, portal, jti)   # its recordings still as they were held
    assert "hold" not in record
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 0 and not hold.exists(), err


def test_a_package_cut_from_the_recordings_says_so_in_the_log(flow, tmp_path):
    """safe_copy is logged null for a package cut from the recordings, so a package gone
    since is known not to have been cut from the safe copy."""
    portal, run, reg, porch = flow
    masked(run, tmp_path)
    jti, hold = held(run, portal, reg)
    approved(run, portal, jti)
    assert exported(run)["safe_copy"] is None
    shutil.rmtree(Path(exported(run)["package"]))
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 0 and not hold.exists(), err


def test_a_safe_copy_whose_made_was_edited_by_hand_is_still_warned_of(flow, tmp_path):
    """hold.json's `made` edited to something that is no time (a number): it matched no
    package's `safe_copy`, so the only unredacted footage of a masked package cut from the
    copy was deleted without a word. Such a record's placement is damaged, and a copy whose
    record does not say when it was made may be any of the request's."""
    portal, run, reg, porch = flow
    masked(run, tmp_path)
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] in (0, 1)
    approved(run, portal, jti)
    doc = json.loads((hold / "hold.json").read_text())
    doc["made"] = 20261207
    (hold / "hold.json").write_text(json.dumps(doc))
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 2 and hold.is_dir(), err
    assert "the only unredacted footage left of 1 package" in err, err
