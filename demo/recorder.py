"""A simulated NVR for the demo (`footage-agent demo --recorder hikvision`): a garage camera
recorded on a recorder on the "home network" (the recorder simulator, nvrsim, over HTTPS on
127.0.0.1 with its own self-signed certificate), added to the demo's agent as an owner adds
one, so its footage is mirrored, previewed and exported like the folders' cameras.

Its password is the demo's (printed: it protects nothing) and is kept encrypted in the demo's
home, never in the owner's real keychain.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from agent.service import Agent
from agent.timebase import US
from agent.views import RecorderAdded, RecorderAddress
from demo.samples import ClipSpec, write_clip
from demo.world import FPS, GOP_S, DemoTimes
from nvrsim.catalogue import channel_folder, clip_name
from nvrsim.server import Simulator

CAMERA = "garage"
USER, PASSWORD = "viewer", "demo-recorder-password"
PASSPHRASE = "demo"          # unlocks the demo home's encrypted recorder passwords
VENDORS = ("reolink", "dahua", "hikvision")
ZONE_POSIX, ZONE_IANA = "PST8PDT,M3.2.0,M11.1.0", "America/Los_Angeles"


@dataclass(frozen=True)
class RecorderFacts:
    """The demo's recorder once added: where it is, what was mirrored."""

    url: str
    vendor: str
    fingerprint: str
    added: RecorderAdded


def write_recorder_footage(folder: Path, times: DemoTimes) -> int:
    """The garage camera's recordings in the simulator's layout (channel 1, "Garage")."""
    count, at = 0, times.start_us
    while at < times.end_us:
        end = at + times.file_s * US
        write_clip(ClipSpec(path=folder / channel_folder(1, "Garage") / clip_name(at, end),
                            start_us=at, seconds=float(times.file_s), fps=FPS, gop_s=GOP_S))
        count, at = count + 1, end
    return count


class DemoRecorder:
    """The simulated NVR, serving while the demo runs."""

    def __init__(self, folder: Path, vendor: str, times: DemoTimes) -> None:
        if vendor not in VENDORS:
            raise ValueError(f"unknown recorder make {vendor!r}")
        self.vendor, self.folder = vendor, folder
        self.files = write_recorder_footage(folder, times)
        self.sim = Simulator(folder, vendor, USER, PASSWORD, tls=True, zone=ZONE_POSIX).start()

    def add_to(self, agent: Agent) -> RecorderFacts:
        """Add it to the demo's agent as the owner would: look at the certificate, trust it,
        give the password; its recordings are mirrored at once."""
        agent.keep_recorder_passwords_in_home(PASSPHRASE)
        fingerprint = agent.look_at_recorder(self.sim.url)
        address = RecorderAddress(self.sim.url, self.vendor, USER, fingerprint,
                                  ZONE_IANA if self.vendor == "dahua" else None)
        added = agent.add_recorder(address, PASSWORD, name="nvr", cameras=(CAMERA,))
        return RecorderFacts(self.sim.url, self.vendor, fingerprint, added)

    def stop(self) -> None:
        self.sim.stop()
