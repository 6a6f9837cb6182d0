"""What the agent's long jobs report, in units a person can follow: frames while footage is
cut, bytes while a package goes up (agent/commands/progress.py draws them)."""
from __future__ import annotations

from agent.commands.progress import Display, progress_display

_TIMED = ("ok", "ambiguous")


def expected_frames(agent, cameras, start_us: int, end_us: int) -> float | None:
    """About how many frames the cameras recorded in the window (recorded seconds times each
    file's rate); None when the recordings do not say their rate."""
    total = 0.0
    for camera in cameras:
        for row in agent.recordings(camera, start_us, end_us):
            if row.fps and row.end_us is not None and row.status in _TIMED:
                seconds = (min(row.end_us, end_us) - max(row.start_us, start_us)) / 1e6
                total += max(0.0, seconds) * row.fps
    return total or None


class DeliveryProgress:
    """`approve`'s progress: frames while the packages are cut, bytes while they are sent.

    The desk reports (stage, fraction) per phase: "exporting CAMERA (N of COUNT)" over all
    the cameras' cuts, then "uploading CAMERA (N of COUNT)" over all the packages; the totals
    are read from the approval and the packages once each phase starts (on the job's
    thread)."""

    def __init__(self, agent, args) -> None:
        self.display: Display = progress_display(args, "frame")
        self._agent, self._id, self._agency = agent, args.id, args.agency
        self._frames: float | None = None
        self._bytes: int | None = None

    def report(self, stage: str, fraction: float) -> None:
        if stage.startswith("uploading"):
            if self._bytes is None:
                self._bytes = sum(d.size for d in self._view().deliveries if not d.upload_url)
            if self._bytes:
                self.display.update(stage, fraction * self._bytes, self._bytes, unit="B")
                return
        elif stage.startswith("exporting") and self._frames is None:
            approval = self._view().approval
            self._frames = (expected_frames(self._agent, approval.cameras, approval.start_us,
                                            approval.end_us) if approval else None) or 0.0
        if stage.startswith("exporting") and self._frames:
            self.display.update(stage, fraction * self._frames, self._frames, unit="frame")
            return
        self.display.fraction(stage, fraction)

    def _view(self):
        return self._agent.requests.show(self._id, self._agency)

    def close(self) -> None:
        self.display.close()
