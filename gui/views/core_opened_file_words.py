"""The core's words for a file opened as a request or an agency file that is not one
(frp/request.py, frp/agency.py, frp/jws_encoding.py), word for word as the agent writes them,
and the words the app says instead (IN_THE_APP): what the owner opened, and which file to ask
for. Qt-free data placed in core_templates' TEMPLATES and gathered in core_app_words'
IN_THE_APP; marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

NOT_A_TOKEN = QT_TRANSLATE_NOOP("core", "the request is not a well-formed signed token: {reason}")
NOT_TEXT = QT_TRANSLATE_NOOP("core", "the request is not text")
NOT_JSON = QT_TRANSLATE_NOOP("core", "the agency file is not valid JSON")
OTHER_VERSION = QT_TRANSLATE_NOOP("core", "the agency file is for protocol version {version}; this "
                                          "agent speaks FRP version 1 (\"frp\": 1)")

IN_THE_APP: dict[str, str] = {
    # the protocol's words for a file that is not a request at all (frp/request.py)
    NOT_A_TOKEN: QT_TRANSLATE_NOOP("core", "this file is not a footage request ({reason}): check "
                                           "that you opened the file the agency sent"),
    NOT_TEXT: QT_TRANSLATE_NOOP("core", "this file is not a footage request (it is not text): "
                                        "check that you opened the file the agency sent"),
    # an agency file that is not one, or not for this app (frp/agency.py, frp/jws_encoding.py)
    NOT_JSON: QT_TRANSLATE_NOOP("core", "this is not an agency file (it is not JSON): ask your "
                                        "city's camera program for its agency file, the .json "
                                        "file it publishes for camera owners"),
    OTHER_VERSION: QT_TRANSLATE_NOOP("core", "this agency file is for another version of the "
                                             "protocol ({version}) than this app's: ask your "
                                             "city's camera program for its current agency "
                                             "file"),
}
