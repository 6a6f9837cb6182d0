"""The core's words for a file of the app's folder that holds the owner's records found
damaged or cut short to nothing: the registrations file (agent/requests/registrations.py), the
index (agent/index/store_errors.py, agent/owner_index.py) and the inbox
(agent/requests/inbox_file.py), word for word as the agent writes them, and the words the app
says instead (IN_THE_APP): the app holds these files open, so it is quit before one is put back
or renamed. Qt-free data placed in core_templates' TEMPLATES and gathered in core_app_words'
IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

# a registrations file that cannot be read (agent/requests/registrations.py): Settings says it
REGISTRATIONS_DAMAGED = QT_TRANSLATE_NOOP("core", "the registrations file {path} is damaged; put "
                                                  "back a copy from a backup, or move it aside "
                                                  "(keep it) and register again (each agency can "
                                                  "retire the registrations it held)")
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

IN_THE_APP: dict[str, str] = {
    REGISTRATIONS_DAMAGED: QT_TRANSLATE_NOOP("core", "the registrations file {path} is damaged. "
                                                     "Quit footage-agent (Quit on its icon by the "
                                                     "clock), then put back a copy of the file "
                                                     "from a backup, or rename it to keep it, and "
                                                     "start footage-agent again: without a copy, "
                                                     "register again with each agency in Settings "
                                                     "(each agency can retire the registrations "
                                                     "it held)"),
    INDEX_DAMAGED: QT_TRANSLATE_NOOP("core", "the index {path} is damaged and cannot be used "
                                             "({detail}); it holds your recordings folders and "
                                             "camera names, not only the list of recordings, so "
                                             "do not delete it. Quit footage-agent (Quit on its "
                                             "icon by the clock), then put back a copy of the "
                                             "file from a backup, or rename it to keep it; start "
                                             "footage-agent again and add your recordings "
                                             "folders again in Settings with the same camera "
                                             "names"),
    INDEX_EMPTY: QT_TRANSLATE_NOOP("core", "the index {path} is empty (0 bytes), but your "
                                           "activity log shows recordings folders were added: it "
                                           "was cut short (a copy or restore that failed, a disk "
                                           "that filled). It held your recordings folders and "
                                           "camera names, so do not delete it. Quit "
                                           "footage-agent (Quit on its icon by the clock), then "
                                           "put back a copy of the file from a backup, or rename "
                                           "it to keep it; start footage-agent again and add "
                                           "your recordings folders again in Settings with the "
                                           "same camera names"),
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
}
