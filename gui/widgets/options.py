"""The owner's choices for what is sent: sound, privacy masks, face blurring and cut mode
(shared by request review and manual export).

Which cameras have privacy masks is read by an agent job; the masks box is only enabled when a
chosen camera has some, and stays ticked by default, as the agent applies saved masks unless
told otherwise. Until the job has said, and for a camera whose masks cannot be read, masks stay
asked for: the agent then applies what is saved, or refuses to export the camera unmasked.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QRadioButton,
    QWidget,
)

from agent.views import drawn_on, one_line
from gui.views.shown import plain_tip
from gui.views.words import QT_TRANSLATE_NOOP

MASKS_HOW = QT_TRANSLATE_NOOP(
    "Options", "Draw privacy masks once per camera in Settings \u2192 Draw privacy "
               "masks\u2026: click the corners of an area (a neighbour's window, a garden) to "
               "black it out in every export.")


UNREADABLE = -1   # a camera's count of masks when its masks file cannot be read


class Options(QWidget):
    """Sound, redaction and cut-mode choices; `changed` fires when any of them changes."""

    changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.masked: dict[str, int] = {}     # camera -> number of saved mask polygons
        self.drawn: dict[str, tuple[int, int] | None] = {}   # camera -> picture masks fit
        self.shown: dict[str, tuple[int, int] | None] = {}   # camera -> the masks page's picture
        self._chosen: list[str] = []
        self._load = 0
        self._fixed = False
        self.audio = QCheckBox(self.tr("Include sound"))
        self.audio.setToolTip(self.tr("Off unless you choose it: recording a conversation can need "
                                      "the consent of everyone in it (Washington law)."))
        self.masks = QCheckBox(self.tr("Use privacy masks"))
        self.masks.setChecked(True)
        self.faces = QCheckBox(self.tr("Blur faces"))
        self.faces.setToolTip(self.tr("Faces are found on this computer and blurred in every "
                                      "frame. A face narrower than about a twentieth of the "
                                      "picture (someone far from the camera) can be missed: cover "
                                      "such places with a privacy mask. The whole clip is "
                                      "re-encoded; your recording is not changed."))
        self.copy_mode = QRadioButton(self.tr("Original quality"))
        self.copy_mode.setToolTip(self.tr("No re-encoding. Starts at the first full picture inside "
                                          "your selection."))
        self.exact_mode = QRadioButton(self.tr("Exact start"))
        self.exact_mode.setToolTip(self.tr("Starts on the exact second; the first moments are "
                                           "re-encoded."))
        self.copy_mode.setChecked(True)
        # Off unless the owner ticks it: a damaged recording stops the export, and the owner
        # decides whether a clip with frames left out may go (the package then counts them).
        self.damaged = QCheckBox(self.tr("Go on even if damaged frames must be left out"))
        self.damaged.setToolTip(self.tr("When part of a recording is damaged, some frames cannot "
                                        "be decoded. Without this the export stops and says how "
                                        "many; with it they are left out and the package says how "
                                        "many."))
        group = QButtonGroup(self)
        group.addButton(self.copy_mode)
        group.addButton(self.exact_mode)
        for w in (self.audio, self.masks, self.faces):
            w.toggled.connect(lambda _on: self.changed.emit())
        # Beside the preview, two short choices a line (four lines, not six: a small screen
        # keeps room for the preview); each as wide as its words, so a click beside misses.
        rows = QGridLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setVerticalSpacing(4)
        for at, w in ((0, self.copy_mode), (1, self.exact_mode), (2, self.audio),
                      (3, self.faces)):
            rows.addWidget(w, at // 2, at % 2, Qt.AlignLeft)
        rows.addWidget(self.masks, 2, 0, 1, 2, Qt.AlignLeft)
        rows.addWidget(self.damaged, 3, 0, 1, 2, Qt.AlignLeft)
        rows.setRowStretch(4, 1)
        self.exact_mode.toggled.connect(lambda _on: self.changed.emit())
        self._show_masks()

    # masks -------------------------------------------------------------------------------
    def load_masks(self, cameras: list[str]) -> None:
        """Find out (in a job) which of these cameras have privacy masks."""
        self._load += 1
        load, agent = self._load, self.ctx.agent

        def work():
            found, drawn, shown = {}, {}, {}
            for cam in cameras:
                try:
                    masks = agent.masks(cam)
                except Exception:   # a damaged mask file: export will refuse and say why
                    found[cam] = UNREADABLE
                else:
                    found[cam], drawn[cam] = len(masks.polygons), masks.picture
                    if masks.polygons:   # where Draw privacy masks would show them
                        shown[cam] = drawn_on(agent.recordings(cam))
            return found, drawn, shown
        self.ctx.bridge.call("masks", work, lambda found: self._got_masks(*found, load))

    def _got_masks(self, found: dict[str, int], drawn: dict, shown: dict, load: int) -> None:
        if load != self._load:
            return
        self.masked, self.drawn, self.shown = found, drawn, shown
        self._show_masks()
        self.changed.emit()

    def set_chosen(self, cameras: list[str]) -> None:
        """The cameras that would be sent (the masks box follows them)."""
        if cameras != self._chosen:
            self._chosen = list(cameras)
            self._show_masks()

    def _show_masks(self) -> None:
        with_masks = [c for c in self._chosen if self.masked.get(c, 0) > 0]
        unreadable = [c for c in self._chosen if self.masked.get(c) == UNREADABLE]
        self.masks.setEnabled(bool(with_masks or unreadable) and not self._fixed)
        tips = []
        if with_masks:
            tips.append(self.tr("Black out the areas you drew for {cameras}.").format(
                cameras=", ".join(map(one_line, with_masks))))
        if unreadable:
            tips.append(self.tr("The saved masks of {cameras} are damaged: draw them again, or "
                                "untick this to export without masks.").format(
                cameras=", ".join(map(one_line, unreadable))))
        if not tips:
            tips.append(self.tr("No privacy masks are drawn for these cameras."))
        self.masks.setToolTip(plain_tip(" ".join(tips + [self.tr(MASKS_HOW)])))

    # choices -----------------------------------------------------------------------------
    def show_approved(self, approval) -> None:
        """Show an earlier approval's choices (an agent Approval), fixed: a delivery that did
        not complete is resumed with exactly them. None: the choices are the owner's again.
        Whether damaged frames may be left out stays the owner's to choose either way."""
        self._fixed = approval is not None
        if approval is not None:
            (self.exact_mode if approval.mode == "exact" else self.copy_mode).setChecked(True)
            self.audio.setChecked(approval.keep_audio)
            self.masks.setChecked(approval.masks)
            self.faces.setChecked(approval.blur_faces)
        for w in (self.copy_mode, self.exact_mode, self.audio, self.faces):
            w.setEnabled(not self._fixed)
        self._show_masks()

    def start_from(self, approval) -> None:
        """Set the choices to an earlier approval's (an agent Approval) and leave them the
        owner's to change: its delivery stopped before anything of it left this PC."""
        self.show_approved(None)
        (self.exact_mode if approval.mode == "exact" else self.copy_mode).setChecked(True)
        self.audio.setChecked(approval.keep_audio)
        self.masks.setChecked(approval.masks)
        self.faces.setChecked(approval.blur_faces)
        self._show_masks()

    @property
    def mode(self) -> str:
        return "exact" if self.exact_mode.isChecked() else "copy"

    @property
    def use_masks(self) -> bool:
        """Masks are applied (the box is ticked and a chosen camera has some, or may have: not
        read yet, or unreadable, which the agent refuses to export unmasked)."""
        return self.masks.isChecked() and any(self.masked.get(c, UNREADABLE) != 0
                                              for c in self._chosen)

    @property
    def blur_faces(self) -> bool:
        return self.faces.isChecked()

    @property
    def accept_dropped(self) -> bool:
        """The owner accepts that frames of a damaged recording are left out."""
        return self.damaged.isChecked()

    def unreadable_masks(self, cameras: list[str]) -> tuple[str, ...]:
        """The cameras whose saved masks cannot be read while masks are asked for: the agent
        refuses to export them (never unmasked), so the summary says so before Export."""
        if not self.masks.isChecked():
            return ()
        return tuple(c for c in cameras if self.masked.get(c) == UNREADABLE)

    def masked_cameras(self, cameras: list[str]) -> tuple[str, ...]:
        """The cameras whose privacy masks an export would fill."""
        if not self.use_masks:
            return ()
        return tuple(c for c in cameras if self.masked.get(c, 0) > 0)

    def drawn_on(self, cameras: list[str]) -> tuple[tuple[str, tuple[int, int] | None], ...]:
        """(camera, the picture size its saved masks were drawn on, None when not recorded)."""
        return tuple((c, self.drawn.get(c)) for c in cameras)

    def shown_on(self, cameras: list[str]) -> tuple[tuple[str, tuple[int, int] | None], ...]:
        """(camera, the size of the picture the masks page shows it on, None when unknown)."""
        return tuple((c, self.shown.get(c)) for c in cameras)

    def redactions(self, cameras: list[str]) -> tuple[str, ...]:
        """What is hidden, in words, for the summary of what will leave this PC."""
        words = []
        if self.use_masks:
            for cam in cameras:
                n = self.masked.get(cam, 0)
                if n > 0:
                    said = (self.tr("1 privacy mask on {camera}") if n == 1 else
                            self.tr("%n privacy masks on {camera}", "", n))
                    words.append(said.format(camera=cam))
        if self.blur_faces:
            words.append(self.tr("faces blurred"))
        return tuple(words)
