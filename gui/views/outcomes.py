"""How a job reads while it runs and once it ended: stages in plain words, the packages an
export made (and kept when it stopped part way), what a request's delivery sent and what the
agency's receipt confirmed."""
from __future__ import annotations

import re
from pathlib import Path

from agent.views import RequestView, headless_words, stepped_words
from gui.views import display, requests
from gui.views.core_words import in_owner_language
from gui.views.shown import shown, shown_lines, shown_path
from gui.views.words import QT_TRANSLATE_NOOP, sentence_start, translate

STAGES = {
    "planning": QT_TRANSLATE_NOOP("outcomes", "Finding the recordings"),
    # a recorder's camera: its window downloaded first (agent/index/remote_window.py)
    "asking the recorder": QT_TRANSLATE_NOOP("outcomes", "Asking the recorder for the footage"),
    "downloading from the recorder": QT_TRANSLATE_NOOP("outcomes", "Downloading the footage "
                                                                   "from the recorder"),
    # a clip re-encoded whole, going onto a FAT32 drive: stretches cut first to weigh it
    # (agent/export/reencode_size.py)
    "measuring": QT_TRANSLATE_NOOP("outcomes", "Checking that the clip fits on the drive"),
    "cutting": QT_TRANSLATE_NOOP("outcomes", "Cutting the footage"),
    "checking": QT_TRANSLATE_NOOP("outcomes", "Checking every frame is inside the approved time"),
    "saving": QT_TRANSLATE_NOOP("outcomes", "Saving the clip to the disk"),
    "hashing sources": QT_TRANSLATE_NOOP("outcomes", "Fingerprinting the original recordings"),
    "sealing": QT_TRANSLATE_NOOP("outcomes", "Sealing and signing the package"),
    "uploading": QT_TRANSLATE_NOOP("outcomes", "Sending"),
    "done": QT_TRANSLATE_NOOP("outcomes", "Finished"),
}



# A delivery's stages (agent/requests/package_export.py, tus_uploads.py): "exporting porch
# (2 of 16)", the camera's name as it is, whatever it holds.
_DELIVERY = re.compile(r"(exporting|uploading) (.+) \((\d+) of (\d+)\)", re.DOTALL)
_COUNTED = re.compile(r"(.+) \((\d+) of (\d+)\)", re.DOTALL)
DELIVERY_STAGES = {
    "exporting": QT_TRANSLATE_NOOP("outcomes", "Preparing the footage of {camera} ({n} of "
                                               "{count})"),
    "uploading": QT_TRANSLATE_NOOP("outcomes", "Sending {camera} ({n} of {count})"),
}


def stage_text(stage: str) -> str:
    """A job stage in plain words ('porch (2 of 3): cutting' -> 'porch (2 of 3): Cutting the
    footage', 'exporting porch (2 of 16)' -> 'Preparing the footage of porch (2 of 16)'). The
    camera's name is set apart from the app's words (gui.views.shown), so a Hebrew one keeps
    the line's order and its count."""
    delivery = _DELIVERY.fullmatch(stage)
    if delivery is not None:
        step, camera, n, count = delivery.groups()
        return shown(translate("outcomes", DELIVERY_STAGES[step]), camera=camera, n=n,
                     count=count)
    camera, _, rest = stage.rpartition(": ")
    words = (translate("outcomes", STAGES[rest]) if rest in STAGES
             else sentence_start(rest))
    if not camera:
        return words
    counted = _COUNTED.fullmatch(camera)   # an export by hand: "porch (2 of 16): cutting"
    named, n, count = "{camera}", "", ""
    if counted is not None:
        named = translate("outcomes", "{camera} ({n} of {count})")
        camera, n, count = counted.groups()
    return shown(named + ": {words}", camera=camera, n=n, count=count, words=words)


class PartlyExported(Exception):
    """An export of several cameras that stopped (cancelled, or failed) after finishing some:
    `finished` holds what agent.export returned for those, whose sealed packages stay where
    they were written. The message is why it stopped."""

    def __init__(self, message: str, finished: tuple):
        super().__init__(message)
        self.finished = finished


