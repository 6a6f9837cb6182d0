"""`sources`, `scan` and `run`: the recordings index commands (`recordings` and `coverage`, what
it holds, are in `indexed`, whose parsers these add)."""
from __future__ import annotations

from agent.commands import indexed, recorders
from agent.commands.common import Refused, UsageError, print_json, say
from agent.commands.interrupt import Interrupted
from agent.commands.masks import masks_left_behind
from agent.commands.progress import add_option as add_progress_option
from agent.commands.progress import progress_display
from agent.commands.option_values import (offset_seconds, offset_text, typed_camera,
                                          typed_folder, typed_layout, typed_zone)
from frp.count_words import counted
from agent.index.coverage import USABLE
from agent.owner_recorders import is_url
from agent.owner_sources import offset_set_aside
from agent.recorders.clock import RESET_AFTER_S
from agent.service import Agent, AgentError, NotFound, NotScanned
from agent.timebase import TimeError, check_clock_offset, usable_clock_offset
from frp.text import one_line


def add_parsers(sub, common) -> None:
    p = sub.add_parser("sources", parents=[common],
                       help="register or list recordings folders and recorders on your network")
    ss = p.add_subparsers(dest="action", required=True)
    a = ss.add_parser("add", parents=[common], help="register a recordings folder")
    a.add_argument("path")
    a.add_argument("--camera", help="camera name for files whose path names none (default: folder name)")
    a.add_argument("--tz", help="IANA time zone the recorder's clock uses (default: this "
                   "PC's); for a camera whose clock ignores summer time, a fixed zone: "
                   "Etc/GMT+8 is UTC-8 all year (its name's sign is reversed)")
    # Not given: a registered folder keeps its own (re-adding it renames its camera).
    a.add_argument("--layout", help="recorder layout id, or auto (default: auto)")
    a.add_argument("--clock-offset", type=offset_seconds,
                   help="camera clock minus true time, in seconds (default: 0)")
    a.set_defaults(func=sources_add)
    recorders.add_parser(ss, common)
    ls = ss.add_parser("list", parents=[common], help="list recordings folders")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=sources_list)
    rm = ss.add_parser("remove", parents=[common],
                       help="forget a recordings folder or a recorder (recordings untouched)")
    rm.add_argument("path", help="the folder, or the recorder's address")
    rm.set_defaults(func=sources_remove)

    s = sub.add_parser("scan", parents=[common], help="index the recordings folders")
    s.add_argument("paths", nargs="*", metavar="PATH")
    s.add_argument("--tz", help="time zone for a PATH that is not yet a source")
    s.add_argument("--new-disk", action="store_true",
                   help="each PATH holds a new card or disk of its camera: index it as that "
                        "camera's (the recordings indexed from the old one are let go)")
    s.add_argument("--json", action="store_true")
    add_progress_option(s)
    s.set_defaults(func=scan)

    indexed.add_parsers(sub, common)

    run_p = sub.add_parser("run", parents=[common], help="headless service: keep the index live")
    run_p.set_defaults(func=run)


def sources_add(agent: Agent, args) -> int:
    typed_folder(args.path)
    typed_zone(args.tz, "--tz")
    typed_layout(args.layout, agent.layouts())
    typed_camera(args.camera, new=True)
    if args.clock_offset is not None:
        try:
            check_clock_offset(args.clock_offset)
        except TimeError as exc:
            raise UsageError(str(exc)) from None
    before = agent.source_for(args.path)
    src = agent.add_source(args.path, args.camera, args.tz, args.layout, args.clock_offset)
    set_aside = offset_set_aside(before, args.clock_offset)
    if set_aside is not None:
        say(set_aside)
    if before == src:
        say(f"{src.root} is registered already; nothing changed (camera {src.camera}, zone "
            f"{src.tz}, layout {src.layout}, clock offset {offset_text(src.clock_offset_s)} s)")
        return 0
    say(f"{'added' if before is None else 'changed'} {src.root} (camera {src.camera}, zone "
        f"{src.tz}, layout {src.layout}, clock offset {offset_text(src.clock_offset_s)} s); a folder "
        f"holding several channels gives cameras named {src.camera}/<channel>")
    if before is not None and _placing(before) != _placing(src):
        # Its rows still have the times the old settings gave: an export now would cut the
        # wrong seconds. The app scans after a change too.
        say("its recordings are placed in time again with the new settings:")
        return _scanned(agent, args, [src.root])
    return 0


def _placing(src) -> tuple:
    """What places a folder's recordings in time."""
    return src.tz, src.layout, src.clock_offset_s


# A recorder added while its clock read a reset date keeps that reading as its offset until a
# refresh finds it set right; nothing is placed by it (mirror.refresh mirrors nothing then).
RESET_OFFSET = "none yet (the recorder's clock was reset)"


