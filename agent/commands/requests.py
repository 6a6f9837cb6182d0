"""`agencies`, `import-request`, `inbox`, `approve`, `decline` and `log`: the request desk.

Agency names and phone numbers shown here come from the trust store, never from a request;
request text is printed as plain text with control characters neutralised.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

from ..audit import AuditError, AuditLog
from ..requests.agencies import TrustStoreError
from ..requests.desk import DeskError, DeskRefusal
from ..requests.inbox import Entry
from ..service import AgentError
from .common import Refused, UsageError, parse_time, print_json, say, utc

PUBLIC_RECORD = ("Footage you share can become a public record once the case is closed: "
                 "anyone may then be able to ask for it and see it.")


def _mapped(handler):
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
    a = sub.add_parser("agencies", parents=[common], help="agencies you trust (the trust store)")
    aa = a.add_subparsers(dest="action", required=True)
    p = aa.add_parser("add", parents=[common], help="import an agency file and show its keys")
    p.add_argument("file")
    p.set_defaults(func=agencies_add)
    p = aa.add_parser("list", parents=[common], help="list trusted agencies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=agencies_list)
    p = aa.add_parser("remove", parents=[common], help="forget an agency")
    p.add_argument("id")
    p.set_defaults(func=agencies_remove)
    p = aa.add_parser("register", parents=[common],
                      help="record the registration id (and portal token) an agency gave you")
    p.add_argument("id", help="the agency id")
    p.add_argument("--id", dest="registration", required=True, help="your registration id")
    p.add_argument("--token-file", help="file holding the portal token (kept secret, 0600)")
    p.set_defaults(func=agencies_register)

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
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=inbox_show)
    p = ia.add_parser("hold", parents=[common],
                      help="copy the recordings a request covers, so retention cannot erase them")
    p.add_argument("id")
    p.set_defaults(func=inbox_hold)
    p = ia.add_parser("release", parents=[common], help="delete a finished request's hold copy")
    p.add_argument("id")
    p.set_defaults(func=inbox_release)

    p = sub.add_parser("approve", parents=[common], help="share what you approve, and deliver it")
    p.add_argument("id")
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
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=approve)

    p = sub.add_parser("decline", parents=[common], help="decline a request")
    p.add_argument("id")
    p.add_argument("--reason", help="told to the agency")
    p.set_defaults(func=decline)

    lg = sub.add_parser("log", parents=[common], help="the audit log of every decision")
    lg.add_argument("--json", action="store_true")
    lg.set_defaults(func=log_show)
    la = lg.add_subparsers(dest="action")
    p = la.add_parser("verify", parents=[common], help="check that no line was altered or removed")
    p.set_defaults(func=log_verify)


def plain(text: str | None) -> str:
    """Text from a request, safe on a terminal: no escape sequences, no control characters."""
    if text is None:
        return ""
    return "".join(ch if ch.isprintable() or ch == "\n" else "?" for ch in text)


def entry_json(entry: Entry, agency_name: str | None = None) -> dict:
    """The cli.md `inbox --json` object for one request."""
    return {"id": entry.jti, "agency": entry.iss, "case": entry.case,
            "window": {"start": utc(entry.window_start_us), "end": utc(entry.window_end_us)},
            "status": entry.status, "received_at": utc(entry.received_at_us),
            "expires_at": utc(entry.expires_at_us), "agency_name": agency_name,
            "cameras": list(entry.cameras), "reason": entry.reason}


# agencies ----------------------------------------------------------------------------------
@_mapped
def agencies_add(agent, args) -> int:
    agency = agent.requests.trust.add(Path(args.file))
    print(f"added {plain(agency.name)} ({agency.id})")
    print(f"  phone:  {plain(agency.phone)}")
    print(f"  portal: {agency.portal}")
    print("  key fingerprints (compare them with the ones the agency publishes):")
    for fp in agency.fingerprints():
        print(f"    {fp}")
    return 0


@_mapped
def agencies_list(agent, args) -> int:
    trust = agent.requests.trust
    regs = trust.registrations()
    rows = [{"id": a.id, "name": a.name, "phone": a.phone, "portal": a.portal,
             "upload_origins": list(a.upload_origins), "fingerprints": list(a.fingerprints()),
             "max_window_s": a.max_window_s, "registrations": regs.get(a.id, [])}
            for a in trust.list()]
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']}\t{plain(r['name'])}\t{plain(r['phone'])}\t"
              f"registrations: {', '.join(r['registrations']) or 'none'}")
    if not rows:
        say("no agencies yet: import one with `footage-agent agencies add FILE`")
    return 0


@_mapped
def agencies_remove(agent, args) -> int:
    if not agent.requests.trust.remove(args.id):
        raise Refused(f"no agency '{args.id}' is in your trust store")
    say(f"removed {args.id} and its registrations")
    return 0


@_mapped
def agencies_register(agent, args) -> int:
    token = None
    if args.token_file:
        try:
            token = Path(args.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"--token-file: cannot read {args.token_file} ({exc})") from None
    agent.requests.trust.register(args.id, args.registration, token)
    say(f"registered '{args.registration}' with {args.id}" + (" (portal token saved)" if token else ""))
    return 0


# inbox -------------------------------------------------------------------------------------
@_mapped
def import_request(agent, args) -> int:
    entry = agent.requests.import_request(args.source)
    if args.json:
        print_json(entry_json(entry, _agency_name(agent, entry)))
    else:
        print(f"{entry.jti}\tcase {plain(entry.case)}\tfrom {plain(_agency_name(agent, entry))}")
    return 0


def _agency_name(agent, entry: Entry) -> str:
    agency = agent.requests.trust.get(entry.iss)
    return agency.name if agency else entry.iss


@_mapped
def inbox_list(agent, args) -> int:
    entries = agent.requests.list()
    if args.json:
        print_json([entry_json(e, _agency_name(agent, e)) for e in entries])
        return 0
    for e in entries:
        print(f"{e.jti}\t{e.status}\t{plain(_agency_name(agent, e))}\tcase {plain(e.case)}\t"
              f"{utc(e.window_start_us)} .. {utc(e.window_end_us)}")
    if not entries:
        say("no requests")
    return 0


@_mapped
def inbox_sync(agent, args) -> int:
    report = agent.requests.sync()
    if report.problems and not report.new and not report.rejected:
        for problem in report.problems:  # nothing else happened: the problem is the whole answer
            say(f"footage-agent: {plain(problem)}")
        return 1
    for e in report.new:
        say(f"new request {e.jti} (case {plain(e.case)})")
    for reason in report.rejected:
        say(plain(reason))
    for problem in report.problems:
        say(f"problem: {plain(problem)}")
    say(f"{len(report.new)} new, {len(report.rejected)} rejected")
    return 1 if report.problems and not report.new else 0


@_mapped
def inbox_show(agent, args) -> int:
    view = agent.requests.show(args.id)
    e, agency, req = view.entry, view.agency, view.request
    out = entry_json(e, agency.name if agency else None)
    out.update({"agency_phone": agency.phone if agency else None, "problem": view.problem,
                "verified": req is not None, "hold": str(view.hold.path) if view.hold else None,
                "deliveries": [{"camera": d.camera, "package": d.package, "sha256": d.sha256,
                                "size": d.size, "upload_url": d.upload_url,
                                "receipt": bool(d.receipt)} for d in e.deliveries]})
    if req is not None:
        out.update({"incident": req.incident, "requester": req.requester,
                    "legal_basis": req.legal_basis, "message": req.message,
                    "location": req.location, "emergency": req.emergency,
                    "upload": req.upload_endpoint})
    if args.json:
        print_json(out)
        return 0
    print(f"Request {e.jti}: {e.status}" + (f" ({plain(e.reason)})" if e.reason else ""))
    if agency:
        print(f"From: {plain(agency.name)}; to check it is real, call {plain(agency.phone)} "
              "(the number in your trust store, not one from the message)")
    print(f"Case: {plain(e.case)}" + (f" ({plain(req.incident)})" if req and req.incident else ""))
    print(f"Window: {utc(e.window_start_us)} to {utc(e.window_end_us)}")
    print(f"Cameras asked for: {', '.join(plain(c) for c in e.cameras) or 'not named'}")
    if req is not None:
        who = ", ".join(f"{k}: {plain(v)}" for k, v in req.requester.items())
        print(f"Requester (as stated in the request): {who}")
        print(f"Legal basis: {req.legal_basis}" + ("; marked EMERGENCY (this changes no check)"
                                                  if req.emergency else ""))
        if req.message:
            print("Message (plain text, as sent):")
            print("  " + plain(req.message).replace("\n", "\n  "))
    if view.problem:
        print(f"Warning: {plain(view.problem)}")
    if view.hold:
        print(f"Hold: {view.hold.path} ({len(view.hold.files)} files)")
    return 0


@_mapped
def inbox_hold(agent, args) -> int:
    made = agent.requests.hold(args.id)
    say(f"held {len(made.files)} recordings ({made.size:,} bytes) in {made.path}")
    return 0


@_mapped
def inbox_release(agent, args) -> int:
    if agent.requests.release(args.id):
        say(f"deleted the hold of {args.id}")
    else:
        say(f"{args.id} has no hold")
    return 0


# decisions ---------------------------------------------------------------------------------
@_mapped
def approve(agent, args) -> int:
    desk = agent.requests
    start = parse_time(args.start, "--from") if args.start else None
    end = parse_time(args.end, "--to") if args.end else None
    view = desk.show(args.id)
    if not args.yes:
        _confirm(agent, view, args)
    done = desk.approve(args.id, args.camera, start, end, args.mode, args.keep_audio,
                        progress=None if args.json else _progress_printer(),
                        blur_faces=args.blur_faces, masks=args.masks)
    if args.json:
        print_json({**entry_json(done), "deliveries": [
            {"camera": d.camera, "package": d.package, "tar": d.tar, "sha256": d.sha256,
             "size": d.size, "upload_url": d.upload_url} for d in done.deliveries]})
    else:
        for d in done.deliveries:
            print(f"delivered {d.camera}: {d.size:,} bytes, SHA-256 {d.sha256} (receipt checked)")
    return 0


def _confirm(agent, view, args) -> None:
    e, a = view.entry, view.entry.approval
    cams = args.camera or (a.cameras if a else e.cameras)
    start = parse_time(args.start, "--from") if args.start else (a.start_us if a else
                                                                 e.window_start_us)
    end = parse_time(args.end, "--to") if args.end else (a.end_us if a else e.window_end_us)
    audio = args.keep_audio if args.keep_audio is not None else (a.keep_audio if a else False)
    name = view.agency.name if view.agency else e.iss
    say(f"This will send to {plain(name)}:")
    say(f"  cameras: {', '.join(plain(c) for c in cams) or '(none chosen)'}")
    say(f"  from {utc(start)} to {utc(end)} ({(end - start) / 1e6:,.0f} seconds per camera)")
    say(f"  sound: {'kept' if audio else 'removed'}")
    say(f"  hidden: {_hidden(agent, e, cams, args)}")
    say(PUBLIC_RECORD)
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("not asking for confirmation without a terminal; add --yes to approve")
    sys.stderr.write("Send it? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise Refused("not approved; nothing was sent")


def _hidden(agent, entry, cameras, args) -> str:
    """The redaction as the confirmation names it: which cameras' masks, and faces."""
    kept = entry.approval
    faces = args.blur_faces if args.blur_faces is not None else bool(kept and kept.blur_faces)
    masks = args.masks if args.masks is not None else (kept.masks if kept else True)
    parts = []
    if masks:
        for camera in cameras:
            try:
                count = len(agent.masks(camera).polygons)
            except AgentError as exc:
                return str(exc)
            if count:
                parts.append(f"{count} privacy mask(s) blacked out on {plain(camera)}")
    if faces:
        parts.append("every face blurred")
    return "; ".join(parts) if parts else "nothing (no privacy masks, faces not blurred)"


