"""A request's footage put on hold (`inbox hold`) is what approve sends once the recordings it
copied are gone from their folder (a recorder's ring wrote over them), driven through the
`footage-agent` command against the real reference portal on loopback."""
from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from agent.audit.log import AuditLog
from agent.export.evidence import export_evidence
from agent.export.masks import parse_masks
from agent.export.redact import Redaction
from agent.requests import holds
from agent.service import Agent
from agent.requests.agencies import TrustStore
from agent.requests.held_window import cut_window, usable_hold
from agent.timebase import US, format_utc
from demo.hikvision_card import Recording, write_card
from demo.samples import make_recordings
from nvrsim.server import Simulator
from portal.server import PortalServer
from portal.state import Portal
from tests.registering import invite
from tests.recorder_sources_support import PASSPHRASE, PASSWORD, recent_footage
from tests.recorder_sources_support import T0 as RT0
from tests.recorder_support import stamps
from gui.views.core_words import in_owner_language
from gui.views.coverage import note
from tests.conftest import t
from tests.gui_support import spanish  # noqa: F401 (a fixture)
from tests.test_ring_recorded_over import first_stamp
from tests.test_requests_e2e import AGENCY_ID, T0, Run, only_request

DOC = (Path(__file__).resolve().parent.parent / "docs" / "package-format.md").read_text("utf-8")


__all__ = ["recent_footage"]  # the session fixture, imported for pytest

RING_T = t("2026-11-20T22:00:00Z")
RING = [Recording(RING_T, 6, 0), Recording(RING_T + 10 * US, 6, 1)]   # in hiv00000, hiv00001


@pytest.fixture
def flow(tmp_path, capsys):
    """porch: three 4 s recordings from T0, in a folder of this test's own (it deletes some);
    a served portal, a home that indexed porch and registered it with the agency."""
    porch = tmp_path / "rec" / "porch"
    make_recordings(porch, "blue-iris", "porch", T0, 3, 4.0, fps=10, gop_s=1.0)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    with PortalServer(portal.state_dir):
        run = Run(tmp_path / "home", capsys)
        assert run("scan", str(porch), "--tz", "UTC")[0] == 0
        assert run("agencies", "add", str(portal.state_dir / "agency.json"))[0] == 0
        code, _, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal),
                           "--name", "Ann Owner", "--camera", "porch",
                           "--address", "1200 Elm Street")
        assert code == 0, err
        (reg,) = TrustStore(tmp_path / "home").registrations()[AGENCY_ID]
        yield portal, run, reg, porch


def held(run: Run, portal, reg: str) -> tuple[str, Path]:
    """A request for porch's 8 s, synced and put on hold: its id and its hold folder."""
    portal.create_request(reg, T0, T0 + 8 * US, "2026-77", "Det. Jane Roe", cameras=("porch",))
    assert run("inbox", "sync")[0] == 0
    jti = only_request(run)["id"]
    code, _, err = run("inbox", "hold", "--", jti)
    assert code == 0, err
    return jti, Path(run.json("inbox", "show", "--", jti)["hold"])


def approved(run: Run, portal, jti: str) -> dict:
    """approve --yes: the package's provenance.json, once the portal took it and it verifies."""
    code, out, err = run("approve", "--yes", "--json", "--", jti)
    assert code == 0, err
    (delivery,) = json.loads(out)["deliveries"]
    (sub,) = portal.submissions()
    assert sub["ok"], sub["checks"]
    package = Path(delivery["package"])
    code, out, err = run("verify", str(package))
    assert code == 0, err
    return json.loads((package / "data" / "provenance.json").read_text()), out + err


def held_coverage(run: Run, jti: str, camera: str, window: tuple[int, int]):
    """The camera's coverage as the request's page shows it (from the safe copy or not)."""
    agent = Agent(run.home)
    try:
        return agent.coverage(camera, *window, hold=agent.requests.held(jti))
    finally:
        agent.close()