def package_path(item) -> str | None:
    """Where an export's package is (an ExportResult's package, or its path)."""
    package = getattr(item, "package", None)
    return getattr(package, "path", None) or package


def stopped_text(by_hand: bool, cancelled: bool, finished=()) -> str:
    """What an export or delivery that did not finish left behind, truthfully: an export by
    hand keeps the packages finished before it stopped (sealed and complete, as the activity
    log records them) and says where; the camera it was cutting leaves nothing."""
    if not by_hand:
        return translate("outcomes", "Stopped. Nothing was sent, and no partial package was "
                                     "kept.")
    if not finished:
        return (translate("outcomes", "Stopped. No package was written.") if cancelled else
                translate("outcomes", "No package was written."))
    # each path read left to right, whatever its folders' names (shown_path)
    paths = shown_lines([shown("  {path}", path=shown_path(package_path(item)))
                         for item in finished])
    head = (translate("outcomes", "Stopped. These packages were finished before you cancelled "
                                  "and are kept, sealed and complete:") if cancelled else
            translate("outcomes", "These packages were finished before it stopped and are kept, "
                                  "sealed and complete:"))
    return shown_lines([head, paths, translate("outcomes", "Nothing of the other cameras was "
                                                           "written. Delete a kept package if "
                                                           "you do not want it.")])


def result_text(result) -> str:
    """What the finished job produced, in a few lines."""
    if isinstance(result, RequestView):   # a request answered through the desk
        return delivery_text(result)
    items = result if isinstance(result, (list, tuple)) else [result]
    lines = []
    for item in items:
        path = package_path(item)
        if path:
            lines.append(shown(translate("outcomes", "Sealed and signed package: {path}"),
                               path=shown_path(path)))
        receipt = getattr(item, "receipt", None)
        if receipt:
            lines.append(translate("outcomes", "The agency's signed receipt was checked and "
                                               "saved."))
        sha = getattr(item, "clip_sha256", None) or getattr(item, "sha256", None)
        if sha:
            lines.append(translate("outcomes", "Fingerprint (SHA-256): {sha}").format(sha=sha))
        chain = getattr(item, "credentials", None)
        if chain is not None:
            lines.append(credentials_line(chain))
        cut = getattr(item, "cut", None)
        lost = getattr(cut, "dropped_frames", 0), getattr(cut, "dropped_audio_packets", 0)
        if any(lost):
            lines.append(_lost_words(*lost))
        for said in [*map(headless_words, getattr(cut, "headless", ())),
                     *map(stepped_words, getattr(cut, "clock_steps", ()))]:
            said = in_owner_language(said)
            lines.append(sentence_start(said) + ".")
        blur = _blur_words(getattr(cut, "redaction", None), getattr(item, "plan", None))
        if blur:
            lines.append(blur)
    by_hand = [i for i in items if getattr(i, "clip", None)]
    lines += handover_lines([package_path(i) for i in by_hand])
    lines += key_lines({getattr(i, "owner_id", "") for i in by_hand} - {""})
    # joined as shown lines: the blur's line keeps its camera's name isolated
    return shown_lines(lines) if lines else translate("outcomes", "Done.")


def handover_lines(packages: list) -> list[str]:
    """What to give whoever the packages exported by hand are for: each package's whole
    folder, whose README.txt tells them the rest."""
    names = [Path(p).name for p in packages if p]
    if not names:
        return []
    if len(names) == 1:
        head = shown(translate("outcomes", "Hand over the whole folder {name}, as it is (copy "
                                           "it to the USB stick, or send it)."),
                     name=shown_path(names[0]))
    else:
        head = translate("outcomes", "Hand over each package's whole folder, as it is (copy "
                                     "them to the USB stick, or send them).")
    return ["", head, translate("outcomes", "The README.txt in it tells the receiver which file "
                                            "is the video, what plays it, and how to check it.")]


