"""The core's sentences whose advice is a command to type (the command line's way), word for
word as the agent writes them, and the words the app says instead (IN_THE_APP): its own
buttons and pages, in English too. Qt-free data for gui/views/core_words.py, listed among
core_templates' TEMPLATES; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views import core_agency_words as agency_words
from gui.views import core_clock_offset_words as clock_offset_words
from gui.views import core_command_line_words as command_line_words
from gui.views import core_face_words as face_words
from gui.views import core_mask_words as mask_words
from gui.views import core_package_file_words as package_file_words
from gui.views import core_package_words as package_words
from gui.views import core_registration_words as registration_words
from gui.views import core_zone_words as zone_words
from gui.views.words import QT_TRANSLATE_NOOP

PORTAL_BUSY = QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                        "{tries}); nothing is lost: approve it again later")
PORTAL_WAIT = QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                        "{tries}); it asks to wait {seconds} s: approve it again "
                                        "after that")
UPLOAD_FORGOTTEN = QT_TRANSLATE_NOOP("core", "{reason} The agent forgot that upload: approve it "
                                             "again to upload the package afresh; if this happens "
                                             "again, tell the agency")
CHANGED_WHILE_SENT = QT_TRANSLATE_NOOP("core", "the package for {camera} changed on disk while it "
                                               "was being sent; approve it again")
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
APPROVE_AGAIN = QT_TRANSLATE_NOOP("core", "{reason} (approve it again to resume)")
SEND_THE_REST = QT_TRANSLATE_NOOP("core", "approve it again to send the other cameras' footage")
DAMAGED = QT_TRANSLATE_NOOP("core", "the recording is damaged there, and the clip would leave that "
                                    "out. Look at the recording, choose another time, or accept "
                                    "the loss explicitly (--accept-dropped-frames; in the app, "
                                    "tick 'Go on even if damaged frames must be left out'); the "
                                    "package then says how much was left out.")
KEY_LOCKED = QT_TRANSLATE_NOOP("core", "The owner key is protected by a passphrase, and none "
                                       "was given. Set FOOTAGE_AGENT_PASSPHRASE to it, then start "
                                       "footage-agent again.")
# recorder passwords kept encrypted, the app started without the passphrase
# (agent/recorders/credentials.py)
RECORDERS_LOCKED = QT_TRANSLATE_NOOP("core", "This computer has no system keychain, so recorder "
                                             "passwords are kept encrypted with your passphrase: "
                                             "enter it (or set FOOTAGE_AGENT_PASSPHRASE for the "
                                             "command line).")
# an owner key file a power cut, a failing disk or another program left unreadable
# (agent/identity/keys.py, agent/owner_keys.py): the app holds the file open, so it is quit
# before the file is put back or renamed
KEY_DAMAGED = QT_TRANSLATE_NOOP("core", "The owner key file {path} is damaged and cannot be read. It "
                                        "signs your packages, your activity log and your "
                                        "registrations, so do not delete it: put back a copy of "
                                        "it from a backup. Without one, move it aside (keep it): "
                                        "a new key is then made, your activity log records the "
                                        "change as a gap, and you register again with each "
                                        "agency (ask it for a new invite code).")
KEY_OTHER_TYPE = QT_TRANSLATE_NOOP("core", "The owner key file {path} holds a key of the wrong "
                                           "type (not Ed25519). It signs your packages, your "
                                           "activity log and your registrations, so do not "
                                           "delete it: put back a copy of it from a backup. "
                                           "Without one, move it aside (keep it): a new key is "
                                           "then made, your activity log records the change as a "
                                           "gap, and you register again with each agency (ask it "
                                           "for a new invite code).")
# a registrations file that cannot be read (agent/requests/registrations.py): Settings says it
REGISTRATIONS_DAMAGED = QT_TRANSLATE_NOOP("core", "the registrations file {path} is damaged; put "
                                                  "back a copy from a backup, or move it aside "
                                                  "(keep it) and register again (each agency can "
                                                  "retire the registrations it held)")
NOT_A_TOKEN = QT_TRANSLATE_NOOP("core", "the request is not a well-formed signed token: {reason}")
NOT_TEXT = QT_TRANSLATE_NOOP("core", "the request is not text")
NO_FRAMES_COPY = QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the window (copy "
                                           "mode starts at a keyframe; exact mode may find "
                                           "frames)")
NOT_JSON = QT_TRANSLATE_NOOP("core", "the agency file is not valid JSON")
OTHER_VERSION = QT_TRANSLATE_NOOP("core", "the agency file is for protocol version {version}; this "
                                          "agent speaks FRP version 1 (\"frp\": 1)")
UNTRUSTED_RECEIPT = QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for {camera}, "
                                              "but its receipt cannot be trusted ({reason}), so "
                                              "it is not recorded as delivered. If approving it "
                                              "again brings no trusted receipt, call {caller} on "
                                              "the number in your trust store: it may have "
                                              "changed its keys, and then its new agency file is "
                                              "needed (`footage-agent agencies add FILE "
                                              "--replace`)")
RUN_SCAN = QT_TRANSLATE_NOOP("core", "run `footage-agent scan` to index its folder (a scan that "
                                     "finds none there means the folder holds no video the app "
                                     "recognises)")
MASKS_DAMAGED = QT_TRANSLATE_NOOP("core", "the saved masks of camera '{camera}' are damaged "
                                          "({reason}); draw them again in the app (Settings, "
                                          "Draw privacy masks) or set them with `footage-agent "
                                          "masks set`")
# a delivery the owner (or the app quitting) stopped (agent/requests/approval_run.py _reason)
STOPPED = QT_TRANSLATE_NOOP("core", "cancelled: {reason}")
STOPPED_BARE = QT_TRANSLATE_NOOP("core", "cancelled")
# an index that cannot be opened (agent/index/store_errors.py, agent/owner_index.py): the file
# cannot be moved aside while the app holds it, and "scan" is the command's word
INDEX_DAMAGED = QT_TRANSLATE_NOOP("core", "the index {path} is damaged and cannot be used "
                                          "({detail}); it holds your recordings folders and "
                                          "camera names, not only the list of recordings, so do "
                                          "not delete it: put back a copy from a backup, or move "
                                          "it aside (keep it) and add your recordings folders "
                                          "again with the same camera names, then scan")
INDEX_EMPTY = QT_TRANSLATE_NOOP("core", "the index {path} is empty (0 bytes), but your activity "
                                        "log shows recordings folders were added: it was cut "
                                        "short (a copy or restore that failed, a disk that "
                                        "filled). It held your recordings folders and camera "
                                        "names, so do not delete it: put back a copy from a "
                                        "backup, or move it aside (keep it) and add your "
                                        "recordings folders again with the same camera names, "
                                        "then scan")
INBOX_DAMAGED = QT_TRANSLATE_NOOP("core", "the inbox {path} is damaged and cannot be used "
                                          "({detail}); it holds the requests you received and "
                                          "what you decided and sent for each, so do not delete "
                                          "it: put back a copy from a backup, or move it aside "
                                          "(keep it): the requests then come in again from the "
                                          "agencies' portals, without what you decided on them "
                                          "here")
INBOX_EMPTY = QT_TRANSLATE_NOOP("core", "the inbox {path} is empty (0 bytes), but your activity "
                                        "log shows requests were received: it was cut short (a "
                                        "copy or restore that failed, a disk that filled). It "
                                        "held the requests you received and what you decided and "
                                        "sent for each, so do not delete it: put back a copy from "
                                        "a backup, or move it aside (keep it): the requests then "
                                        "come in again from the agencies' portals, without what "
                                        "you decided on them here")
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
    GONE_SINCE_SCAN: QT_TRANSLATE_NOOP("core", "the recording {path} is no longer there (a "
                                               "recorder deletes its oldest recordings to make "
                                               "room for new ones; or it was moved, or its drive "
                                               "was taken out), so nothing was made. The app "
                                               "reads the folder again by itself (at once for a "
                                               "folder on this computer, within 5 minutes for a "
                                               "network share): then export what is still "
                                               "recorded"),
    CHANGED_SINCE_SCAN: QT_TRANSLATE_NOOP("core", "the recording {path} changed after it was "
                                                  "indexed (a recorder wrote over it, or it was "
                                                  "replaced), so its times in the index may not "
                                                  "be its footage's; nothing was cut from it. The "
                                                  "app reads the folder again by itself (at once "
                                                  "for a folder on this computer, within 5 "
                                                  "minutes for a network share): then try again"),
    INBOX_DAMAGED: QT_TRANSLATE_NOOP("core", "the inbox {path} is damaged and cannot be used "
                                             "({detail}); it holds the requests you received and "
                                             "what you decided and sent for each, so do not "
                                             "delete it. Quit footage-agent (Quit on its icon by "
                                             "the clock), then put back a copy of the file from a "
                                             "backup, or rename it to keep it, and start "
                                             "footage-agent again: without a copy, the requests "
                                             "come in again from the agencies' portals, without "
                                             "what you decided on them here"),
    INBOX_EMPTY: QT_TRANSLATE_NOOP("core", "the inbox {path} is empty (0 bytes), but your "
                                           "activity log shows requests were received: it was "
                                           "cut short (a copy or restore that failed, a disk that "
                                           "filled). It held the requests you received and what "
                                           "you decided and sent for each, so do not delete it. "
                                           "Quit footage-agent (Quit on its icon by the clock), "
                                           "then put back a copy of the file from a backup, or "
                                           "rename it to keep it, and start footage-agent again: "
                                           "without a copy, the requests come in again from the "
                                           "agencies' portals, without what you decided on them "
                                           "here"),
    INDEX_DAMAGED: QT_TRANSLATE_NOOP("core", "the index {path} is damaged and cannot be used "
                                             "({detail}); it holds your recordings folders and "
                                             "camera names, not only the list of recordings, so "
                                             "do not delete it. Quit footage-agent (Quit on its icon by "
                                             "the clock), then put back a copy of the file from "
                                             "a backup, or rename it to keep it; start "
                                             "footage-agent again and add your recordings "
                                             "folders again in Settings with the same camera "
                                             "names"),
    INDEX_EMPTY: QT_TRANSLATE_NOOP("core", "the index {path} is empty (0 bytes), but your "
                                           "activity log shows recordings folders were added: it "
                                           "was cut short (a copy or restore that failed, a disk "
                                           "that filled). It held your recordings folders and "
                                           "camera names, so do not delete it. Quit footage-agent (Quit on its icon by "
                                             "the clock), then put back a copy of the file from "
                                             "a backup, or rename it to keep it; start "
                                             "footage-agent again and add your recordings "
                                             "folders again in Settings with the same camera "
                                             "names"),
    # the request page says it beside 'Try sending again', which sends what was approved
    STOPPED: QT_TRANSLATE_NOOP("core", "it was stopped before it was all sent ({reason}): press "
                                       "'Try sending again' to send it"),
    STOPPED_BARE: QT_TRANSLATE_NOOP("core", "it was stopped before it was all sent: press 'Try "
                                            "sending again' to send it"),
    # a camera's masks file that cannot be read (agent/export/masks.py): what is wrong inside
    # the file (a JSON parser's words) helps no owner, and the way out is the same whatever it is
    MASKS_DAMAGED: QT_TRANSLATE_NOOP("core", "the saved privacy masks of camera '{camera}' are "
                                             "damaged, and it is not exported without them: in "
                                             "Settings press Draw privacy masks\u2026, choose "
                                             "{camera}, draw its areas again and press Save "
                                             "masks"),
    # a receipt that cannot be trusted (agent/requests/package_delivery.py)
    UNTRUSTED_RECEIPT: QT_TRANSLATE_NOOP("core", "{agency}'s portal took the package for "
                                                 "{camera}, but its receipt cannot be trusted "
                                                 "({reason}), so it is not recorded as "
                                                 "delivered. If Try sending again brings no "
                                                 "trusted receipt, call {caller} on the number "
                                                 "in your trust store: it may have changed its "
                                                 "keys, and then its new agency file is needed "
                                                 "(Settings, Add an agency file)"),
    RUN_SCAN: QT_TRANSLATE_NOOP("core", "check in Settings that its folder is connected; a folder "
                                        "whose files are not video the app recognises stays "
                                        "empty"),
    # an agency file that is not one, or not for this app (frp/agency.py, frp/jws_encoding.py)
    NOT_JSON: QT_TRANSLATE_NOOP("core", "this is not an agency file (it is not JSON): ask your "
                                        "city's camera program for its agency file, the .json "
                                        "file it publishes for camera owners"),
    OTHER_VERSION: QT_TRANSLATE_NOOP("core", "this agency file is for another version of the "
                                             "protocol ({version}) than this app's: ask your "
                                             "city's camera program for its current agency "
                                             "file"),
    NO_FRAMES_COPY: QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the chosen "
                                              "time (Original quality starts at a full picture; "
                                              "Exact start may find frames)"),
    # the protocol's words for a file that is not a request at all (frp/request.py)
    NOT_A_TOKEN: QT_TRANSLATE_NOOP("core", "this file is not a footage request ({reason}): check "
                                           "that you opened the file the agency sent"),
    NOT_TEXT: QT_TRANSLATE_NOOP("core", "this file is not a footage request (it is not text): "
                                        "check that you opened the file the agency sent"),
    RECORDERS_LOCKED: QT_TRANSLATE_NOOP("core", "This computer has no system keychain, so "
                                                "recorder passwords are kept encrypted with your "
                                                "passphrase: type it at the top of the window and "
                                                "press Unlock."),
    REGISTRATIONS_DAMAGED: QT_TRANSLATE_NOOP("core", "the registrations file {path} is damaged. "
                                                     "Quit footage-agent (Quit on its icon by the "
                                                     "clock), then put back a copy of the file "
                                                     "from a backup, or rename it to keep it, and "
                                                     "start footage-agent again: without a copy, "
                                                     "register again with each agency in Settings "
                                                     "(each agency can retire the registrations "
                                                     "it held)"),
    KEY_DAMAGED: QT_TRANSLATE_NOOP("core", "The owner key file {path} is damaged and cannot be "
                                           "read. It signs your packages, your activity log and "
                                           "your registrations, so do not delete it. Quit "
                                           "footage-agent (Quit on its icon by the clock), then "
                                           "put back a copy of the file from a backup. Without "
                                           "one, rename it to keep it and start footage-agent "
                                           "again: a new key is then made, your activity log "
                                           "records the change as a gap, and you register again "
                                           "with each agency in Settings (ask it for a new "
                                           "invite code)."),
    KEY_OTHER_TYPE: QT_TRANSLATE_NOOP("core", "The owner key file {path} holds a key of the wrong "
                                              "type (not Ed25519). It signs your packages, your "
                                              "activity log and your registrations, so do not "
                                              "delete it. Quit footage-agent (Quit on its icon by "
                                              "the clock), then put back a copy of the file from "
                                              "a backup. Without one, rename it to keep it and "
                                              "start footage-agent again: a new key is then made, "
                                              "your activity log records the change as a gap, and "
                                              "you register again with each agency in Settings "
                                              "(ask it for a new invite code)."),
    KEY_LOCKED: QT_TRANSLATE_NOOP("core", "Your signing key is protected by a passphrase: type it "
                                          "at the top of the window and press Unlock, then try "
                                          "again."),
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
    APPROVE_AGAIN: QT_TRANSLATE_NOOP("core", "{reason} (open the request and press 'Try "
                                             "sending again' to resume)"),
    SEND_THE_REST: QT_TRANSLATE_NOOP("core", "press 'Try sending again' to send the other "
                                             "cameras' footage"),
    PORTAL_BUSY: QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                           "{tries}); nothing is lost: open the request and "
                                           "press 'Try sending again' later"),
    PORTAL_WAIT: QT_TRANSLATE_NOOP("core", "{agency}'s portal is busy or down (HTTP {status}, "
                                           "{tries}); it asks to wait {seconds} s: then open the "
                                           "request and press 'Try sending again'"),
    UPLOAD_FORGOTTEN: QT_TRANSLATE_NOOP("core", "{reason} The agent forgot that upload: press 'Try "
                                                "sending again' to upload the package afresh; if "
                                                "this happens again, tell the agency"),
    CHANGED_WHILE_SENT: QT_TRANSLATE_NOOP("core", "the package for {camera} changed on disk while "
                                                  "it was being sent; press 'Try sending again'"),
    DAMAGED: QT_TRANSLATE_NOOP("core", "the recording is damaged there, and the clip would leave "
                                       "that out. Look at the recording, choose another time, or "
                                       "accept the loss: tick 'Go on even if damaged frames must "
                                       "be left out'; the package then says how much was left "
                                       "out."),
    **agency_words.IN_THE_APP,
    **zone_words.IN_THE_APP,
    **clock_offset_words.IN_THE_APP,
    **command_line_words.IN_THE_APP,
    **mask_words.IN_THE_APP,
    **face_words.IN_THE_APP,
    **package_words.IN_THE_APP,
    **registration_words.IN_THE_APP,
    **package_file_words.IN_THE_APP,
}