def sources_list(agent: Agent, args) -> int:
    cams: dict[str, list[str]] = {}   # the cameras each folder's recordings are indexed under
    indexed = set(agent.cameras())
    for cam in agent.camera_list():
        if cam.name in indexed:
            cams.setdefault(cam.source_root, []).append(cam.name)
    remote = {r.source_id: r for r in agent.recorders()}
    # An offset an older version saved unusable is no number JSON has (Infinity, NaN) or no
    # number at all (text): null, and said as such.
    rows = [{"path": s.root, "camera": s.camera, "tz": s.tz, "layout": s.layout,
             "clock_offset_s": s.clock_offset_s if usable_clock_offset(s.clock_offset_s)
             else None, "cameras": cams.get(s.root, [s.camera]),
             "recorder": recorders.recorder_json(remote.get(s.id))}
            for s in agent.sources()]
    if args.json:
        print_json(rows)
    else:
        for r, s in zip(rows, agent.sources()):
            more = [c for c in r["cameras"] if c != r["camera"]]
            rec = remote.get(s.id)
            offset = ("unusable (set it again with --clock-offset)" if r["clock_offset_s"] is None
                      else RESET_OFFSET if rec and abs(r["clock_offset_s"]) > RESET_AFTER_S
                      else f"{offset_text(r['clock_offset_s'])}s")
            print(f"{one_line(r['path'])}\tcamera={one_line(r['camera'])}\ttz={r['tz']}\t"
                  f"layout={r['layout']}\toffset={offset}"
                  + (f"\tcameras={one_line(','.join(more))}" if more else "")
                  + (f"\t{rec.vendor} {one_line(rec.model)}: "
                     f"{one_line(agent.recorder_state_words(rec))}" if rec else ""))
        if not rows:
            say("no recordings folders yet: add one with `footage-agent sources add PATH`")
    return 0


def sources_remove(agent: Agent, args) -> int:
    typed_folder(args.path)
    kept = masks_left_behind(agent, args.path)
    try:
        agent.remove_source(args.path)
    except NotFound as exc:
        raise Refused(str(exc)) from None
    say(f"removed {args.path} from the index (no recording was touched)")
    for line in kept:
        say(line)
    return 0


def scan(agent: Agent, args) -> int:
    for path in args.paths:
        typed_folder(path)
    if not args.paths and not agent.sources():
        raise UsageError("no recordings folders yet: give a PATH or run `footage-agent sources add PATH`")
    typed_zone(args.tz, "--tz")   # even for folders added already: a wrong zone is no zone
    if args.new_disk and not args.paths:
        raise UsageError("--new-disk says which recordings folder holds a new card or disk: "
                         "give its PATH (`footage-agent scan PATH --new-disk`)")
    return _scanned(agent, args, args.paths or None, args.tz, args.new_disk)


def _scanned(agent: Agent, args, paths: list[str] | None, tz: str | None = None,
             new_disk: bool = False) -> int:
    """Scan `paths` (None: every source) as `scan` does, saying each report; a folder that
    cannot be scanned ends the command as a failure once the others are done."""
    # Files looked at, per folder: a share of tens of thousands takes minutes the first time.
    display = progress_display(args, "file") if hasattr(args, "progress") else None
    try:
        reports = args.stopper.run_job(lambda cancel: agent.scan(
            paths, tz=tz, cancel=cancel, new_disk=new_disk,
            progress=display and (lambda root, n: display.update(f"scanning {one_line(root)}", n))))
    finally:
        if display is not None:
            display.close()
    if args.stopper.event.is_set():   # the scan stopped between files: what it did is kept
        raise Interrupted(args.stopper.signum)
    out = [{"source": r.source, "seen": r.seen, "added": r.added, "updated": r.updated,
            "unchanged": r.unchanged, "removed": r.removed, "statuses": r.statuses,
            "problems": list(r.problems), "notes": list(r.notes),
            "other_disk": isinstance(r, NotScanned) and r.other_disk} for r in reports]
    if getattr(args, "json", False):
        print_json(out)
    for r in reports:
        if "remote" in r.statuses:   # a recorder on the network: its search, mirrored
            say(f"{r.source}: {counted(r.seen, 'recording')} mirrored ({r.added} new, "
                f"{r.removed} gone)")
        elif isinstance(r, NotScanned):   # said once, below, as the command's failure
            continue
        else:
            say(f"{r.source}: {counted(r.seen, 'file')} ({r.added} new, {r.updated} changed, {r.unchanged} "
                f"unchanged, {r.removed} gone)")
        for problem in r.problems:   # one line each, whatever a file's name holds
            say(f"  problem: {one_line(problem)}")
        for note in r.notes:
            say(f"  note: {one_line(note)}")
        if r.seen == 0 and not r.problems and not is_url(r.source):   # what to check
            say(f"  note: no recording the app recognises is in {one_line(r.source)}: check "
                "that the card or drive is connected and that you chose the folder the "
                "recorder writes to")
    not_scanned = [r for r in reports if isinstance(r, NotScanned)]
    failed = [problem for r in not_scanned for problem in r.problems]
    if failed and all(r.other_disk for r in not_scanned):   # refused, not failed: exit 3
        raise Refused("; ".join(failed))
    if failed:   # the other sources were scanned all the same; the exit code tells a script
        raise AgentError("; ".join(failed))
    return 0


def run(agent: Agent, args) -> int:
    """The headless service until SIGINT, SIGTERM (or Ctrl-Break): back within 2 s, exit 0
    (being stopped is how a service ends)."""
    remote = len(agent.recorders())
    # Said inside: a Ctrl-C the moment this line shows stops the service as any later one does
    # (exit 0), not the command's start (130).
    with args.stopper.quiet() as stopper:   # a signal only sets the flag the service watches
        say(f"footage-agent running on {agent.home} (watching "
            f"{counted(len(agent.sources()) - remote, 'folder')}, asking "
            f"{counted(remote, 'recorder')}); no listening socket; Ctrl-C stops")
        unusable = sum(r.status not in USABLE for r in agent.recordings())
        if unusable:   # the service says no more of them: where to find each, and why
            say(f"note: {counted(unusable, 'file')} in the recordings folders cannot be used: "
                "`footage-agent recordings --unusable` lists each and why")
        agent.run(stopper.event)
    say("footage-agent stopped")
    return 0