def manifest(hold: Path) -> dict[str, str]:
    lines = (hold / "manifest-sha256.txt").read_text().splitlines()
    return {name: sha for sha, _, name in (ln.partition("  ") for ln in lines)}


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_footage_gone_or_changed_in_its_folder_is_sent_from_its_hold(flow, how):
    """Seen: porch's recordings deleted after `inbox hold` (a recorder's ring), approve exited
    3 saying to connect the drive, the footage sitting in the safe copy. A recording written
    over with other footage under its name is no longer what was held either."""
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    window = sorted(porch.iterdir())[:2]   # the third starts as the window ends
    originals = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in window}
    if how == "deleted":   # the ring deleted the oldest and wrote a later one
        for p in window:
            p.unlink()
        make_recordings(porch, "blue-iris", "porch", T0 + 3600 * US, 1, 4.0, fps=10)
    else:                  # the ring wrote other footage in the oldest one's place
        later = make_recordings(porch.parent / "later", "blue-iris", "porch", T0 + 3600 * US,
                                1, 4.0, fps=10)[0]
        window[0].write_bytes(later.read_bytes())
    code, _, err = run("scan")
    assert code in (0, 1), err
    code, _, err = run("approve", "--", jti)   # asked first: no terminal here, so not sent
    assert code == 2 and "from the safe copy made when you put the request on hold: porch" in err
    record, shown = approved(run, portal, jti)
    copies = manifest(hold)
    said = record["hold"]
    assert said["made"] and said["window"]["start"] == format_utc(T0)
    assert {c["file"]: c["sha256"] for c in said["copies"]} == copies
    assert {c["original"]["path"]: c["original"]["sha256"] for c in said["copies"]} == originals
    # what the clip was cut from is the held copies, by their hashes
    assert {s["path"]: s["sha256"] for s in record["sources"]} == copies
    assert record["delivered"]["frames"] > 0
    assert "safe copy" in shown
    # every field of the section is one package-format.md's `hold` table explains
    table = DOC.split("| `hold` field | meaning |", 1)[1].split("\n\n", 1)[0]
    assert {f for f in said if f"| `{f}` |" not in table} == set(), table
    (export,) = [r["data"] for r in AuditLog(run.home).entries()
                 if r["event"] == "export" and "clip_sha256" in r["data"]]
    assert export["safe_copy"] == said["made"]


def test_recordings_still_as_they_were_held_are_cut_themselves(flow):
    portal, run, reg, porch = flow
    jti, _hold = held(run, portal, reg)
    code, _, err = run("approve", "--", jti)
    assert code == 2 and "cameras: porch" in err and "safe copy" not in err
    record, shown = approved(run, portal, jti)
    assert "hold" not in record and "safe copy" not in shown
    assert {s["path"] for s in record["sources"]} == {p.name for p in sorted(porch.iterdir())[:2]}


@pytest.mark.usefixtures("cheap_scrypt")
def test_a_recorder_cameras_footage_gone_from_the_recorder_is_sent_from_its_hold(
        recent_footage, tmp_path, capsys, monkeypatch):
    """The same for a camera of a recorder on the network (the simulator over HTTPS): its
    window was downloaded into the hold; once the recorder no longer lists those recordings,
    approve sends the download the hold kept, and the package still names the recorder."""
    monkeypatch.setenv("FOOTAGE_AGENT_PASSPHRASE", PASSPHRASE)
    portal = Portal.init(tmp_path / "portal", "Example Police Department", AGENCY_ID,
                         "+1-206-555-0100")
    run = Run(tmp_path / "home", capsys)
    with PortalServer(portal.state_dir), Simulator(recent_footage, "hikvision", "admin",
                                                   PASSWORD, tls=True) as sim:
        monkeypatch.setattr(sys, "stdin", io.StringIO(PASSWORD + "\n"))
        code, _, err = run("sources", "add-recorder", sim.url, "--vendor", "hikvision",
                           "--user", "admin", "--password-stdin", "--name", "nvr",
                           "--camera", "drive")
        assert code == 0, err
        assert run("agencies", "add", str(portal.state_dir / "agency.json"))[0] == 0
        code, _, err = run("agencies", "register", AGENCY_ID, "--invite", invite(portal),
                           "--name", "Ann Owner", "--camera", "drive",
                           "--address", "1200 Elm Street")
        assert code == 0, err
        (reg,) = TrustStore(run.home).registrations()[AGENCY_ID]
        portal.create_request(reg, RT0 + 2 * US, RT0 + 14 * US, "2026-77", "Det. Roe",
                              cameras=("drive",))
        assert run("inbox", "sync")[0] == 0
        jti = only_request(run)["id"]
        code, _, err = run("inbox", "hold", "--", jti)
        assert code == 0, err
        hold = Path(run.json("inbox", "show", "--", jti)["hold"])
        window = (RT0 + 2 * US, RT0 + 14 * US)
        assert run("scan")[0] == 0   # mirrored again: the recorder still has it all
        assert not held_coverage(run, jti, "drive", window).held
        clips = sim.device.catalogue.clips
        channel = next(n for n, c in clips.items() if len(c) == 3)   # Driveway
        clips[channel] = clips[channel][2:]   # written over: the recorder lists only the last
        assert run("scan")[0] == 0
        assert held_coverage(run, jti, "drive", window).held
        record, shown = approved(run, portal, jti)
    said = record["hold"]
    copies = manifest(hold)
    assert len(copies) == 2 and {c["file"]: c["sha256"] for c in said["copies"]} == copies
    assert {s["path"]: s["sha256"] for s in record["sources"]} == copies
    assert said["recorder"]["vendor"] == "hikvision"
    assert {f"drive/{d['file']}": d["sha256"] for d in said["recorder"]["downloads"]} == copies
    times = stamps(next((hold.parent.parent / "packages").glob("*/*/data/*.mp4")))
    assert RT0 + 2 * US <= min(times) and max(times) < RT0 + 14 * US
    assert "safe copy" in shown


