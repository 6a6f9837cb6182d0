"""The steps a person takes in the demo, each checked: `footage-agent demo --check` runs all of
them headless, and the interactive demo runs the first two so the app opens on a full inbox.

Each step returns one line saying what it saw, or raises StepFailed saying what went wrong.
Approving runs export, upload and receipt in one call (as it does for the owner); the steps
after it then look at what that call left behind, so a failure is reported at the stage where
it happened.
"""
from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from agent.audit.log import AuditLog
from agent.export.bagtar import tar_package
from agent.requests.desk_errors import DeskError
from agent.service import Agent, AgentError
from agent.timebase import US, format_utc, parse_rfc3339
from demo.world import CAMERAS, CASE, DemoPortal, DemoWorld
from frp.count_words import counted
from frp.decision import ReceiptError, verify_receipt
from frp.verify import verify_package

WALK = ("scan", "request", "approve", "export", "upload", "receipt", "verify", "log")


class StepFailed(Exception):
    """A step of the demo did not do what it should; the message says what was seen."""


@dataclass(frozen=True)
class StepResult:
    """One printed line: the step's name, whether it worked, and what it saw."""

    name: str
    ok: bool | None        # None: not run, because an earlier step failed
    detail: str


def clock(us: int) -> str:
    """HH:MM:SS UTC, short enough for one line."""
    return format_utc(us)[11:19] + " UTC"


