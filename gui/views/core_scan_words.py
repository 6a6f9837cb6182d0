"""The core's words for a recordings folder missing or holding another disk, a recording
changed or gone since it was indexed, and a camera with nothing indexed yet (agent/index/scan.py,
changed.py, agent/owner_index.py), word for word as the agent writes them with the command to
type, and the words the app says instead (IN_THE_APP): it scans its folders by itself, and
its Settings and 'New card, same camera' do the rest. Qt-free data placed in core_templates'
TEMPLATES and gathered in core_app_words' IN_THE_APP; marked for Qt's translation in the "core"
context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

FOLDER_MISSING = QT_TRANSLATE_NOOP("core", "the recordings folder {path} is missing: connect the "
                                           "drive it is on, or forget it with `footage-agent "
                                           "sources remove`")
OTHER_DISK = QT_TRANSLATE_NOOP("core", "the recordings folder {path} now holds another disk than "
                                       "the one its recordings were indexed from (another card "
                                       "or drive in the same slot?); "
                                       "nothing was scanned and every recording indexed from it "
                                       "is kept. Put its own card or drive back; if this is a new "
                                       "card for the same camera, scan it with `footage-agent "
                                       "scan {again} --new-disk`; if it is another camera's, copy "
                                       "its recordings to a folder of their own and add that "
                                       "folder with that camera's name")
RUN_SCAN = QT_TRANSLATE_NOOP("core", "run `footage-agent scan` to index its folder (a scan that "
                                     "finds none there means the folder holds no video the app "
                                     "recognises)")
# a recording written over or replaced since the scan (agent/index/changed.py): the app scans
# its folders by itself, so there is nothing to type
CHANGED_SINCE_SCAN = QT_TRANSLATE_NOOP("core", "the recording {path} changed after it was indexed "
                                               "(a recorder wrote over it, or it was replaced), "
                                               "so its times in the index may not be its "
                                               "footage's; nothing was cut from it: scan the "
                                               "folder again, then export again")
# a recording deleted (a recorder making room), moved or unplugged before or while it was cut
# (agent/index/changed.py): the app scans its folders by itself
GONE_SINCE_SCAN = QT_TRANSLATE_NOOP("core", "the recording {path} is no longer there (a recorder "
                                            "deletes its oldest recordings to make room for new "
                                            "ones; or it was moved, or its drive was taken "
                                            "out), so nothing was made: scan the folder again, "
                                            "then export again what is still recorded")

IN_THE_APP: dict[str, str] = {
    FOLDER_MISSING: QT_TRANSLATE_NOOP("core", "the recordings folder {path} is missing: connect "
                                              "the drive it is on, or, if it is gone for good, "
                                              "remove the folder in Settings"),
    OTHER_DISK: QT_TRANSLATE_NOOP("core", "the recordings folder {path} now holds another disk "
                                          "than the one its recordings were indexed from "
                                          "(another card or drive in the same slot?); nothing "
                                          "was scanned and every recording "
                                          "indexed from it is kept. Put its own card or drive "
                                          "back; if this is a new card for the same camera, "
                                          "press 'New card, same camera'; if it is another "
                                          "camera's, copy its recordings to a folder of their "
                                          "own and add that folder in Settings with that "
                                          "camera's name"),
    RUN_SCAN: QT_TRANSLATE_NOOP("core", "check in Settings that its folder is connected; a folder "
                                        "whose files are not video the app recognises stays "
                                        "empty"),
    CHANGED_SINCE_SCAN: QT_TRANSLATE_NOOP("core", "the recording {path} changed after it was "
                                                  "indexed (a recorder wrote over it, or it was "
                                                  "replaced), so its times in the index may not "
                                                  "be its footage's; nothing was cut from it. The "
                                                  "app reads the folder again by itself (at once "
                                                  "for a folder on this computer, within 5 "
                                                  "minutes for a network share): then try again"),
    GONE_SINCE_SCAN: QT_TRANSLATE_NOOP("core", "the recording {path} is no longer there (a "
                                               "recorder deletes its oldest recordings to make "
                                               "room for new ones; or it was moved, or its drive "
                                               "was taken out), so nothing was made. The app "
                                               "reads the folder again by itself (at once for a "
                                               "folder on this computer, within 5 minutes for a "
                                               "network share): then export what is still "
                                               "recorded"),
}
