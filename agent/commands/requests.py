"""`import-request`, `inbox`, `approve` and `decline`: the request desk.

Agency names and phone numbers shown here come from the trust store, never from a request;
whatever a request or a portal says is printed through frp.text (one_line, multi_line), so it
can neither act on the terminal nor start a line of its own.
"""
from __future__ import annotations

import functools
import sys

from agent.audit.log import AuditError
from agent.commands.common import Refused, UsageError, parse_time, print_json, say, utc
from agent.commands.interrupt import Interrupted
from agent.commands.job_progress import DeliveryProgress
from agent.commands.local_time import shown, window, zone_for
from agent.commands.progress import add_option as add_progress_option
from agent.requests.agencies import TrustStoreError
from agent.requests.desk_errors import DeskError, DeskRefusal
from agent.requests.view import RequestView
from agent.service import AgentError
from frp.text import multi_line, one_line

PUBLIC_RECORD = ("Footage you share can become a public record once the case is closed: "
                 "anyone may then be able to ask for it and see it.")


def mapped(handler):
    """Desk and trust-store errors as the CLI's exit codes (refused 3, failure 1)."""
    @functools.wraps(handler)
    def run(agent, args):
        try:
            return handler(agent, args)
        except (DeskRefusal, TrustStoreError) as exc:
            raise Refused(str(exc)) from None
        except (DeskError, AuditError) as exc:
            raise AgentError(str(exc)) from None
    return run


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
    _add_agency_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=inbox_show)
    p = ia.add_parser("hold", parents=[common],
                      help="copy the recordings a request covers, so retention cannot erase them")
    p.add_argument("id")
    _add_agency_option(p)
    p.set_defaults(func=inbox_hold)
    p = ia.add_parser("release", parents=[common], help="delete a finished request's hold copy")
    p.add_argument("id")
    _add_agency_option(p)
    p.set_defaults(func=inbox_release)

    p = sub.add_parser("approve", parents=[common], help="share what you approve, and deliver it")
    p.add_argument("id")
    _add_agency_option(p)
    p.add_argument("--camera", action="append", help="a camera to share (repeat; default: the "
                                                     "request's cameras)")
    p.add_argument("--from", dest="start", help="start of what you share (default: the request's)")
    p.add_argument("--to", dest="end", help="end of what you share (default: the request's)")
    p.add_argument("--mode", choices=("copy", "exact"))
    p.add_argument("--keep-audio", action="store_true", default=None,
                   help="keep the sound (removed by default)")
    p.add_argument("--blur-faces", action="store_true", default=None,
                   help="blur every face, found on this computer (re-encodes the clips)")
    p.add_argument("--no-masks", dest="masks", action="store_false", default=None,
                   help="leave the cameras' privacy masks off (they are applied by default)")
    p.add_argument("--accept-dropped-frames", action="store_true",
                   help="send even if frames of the recordings cannot be decoded and must be "
                        "left out (counted in the package); without it the delivery stops")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")
    add_progress_option(p)
    p.set_defaults(func=approve)

    p = sub.add_parser("decline", parents=[common], help="decline a request")
    p.add_argument("id")
    _add_agency_option(p)
    p.add_argument("--reason", help="told to the agency")
    p.set_defaults(func=decline)


def _add_agency_option(p) -> None:
    # FRP/1 makes a request id unique per agency only: two agencies may both send '0001'.
    p.add_argument("--agency", metavar="AGENCY_ID",
                   help="the agency that sent the request (its id, as `agencies list` shows "
                        "it); needed only when two agencies used the same request id")


def entry_json(view: RequestView, agency_name: str | None = None) -> dict:
    """The cli.md `inbox --json` object for one request."""
    return {"id": view.id, "agency": view.agency_id, "case": view.case,
            "window": {"start": utc(view.window_start_us), "end": utc(view.window_end_us)},
            "status": view.status, "received_at": utc(view.received_at_us),
            "expires_at": utc(view.expires_at_us), "agency_name": agency_name,
            "cameras": list(view.cameras), "reason": view.reason, "verified": view.verified,
            "problem": view.problem}


def _agency_name(view: RequestView) -> str:
    """The trusted agency's name, or its id when it is no longer in the trust store."""
    return view.agency_name if view.agency_name is not None else view.agency_id


