"""README.txt: the package explained to whoever is handed it, in plain words.

A detective at the door, an insurer or a neighbour gets a folder of BagIt files with names
that mean nothing to them. The first file they can open says which file is the video, what
plays it, what it shows (camera and time), to keep the folder whole, and how to check it.
It is a tag file the tag manifest lists, so the owner's signature covers it: a receiver can
trust it as far as provenance.json, which it is written from, and `verify` holds its fact
lines (frp/readme_facts.py, which writes them) to that record. CRLF line ends, so Windows'
Notepad of any age shows its lines.
"""
from __future__ import annotations

from pathlib import Path

from frp.mp4tables import TableError, read_movie
from frp.readme_facts import (credentials_lines, first_frame_line, heading_lines,
                              hidden_lines, not_in_video_lines, open_line, sealed_line)

README = "README.txt"

# What plays the clip, by its video's MP4 sample entry. hev1 and avc3 (parameter sets inside
# the stream: a recording from MPEG-TS/PS or .dav, or GOPs of two encoders joined) are said
# apart: QuickTime Player opens H.265 only as hvc1.
_PLAYERS = {
    "avc1": ("H.264 video in an MP4 file: it plays in the video player that comes with "
             "Windows (Media Player, Films & TV) or a Mac (QuickTime Player), and in VLC."),
    "avc3": ("H.264 video in an MP4 file that carries its settings in the stream (avc3): it "
             "plays in VLC (free, for Windows, Mac and Linux); some players built into "
             "Windows or a Mac may not open it."),
    "hvc1": ("H.265 (HEVC) video in an MP4 file: it plays in QuickTime Player on a Mac and in "
             "VLC; on Windows, Media Player needs Microsoft's HEVC Video Extensions for it "
             "(from the Microsoft Store), or use VLC."),
    "hev1": ("H.265 (HEVC) video in an MP4 file that carries its settings in the stream "
             "(hev1): it plays in VLC (free, for Windows, Mac and Linux); QuickTime Player "
             "does not open this form, and on Windows, Media Player needs Microsoft's HEVC "
             "Video Extensions for it."),
    "mp4v": "Motion JPEG video in an MP4 file: it plays in VLC and most video players.",
}
_ANY = "Video in an MP4 file: it plays in VLC (free, for Windows, Mac and Linux)."


# What a file browser writes into data/ by itself when the receiver opens it to play the
# video (frp/bagit.py OS_LEFTOVERS), and the folders a NAS makes in each folder it shares
# (frp/bagit.py NAS_FOLDERS): footage-agent verify names them, but bagit.py just says the bag
# "is invalid", so the README says to delete them, with what to type where. The folders go
# with `rm -rf` / `rd /s /q`: the files in them have other names on every NAS.
# Windows' lines start with `cmd /c`: typed in PowerShell (the Terminal Windows 11 opens),
# `del` is Remove-Item, which takes neither `/a` nor more than one path, and fails, and so is
# `rd`, which takes neither `/s` nor `/q`.
_LEFTOVERS = (
    "  If bagit.py finds files in data/ that are not listed (\"Payload-Oxum validation",
    "  failed\"), a computer may have added them by itself when data/ was opened: a Mac's",
    "  .DS_Store and ._ files (on a USB stick or network drive), Windows' Thumbs.db and",
    "  desktop.ini, or the @eaDir and .AppleDouble folders of a NAS (a Synology, or one",
    "  sharing to Macs) the folder was kept on. They are not part of the package: delete",
    "  them, then check again (footage-agent verify names them):",
    "    find data -name '._*' -delete; rm -f data/.DS_Store data/Thumbs.db data/desktop.ini"
    "   (inside this folder, on a Mac)",
    "    rm -rf data/@eaDir data/.AppleDouble   (inside this folder, on a Mac)",
    "    cmd /c del /f /a data\\._* data\\.DS_Store data\\Thumbs.db data\\desktop.ini"
    "   (inside this folder, on Windows)",
    "    cmd /c rd /s /q data\\@eaDir data\\.AppleDouble   (inside this folder, on Windows)",
)


def video_entry(clip: Path) -> str:
    """The MP4 sample entry of `clip`'s video (avc1, hev1, ...), or "" when it cannot be read."""
    try:
        movie = read_movie(clip)
    except TableError:
        return ""
    return next((t.fourcc for t in movie.tracks if t.handler == "vide"), "")


def readme_text(record: dict, package: str, owner_id: str, entry: str, day: str) -> str:
    """The README of the package `package` whose provenance.json is `record`, sealed by
    `owner_id` on `day` (UTC, YYYY-MM-DD); `entry` is its clip's video sample entry
    (video_entry)."""
    camera, window, *zoned, made_for = heading_lines(record)
    not_in_video = not_in_video_lines(record)
    hidden = hidden_lines(record)
    lines = [
        "EVIDENCE PACKAGE made with footage-agent",
        "",
        camera,
        window,
        *("      " + line for line in zoned),
        made_for,
        "",
        "TO WATCH THE VIDEO",
        "  " + open_line(record),
        "  " + _PLAYERS.get(entry, _ANY),
        "  " + first_frame_line(record),
        "",
        *(["NOT IN THE VIDEO", *("  " + line for line in not_in_video), ""]
          if not_in_video else []),
        *(["HIDDEN BY THE OWNER", *("  " + line for line in hidden), ""] if hidden else []),
        "TO KEEP IT AS EVIDENCE",
        "  Keep and pass on this whole folder, exactly as it is: copy it, or play the video",
        "  from it, but do not rename, change or add any file in it (do not open the video in",
        "  an editor or converter and save it). Any change makes the check below fail.",
        *("  " + line for line in credentials_lines(record)),
        "",
        "TO CHECK IT",
        "  With footage-agent (free, open source):",
        f'    footage-agent verify "{package}"   (in the folder holding this one)',
        "  Or with the standard BagIt and minisign tools (bagit.py: pip install bagit;",
        "  minisign: https://jedisct1.github.io/minisign/):",
        f'    bagit.py --validate "{package}"   (in the folder holding this one)',
        f'    py -m bagit --validate "{package}"   (in the folder holding this one, on Windows '
        "when bagit.py is not found)",
        "    minisign -Vm tagmanifest-sha256.txt -p data/owner.pub   (inside this folder)",
        *_LEFTOVERS,
        "  " + sealed_line(day, owner_id),
        "  a key, not a person. Ask the owner for the id their app shows (when an export",
        "  ends, and in its Activity log; footage-agent keys show), or the agency, and compare.",
        "  data/provenance.json says where every second of the video came from.",
        "",
        "This file is part of the signed package (listed in tagmanifest-sha256.txt).",
    ]
    return "\r\n".join(lines) + "\r\n"
