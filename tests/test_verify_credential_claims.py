"""`footage-agent verify` holds everything a clip's Content Credentials claim to provenance.json,
not only the actions' window: a manifest whose org.footage-agent.capture assertion (what a
C2PA validator shows of the clip alone) names another approved window, other capture times,
another case or other zones, or whose actions name other silenced ranges or another count of
re-encoded frames, signed with the owner key, verified as OK (exit 0)."""
from __future__ import annotations

import json

import pytest

from agent.export.credentials import make_credentials
from agent.identity.certificates import self_issued_chain
from frp.clip_claims import CAPTURE, manifest_definition
from tests.credentials_support import reseal, without_credentials
from tests.test_verify_credentials import clip_of, key_of, made, package, verify  # noqa: F401


def _resign(package, made, change) -> None:
    """The clip's credentials signed again with the owner key from a definition `change`d."""
    key = key_of(made[0])
    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    record = json.loads((package / "data/provenance.json").read_text())
    # a copy: the definition shares its window between the action and the capture assertion
    definition = json.loads(json.dumps(manifest_definition(record, clip.name, "0.1.0",
                                                           package.name)))
    change(definition)
    with open(clip, "ab") as fh:
        fh.write(make_credentials(clip, definition, key, self_issued_chain(key)))
    reseal(package, key)


def _capture(definition) -> dict:
    return next(a["data"] for a in definition["assertions"] if a["label"] == CAPTURE)


def _edited(definition) -> dict:
    actions = definition["assertions"][0]["data"]["actions"]
    return next(a for a in actions if "org.footage-agent.window" in a.get("parameters", {}))


@pytest.mark.parametrize("change, said", [
    (lambda d: _capture(d)["approved"].update(start="2026-11-20T21:00:01Z"),
     "its capture assertion's approved window is 2026-11-20T21:00:01Z to "
     "2026-11-20T22:00:06Z, but provenance.json says 2026-11-20T22:00:01Z to "
     "2026-11-20T22:00:06Z"),
    (lambda d: _capture(d)["capture"].update(end="2026-11-20T22:00:09Z"),
     "its capture assertion's first and last frames' times are 2026-11-20T22:00:01Z to "
     "2026-11-20T22:00:09Z, but provenance.json says 2026-11-20T22:00:01Z to "
     "2026-11-20T22:00:05.900000Z"),
    (lambda d: _capture(d).update(time_zones=["Europe/Madrid"]),
     "its recorders' time zones are Europe/Madrid, but provenance.json says UTC"),
], ids=["capture-approved", "capture-times", "time-zones"])
def test_a_capture_assertion_saying_other_times_fails(capsys, made, package, change, said):
    _resign(package, made, change)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [f"data/{made[2]}: its Content Credentials disagree with "
                               f"provenance.json: {said}."]


def test_a_capture_assertion_writing_the_same_times_otherwise_verifies(capsys, made, package):
    def same(definition):
        _capture(definition)["approved"]["start"] = "2026-11-20T23:00:01+01:00"
        _edited(definition)["parameters"]["org.footage-agent.delivered"]["end"] = \
            "2026-11-20T22:00:05.9+00:00"
    _resign(package, made, same)
    code, out = verify(capsys, made[0], package)
    assert code == 0, out["problems"]


def test_a_capture_assertion_naming_another_case_disagrees(made):
    # The definition reads back as the Reader's manifest does (same assertion shapes).
    from frp.clip_claims import claims_from_manifest, claims_from_provenance, disagreements
    record = json.loads((made[1] / "data/provenance.json").read_text())
    record["request"] = {"id": "req-7", "agency": "demo-pd", "case": "2026-0042",
                         "window": record["approved"], "verified": True}
    definition = manifest_definition(record, "clip.mp4", "0.1.0")
    assert disagreements(claims_from_provenance(record), claims_from_manifest(definition)) == []
    _capture(definition)["request"]["case"] = "2026-0043"
    assert disagreements(claims_from_provenance(record), claims_from_manifest(definition)) == [
        "its case is 2026-0043, but provenance.json says 2026-0042"]


def _ring_record(made) -> dict:
    """The package's record as if its first recording were a stretch of a Hikvision ring file."""
    record = json.loads((made[1] / "data/provenance.json").read_text())
    record["sources"][0]["bytes"] = {"start": 4096, "end": 8192}
    return record


def test_a_source_written_in_capitals_agrees(made):
    from frp.clip_claims import claims_from_manifest, claims_from_provenance, disagreements
    record = _ring_record(made)
    definition = manifest_definition(record, "clip.mp4", "0.1.0")
    meta = definition["ingredients"][0]["metadata"]
    meta["org.footage-agent.sha256"] = meta["org.footage-agent.sha256"].upper()
    assert disagreements(claims_from_provenance(record), claims_from_manifest(definition)) == []


def test_a_source_naming_other_bytes_of_a_ring_file_disagrees(made):
    # Which stretch of the ring file the clip was cut from was never compared.
    from frp.clip_claims import claims_from_manifest, claims_from_provenance, disagreements
    record = _ring_record(made)
    definition = manifest_definition(record, "clip.mp4", "0.1.0")
    definition["ingredients"][0]["metadata"]["org.footage-agent.bytes"] = {"start": 0,
                                                                          "end": 8192}
    wrong = disagreements(claims_from_provenance(record), claims_from_manifest(definition))
    assert len(wrong) == 1 and wrong[0].startswith("its source recordings (")
    assert "bytes 0 to 8192" in wrong[0] and "bytes 4096 to 8192" in wrong[0]