# inbox -------------------------------------------------------------------------------------
@mapped
def import_request(agent, args) -> int:
    view = agent.requests.import_request(args.source)
    if args.json:
        print_json(entry_json(view, _agency_name(view)))
    else:
        print(f"{view.id}\tcase {one_line(view.case)}\tfrom {one_line(_agency_name(view))}")
    return 0


@mapped
def inbox_list(agent, args) -> int:
    views = agent.requests.list()
    if args.json:
        print_json([entry_json(v, _agency_name(v)) for v in views])
        return 0
    for v in views:
        print(f"{v.id}\t{v.status}\t{one_line(_agency_name(v))}\tcase {one_line(v.case)}\t"
              f"{window(v.window_start_us, v.window_end_us, zone_for(agent, v.cameras))}"
              + ("" if v.verified else f"\tNOT VERIFIED: {one_line(v.problem)}"))
    if not views:
        say("no requests")
    return 0


@mapped
def inbox_sync(agent, args) -> int:
    report = agent.requests.sync()
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
    say(f"{len(report.new)} new, {len(report.rejected)} rejected")
    return 1 if report.problems and not report.new else 0


@mapped
def inbox_show(agent, args) -> int:
    v = agent.requests.show(args.id, args.agency)
    out = entry_json(v, v.agency_name)
    out.update({"agency_phone": v.agency_phone, "problem": v.problem, "verified": v.verified,
                "hold": str(v.hold.path) if v.hold else None,
                "deliveries": [{"camera": d.camera, "package": d.package, "sha256": d.sha256,
                                "size": d.size, "upload_url": d.upload_url,
                                "receipt": bool(d.receipt)} for d in v.deliveries]})
    if v.verified:  # what the request says is shown only while it still verifies
        out.update({"incident": v.incident, "requester": v.requester,
                    "legal_basis": v.legal_basis, "message": v.message,
                    "location": v.location, "emergency": v.emergency,
                    "upload": v.upload_endpoint})
    if args.json:
        print_json(out)
        return 0
    print(f"Request {v.id}: {v.status}" + (f" ({one_line(v.reason)})" if v.reason else ""))
    if v.agency_name is not None:
        print(f"From: {one_line(v.agency_name)}; to check it is real, call "
              f"{one_line(v.agency_phone)} (the number in your trust store, not one from the "
              "message)")
    print(f"Case: {one_line(v.case)}" + (f" ({one_line(v.incident)})" if v.verified and v.incident
                                      else ""))
    print(f"Window: {window(v.window_start_us, v.window_end_us, zone_for(agent, v.cameras))}")
    if v.expires_at_us is not None:
        print(f"Answer by: {shown(v.expires_at_us, agent.local_zone())}")
    print(f"Cameras asked for: {', '.join(one_line(c) for c in v.cameras) or 'not named'}")
    if v.verified:
        who = ", ".join(f"{k}: {one_line(x)}" for k, x in v.requester.items())
        print(f"Requester (as stated in the request): {who}")
        print(f"Legal basis: {v.legal_basis}" + ("; marked EMERGENCY (this changes no check)"
                                                if v.emergency else ""))
        if v.message:
            print("Message (plain text, as sent):")
            print("  " + multi_line(v.message).replace("\n", "\n  "))
    if v.problem:
        print(f"Warning: {one_line(v.problem)}")
    if v.hold:
        print(f"Hold: {v.hold.path} ({len(v.hold.files)} files)")
    return 0


@mapped
def inbox_hold(agent, args) -> int:
    made = agent.requests.hold(args.id, args.agency)
    say(f"held {len(made.files)} recordings ({made.size:,} bytes) in {made.path}")
    return 0


@mapped
def inbox_release(agent, args) -> int:
    if agent.requests.release(args.id, args.agency):
        say(f"deleted the hold of {args.id}")
    else:
        say(f"{args.id} has no hold")
    return 0


