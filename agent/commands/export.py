"""`export` and `keys show`: evidence packages by hand, and the key that signs them (`verify`,
which checks them, is in `agent.commands.verify`; its parser is added here, after `export`'s)."""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from agent.export.masks import masks_left_off
from agent.commands.common import UsageError, parse_time, print_json, say, utc
from agent.commands.export_notes import export_notes
from agent.commands.folders import existing_folder
from agent.commands.option_values import typed_camera
from agent.export.destination import made_for_this
from agent.export.plan import not_saved_yet
from agent.commands.job_progress import expected_frames
from agent.commands.local_time import CAMERA_HELP, time_help, window, zone_for
from agent.commands.progress import add_option as add_progress_option
from agent.commands.progress import progress_display
from agent.commands.registrations import keys_rotate
from agent.commands.verify import add_verify_parser
from frp.count_words import counted
from agent.service import Agent
from agent.os_words import plain_os_error
from agent.storage import read_file_start
from frp.jws import MAX_TOKEN_BYTES
from frp.text import one_line


def add_parsers(sub, common) -> None:
    e = sub.add_parser("export", parents=[common],
                       help="cut, seal and sign an evidence package of one camera's window")
    # Given twice, argparse would keep the last alone: the owner would think both exported.
    e.add_argument("--camera", required=True, action="append", help=CAMERA_HELP)
    e.add_argument("--from", dest="start", required=True, help=time_help("start"))
    e.add_argument("--to", dest="end", required=True, help=time_help("end"))
    e.add_argument("--out", required=True, help="folder to write the package folder into")
    e.add_argument("--mode", choices=("copy", "exact"), default="copy",
                   help="copy: no re-encode, starts at the first keyframe inside the window; "
                        "exact: frame-accurate, re-encodes only the partial first GOP")
    e.add_argument("--keep-audio", action="store_true",
                   help="keep the sound (removed by default: recording conversations may need "
                        "everyone's consent)")
    e.add_argument("--blur-faces", action="store_true",
                   help="blur the faces found on this computer (one narrower than about a "
                        "twentieth of the picture can be missed: mask such places; re-encodes "
                        "the whole clip)")
    e.add_argument("--no-masks", action="store_true",
                   help="leave this camera's privacy masks off, for this export only")
    e.add_argument("--mute", action="append", default=[], metavar="FROM/TO",
                   help="silence the kept sound between two times (repeatable; with --keep-audio)")
    e.add_argument("--request", metavar="FILE",
                   help="the request token this export answers (attached as received)")
    e.add_argument("--accept-dropped-frames", action="store_true",
                   help="export even if frames of the recordings cannot be decoded and must be "
                        "left out (counted in the package); without it such an export stops")
    e.add_argument("--json", action="store_true")
    add_progress_option(e)
    e.set_defaults(func=export)

    add_verify_parser(sub, common)

    k = sub.add_parser("keys", parents=[common], help="the owner's signing key")
    ks = k.add_subparsers(dest="action", required=True)
    show = ks.add_parser("show", parents=[common], help="owner id and public key")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=keys_show)
    rot = ks.add_parser("rotate", parents=[common],
                        help="replace the owner key at every agency you registered with")
    rot.add_argument("--json", action="store_true")
    rot.set_defaults(func=keys_rotate)