def _progress_printer():
    last = {"stage": None}

    def show(stage: str, fraction: float) -> None:
        if stage != last["stage"]:
            say(f"{stage}...")
            last["stage"] = stage

    return show


@_mapped
def decline(agent, args) -> int:
    done = agent.requests.decline(args.id, args.reason)
    sent = "sent to the agency" if done.decision_sent_at_us else (
        f"not sent: {plain(done.decision_error)}" if done.decision_error
        else "will be sent at the next `inbox sync`")
    say(f"declined {done.jti} ({sent})")
    return 0


# log ---------------------------------------------------------------------------------------
@_mapped
def log_show(agent, args) -> int:
    entries = AuditLog(agent.home).entries()
    if args.json:
        print_json(entries)
        return 0
    for r in entries:
        details = " ".join(f"{k}={plain(str(v))}" for k, v in sorted(r["data"].items()))
        print(f"{r['seq']}\t{r['at']}\t{r['event']}\t{details}")
    return 0


@_mapped
def log_verify(agent, args) -> int:
    report = AuditLog(agent.home).verify()
    for problem in report.problems:
        say(f"problem: {problem}")
    if not report.ok:
        raise Refused(f"the audit log was altered ({len(report.problems)} problems)")
    say(f"OK: {report.count} records, none altered or removed")
    return 0
