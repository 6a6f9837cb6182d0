"""Closing the main window: to the tray when the owner keeps the app running there; quitting
(the tray's Quit) asks about the shown page's unsaved work first; a stop signal (Ctrl-C,
logout) closes at once. A mixin of MainWindow (main_window.py), which holds the tray, the
pages, the context and the home."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.shell import geometry
from gui.views.words import translate


class WindowClosing:
    """MainWindow's closing; it gives `ctx`, `tray`, `pages`, `home`, `quitting` and `_left`
    (the current page's unsaved work was settled: close at once)."""

    def quit(self) -> None:
        """Quit the app (the tray's Quit). Unsaved masks or settings are asked about first;
        Cancel keeps the app open with them."""
        self.quitting = True
        self.close()

    def stop(self) -> None:
        """Close at once for a stop signal (Ctrl-C, logout): nothing is asked, since the app
        must end within two seconds; masks or settings not saved yet are dropped."""
        self._left = True
        self.quitting = True
        self.close()

    def shutdown(self, wait_s: float = 10.0) -> None:
        """Stop every job this window started (each is given `wait_s` in all to end) and let go
        of the agent's events (agent.close() closes its previews and request desk)."""
        self.ctx.bridge.cancel_all()
        self.ctx.bridge.wait_all(wait_s)
        self.ctx.bridge.close()

    def closeEvent(self, event) -> None:
        if self.home is not None and self.isVisible():
            geometry.remember(self, self.home)
        keep = self.ctx.agent.settings.keep_running_in_tray and self.tray.available
        if keep and not self.quitting:
            self.hide()
            # MainWindow's words: self.tr in a mixin would be looked up there, but lupdate
            # files them under the mixin's name, where no translation would be found.
            self.tray.notify(translate("MainWindow", "Still watching"),
                             translate("MainWindow", "Footage requests keeps running: open it, "
                                                     "or quit it, from its icon by the clock (on "
                                                     "Windows, if it is not there, under the ^ "
                                                     "arrow beside the clock)."))
            event.ignore()
            return
        if not self._may_close():
            self.quitting = False   # stayed: closing later hides to the tray again
            event.ignore()
            return
        self._left = False
        self.tray.hide()
        event.accept()

    def _may_close(self) -> bool:
        """True when the app may end now. A page holding unsaved work (`leave`) asks first:
        Discard ends now, Save ends once saved (closing again), Cancel stays."""
        if not self._left and not self._may_stop_export():
            return False
        page = self.pages.currentWidget()
        if self._left or not hasattr(page, "leave"):
            return True
        state = {"asking": True, "went": False}

        def proceed() -> None:
            state["went"] = True
            if not state["asking"]:   # saved after the question (a job): end now
                self._left = True
                self.quitting = True
                self.close()
        page.leave(proceed)
        state["asking"] = False
        return state["went"]

    def _may_stop_export(self) -> bool:
        """True when no export by hand is running, or the owner says to stop it: quitting
        cancels it (shutdown), and the package being made is not kept. Without asking, an
        owner who quit while a long export ran found no package and no word of why. A window
        hidden in the tray comes up first: the question is about what it shows."""
        if not self.ctx.bridge.running("export"):
            return True
        if not self.isVisible():
            self.show()
            self.raise_()
            self.activateWindow()
        box = QMessageBox(QMessageBox.Question, translate("MainWindow", "Stop the export?"),
                          translate("MainWindow", "An export is still running. If you quit "
                                                  "now, it stops: packages already finished "
                                                  "stay in their folder, and the one being "
                                                  "made is not kept."),
                          QMessageBox.Yes | QMessageBox.Cancel, self)
        box.setTextFormat(Qt.PlainText)
        box.button(QMessageBox.Yes).setText(translate("MainWindow", "Stop it and quit"))
        box.button(QMessageBox.Cancel).setText(translate("MainWindow", "Keep exporting"))
        box.setDefaultButton(QMessageBox.Cancel)   # what the owner started goes on unless said
        return box.exec() == QMessageBox.Yes