# decisions ---------------------------------------------------------------------------------
@mapped
def approve(agent, args) -> int:
    desk = agent.requests
    view = desk.show(args.id, args.agency)
    tz = zone_for(agent, _cameras(view, args))
    start = parse_time(args.start, "--from", tz) if args.start else None
    end = parse_time(args.end, "--to", tz) if args.end else None
    # Refused choices (a camera not asked for, a wider window) are said before any question.
    chosen = desk.check_approval(args.id, args.camera, start, end, args.mode, args.keep_audio,
                                 blur_faces=args.blur_faces, masks=args.masks,
                                 iss=view.agency_id)
    if not args.yes:
        _confirm(agent, view, chosen, tz)
    shown_progress = DeliveryProgress(agent, args)
    try:
        done = args.stopper.run_job(lambda cancel: desk.approve(
            args.id, args.camera, start, end, args.mode, args.keep_audio,
            progress=shown_progress.report, cancel=cancel, blur_faces=args.blur_faces,
            masks=args.masks, accept_dropped=args.accept_dropped_frames, iss=view.agency_id))
    except Interrupted as exc:
        shown_progress.close()
        raise _delivery_interrupted(desk, view, exc) from None
    finally:
        shown_progress.close()
    if args.json:
        print_json({**entry_json(done), "deliveries": [
            {"camera": d.camera, "package": d.package, "tar": d.tar, "sha256": d.sha256,
             "size": d.size, "upload_url": d.upload_url} for d in done.deliveries]})
    else:
        for d in done.deliveries:
            print(f"delivered {d.camera}: {d.size:,} bytes, SHA-256 {d.sha256} (receipt checked)")
    return 0


def _delivery_interrupted(desk, view: RequestView, exc: Interrupted) -> Interrupted:
    """A stop during the delivery: the request is left saying so (a job still blocked in a
    call that never answered, or no longer waited for, could not), and the owner is told how
    it goes on."""
    from agent.requests.approval_run import mark_interrupted
    mark_interrupted(desk.inbox, lambda event, **data: desk.audit.append(
        event, id=view.id, agency=view.agency_id, **data), view.agency_id, view.id)
    say(f"footage-agent: the delivery of {one_line(view.id)} was interrupted; run approve "
        f"again to resume it (`inbox show {one_line(view.id)}` shows where it stopped)")
    return Interrupted(exc.signum)   # nothing half-made is left: it resumes from the inbox


def _cameras(view: RequestView, args) -> list[str]:
    """The cameras whose zone the times are read in: those named, else those approved before,
    else the request's."""
    a = view.approval
    return list(args.camera or (a.cameras if a else view.cameras))


def _confirm(agent, view: RequestView, chosen, tz: str) -> None:
    """Say what the approval `chosen` sends, and ask."""
    start, end = chosen.start_us, chosen.end_us
    say(f"This will send to {one_line(_agency_name(view))}:")
    say(f"  cameras: {', '.join(one_line(c) for c in chosen.cameras)}")
    say(f"  {window(start, end, tz)} ({(end - start) / 1e6:,.0f} seconds per camera)")
    say(f"  sound: {'kept' if chosen.keep_audio else 'removed'}")
    say(f"  hidden: {_hidden(agent, chosen)}")
    say(PUBLIC_RECORD)
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("not asking for confirmation without a terminal; add --yes to approve")
    sys.stderr.write("Send it? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise Refused("not approved; nothing was sent")


def _hidden(agent, chosen) -> str:
    """The redaction as the confirmation names it: which cameras' masks, and faces."""
    parts = []
    if chosen.masks:
        for camera in chosen.cameras:
            try:
                count = len(agent.masks(camera).polygons)
            except AgentError as exc:
                return str(exc)
            if count:
                parts.append(f"{count} privacy mask(s) blacked out on {one_line(camera)}")
    if chosen.blur_faces:
        parts.append("every face blurred")
    return "; ".join(parts) if parts else "nothing (no privacy masks, faces not blurred)"


@mapped
def decline(agent, args) -> int:
    done = agent.requests.decline(args.id, args.reason, iss=args.agency)
    sent = "sent to the agency" if done.decision_sent_at_us else (
        f"not sent: {one_line(done.decision_error)}" if done.decision_error
        else "will be sent at the next `inbox sync`")
    say(f"declined {done.id} ({sent})")
    if done.approval is not None:   # an approval never delivered, now withdrawn
        say("your approval is withdrawn: nothing more will be sent, and the packages made for "
            "the agency were removed from this PC" + ("" if done.decision_sent_at_us
                                                      or done.decision_error else
                                                      "; the agency deletes anything already "
                                                      "uploaded when the decline reaches it"))
    return 0
