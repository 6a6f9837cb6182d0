"""What removing a recordings folder, a recorder's camera or a trusted agency does, said before
the owner agrees: the questions Settings asks, and what it says once it is done. Qt-free, like
every view. Each name (a camera's, a folder's, an agency's) is set apart from the app's words
(gui.views.shown): "{camera} is the camera of a recordings folder: …" with a Hebrew name
bare took the name's direction, the line laid out from the right."""
from __future__ import annotations

from gui.views.requests import UNDECIDED
from gui.views.shown import Shown, shown, shown_lines, shown_names, shown_path
from gui.views.words import translate

OPEN = UNDECIDED + ("failed",)   # requests the owner can still answer (or send again)


def source_title() -> str:
    return translate("removing", "Remove this recordings folder?")


def source_question(root: str, camera: str) -> str:
    """What leaves with a folder (or a recorder): its recordings, from the index only."""
    if root.startswith(("https://", "http://")):
        first = translate("removing", "Remove the recorder {root} (camera {camera}) from the "
                                      "app?")
        last = translate("removing", "Nothing on the recorder is changed; the app forgets its "
                                     "password. You can add it again later.")
    else:
        first = translate("removing", "Remove the recordings folder {root} (camera {camera}) "
                                      "from the app?")
        last = translate("removing", "Nothing in the folder is changed or deleted. You can add "
                                     "it again later. When you add it again, name its camera "
                                     "{camera}: its privacy masks are kept by that name, and a "
                                     "camera named otherwise is exported without them.")
    middle = translate("removing", "Its recordings leave the app's index: they can no longer be "
                                   "shared with an agency or exported, and requests for "
                                   "{camera} will find nothing.")
    # a folder's path read left to right, whatever its folders' names (shown_path)
    return shown_lines([shown(t, root=shown_path(root), camera=camera)
                        for t in (first, middle, last)], "\n\n")


def camera_title() -> str:
    return translate("removing", "Remove this camera?")


def camera_question(camera: str) -> str:
    """What removing a recorder's camera does: only one the recorder no longer has can go,
    since the recorder's next refresh would bring the recordings of one it has back."""
    parts = (translate("removing", "Remove the camera {camera}, which is no longer among its "
                                   "recorder's cameras, from the app?"),
             translate("removing", "Its recordings found before leave the app's index: they can "
                                   "no longer be shared with an agency or exported, and requests "
                                   "for {camera} will find nothing."),
             translate("removing", "Nothing on the recorder is changed. If the camera is put "
                                   "back on the recorder, its recordings are mirrored again. A "
                                   "camera the recorder still has cannot be removed alone: "
                                   "remove the recorder instead."))
    return shown_lines([shown(p, camera=camera) for p in parts], "\n\n")


def folder_camera(camera: str) -> str:
    """Remove camera chosen on a recordings folder's camera: nothing is asked or done."""
    return shown(translate("removing", "{camera} is the camera of a recordings folder: to "
                                       "remove it, remove its folder above."), camera=camera)


def still_listed(camera: str, root: str) -> str:
    """Remove camera chosen on a camera its recorder still lists: nothing is asked or done."""
    return shown(translate("removing", "{camera} is still among the recorder's cameras, so "
                                       "its recordings would be mirrored again at its next "
                                       "refresh: to stop mirroring them, remove the recorder "
                                       "{root} above."), camera=camera, root=shown_path(root))


def camera_removed(camera: str) -> str:
    """The status once a recorder's camera is removed."""
    return shown(translate("removing", "Removed {camera}: its recordings mirrored from the "
                                       "recorder left the app's index."), camera=camera)


def agency_title() -> str:
    return translate("removing", "Remove this agency?")


def open_requests(views, agency_id: str) -> int:
    """How many of the agency's requests the owner can still answer (runs inside a job)."""
    return sum(1 for v in views if v.agency_id == agency_id and v.status in OPEN)


def agency_question(name: str, open_count: int, registrations: list[str]) -> str:
    """What removing an agency from the trust list does to its requests and registrations."""
    parts = [translate("removing", "Remove {agency} from the agencies you trust?"),
             translate("removing", "Its requests will no longer verify, and new ones will be "
                                   "refused.")]
    if open_count == 1:   # its own sentence: Spanish agrees the verb with the count
        parts.append(translate("removing", "1 of its requests still waiting for your answer "
                                           "can then no longer be approved or declined."))
    elif open_count:
        parts.append(translate("removing", "{count} of its requests still waiting for your "
                                           "answer can then no longer be approved or declined."))
    if registrations:
        parts.append(translate("removing", "You are registered with it ({registrations}). This "
                                           "computer forgets the registration and stops checking "
                                           "the agency's portal, but the agency keeps your "
                                           "details and cameras: to have it forget you, press "
                                           "Unregister\u2026 first. Registering again needs a new "
                                           "invite code."))
    parts.append(translate("removing", "You can add the agency's file again later."))
    listed: Shown = shown_names(registrations)
    return shown_lines([shown(p, agency=name, count=open_count, registrations=listed)
                        for p in parts], "\n\n")


def removed(what: str, path: bool = False) -> str:
    """The status once it is done (`path`: `what` is a folder's path or a recorder's address,
    read left to right whatever its folders' names)."""
    return shown(translate("removing", "Removed {what}."),
                 what=shown_path(what) if path else what)
