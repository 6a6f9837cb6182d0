"""What crosses the recorders part's edge: frozen records of a recorder, its channels, clock,
recordings and downloads, the Recorder interface every vendor client keeps, and the errors.

Times: a recorder writes its local wall time with no offset. Each Recording keeps the text as
the device wrote it and the instant that text means on the device's own clock (resolved with
its zone rules); the device's clock offset (ClockReading) is applied later, by the index, as
for any camera clock.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol

from agent.errors import AgentError, Refusal

VENDORS = ("reolink", "dahua", "hikvision")


class RecorderError(AgentError):
    """A recorder could not be asked or answered badly; the message says what to check.
    Never carries a password or a session token."""


class CredentialsRefused(RecorderError):
    """The recorder refused the user name or password. Nothing was retried: recorders lock
    an address out after a few wrong tries."""


class RecorderUnreachable(RecorderError):
    """No answer: wrong address, the device is off, or a timeout."""


class NoReply(RecorderUnreachable):
    """The device read the request and ended the connection without an answer (some Reolink
    NVR firmware does so for a download it will not serve)."""


class CutOff(RecorderUnreachable):
    """The call went on past its whole-call limit (an answer trickling in) and was cut off."""


class BadAnswer(RecorderError):
    """The device answered something that is not what its API promises."""


class NotThisMake(BadAnswer):
    """An answer no recorder of the make chosen gives: the owner's choice (or address) is what
    to change. When adding, a refusal (`sources add-recorder` exits 3); in a refresh, one more
    unreadable answer (the device may be garbling it)."""


def not_this_make(where: str, make: str) -> NotThisMake:
    """An answer no `make` recorder gives (another make's, or a camera's web page): the owner
    is told what to change, since the same address with the right make may well work."""
    return NotThisMake(f"The recorder at {where} does not answer as a {make} recorder. If it is "
                     "another make, choose that make when adding it; if this is a camera's "
                     "address, give the recorder's address instead.")


class DeviceBusy(RecorderError):
    """The device refused because it is already busy (a download running)."""


class SessionEnded(RecorderError):
    """The device ended the session a request was made in (it restarted, or the session's
    lease ran out during a long download): asked again in a new one, it may well answer."""


class DownloadFailed(RecorderError):
    """A download came back shorter than promised, every time it was tried; or brought more
    than the device announced (fetch.byte_cap), or took longer than its time limit."""


class FetchCancelled(RecorderError):
    """The owner stopped the download; nothing of it was kept."""


class NothingNamesIt(RecorderError, Refusal):
    """Nothing the recorder can be asked by names this footage alone (its times run backwards,
    or another recording has them too, and the device gives the recording no name): the
    window chosen cannot be served, however often it is asked (a refusal, exit 3), though it
    is still a RecorderError to the callers that catch a recorder's."""


class WholeOnly(RecorderError):
    """The device could send this part only as its whole recording, which was not asked for."""

    def __init__(self) -> None:
        super().__init__("The recorder can send this part only as the whole recording, which "
                         "is not downloaded for a preview.")


# The most cameras a recorder is taken to have (the largest NVRs have 256): channels a device
# lists past these are not a real one's (a broken or hostile answer, which could otherwise
# make the index a camera for each of a million and search each one every refresh).
MAX_CHANNELS = 256


def first_channels(channels) -> tuple[Channel, ...]:
    """A device's channels in its numbers' order, MAX_CHANNELS at most."""
    return tuple(sorted(channels, key=lambda c: c.id)[:MAX_CHANNELS])


# A part asked for by times another recording also has (mirror.kept_rows: the recorder's
# clock was put back since one of them) from a device that names its recordings by no other.
TIMES_SHARED = ("The recorder's clock was put back, so this footage has the same times on the "
                "recorder as footage it recorded earlier, and asked for by those times it could "
                "send either; it gives the recording no name to ask for it by instead, so nothing "
                "was downloaded. Export it with the recorder's own app or web page.")


class CertificateChanged(Refusal):
    """The device's HTTPS certificate is not the one pinned when it was added."""


class NotAllowed(Refusal):
    """A request outside the read-only allow-list; it was never sent."""


@dataclass(frozen=True)
class Channel:
    """One camera input. `id` is the number the vendor's API uses for it (Reolink from 0,
    Dahua and Hikvision from 1); `name` is the device's own name for it (may be empty), the
    device's text as its model is (`device_text`): it is shown as the channel's and offered as
    its camera's name."""

    id: int
    name: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", device_text(self.name))