def export(agent: Agent, args) -> int:
    if len(args.camera) > 1:
        names = ", ".join(one_line(c) for c in args.camera)
        raise UsageError(f"export makes one camera's package at a time ({names} given): run it "
                         "once for each camera, or use the app's Export page, which exports "
                         "several")
    # "" (`--camera "$CAM"` unset) or bytes that are no character: said as what was typed
    # wrong (exit 2), not as a camera not found (exit 3) or Python's "surrogates not allowed"
    args.camera = typed_camera(args.camera[0])
    if not args.out.strip():   # `--out "$STICK"` unset: never the folder it runs in
        raise UsageError("--out is empty: give the folder the package should go into (such as "
                         f"{Path.home() / 'Footage exports'})")
    agent.check_room_to_export(Path(args.out))   # before the index is opened
    tz = zone_for(agent, [args.camera])
    start, end = parse_time(args.start, "--from", tz), parse_time(args.end, "--to", tz)
    if start >= end:   # as read: a time the clocks skipped was moved (a note said so above)
        raise UsageError(f"--from must be before --to (read as {window(start, end, tz)})")
    mute = tuple(parse_mute(text, start, end, tz) for text in args.mute)
    if mute and not args.keep_audio:
        raise UsageError("--mute silences parts of the kept sound: add --keep-audio (without "
                         "it the sound is removed entirely)")
    out_dir, made = existing_folder(args.out)
    # Named from the root: --json's and stdout's paths still lead to the package from another
    # folder, where a script reads them (`--out clips` gave "clips/manual_...").
    out_dir = out_dir.absolute()
    with made_for_this(out_dir, made):   # a failed export leaves no empty folder of its own
        return _export(agent, args, start, end, tz, mute, out_dir, made)


def _export(agent: Agent, args, start: int, end: int, tz: str, mute: tuple, out_dir: Path,
            made: bool) -> int:
    """Run the export job into `out_dir` (the owner's redaction choices, request, progress)
    and say what it made (the folder too, when it was `made` for the package: a failed export
    takes it away again, so only a finished one says so)."""
    # Only the owner's redaction choices go through, so the defaults stay the service's own.
    redact = {"blur_faces": True} if args.blur_faces else {}
    left_off = 0
    if args.no_masks:
        redact["masks"] = False
        left_off = masks_left_off(agent.home, agent.camera_name(args.camera) or args.camera)
    if mute:
        redact["mute"] = mute
    token = None
    if args.request:
        token = _request_token(args.request)
    shown_progress = progress_display(args, "frame", expected_frames(agent, [args.camera], start, end))
    try:
        done = args.stopper.run_job(lambda cancel: agent.export(
            args.camera, start, end, out_dir, mode=args.mode, keep_audio=args.keep_audio,
            request_token=token, progress=shown_progress.fraction, cancel=cancel,
            accept_dropped=args.accept_dropped_frames, **redact))
    finally:
        shown_progress.close()
    # The package is made: a stop from here on must not call it unmade, nor cut the summary.
    with args.stopper.quiet():
        if made:
            say(f"made the folder {out_dir}")
        _report(done, args, start, end, tz)
        if left_off:   # the owner's choice, said so that a stray flag in a script is seen
            said = ("1 privacy mask was left off (--no-masks): what it hides is"
                    if left_off == 1 else
                    f"{left_off} privacy masks were left off (--no-masks): what they hide is")
            say(f"note: camera {done.plan.camera}'s {said} in the clear in this package")
    return 0


def _request_token(path: str) -> bytes:
    """The bytes of the request token file at `path`, read no further than a token may be
    long: a recording given for it by mistake is not read whole into memory (gigabytes), nor
    is a named pipe or a device waited on. UsageError saying why it cannot be one."""
    try:
        token = read_file_start(path, MAX_TOKEN_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"--request: {plain_os_error(exc, path)}") from None
    if len(token) > MAX_TOKEN_BYTES:
        raise UsageError(f"--request: {path} is larger than any request token (at most 64 KiB): "
                         "give the file holding the request's token, as the agency sent it")
    return token


