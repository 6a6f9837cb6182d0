"""Leaving a page that holds unsaved work (privacy masks drawn, settings changed): the owner is
asked to save it, drop it, or stay, never left to find out later that it was dropped."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def leave_unsaved(parent: QWidget, title: str, text: str,
                  save: Callable[[Callable[[], None]], None],
                  proceed: Callable[[], None]) -> None:
    """Ask Save / Discard / Cancel. Save calls `save(proceed)`, which proceeds once saved;
    Discard proceeds at once; Cancel (or Escape) stays. The text is plain (it may name a
    camera), and Save is the default: what the owner drew or chose is kept unless they say.
    A window hidden in the tray (Quit from the tray's menu) comes up first: the question is
    about what it shows."""
    window = parent.window()
    if not window.isVisible():
        window.show()
        window.raise_()
        window.activateWindow()
    box = QMessageBox(QMessageBox.Question, title, text,
                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, parent)
    box.setTextFormat(Qt.PlainText)
    box.setDefaultButton(QMessageBox.Save)
    answer = box.exec()
    if answer == QMessageBox.Save:
        save(proceed)
    elif answer == QMessageBox.Discard:
        proceed()
