"""Cameras of a recorder that a refresh which went well did not refresh: one whose search
failed while the recorder answered the others' (its camera gone from the device, a disk it
cannot read, an answer no client reads), and one the recorder no longer lists among its
cameras. Their mirrored rows are kept, marked as possibly out of date (`files.stale_note`; a
note they hold keeps when they were last mirrored, remote_rows.mark_remote, the whole recorder
failing later too), and the owner is told which camera
and what to do, as the refresh's problem and after the recorder's state (mirror.refresh)."""
from __future__ import annotations

from dataclasses import dataclass

from agent.index.recorder_book import RecorderSource
from agent.index.remote_rows import STALE
from agent.index.store import Store
from agent.timebase import local_text

CHANNEL_FAILED = ("{camera} was not refreshed: {reason} Its recordings found before are kept, "
                  "marked as possibly out of date, and it will be asked again at the next "
                  "refresh. If this goes on, check that camera on the recorder's own screen or "
                  "web page.")
# A channel the device no longer lists is never searched (asking for it could only fail, or
# wait): its rows would otherwise stay unmarked for ever, looking current. The owner is told how
# to let them go (the app says its own button instead: gui/views/core_recorder_camera_words.py).
CHANNEL_GONE = ("{camera} is no longer among the recorder's cameras, so it was not refreshed. "
                "Its recordings found before are kept, marked as possibly out of date; if the "
                "camera is back on the recorder, they are refreshed again. If it was taken "
                "off the recorder for good, `footage-agent cameras remove` with this camera's "
                "name lets them go (nothing on the recorder is touched).")
NOT_LISTED = "the recorder no longer lists this camera."
# A channel the recorder names otherwise than when its camera was named here: the camera keeps
# its name (requests and registrations use it), so another camera plugged into that channel
# would have its recordings listed, and exported, as the old one's unless the owner says.
RENAMED_ON_DEVICE = ("The recorder now calls the channel of {camera} «{now}», not «{before}» as "
                     "when that camera was named here, and its recordings are still listed under "
                     "that name. If another camera is on that channel now, rename it here "
                     "(footage-agent cameras rename) so they are not taken for the old camera's; "
                     "renaming it ends this note.")


def renamed_on_device(store: Store, source_id: int,
                      channels: tuple[tuple[int, str], ...]) -> list[str]:
    """RENAMED_ON_DEVICE for each channel the recorder now names otherwise."""
    return [RENAMED_ON_DEVICE.format(camera=camera, before=" ".join(before.split())[:60],
                                     now=" ".join(now.split())[:60])
            for camera, before, now in store.recorders.renamed_on_device(source_id, channels)]


@dataclass(frozen=True)
class Unrefreshed:
    """A camera a refresh left as it was: its channel, its name, why (for its rows' note),
    and what the owner is told."""

    channel: str
    camera: str
    problem: str
    said: str


def search_failed(channel: str, camera: str, problem: str) -> Unrefreshed:
    """A camera whose search failed alone."""
    return Unrefreshed(channel, camera, problem,
                       CHANNEL_FAILED.format(camera=camera, reason=problem))


def not_listed(store: Store, source_id: int, listed: set[str]) -> list[Unrefreshed]:
    """The cameras with mirrored rows whose channel the recorder no longer lists."""
    return [Unrefreshed(channel, camera, NOT_LISTED, CHANNEL_GONE.format(camera=camera))
            for channel, camera in sorted(store.recorders.mirrored_cameras(source_id).items())
            if channel not in listed]


def stale_note(rec: RecorderSource, problem: str) -> str:
    """Why mirrored rows may be out of date: since when (the last refresh that answered, on
    this PC's clock, for the owner) and the problem."""
    since = local_text(rec.refreshed_us) if rec.refreshed_us else None
    return (f"mirrored at {since}; " if since else "") + f"{STALE}{problem}"


def mark_current(store: Store, rec: RecorderSource, left: list[Unrefreshed]) -> None:
    """After a refresh that went well: every mirrored row of the recorder current, but those
    of the cameras it left as they were, which say so."""
    store.mark_remote(rec.source_id, None, keep=[u.channel for u in left])
    for u in left:
        store.mark_remote(rec.source_id, stale_note(rec, u.problem), channel=u.channel)