def key_lines(owner_ids: set[str]) -> list[str]:
    """The key that sealed the packages exported by hand: their README asks the receiver to
    compare it with the id the owner reads out from the app."""
    return [translate("outcomes", "If the receiver asks which key sealed it: your key's id is "
                                  "{owner_id} (its README names it too).").format(owner_id=o)
            for o in sorted(owner_ids)]


def _blur_words(done, plan) -> str:
    """What face blurring did to one camera's clip ("" when it was not asked for): a blur that
    found no face is said, with its limit, so it does not read as faces hidden."""
    if done is None or not getattr(done, "detections", 0):
        return ""
    camera = getattr(plan, "camera", "")
    if done.blurred_frames == 1:   # one and many said apart, as the translation needs
        said = translate("outcomes", "{camera}: faces blurred in 1 frame")
    elif done.blurred_frames:
        said = translate("outcomes", "{camera}: faces blurred in {frames} frames")
    else:
        said = translate("outcomes", "{camera}: no face was found to blur (a face narrower than "
                                     "about a twentieth of the picture is missed: cover such "
                                     "places with a privacy mask)")
    # the camera's name isolated (gui.views.shown): a Hebrew one keeps the line's order
    return shown(said, camera=camera, frames=done.blurred_frames)


def _lost_words(frames: int, pieces: int) -> str:
    """What an accepted damaged recording left out (one and many said apart, as the
    translation needs)."""
    if frames == 1:
        said = translate("outcomes", "1 damaged frame could not be decoded and was left out")
    else:
        said = translate("outcomes", "{frames} damaged frames could not be decoded and were "
                                     "left out").format(frames=frames)
    if pieces == 1:
        said += translate("outcomes", ", and 1 piece of sound was silenced")
    elif pieces:
        said += translate("outcomes", ", and {pieces} pieces of sound were silenced").format(
            pieces=pieces)
    return said + translate("outcomes", " (you accepted this; the package says so).")


def delivery_text(view) -> str:
    """What was delivered for a request, camera by camera."""
    lines = []
    for d in view.deliveries:
        if d.receipt:
            state = translate("outcomes", "sent; the agency's signed receipt matches what was sent")
        elif d.upload_url and view.status == "declined":   # kept by the withdrawal
            state = translate("outcomes", "sent whole, and no receipt came back: the agency may "
                                          "have it, so this copy was kept")
        elif d.upload_url:
            state = translate("outcomes", "sent whole, but no receipt has come back yet: the "
                                          "agency may have it")
        else:
            state = translate("outcomes", "packaged, not sent yet")
        # the camera's name isolated (gui.views.shown): a Hebrew one keeps the line's order
        lines.append(shown(translate("outcomes", "{camera}: {size} {state}."), camera=d.camera,
                           size=display.size(d.size), state=state)
                     + "\n" + shown("  " + translate("outcomes", "Package: {path}"),
                                     path=shown_path(d.package))
                     + "\n  " + translate("outcomes", "Fingerprint (SHA-256): {sha}")
                     .format(sha=d.sha256))
    if view.status == "delivered":
        head = translate("outcomes", "Delivered.")
    elif view.status == "failed":
        head = translate("outcomes", "Not finished: {reason}").format(reason=requests.reason(view))
    else:
        head = requests.status(view) + "."
    return shown_lines([head] + lines)


def credentials_line(chain) -> str:
    """Who vouches for a clip's Content Credentials (a SigningChain), as the export's result
    says it: the same sentence as the command line's, in the app's language."""
    if chain.by_agency:
        return translate("outcomes", "Content Credentials: signed with your certificate from "
                         "{agency}; validators that trust that agency's registration CA show "
                         "the clip as trusted").format(agency=chain.agency)
    line = translate("outcomes", "Content Credentials: self-issued; validators will show this "
                     "as untrusted: it is signed by your own key, not by an agency")
    # why not the agency's (agent/requests/clip_signing.py): the core's words, read as the app's
    return f"{line} ({in_owner_language(chain.note)})" if chain.note else line
