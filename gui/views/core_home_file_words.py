"""The core's words for a file of the app's own folder it cannot read or save, and for a
recordings folder it cannot add as given, word for word as the core writes them: each a head
before the OS's words (agent/os_words.py), which are sentences of their own, where it has them.
The registrations file (agent/requests/registrations.py), the owner key's folder and file
(agent/identity/keys.py, rotation.py: one not held, or not put in place), the settings and the
home itself (agent/config.py), the index and the inbox (agent/index/store.py, store_errors.py,
requests/inbox_file.py), and a folder added (agent/owner_sources.py) or a recorder's camera
named (agent/index/recorder_book.py). Qt-free data listed among core_templates' TEMPLATES,
marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "cannot read the registrations file"),
    QT_TRANSLATE_NOOP("core", "cannot save the registrations file"),
    QT_TRANSLATE_NOOP("core", "registration '{id}' with {agency} cannot be kept"),
    QT_TRANSLATE_NOOP("core", "Could not create the key folder"),
    QT_TRANSLATE_NOOP("core", "Could not save the owner key"),
    QT_TRANSLATE_NOOP("core", "Could not read the owner key"),
    QT_TRANSLATE_NOOP("core", "the settings cannot be read"),
    # a settings file there but not usable (agent/config.py _unusable): the "cannot start"
    # box says it, its {reason} one of json_fault's (core_file_words.py) or those below
    QT_TRANSLATE_NOOP("core", "the settings file {path} cannot be used: {reason}: fix it, or "
                              "delete it to go back to the default settings"),
    QT_TRANSLATE_NOOP("core", "it holds no settings"),
    QT_TRANSLATE_NOOP("core", "it is far larger than any settings file (over 1 MiB)"),
    QT_TRANSLATE_NOOP("core", "its {name} is {value}, where a whole number of seconds belongs"),
    QT_TRANSLATE_NOOP("core", "its {name} is {value}, where null (no limit) or a whole number "
                              "of bytes per second, 1 or more belongs"),
    QT_TRANSLATE_NOOP("core", "its {name} is {value}, where true or false belongs"),
    QT_TRANSLATE_NOOP("core", "cannot use {path} as the agent's home folder"),
    QT_TRANSLATE_NOOP("core", "the index cannot be opened"),
    QT_TRANSLATE_NOOP("core", "the inbox cannot be opened"),
    QT_TRANSLATE_NOOP("core", "the name of the folder {path} is not valid text (UTF-8), so the "
                              "index cannot keep it: rename the folder to ordinary letters and "
                              "digits, then add it again"),
    # a recordings folder added as given (owner_sources.py add_source)
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder: give the recordings folder that "
                              "holds it ({folder})"),
    QT_TRANSLATE_NOOP("core", "{path} is not a folder: check the path, or connect the drive it "
                              "is on"),
    # a recorder's camera named as another camera is or was (recorder_book.py)
    QT_TRANSLATE_NOOP("core", "a camera named '{name}' exists already (or was called that): "
                              "choose another name"),
    # an owner key not held, or not put in place at the end of a key change
    # (agent/owner_registrations.py key_for, agent/identity/rotation.py)
    QT_TRANSLATE_NOOP("core", "this registration is pinned to owner key {id}, which this app "
                              "does not hold; register again with a new invite code"),
    QT_TRANSLATE_NOOP("core", "Could not put the new owner key in place"),
    QT_TRANSLATE_NOOP("core", "run the key rotation again"),
)
