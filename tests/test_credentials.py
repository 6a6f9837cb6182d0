"""Every exported clip carries Content Credentials (issue 19), checked with the C2PA library's
own Reader: valid in copy and exact mode and when redacted, saying what provenance.json says,
untrusted when self-issued, invalid once a byte changes; the gate still refuses boxes and
samples it does not expect; nothing is fetched while reading."""
from __future__ import annotations

import datetime
import json
import os
import socket
import struct
import threading
from pathlib import Path

from frp.c2pa_library import c2pa
import pytest

from agent.cli import main
from agent.export.cut import SourceSpan, cut
from agent.export.gate import gate
from agent.export.masks import CameraMasks, Polygon, save_masks
from agent.identity.certificates import AGENCY, SELF_ISSUED
from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore
from agent.requests.clip_signing import signing_chain
from agent.timebase import US, format_utc
from demo.samples import make_recordings
from frp.credentials import check_clip
from portal.ca import issue_owner_certificate
from portal.state import Portal
from tests.conftest import require_tool, t
from tests.credentials_support import actions, assertion, boxes, read, without_credentials
from tests.registering import keep, register_key

T0 = t("2026-11-20T22:00:00Z")
AGENCY_ID = "https://police.example.gov"
SQUARE = Polygon(((0.75, 0.70), (0.95, 0.70), (0.95, 0.95), (0.75, 0.95)), "shed window")


@pytest.fixture(scope="module")
def footage(tmp_path_factory) -> Path:
    """Porch: two 6 s files from a camera-like encoder, 2 s GOP, with sound."""
    root = tmp_path_factory.mktemp("rec") / "porch"
    make_recordings(root, "blue-iris", "porch", T0, 2, 6.0, fps=10, gop_s=2.0, audio=True,
                    encoder="libx264-baseline")
    for p in root.iterdir():
        os.utime(p, (1_700_000_000, 1_700_000_000))
    return root


@pytest.fixture
def scanned(agent, footage):
    agent.scan([str(footage)], tz="UTC")
    return agent


def provenance(done) -> dict:
    return json.loads((done.package.path / "data" / "provenance.json").read_text())


@pytest.mark.parametrize("mode", ["copy", "exact"])
def test_clips_carry_valid_credentials_saying_what_provenance_says(scanned, tmp_path, mode):
    done = scanned.export("porch", T0 + 1_500_000, T0 + 9 * US, tmp_path / "out", mode=mode)
    state, codes, manifest = read(done.clip)
    assert state == "Valid" and codes == ["signingCredential.untrusted"], codes
    record = provenance(done)
    assert manifest["claim_generator_info"][0]["name"] == "footage-agent"
    assert manifest["claim_generator_info"][0]["version"] == record["software"]["footage-agent"]
    # Each source recording: an ingredient known by its path, SHA-256 and size.
    assert [(i["title"], i["metadata"]["org.footage-agent.sha256"],
             i["metadata"]["org.footage-agent.size"], i["relationship"])
            for i in manifest["ingredients"]] == [
        (s["path"], s["sha256"], s["size"], "parentOf" if n == 0 else "componentOf")
        for n, s in enumerate(record["sources"])]
    names = [a["action"] for a in actions(manifest)]
    assert names[:3] == ["c2pa.opened", "c2pa.placed", "c2pa.edited"]
    assert names[3] == ("c2pa.repackaged" if mode == "copy" else "c2pa.transcoded")
    cut_to = actions(manifest)[2]["parameters"]
    assert cut_to["org.footage-agent.window"] == {k: record["approved"][k] for k in ("start", "end")}
    assert cut_to["org.footage-agent.delivered"] == {k: record["delivered"][k]
                                                     for k in ("start", "end")}
    assert {"action": "c2pa.edited", "description": "sound removed",
            "parameters": {"org.footage-agent.audio": "removed"}} in actions(manifest)
    capture = assertion(manifest, "org.footage-agent.capture")
    assert capture["camera"] == "porch" and capture["request"] is None
    assert capture["package"] == done.package.path.name
    assert capture["capture"] == cut_to["org.footage-agent.delivered"]
    assert manifest["signature_info"]["common_name"] == scanned.owner_key().public.owner_id()
    assert record["content_credentials"]["signed_by"] == SELF_ISSUED
    assert record["content_credentials"]["clip"] == f"data/{done.clip.name}"
    # The credentials are the clip's last box; nothing the cut wrote moved, and the package
    # hashes the clip with them.
    kinds = [k for k, _s, _n in boxes(done.clip.read_bytes())]
    assert kinds[-1] == "uuid" and kinds.count("uuid") == 1 and "mdat" in kinds
    assert {o["path"]: o["sha256"] for o in record["outputs"]}[f"data/{done.clip.name}"] \
        == done.clip_sha256


