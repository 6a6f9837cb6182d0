"""The core's words for a clip that could not be written, finished or saved to the disk
(agent/export/clip_writer.py, output.py, cut.py), word for word as the core writes them, the
system's own words in brackets: a disk that failed or filled part way, a file another program
holds; and for a recording the cut cannot read (source.py, nal.py, output.py) or re-encode
(reencode.py), FFmpeg's own words in brackets; and a clip's Content Credentials not made or
added (credentials.py), or face detection failing part way (faces.py). What the Export page, the
request's page and the activity show; Qt-free data listed among core_templates' TEMPLATES,
marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("core", "the clip could not be written ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip could not be finished ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip cannot be written in {path} ({reason})"),
    QT_TRANSLATE_NOOP("core", "the cut clip could not be read back or saved to the disk "
                              "({reason})"),
    # a recording the cut cannot read (agent/export/source.py, nal.py, output.py)
    QT_TRANSLATE_NOOP("core", "the recording {name} cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("core", "the recording {name} holds no video"),
    QT_TRANSLATE_NOOP("core", "the recording {name} holds no readable video frames"),
    QT_TRANSLATE_NOOP("core", "no recordings cover this window"),
    QT_TRANSLATE_NOOP("core", "a recording's codec header (SPS/PPS) is damaged"),
    QT_TRANSLATE_NOOP("core", "the recording's codec header could not be converted for MP4"),
    # the re-encoder of an exact cut, privacy masks or blurred faces (reencode.py)
    QT_TRANSLATE_NOOP("core", "the re-encoder ({name}) failed"),
    QT_TRANSLATE_NOOP("core", "the re-encoder ({name}) lost frames"),
    QT_TRANSLATE_NOOP("core", "the re-encoder {name} is not available here ({reason})"),
    QT_TRANSLATE_NOOP("core", "the re-encoded frames could not be joined in time order"),
    # the clip's Content Credentials not made or not added (agent/export/credentials.py), and
    # face blurring failing part way (faces.py)
    QT_TRANSLATE_NOOP("core", "the clip's boxes cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip ended while it was hashed"),
    QT_TRANSLATE_NOOP("core", "the clip's last box does not end where the file does"),
    QT_TRANSLATE_NOOP("core", "the C2PA library could not sign the clip's manifest"),
    QT_TRANSLATE_NOOP("core", "the C2PA library returned something other than a C2PA box"),
    QT_TRANSLATE_NOOP("core", "the clip changed while its credentials were made"),
    QT_TRANSLATE_NOOP("core", "the credentials could not be added to the clip ({reason})"),
    QT_TRANSLATE_NOOP("core", "the clip does not end with exactly the Content Credentials signed "
                              "for it"),
    QT_TRANSLATE_NOOP("core", "face detection failed ({reason})"),
)
