"""The core's words for a cut that stops at what the owner may choose otherwise: damaged
frames the clip would leave out, a window copy mode finds no frames in, a camera's saved
privacy masks damaged (agent/export/clip_writer.py, agent/export/masks.py), word for word as the
agent writes them with the command line's options, and the words the app says instead
(IN_THE_APP): its own ticks, modes and buttons. Qt-free data placed in core_templates'
TEMPLATES and gathered in core_app_words' IN_THE_APP; marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

DAMAGED = QT_TRANSLATE_NOOP("core", "the recording is damaged there, and the clip would leave that "
                                    "out. Look at the recording, choose another time, or accept "
                                    "the loss explicitly (--accept-dropped-frames; in the app, "
                                    "tick 'Go on even if damaged frames must be left out'); the "
                                    "package then says how much was left out.")
NO_FRAMES_COPY = QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the window (copy "
                                           "mode starts at a keyframe; exact mode may find "
                                           "frames)")
MASKS_DAMAGED = QT_TRANSLATE_NOOP("core", "the saved masks of camera '{camera}' are damaged "
                                          "({reason}); draw them again in the app (Settings, "
                                          "Draw privacy masks) or set them with `footage-agent "
                                          "masks set`")

IN_THE_APP: dict[str, str] = {
    DAMAGED: QT_TRANSLATE_NOOP("core", "the recording is damaged there, and the clip would leave "
                                       "that out. Look at the recording, choose another time, or "
                                       "accept the loss: tick 'Go on even if damaged frames must "
                                       "be left out'; the package then says how much was left "
                                       "out."),
    NO_FRAMES_COPY: QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the chosen "
                                              "time (Original quality starts at a full picture; "
                                              "Exact start may find frames)"),
    # a camera's masks file that cannot be read (agent/export/masks.py): what is wrong inside
    # the file (a JSON parser's words) helps no owner, and the way out is the same whatever it is
    MASKS_DAMAGED: QT_TRANSLATE_NOOP("core", "the saved privacy masks of camera '{camera}' are "
                                             "damaged, and it is not exported without them: in "
                                             "Settings press Draw privacy masks\u2026, choose "
                                             "{camera}, draw its areas again and press Save "
                                             "masks"),
}
