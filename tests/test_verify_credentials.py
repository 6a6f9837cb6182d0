"""`footage-agent verify` and a clip's Content Credentials: each way a forger holding the owner
key could reseal a package around a changed clip fails with exit 3, named; a genuine package
verifies as a folder and as a tar and says who signed each clip and whether it is trusted."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from agent.cli import main
from agent.export.bagtar import tar_package
from agent.export.credentials import make_credentials
from agent.identity.certificates import self_issued_chain
from agent.identity.keys import OwnerKey
from agent.timebase import US
from demo.samples import make_recordings
from frp.clip_claims import manifest_definition
from frp.verify import verify_package
from tests.conftest import t
from tests.credentials_support import boxes, reseal, without_credentials

T0 = t("2026-11-20T22:00:00Z")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One genuine manual export (home, package folder, clip), made once."""
    base = tmp_path_factory.mktemp("verify")
    root = base / "rec" / "porch"
    make_recordings(root, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0)
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    home = base / "home"
    assert main(["--home", str(home), "scan", str(root), "--tz", "UTC"]) == 0
    from agent.service import Agent
    agent = Agent(home)
    try:
        done = agent.export("porch", T0 + US, T0 + 6 * US, base / "out")
    finally:
        agent.close()
    return home, done.package.path, done.clip.name


@pytest.fixture
def package(made, tmp_path) -> Path:
    """A copy of the genuine package to tamper with."""
    copy = tmp_path / made[1].name
    shutil.copytree(made[1], copy)
    return copy


def verify(capsys, home: Path, package: Path) -> tuple[int, dict]:
    code = main(["--home", str(home), "verify", str(package), "--json"])
    return code, json.loads(capsys.readouterr().out)


def key_of(home: Path) -> OwnerKey:
    return OwnerKey.load(home)


def clip_of(package: Path, made) -> Path:
    return package / "data" / made[2]


def test_a_genuine_package_verifies_and_tells_who_signed_its_clip(capsys, made, tmp_path):
    home, package, clip = made
    code, out = verify(capsys, home, package)
    assert code == 0 and out["ok"], out
    (info,) = out["clips"]
    assert info["path"] == f"data/{clip}" and info["content_credentials"]
    assert info["state"] == "Valid" and info["problems"] == []
    assert info["signer"] == key_of(home).public.owner_id() == out["owner_id"]
    assert info["self_issued"] and not info["trusted"]
    tar = tar_package(package, tmp_path / "p.tar").path
    report = verify_package(tar)
    assert report.ok and report.clips[0].credentials.self_issued
    assert main(["--home", str(home), "verify", str(package)]) == 0
    err = capsys.readouterr().err
    assert f"data/{clip}: Content Credentials valid, signed by owner" in err
    assert "not trusted: it is self-issued" in err


def test_one_byte_of_the_clip_changed_and_resealed_exits_3(capsys, made, package):
    home = made[0]
    clip = clip_of(package, made)
    data = bytearray(clip.read_bytes())
    mdat = next(s for k, s, _n in boxes(bytes(data)) if k == "mdat")
    data[mdat + 5000] ^= 0x01
    clip.write_bytes(bytes(data))
    reseal(package, key_of(home))
    code, out = verify(capsys, home, package)
    assert code == 3 and not out["ok"]
    (problem,) = out["problems"]
    assert "Content Credentials are invalid" in problem and "bmffHash.mismatch" in problem


def test_the_credentials_removed_and_resealed_exits_3(capsys, made, package):
    home = made[0]
    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    reseal(package, key_of(home))
    code, out = verify(capsys, home, package)
    assert code == 3
    assert out["problems"] == [f"data/{made[2]} carries no Content Credentials, but "
                               "provenance.json says it was sealed with them: they were removed."]


def _resign(package: Path, made, key: OwnerKey, change) -> None:
    """Cut the clip's credentials off and sign new ones, from provenance changed by `change`,
    with `key`; then reseal the package with the owner key."""
    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    record = json.loads((package / "data" / "provenance.json").read_text())
    change(record)
    box = make_credentials(clip, manifest_definition(record, clip.name, "0.1.0"), key,
                           self_issued_chain(key))
    with open(clip, "ab") as fh:
        fh.write(box)
    reseal(package, key_of(made[0]))