def test_a_safe_copy_gone_since_it_was_made_is_not_sent(flow, spanish):
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    make_recordings(porch, "blue-iris", "porch", T0 + 3600 * US, 1, 4.0, fps=10)
    assert run("scan")[0] == 0
    copy = next((hold / "porch").iterdir())
    copy.unlink()
    code, _, err = run("approve", "--yes", "--", jti)
    assert code == 1 and f"the safe copy of porch cannot be read: {copy}" in err, err
    assert portal.submissions() == [] and portal.decisions() == []
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())   # the app's words
    assert said.startswith(f"la copia a salvo de porch no se puede leer: {copy}"), said


def test_a_safe_copy_changed_since_it_was_made_is_not_sent(flow, spanish):
    """Its recordings gone and a copy of the hold changed since (a disk's fault, a hand):
    nothing of the camera leaves, and the owner is told which copy and what to do."""
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    make_recordings(porch, "blue-iris", "porch", T0 + 3600 * US, 1, 4.0, fps=10)
    assert run("scan")[0] == 0
    copy = next((hold / "porch").iterdir())
    copy.write_bytes(copy.read_bytes()[:-1] + b"\0")
    code, _, err = run("approve", "--yes", "--", jti)
    assert code == 1 and f"the safe copy {copy} changed since it was made" in err, err
    assert "approve it again without that camera, or decline it" in err
    assert "Traceback" not in err
    assert portal.submissions() == [] and portal.decisions() == []
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())   # the app's words
    assert said.startswith(f"la copia a salvo {copy} cambió desde que se hizo"), said
    assert said.endswith("no se envió nada de porch: apruébela de nuevo sin esa cámara, o "
                         "rechácela"), said


def test_a_ring_files_recording_recorded_over_is_cut_from_the_hold_with_its_card_index(
        tmp_path, agent):
    """A Hikvision card's ring files: the hold copies them with the card's index (which says
    where each recording lies in them), so once the ring came round to a held recording its
    copy is cut, checked against the copied index; one the ring left alone is cut itself."""
    root = tmp_path / "garage"
    write_card(root, RING, width=320, height=240)
    agent.add_source(root, camera="garage", tz="UTC")
    agent.scan()
    hold = holds.make_hold(agent.home, agent.store, "r1", RING_T, RING_T + 20 * US,
                           ("garage",), "r1")
    assert "garage/datadir0/index00.bin" in {f.name for f in hold.files}
    write_card(root, [Recording(RING_T + 7 * 86400 * US, 6, 0), RING[1]], width=320,
               height=240)   # a week on, the ring came round to file 0
    agent.scan()
    for (start, end), from_hold in (((1, 4), True), ((11, 14), False)):
        window = (RING_T + start * US, RING_T + end * US)
        with cut_window(agent.home, agent.store, "garage", *window, None,
                        usable_hold(agent.home, "r1")) as (index, extra):
            done = export_evidence(index, agent.owner_key(), "garage", *window,
                                   tmp_path / f"out{start}", provenance_extra=extra)
        assert ("hold" in (extra or {})) is from_hold
        assert first_stamp(done.clip) == window[0]
        if from_hold:
            record = json.loads((done.package.path / "data/provenance.json").read_text())
            copied = {c["file"]: c["original"]["path"] for c in record["hold"]["copies"]}
            assert copied["garage/datadir0/hiv00000.mp4"] == "datadir0/hiv00000.mp4"
            assert copied["garage/datadir0/index00.bin"] == "datadir0/index00.bin"