@dataclass(frozen=True)
class RecorderInfo:
    """What the device says it is: for provenance and for the owner's check. Its texts are
    the device's (a fake recorder's choice): each kept one line of printable characters."""

    vendor: str
    model: str
    firmware: str
    serial: str
    name: str
    channels: tuple[Channel, ...]

    def __post_init__(self) -> None:
        for field in ("model", "firmware", "serial", "name"):
            object.__setattr__(self, field, device_text(getattr(self, field)))


def device_text(value: object, limit: int = 120) -> str:
    """A text a device said of itself, as one line of at most `limit` printable characters:
    a control sequence in it would run in the owner's terminal (`sources list`)."""
    text = str(value)[:limit * 4]
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())[:limit]


@dataclass(frozen=True)
class DeviceTime:
    """A time as the device wrote it (`text`) and the UTC instant (microseconds) it means on
    the device's clock. `ambiguous`: a repeated fall-back hour (the earlier reading is used,
    `later_us` is the other); `nonexistent`: inside a skipped spring-forward hour."""

    text: str
    us: int
    ambiguous: bool = False
    nonexistent: bool = False
    later_us: int | None = None


@dataclass(frozen=True)
class Recording:
    """One recording the device's search returned. `handle` is what the vendor's download
    takes back for it (Dahua's FilePath, Hikvision's playbackURI, Reolink's file name or
    PlaybackTime). `ref` is the device's own name for the recording, the same at each search
    while it records and never another recording's (Dahua's FilePath, the `name` in a
    Hikvision playbackURI, a Reolink's file name): '' where it names it by its times alone,
    which a clock put back gives two recordings (the index tells rows apart by it)."""

    channel: int
    start: DeviceTime
    end: DeviceTime
    size: int | None
    kind: str
    handle: str
    ref: str = ""

    @property
    def start_us(self) -> int:
        return self.start.us

    @property
    def end_us(self) -> int:
        return self.end.us


@dataclass(frozen=True)
class ClockReading:
    """The device's clock against this PC's. `offset_s` is device clock minus PC clock
    (the agent's camera clock offset); `zone` describes the zone rules used."""

    device_text: str
    device_us: int
    pc_us: int
    offset_s: float
    zone: str
    uncertainty_s: float

    @property
    def worth_showing(self) -> bool:
        """Over 2 s: the owner is told (the issue's threshold)."""
        return abs(self.offset_s) > 2.0


@dataclass(frozen=True)
class Query:
    """The request that fetched footage, for provenance: vendor command and its parameters
    (never a token or a password)."""

    vendor: str
    command: str
    params: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Fetched:
    """Footage downloaded to `path`: its SHA-256 (taken as the bytes arrived), size, the
    query made, the window asked for (device-clock UTC microseconds), and how many tries.
    `ambiguous`: asked for by wall times the repeated fall-back hour gives twice, so the device
    may have sent the other hour's footage."""

    path: Path
    sha256: str
    size: int
    query: Query
    channel: int
    start_us: int
    end_us: int
    attempts: int = 1
    resumed_at: tuple[int, ...] = field(default=())
    ambiguous: bool = False


class Recorder(Protocol):
    """A recorder on the network, read only. Each vendor client keeps this shape."""

    vendor: str
    # How many recordings its searches so far left out as another channel's, by the channel
    # asked (model.say_left_out).
    left_out: Counter

    def info(self) -> RecorderInfo:
        """Model, firmware, serial and channels."""

    def clock(self) -> ClockReading:
        """The device's clock through its time API, against this PC's clock."""

    def search(self, channel: int, start_us: int, end_us: int) -> Iterator[Recording]:
        """The device's recordings on `channel` overlapping [start, end) (device-clock UTC),
        page by page, in the order the device gives them."""

    def fetch(self, recording: Recording, start_us: int, end_us: int, folder: Path, *,
              whole_ok: bool = True, cancel: threading.Event | None = None,
              by_name: bool = False) -> Fetched:
        """Download the part of `recording` inside [start, end) (plus what the device adds to
        reach keyframes) into `folder`, hashed as it arrives. Where the device cannot send the
        part it sends the whole recording, unless `whole_ok` is False (a preview of a few
        seconds, where an hour's file is too much): then WholeOnly is raised. `cancel` set
        ends the download as the next bytes arrive (FetchCancelled), nothing of it kept.
        `by_name`: its times are another recording's too (the clock was put back), so it is
        asked for whole by the device's own name for it, never by times (WholeOnly without
        `whole_ok`; RecorderError(TIMES_SHARED) from a device that names none)."""

    def close(self) -> None:
        """Log out where the vendor has sessions, and close connections."""