def test_credentials_resigned_with_a_wrong_window_exit_3(capsys, made, package):
    home = made[0]

    def wider(record):
        record["approved"]["start"] = "2026-11-20T21:59:00Z"
    _resign(package, made, key_of(home), wider)
    code, out = verify(capsys, home, package)
    assert code == 3
    lead = f"data/{made[2]}: its Content Credentials disagree with provenance.json: its "
    said = ("approved window is 2026-11-20T21:59:00Z to 2026-11-20T22:00:06Z, but "
            "provenance.json says 2026-11-20T22:00:01Z to 2026-11-20T22:00:06Z.")
    # The cut's action and the capture assertion both say it.
    assert out["problems"] == [lead + said, lead + "capture assertion's " + said]


def test_credentials_resigned_with_other_sources_redactions_or_key_exit_3(capsys, made, package,
                                                                          tmp_path):
    home = made[0]

    def other(record):
        record["sources"][0]["sha256"] = "0" * 64
        record["redactions"] = [{"kind": "face-blur"}]
    _resign(package, made, OwnerKey.load_or_create(tmp_path / "stranger"), other)
    code, out = verify(capsys, home, package)
    assert code == 3
    problems = " | ".join(out["problems"])
    assert "signed by another key than the package's owner key" in problems
    assert "its redactions are face-blur, but provenance.json says none" in problems
    assert "its source recordings" in problems


def test_credentials_whose_certificate_lapsed_still_verify_and_say_so(capsys, made, package):
    """No time-stamp authority: once the signing certificate expires the Reader reports it,
    which is a question of trust, not of change (any changed byte is still caught)."""
    import datetime
    import time

    from agent.identity import certificates
    home = made[0]
    lapse = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=3) \
        - datetime.timedelta(days=certificates.SELF_ISSUED_DAYS)
    key = key_of(home)
    clip = clip_of(package, made)
    clip.write_bytes(without_credentials(clip))
    record = json.loads((package / "data" / "provenance.json").read_text())
    box = make_credentials(clip, manifest_definition(record, clip.name, "0.1.0"), key,
                           self_issued_chain(key, now=lapse))
    with open(clip, "ab") as fh:
        fh.write(box)
    reseal(package, key)
    time.sleep(4)
    from tests.credentials_support import read
    assert read(clip)[:2] == ("Invalid", ["signingCredential.untrusted",
                                          "signingCredential.expired"])
    code, out = verify(capsys, home, package)
    assert code == 0, out["problems"]
    assert "certificate has expired" in out["clips"][0]["trust"]


def test_credentials_writing_the_same_instants_otherwise_verify(capsys, made, package):
    """A manifest written by another tool may write an instant with +00:00, another offset or
    fractional seconds: it was compared with provenance.json as text, so the same instant
    was called a disagreement (exit 3)."""
    home = made[0]
    record = json.loads((package / "data/provenance.json").read_text())
    assert record["approved"]["start"] == "2026-11-20T22:00:01Z"

    def same(r):
        r["approved"]["start"] = "2026-11-20T23:00:01+01:00"
        r["approved"]["end"] = r["approved"]["end"].replace("Z", "+00:00")
        r["delivered"]["start"] = r["delivered"]["start"].replace("Z", ".000000Z")
    _resign(package, made, key_of(home), same)
    code, out = verify(capsys, home, package)
    assert code == 0, out["problems"]


def test_credentials_writing_another_instant_with_an_offset_exit_3(capsys, made, package):
    home = made[0]

    def later(r):
        r["approved"]["start"] = "2026-11-20T22:00:01-01:00"   # an hour later than ...01Z
    _resign(package, made, key_of(home), later)
    code, out = verify(capsys, home, package)
    assert code == 3
    assert out["problems"][0] == (
        f"data/{made[2]}: its Content Credentials disagree with provenance.json: "
        "its approved window is 2026-11-20T22:00:01-01:00 to "
        "2026-11-20T22:00:06Z, but provenance.json says 2026-11-20T22:00:01Z to "
        "2026-11-20T22:00:06Z.")