def how_long(us: int) -> str:
    """A length as an owner says it: whole minutes ("10 minutes"), else seconds ("20
    seconds"), never a fraction of a minute ("0.333333 minutes")."""
    seconds = round(us / US)
    return counted(seconds // 60, "minute") if seconds % 60 == 0 else counted(seconds, "second")


class Walk:
    """The demo's flow on one agent home, against the demo portal."""

    def __init__(self, world: DemoWorld, portal: DemoPortal, agent: Agent) -> None:
        self.world, self.portal, self.agent = world, portal, agent
        self.times = world.footage.times
        self.jti: str | None = None
        self.approve_error: str | None = None
        self.nvr = None   # demo.recorder.RecorderFacts with `demo --recorder`

    # steps --------------------------------------------------------------------------------
    def scan(self) -> str:
        reports = self.agent.scan()
        written = {name: len(paths) for name, paths in self.world.footage.files.items()}
        counts = {cam: sum(1 for r in self.agent.recordings(cam) if r.status == "ok")
                  for cam in written}
        problems = [p for r in reports for p in r.problems]
        if problems or counts != written:
            raise StepFailed(f"indexed {counts}, expected {written} readable recordings"
                             + (f"; problems: {'; '.join(problems)}" if problems else ""))
        gappy = next(c.name for c in CAMERAS if c.gap)
        gaps = self.agent.coverage(gappy, self.times.start_us, self.times.end_us).gaps
        if len(gaps) != 1:
            raise StepFailed(f"the {gappy} camera should show one gap, not {len(gaps)}")
        gap = gaps[0]
        return (f"{sum(counts.values())} recordings indexed "
                f"({', '.join(f'{c} {n}' for c, n in counts.items())}), all readable; {gappy} "
                f"recorded nothing from {clock(gap.start_us)} to {clock(gap.end_us)}")

    def request(self) -> str:
        desk = self.agent.requests
        report = desk.sync()
        if report.problems or report.rejected or len(report.new) != 1:
            raise StepFailed(f"expected one new request; got {len(report.new)} new, rejected "
                             f"{list(report.rejected)}, problems {list(report.problems)}")
        entry = report.new[0]
        view = desk.show(entry.jti)
        if not view.verified or view.problem or entry.case != CASE or view.agency_name is None:
            raise StepFailed(f"the request did not verify: {view.problem or 'wrong case'}")
        self.jti = entry.jti
        return (f"case {entry.case} from {view.agency_name}, {clock(entry.window_start_us)} to "
                f"{clock(entry.window_end_us)}, cameras {', '.join(entry.cameras)}; signature "
                "checked against the trust store")

    def approve(self) -> str:
        camera, t = CAMERAS[0].name, self.times
        try:
            self.agent.requests.approve(self._jti(), cameras=[camera], start_us=t.approve_start_us,
                                        end_us=t.approve_end_us)
        except (DeskError, AgentError) as exc:
            self.approve_error = str(exc)  # the later steps say at which stage it failed
        entry = self.agent.requests.inbox.get(self._jti())
        if entry.approval is None:
            raise StepFailed(self.approve_error or "no approval was recorded")
        shared = how_long(t.approve_end_us - t.approve_start_us)
        asked = how_long(entry.window_end_us - entry.window_start_us)
        return (f"{camera} only, {clock(t.approve_start_us)} to {clock(t.approve_end_us)} "
                f"({shared} of the {asked} asked for; "
                f"{', '.join(c.name for c in CAMERAS[1:])} not shared)")

    def export(self) -> str:
        d = self._delivery()
        package = Path(d.package)
        clip = next(iter(sorted((package / "data").glob("*.mp4"))), None)
        if clip is None or not d.tar:
            raise StepFailed(self.approve_error or "no package was made")
        record = json.loads((package / "data" / "provenance.json").read_text(encoding="utf-8"))
        got = record["delivered"]
        first, last = parse_rfc3339(got["start"]), parse_rfc3339(got["end"])
        if first < self.times.approve_start_us or last >= self.times.approve_end_us:
            raise StepFailed(f"the clip runs from {got['start']} to {got['end']}, outside the "
                             "approved window")
        return (f"{package.name}: {got['frames']} frames from {got['start'][11:19]} to "
                f"{got['end'][11:19]} UTC, sound {record['audio']}, signed by the owner")

    def upload(self) -> str:
        d = self._delivery()
        if not d.upload_url:
            raise StepFailed(self.approve_error or "the package was not uploaded")
        subs = [s for s in self.portal.portal.submissions() if s["request"] == self.jti]
        if len(subs) != 1 or subs[0]["sha256"] != d.sha256 or subs[0]["size"] != d.size:
            raise StepFailed("the portal did not receive the same bytes that were sent")
        decisions = [x for x in self.portal.portal.decisions() if x["request"] == self.jti]
        if not decisions or decisions[0]["decision"] != "approve":
            raise StepFailed("the portal holds no signed approval for the request")
        return (f"{d.size:,} bytes sent over tus to {self.world.origin}; the signed approval "
                "reached the agency first")

    def receipt(self) -> str:
        d = self._delivery()
        if not d.receipt:
            raise StepFailed(self.approve_error or "no receipt came back")
        agency = self.agent.requests.trust.get(self.portal.portal.agency_id)
        try:
            claims = verify_receipt(d.receipt, agency, d.sha256, self._jti())
        except ReceiptError as exc:
            raise StepFailed(str(exc)) from None
        return (f"signed by {agency.name}; it names SHA-256 {d.sha256[:16]}... and "
                f"{claims['size']:,} bytes, the package sent")

    def verify(self) -> str:
        d = self._delivery()
        report = verify_package(Path(d.package))
        if not report.ok:
            raise StepFailed(f"{Path(d.package).name}: {' '.join(report.problems)}")
        if Path(d.tar).exists():
            raise StepFailed(f"{d.tar} is still kept beside its package after the receipt")
        with tempfile.TemporaryDirectory() as scratch:
            again = tar_package(Path(d.package), Path(scratch) / Path(d.tar).name)
            if (again.sha256, again.size) != (d.sha256, d.size):
                raise StepFailed("the package packed again is not the tar the receipt names")
        checked = [s for s in self.portal.portal.submissions() if s["request"] == self.jti]
        failed = [c["detail"] for s in checked for c in s["checks"] if not c["ok"]]
        if not checked or failed:
            raise StepFailed(f"the portal's checks failed: {'; '.join(failed) or 'nothing received'}")
        return ("the package passes `footage-agent verify` (BagIt manifests, owner signature, "
                "provenance), packed again it is the very tar the receipt names (the tar sent was "
                "let go of), and the portal's own checks made on arrival pass (signed by the "
                "registered key)")

    def log(self) -> str:
        report = AuditLog(self.agent.home).verify()
        if not report.ok:
            raise StepFailed("; ".join(report.problems))
        events = [r["event"] for r in AuditLog(self.agent.home).entries()]
        return f"{report.count} audit records ({', '.join(dict.fromkeys(events))}), none altered"

    def recorder(self) -> str:
        """With `--recorder`: the garage camera on the simulated NVR, covered and exported."""
        facts = self.nvr
        if facts is None:
            raise StepFailed("no recorder was added")
        camera, t = facts.added.cameras[0], self.times
        cov = self.agent.coverage(camera, t.start_us, t.end_us)
        if cov.gaps:
            raise StepFailed(f"the recorder's {camera} camera shows {len(cov.gaps)} gaps")
        out = self.world.folder / "exports-recorder"
        done = self.agent.export(camera, t.approve_start_us, t.approve_start_us + 20 * US, out)
        report = verify_package(done.package.path)
        record = json.loads((done.package.path / "data" / "provenance.json").read_text("utf-8"))
        if not report.ok or record.get("recorder", {}).get("vendor") != facts.vendor:
            raise StepFailed(f"{done.package.path.name}: {' '.join(report.problems) or 'no recorder in its provenance'}")
        (fetched,) = record["recorder"]["downloads"][:1]
        return (f"{camera}: {len(self.agent.recordings(camera))} recordings mirrored from the "
                f"{facts.vendor} recorder; 20 s fetched ({fetched['size']:,} bytes, SHA-256 "
                f"{fetched['sha256'][:16]}... as received) and exported to "
                f"{done.package.path.name}, verified")

    # helpers ------------------------------------------------------------------------------
    def _jti(self) -> str:
        if self.jti is None:
            raise StepFailed("no request is in the inbox")
        return self.jti

    def _delivery(self):
        entry = self.agent.requests.inbox.get(self._jti())
        for d in entry.deliveries:
            if d.camera == CAMERAS[0].name:
                return d
        raise StepFailed(self.approve_error or f"nothing was delivered for {CAMERAS[0].name}")


def run_steps(walk: Walk, names: tuple[str, ...], report: Callable[[StepResult], None]) -> bool:
    """Run the named steps in order, reporting each; after a failure the rest are not run."""
    failed = False
    for name in names:
        if failed:
            report(StepResult(name, None, "not run"))
            continue
        try:
            detail = getattr(walk, name)()
        except StepFailed as exc:
            failed = True
            report(StepResult(name, False, str(exc)))
            continue
        except Exception as exc:  # the check names any failure, it never ends in a traceback
            failed = True
            report(StepResult(name, False, f"{type(exc).__name__}: {exc}"))
            continue
        report(StepResult(name, True, detail))
    return not failed
