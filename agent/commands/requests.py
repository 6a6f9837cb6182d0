"""`import-request` and `inbox`: the request desk (`inbox show` is in request_page.py,
`approve` and `decline` in decisions.py; what both share is in desk_common.py).

Agency names and phone numbers shown here come from the trust store, never from a request;
whatever a request or a portal says is printed through frp.text (one_line, multi_line), so it
can neither act on the terminal nor start a line of its own.
"""
from __future__ import annotations

import signal
import sys

from agent.commands.common import Refused, UsageError, print_json, readable_file, say
from agent.commands.desk_common import add_agency_option, agency_name, entry_json, mapped
from agent.commands.file_kinds import refused_for_the_other_command
from agent.commands.interrupt import Interrupted
from agent.commands.request_page import inbox_show
from agent.commands.local_time import window, zone_for
from frp.count_words import counted
from agent.requests.desk_errors import DeskRefusal
from agent.requests.hold_losses import loss_words
from frp.text import one_line


def add_parsers(sub, common) -> None:
    p = sub.add_parser("import-request", parents=[common],
                       help="verify a request token (file, or a URL on an agency portal) and add it")
    p.add_argument("source", metavar="FILE_OR_URL")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=import_request)

    i = sub.add_parser("inbox", parents=[common], help="footage requests you received")
    i.add_argument("--json", action="store_true")
    i.set_defaults(func=inbox_list)
    ia = i.add_subparsers(dest="action")
    p = ia.add_parser("sync", parents=[common], help="poll the agency portals now")
    p.set_defaults(func=inbox_sync)
    p = ia.add_parser("show", parents=[common], help="one request in full")
    p.add_argument("id")
    add_agency_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=inbox_show)
    p = ia.add_parser("hold", parents=[common],
                      help="copy the recordings a request covers, so retention cannot erase them")
    p.add_argument("id")
    add_agency_option(p)
    p.set_defaults(func=inbox_hold)
    p = ia.add_parser("release", parents=[common], help="delete a finished request's hold copy")
    p.add_argument("id")
    add_agency_option(p)
    p.add_argument("--yes", action="store_true",
                   help="do not ask before deleting a copy that is the only unredacted footage "
                        "of a package made from it")
    p.set_defaults(func=inbox_release)


def _ask_release(jti: str, lost) -> None:
    """Say what deleting the safe copy loses (hold_losses.py), and ask."""
    said = loss_words(one_line(jti), lost)
    say(said[:1].upper() + said[1:] + ".")
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("not asking without a terminal, so the safe copy was kept; add --yes "
                         "to delete it all the same")
    sys.stderr.write("Delete it anyway? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise Refused("not deleted; the safe copy is kept")


# inbox -------------------------------------------------------------------------------------
@mapped
def import_request(agent, args) -> int:
    from_file = not args.source.lower().startswith(("https://", "http://"))
    if from_file:
        readable_file(args.source, "the request file")
    try:
        view = agent.requests.import_request(args.source)
    except DeskRefusal as exc:   # the agency file given for a request: say so
        raise (from_file and refused_for_the_other_command(args.source, "request")) or exc
    if args.json:
        print_json(entry_json(view))
    else:
        print(f"{view.id}\tcase {one_line(view.case)}\tfrom {one_line(agency_name(view))}")
    return 0


@mapped
def inbox_list(agent, args) -> int:
    views = agent.requests.list()
    if args.json:
        print_json([entry_json(v) for v in views])
        return 0
    for v in views:
        print(f"{v.id}\t{v.status}\t{one_line(agency_name(v))}\tcase {one_line(v.case)}\t"
              f"{window(v.window_start_us, v.window_end_us, zone_for(agent, v.cameras))}"
              + ("" if v.verified else f"\tNOT VERIFIED: {one_line(v.problem)}"))
    if not views:
        say("no requests")
    return 0


@mapped
def inbox_sync(agent, args) -> int:
    # A job, as decline's send: the main thread waits in short slices, so Ctrl+C is seen on
    # Windows too while a portal is asked (up to a minute a call), and it ends that call.
    try:
        report = args.stopper.run_job(lambda cancel: agent.requests.sync(cancel))
    except Interrupted as exc:
        raise _sync_stopped(exc) from None
    if args.stopper.event.is_set():   # stopped as its last call ended: said as stopped
        raise _sync_stopped(Interrupted(args.stopper.signum or signal.SIGINT))
    if report.problems and not report.new and not report.rejected:
        for problem in report.problems:  # nothing else happened: the problem is the whole answer
            say(f"footage-agent: {one_line(problem)}")
        return 1
    for e in report.new:
        say(f"new request {e.jti} (case {one_line(e.case)})")
    for reason in report.rejected:
        say(one_line(reason))
    for problem in report.problems:
        say(f"problem: {one_line(problem)}")
    if not agent.registration_views():   # as the app says it: '0 new' read as a portal asked
        say("there was no agency to ask: requests arrive once you register with one "
            "(`footage-agent agencies register AGENCY --invite CODE --name NAME`); a request "
            "file the agency sent you is added with `footage-agent import-request FILE`")
        return 0
    say(f"{len(report.new)} new, {len(report.rejected)} rejected")
    return 1 if report.problems and not report.new else 0


def _sync_stopped(exc: Interrupted) -> Interrupted:
    """A stop during `inbox sync`, said: what it fetched before is kept, the call cut short
    recorded nothing (a job past its grace: the CLI's own words, its end not known)."""
    if exc.unfinished:
        return exc
    say("footage-agent: the check for requests was stopped; the requests it had fetched are "
        "kept (`footage-agent inbox` lists them), and the next `inbox sync` asks again from "
        "where it stopped")
    return exc.having_said()


@mapped
def inbox_hold(agent, args) -> int:
    made = agent.requests.hold(args.id, args.agency)
    held = f"{counted(len(made.files), 'file')} ({made.size:,} bytes)"
    if not made.kept:
        say(f"held {counted(len(made.files), 'recording')} ({made.size:,} bytes) in {made.path}")
    elif made.added:
        size = sum(f.size for f in made.added)
        say(f"added {counted(len(made.added), 'file')} ({size:,} bytes) to the safe copy in "
            f"{made.path}, saved since it was made: " + ", ".join(
                f.name for f in made.added) + f"; it holds {held} now")
    else:
        say(f"the safe copy in {made.path} holds every recording of the window indexed now "
            f"({held}); nothing was added")
    if made.gone:   # deleted or recorded over since the scan (a recorder making room)
        one = len(made.gone) == 1
        say(f"{counted(len(made.gone), 'recording')} of the window "
            f"{'was' if one else 'were'} no longer in {'its' if one else 'their'} folder as "
            f"{'it was' if one else 'they were'} indexed when {'its' if one else 'their'} copy "
            "began (a recorder deletes its oldest recordings, or records over them, to make "
            f"room for new ones), so the safe copy does not hold {'it' if one else 'them'}: "
            + ", ".join(g.source for g in made.gone))
    return 0


@mapped
def inbox_release(agent, args) -> int:
    lost = agent.requests.release_losses(args.id, args.agency)
    if lost and not args.yes:
        _ask_release(args.id, lost)
    if agent.requests.release(args.id, args.agency, knowing=bool(lost)):
        say(f"deleted the hold of {args.id}")
    else:
        say(f"{args.id} has no hold")
    return 0
