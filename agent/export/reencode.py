"""The re-encoder behind exact mode: decoded frames of one stretch of a source go to the bundled
ffmpeg as raw YUV on stdin, a small MP4 comes out, and its packets are stamped with the capture
times of the frames that went in. No B-frames, so decode order is capture order.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from fractions import Fraction
from pathlib import Path

import av

from agent.export.nal import param_sets
from agent.export.progress import CutError
from agent.media.ffmpeg import ffmpeg_exe

DEFAULT_ENCODERS = {"h264": "libx264", "hevc": "libx265"}
ENCODERS = {"h264": ("libx264", "libopenh264"), "hevc": ("libx265", "libkvazaar")}




def encoder_args(encoder: str, profile: str | None) -> list[str]:
    """Codec options for a re-encode: no B-frames (decode order = capture order), high quality."""
    if encoder == "libx264":
        name = (profile or "").lower()
        level = "baseline" if "baseline" in name else "main" if name == "main" else "high"
        return ["-c:v", "libx264", "-preset", "superfast", "-crf", "18", "-bf", "0",
                "-profile:v", level]
    if encoder == "libopenh264":
        return ["-c:v", "libopenh264", "-rc_mode", "quality", "-qmax", "28"]
    if encoder == "libx265":
        return ["-c:v", "libx265", "-preset", "superfast", "-crf", "20",
                "-x265-params", "bframes=0:log-level=error"]
    if encoder == "libkvazaar":
        return ["-c:v", "libkvazaar", "-kvazaar-params", "preset=superfast,gop=lp-g4d3t1,qp=24"]
    raise CutError(f"unknown re-encoder '{encoder}'")


def encode_command(encoder: str, profile: str | None, width: int, height: int, rate: Fraction,
                   out: Path) -> list[str]:
    """ffmpeg command line: raw yuv420p frames on stdin -> one MP4 of `encoder` output."""
    return [ffmpeg_exe(), "-hide_banner", "-nostats", "-loglevel", "error", "-y",
            "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", f"{width}x{height}",
            "-r", str(rate), "-i", "-", "-an", *encoder_args(encoder, profile),
            "-pix_fmt", "yuv420p", "-f", "mp4", str(out)]


class Reencode:
    """Decode one stretch of a source and re-encode the frames captured in [floor, limit)
    (redacted on the way when the job has a redactor)."""

    def __init__(self, job, src, limit_us: int):
        self.job, self.src, self.limit_us = job, src, limit_us
        self.floor_us = job.floor_us
        self.decoder = av.CodecContext.create(src.codec, "r")
        self.decoder.extradata = src.video.codec_context.extradata
        self.decoder.thread_type = "AUTO"
        self.times: list[int] = []
        self.fed: list[int] = []   # capture times of the packets decoded (to count losses)
        self.tmp = Path(tempfile.mkdtemp(prefix="footage-agent-cut-"))
        self.proc: subprocess.Popen | None = None
        self.session = None  # the redaction step between decoder and encoder, when on

    def feed(self, pkt) -> None:
        """Decode one packet (in decode order) and pass on the frames that are inside."""
        self.fed.append(self.src.time_us(pkt))
        try:
            frames = self.decoder.decode(pkt)
        except av.FFmpegError:
            # A damaged source frame yields nothing (with frame threads the error may even
            # surface a packet later): finish() counts what went in against what came out.
            return
        for frame in frames:
            self._take(frame)

    def _take(self, frame) -> None:
        t = self.src.frame_time_us(frame.pts)
        if not (self.floor_us <= t < self.limit_us) or (self.times and t <= self.times[-1]):
            return
        if self.proc is None:
            self._start(frame.width, frame.height)
        self.times.append(t)
        yuv = frame.to_ndarray(format="yuv420p")  # a copy: redaction may change it in place
        for ready in (self.session.push(frame, yuv) if self.session else (yuv,)):
            self._write(ready)

    def _write(self, yuv) -> None:
        try:
            self.proc.stdin.write(yuv)
        except (BrokenPipeError, OSError):
            raise CutError(f"the re-encoder ({self.job.encoder}) stopped: {self._stderr()}") \
                from None

    def _start(self, width: int, height: int) -> None:
        rate = self.src.video.average_rate or Fraction(25)
        if self.job.redactor is not None and self.job.redactor.redaction.touches_video:
            self.session = self.job.redactor.session(width, height, rate)
        profile = self.src.video.codec_context.profile
        cmd = encode_command(self.job.encoder, profile, width, height, rate, self.tmp / "re.mp4")
        self.err = open(self.tmp / "stderr.txt", "wb")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                     stderr=self.err)

    def finish(self) -> None:
        """Flush the decoder, wait for the encoder and write its packets to the output."""
        try:
            for frame in self.decoder.decode(None):
                self._take(frame)
        except av.FFmpegError:
            pass
        self._count_lost()
        if self.proc is None:
            return
        if self.session is not None:  # frames waiting for the next face detection
            for ready in self.session.finish():
                self._write(ready)
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            raise CutError(f"the re-encoder ({self.job.encoder}) failed: {self._stderr()}")
        self.job.out.end_segment()
        self._emit(self.tmp / "re.mp4")
        self.job.out.end_segment()

    def _count_lost(self) -> None:
        """Frames that should have come out for [floor, limit) and did not: dropped by the
        decoder (damaged data) or out of order. They are told to the job, never hidden."""
        inside = sorted(t for t in self.fed if self.floor_us <= t < self.limit_us)
        got = set(self.times)
        lost = [t for t in inside if t not in got]
        if lost:
            self.job.dropped += len(lost)
            first = lost[0]
            self.job.first_dropped_us = first if self.job.first_dropped_us is None else min(
                self.job.first_dropped_us, first)

    def _emit(self, path: Path) -> None:
        with av.open(str(path), options={"ignore_editlist": "1"}) as made:
            stream = made.streams.video[0]
            params = param_sets(self.src.codec, stream.codec_context.extradata)
            packets = (p for p in made.demux(stream) if p.size)
            count = 0
            for pkt, t in zip(packets, self.times):
                self.job.track.check()
                nxt = self.times[count + 1] if count + 1 < len(self.times) \
                    else t + self.src.frame_us
                if not self.job.emit_packet(pkt, params, t, t - self.src.delay_us, nxt - t,
                                            self.src.span.path, copied=False):
                    raise CutError("the re-encoded frames could not be joined in time order")
                count += 1
        if count != len(self.times):
            raise CutError(f"the re-encoder ({self.job.encoder}) lost frames")
        self.job.reencoded += count

    def _stderr(self) -> str:
        try:
            return (self.tmp / "stderr.txt").read_text(errors="replace").strip()[-400:] \
                or "no message"
        except OSError:
            return "no message"

    def close(self) -> None:
        """Stop the encoder if it still runs and remove its scratch folder."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        if self.proc is not None:
            self.err.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
