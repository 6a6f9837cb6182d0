"""The core's words for the owner key locked (no passphrase given), damaged or of another type
(agent/identity/keys.py, agent/owner_keys.py), and for recorder passwords kept encrypted while
the passphrase is not given (agent/recorders/credentials.py), word for word as the agent writes
them with the command line's advice, and the words the app says instead (IN_THE_APP): type the
passphrase at the top of the window; quit the app before the file is put back. Qt-free data
placed in core_templates' TEMPLATES and gathered in core_app_words' IN_THE_APP; marked for Qt's
translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

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
KEY_DAMAGED = QT_TRANSLATE_NOOP("core", "The owner key file {path} is damaged and cannot be "
                                        "read. It signs your packages, your activity log and your "
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

IN_THE_APP: dict[str, str] = {
    KEY_LOCKED: QT_TRANSLATE_NOOP("core", "Your signing key is protected by a passphrase: type it "
                                          "at the top of the window and press Unlock, then try "
                                          "again."),
    RECORDERS_LOCKED: QT_TRANSLATE_NOOP("core", "This computer has no system keychain, so "
                                                "recorder passwords are kept encrypted with your "
                                                "passphrase: type it at the top of the window and "
                                                "press Unlock."),
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
}
