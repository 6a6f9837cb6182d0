"""The demo world behind `footage-agent demo`: sample recordings, a reference agency portal on
loopback, and an agent home that trusts that agency, registered its cameras there with an
invite code (as an owner does), and has a signed request waiting.

Everything is made here, on this computer: the footage with PyAV, the agency key by
`cryptography`. The portal listens on 127.0.0.1 only; the agent talks to it over plain http,
which the trust store allows for loopback addresses and nowhere else.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from agent.file_systems import fat_family, file_system, owners_name
from agent.os_words import plain_os_error
from agent.owner_paths import NotAFolderPath, owner_path
from agent.service import Agent, AgentError
from agent.timebase import US
from agent.views import Camera, Contact
from demo import folder_lock
from demo.samples import make_recordings

AGENCY_ID = "https://police.example.gov"
AGENCY_NAME = "Example City Police Department (demo)"
AGENCY_PHONE = "+1-206-555-0100"
CASE = "DEMO-2026-0042"
REQUESTER = "Det. Jane Roe (demo)"
INCIDENT = "Package taken from a porch on this street (demo)"
MESSAGE = ("This is a demo request. A package was taken from a porch on your street. If you are "
           "willing, please share what your cameras recorded in this window.")
OWNER = Contact("Demo Owner", "owner@example.com")
ADDRESS = "1200 Elm Street, Example City (demo)"
SEES = {"driveway": "the driveway and the street in front of the house",
        "porch": "the front porch and the sidewalk"}
MARKER = "footage-agent-demo.json"
FPS = 5
GOP_S = 2.0


class DemoError(Exception):
    """The demo cannot be set up; the message says what to do."""


@dataclass(frozen=True)
class DemoCamera:
    """One sample camera: its name, the recorder layout it is written in, and its folder."""

    name: str
    layout: str
    folder: str
    zone: str
    encoder: str
    recorder: str  # for people: what kind of recorder writes this layout
    audio: bool    # doorbells record sound; it is removed from exports unless the owner keeps it
    gap: bool      # records on motion only: nothing during the gap


CAMERAS = (
    DemoCamera("driveway", "frigate", "frigate", "UTC", "libx264", "a Frigate NVR folder",
               audio=False, gap=False),
    DemoCamera("porch", "reolink-sd", "reolink-sd", "America/Los_Angeles", "libx264-baseline",
               "a Reolink doorbell's SD card", audio=True, gap=True),
)


@dataclass(frozen=True)
class DemoTimes:
    """When the footage, the request and the check's approval lie (UTC microseconds)."""

    start_us: int
    end_us: int
    file_s: int
    gap_start_us: int          # cameras with `gap` recorded nothing from here ...
    gap_end_us: int            # ... to here (motion-only recording)
    request_start_us: int
    request_end_us: int
    approve_start_us: int      # the part `--check` approves, of the first camera only
    approve_end_us: int


def plan_times(now_s: float, minutes: int) -> DemoTimes:
    """Footage for `minutes` ending a minute or two before now; the request covers its middle
    half, and the check approves the middle third of that.

    Files end at least a minute ago, so none looks like it is still being written.
    """
    if not 2 <= minutes <= 240:
        raise DemoError("the demo writes 2 to 240 minutes of footage; choose --minutes in that range")
    end_s = (int(now_s) // 60 - 1) * 60
    span = minutes * 60
    file_s = 300 if span % 300 == 0 and minutes >= 10 else 60
    start_s = end_s - span
    files = span // file_s
    gap_index = files // 2
    req_start, req_end = start_s + span // 4, start_s + span * 3 // 4
    third = (req_end - req_start) // 3
    return DemoTimes(start_s * US, end_s * US, file_s, (start_s + gap_index * file_s) * US,
                     (start_s + (gap_index + 1) * file_s) * US, req_start * US, req_end * US,
                     (req_start + third) * US, (req_end - third) * US)


def write_camera(root: Path, camera: DemoCamera, times: DemoTimes) -> list[Path]:
    """One camera's recordings in its layout (skipping the gap's file if it has one).

    Each file's modification time is set to when it ended, as a recorder closing it would.
    """
    written: list[Path] = []
    at = times.start_us
    while at < times.end_us:
        skip = camera.gap and times.gap_start_us <= at < times.gap_end_us
        if not skip:
            written += make_recordings(root / camera.folder, camera.layout, camera.name, at, 1,
                                       float(times.file_s), zone_name=camera.zone, fps=FPS,
                                       gop_s=GOP_S, encoder=camera.encoder, audio=camera.audio)
            end_s = (at + times.file_s * US) / US
            os.utime(written[-1], (end_s, end_s))
        at += times.file_s * US
    return written


def write_footage(root: Path, times: DemoTimes) -> dict[str, list[Path]]:
    """Every camera's recordings, written side by side (one thread each)."""
    results: dict[str, list[Path]] = {}
    errors: list[BaseException] = []

    def one(camera: DemoCamera) -> None:
        try:
            results[camera.name] = write_camera(root, camera, times)
        except BaseException as exc:  # re-raised below on the caller's thread
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(c,), name=f"demo-footage-{c.name}")
               for c in CAMERAS]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    if errors:
        err = errors[0]
        if isinstance(err, OSError):
            raise DemoError(f"cannot write the sample recordings in {root} ({err.strerror or err}); "
                            "free some disk space or choose another --dir") from None
        raise DemoError(f"cannot write the sample recordings: {err}") from None
    return results


