"""The core's words for a recorder's download that was stopped or refused (agent/recorders/
fetch.py): more than the recorder announced, too slow, shorter than announced every time, its
password refused part way, text where footage belongs, or the owner's stop. Met when the app
exports, holds or sends a recorder's footage. Qt-free data listed among core_templates'
TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # more than announced, or than any camera records (fetch._too_large)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent more than the {count} bytes it "
                              "announced for this recording; the download was stopped and "
                              "nothing of it was kept."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent more than {count} MiB for {seconds} "
                              "s of footage, far more than any camera records; the download was "
                              "stopped and nothing of it was kept."),
    # the whole download's time spent (fetch._too_slow: minutes from two on)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} took longer than {count} minutes to send "
                              "this recording; the download was stopped and nothing of it was "
                              "kept. Try again later, or restart the recorder."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} took longer than {seconds} s to send this "
                              "recording; the download was stopped and nothing of it was kept. "
                              "Try again later, or restart the recorder."),
    # shorter than announced at every try (fetch.fetch_to_file)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent {got} of {count} bytes, {attempts} "
                              "times; the download was refused. Try again later, or restart the "
                              "recorder."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent {got} of the whole recording, "
                              "{attempts} times; the download was refused. Try again later, or "
                              "restart the recorder."),
    # an answer that is not footage (fetch._not_footage)
    QT_TRANSLATE_NOOP("core", "The recorder refused the password while downloading."),
    QT_TRANSLATE_NOOP("core", "The recorder answered a download with text instead of footage."),
    # the owner's stop (fetch._stop_if_cancelled, agent/index/remote_window.py)
    QT_TRANSLATE_NOOP("core", "the download from the recorder was cancelled"),
)
