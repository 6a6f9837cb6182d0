"""The core's words for a camera of a recorder that the recorder no longer lists
(agent/index/unrefreshed.py CHANNEL_GONE) or names otherwise (RENAMED_ON_DEVICE), and for
letting such a camera's mirrored recordings go (agent/owner_recorders.py
remove_recorder_camera), word for word as the agent writes them, and the app's words instead
of the command to type (IN_THE_APP: Settings' Remove camera and Rename camera buttons).
Qt-free data listed among core_templates' TEMPLATES (CHANNEL_GONE in core_recorder_templates'
place) and core_app_words' IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

CHANNEL_GONE = QT_TRANSLATE_NOOP("core", "{camera} is no longer among the recorder's cameras, so "
                                         "it was not refreshed. Its recordings found before are "
                                         "kept, marked as possibly out of date; if the camera is "
                                         "back on the recorder, they are refreshed again. If it "
                                         "was taken off the recorder for good, `footage-agent "
                                         "cameras remove` with this camera's name lets them go "
                                         "(nothing on the recorder is touched).")

# a channel the recorder names otherwise than when its camera was named
# (agent/index/unrefreshed.py RENAMED_ON_DEVICE)
RENAMED_ON_DEVICE = QT_TRANSLATE_NOOP("core", "The recorder now calls the channel of {camera} "
                                              "«{now}», not «{before}» as when that camera was "
                                              "named here, and its recordings are still listed "
                                              "under that name. If another camera is on that "
                                              "channel now, rename it here (footage-agent "
                                              "cameras rename) so they are not taken for the old "
                                              "camera's; renaming it ends this note.")

TEMPLATES: tuple[str, ...] = (
    RENAMED_ON_DEVICE,
    # remove_recorder_camera's refusals (`cameras remove`, Settings' Remove camera)
    QT_TRANSLATE_NOOP("core", "no camera is called '{camera}'"),
    QT_TRANSLATE_NOOP("core", "{camera} is still among the recorder's cameras, so its recordings "
                              "would be mirrored again at the next refresh; to stop mirroring "
                              "them, remove the recorder ({url})"),
    QT_TRANSLATE_NOOP("core", "{camera} is among the cameras of the recorder {url} and has no "
                              "recordings mirrored, so there is nothing to let go; to stop "
                              "mirroring it, remove the recorder"),
    QT_TRANSLATE_NOOP("core", "{camera} is the name of the recorder {url}, not of one of its "
                              "cameras, and has no recordings of its own: name the camera whose "
                              "recordings to let go, or remove the recorder to let all of them "
                              "go"),
    QT_TRANSLATE_NOOP("core", "{camera} has no recordings mirrored from a recorder (a recordings "
                              "folder's camera goes with its folder: `sources remove`)"),
)

IN_THE_APP: dict[str, str] = {
    RENAMED_ON_DEVICE: QT_TRANSLATE_NOOP("core", "The recorder now calls the channel of {camera} "
                                                 "«{now}», not «{before}» as when that camera "
                                                 "was named here, and its recordings are still "
                                                 "listed under that name. If another camera is "
                                                 "on that channel now, choose it in Settings' "
                                                 "list of cameras and press Rename camera, so "
                                                 "they are not taken for the old camera's; "
                                                 "renaming it ends this note."),
    CHANNEL_GONE: QT_TRANSLATE_NOOP("core", "{camera} is no longer among the recorder's cameras, "
                                            "so it was not refreshed. Its recordings found "
                                            "before are kept, marked as possibly out of date; if "
                                            "the camera is back on the recorder, they are "
                                            "refreshed again. If it was taken off the recorder "
                                            "for good, choose it in Settings' list of cameras "
                                            "and press Remove camera to let them go (nothing on "
                                            "the recorder is touched)."),
    TEMPLATES[-1]: QT_TRANSLATE_NOOP("core", "{camera} has no recordings mirrored from a "
                                             "recorder (a recordings folder's camera goes with "
                                             "its folder: remove the folder instead)"),
}
