"""The core's words for a recording the index cannot use, word for word as the core writes
them: what an export of a window holding only such recordings names after its refusal
(agent/export/plan.py: "<path> is damaged (<why>)"), the why from reading the file
(agent/index/probe.py, agent/media/mp4box.py, agent/index/scan.py, agent/index/ring_files.py),
and what a scan's walk does not index and why (agent/index/walk.py, links.py).
FFmpeg's own words stay
as FFmpeg wrote them. Qt-free data listed among core_templates' TEMPLATES, marked for Qt's
translation in the "core" context."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

TEMPLATES: tuple[str, ...] = (
    # a file and its status (plan.py _why_not)
    QT_TRANSLATE_NOOP("core", "{path} is damaged ({reason})"),
    QT_TRANSLATE_NOOP("core", "{path} is unsupported ({reason})"),
    QT_TRANSLATE_NOOP("core", "{path} is empty ({reason})"),
    QT_TRANSLATE_NOOP("core", "{path} is in-progress ({reason})"),
    QT_TRANSLATE_NOOP("core", "{path} is ambiguous ({reason})"),
    QT_TRANSLATE_NOOP("core", "and {count} more"),
    # an MP4's boxes (mp4box.py)
    QT_TRANSLATE_NOOP("core", "no moov box: the recorder lost power before closing this file"),
    QT_TRANSLATE_NOOP("core", "zero-byte file"),
    QT_TRANSLATE_NOOP("core", "the MP4 index is corrupt ({reason}); the file cannot be played"),
    QT_TRANSLATE_NOOP("core", "a header box is shorter than it claims"),
    QT_TRANSLATE_NOOP("core", "the file was cut off inside its index (moov box): the recorder "
                              "stopped before finishing it"),
    QT_TRANSLATE_NOOP("core", "a media segment without its init segment (moov box); it plays "
                              "only together with the stream's init file"),
    QT_TRANSLATE_NOOP("core", "not a readable MP4: it holds neither an index (moov box) nor "
                              "media"),
    QT_TRANSLATE_NOOP("core", "not a readable MP4: the box structure is broken at byte {count}"),
    QT_TRANSLATE_NOOP("core", "the MP4 index lists no tracks; there is nothing to play"),
    QT_TRANSLATE_NOOP("core", "the file was cut off before its first complete fragment"),
    QT_TRANSLATE_NOOP("core", "the file was cut off: its media data ends before its index says, "
                              "so the end of the recording is missing"),
    QT_TRANSLATE_NOOP("core", "the file holds no video frames"),
    QT_TRANSLATE_NOOP("core", "the MP4 index says it lasts {length}, but its frames cover only "
                              "{held}: the index is corrupt, so the file cannot be placed in "
                              "time"),
    QT_TRANSLATE_NOOP("core", "the MP4 index gives an impossible duration ({count} days); the "
                              "index is corrupt, so the file cannot be placed in time"),
    # what FFmpeg made of it (probe.py)
    QT_TRANSLATE_NOOP("core", "FFmpeg cannot read this recording ({answer})"),
    QT_TRANSLATE_NOOP("core", "FFmpeg cannot read this .{ext} file ({answer}): it is damaged or "
                              "not really a recording"),
    QT_TRANSLATE_NOOP("core", "FFmpeg does not recognise this file's format ({answer})"),
    QT_TRANSLATE_NOOP("core", "this .{ext} file holds no readable container (FFmpeg could only "
                              "guess a bare {format} stream): it is damaged or not really a "
                              "recording"),
    QT_TRANSLATE_NOOP("core", "no video stream found in this .{ext} file (FFmpeg read it as "
                              "{format})"),
    QT_TRANSLATE_NOOP("core", "no video stream found in this file (FFmpeg read it as {format})"),
    QT_TRANSLATE_NOOP("core", "not a recording format (FFmpeg read it as {format})"),
    QT_TRANSLATE_NOOP("core", "its timestamps go back partway through (the camera restarted "
                              "while it was recorded), so its length cannot be read from them"),
    QT_TRANSLATE_NOOP("core", "Blue Iris .bvr recordings are in Blue Iris's own format; convert "
                              "or export them to MP4 in Blue Iris first"),
    QT_TRANSLATE_NOOP("core", "UniFi Protect .ubv files are in Ubiquiti's own format; export the "
                              "clips to MP4 from UniFi Protect first"),
    # the file itself (probe.py, scan.py)
    QT_TRANSLATE_NOOP("core", "in use by another program (a recorder program still writing it, a "
                              "backup, a video editor): it is read again at the next scan"),
    QT_TRANSLATE_NOOP("core", "the file disappeared before it could be read"),
    QT_TRANSLATE_NOOP("core", "this is a folder, not a file"),
    QT_TRANSLATE_NOOP("core", "still being written, so it cannot be read yet; the recorder "
                              "closes it within minutes, and then it can be used"),
    QT_TRANSLATE_NOOP("core", "still being written"),
    QT_TRANSLATE_NOOP("core", "the times worked out for it are not real dates"),
    QT_TRANSLATE_NOOP("core", "name matches no known recorder layout"),
    # what the walk of a recordings folder does not index (agent/index/walk.py, links.py)
    QT_TRANSLATE_NOOP("core", "a link to a file outside this recordings folder; links out of a "
                              "recordings folder are never followed (copy the file in if it "
                              "belongs here)"),
    QT_TRANSLATE_NOOP("core", "a link to a folder outside this recordings folder; links out of "
                              "a recordings folder are never followed: add the folder it leads "
                              "to as a recordings folder of its own"),
    QT_TRANSLATE_NOOP("core", "a link that leads to no file (to itself, round a loop of links, "
                              "or to a file no longer there); put the recording itself here to "
                              "index it"),
    QT_TRANSLATE_NOOP("core", "it went away during the scan: was the card or drive removed?"),
    QT_TRANSLATE_NOOP("core", "the file name is not valid text; rename it to index it"),
    # a name read as ASCII under the C locale without UTF-8 mode (agent/index/name_text.py)
    QT_TRANSLATE_NOOP("core", "this program was started with a language setting that reads "
                              "file names as plain ASCII (LC_ALL=C or LANG=C, with "
                              "PYTHONUTF8=0), so it cannot keep its name: start it with a UTF-8 "
                              "setting (LC_ALL=C.UTF-8, or PYTHONUTF8=1), then try again"),
    QT_TRANSLATE_NOOP("core", "this program was started with a language setting that reads "
                              "file names as plain ASCII (LC_ALL=C or LANG=C, with "
                              "PYTHONUTF8=0), so it cannot keep the name {path}: start it with "
                              "a UTF-8 setting (LC_ALL=C.UTF-8, or PYTHONUTF8=1), then try "
                              "again"),
    QT_TRANSLATE_NOOP("core", "no time in the name or the container"),
    # a recording inside a Hikvision ring file (ring_files.py), as index00.bin lists it
    QT_TRANSLATE_NOOP("core", "the camera was still recording this when the card was read: "
                              "index00.bin gives its start but not its end"),
    QT_TRANSLATE_NOOP("core", "index00.bin places this recording at bytes {first}-{last}, past "
                              "the end of the {bytes}-byte ring file (copied only in part?)"),
    QT_TRANSLATE_NOOP("core", "index00.bin lists a recording at byte {first}, but no MPEG-PS "
                              "pack starts there: the camera has recorded over it since"),
    # a card's index listing recordings it could not place (agent/index/ring_files.py LEFT_OUT)
    QT_TRANSLATE_NOOP("core", "the camera's index here lists recordings that could not be "
                              "placed in time ({count}: their times or places in the ring files "
                              "contradict the rest of the index, as a recording cut off by a "
                              "power cut leaves them), so they are not indexed: if you need "
                              "them, export them with the camera's own app"),
)
