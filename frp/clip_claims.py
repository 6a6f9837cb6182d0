"""What a clip's Content Credentials say about it, in one shape for both sides: the writer makes
the C2PA manifest from provenance.json's facts, and a receiver reads the manifest back and
holds it against provenance.json.

The manifest uses C2PA's standard assertions where they exist (docs/package-format.md,
"Content Credentials"):

- each source recording is an ingredient known by its path, SHA-256 and size only (the
  recordings are not embedded): the first is `c2pa.opened` (the `parentOf` ingredient C2PA
  allows one of), every further one `c2pa.placed`;
- `c2pa.edited` "cut to the approved window", its times in `parameters`;
- `c2pa.repackaged` (frames as recorded: copy mode, or an exact cut that re-encoded none) or
  `c2pa.transcoded` (an exact cut that re-encoded some);
- `c2pa.edited` for each redaction (privacy masks as spatial regions, face blur, muted
  sound) and for sound removed. C2PA's own `c2pa.redacted` means removing an *assertion* and
  requires the assertion's URI, so it cannot say that pixels were covered;
- `org.footage-agent.capture`: the camera, capture times (UTC), the approved window, the
  request and the package, when there are.
"""
from __future__ import annotations

from dataclasses import dataclass

from frp.text import one_line
from frp.times import parse_rfc3339

NS = "org.footage-agent."
CAPTURE = NS + "capture"
_MIME = {"mp4": "video/mp4", "mov": "video/quicktime", "ts": "video/mp2t", "mkv": "video/x-matroska",
         "avi": "video/x-msvideo"}


@dataclass(frozen=True)
class SourceClaim:
    """One recording the clip was cut from: its path inside its recordings folder, its
    SHA-256 (lower-case hex, however it was written) and size, and for a recording inside a
    Hikvision ring file the stretch of it (`bytes`: start, end exclusive)."""

    path: str
    sha256: str
    size: int
    bytes: tuple | None = None


def _source(path, sha256, size, stretch) -> SourceClaim:
    span = (stretch.get("start"), stretch.get("end")) if isinstance(stretch, dict) else None
    return SourceClaim(str(path), str(sha256).lower(), size, span)


@dataclass(frozen=True)
class ClipClaims:
    """The facts a clip's credentials carry (times are RFC 3339 text as written, compared as
    instants)."""

    camera: str | None
    window: tuple[str, str] | None        # the approved window
    delivered: tuple[str, str] | None     # capture times of the first and last frame
    sources: tuple[SourceClaim, ...]
    redactions: tuple[str, ...]           # kinds, in order: privacy-mask, face-blur, audio-mute
    audio: str | None                     # "kept" or "removed"
    mode: str | None                      # "copy" or "exact"
    request: str | None = None            # the request id, None for a manual export
    agency: str | None = None
    package: str | None = None
    # What the capture assertion says again (a validator shows it of the clip alone).
    capture_window: tuple[str, str] | None = None
    capture_delivered: tuple[str, str] | None = None
    case: str | None = None
    time_zones: tuple | None = None


def _zones(value) -> tuple | None:
    return tuple(value) if isinstance(value, list) else None


def _pair(doc, a: str = "start", b: str = "end") -> tuple[str, str] | None:
    if isinstance(doc, dict) and isinstance(doc.get(a), str) and isinstance(doc.get(b), str):
        return doc[a], doc[b]
    return None


def claims_from_provenance(record: dict, package: str | None = None) -> ClipClaims:
    """The claims provenance.json makes (what a clip's manifest must say too)."""
    request = record.get("request") if isinstance(record.get("request"), dict) else None
    sources = tuple(_source(s.get("path"), s.get("sha256"), s.get("size"), s.get("bytes"))
                    for s in record.get("sources") or () if isinstance(s, dict))
    kinds = tuple(str(r.get("kind")) for r in record.get("redactions") or ()
                  if isinstance(r, dict))
    cut = record.get("cut") if isinstance(record.get("cut"), dict) else {}
    clock = record.get("clock") if isinstance(record.get("clock"), dict) else {}
    window, delivered = _pair(record.get("approved")), _pair(record.get("delivered"))
    return ClipClaims(record.get("camera"), window, delivered, sources, kinds, record.get("audio"),
                      cut.get("mode"), request.get("id") if request else None,
                      request.get("agency") if request else None, package, window, delivered,
                      request.get("case") if request else None, _zones(clock.get("time_zones")))