def test_a_safe_copy_made_before_copies_were_placed_in_time_is_named_not_cut(flow, spanish):
    """A hold an earlier version made (no `placed` in hold.json) cannot be cut from: with the
    recordings gone, the refusal says where the copy is and why it is not used."""
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    record = json.loads((hold / "hold.json").read_text())
    del record["placed"], record["made"]
    (hold / "hold.json").write_text(json.dumps(record))
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] == 0
    code, _, err = run("approve", "--yes", "--", jti)
    assert code == 3 and "nothing was cut or sent" in err
    assert f"; the request's safe copy in {hold} was made by an earlier version" in err, err
    assert portal.submissions() == []
    said = in_owner_language(err.removeprefix("footage-agent: ").strip())   # the app's words
    assert (f"; la copia a salvo de la solicitud en {hold} la hizo una versión anterior de "
            "footage-agent") in said, said


def test_a_masked_cut_from_the_hold_says_the_unmasked_footage_is_in_the_safe_copy(
        tmp_path, agent):
    """A masked clip cut from the hold said its unmasked recordings 'stay on the owner's
    computer', listed under 'sources': those are the hold's copies, kept only until the owner
    deletes the safe copy, and the recordings they were copied from are gone."""
    porch = tmp_path / "rec" / "porch"
    made = make_recordings(porch, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0)
    agent.add_source(porch, camera="porch", tz="UTC")
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T0, T0 + 8 * US, ("porch",), "r1")
    for p in made:
        p.unlink()
    agent.scan()
    masks = parse_masks("porch", {"polygons": [[[0.1, 0.1], [0.4, 0.1], [0.4, 0.4]]]})
    window = (T0 + US, T0 + 3 * US)
    with cut_window(agent.home, agent.store, "porch", *window, None,
                    usable_hold(agent.home, "r1")) as (index, extra):
        done = export_evidence(index, agent.owner_key(), "porch", *window, tmp_path / "out",
                               mode="exact", redaction=Redaction(masks=masks),
                               provenance_extra=extra)
    record = json.loads((done.package.path / "data/provenance.json").read_text())
    original = record["unredacted_original"]
    assert "stay on the owner's computer" not in original, original
    assert "safe copy" in original and record["hold"]["made"] in original
    assert "deletes" in original and "gone or changed" in original


def test_a_recording_the_hold_does_not_hold_is_said_left_out_of_a_cut_from_it(flow):
    """The second recording of the window not yet indexed when the hold was made (still being
    written), the first deleted since: the cut from the hold left the second out, the owner
    and the package saying nothing of it."""
    portal, run, reg, porch = flow
    first, second, _third = sorted(porch.iterdir())
    aside = porch.parent / second.name
    second.rename(aside)
    assert run("scan")[0] == 0
    jti, _hold = held(run, portal, reg)
    aside.rename(second)
    first.unlink()
    assert run("scan")[0] == 0
    shown = held_coverage(run, jti, "porch", (T0, T0 + 8 * US))   # the request's page's
    assert shown.held and [r.start_us for r in shown.left_out] == [T0 + 4 * US]
    assert "1 recording in its folder made after the safe copy is left out" in note(shown)
    code, _, err = run("approve", "--", jti)   # asked first: no terminal here, so not sent
    assert code == 2 and "left out of porch: 1 recording in its folder" in err, err
    record, shown = approved(run, portal, jti)
    assert record["hold"]["left_out"]["recordings"] == [
        {"start": format_utc(T0 + 4 * US), "end": format_utc(T0 + 8 * US)}]
    assert "left out of the clip: 1 recording still on the owner's computer" in shown, shown


def test_deleting_the_only_unredacted_footage_of_a_masked_package_is_asked_first(flow, tmp_path):
    """Holds hunt: a masked package cut from the safe copy (its recordings gone) names that
    copy as the only unredacted footage left, yet `inbox release` deleted it without a word
    once the request was delivered. It now says what deleting it loses, and deletes it only
    when the owner says so (--yes); the desk refuses it otherwise."""
    portal, run, reg, porch = flow
    mask = tmp_path / "mask.json"
    mask.write_text(json.dumps({"polygons": [[[0.1, 0.1], [0.4, 0.1], [0.4, 0.4]]]}))
    assert run("masks", "set", "porch", str(mask))[0] == 0
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] in (0, 1)
    record, _ = approved(run, portal, jti)
    assert "safe copy" in record["unredacted_original"]
    code, _, err = run("inbox", "release", "--", jti)   # no terminal to ask on
    assert code == 2 and hold.is_dir(), err
    assert ("the only unredacted footage left of 1 package made from it with parts hidden "
            "(porch: privacy masks blacked out)") in err, err
    assert "add --yes to delete it all the same" in err
    agent = Agent(run.home)
    try:
        with pytest.raises(Exception, match="inbox release .* --yes"):
            agent.requests.release(jti)
    finally:
        agent.close()
    assert hold.is_dir()
    code, _, err = run("inbox", "release", "--yes", "--", jti)
    assert code == 0 and not hold.exists(), err


