"""`sources`, `scan`, `recordings`, `coverage` and `run`: the recordings index commands."""
from __future__ import annotations

from agent.commands import recorders
from agent.commands.common import Refused, UsageError, parse_time, print_json, say, utc
from agent.commands.interrupt import Interrupted
from agent.commands.masks import masks_left_behind
from agent.commands.local_time import CAMERA_HELP, shown, time_help, window, zone_for
from agent.commands.progress import add_option as add_progress_option
from agent.commands.progress import progress_display
from agent.commands.option_values import (offset_seconds, typed_camera, typed_folder,
                                          typed_layout, typed_zone)
from frp.count_words import counted
from agent.index.coverage import USABLE
from agent.index.rows import FileRow
from agent.owner_index import NO_FOLDERS_YET, NOTHING_INDEXED_YET
from agent.owner_recorders import is_url
from agent.owner_sources import offset_set_aside
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

    r = sub.add_parser("recordings", parents=[common], help="list indexed files")
    without = "the camera's clock (this computer's without --camera)"
    r.add_argument("--camera", help=f"only this camera: {CAMERA_HELP}")
    r.add_argument("--from", dest="start", help=time_help("only recordings from this time on", without))
    r.add_argument("--to", dest="end", help=time_help("only recordings up to this time", without))
    r.add_argument("--unusable", action="store_true",
                   help="only the files that cannot be used, each with why (damaged, a link "
                        "out of the folder, a name that is not text)")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=recordings)

    c = sub.add_parser("coverage", parents=[common], help="spans and gaps of a camera in a window")
    c.add_argument("--camera", required=True, help=CAMERA_HELP)
    c.add_argument("--from", dest="start", required=True, help=time_help("start"))
    c.add_argument("--to", dest="end", required=True, help=time_help("end"))
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=coverage)

    run_p = sub.add_parser("run", parents=[common], help="headless service: keep the index live")
    run_p.set_defaults(func=run)


def sources_add(agent: Agent, args) -> int:
    typed_folder(args.path)
    typed_zone(args.tz, "--tz")
    typed_layout(args.layout, agent.layouts())
    typed_camera(args.camera)
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
            f"{src.tz}, layout {src.layout}, clock offset {src.clock_offset_s:+g} s)")
        return 0
    say(f"{'added' if before is None else 'changed'} {src.root} (camera {src.camera}, zone "
        f"{src.tz}, layout {src.layout}, clock offset {src.clock_offset_s:+g} s); a folder "
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
                      else f"{r['clock_offset_s']:+g}s")
            print(f"{one_line(r['path'])}\tcamera={one_line(r['camera'])}\ttz={r['tz']}\t"
                  f"layout={r['layout']}\toffset={offset}"
                  + (f"\tcameras={one_line(','.join(more))}" if more else "")
                  + (f"\t{rec.vendor} {rec.model}: {agent.recorder_state_words(rec)}" if rec else ""))
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


def row_json(row: FileRow, roots: dict[int, str]) -> dict:
    """The `recordings --json` object for one file (cli.md's fields, then extras)."""
    return {"path": row.path, "source": roots.get(row.source_id), "camera": row.camera,
            "start": utc(row.start_us), "end": utc(row.end_us), "layout": row.layout,
            "status": row.status, "reason": row.reason, "stream": row.stream, "size": row.size,
            "codec": row.codec, "width": row.width, "height": row.height, "fps": row.fps,
            "audio": row.audio, "alternative_start": utc(row.alt_start_us),
            "channel": row.channel or None, "time_source": row.time_source,
            "range": ({"start": row.byte_start, "end": row.byte_end} if row.ranged else None)}


