"""The core's most common sentences, word for word as the agent writes them, each with
`{name}` where the agent puts a value (Qt-free data for gui/views/core_words.py, which matches
and translates them); those whose advice is a command to type, with the words the app says
instead, in a module of their topic each (core_sending_words, core_scan_words, core_key_words,
core_home_damage_words, core_opened_file_words, core_cut_words), their IN_THE_APP gathered in
core_app_words. Marked for Qt's translation in the "core" context."""
from __future__ import annotations

from gui.views.core_app_words import IN_THE_APP  # noqa: F401 (core_words' way in)
from gui.views.core_cut_words import DAMAGED, MASKS_DAMAGED, NO_FRAMES_COPY
from gui.views.core_home_damage_words import (INBOX_DAMAGED, INBOX_EMPTY, INDEX_DAMAGED,
                                              INDEX_EMPTY, REGISTRATIONS_DAMAGED)
from gui.views.core_key_words import KEY_DAMAGED, KEY_LOCKED, KEY_OTHER_TYPE, RECORDERS_LOCKED
from gui.views.core_opened_file_words import NOT_A_TOKEN, NOT_JSON, NOT_TEXT, OTHER_VERSION
from gui.views.core_scan_words import (CHANGED_SINCE_SCAN, FOLDER_MISSING, GONE_SINCE_SCAN,
                                       OTHER_DISK, RUN_SCAN)
from gui.views.core_sending_words import (APPROVE_AGAIN, CHANGED_WHILE_SENT, FOREIGN_ADDRESS,
                                          PORTAL_BUSY,
                                          PORTAL_WAIT, SEND_THE_REST, STOPPED, STOPPED_BARE,
                                          SUBMISSION_REFUSED, UNTRUSTED_RECEIPT,
                                          MISFIT_RECEIPT,
                                          UPLOAD_FORGOTTEN)
from gui.views.core_recorder_templates import RECORDERS
from gui.views import core_recorder_clock_words as recorder_clock_words
from gui.views import core_recorder_answer_words as recorder_answer_words
from gui.views import core_agency_words as agency_words
from gui.views import core_camera_words as camera_words
from gui.views import core_recorder_camera_words as recorder_camera_words
from gui.views import core_certificate_words as certificate_words
from gui.views import core_clip_words as clip_words
from gui.views import core_decision_words as decision_words
from gui.views import core_download_words as download_words
from gui.views import core_face_words as face_words
from gui.views import core_file_words as file_words
from gui.views import core_clock_offset_words as clock_offset_words
from gui.views import core_command_line_words as command_line_words
from gui.views import core_folder_words as folder_words
from gui.views import core_file_reason_words as file_reason_words
from gui.views import core_placement_words as placement_words
from gui.views import core_hold_words as hold_words
from gui.views import core_home_file_words as home_file_words
from gui.views import core_log_words as log_words
from gui.views import core_home_words as home_words
from gui.views import core_portal_words as portal_words
from gui.views import core_recording_words as recording_words
from gui.views import core_registration_words as registration_words
from gui.views import core_service_words as service_words
from gui.views import core_receipt_words as receipt_words
from gui.views import core_token_words as token_words
from gui.views import core_shared_key_words as shared_key_words
from gui.views import core_mask_words as mask_words
from gui.views import core_package_words as package_words
from gui.views import core_package_file_words as package_file_words
from gui.views import core_zone_words as zone_words
from gui.views.words import QT_TRANSLATE_NOOP

# A file the OS did not name (agent/os_words.py says "a file" then).
A_FILE = QT_TRANSLATE_NOOP("core", "a file")
# What an approval hides (agent/requests/approval_choices.py hidden_words), a {hidden} value.
HIDDEN = (QT_TRANSLATE_NOOP("core", "privacy masks"), QT_TRANSLATE_NOOP("core", "faces blurred"),
          QT_TRANSLATE_NOOP("core", "nothing"))


