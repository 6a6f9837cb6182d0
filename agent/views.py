"""What the Agent hands its callers (the app above all): frozen records, by name, in one place.

The app imports these types from here and nothing else of the agent beyond `agent.service` and
`agent.events`; each is defined next to the code that makes it and re-exported here. So is the
display sanitiser (frp.text: `one_line`, `multi_line`): the app shows what requests, portals and
files say through the same rule as the command line. So is the protocol's limit on a message or
a decline reason (frp.claims.MAX_MESSAGE_CHARS), which the app's reason box keeps to. So is
the one way a file is written whole and put in place over another (agent.storage.write_atomic:
its temporary file removed whatever fails, the move tried again for a moment on Windows while
another program holds the file), which the app's login entry is written by. So is what a
folder the owner typed names (agent.owner_paths.drive_rooted: `E:` the drive's root, a network
computer without its shared folder NotAFolderPath), which the Export page's folder box takes.
"""
from __future__ import annotations

from agent.audit.log import AuditReport
from agent.config import Settings
from agent.export.clip_writer import headless_words, stepped_words
from agent.export.mask_bitmap import covers_a_pixel
from agent.export.mask_pictures import drawn_on, same_shape
from agent.export.masks import CameraMasks, Polygon, encloses_area
from agent.identity.certificates import SigningChain
from agent.index.camera_names import folder_camera_name, offered_name
from agent.index.camera_renames import Renamed
from agent.index.cameras import IndexedCamera
from agent.index.clock_repeats import Repeat
from agent.index.coverage import Coverage, Mark, Overlap, Span
from agent.index.first_look import FolderFacts
from agent.index.mirror import Refresh
from agent.index.recorder_book import RecorderSource
from agent.index.rows import FileRow, Source
from agent.index.scan import ScanReport
from agent.media.frame_reader import PreviewFrame, picture_rank
from agent.owner_paths import NotAFolderPath, drive_rooted
from agent.owner_recorders import RecorderAdded, RecorderCheck
from agent.owner_records import DamagedAgencyFile, LogRecord
from agent.recorders.connect import RecorderAddress
from agent.owner_registrations import RegistrationReadiness, RegistrationView
from agent.requests.hold_copies import HOLD_COPYING, HOLD_DOWNLOADING, HOLD_WAITING
from agent.requests.holds import HeldFile, Hold
from agent.requests.agency_changes import shared_key_marks
from agent.requests.key_rotation import KeyRotation
from agent.requests.poll_trouble import PortalTrouble
from agent.requests.desk_decisions import SENDING_DECLINE
from agent.requests.polling import SyncReport
from agent.requests.records import WRONG_KEY, Approval, Delivery
from agent.requests.view import RequestView
from agent.storage import write_atomic
from agent.timebase import usable_clock_offset
from frp.agency import Agency
from frp.certificates import CertificateFacts
from frp.claims import MAX_MESSAGE_CHARS
from frp.registration import CAMERA_NAME_CHARS, Camera, Contact
from frp.text import multi_line, one_line

__all__ = [
    # the index: recordings folders, their files and what a window of one camera holds
    "Source", "FileRow", "ScanReport", "FolderFacts", "Coverage", "Span", "Overlap", "Mark",
    "IndexedCamera", "Renamed", "Repeat",
    # the name a recordings folder offers its camera (a network share's root: its share's), and
    # a name a device gives made one a camera may hold (a recorder's, in its step)
    "folder_camera_name", "offered_name",
    # what a folder the owner typed names (`E:` the drive's root; `\\nas` alone is none)
    "drive_rooted", "NotAFolderPath",
    # recorders on the network: how one is reached, what it said, how its mirroring stands
    "RecorderAddress", "RecorderCheck", "RecorderAdded", "RecorderSource", "Refresh",
    # previews and exports, and how an export's Content Credentials read (who vouches for them)
    "PreviewFrame", "CameraMasks", "Polygon", "SigningChain",
    # which of a camera's pictures a recording shows (main first): the one masks are drawn on
    "picture_rank",
    # whether a picture has the shape of the one a camera's masks were drawn on
    "same_shape",
    # the picture the masks page shows a camera on (its latest main recording's size)
    "drawn_on",
    # whether the corners drawn make an area a mask can hide (not all on one line)
    "encloses_area",
    # whether they go around a whole pixel of the picture they are drawn on
    "covers_a_pixel",
    # what an export says of a recording it could read only in part
    "headless_words", "stepped_words",
    # requests, their decisions and deliveries
    "RequestView", "Approval", "Delivery", "Hold", "HeldFile", "SyncReport", "PortalTrouble",
    # the stage a decline reports while it sends the decision (the app offers Stop then)
    "SENDING_DECLINE",
    # the stages a safe copy reports (opening a request file says them while it copies)
    "HOLD_WAITING", "HOLD_COPYING", "HOLD_DOWNLOADING",
    # a decline the portal refused for a key rotated elsewhere: signed anew once keys are back
    "WRONG_KEY",
    # whether a folder's clock offset can be used (one an older version saved may not be)
    "usable_clock_offset",
    # the most characters a message or a decline reason may hold (the protocol's limit)
    "MAX_MESSAGE_CHARS",
    # the owner's records and settings
    "Agency", "DamagedAgencyFile", "LogRecord", "AuditReport", "Settings",
    # what marks two trusted agencies listing one key (an older version imported both)
    "shared_key_marks",
    # registrations: what the owner registers (Contact, Camera), what is held, the key
    # (a camera's name in at most CAMERA_NAME_CHARS characters)
    "Contact", "Camera", "CAMERA_NAME_CHARS", "RegistrationView", "RegistrationReadiness",
    "CertificateFacts",
    "KeyRotation",
    # the one display sanitiser (frp/text.py) for every string from a request, portal or file
    "one_line", "multi_line",
    # writing a file whole and putting it in place, as the agent's own files are
    "write_atomic",
]
