"""The core's words for a window whose recordings show only a picture a camera's privacy masks
were not drawn on (agent/export/mask_pictures.py), word for word as it writes them, and the
app's words instead of the option to type (IN_THE_APP): in the app it is Use privacy masks.
Qt-free data listed among core_templates' TEMPLATES and core_app_words' IN_THE_APP; marked for
Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# One sentence per picture: the picture's name is no value to keep, but words to translate.
ONLY_CROP = QT_TRANSLATE_NOOP("core", "from {start} to {end}, camera '{camera}' recorded only "
                                      "its crop picture ({name}), not the main picture its "
                                      "privacy masks were drawn on, where they would cover "
                                      "other places and leave what they hide in the clear")
ONLY_LENS = QT_TRANSLATE_NOOP("core", "from {start} to {end}, camera '{camera}' recorded only "
                                      "its other lens picture ({name}), not the main picture "
                                      "its privacy masks were drawn on, where they would cover "
                                      "other places and leave what they hide in the clear")
OTHER_SHAPE = QT_TRANSLATE_NOOP("core", "from {start} to {end}, camera '{camera}' recorded a "
                                        "picture of {width} x {height} pixels ({name}), another "
                                        "shape than the {drawn_width} x {drawn_height} picture "
                                        "its privacy masks were drawn on, where they would cover "
                                        "other places and leave what they hide in the clear")
LOOK_AGAIN = QT_TRANSLATE_NOOP("core", "look at the masks again on a recording of this shape "
                                       "(Settings, Draw privacy masks) and save them, or export "
                                       "this one without privacy masks (--no-masks) only if "
                                       "nothing they hide is in that picture")
MASKS_AWAY = QT_TRANSLATE_NOOP("core", "choose a window the main picture recorded, or export "
                                       "this one without privacy masks (--no-masks) only if "
                                       "nothing they hide is in that picture")

TEMPLATES: tuple[str, ...] = (ONLY_CROP, ONLY_LENS, MASKS_AWAY, OTHER_SHAPE, LOOK_AGAIN)

IN_THE_APP: dict[str, str] = {
    MASKS_AWAY: QT_TRANSLATE_NOOP("core", "choose a window the main picture recorded, or untick "
                                          "Use privacy masks for this camera only if nothing "
                                          "they hide is in that picture"),
    LOOK_AGAIN: QT_TRANSLATE_NOOP("core", "look at the masks again on a recording of this shape "
                                          "(Settings, Draw privacy masks) and save them, or "
                                          "untick Use privacy masks for this camera only if "
                                          "nothing they hide is in that picture"),
}
