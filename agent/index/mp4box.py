"""Container facts read straight from MP4/MOV boxes (ISO/IEC 14496-12, QuickTime).

Pure: bytes come in through a `read_at(offset, length)` callable, facts go out. Only header
boxes are read: the walk hops from box header to box header, skips `mdat` without touching it
and reads `moov` in one piece, so a normal file costs two or three small reads.

Anything the bytes say is a status, never an exception: a parse that runs off its buffer or
meets impossible sizes becomes "damaged" with a reason an owner can act on.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Callable

Reader = Callable[[int, int], bytes]

US = 1_000_000
_MOV_EPOCH_S = 2_082_844_800       # 1904-01-01 to 1970-01-01
_MIN_CREATION_US = 946_684_800 * US   # 2000-01-01: earlier means an unset camera clock
_MAX_CREATION_US = 4_102_444_800 * US  # 2100-01-01: later is garbage
_CHUNK = 4096                      # one page: covers ftyp/free/mdat headers, or a small moov
_MAX_MOOV = 256 << 20              # larger than any real index; refuse rather than eat memory
_TOP = {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"moof", b"mfra", b"styp",
        b"sidx", b"uuid", b"pnot", b"meta", b"junk", b"pdin", b"emsg", b"prft"}
_CODECS = {"avc1": "h264", "avc3": "h264", "h264": "h264", "hvc1": "hevc", "hev1": "hevc",
           "mp4v": "mpeg4", "jpeg": "mjpeg", "mjpa": "mjpeg", "mjpb": "mjpeg", "av01": "av1",
           "vp08": "vp8", "vp09": "vp9", "s263": "h263", "h263": "h263", "apch": "prores",
           "apcn": "prores", "apcs": "prores", "apco": "prores", "ap4h": "prores",
           "encv": "encrypted", "mp4a": "aac", "ulaw": "pcm_mulaw", "alaw": "pcm_alaw"}
# Boxes whose facts we read: one of these being broken makes the facts untrustworthy.
_NEEDED = {b"mvhd", b"trak", b"tkhd", b"mdia", b"mdhd", b"hdlr", b"minf", b"stbl", b"stsd",
           b"stts", b"mvex", b"trex", b"traf", b"tfhd", b"trun"}
POWER_LOSS = "no moov box: the recorder lost power before closing this file"


@dataclass(frozen=True)
class ContainerFacts:
    """What a container header says about one recording."""

    status: str                    # "ok" | "empty" | "damaged" | "unsupported"
    reason: str | None             # plain words for the owner; None when nothing to say
    container: str | None          # "mp4", "mov", "fmp4", "mpegts", "matroska", "avi", "dhav", ...
    duration_us: int | None        # of the video track when there is one, else the movie
    creation_us: int | None        # container creation time, UTC microseconds
    codec: str | None              # "h264", "hevc", ...
    width: int | None
    height: int | None
    fps: float | None              # frames / duration, 3 decimals
    frames: int | None             # video sample count when known
    has_audio: bool = False


def failed(status: str, reason: str, container: str | None = None) -> ContainerFacts:
    """Facts for a file whose content cannot be described."""
    return ContainerFacts(status, reason, container, None, None, None, None, None, None, None)


class _Malformed(Exception):
    """A box that contradicts itself; becomes a "damaged" status."""


@dataclass
class _Track:
    handler: bytes = b""
    track_id: int = 0
    timescale: int = 0
    duration: int = 0
    created: int = 0
    fourcc: str | None = None
    width: int = 0
    height: int = 0
    samples: int = 0
    sample_time: int = 0           # sum of stts deltas, in the track timescale
    frag_samples: int = 0
    frag_time: int = 0


@dataclass
class _Walk:
    brand: bytes = b""
    moov: bytes | None = None
    moov_cut: bool = False
    mdat: bool = False
    mdat_cut: bool = False
    broken_at: int | None = None
    truncated: bool = False
    sidx: tuple[int, int] | None = None  # (timescale, total duration) of a segment index
    runs: list = field(default_factory=list)  # fragment runs whose mdat is complete (_moof_runs)


def looks_like_mp4(head: bytes) -> bool:
    """True when the first bytes are an MP4/MOV box header (whatever the file is named)."""
    if len(head) < 8 or head[4:8] not in _TOP:
        return False
    size = int.from_bytes(head[:4], "big")
    return size in (0, 1) or size >= 8


def parse_bytes(data: bytes) -> ContainerFacts:
    """Facts from a whole file held in memory (tests, fuzzing)."""
    return read_mp4(lambda offset, length: data[offset:offset + length], len(data))


def read_mp4(read_at: Reader, size: int) -> ContainerFacts:
    """Facts of an MP4/MOV/fMP4 file of `size` bytes. Never raises for bad content; an OSError
    from `read_at` (the file itself unreadable) passes through."""
    if size <= 0:
        return failed("empty", "zero-byte file")
    try:
        walk = _walk(read_at, size)
        return _facts(walk)
    except (_Malformed, struct.error, IndexError) as exc:
        detail = str(exc) if isinstance(exc, _Malformed) else "a header box is shorter than it claims"
        return failed("damaged", f"the MP4 index is corrupt ({detail}); the file cannot be played")


def _walk(read_at: Reader, size: int) -> _Walk:
    """Hop over the top-level boxes, keeping moov and the fragment headers."""
    w = _Walk()
    pending: list = []
    cache_at, cache = 0, read_at(0, min(size, _CHUNK))

    def get(start: int, length: int) -> bytes:
        if cache_at <= start and start + length <= cache_at + len(cache):
            return cache[start - cache_at:start + length - cache_at]
        return read_at(start, length)

    pos = 0
    while pos < size:
        if not (cache_at <= pos and pos + 16 <= cache_at + len(cache)):
            cache_at, cache = pos, read_at(pos, min(size - pos, _CHUNK))
        hdr = cache[pos - cache_at:pos - cache_at + 16]
        if len(hdr) < 8:
            w.truncated = True
            break
        box_size, kind = struct.unpack_from(">I4s", hdr)
        head_len = 8
        if box_size == 1:
            if len(hdr) < 16:
                w.truncated = True
                break
            box_size, head_len = struct.unpack_from(">Q", hdr, 8)[0], 16
        if box_size == 0:   # size 0, or a largesize never patched: the box runs to the end
            box_size = size - pos
        if box_size < head_len or not _fourcc_ok(kind):
            w.broken_at = pos
            break
        end = pos + box_size
        complete = end <= size
        body_at, body_len = pos + head_len, box_size - head_len
        if kind == b"moov":
            if not complete:
                w.moov_cut = True
                break
            if body_len > _MAX_MOOV:
                raise _Malformed("its index box claims to be larger than any real recording's")
            w.moov = get(body_at, body_len)
            if len(w.moov) < body_len:   # the file shrank under us
                w.moov, w.moov_cut = None, True
                break
        elif kind == b"ftyp":
            w.brand = get(body_at, 4)
        elif kind == b"moof" and complete and body_len <= _MAX_MOOV:
            pending.extend(_moof_runs(get(body_at, body_len)))
        elif kind == b"sidx" and complete and body_len <= _MAX_MOOV and w.sidx is None:
            w.sidx = _sidx(get(body_at, body_len))
        elif kind == b"mdat":
            w.mdat = True
            if complete:
                w.runs.extend(pending)
                pending = []
            else:
                w.mdat_cut = True
        if not complete:
            w.truncated = True
            break
        pos = end
    return w


def _fourcc_ok(kind: bytes) -> bool:
    return all(32 <= c < 127 for c in kind)


def _facts(w: _Walk) -> ContainerFacts:
    name = "mov" if w.brand == b"qt  " else "mp4"
    return _movie_facts(w, name) if w.moov is not None else _moovless_facts(w, name)


def _moovless_facts(w: _Walk, name: str) -> ContainerFacts:
    if w.moov_cut:
        return failed("damaged", "the file was cut off inside its index (moov box): the "
                      "recorder stopped before finishing it", name)
    if w.sidx and w.runs:   # a bare fMP4 segment: its sidx holds the timescale the moofs lack
        reason = "media segment without init; duration from its sidx box"
        return ContainerFacts("ok", reason + ("; truncated" if w.truncated else ""), "fmp4",
                              _to_us(w.sidx[1], w.sidx[0]), None, None, None, None, None, None)
    if w.runs or w.sidx:
        return failed("unsupported", "a media segment without its init segment (moov box); "
                      "it plays only together with the stream's init file", "fmp4")
    if w.mdat:
        return failed("damaged", POWER_LOSS, name)
    if w.broken_at is None:
        return failed("damaged", "not a readable MP4: it holds neither an index (moov box) nor "
                      "media", name)
    return failed("damaged", f"not a readable MP4: the box structure is broken at byte "
                  f"{w.broken_at}", name)


def _movie_facts(w: _Walk, name: str) -> ContainerFacts:
    movie = _parse_moov(w.moov)
    tracks, fragmented = movie["tracks"], movie["fragmented"]
    if not tracks:
        return failed("damaged", "the MP4 index lists no tracks; there is nothing to play", name)
    if fragmented:
        name = "fmp4"
        _apply_runs(tracks, w.runs, movie["trex"])
    video = next((t for t in tracks if t.handler == b"vide"), None)
    has_audio = any(t.handler == b"soun" for t in tracks)
    creation = _creation_us(movie["created"]) or (_creation_us(video.created) if video else None)
    if video is None:
        duration = _to_us(movie["duration"], movie["timescale"])
        frames = codec = width = height = None
    else:
        duration = _track_duration_us(video, fragmented)
        frames = video.samples + video.frag_samples
        codec = _CODECS.get(video.fourcc or "", (video.fourcc or "").strip().lower() or None)
        width, height = video.width or None, video.height or None
    fps = round(frames * US / duration, 3) if frames and duration else None
    status, reason = "ok", None
    if fragmented and w.truncated:
        if not frames:
            return failed("damaged", "the file was cut off before its first complete fragment", name)
        reason = f"truncated; readable to {_clock(duration)}"
    elif not fragmented and w.mdat_cut:
        status, reason = "damaged", ("the file was cut off: its media data ends before its index "
                                      "says, so the end of the recording is missing")
    elif video is not None and not frames:
        status, reason = "empty", "the file holds no video frames"
    return ContainerFacts(status, reason, name, duration, creation, codec, width, height, fps,
                          frames, has_audio)


def _children(buf: bytes, start: int, end: int):
    """Yield (type, body_start, body_end) for the boxes in buf[start:end]."""
    pos = start
    while pos + 8 <= end:
        size, kind = struct.unpack_from(">I4s", buf, pos)
        head = 8
        if size == 1:
            size, head = struct.unpack_from(">Q", buf, pos + 8)[0], 16
        elif size == 0:
            size = end - pos
        if size < head or pos + size > end:
            if kind not in _NEEDED:   # e.g. a vendor's odd udta: players ignore it, so do we
                return
            raise _Malformed(f"its '{kind.decode('latin-1')}' box overruns the box holding it")
        yield kind, pos + head, pos + size
        pos += size


def _parse_moov(moov: bytes) -> dict:
    movie = {"timescale": 0, "duration": 0, "created": 0, "tracks": [], "fragmented": False,
             "trex": {}}
    for kind, s, e in _children(moov, 0, len(moov)):
        if kind == b"mvhd":
            movie["created"], movie["timescale"], movie["duration"] = _times(moov, s)
        elif kind == b"trak":
            movie["tracks"].append(_parse_trak(moov, s, e))
        elif kind == b"mvex":
            movie["fragmented"] = True
            for sub, ss, _se in _children(moov, s, e):
                if sub == b"trex":
                    track_id, _desc, duration = struct.unpack_from(">III", moov, ss + 4)
                    movie["trex"][track_id] = duration
    return movie


def _times(buf: bytes, s: int) -> tuple[int, int, int]:
    """(creation, timescale, duration) of an mvhd or mdhd body, version 0 or 1."""
    if buf[s] == 1:
        created, _mod, timescale, duration = struct.unpack_from(">QQIQ", buf, s + 4)
        if duration == 0xFFFFFFFFFFFFFFFF:
            duration = 0
    else:
        created, _mod, timescale, duration = struct.unpack_from(">IIII", buf, s + 4)
        if duration == 0xFFFFFFFF:   # "unknown"
            duration = 0
    return created, timescale, duration


def _parse_trak(buf: bytes, start: int, end: int) -> _Track:
    t = _Track()
    for kind, s, e in _walk_nested(buf, start, end):
        if kind == b"tkhd":
            v1 = buf[s] == 1
            t.track_id = struct.unpack_from(">I", buf, s + (20 if v1 else 12))[0]
            w, h = struct.unpack_from(">II", buf, s + (88 if v1 else 76))
            t.width, t.height = t.width or w >> 16, t.height or h >> 16
        elif kind == b"mdhd":
            t.created, t.timescale, t.duration = _times(buf, s)
        elif kind == b"hdlr" and not t.handler:
            # QuickTime puts a second hdlr (the data handler) inside minf; the first one counts.
            t.handler = buf[s + 8:s + 12]
        elif kind == b"stsd" and struct.unpack_from(">I", buf, s + 4)[0] > 0:
            entry = s + 8
            t.fourcc = buf[entry + 4:entry + 8].decode("latin-1")
            if t.handler == b"vide" and entry + 36 <= e:
                w, h = struct.unpack_from(">HH", buf, entry + 32)
                t.width, t.height = w or t.width, h or t.height
        elif kind == b"stts":
            count = min(struct.unpack_from(">I", buf, s + 4)[0], (e - s - 8) // 8)
            for n, delta in struct.iter_unpack(">II", buf[s + 8:s + 8 + count * 8]):
                t.samples += n
                t.sample_time += n * delta
    return t


def _walk_nested(buf: bytes, start: int, end: int, depth: int = 0):
    """Depth-first over trak's container boxes, yielding the leaves we read."""
    if depth > 3:   # trak > mdia > minf > stbl; deeper nesting is a crafted or broken file
        raise _Malformed("its track boxes are nested impossibly deep")
    for kind, s, e in _children(buf, start, end):
        if kind in (b"mdia", b"minf", b"stbl"):
            yield from _walk_nested(buf, s, e, depth + 1)
        else:
            yield kind, s, e