TEMPLATES: tuple[str, ...] = (
    # first: the OS's "{path} is in use by another program" below would take these whole, with
    # "the index" as part of the path (agent/index/store_errors.py disk_words)
    QT_TRANSLATE_NOOP("core", "the index {path} is in use by another program: close it, then try "
                              "again"),
    QT_TRANSLATE_NOOP("core", "the inbox {path} is in use by another program: close it, then try "
                              "again"),
    # agent/os_words.py: the operating system's errors
    QT_TRANSLATE_NOOP("core", "the disk holding {path} is full: free some space there, or "
                              "choose another folder"),
    QT_TRANSLATE_NOOP("core", "{path} is on a read-only disk (a locked SD card, a "
                              "write-protected USB stick or a read-only share): unlock it, or "
                              "choose another folder"),
    QT_TRANSLATE_NOOP("core", "{path} already exists: choose another name or folder (nothing "
                              "was overwritten)"),
    QT_TRANSLATE_NOOP("core", "permission denied for {path}: your user account may not do "
                              "this there; choose another folder, or ask whoever owns it"),
    QT_TRANSLATE_NOOP("core", "{path} does not exist: check the path, or connect the drive it "
                              "is on"),
    QT_TRANSLATE_NOOP("core", "{path} is not a folder (part of the path is a file): check the "
                              "path"),
    QT_TRANSLATE_NOOP("core", "{path} is a folder where a file was expected: check the path"),
    QT_TRANSLATE_NOOP("core", "{path} is not a name Windows can use: a file or folder name may "
                              "not hold any of <>:\"|?*, and a folder given in quotes must not "
                              "end in a backslash (\"E:\\\" reaches the program as E:\", so "
                              "write E:\\ without quotes); check the path"),
    QT_TRANSLATE_NOOP("core", "{path} is not empty: choose an empty or new folder"),
    QT_TRANSLATE_NOOP("core", "the disk holding {path} could not be read or written "
                              "(input/output error): check the drive and its cable; the drive "
                              "may be failing"),
    QT_TRANSLATE_NOOP("core", "the drive holding {path} is not there any more: connect it "
                              "again"),
    QT_TRANSLATE_NOOP("core", "{path} is in use by another program: close it, then try again"),
    QT_TRANSLATE_NOOP("core", "too many files are open at once: close other programs, then try "
                              "again"),
    QT_TRANSLATE_NOOP("core", "the name {path} is too long for this disk: choose a shorter "
                              "folder"),
    QT_TRANSLATE_NOOP("core", "{path} points back at itself through links: check the path"),
    QT_TRANSLATE_NOOP("core", "{path} is on another disk than the folder it had to move into: "
                              "choose a folder on the same disk"),
    QT_TRANSLATE_NOOP("core", "{path} is too big for this disk (FAT32 holds files up to 4 GB): "
                              "choose a disk formatted as exFAT or NTFS, or a shorter window"),
    QT_TRANSLATE_NOOP("core", "the program reading the output stopped"),
    QT_TRANSLATE_NOOP("core", "interrupted"),
    # a delivery cut off by a crash (agent/requests/approval_run.py)
    QT_TRANSLATE_NOOP("core", "footage-agent stopped before the footage was sent (the PC shut "
                              "down, or the program was ended)"),
    QT_TRANSLATE_NOOP("core", "footage-agent stopped while the footage was being sent, before "
                              "the agency's receipt for it was kept (the PC shut down, the "
                              "program was ended, or the disk was full)"),
    QT_TRANSLATE_NOOP("core", "the connection timed out: check that this computer is online, "
                              "then try again"),
    QT_TRANSLATE_NOOP("core", "the connection was refused: the other side is not answering; "
                              "try again later"),
    QT_TRANSLATE_NOOP("core", "the connection was cut off: try again"),
    QT_TRANSLATE_NOOP("core", "what came back was no web answer this app can read (a faulty "
                              "server, or a device on this network standing in its place, "
                              "answers so): try again later, and tell the agency if it goes on"),
    QT_TRANSLATE_NOOP("core", "the network cannot be reached: check that this computer is "
                              "online"),
    QT_TRANSLATE_NOOP("core", "the other computer cannot be reached: check that this computer "
                              "is online"),
    QT_TRANSLATE_NOOP("core", "your disk quota is used up on the disk holding {path}: free some "
                              "space there, or choose another folder"),
    QT_TRANSLATE_NOOP("core", "the network share holding {path} went away: connect it again"),
    # the recordings folder (agent/index/scan.py) and the package folder (agent/export)
    FOLDER_MISSING,
    OTHER_DISK,
    CHANGED_SINCE_SCAN,
    GONE_SINCE_SCAN,
    QT_TRANSLATE_NOOP("core", "the recordings folder {path} was removed while it was scanned (in "
                              "the app, or by another footage-agent command): nothing more of it "
                              "was indexed, and what was went with it"),
    QT_TRANSLATE_NOOP("core", "the recordings folder {path} cannot be read ({reason}): check "
                              "that the drive is connected and that your user account may open "
                              "that folder"),
    # {reason}: the OS's words, lowercased
    *folder_words.TEMPLATES,
    *clock_offset_words.TEMPLATES,
    *command_line_words.TEMPLATES,
    QT_TRANSLATE_NOOP("core", "{path} is not a folder (is the drive connected?)"),
    QT_TRANSLATE_NOOP("core", "the recordings folder {path} is empty, but recordings from it "
                              "are indexed"),
    QT_TRANSLATE_NOOP("core", "connect the drive or network share it is on (one that is not "
                              "connected leaves an empty folder)"),
    QT_TRANSLATE_NOOP("core", "what was indexed from it is kept until the folder holds files "
                              "again"),
    INDEX_DAMAGED,
    INDEX_EMPTY,
    INBOX_DAMAGED,
    INBOX_EMPTY,
    # a camera with nothing indexed (agent/owner_index.py)
    QT_TRANSLATE_NOOP("core", "the camera '{camera}' has no recordings in the index yet"),
    RUN_SCAN,
    QT_TRANSLATE_NOOP("core", "no recordings of a camera named '{camera}' are indexed (known: "
                              "{known})"),
    QT_TRANSLATE_NOOP("core", "did you mean '{meant}'?"),
    # a folder holding the app's own folder (a whole drive, a user folder), or inside it
    # (agent/owner_sources.py)
    QT_TRANSLATE_NOOP("core", "{path} holds footage-agent's own folder {folder}"),
    QT_TRANSLATE_NOOP("core", "it is a whole drive or a folder such as your user folder, not the "
                              "folder a recorder writes to, and indexing it would read every "
                              "video there, your own too. Choose the folder your recorder or "
                              "camera saves its video in (on a memory card often DCIM or "
                              "Record)"),
    QT_TRANSLATE_NOOP("core", "{path} is inside footage-agent's own folder {folder}, which holds "
                              "the app's copies, not your recordings. Choose the folder your "
                              "recorder or camera saves its video in"),
    # a folder inside or around one added already (agent/owner_sources.py)
    QT_TRANSLATE_NOOP("core", "{path} is inside the recordings folder {folder}, which is added "
                              "already (camera {camera})"),
    QT_TRANSLATE_NOOP("core", "its recordings are indexed with that folder's. To give them a "
                              "name of their own, rename the camera instead"),
    QT_TRANSLATE_NOOP("core", "{path} holds the recordings folder {folder}, which is added "
                              "already (camera {camera})"),
    QT_TRANSLATE_NOOP("core", "{path} is the recordings folder {folder} reached by another "
                              "path (one drive or share mounted twice), which is added already "
                              "(camera {camera})"),
    QT_TRANSLATE_NOOP("core", "adding it would index those recordings twice, under two cameras. "
                              "Use {folder}, or remove it first"),
    QT_TRANSLATE_NOOP("core", "adding it would index those recordings twice, under two cameras. "
                              "Add its other folders one by one, or remove {folder} first"),
    # a card at another drive letter, or a copy of it (agent/owner_sources.py, moved_folder.py)
    QT_TRANSLATE_NOOP("core", "{path} holds the recordings of the folder {folder} (camera "
                              "{camera}), which is not there now"),
    QT_TRANSLATE_NOOP("core", "it is that card or drive at another drive letter (Windows gives "
                              "a drive the first free letter, so drive E can become drive F) or "
                              "a copy of it, and adding it would index those recordings twice, "
                              "under two cameras. Give the drive its letter back (with Change "
                              "Drive Letter and Paths in Windows' Disk Management), then scan "
                              "again"),
    QT_TRANSLATE_NOOP("core", "or, to use this folder instead, remove that folder and add this "
                              "one with that camera's name"),
    # a network computer typed without its shared folder (agent/owner_paths.py)
    QT_TRANSLATE_NOOP("core", "{path} names a computer on your network, not one of its shared "
                              "folders"),
    QT_TRANSLATE_NOOP("core", "{path} names no computer"),
    QT_TRANSLATE_NOOP("core", "give the whole shared folder, such as {example} (File Explorer "
                              "shows a computer's shared folders when you open it)"),
    QT_TRANSLATE_NOOP("core", "the package folder cannot be made"),
    QT_TRANSLATE_NOOP("core", "the disk holding {path} is full: free some space there, or "
                              "choose another folder for the package"),
    QT_TRANSLATE_NOOP("core", "this clip would be about {size}, too big for the drive holding "
                              "{path}: it is formatted {name}, which holds no file of 4 GB or "
                              "more. Choose a folder on a drive formatted exFAT or NTFS (or on "
                              "this PC's own disk), or a shorter window"),
    QT_TRANSLATE_NOOP("core", "the clip of {camera} would be about {size}, too big for the "
                              "drive holding {path}: it is formatted {name}, which holds no file "
                              "of 4 GB or more, so no camera was exported. Choose a folder on a "
                              "drive formatted exFAT or NTFS (or on this PC's own disk), or a "
                              "shorter window, or leave that camera out"),
    QT_TRANSLATE_NOOP("core", "the clips of {cameras} would be about {sizes}, too big for the "
                              "drive holding {path}: it is formatted {name}, which holds no file "
                              "of 4 GB or more, so no camera was exported. Choose a folder on a "
                              "drive formatted exFAT or NTFS (or on this PC's own disk), or a "
                              "shorter window, or leave those cameras out"),
    QT_TRANSLATE_NOOP("core", "the clip is too big for the drive holding {path}: it may be "
                              "formatted FAT32, as most USB sticks are, which holds no file of 4 "
                              "GB or more. Choose a folder on a drive formatted exFAT or NTFS (or "
                              "on this PC's own disk), or a shorter window"),
    QT_TRANSLATE_NOOP("core", "the folder {path} went away while the package was written (was "
                              "the USB stick or drive taken out?): connect it again, then export "
                              "again; no package was made"),
    QT_TRANSLATE_NOOP("core", "{path} is inside footage-agent's own folder {folder}, which "
                              "holds your signing key: a folder you copy or hand over must never "
                              "hold it. Choose another folder, such as {example}"),
    QT_TRANSLATE_NOOP("core", "the recording {name} cannot be read"),
    QT_TRANSLATE_NOOP("core", "{path} is a file, not a folder: choose the folder the package "
                              "should go into"),
    QT_TRANSLATE_NOOP("core", "{path} does not exist, nor does the folder it would go in "
                              "({parent}): connect the drive it is on, or make the folders "
                              "first"),
    QT_TRANSLATE_NOOP("core", "{path}: the drive does not take that name for a folder (USB "
                              "sticks and SD cards formatted FAT32 or exFAT, and Windows, take "
                              "no < > : \" / \\ | ? * in a name): choose a name with letters, "
                              "digits, spaces, - or _"),
    # a second app on a home whose app is open (agent/app_lock.py)
    QT_TRANSLATE_NOOP("core", "the app is already open for {home}: open it from its icon in the "
                              "tray (by the clock, at the end of the taskbar or the top bar; on "
                              "Windows, if it is not there, under the ^ arrow beside the clock) "
                              "or from the taskbar"),
    # the owner key (agent/identity/keys.py, agent/owner_keys.py)
    KEY_LOCKED,
    KEY_DAMAGED,
    KEY_OTHER_TYPE,
    # the registrations (agent/requests/registrations.py)
    REGISTRATIONS_DAMAGED,
    QT_TRANSLATE_NOOP("core", "The passphrase for the owner key is wrong. Try again."),
    # recorder passwords kept encrypted (agent/recorders/credentials.py)
    RECORDERS_LOCKED,
    QT_TRANSLATE_NOOP("core", "The recorder passwords could not be unlocked"),
    QT_TRANSLATE_NOOP("core", "the passphrase is not the one they were saved with."),
    # camera names (agent/index/camera_names.py, cameras.py)
    QT_TRANSLATE_NOOP("core", "a camera name cannot be empty"),
    QT_TRANSLATE_NOOP("core", "a camera name is at most {count} characters"),
    QT_TRANSLATE_NOOP("core", "a camera name cannot hold control or invisible characters"),
    QT_TRANSLATE_NOOP("core", "a camera named '{name}' exists already (or was called that); two "
                              "cameras are never merged: choose another name"),
    QT_TRANSLATE_NOOP("core", "a camera named '{name}' exists already (or was called that); two "
                              "recordings folders are never one camera: choose another name"),
    # a recorder's channel given a taken name (agent/index/recorder_book.py name_channels)
    QT_TRANSLATE_NOOP("core", "a camera named '{name}' exists already (or was called that): "
                              "choose another name"),
    # a rename that failed or went unrecorded (agent/owner_cameras.py, audit/log.py)
    *camera_words.TEMPLATES,
    *recorder_camera_words.TEMPLATES,
    # an agency file that is not what the owner accepted (agent/requests/trust_pins.py)
    *agency_words.TEMPLATES,
    # a small file of the app's folder left unusable (agent/json_words.py, requests/holds.py)
    *file_words.TEMPLATES,
    # a safe copy that could not be made, read or removed (agent/requests/holds.py)
    *hold_words.TEMPLATES,
    # a file of the app's own folder not read or saved, a folder not added as given
    *home_file_words.TEMPLATES,
    # an activity log found altered (agent/audit/checks.py, seal.py)
    *log_words.TEMPLATES,
    # the app's own folder refused as the app starts (agent/config.py ensure_home)
    *home_words.TEMPLATES,
    *zone_words.TEMPLATES,
    *mask_words.TEMPLATES,
    # face blurring that cannot work (agent/export/face_model.py, faces.py)
    *face_words.TEMPLATES,
    *recording_words.TEMPLATES,
    # a recording the index cannot use, named after an export's refusal (plan.py, probe.py)
    *file_reason_words.TEMPLATES,
    # how such a recording was placed in time (agent/index/placement.py)
    *placement_words.TEMPLATES,
    # a fault nobody foresaw in a folder's scan (agent/service_loop.py)
    *service_words.TEMPLATES,
    *decision_words.TEMPLATES,
    *registration_words.TEMPLATES,
    *token_words.TEMPLATES,
    # why a portal's receipt is not taken (frp/decision.py)
    *receipt_words.TEMPLATES,
    # two trusted agencies listing one key (frp/request.py, agent/requests/agency_changes.py)
    *shared_key_words.TEMPLATES,
    # an agency file (frp/agency.py, agent/requests/agencies.py)
    QT_TRANSLATE_NOOP("core", "cannot read the agency file"),
    NOT_JSON,
    OTHER_VERSION,
    QT_TRANSLATE_NOOP("core", "this is not an agency file ({reason}): ask your city's camera "
                              "program for its agency file, the .json file it publishes for "
                              "camera owners"),
    QT_TRANSLATE_NOOP("core", "it is not a JSON object"),
    QT_TRANSLATE_NOOP("core", "it names no agency keys and no portal"),
    QT_TRANSLATE_NOOP("core", "the agency file {name} is larger than 256 KiB; that is not an "
                              "agency file"),
    # one that looks like an agency trusted already (agent/requests/agency_changes.py)
    QT_TRANSLATE_NOOP("core", "this file's agency id {id} is the address of {name} ({trusted}) "
                              "written another way: its requests would show as those of an "
                              "agency you trust already. Nothing was imported: call that agency "
                              "on {phone}, the number you have for it, to ask whether it sent "
                              "this file"),
    QT_TRANSLATE_NOOP("core", "this file's agency ({id}) has the name of {name} ({trusted}), "
                              "which you trust already, so their requests could not be told "
                              "apart. Nothing was imported: call that agency on {phone}, the "
                              "number you have for it, to ask whether it sent this file"),
    QT_TRANSLATE_NOOP("core", "this file's agency name {name} mixes letters of different "
                              "alphabets in one word ({word}), as a name made to look like "
                              "another agency's does. Nothing was imported: ask the agency, on a "
                              "number you know, for its agency file"),
    QT_TRANSLATE_NOOP("core", "this file's agency {agency} ({id}) lists a key of {name} "
                              "({trusted}), which you trust already (fingerprint {fingerprint}): "
                              "whoever holds that key could sign requests that show as either "
                              "agency's. Nothing was imported: each agency signs with keys of "
                              "its own; call the agency you trust on {phone}, the number you "
                              "have for it, to ask whether it sent this file"),
    # what the owner trusts is signed with the owner key (agent/requests/agencies.py)
    QT_TRANSLATE_NOOP("core", "trusting an agency is signed with your owner key, which is locked "
                              "by its passphrase; nothing was imported: unlock it (in the app, or "
                              "set FOOTAGE_AGENT_PASSPHRASE) and import the file again"),
    # an agency's portal (agent/requests/portal_client.py)
    QT_TRANSLATE_NOOP("core", "cannot reach {agency}'s portal: {reason}"),
    *portal_words.TEMPLATES,
    # the home's own files and downloads meeting a full disk (agent/config.py,
    # agent/owner_exports.py, agent/index/remote_window.py)
    QT_TRANSLATE_NOOP("core", "cannot save the settings: {reason}"),
    QT_TRANSLATE_NOOP("core", "the masks of {camera} cannot be saved: {reason}"),
    QT_TRANSLATE_NOOP("core", "the download from the recorder stopped: {reason}"),
    # a request's package or tar in the home's own folders (agent/requests/package_export.py)
    # an export by hand with the home's disk full (agent/owner_exports.py)
    QT_TRANSLATE_NOOP("core", "the disk holding footage-agent's own folder {home} is full: free "
                              "some space there first; an export goes to {out}, but it reads "
                              "the index and is recorded in the activity log, both in that "
                              "folder"),
    # a request's package too deep for Windows in the app's own folder
    # (agent/export/path_room.py home_too_deep)
    QT_TRANSLATE_NOOP("core", "footage-agent's own folder {home} is too deep for Windows to hold "
                              "this request's package"),
    QT_TRANSLATE_NOOP("core", "its clip's path would be {length} characters, and Windows allows "
                              "{limit} unless long paths are turned on. Ask whoever looks after "
                              "this computer to turn them on (as an administrator, 'Enable Win32 "
                              "long paths' in the Local Group Policy Editor, or LongPathsEnabled "
                              "set to 1 in the registry), then start the app again"),
    QT_TRANSLATE_NOOP("core", "nothing was cut or sent"),
    # ... and any file of the app's own folder (agent/os_words.py plain_home_error)
    QT_TRANSLATE_NOOP("core", "the disk holding {path} is full: free some space there"),
    QT_TRANSLATE_NOOP("core", "your disk quota is used up on the disk holding {path}: free some "
                              "space there"),
    QT_TRANSLATE_NOOP("core", "{path} is on a read-only disk (a locked SD card, a "
                              "write-protected USB stick or a read-only share): unlock it"),
    QT_TRANSLATE_NOOP("core", "permission denied for {path}: your user account may not do this "
                              "there; ask whoever owns it"),
    # agent/network_words.py: why a call did not get through (the portal's, an upload's)
    QT_TRANSLATE_NOOP("core", "it did not answer in time"),
    QT_TRANSLATE_NOOP("core", "its certificate could not be trusted ({detail})"),
    QT_TRANSLATE_NOOP("core", "something on this network may stand in its place, as a Wi-Fi "
                              "sign-in page (hotel, café) or a company's security filter does, "
                              "and nothing was sent to it: sign in to the network in a web "
                              "browser or use another network, then try again"),
    QT_TRANSLATE_NOOP("core", "its certificate is not valid on this computer's date ({detail})"),
    QT_TRANSLATE_NOOP("core", "check that this computer's date, time and year are right, then "
                              "try again; if they are, tell the agency"),
    QT_TRANSLATE_NOOP("core", "a secure connection could not be made with it"),
    QT_TRANSLATE_NOOP("core", "its name could not be found: check the address, and that this "
                              "computer is online"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal did not answer in time; try again later"),
    # a network's sign-in page answering in the portal's or upload server's place
    QT_TRANSLATE_NOOP("core", "a web page answered instead; a network that asks you to sign in "
                              "first (as hotel or café Wi-Fi does) answers so: open a web "
                              "browser, sign in to the network, then try again"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal did not answer"),
    QT_TRANSLATE_NOOP("core", "the upload server {server} did not answer"),
    # registering (agent/requests/registering.py): what failed, then why
    QT_TRANSLATE_NOOP("core", "registering with {agency} failed"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal answered with registration {registration}, "
                              "which you hold already"),
    QT_TRANSLATE_NOOP("core", "nothing was changed and it was not withdrawn (that would end the "
                              "one you hold)"),
    QT_TRANSLATE_NOOP("core", "ask {agency} to retire the registration made with this invite "
                              "code"),
    # an invite used up by a registration whose answer never arrived (registering.py)
    QT_TRANSLATE_NOOP("core", "this invite code was used by this PC already, and the portal's "
                              "answer never arrived (footage-agent was stopped, or the "
                              "connection broke), so {agency} holds a registration nobody here "
                              "has. Ask the agency to retire the registration made with this "
                              "invite code, and for a new invite code"),
    # a registration's certificate problem, as Settings shows it (agent/owner_registrations.py)
    QT_TRANSLATE_NOOP("core", "it is for an owner key this PC no longer holds (lost with its "
                              "passphrase or its disk, or replaced from another copy of this "
                              "app's folder), so requests of this registration cannot be "
                              "answered: ask the agency for a new invite code to register again, "
                              "and to retire this registration"),
    QT_TRANSLATE_NOOP("core", "{agency} is not trusted now (its file was removed, or is not what "
                              "you accepted: see your agencies), so it cannot be checked"),
    QT_TRANSLATE_NOOP("core", "the agency's file has no registration CA to check it with"),
    QT_TRANSLATE_NOOP("core", "the certificate is for another key"),
    # unregistering one pinned to a key this home lost, which the agency still holds
    QT_TRANSLATE_NOOP("core", "registration {registration} with {agency} is pinned to an owner "
                              "key this PC no longer holds (lost with its passphrase or its "
                              "disk, or replaced from another copy of this app's folder), so it "
                              "cannot be ended from here and was kept. Ask the agency to retire "
                              "it (and for a new invite code, to register again), then "
                              "unregister it here again"),
    QT_TRANSLATE_NOOP("core", "updating your registration with {agency} failed"),
    QT_TRANSLATE_NOOP("core", "unregistering from {agency} failed"),
    # the agency's own words after it are shown as the agency wrote them
    QT_TRANSLATE_NOOP("core", "{agency}'s portal refused (HTTP {status})"),
    # ... or, when it gave none it could show (an empty body, JSON without words:
    # agent/requests/portal_answers.py), the core's words for that, a sentence's end too (an
    # upload the portal no longer has: "{reason} The agent forgot that upload")
    QT_TRANSLATE_NOOP("core", "no reason given"),
    QT_TRANSLATE_NOOP("core", "no reason given."),
    # a registration of an agency not trusted now is not polled (agent/requests/polling.py)
    QT_TRANSLATE_NOOP("core", "{agency} is not trusted now (its file was removed, or is not what "
                              "you accepted: see your agencies), so its portal is not asked for "
                              "requests"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal gave an unexpected answer (HTTP {status})"),
    # 403 wrong_key: the key was rotated from a copy of the home (agent/requests/portal_answers.py)
    QT_TRANSLATE_NOOP("core", "it has another key registered for you than this PC's owner key, "
                              "so it takes nothing this PC signs. The key was changed (a key "
                              "rotation) from another copy of this app's folder, or after the "
                              "backup put back here was made. Put back the keys folder and "
                              "registrations.json from that copy, or ask the agency for a new "
                              "invite code and register again"),
    # 400 stale: this PC's clock too far from the portal's (portal_answers.py)
    QT_TRANSLATE_NOOP("core", "its clock and this computer's are more than 5 minutes apart, so "
                              "it takes nothing this computer signs now: set this computer's "
                              "date, time and time zone right (or let it set them "
                              "automatically), then try again"),
    # 401: the registration ended where this home did not see it (portal_answers.py)
    QT_TRANSLATE_NOOP("core", "it no longer knows your registration, which was ended (unregistered "
                              "from another copy of this app's folder or after the backup put "
                              "back here was made, or retired by the agency), so nothing can be "
                              "received or sent with it. Unregister from the agency here to "
                              "match, and ask it for a new invite code to register again"),
    QT_TRANSLATE_NOOP("core", "{agency}'s portal took more than {seconds} s to answer; it was "
                              "cut off. Try again later"),
    # a request that is not what it claims (frp/request.py; agent/requests/desk_intake.py)
    QT_TRANSLATE_NOOP("core", "request rejected: {reason}"),
    # a request kept in the inbox that its agency's file no longer vouches for (requests/desk.py)
    QT_TRANSLATE_NOOP("core", "the request no longer verifies: {reason}"),
    # one in the inbox checked again (agent/requests/desk.py)
    QT_TRANSLATE_NOOP("core", "the inbox's record of it was changed on this PC ({details}), so "
                              "it no longer says what the agency signed"),
    QT_TRANSLATE_NOOP("core", "cannot read the request file"),
    QT_TRANSLATE_NOOP("core", "the request could not be checked: this version of footage-agent "
                              "failed on something in it (the details were logged)"),
    NOT_A_TOKEN,
    NOT_TEXT,
    QT_TRANSLATE_NOOP("core", "the request claims to come from {who}, which is not in your "
                              "trust store, so it was not added. Do not add an agency file that "
                              "came with the request (whoever sent it may be posing as the "
                              "police): an agency's file comes from your city's camera program, "
                              "and you compare its fingerprints with the agency by phone"),
    QT_TRANSLATE_NOOP("core", "the request claims to come from {agency} but is signed with a "
                              "key of {other}"),
    QT_TRANSLATE_NOOP("core", "the signing key {kid} is not one of {agency}'s keys in your trust "
                              "store"),
    QT_TRANSLATE_NOOP("core", "the signature of {agency} does not verify: {detail}"),
    QT_TRANSLATE_NOOP("core", "the request expired at {when}; if the agency still needs footage, "
                              "it can send a new request"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' expired at {when} and can no longer be approved; "
                              "if the agency still needs footage, it can send a new request"),
    QT_TRANSLATE_NOOP("core", "the request says it was issued at {when}, which is in the future "
                              "(check this computer's clock)"),
    QT_TRANSLATE_NOOP("core", "the request expires ({expires}) before it was issued ({issued})"),
    QT_TRANSLATE_NOOP("core", "the window starts at {start} but ends at {end}: the end must come "
                              "after the start"),
    QT_TRANSLATE_NOOP("core", "the window starts at {when}, in the future; footage that does not "
                              "exist yet cannot be requested"),
    # a decline of an approval the agency holds footage of (agent/requests/withdrawal.py)
    QT_TRANSLATE_NOOP("core", "{agency} already received the footage of {cameras} for request "
                              "'{jti}' (a receipt is stored), so the approval cannot be "
                              "withdrawn: the agency has it. Ask the agency directly if you want "
                              "it deleted"),
    # a reason a decline may not carry (desk_decisions.unsendable_reason, frp.claims)
    QT_TRANSLATE_NOOP("core", "the reason holds a control character ({char}), which the agency "
                              "would receive as typed (it can change what the agency's screens "
                              "show): write the reason again without it"),
    QT_TRANSLATE_NOOP("core", "the reason holds a text-direction control ({char}), which the "
                              "agency would receive as typed (it can change what the agency's "
                              "screens show): write the reason again without it"),
    # a receipt fetched for a request whose decline was refused (owed_receipts.py), the log's
    # `after`
    QT_TRANSLATE_NOOP("core", "decline refused as already delivered"),
    # ... or whose footage a decline found the portal had (withdrawal.fetched_refusal)
    QT_TRANSLATE_NOOP("core", "{agency} already has the footage of {cameras} for request "
                              "'{jti}': its receipt had been lost on the way and was fetched just "
                              "now, so the request cannot be declined. Ask the agency directly "
                              "if you want it deleted"),
    SEND_THE_REST,
    # ... or part of whose footage the receipts fetched after it show the agency has
    # (owed_receipts.part_received)
    QT_TRANSLATE_NOOP("core", "{agency} already has the footage of {cameras}: its receipt came "
                              "after you declined, so your decline was not taken and your "
                              "approval stands. Ask the agency directly if you want it deleted; "
                              "approve it again to send the other cameras' footage"),
    # a decline stopped while it waited for the portal (desk_decisions.DECLINE_STOPPED)
    QT_TRANSLATE_NOOP("core", "the decline was stopped while waiting for the agency's portal: "
                              "nothing was declined and your approval stands; decline it again "
                              "to withdraw it"),
    # the owner's own choice on a request (agent/requests/approval_choices.py)
    QT_TRANSLATE_NOOP("core", "this request was already approved with other choices"),
    # {hidden}: approval_choices.hidden_words, each part translated (core_words.HIDDEN)
    QT_TRANSLATE_NOOP("core", "this request was already approved with other redaction choices "
                              "({hidden})"),
    QT_TRANSLATE_NOOP("core", "your signed approval may have reached the agency already, so it "
                              "can no longer be changed: approve it again without changing them "
                              "to finish the delivery, or decline the request to withdraw your "
                              "approval"),
    QT_TRANSLATE_NOOP("core", "refused: the approved window is wider than the request's ({start} "
                              "to {end}); it may only be narrower"),
    # a camera with nothing to cut, found before any is (agent/requests/approval_footage.py)
    QT_TRANSLATE_NOOP("core", "nothing of {camera} can be sent for {start} to {end} ({reason}); "
                              "nothing was cut or sent: leave that camera out, or choose a "
                              "window it recorded"),
    QT_TRANSLATE_NOOP("core", "nothing of {cameras} can be sent for {start} to {end} ({reason}); "
                              "nothing was cut or sent: leave those cameras out, or choose a "
                              "window they recorded"),
    QT_TRANSLATE_NOOP("core", "no usable recording of camera '{camera}' covers that window"),
    # a request's safe copy, where its recordings are gone (agent/requests/approval_footage.py,
    # agent/requests/held_window.py)
    QT_TRANSLATE_NOOP("core", "the request's safe copy in {path} was made by an earlier version "
                              "of footage-agent, which did not record where its copies lie in "
                              "time, so it cannot be sent from there (its copies are kept as "
                              "they are)"),
    QT_TRANSLATE_NOOP("core", "the safe copy {path} changed since it was made (its SHA-256 is no "
                              "longer the one its manifest lists), and the recording it was "
                              "copied from is gone or changed too, so nothing of {camera} was "
                              "sent: approve it again without that camera, or decline it"),
    QT_TRANSLATE_NOOP("core", "the safe copy of {camera} cannot be read"),
    # a camera whose cut found nothing, found only by the cut (agent/requests/package_export.py)
    QT_TRANSLATE_NOOP("core", "nothing of {camera} can be cut for the approved time ({reason}); "
                              "nothing has been sent yet: approve it again without that camera, "
                              "or with another time or cut mode"),
    QT_TRANSLATE_NOOP("core", "the request is addressed to registration {aud}, which is not one "
                              "of your registration ids"),
    QT_TRANSLATE_NOOP("core", "request '{jti}' from {agency} was already received (a replay)"),
    # delivering a package (agent/delivery/tus_setbacks.py; the desk's resumable failure)
    QT_TRANSLATE_NOOP("core", "Gave up after {attempts} attempts: {reason}. Nothing is lost; try "
                              "again later: the upload resumes where it stopped."),
    QT_TRANSLATE_NOOP("core", "Gave up after {attempts} attempts: {reason}. Nothing is lost; the "
                              "upload resumes where it stopped."),
    QT_TRANSLATE_NOOP("core", "cannot reach the upload server {server}: {reason}"),
    # a finished upload to end before its receipt is asked for (package_delivery.py)
    QT_TRANSLATE_NOOP("core", "{agency}'s upload server could not be reached to take back the "
                              "earlier upload of {camera}, so nothing was sent again; approve "
                              "it again once it can be reached"),
    # the upload's own files (agent/delivery/state.py, upload.py)
    QT_TRANSLATE_NOOP("core", "Cannot save the upload's progress: {reason}."),
    QT_TRANSLATE_NOOP("core", "Cannot read the file to upload: {reason}."),
    # why the upload server was given up on (the reasons of "Gave up after ...")
    QT_TRANSLATE_NOOP("core", "the server answered {answer}"),
    QT_TRANSLATE_NOOP("core", "the server took none of the part sent"),
    QT_TRANSLATE_NOOP("core", "the server kept only {kept} of the {sent} bytes sent"),
    QT_TRANSLATE_NOOP("core", "the chunk kept arriving damaged (checksum mismatch)"),
    QT_TRANSLATE_NOOP("core", "the server and this PC disagree on how much was sent"),
    QT_TRANSLATE_NOOP("core", "the server gave a confusing answer about how much it has"),
    QT_TRANSLATE_NOOP("core", "the server did not say how much of the package it has"),
    QT_TRANSLATE_NOOP("core", "the server went back from {before} to {after} bytes"),
    QT_TRANSLATE_NOOP("core", "The upload server kept losing or misreporting the upload; gave up "
                              "after {count} fresh starts. Try again later or tell the agency."),
    # a creation whose answer was lost, counted as a fresh start (agent/delivery/tus_setbacks.py)
    QT_TRANSLATE_NOOP("core", "The answer to starting the upload was lost {count} times "
                              "({reason}), and each start may have left the upload server an "
                              "upload it counts for this request, so no more were started. "
                              "Nothing of the package was sent; try again later, on a steadier "
                              "connection if you can."),
    # the same, its reason saying "try again" already (a connection cut off)
    QT_TRANSLATE_NOOP("core", "The answer to starting the upload was lost {count} times "
                              "({reason}), and each start may have left the upload server an "
                              "upload it counts for this request, so no more were started. "
                              "Nothing of the package was sent; use a steadier connection if "
                              "you can."),
    QT_TRANSLATE_NOOP("core", "The upload server refuses even a part of {size} bytes of the "
                              "package as too large ({answer}), so it cannot take the package; "
                              "tell the agency."),
    # an upload server refusing what is sent (agent/delivery/wire.py refusal), and what it was
    QT_TRANSLATE_NOOP("core", "The upload server refused {what} ({answer}). Retrying will not "
                              "help; check the request with the agency."),
    QT_TRANSLATE_NOOP("core", "The upload server rejected {what} ({answer})."),
    QT_TRANSLATE_NOOP("core", "the new upload"),
    QT_TRANSLATE_NOOP("core", "the question how much of the package arrived"),
    QT_TRANSLATE_NOOP("core", "a part of the package"),
    # an upload server sending the package elsewhere, or not saying where (agent/delivery/wire.py)
    QT_TRANSLATE_NOOP("core", "The upload server tried to redirect the package to {target}; "
                              "redirects are never followed, so it was not sent there."),
    QT_TRANSLATE_NOOP("core", "The upload server tried to send the package to {other}, which "
                              "is not {origin}, the address the agency gave; refused."),
    QT_TRANSLATE_NOOP("core", "The upload address the server answered must not contain a user "
                              "name or password; refused."),
    QT_TRANSLATE_NOOP("core", "The upload server did not say where to send the package (no "
                              "Location header); it may not be a tus server."),
    QT_TRANSLATE_NOOP("core", "The upload server answered with a malformed address."),
    QT_TRANSLATE_NOOP("core", "The package is too large for the upload server ({answer}). "
                              "Sending it again will not change that; tell the agency."),
    # a new upload made at another origin's address (agent/delivery/tus_loop.py _create)
    QT_TRANSLATE_NOOP("core", "The upload server made the new upload at {other}, not at "
                              "{origin}, the address the agency gave, so nothing was sent. "
                              "Sending it again will not change that; tell the agency."),
    # an upload's address longer than a portal takes (agent/delivery/tus_loop.py _create)
    QT_TRANSLATE_NOOP("core", "The upload server gave the package an address of {length} "
                              "characters, longer than the {limit} the agency's portal takes, so "
                              "nothing was sent. Sending it again will not change that; tell the "
                              "agency."),
    # an upload server speaking another tus version (a 412 to Tus-Resumable: wire.py refusal)
    QT_TRANSLATE_NOOP("core", "The upload server does not speak tus {ours}, the version of the "
                              "upload protocol this app uses ({answer}; it speaks {versions}), "
                              "so it cannot take the package. Sending it again will not change "
                              "that; tell the agency."),
    QT_TRANSLATE_NOOP("core", "The upload server does not speak tus {ours}, the version of the "
                              "upload protocol this app uses ({answer}), so it cannot take the "
                              "package. Sending it again will not change that; tell the agency."),
    # a request the portal takes no more uploads for (agent/requests/tus_uploads.py)
    QT_TRANSLATE_NOOP("core", "{agency}'s upload server takes no more uploads for this request "
                              "(it has taken as many as it allows), so the package for {camera} "
                              "was not sent. Approving again cannot change that. Tell the "
                              "agency"),
    APPROVE_AGAIN,
    STOPPED,
    STOPPED_BARE,
    QT_TRANSLATE_NOOP("core", "the export was cancelled"),
    QT_TRANSLATE_NOOP("core", "The upload was cancelled."),
    QT_TRANSLATE_NOOP("core", "The upload was cancelled; it resumes from here next time."),
    PORTAL_BUSY,
    PORTAL_WAIT,
    UPLOAD_FORGOTTEN,
    CHANGED_WHILE_SENT,
    FOREIGN_ADDRESS,
    UNTRUSTED_RECEIPT,
    MISFIT_RECEIPT,
    SUBMISSION_REFUSED,
    # an earlier run's package refused before it is sent (agent/requests/kept_packages.py)
    *package_words.TEMPLATES,
    # a package folder or tar not written, checked or moved into place (package.py, bagtar.py)
    *package_file_words.TEMPLATES,
    # a recorder on the network (agent/recorders/wire.py)
    QT_TRANSLATE_NOOP("core", "Could not reach the recorder at {where} ({reason}). Check that "
                              "it is on and the address is right."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} did not answer within {seconds} s."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} took more than {seconds} s to answer, "
                              "so it was cut off. If this keeps happening, restart the "
                              "recorder."),
    QT_TRANSLATE_NOOP("core", "The recorder at {where} ended the connection without "
                              "answering ({reason})."),
    # a Reolink NVR sending no footage at all (agent/recorders/reolink_answers.py)
    QT_TRANSLATE_NOOP("core", "The recorder at {where} ended the connection without answering "
                              "when asked for this footage, both the piece it cut and the whole "
                              "recording; some Reolink NVR firmware does this with every "
                              "download. Nothing was downloaded. Export the footage with "
                              "Reolink's own app or the recorder's web page, or ask Reolink "
                              "for a firmware update."),
    *RECORDERS,
    # a recorder's download stopped or refused (agent/recorders/fetch.py)
    *download_words.TEMPLATES,
    # a recorder's clock or time zone it cannot read (dahua.py, hikvision.py, zones.py)
    *recorder_clock_words.TEMPLATES,
    # a recorder's answer to a search, a list or a call it cannot use (dahua.py, reolink.py)
    *recorder_answer_words.TEMPLATES,
    # a certificate not the one trusted, or not usable (transport.py, frp/certificates.py)
    *certificate_words.TEMPLATES,
    # a clip the disk did not take (agent/export/clip_writer.py, output.py, cut.py)
    *clip_words.TEMPLATES,
    # a window with nothing of a camera in it (agent/export/clip_writer.py)
    NO_FRAMES_COPY,
    QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the window"),
    QT_TRANSLATE_NOOP("core", "no frames of this camera lie inside the window: the camera "
                              "captured no picture in it; choose a longer window"),
    # a camera switched between H.264 and H.265 inside the window (clip_writer.py)
    QT_TRANSLATE_NOOP("core", "the recordings in this window change codec at {time} ({old} "
                              "before, {new} from then on): a clip holds one codec, so export "
                              "the time before it and the time from it separately"),
    QT_TRANSLATE_NOOP("core", "the recordings in this window change codec {count} times, the "
                              "first at {time} ({old} before, {new} from then on): a clip holds "
                              "one codec, so export the time before it and the time from it "
                              "separately"),
    # a recording that starts without a keyframe (agent/export/clip_writer.py)
    QT_TRANSLATE_NOOP("core", "the recording {name} starts partway through a group of pictures: "
                              "its frames before {time} need a picture it does not hold, so no "
                              "picture can be made of them, in either mode"),
    # a recording read only up to where its timestamps go back (agent/export/clip_writer.py)
    QT_TRANSLATE_NOOP("core", "the timestamps of the recording {name} go back partway through, "
                              "after the frame captured at {time} (the camera restarted while "
                              "it was recorded): what it holds after that cannot be placed in "
                              "time, so it is left out"),
    # an export refused for damaged frames (agent/export/cut.py)
    QT_TRANSLATE_NOOP("core", "{count} frame of the recordings could not be decoded"),
    QT_TRANSLATE_NOOP("core", "{count} frames of the recordings could not be decoded"),
    QT_TRANSLATE_NOOP("core", "{count} frame of the recordings could not be decoded (the "
                              "first captured at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} frames of the recordings could not be decoded (the "
                              "first captured at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} piece of the kept sound could not be decoded"),
    QT_TRANSLATE_NOOP("core", "{count} pieces of the kept sound could not be decoded"),
    # a cut clip its final check refused (agent/export/cut.py, gate.py, frp/clip_tables.py)
    QT_TRANSLATE_NOOP("core", "the cut clip failed its final check and was deleted: {reason}"),
    QT_TRANSLATE_NOOP("core", "{count} frame lies outside the approved window {start} to {end} "
                              "(the first at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} frames lie outside the approved window {start} to {end} "
                              "(the first at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} copied frame differs from the recording they were copied "
                              "from (the first at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} copied frames differ from the recording they were copied "
                              "from (the first at {time})"),
    QT_TRANSLATE_NOOP("core", "{count} frame is not stored at their capture time (the first at "
                              "{time})"),
    QT_TRANSLATE_NOOP("core", "{count} frames are not stored at their capture time (the first "
                              "at {time})"),
    QT_TRANSLATE_NOOP("core", "a run of copied frames starts without a keyframe (at {time})"),
    DAMAGED,
    MASKS_DAMAGED,
    # a safe copy the disk has no room for (agent/requests/hold_room.py)
    QT_TRANSLATE_NOOP("core", "the {count} recording covering the window takes {need} bytes "
                              "and the disk of {path} has {free} bytes free"),
    QT_TRANSLATE_NOOP("core", "the {count} recordings covering the window take {need} bytes "
                              "and the disk of {path} has {free} bytes free"),
    QT_TRANSLATE_NOOP("core", "a hold leaves {spare} free, so nothing was copied. Free some "
                              "space there, then hold it again"),
    # packages over what the request lets the agency take (agent/requests/package_delivery.py)
    QT_TRANSLATE_NOOP("core", "the package for {camera} is {size} bytes"),
    QT_TRANSLATE_NOOP("core", "the packages for {cameras} are {size} bytes together"),
    QT_TRANSLATE_NOOP("core", "the {count} other camera was not exported"),
    QT_TRANSLATE_NOOP("core", "the {count} other cameras were not exported"),
    QT_TRANSLATE_NOOP("core", "{agency} accepts at most {limit} bytes for this request, all its "
                              "uploads together, so nothing more was sent. Decline the request "
                              "to withdraw your approval"),
    QT_TRANSLATE_NOOP("core", "the agency can send a new request for a shorter window or fewer "
                              "cameras."),
    QT_TRANSLATE_NOOP("core", "{agency} accepts at most {limit} bytes for this request, all its "
                              "uploads together, so nothing more was sent. {holder} has part of "
                              "it already"),
    QT_TRANSLATE_NOOP("core", "ask the agency what it needs."),
    QT_TRANSLATE_NOOP("core", "{agency} accepts at most {limit} bytes for this request, all its "
                              "uploads together, so nothing more was sent. Nothing of it has "
                              "left this PC yet"),
    QT_TRANSLATE_NOOP("core", "approve it again with fewer cameras or a shorter time, or decline "
                              "the request."),
    # the index's and the inbox's disk (agent/index/store_errors.py disk_words)
    QT_TRANSLATE_NOOP("core", "the disk holding the index {path} is full: free some space there, "
                              "then try again (the index was not changed)"),
    QT_TRANSLATE_NOOP("core", "the disk holding the inbox {path} is full: free some space there, "
                              "then try again (the inbox was not changed)"),
    QT_TRANSLATE_NOOP("core", "the disk holding the index {path} could not be read or written: "
                              "check the drive; the drive may be failing"),
    QT_TRANSLATE_NOOP("core", "the disk holding the inbox {path} could not be read or written: "
                              "check the drive; the drive may be failing"),
    QT_TRANSLATE_NOOP("core", "the index {path} cannot be written (it or its disk is read-only): "
                              "make it writable for your user account"),
    QT_TRANSLATE_NOOP("core", "the inbox {path} cannot be written (it or its disk is read-only): "
                              "make it writable for your user account"),
    # a recorder's password left in another PC's keychain (agent/recorders/credentials.py)
    QT_TRANSLATE_NOOP("core", "This PC's keychain holds no password for this recorder (a "
                              "password stays in the keychain of the PC it was typed on, so a "
                              "folder copied or put back from a backup here does not bring it): "
                              "add the recorder again with its password"),
    # a file of the home a newer version wrote (agent/storage.py newer_layout)
    QT_TRANSLATE_NOOP("core", "the index {path} was written by a newer version of "
                              "footage-agent (its layout {found}; this version knows up to "
                              "{known}), so this version leaves it as it is: install the newer "
                              "version of footage-agent again, then start it"),
    QT_TRANSLATE_NOOP("core", "the inbox {path} was written by a newer version of "
                              "footage-agent (its layout {found}; this version knows up to "
                              "{known}), so this version leaves it as it is: install the newer "
                              "version of footage-agent again, then start it"),
    QT_TRANSLATE_NOOP("core", "the registrations file {path} was written by a newer version of "
                              "footage-agent (its layout {found}; this version knows up to "
                              "{known}), so this version leaves it as it is: install the newer "
                              "version of footage-agent again, then start it"),
    QT_TRANSLATE_NOOP("core", "the activity log's seal {path} was written by a newer version of "
                              "footage-agent (its layout {found}; this version knows up to "
                              "{known}), so this version leaves it as it is: install the newer "
                              "version of footage-agent again, then start it"),
    QT_TRANSLATE_NOOP("core", "the record of the agencies you accepted {path} was written by a "
                              "newer version of footage-agent (its layout {found}; this version "
                              "knows up to {known}), so this version leaves it as it is: install "
                              "the newer version of footage-agent again, then start it"),
    QT_TRANSLATE_NOOP("core", "nothing was imported"),
    # a request decided elsewhere, the home put back from a backup (agent/requests/tus_uploads.py)
    QT_TRANSLATE_NOOP("core", "{agency} holds another decision on this request than the "
                              "approval made here (it was decided from another copy of this "
                              "app's folder, or before this folder was put back from a backup), "
                              "so it takes no footage for it and nothing was sent. Approving "
                              "again cannot change that. Decline the request here to match, and "
                              "call the agency if it still needs the footage"),
    # a package the approval the portal holds does not cover (agent/requests/package_delivery.py)
    QT_TRANSLATE_NOOP("core", "{agency} holds an approval of this request other than the one "
                              "made here (it was approved from another copy of this app's "
                              "folder, or before this folder was put back from a backup), and "
                              "it does not cover the package for {camera}, so the agency "
                              "refused it and nothing of it was kept. Approving again cannot "
                              "change that. Call the agency if it needs more than that "
                              "approval gave"),
    # a decline of a request delivered from a copy of the home (agent/requests/polling.py)
    QT_TRANSLATE_NOOP("core", "{agency} already received footage for this request (sent from "
                              "this PC with the answer lost on the way, or from another copy of "
                              "this app's folder, or before this folder was put back from a "
                              "backup), so the approval stands and cannot be withdrawn. Ask the "
                              "agency if you want that footage deleted"),
    # ... of a request never approved on this PC (owed_receipts.delivered_elsewhere)
    QT_TRANSLATE_NOOP("core", "{agency} already received footage for this request, approved "
                              "and sent from another copy of this app's folder (or from this "
                              "one before it was put back from a backup), so that approval "
                              "stands and your decline was not taken. Ask the agency if you "
                              "want that footage deleted"),
    # a second package of a camera the portal received one for (package_delivery.py)
    QT_TRANSLATE_NOOP("core", "{agency} received a package for {camera} for this request "
                              "already (sent from another copy of this app's folder, or before "
                              "this folder was put back from a backup, and that copy holds its "
                              "receipt), so it refused this one and nothing of it was kept. "
                              "Approving again cannot change that"),
    # a package the portal found footage in outside the approved window (package_delivery.py)
    QT_TRANSLATE_NOOP("core", "{agency}'s portal found footage in the package for {camera} "
                              "outside the window you approved, so it refused it and nothing "
                              "of it was kept. This app checks every clip before sealing it, "
                              "so this should not happen, and approving again would send the "
                              "same package. Tell the agency, and keep the package folder for "
                              "whoever looks into it"),
)
