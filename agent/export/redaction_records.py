"""What a redacted export says of its redaction in provenance.json: each kind of redaction
done (privacy masks, face blurring, muted sound), how, and how much; and where the unredacted
original is, which the agency, or a court, may have to ask the owner for."""
from __future__ import annotations

from agent.export.face_model import model_facts
from agent.export.redact import Redaction, RedactionReport
from agent.timebase import format_utc


def redaction_records(redaction: Redaction | None, report: RedactionReport | None,
                      window: tuple[int, int], audio_kept: bool = True) -> list[dict]:
    """provenance.json's "redactions": what was redacted, how, and how much. Muted ranges are
    recorded within `window` (the approved start and end: the owner may type a range reaching
    past it), and only when sound was kept at all."""
    if redaction is None:
        return []
    done = report or RedactionReport()
    records = []
    if redaction.masks and redaction.masks.polygons:
        records.append({
            "kind": "privacy-mask", "camera": redaction.masks.camera,
            "method": "polygons filled solid black in every frame of the clip: every pixel "
                      "whose centre an outline goes around (nonzero rule), even where it "
                      "crosses itself, and every pixel an outline passes through",
            "coordinates": "relative: x as a share of the frame width, y of its height",
            "polygons": redaction.masks.to_json()["polygons"], "frames": done.masked_frames})
    if redaction.faces is not None:
        o = redaction.faces
        facts = model_facts()[1]
        records.append({
            "kind": "face-blur", **facts,
            "threshold": o.threshold, "detect_width_px": o.detect_width,
            "detect_every_s": o.every_s, "box_margin": o.margin,
            "detected_every": [{"frames": frames, "frame_rate": round(rate, 3)}
                               for frames, rate in done.detection_intervals],
            "smallest_face": "about a twentieth of the frame's width (about 30 px at the "
                             "detection width): narrower faces are not found",
            "between_detections": "frames between two detections blur the box spanning a "
                                  "face's positions at both; a face seen at one end only is "
                                  "blurred over the whole stretch, and every frame between is "
                                  "searched too and blurs what is found in it; a face missed "
                                  "once stays blurred one more round; a face on screen for "
                                  "less than the time between detections may be seen by none",
            "method": f"each box (grown by the margin) reduced to at most {o.cells} samples "
                      "across, then smoothed",
            "detections": done.detections, "faces_found": done.faces_found,
            "frames_blurred": done.blurred_frames, "boxes_blurred": done.boxes_blurred})
    start, end = window
    muted = [(max(a, start), min(b, end)) for a, b in redaction.mute if a < end and b > start]
    if muted and audio_kept:
        records.append({
            "kind": "audio-mute",
            "ranges": [{"start": format_utc(a), "end": format_utc(b)} for a, b in muted],
            "method": "all the kept sound decoded, the samples in these ranges set to "
                      "silence, and all of it encoded again as AAC",
            "muted_samples": done.muted_samples})
    return records


def unredacted_original(recorder: dict | None, hold: dict | None = None) -> str:
    """Where the unredacted recordings are: on the owner's computer, or, for footage
    downloaded from a recorder (whose downloads are deleted once the clip is cut), on the
    recorder, which writes over its oldest recordings when its disk is full; for a clip cut
    from a request's safe copy (`hold`: provenance's section), in that copy only, which the
    owner may delete once the request has ended, the recordings it copied being gone."""
    if hold is not None:
        made = f" made {hold['made']}" if hold.get("made") else ""
        return (f"kept by the owner in the request's safe copy{made} on the owner's computer "
                "(see 'hold'): the copies listed under 'sources' were only read, never "
                "changed. The recordings they were copied from were gone or changed when this "
                "clip was cut, so that safe copy is the only unredacted footage left, and it "
                "is kept only until the owner deletes it (footage-agent allows that once the "
                "request has ended): ask the owner soon if a court needs it")
    if recorder is None:
        return ("kept by the owner: the source recordings listed under 'sources' were only "
                "read, never changed, and stay on the owner's computer")
    device = " ".join(str(recorder[k]) for k in ("vendor", "model") if recorder.get(k))
    serial = f", serial {recorder['serial']}" if recorder.get("serial") else ""
    return (f"kept on the owner's recorder the sources were downloaded from ({device}{serial}; "
            "see 'recorder'): the downloads listed under 'sources' were only read, never "
            "changed, and deleted from the owner's computer once this clip was cut. A "
            "recorder writes over its oldest recordings when its disk is full: ask the owner "
            "soon if a court needs them")
