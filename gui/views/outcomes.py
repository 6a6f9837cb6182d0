"""How a job reads while it runs and once it ended: stages in plain words, the packages an
export made, what a request's delivery sent and what the agency's receipt confirmed."""
from __future__ import annotations

from agent.views import RequestView
from gui.views import display, requests

STAGES = {
    "planning": "Finding the recordings",
    "cutting": "Cutting the footage",
    "checking": "Checking every frame is inside the approved time",
    "hashing sources": "Fingerprinting the original recordings",
    "sealing": "Sealing and signing the package",
    "uploading": "Sending",
    "done": "Finished",
}


def stage_text(stage: str) -> str:
    """A job stage in plain words ('porch: cutting' -> 'porch: Cutting the footage')."""
    camera, _, rest = stage.rpartition(": ")
    words = STAGES.get(rest, rest[:1].upper() + rest[1:])
    return f"{camera}: {words}" if camera else words


def result_text(result) -> str:
    """What the finished job produced, in a few lines."""
    if isinstance(result, RequestView):   # a request answered through the desk
        return delivery_text(result)
    items = result if isinstance(result, (list, tuple)) else [result]
    lines = []
    for item in items:
        package = getattr(item, "package", None)
        path = getattr(package, "path", None) or package
        if path:
            lines.append(f"Sealed and signed package: {path}")
        receipt = getattr(item, "receipt", None)
        if receipt:
            lines.append("The agency's signed receipt was checked and saved.")
        sha = getattr(item, "clip_sha256", None) or getattr(item, "sha256", None)
        if sha:
            lines.append(f"Fingerprint (SHA-256): {sha}")
        chain = getattr(item, "credentials", None)
        if chain is not None:
            lines.append(chain.summary())
        cut = getattr(item, "cut", None)
        lost = getattr(cut, "dropped_frames", 0), getattr(cut, "dropped_audio_packets", 0)
        if any(lost):
            lines.append(f"{lost[0]} damaged frame(s) could not be decoded and were left out"
                         + (f", and {lost[1]} piece(s) of sound were silenced" if lost[1]
                            else "") + " (you accepted this; the package says so).")
    return "\n".join(lines) or "Done."


def delivery_text(view) -> str:
    """What was delivered for a request, camera by camera."""
    lines = []
    for d in view.deliveries:
        state = ("sent; the agency's signed receipt matches what was sent" if d.receipt
                 else "sent" if d.upload_url else "packaged, not sent yet")
        lines.append(f"{d.camera}: {display.size(d.size)} {state}.\n  Package: {d.package}"
                     f"\n  Fingerprint (SHA-256): {d.sha256}")
    head = {"delivered": "Delivered.", "failed": "Not finished: " + requests.reason(view)}.get(
        view.status, requests.status(view) + ".")
    return "\n".join([head] + lines)