def manifest_definition(record: dict, title: str, version: str,
                        package: str | None = None) -> dict:
    """The C2PA manifest definition (c2pa Builder JSON) for a clip whose provenance facts are
    `record` (provenance.json without its outputs). The hard binding is the signer's to add."""
    claims = claims_from_provenance(record, package)
    ingredients, actions = [], []
    ranges = [s.get("bytes") if isinstance(s, dict) else None for s in record.get("sources") or ()]
    for i, src in enumerate(claims.sources):
        metadata = {NS + "sha256": src.sha256, NS + "size": src.size}
        if i < len(ranges) and ranges[i]:   # a recording inside a Hikvision ring file
            metadata[NS + "bytes"] = ranges[i]
        ingredients.append({
            "title": src.path, "format": _MIME.get(src.path.rsplit(".", 1)[-1].lower(),
                                                   "application/octet-stream"),
            "relationship": "parentOf" if i == 0 else "componentOf", "label": f"source-{i}",
            "metadata": metadata})
        actions.append({"action": "c2pa.opened" if i == 0 else "c2pa.placed",
                        "description": "a recording the clip was cut from",
                        "parameters": {"ingredientIds": [f"source-{i}"]}})
    window = dict(zip(("start", "end"), claims.window or ()))
    delivered = dict(zip(("start", "end"), claims.delivered or ()))
    actions.append({"action": "c2pa.edited", "description": "cut to the window the owner approved",
                    "parameters": {NS + "window": window, NS + "delivered": delivered}})
    cut = record.get("cut") or {}
    if claims.mode == "exact" and cut.get("reencoded_frames") == 0:
        # The window began on a keyframe and nothing was redacted: every frame was copied.
        actions.append({"action": "c2pa.repackaged",
                        "description": "frame-accurate cut: every frame copied as recorded",
                        "parameters": {NS + "mode": "exact", NS + "reencoded_frames": 0}})
    elif claims.mode == "exact":
        actions.append({"action": "c2pa.transcoded",
                        "description": "frame-accurate cut: frames re-encoded where needed",
                        "parameters": {NS + "mode": "exact",
                                       NS + "reencoded_frames": cut.get("reencoded_frames")}})
    else:
        actions.append({"action": "c2pa.repackaged",
                        "description": "frames copied as recorded into a new MP4",
                        "parameters": {NS + "mode": claims.mode}})
    for redaction in record.get("redactions") or ():
        actions.append(_redaction_action(redaction))
    if claims.audio == "removed":
        actions.append({"action": "c2pa.edited", "description": "sound removed",
                        "parameters": {NS + "audio": "removed"}})
    capture = {"camera": claims.camera, "capture": delivered, "approved": window,
               "time_zones": (record.get("clock") or {}).get("time_zones"),
               "request": None if claims.request is None else {
                   "id": claims.request, "agency": claims.agency,
                   "case": (record.get("request") or {}).get("case")},
               "package": package}
    return {"claim_generator_info": [{"name": "footage-agent", "version": version}],
            "title": title, "format": "video/mp4", "ingredients": ingredients,
            "assertions": [{"label": "c2pa.actions", "data": {"actions": actions}},
                           {"label": CAPTURE, "data": capture}]}


def _redaction_action(redaction: dict) -> dict:
    kind = redaction.get("kind")
    action = {"action": "c2pa.edited", "parameters": {NS + "redaction": kind}}
    if kind == "privacy-mask":
        action["description"] = "privacy masks filled black in every frame"
        action["changes"] = [{"region": [{"type": "spatial", "shape": _polygon(p["points"])}],
                              "description": p.get("name") or "privacy mask"}
                             for p in redaction.get("polygons") or () if p.get("points")]
    elif kind == "face-blur":
        action["description"] = "faces blurred"
        action["parameters"][NS + "frames_blurred"] = redaction.get("frames_blurred")
    elif kind == "audio-mute":
        action["description"] = "sound silenced in the given ranges"
        action["parameters"][NS + "ranges"] = redaction.get("ranges")
    return action


def _polygon(points) -> dict:
    """A mask polygon (relative coordinates) as a C2PA shape in percent."""
    vertices = [{"x": round(x * 100, 4), "y": round(y * 100, 4)} for x, y in points]
    return {"type": "polygon", "unit": "percent", "origin": vertices[0], "vertices": vertices}