def test_a_safe_copy_no_package_hides_anything_of_is_deleted_without_asking(flow):
    portal, run, reg, porch = flow
    jti, hold = held(run, portal, reg)
    for p in sorted(porch.iterdir())[:2]:
        p.unlink()
    assert run("scan")[0] in (0, 1)
    record, _ = approved(run, portal, jti)   # no masks: the package hides nothing
    assert record["unredacted_original"] is None
    code, _, err = run("inbox", "release", "--", jti)
    assert code == 0 and not hold.exists(), err


@pytest.mark.parametrize("part, field, value", [
    ("placed", "start_us", "06:00"), ("placed", "path", 5), ("placed", "size", [1]),
    ("placed", "end_us", 10 ** 30), ("placed", "path", "../../rec/porch/elsewhere.mp4"),
    ("placed", "path", "/etc/hosts"), ("files", "name", "../../outside.mp4"),
    ("files", "name", 7), ("files", "size", "12"),
])
def test_a_hold_record_edited_by_hand_is_never_read_outside_its_folder(tmp_path, agent, part,
                                                                        field, value):
    """Holds hunt: hold.json edited by hand (a value of another type, a copy's name leading
    out of the safe copy) made the request's page and approval fail with Python's words
    ("'<' not supported between instances of 'str' and 'int'"), or read a file outside the safe
    copy as its copy. A record so edited is damaged: its copies are never cut from, and the
    page says what to do."""
    porch = tmp_path / "rec" / "porch"
    made = make_recordings(porch, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0)
    agent.add_source(porch, camera="porch", tz="UTC")
    agent.scan()
    hold = holds.make_hold(agent.home, agent.store, "r1", T0, T0 + 8 * US, ("porch",), "r1")
    for p in made:
        p.unlink()
    agent.scan()
    record = json.loads((hold.path / holds.RECORD).read_text())
    rows = record["files"] if part == "files" else record["placed"]["porch"]["recordings"]
    rows[0][field] = value
    (hold.path / holds.RECORD).write_text(json.dumps(record))
    window = (T0, T0 + 8 * US)
    try:
        shown = holds.read_hold(agent.home, "r1")
    except holds.HoldError as exc:   # its list of copies: the record is damaged
        assert "is damaged (it does not list the copies)" in str(exc)
        return
    assert shown.placement is None   # where its copies lie: never cut from
    assert not agent.coverage("porch", *window, hold=shown).held


def test_masks_that_cannot_be_placed_on_the_safe_copy_refuse_the_approval_before_any_cut(
        tmp_path, agent):
    """Masks hunt: an approval's check before any cut (check_footage) skipped a camera cut
    from the request's safe copy, so masks drawn on a picture of another shape than its copies
    were found only by its cut: the request recorded as approved and left `failed`, other
    cameras cut for nothing. The copies are checked as recordings are."""
    from agent.export.masks import CameraMasks, Polygon
    from agent.requests.approval_choices import redactions
    from agent.requests.approval_footage import check_footage
    from agent.requests.approval_step import ApprovalRefused
    from agent.requests.records import Approval

    porch = tmp_path / "rec" / "porch"
    made = make_recordings(porch, "blue-iris", "porch", T0, 2, 4.0, fps=10, gop_s=1.0)
    agent.add_source(porch, camera="porch", tz="UTC")
    agent.scan()
    holds.make_hold(agent.home, agent.store, "r1", T0, T0 + 8 * US, ("porch",), "r1")
    for p in made:
        p.unlink()
    agent.scan()
    area = (Polygon(((0.1, 0.1), (0.4, 0.1), (0.4, 0.4))),)
    approval = Approval(T0 + US, T0 + 3 * US, ("porch",), "copy", False)

    def check() -> None:
        check_footage(agent.store, approval, redactions(agent.home, approval),
                      usable_hold(agent.home, "r1"))
    agent.set_masks(CameraMasks("porch", area, (320, 180)))
    with pytest.raises(ApprovalRefused, match="another shape than the 320 x 180 picture"):
        check()
    agent.set_masks(CameraMasks("porch", area, (640, 480)))   # the copies' shape: cut
    check()