def test_an_exact_cut_that_reencoded_nothing_does_not_claim_transcoding(scanned, tmp_path):
    done = scanned.export("porch", T0, T0 + 4 * US, tmp_path / "out", mode="exact",
                          masks=False)   # from a keyframe: every frame copied
    assert provenance(done)["cut"]["reencoded_frames"] == 0
    state, codes, manifest = read(done.clip)
    assert state == "Valid" and codes == ["signingCredential.untrusted"]
    (how,) = [a for a in actions(manifest) if a["action"] in ("c2pa.repackaged",
                                                             "c2pa.transcoded")]
    assert how["action"] == "c2pa.repackaged"
    assert how["parameters"] == {"org.footage-agent.mode": "exact",
                                 "org.footage-agent.reencoded_frames": 0}


def test_redacted_clips_are_valid_and_say_each_redaction(scanned, tmp_path):
    require_tool("cv2")
    save_masks(scanned.home, CameraMasks("porch", (SQUARE,)))
    done = scanned.export("porch", T0, T0 + 4 * US, tmp_path / "a", blur_faces=True)
    state, codes, manifest = read(done.clip)
    assert state == "Valid" and codes == ["signingCredential.untrusted"]
    edits = {a["parameters"].get("org.footage-agent.redaction"): a for a in actions(manifest)
             if a["action"] == "c2pa.edited"}
    assert [r["kind"] for r in provenance(done)["redactions"]] == ["privacy-mask", "face-blur"]
    (change,) = edits["privacy-mask"]["changes"]
    (region,) = change["region"]
    assert change["description"] == "shed window" and region["type"] == "spatial"
    assert [(v["x"], v["y"]) for v in region["shape"]["vertices"]] == [
        (75.0, 70.0), (95.0, 70.0), (95.0, 95.0), (75.0, 95.0)]
    assert "face-blur" in edits and "org.footage-agent.mode" in \
        next(a for a in actions(manifest) if a["action"] == "c2pa.transcoded")["parameters"]
    assert any(a.get("description") == "sound removed" for a in actions(manifest))
    # Sound kept and partly muted: said as a redaction, and no "sound removed".
    muted = scanned.export("porch", T0, T0 + 4 * US, tmp_path / "b", keep_audio=True,
                           masks=False, mute=((T0 + US, T0 + 2 * US),))
    state, codes, manifest = read(muted.clip)
    assert state == "Valid" and codes == ["signingCredential.untrusted"]
    (mute,) = [a for a in actions(manifest)
               if a["parameters"].get("org.footage-agent.redaction") == "audio-mute"]
    assert mute["parameters"]["org.footage-agent.ranges"] == [
        {"start": format_utc(T0 + US), "end": format_utc(T0 + 2 * US)}]
    assert not any(a.get("description") == "sound removed" for a in actions(manifest))


