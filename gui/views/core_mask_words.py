"""The core's words for a window whose recordings show only a picture a camera's privacy masks
were not drawn on (agent/export/mask_pictures.py), and what an approval refused so can do
(agent/requests/approval_change.py), word for word as it writes them, and the app's words
instead of the option to type (IN_THE_APP): in the app it is Use privacy masks.
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
# The masks page shows a picture of the masks' own shape (mask_pictures.for_the_page).
ONE_SHAPE = QT_TRANSLATE_NOOP("core", "its privacy masks fit one picture shape at a time, the one "
                                      "its latest recordings have, so choose a window recorded "
                                      "in that shape, or export this one without privacy masks "
                                      "(--no-masks) only if nothing they hide is in that picture")

# The same refused when an approval's delivery cuts it (agent/requests/approval_change.py
# masks_way_on): the approval is changed, the masks looked at again, or the request declined.
NOT_SENT_YET = QT_TRANSLATE_NOOP("core", "nothing has been sent yet")
SIGNED = QT_TRANSLATE_NOOP("core", "your signed approval may have reached the agency already, so "
                                   "it can no longer be changed")
AGAIN_AWAY = QT_TRANSLATE_NOOP("core", "approve it again with a time its main picture recorded, "
                                       "without that camera, or without privacy masks "
                                       "(--no-masks) only if nothing they hide is in that "
                                       "picture")
LOOK_THEN_AGAIN = QT_TRANSLATE_NOOP("core", "look at the masks again on a recording of this "
                                            "shape (Settings, Draw privacy masks) and save them, "
                                            "then approve it again")
OR_AGAIN = QT_TRANSLATE_NOOP("core", "or approve it again with another time, without that camera, "
                                     "or without privacy masks (--no-masks) only if nothing they "
                                     "hide is in that picture")
DECLINE = QT_TRANSLATE_NOOP("core", "decline the request to withdraw your approval")
OR_DECLINE = QT_TRANSLATE_NOOP("core", "or decline the request to withdraw your approval")
ONE_SHAPE_AGAIN = QT_TRANSLATE_NOOP("core", "its privacy masks fit one picture shape at a time, "
                                            "the one its latest recordings have, so approve it "
                                            "again with a time recorded in that shape, without "
                                            "that camera, or without privacy masks (--no-masks) "
                                            "only if nothing they hide is in that picture")
ONE_SHAPE_DECLINE = QT_TRANSLATE_NOOP("core", "its privacy masks fit one picture shape at a time, "
                                              "the one its latest recordings have, so decline the "
                                              "request to withdraw your approval")

# Masks drawn in the app past what a masks file may hold (agent/export/masks.py parse_masks,
# through agent/owner_exports.py set_masks): the canvas counts no areas or corners, so Save
# says these. The words a damaged file's reason gives stay unsaid in the app (MASKS_DAMAGED).
NOT_KEPT = (QT_TRANSLATE_NOOP("core", "these masks cannot be kept: {reason}"),
            QT_TRANSLATE_NOOP("core", "at most {count} polygons per camera (got {got})"),
            QT_TRANSLATE_NOOP("core", "at most {count} corners in all (got {got}): each export "
                                      "names every corner in the clip's Content Credentials"),
            QT_TRANSLATE_NOOP("core", "polygon {number}: needs 3 to {count} points (got {got})"))

TEMPLATES: tuple[str, ...] = (ONLY_CROP, ONLY_LENS, MASKS_AWAY, OTHER_SHAPE, LOOK_AGAIN,
                              ONE_SHAPE, NOT_SENT_YET, SIGNED, AGAIN_AWAY, LOOK_THEN_AGAIN,
                              OR_AGAIN, DECLINE, OR_DECLINE, ONE_SHAPE_AGAIN, ONE_SHAPE_DECLINE,
                              *NOT_KEPT)

IN_THE_APP: dict[str, str] = {
    MASKS_AWAY: QT_TRANSLATE_NOOP("core", "choose a window the main picture recorded, or untick "
                                          "Use privacy masks for this camera only if nothing "
                                          "they hide is in that picture"),
    LOOK_AGAIN: QT_TRANSLATE_NOOP("core", "look at the masks again on a recording of this shape "
                                          "(Settings, Draw privacy masks) and save them, or "
                                          "untick Use privacy masks for this camera only if "
                                          "nothing they hide is in that picture"),
    ONE_SHAPE: QT_TRANSLATE_NOOP("core", "its privacy masks fit one picture shape at a time, the "
                                         "one its latest recordings have, so choose a window "
                                         "recorded in that shape, or untick Use privacy masks "
                                         "for this camera only if nothing they hide is in that "
                                         "picture"),
    # the request page, its choices the owner's again while nothing has left this PC
    AGAIN_AWAY: QT_TRANSLATE_NOOP("core", "choose a time its main picture recorded, untick that "
                                          "camera, or untick Use privacy masks for it only if "
                                          "nothing they hide is in that picture, then press 'Try "
                                          "sending again'"),
    LOOK_THEN_AGAIN: QT_TRANSLATE_NOOP("core", "look at the masks again on a recording of this "
                                               "shape (Settings, Draw privacy masks) and save "
                                               "them, then press 'Try sending again'"),
    OR_AGAIN: QT_TRANSLATE_NOOP("core", "or choose another time, untick that camera, or untick "
                                        "Use privacy masks for it only if nothing they hide is "
                                        "in that picture, then press 'Try sending again'"),
    ONE_SHAPE_AGAIN: QT_TRANSLATE_NOOP("core", "its privacy masks fit one picture shape at a "
                                               "time, the one its latest recordings have, so "
                                               "choose a time recorded in that shape, untick that "
                                               "camera, or untick Use privacy masks for it only "
                                               "if nothing they hide is in that picture, then "
                                               "press 'Try sending again'"),
}
