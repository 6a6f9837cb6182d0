"""The core's words for a recorder's answer to a search, a list or a call that the agent cannot
use, word for word as the core writes them (agent/recorders/dahua.py, reolink.py,
reolink_answers.py, wire.py), and the file keeping their passwords damaged: met when the app
adds or tests a recorder, and when it exports or holds its footage. Qt-free data listed among
core_templates' TEMPLATES, marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "The recorder did not create a search (mediaFileFind)."),
    QT_TRANSLATE_NOOP("core", "The recorder's answer to {cmd} has no value."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} answered a search with something that is "
                              "not Reolink's list of recordings."),
    QT_TRANSLATE_NOOP("core", "A Reolink search result has no readable start or end."),
    QT_TRANSLATE_NOOP("core", "The recorder's list of channels is not in Reolink's form."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} sent an answer larger than {count} MiB to "
                              "a {method} {path}; ignored."),
    QT_TRANSLATE_NOOP("core", "The connection to the recorder at {where} failed ({reason})."),
    # a user name or password no recorder of the make can have: nothing sent
    # (agent/recorders/connect.py DIGEST_USER, reolink_answers.py NOT_REOLINK_TEXT)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} was not sent the user name: it holds a "
                              "character other than plain letters (a-z, A-Z), digits and the "
                              "symbols of a US keyboard, which the recorder's sign-in (HTTP "
                              "Digest) cannot carry. Nothing was tried: check it as the "
                              "recorder's own screen or web page shows it."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} was not sent the password: a Reolink's "
                              "password holds only plain letters (a-z, A-Z), digits and the "
                              "symbols of a US keyboard, and this one holds another character, so "
                              "it cannot be right. Nothing was tried (a Reolink locks an address "
                              "out after three wrong tries): check it as the Reolink app shows "
                              "it."),
    # a Dahua's search answered Error part-way (agent/recorders/dahua_search.py CUT_SHORT)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} stopped its search part-way through this "
                              "camera's recordings, so not all of them could be read."),
    # a search listing recordings without end (agent/recorders/model.py TOO_MANY)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} listed more than 100,000 recordings in one "
                              "search of this camera, more than a recorder makes (one a minute "
                              "for two months), so its list was read no further and not used."),
    # the file keeping recorder passwords encrypted, damaged (agent/recorders/credentials.py)
    QT_TRANSLATE_NOOP("core", "{name} in the home folder is damaged; remove it and add the "
                              "recorders' passwords again."),
    QT_TRANSLATE_NOOP("core", "{name} in the home folder is damaged."),
    # that file not read at all (a named pipe, a device, a read error): the OS's words follow
    QT_TRANSLATE_NOOP("core", "the recorder passwords cannot be read"),
)