def _report(done, args, start: int, end: int, tz: str | None) -> None:
    """What the export made: its package, window and notes (stdout, stderr or --json)."""
    cut = done.cut
    unsaved = not_saved_yet(done.plan)   # as provenance.json marks it
    out = {"package": str(done.package.path), "clip": str(done.clip), "sha256": done.clip_sha256,
           "mode": cut.mode, "requested": {"start": utc(start), "end": utc(end)},
           "delivered": {"start": utc(cut.delivered_start_us), "end": utc(cut.delivered_end_us)},
           "audio": cut.audio, "frames": cut.frames, "dropped_frames": cut.dropped_frames,
           "dropped_audio_packets": cut.dropped_audio_packets,
           "gaps": [{"start": utc(g.start_us), "end": utc(g.end_us),
                     **({"not_saved_yet": True} if (g.start_us, g.end_us) == unsaved else {})}
                    for g in done.plan.coverage.gaps],
           "clock_steps": [{"recording": step.path.name, "last_frame": utc(step.last_us)}
                           for step in cut.clock_steps],
           "headless": [{"recording": head.path.name, "first_keyframe": utc(head.first_key_us)}
                        for head in cut.headless]}
    if cut.redaction is not None:
        out["redaction"] = asdict(cut.redaction)
    chain = done.credentials
    if chain is not None:
        out["credentials"] = {"signed_by": chain.kind, "agency": chain.agency,
                              "issuer": chain.issuer, "note": chain.note or None}
    if args.json:
        print_json(out)
    else:
        print(done.package.path)
        say(f"{window(cut.delivered_start_us, cut.delivered_end_us, tz)}, {counted(cut.frames, 'frame')}, "
            f"{'copied as recorded' if cut.mode == 'copy' else 'exact start'}, "
            f"{_sound_words(cut.audio, args.keep_audio)}")
    for note in export_notes(done, tz):
        say(f"note: {note}")
    if cut.redaction is not None and not args.json:
        say(_redaction_note(cut.redaction))
    if chain is not None and not args.json:
        say(chain.summary())
    if not args.json:   # by hand, it is for someone: what to give them
        say(f"to give it: hand over the whole folder {done.package.path} as it is; its "
            "README.txt tells the receiver which file is the video, what plays it and how "
            "to check it")
    if args.stopper.event.is_set():
        say("note: the stop came when the package was already finished; it is kept")


def _sound_words(kept: bool, asked: bool) -> str:
    """What became of the sound: asked to keep it, a window may simply have none."""
    if kept:
        return "sound kept"
    return "no sound recorded in this window" if asked else "sound removed"


def parse_mute(text: str, start_us: int, end_us: int, tz: str | None = None) -> tuple[int, int]:
    """One `--mute FROM/TO` range (times as `--from` takes them), checked against the export
    window."""
    first, sep, last = text.partition("/")
    if not sep:
        raise UsageError(f"--mute {text}: give two times as FROM/TO, e.g. "
                         "2026-05-01T10:00:05Z/2026-05-01T10:00:09Z")
    a, b = parse_time(first, "--mute FROM", tz), parse_time(last, "--mute TO", tz)
    if a >= b:
        raise UsageError(f"--mute {text}: FROM must be before TO")
    if b <= start_us or a >= end_us:
        raise UsageError(f"--mute {text}: the range lies outside the exported window")
    return a, b


def _redaction_note(done) -> str:
    parts = []
    if done.masked_frames:
        parts.append(f"privacy masks filled in {counted(done.masked_frames, 'frame')}")
    if done.detections and done.blurred_frames:
        parts.append(f"faces blurred in {counted(done.blurred_frames, 'frame')}")
    elif done.detections:   # said, so it does not read as a blur that did not work
        parts.append("no face found to blur (one narrower than about a twentieth of the "
                     "picture is missed: mask such places)")
    if done.muted_samples:
        parts.append("the chosen stretches of sound silenced")
    return "redacted: " + ("; ".join(parts) or "nothing needed changing") + \
        " (your recordings themselves are unchanged)"


def keys_show(agent: Agent, args) -> int:
    key = agent.owner_key()
    pub = key.public
    if args.json:
        print_json({"owner_id": pub.owner_id(), "jwk": pub.jwk(), "minisign": pub.minisign_text()})
    else:
        print(f"owner id: {pub.owner_id()}")
        print(pub.minisign_text(), end="")
    return 0
