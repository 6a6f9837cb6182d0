"""`recordings` and `coverage`: what the recordings index holds, file by file and as a camera's
recorded stretches and gaps in a window."""
from __future__ import annotations

from agent.commands.common import Refused, UsageError, parse_time, print_json, say, utc
from agent.commands.local_time import CAMERA_HELP, shown, time_help, window, zone_for
from agent.commands.option_values import typed_camera
from agent.index.coverage import USABLE
from agent.index.rows import FileRow
from agent.owner_index import NO_FOLDERS_YET, NOTHING_INDEXED_YET
from agent.service import Agent, NotFound
from frp.text import one_line


def add_parsers(sub, common) -> None:
    """The parsers of `recordings` and `coverage` (`index` adds them after `scan`'s)."""
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
    typed_camera(args.camera)   # "" or bytes that are no character: a usage error (exit 2)
    tz = zone_for(agent, [args.camera] if args.camera else [])
    start = parse_time(args.start, "--from", tz) if args.start else None
    end = parse_time(args.end, "--to", tz) if args.end else None
    if start is not None and end is not None and start >= end:
        raise UsageError(f"--from must be before --to (read as {window(start, end, tz)})")
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
    typed_camera(args.camera)
    tz = zone_for(agent, [args.camera])
    start, end = parse_time(args.start, "--from", tz), parse_time(args.end, "--to", tz)
    if start >= end:
        raise UsageError(f"--from must be before --to (read as {window(start, end, tz)})")
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
