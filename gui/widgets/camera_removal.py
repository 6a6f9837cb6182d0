"""Settings' Remove camera button: lets go of the recordings mirrored from a recorder of a
camera the recorder no longer lists (agent.remove_recorder_camera, `cameras remove` on the
command line), once the owner agreed to what it means. Before, only the command line could,
and the refresh's words for such a camera named no way to do it in the app."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from gui.views import removing
from gui.widgets.registrations_panel import confirm


class RemoveCameraButton(QPushButton):
    """Asks about the camera `chosen()` names, with the folder or recorder address it is of
    (None: none chosen), then lets its mirrored recordings go off the GUI thread; `say` shows
    the outcome, `removed` once done."""

    removed = Signal()

    def __init__(self, ctx, chosen: Callable[[], tuple[str, str] | None],
                 say: Callable[[str], None],
                 parent: QWidget | None = None):
        super().__init__(self.tr("Remove camera\u2026"), parent)
        self.ctx, self._chosen, self._say = ctx, chosen, say
        # The cameras their recorder still lists (Settings' last reading): the agent would
        # refuse them, so the question, which says the camera is gone, is not asked of them.
        self.listed: frozenset[str] = frozenset()
        self.clicked.connect(self.ask)

    def ask(self) -> None:
        """The question first; nothing is done unless the owner says yes."""
        chosen = self._chosen()
        if chosen is None:
            self._say(self.tr("Choose a camera in the list first."))
            return
        camera, root = chosen
        if "://" not in root:   # a folder's camera: its question would speak of a recorder
            self._say(removing.folder_camera(camera))
            return
        if camera in self.listed:
            self._say(removing.still_listed(camera, root))
            return
        if not confirm(self.window(), removing.camera_title(), removing.camera_question(camera)):
            self._say(self.tr("Nothing was removed."))
            return
        agent = self.ctx.agent
        self.ctx.bridge.call("remove-camera", lambda: agent.remove_recorder_camera(camera),
                             lambda _n: self._done(camera), self._say)

    def _done(self, camera: str) -> None:
        self._say(removing.camera_removed(camera))
        self.removed.emit()
