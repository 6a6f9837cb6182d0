"""Which of a camera strip's cameras are ticked: one by one, all at once from the all box (the
cameras with recordings here that were not held back), only those a request asked for, an
earlier approval's, or fixed as an approval being resumed was made. A mixin of CameraStrip
(camera_strip.py); it holds no translated text, so the strip's stays in its context."""
from __future__ import annotations

from PySide6.QtCore import Qt


class StripTicks:
    """CameraStrip's ticking; it gives `checks`, `timelines`, `coverages`, `all_box`,
    `held_back`, `_quiet` and the `changed` signal."""

    def start_ticked(self, cameras) -> None:
        """Tick only `cameras`; the others stay unticked until the owner ticks each one (the
        all box leaves them too), e.g. those a request did not ask for."""
        self.held_back = {c for c in self.checks if c not in cameras}
        self._set_ticked({c for c in self.checks if c in cameras})

    def start_from(self, approval) -> None:
        """Tick an earlier approval's cameras (an agent Approval) and select its time, left
        the owner's to change: its delivery stopped before anything of it left this PC."""
        self.start_ticked(set(approval.cameras))
        for tl in self.timelines.values():
            tl.set_selection(approval.start_us, approval.end_us, emit=False)

    def lock(self, cameras) -> None:
        """Show `cameras` ticked and the others not, none of them to be changed (an approval
        being resumed is sent as it was approved)."""
        self._set_ticked(set(cameras))
        for box in self.checks.values():
            box.setEnabled(False)
        self._sync_all_box()

    def _tickable(self) -> list[str]:
        """What the all box ticks: cameras with recordings here, not held back, changeable."""
        return [c for c, box in self.checks.items() if box.isEnabled()
                and c not in self.held_back and self.coverages.get(c) and self.coverages[c].spans]

    def _tick_all(self) -> None:
        tickable, ticked = set(self._tickable()), self._ticked()
        # all there is to tick is ticked (or none is tickable): a click unticks them all
        self._set_ticked(set() if ticked and tickable <= ticked else tickable | ticked)

    def _ticked(self) -> set[str]:
        return {c for c, b in self.checks.items() if b.isEnabled() and b.isChecked()}

    def _set_ticked(self, cameras: set[str]) -> None:
        self._quiet = True
        try:
            for cam, box in self.checks.items():
                if box.isEnabled():
                    box.setChecked(cam in cameras)
        finally:
            self._quiet = False
        self._toggled()

    def _toggled(self, _on: bool = False) -> None:
        if self._quiet:
            return
        self._sync_all_box()
        self.changed.emit()

    def _sync_all_box(self) -> None:
        box = self.all_box
        if box is None:
            return
        tickable, ticked = set(self._tickable()), self._ticked()
        box.setEnabled(bool(tickable or ticked))
        ticked = {c for c, b in self.checks.items() if b.isChecked()}   # shown, fixed or not
        box.setCheckState(Qt.Unchecked if not ticked else Qt.Checked
                          if tickable and tickable <= ticked else Qt.PartiallyChecked)