def prepare_dir(chosen: str | Path | None) -> tuple[Path, bool]:
    """The demo folder and whether the demo made it: a new temporary folder when none is given;
    an earlier demo's folder is emptied; any other non-empty folder is refused, as is one on a
    drive that keeps no permissions (the demo's agent home is in it). `E:` is the drive's root
    (agent/owner_paths.py)."""
    if chosen is None:
        return Path(tempfile.mkdtemp(prefix="footage-agent-demo-")), True
    try:
        folder = owner_path(chosen)
    except NotAFolderPath as exc:
        raise DemoError(f"--dir {exc}") from None
    drive = file_system(folder)
    if fat_family(drive):   # said now: the home it keeps there would be refused after the footage
        raise DemoError(f"{folder} is on a drive formatted {owners_name(drive)} (a USB stick or "
                        "SD card), which keeps no permissions, and the demo keeps an agent's "
                        "home (its key, its sign-in tokens) in its folder: give --dir a folder "
                        "on this computer's own disk, or leave --dir out for a temporary one")
    try:
        if folder.exists() and not folder.is_dir():
            raise DemoError(f"{folder} is a file; give --dir a folder (new or empty)")
        if _others(folder) and not (folder / MARKER).is_file():   # before a lock file is made
            raise DemoError(f"{folder} is not empty and holds no earlier demo; give --dir a "
                            "new or empty folder so nothing of yours is overwritten")
        folder.mkdir(parents=True, exist_ok=True)
        if not folder_lock.hold(folder):
            raise DemoError(f"{folder} is the folder of a demo still running: stop that one "
                            "first (Ctrl-C where it runs), or give another --dir")
        for entry in _others(folder):
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    except OSError as exc:
        raise DemoError(f"cannot use {folder} for the demo ({plain_os_error(exc, str(folder))}); "
                        "choose another --dir") from None
    return folder, False


def _others(folder: Path) -> list[Path]:
    """What `folder` holds beside the demo's lock (nothing when it is not there yet)."""
    if not folder.exists():
        return []
    return [e for e in folder.iterdir() if e.name != folder_lock.LOCK]


@dataclass(frozen=True)
class Footage:
    """The sample recordings written for a demo."""

    root: Path
    times: DemoTimes
    files: dict                # camera name -> list of paths written
    seconds: float             # how long writing them took


@dataclass(frozen=True)
class DemoWorld:
    """A demo that is set up: where everything is, and the request waiting at the portal."""

    folder: Path
    home: Path
    footage: Footage
    portal_dir: Path
    origin: str
    registration: str
    request_token: str


class DemoPortal:
    """The reference portal, served on loopback for as long as the demo runs."""

    def __init__(self, state_dir: Path) -> None:
        from portal.server import PortalServer
        from portal.state import Portal

        self.portal = Portal.init(state_dir, AGENCY_NAME, AGENCY_ID, AGENCY_PHONE)
        self.server = PortalServer(state_dir, host="127.0.0.1", port=0)

    def start(self) -> str:
        self.server.start()
        return self.server.origin

    def invite(self) -> str:
        """A one-time invite code, as the agency's sign-up would mail it to the resident."""
        from portal.invites import create_invite

        return create_invite(self.portal.db_path, OWNER.name, OWNER.email).code

    def stop(self) -> None:
        self.server.stop()


def write_sample_footage(folder: Path, minutes: int, now_s: float | None = None) -> Footage:
    """Write `minutes` of recordings for every demo camera under folder/recordings."""
    times = plan_times(time.time() if now_s is None else now_s, minutes)
    try:
        (folder / MARKER).write_text(json.dumps({"minutes": minutes}) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DemoError(f"cannot write in {folder} ({exc.strerror}); choose another --dir") from None
    began = time.monotonic()
    files = write_footage(folder / "recordings", times)
    return Footage(folder / "recordings", times, files, time.monotonic() - began)


def serve(folder: Path, footage: Footage) -> tuple[DemoWorld, DemoPortal]:
    """Serve the portal, and give the agent home its trusted agency, its recordings folders, a
    registration made with an invite code, and (waiting at the portal) a signed request.

    The caller stops the returned portal. The agent home is left unscanned and its inbox
    unsynced: those are the first steps a person (or the check) takes.
    """
    from portal.errors import PortalError

    times, portal = footage.times, None
    try:
        portal = DemoPortal(folder / "portal")
        origin = portal.start()
        code = portal.invite()
    except PortalError as exc:
        if portal is not None:
            portal.stop()
        raise DemoError(f"the demo portal could not start: {exc}") from None
    try:
        registration = prepare_home(folder / "home", footage.root,
                                    portal.portal.state_dir / "agency.json", code)
        token = portal.portal.create_request(
            registration, times.request_start_us, times.request_end_us, CASE, REQUESTER,
            cameras=tuple(c.name for c in CAMERAS), message=MESSAGE, incident=INCIDENT)
    except PortalError as exc:
        portal.stop()
        raise DemoError(f"the demo portal could not make its request: {exc}") from None
    except BaseException:
        portal.stop()
        raise
    world = DemoWorld(folder, folder / "home", footage, portal.portal.state_dir, origin,
                      registration, token)
    return world, portal


def prepare_home(home: Path, recordings: Path, agency_file: Path, invite: str) -> str:
    """What an owner does once: import the agency file, add the demo's recordings folders, and
    register the cameras with the agency using its invite code; the registration id."""
    agent = Agent(home)
    try:
        agent.add_agency(agency_file)
        for cam in CAMERAS:
            agent.add_source(recordings / cam.folder, camera=cam.name, tz=cam.zone,
                             layout=cam.layout)
        cameras = tuple(Camera(c.name, address=ADDRESS, lat=47.6062, lon=-122.3321,
                               sees=SEES.get(c.name), retention_days=14) for c in CAMERAS)
        return agent.register(AGENCY_ID, invite, OWNER, cameras).id
    except AgentError as exc:
        raise DemoError(f"the demo could not register with its portal: {exc}") from None
    finally:
        agent.close()