def test_one_byte_changed_anywhere_makes_the_clip_invalid(scanned, tmp_path):
    done = scanned.export("porch", T0, T0 + 5 * US, tmp_path / "out")
    data = done.clip.read_bytes()
    layout = {k: (s, n) for k, s, n in boxes(data)}
    for kind, at in (("mdat", 4000), ("moov", 300), ("uuid", layout["uuid"][1] - 40)):
        changed = bytearray(data)
        changed[layout[kind][0] + at] ^= 0x01
        clip = tmp_path / f"changed-{kind}.mp4"
        clip.write_bytes(bytes(changed))
        try:
            state, codes, _m = read(clip)
        except c2pa.C2paError:
            state, codes = "unreadable", []
        assert state in ("Invalid", "unreadable"), (kind, state, codes)
        with open(clip, "rb") as fh:
            found = check_clip(fh)
        assert found.problems and not found.trusted, kind
    bare = tmp_path / "bare.mp4"
    bare.write_bytes(without_credentials(done.clip))
    with pytest.raises(c2pa.C2paError.ManifestNotFound):
        read(bare)


def test_a_manual_export_says_its_credentials_are_self_issued_and_untrusted(scanned, capsys,
                                                                            tmp_path):
    home = str(scanned.home)
    args = ["--home", home, "export", "--camera", "porch", "--from", format_utc(T0),
            "--to", format_utc(T0 + 3 * US), "--out", str(tmp_path / "out")]
    assert main([*args, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["credentials"]["signed_by"] == SELF_ISSUED and out["credentials"]["agency"] is None
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "Content Credentials: self-issued" in err
    assert "validators will show this as untrusted: it is signed by your own key, not by an " \
           "agency" in err
    with open(Path(out["clip"]), "rb") as fh:
        found = check_clip(fh)
    assert found.self_issued and not found.trusted and "self-issued" in found.trust
    assert found.key == scanned.owner_key().public.raw


def test_the_chain_is_the_agencys_only_while_its_certificate_holds(tmp_path):
    """A valid registration certificate signs with the agency's chain; an expired, missing or
    foreign one falls back to a self-issued chain that says why."""
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    home = tmp_path / "home"
    key = OwnerKey.load_or_create(home)
    trust = TrustStore(home)
    manual = signing_chain(trust, key, None)
    assert manual.kind == SELF_ISSUED and manual.note == ""
    unknown = signing_chain(trust, key, AGENCY_ID)
    assert unknown.kind == SELF_ISSUED and "no registration CA" in unknown.note
    trust.add(portal.write_trust_document("http://127.0.0.1:9"))
    assert "no certificate" in signing_chain(trust, key, AGENCY_ID).note
    done = register_key(portal, key)
    keep(home, AGENCY_ID, done, key)
    chain = signing_chain(trust, key, AGENCY_ID, done.registration)
    assert chain.kind == AGENCY and chain.agency == AGENCY_ID and chain.note == ""
    assert chain.pem.count("BEGIN CERTIFICATE") == 2 and portal.ca().pem.strip() in chain.pem
    expired = signing_chain(trust, key, AGENCY_ID, now=(datetime.datetime.now().timestamp()
                                                        + 3 * 365 * 86400))
    assert expired.kind == SELF_ISSUED and "cannot be used" in expired.note
    assert "not valid now" in expired.note
    old = issue_owner_certificate(portal.ca(), key.public.raw, datetime.datetime(
        2020, 1, 1, tzinfo=datetime.timezone.utc))
    keep(home, AGENCY_ID, type(done)(done.registration, done.token, old), key)
    assert signing_chain(trust, key, AGENCY_ID).kind == SELF_ISSUED


def test_the_gate_refuses_boxes_it_does_not_expect_and_samples_outside_the_media_data(
        footage, tmp_path):
    clip = cut([SourceSpan(p, T0 + n * 6 * US) for n, p in enumerate(sorted(footage.iterdir()))],
               T0, T0 + 4 * US, tmp_path / "clip.mp4").path
    data = clip.read_bytes()
    assert gate(clip, T0, T0, T0 + 4 * US).ok
    # A C2PA box (or any uuid box) in a clip the gate checks is not something a cut writes.
    box = struct.pack(">I4s", 40, b"uuid") + bytes.fromhex(
        "d8fec3d61b0e483c92975828877ec481") + bytes(16)
    boxed = tmp_path / "boxed.mp4"
    boxed.write_bytes(data + box)
    report = gate(boxed, T0, T0, T0 + 4 * US)
    assert not report.ok and any("uuid" in p for p in report.problems)
    # The first chunk's offset moved into the file's header: that sample is outside mdat.
    stco = data.find(b"stco")
    moved = bytearray(data)
    moved[stco + 12:stco + 16] = struct.pack(">I", 8)
    outside = tmp_path / "outside.mp4"
    outside.write_bytes(bytes(moved))
    report = gate(outside, T0, T0, T0 + 4 * US)
    assert not report.ok and any("outside the clip's media data" in p for p in report.problems)


def test_reading_fetches_nothing_even_for_a_remote_manifest(tmp_path, scanned):
    """A clip pointing at a remote manifest on a local listener: the reader never connects."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    accepted = []

    def watch():
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    stop = threading.Event()
    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        done = scanned.export("porch", T0, T0 + 3 * US, tmp_path / "out")
        key = scanned.owner_key()
        signer = c2pa.Signer.from_callback(key.sign, c2pa.C2paSigningAlg.ED25519,
                                           done.credentials.pem, None)
        remote = tmp_path / "remote.mp4"
        definition = {"claim_generator_info": [{"name": "test"}], "assertions": [
            {"label": "c2pa.actions", "data": {"actions": [{
                "action": "c2pa.created", "digitalSourceType":
                    "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}]}
        with c2pa.Builder(json.dumps(definition)) as builder, \
                open(tmp_path / "bare.mp4", "w+b") as bare, open(remote, "w+b") as dest:
            bare.write(without_credentials(done.clip))
            bare.seek(0)
            builder.set_no_embed()
            builder.set_remote_url(f"http://127.0.0.1:{port}/manifest.c2pa")
            builder.sign(signer, "video/mp4", bare, dest)
        with open(remote, "rb") as fh:
            pointed = check_clip(fh, "")
        assert not pointed.trusted and pointed.claims is None  # nothing was fetched to read
        with open(done.clip, "rb") as fh:
            assert check_clip(fh, "").present
        assert main(["--home", str(scanned.home), "verify", str(done.package.path)]) == 0
    finally:
        stop.set()
        watcher.join()
        listener.close()
        for conn in accepted:
            conn.close()
    # (With remote_manifest_fetch on, the same Reader connects here at once: checked.)
    assert accepted == [], "the C2PA Reader tried to fetch a remote manifest"


def test_trust_anchors_stay_with_the_reader_they_were_given_to(scanned, tmp_path):
    """Checks with different anchors, one after another and at once, never borrow each
    other's: a clip is trusted only by the anchor it chains to."""
    done = scanned.export("porch", T0, T0 + 3 * US, tmp_path / "out")
    own_ca = done.credentials.pem.split("-----END CERTIFICATE-----\n", 1)[1]
    other = OwnerKey.load_or_create(tmp_path / "other")
    from agent.identity.certificates import self_issued_chain
    other_ca = self_issued_chain(other).pem.split("-----END CERTIFICATE-----\n", 1)[1]
    results: dict[str, list[bool]] = {"own": [], "other": [], "none": []}

    def check(name: str, anchors: str | None) -> None:
        for _ in range(3):
            with open(done.clip, "rb") as fh:
                results[name].append(check_clip(fh, anchors).trusted)

    threads = [threading.Thread(target=check, args=a)
               for a in (("own", own_ca), ("other", other_ca), ("none", None))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert results == {"own": [True] * 3, "other": [False] * 3, "none": [False] * 3}
    assert read(done.clip)[0] == "Valid" and read(done.clip, own_ca)[0] == "Trusted"