def recordings(agent: Agent, args) -> int:
    tz = zone_for(agent, [args.camera] if args.camera else [])
    start = parse_time(args.start, "--from", tz) if args.start else None
    end = parse_time(args.end, "--to", tz) if args.end else None
    if start is not None and end is not None and start >= end:
        raise UsageError("--from must be before --to")
    if args.camera:
        agent.indexed_camera(args.camera)   # an unknown name is said so, with the known ones
    roots = {s.id: s.root for s in agent.sources()}
    rows = agent.recordings(args.camera, start, end)
    if args.unusable:
        rows = [r for r in rows if r.status not in USABLE]
        if not rows and agent.cameras():
            say("every file indexed there can be used")
            return 0
    if args.json:
        print_json([row_json(r, roots) for r in rows])
    else:
        zones = {}  # each row in its camera's zone (its folder's clock)
        for r in rows:
            if r.camera not in zones:
                zones[r.camera] = zone_for(agent, [r.camera])
            where = f"{r.path} bytes {r.byte_start}-{r.byte_end}" if r.ranged else r.path
            said = r.reason and (r.status != "ok" or r.time_source == "mtime")
            # A name on a share or a card is anyone's: shown, never acting on the terminal.
            print(f"{one_line(r.camera)}\t{shown(r.start_us, zones[r.camera])}\t"
                  f"{shown(r.end_us, zones[r.camera])}\t{status_words(r)}\t"
                  f"{one_line(where)}" + (f"\t({one_line(r.reason)})" if said else ""))
    if not rows:
        rebuilt_note(agent)
        if not agent.cameras() and not agent.index_rebuilt:
            raise Refused(NOTHING_INDEXED_YET if agent.sources() else NO_FOLDERS_YET)
        raise Refused("no recordings match" + (f" camera '{args.camera}'" if args.camera else "")
                      + (" in that window" if start is not None or end is not None else ""))
    return 0


def status_words(row: FileRow) -> str:
    """A row's status and what placed it in time, as the human listing shows it: a file placed
    by its modification time alone never reads as a plain `ok`."""
    if row.time_source == "mtime":
        return f"{row.status}, time from file date"
    return f"{row.status}, time from {row.time_source}" if row.time_source else row.status


def rebuilt_note(agent: Agent) -> None:
    """Say so when the index was cleared by an upgrade (it fills again on the next scan)."""
    if agent.index_rebuilt:
        say("the index was made by an older version and was cleared (camera names changed); "
            "run `footage-agent scan` to fill it again")


def coverage(agent: Agent, args) -> int:
    tz = zone_for(agent, [args.camera])
    start, end = parse_time(args.start, "--from", tz), parse_time(args.end, "--to", tz)
    if start >= end:
        raise UsageError("--from must be before --to")
    try:
        cov = agent.coverage(args.camera, start, end)
    except NotFound as exc:
        rebuilt_note(agent)
        raise Refused(str(exc)) from None
    if args.json:
        print_json(coverage_json(cov, start, end))
    else:
        print_coverage(cov, tz)
    if not cov.spans:
        say("nothing recorded in that window")
        return 3
    return 0


def coverage_json(cov, start: int, end: int) -> dict:
    """The `coverage --json` object (cli.md): UTC times."""
    return {"camera": cov.camera, "from": utc(cov.start_us), "to": utc(cov.end_us),
            "covered_s": cov.covered_us / 1e6, "window_s": (end - start) / 1e6,
            "spans": [{"start": utc(s.start_us), "end": utc(s.end_us)} for s in cov.spans],
            "gaps": [{"start": utc(s.start_us), "end": utc(s.end_us)} for s in cov.gaps],
            "files": [r.path for r in cov.files],
            "overlaps": [{"path": o.path, "overlaps": o.other, "start": utc(o.start_us),
                          "end": utc(o.end_us)} for o in cov.overlaps],
            "alternatives": [r.path for r in cov.alternatives],
            "unusable": [{"path": r.path, "status": r.status, "reason": r.reason}
                         for r in cov.unusable],
            "marked": [{"start": utc(m.start_us), "end": utc(m.end_us), "status": m.status,
                        "path": m.path, "reason": m.reason, "end_known": m.end_known}
                       for m in cov.marks],
            "placed_by_mtime": [{"start": utc(s.start_us), "end": utc(s.end_us)}
                                for s in cov.guessed]}


def print_coverage(cov, tz: str) -> None:
    """Coverage as the owner reads it: their camera's clock, with its zone."""
    print(f"{one_line(cov.camera)}: {cov.covered_us / 1e6:.0f} of {(cov.end_us - cov.start_us) / 1e6:.0f} "
          f"s covered ({window(cov.start_us, cov.end_us, tz)})")
    for s in cov.spans:
        print(f"  recorded {window(s.start_us, s.end_us, tz)}")
    for s in cov.guessed:
        print(f"    (time from file dates only {window(s.start_us, s.end_us, tz)}: check it)")
    for g in cov.gaps:
        print(f"  gap      {window(g.start_us, g.end_us, tz)}")
        for m in cov.marks:   # what the gap holds that cannot be used, and why
            if g.start_us <= m.start_us < g.end_us:
                span = window(m.start_us, m.end_us, tz) + ("" if m.end_known else " (end unknown)")
                print(f"    {m.status:<11} {span}  {one_line(m.path)}"
                      + (f" ({one_line(m.reason)})" if m.reason else ""))


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