def _moof_runs(body: bytes) -> list:
    """Per traf: (track_id, samples, explicit time, samples needing a default, tfhd default)."""
    runs = []
    for kind, s, e in _children(body, 0, len(body)):
        if kind != b"traf":
            continue
        track_id, tf_default, samples, time, needs = 0, None, 0, 0, 0
        for sub, ss, se in _children(body, s, e):
            if sub == b"tfhd":
                flags = int.from_bytes(body[ss + 1:ss + 4], "big")
                track_id = struct.unpack_from(">I", body, ss + 4)[0]
                at = ss + 8 + (8 if flags & 0x01 else 0) + (4 if flags & 0x02 else 0)
                if flags & 0x08:
                    tf_default = struct.unpack_from(">I", body, at)[0]
            elif sub == b"trun":
                flags = int.from_bytes(body[ss + 1:ss + 4], "big")
                count = struct.unpack_from(">I", body, ss + 4)[0]
                at = ss + 8 + (4 if flags & 0x01 else 0) + (4 if flags & 0x04 else 0)
                if flags & 0x100:
                    stride = 4 * sum(1 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
                    if count > (se - at) // stride:
                        raise _Malformed("a fragment lists more samples than it holds")
                    time += sum(struct.unpack_from(">I", body, at + i * stride)[0] for i in range(count))
                else:
                    needs += count
                samples += count
        runs.append((track_id, samples, time, needs, tf_default))
    return runs


def _apply_runs(tracks: list[_Track], runs: list, trex: dict) -> None:
    by_id = {t.track_id: t for t in tracks}
    for track_id, samples, time, needs, tf_default in runs:
        track = by_id.get(track_id)
        if track is None:
            continue
        default = tf_default if tf_default is not None else trex.get(track_id, 0)
        track.frag_samples += samples
        track.frag_time += time + needs * default


def _sidx(body: bytes) -> tuple[int, int]:
    """(timescale, total subsegment duration) of a segment index box."""
    version = body[0]
    timescale = struct.unpack_from(">I", body, 8)[0]
    at = 12 + (16 if version == 1 else 8) + 2
    count = struct.unpack_from(">H", body, at)[0]
    total = sum(struct.unpack_from(">I", body, at + 2 + i * 12 + 4)[0] for i in range(count))
    return timescale, total


def _track_duration_us(t: _Track, fragmented: bool) -> int | None:
    # mdhd's media duration, not the edit-list presentation: the index places the samples the
    # file holds, and the export gate checks every stored frame, edited out or not.
    if fragmented:
        return _to_us(t.sample_time + t.frag_time, t.timescale)
    return _to_us(t.duration or t.sample_time, t.timescale)


def _to_us(value: int, timescale: int) -> int | None:
    """Timescale units -> microseconds in integer math, rounded half up (no float drift)."""
    if timescale <= 0:
        return None
    return (value * US + timescale // 2) // timescale


def _creation_us(seconds_since_1904: int) -> int | None:
    us = (seconds_since_1904 - _MOV_EPOCH_S) * US
    return us if _MIN_CREATION_US <= us < _MAX_CREATION_US else None


def _clock(us: int | None) -> str:
    seconds = (us or 0) // US
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