def claims_from_manifest(manifest: object) -> ClipClaims:
    """What an active manifest (the c2pa Reader's JSON for it) claims; anything missing or of
    the wrong shape reads as None or empty, never raises."""
    m = manifest if isinstance(manifest, dict) else {}
    sources = []
    for ing in m.get("ingredients") or ():
        meta = ing.get("metadata") if isinstance(ing, dict) else None
        if isinstance(meta, dict):
            sources.append(_source(ing.get("title"), meta.get(NS + "sha256"),
                                   meta.get(NS + "size"), meta.get(NS + "bytes")))
    actions, capture = [], {}
    for a in m.get("assertions") or ():
        if not isinstance(a, dict) or not isinstance(a.get("data"), dict):
            continue
        if str(a.get("label", "")).startswith("c2pa.actions"):
            actions += [x for x in a["data"].get("actions") or () if isinstance(x, dict)]
        elif a.get("label") == CAPTURE:
            capture = a["data"]
    window = delivered = mode = None
    kinds, audio = [], "kept"
    for action in actions:
        params = action.get("parameters") if isinstance(action.get("parameters"), dict) else {}
        if NS + "window" in params:
            window, delivered = _pair(params[NS + "window"]), _pair(params.get(NS + "delivered"))
        if NS + "mode" in params:
            mode = params[NS + "mode"]
        if NS + "redaction" in params:
            kinds.append(str(params[NS + "redaction"]))
        if params.get(NS + "audio") == "removed":
            audio = "removed"
    request = capture.get("request") if isinstance(capture.get("request"), dict) else {}
    return ClipClaims(capture.get("camera"), window, delivered, tuple(sources), tuple(kinds),
                      audio, mode, request.get("id"), request.get("agency"),
                      capture.get("package"), _pair(capture.get("approved")),
                      _pair(capture.get("capture")), request.get("case"),
                      _zones(capture.get("time_zones")))


def disagreements(expected: ClipClaims, found: ClipClaims) -> list[str]:
    """Where the manifest's claims differ from provenance.json's, one sentence each."""
    out = []
    for what, want, got in (("approved window is", expected.window, found.window),
                            ("delivered frames' times are", expected.delivered, found.delivered),
                            ("capture assertion's approved window is", expected.capture_window,
                             found.capture_window),
                            ("capture assertion's first and last frames' times are",
                             expected.capture_delivered, found.capture_delivered)):
        if want != got and (_instants(want) is None or _instants(want) != _instants(got)):
            out.append(f"its {what} {_shown(got)}, but provenance.json says {_shown(want)}")
    checks = (("camera is", expected.camera, found.camera),
              ("cut mode is", expected.mode, found.mode),
              ("redactions are", expected.redactions, found.redactions),
              ("sound is", expected.audio, found.audio),
              ("request is", expected.request, found.request),
              ("case is", expected.case, found.case),
              ("recorders' time zones are", expected.time_zones, found.time_zones))
    for what, want, got in checks:
        if want != got:
            out.append(f"its {what} {_shown(got)}, but provenance.json says {_shown(want)}")
    if expected.sources != found.sources:
        out.append(f"its source recordings ({_files(found.sources)}) are not those in "
                   f"provenance.json ({_files(expected.sources)})")
    return out


def _instants(pair: tuple[str, str] | None) -> tuple[int, int] | None:
    """Two RFC 3339 times as UTC microseconds: the same instant may be written `Z` or
    `+00:00`, in another offset or with fractional seconds, and is the same time. None when
    either is not such a time."""
    if pair is None:
        return None
    try:
        return parse_rfc3339(pair[0]), parse_rfc3339(pair[1])
    except (ValueError, OverflowError):   # TimeError is a ValueError
        return None


def _shown(value) -> str:
    """A claimed value for a sentence: what the other side wrote is shown inertly."""
    if value is None or value == ():
        return "none"
    if isinstance(value, tuple):
        joint = " to " if len(value) == 2 and _instants(value) is not None else ", "
        return one_line(joint.join(map(str, value)))
    return one_line(str(value))


def _files(sources: tuple[SourceClaim, ...]) -> str:
    return one_line(", ".join(f"{s.path} SHA-256 {s.sha256[:12]}..."
                              + (f" bytes {s.bytes[0]} to {s.bytes[1]}" if s.bytes else "")
                              for s in sources)) or "none"
