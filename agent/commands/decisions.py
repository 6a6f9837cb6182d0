"""The owner's decisions on a request: `approve` (say what would be sent, ask, deliver) and
`decline` (which withdraws an approval never delivered)."""
from __future__ import annotations

import signal
import sys

from agent.commands.common import Refused, UsageError, parse_time, print_json, say
from agent.commands.interrupt import Interrupted
from agent.commands.job_progress import DeliveryProgress
from agent.commands.local_time import time_help, window, zone_for
from agent.commands.option_values import typed_camera, typed_reason
from agent.commands.progress import add_option as add_progress_option
from agent.commands.desk_common import add_agency_option, agency_name, entry_json, mapped
from frp.count_words import counted
from agent.requests.desk_decisions import SENDING_DECLINE
from agent.requests.records import WRONG_KEY
from agent.requests.view import RequestView
from agent.service import AgentError
from frp.text import one_line

PUBLIC_RECORD = ("Footage you share can become a public record once the case is closed: "
                 "anyone may then be able to ask for it and see it.")


def add_parsers(sub, common) -> None:
    p = sub.add_parser("approve", parents=[common], help="share what you approve, and deliver it")
    p.add_argument("id")
    add_agency_option(p)
    p.add_argument("--camera", action="append",
                   help="a camera to share, by its name as `footage-agent cameras` lists it "
                        "(repeat; default: the request's cameras)")
    p.add_argument("--from", dest="start", help=time_help(
        "start of what you share (default: the request's)", "the cameras' clock"))
    p.add_argument("--to", dest="end", help=time_help(
        "end of what you share (default: the request's)", "the cameras' clock"))
    p.add_argument("--mode", choices=("copy", "exact"))
    p.add_argument("--keep-audio", action="store_true", default=None,
                   help="keep the sound (removed by default)")
    p.add_argument("--blur-faces", action="store_true", default=None,
                   help="blur the faces found on this computer (one narrower than about a "
                        "twentieth of the picture can be missed: mask such places; re-encodes "
                        "the clips)")
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
    add_agency_option(p)
    p.add_argument("--reason", help="told to the agency")
    p.set_defaults(func=decline)


@mapped
def approve(agent, args) -> int:
    for name in args.camera or ():   # bytes that are no character: a usage error, said first
        typed_camera(name)
    desk = agent.requests
    view = desk.show(args.id, args.agency)
    tz = zone_for(agent, _cameras(view, args))
    start = parse_time(args.start, "--from", tz) if args.start else None
    end = parse_time(args.end, "--to", tz) if args.end else None
    if (start is not None and start < view.window_start_us) or (
            end is not None and end > view.window_end_us):   # said on the clock it was typed on
        raise Refused(f"refused: the approved window is wider than the request's "
                      f"({window(view.window_start_us, view.window_end_us, tz)}); it may only "
                      "be narrower")
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
    from agent.requests.running_deliveries import mark_interrupted
    mark_interrupted(desk.inbox, lambda event, **data: desk.audit.append(
        event, id=view.id, agency=view.agency_id, **data), view.agency_id, view.id)
    say(f"footage-agent: the delivery of {one_line(view.id)} was interrupted; run approve "
        f"again to resume it (`inbox show {one_line(view.id)}` shows where it stopped)")
    return exc.having_said()   # nothing half-made is left: it resumes from the inbox


def _cameras(view: RequestView, args) -> list[str]:
    """The cameras whose zone the times are read in: those named, else those approved before,
    else the request's."""
    a = view.approval
    return list(args.camera or (a.cameras if a else view.cameras))


def _confirm(agent, view: RequestView, chosen, tz: str) -> None:
    """Say what the approval `chosen` sends, and ask."""
    start, end = chosen.start_us, chosen.end_us
    say(f"This will send to {one_line(agency_name(view))}, for case {one_line(view.case)} "
        f"(request {one_line(view.id)}):")
    say(f"  cameras: {', '.join(one_line(c) for c in chosen.cameras)}")
    held = _from_safe_copy(agent, view, chosen)
    if held:
        say(f"  from the safe copy made when you put the request on hold: "
            f"{', '.join(one_line(c) for c in held)} (the recordings are gone from their "
            "folder, or changed, since it was made)")
    for camera, missed in held.items():
        if missed:
            say(f"  left out of {one_line(camera)}: "
                f"{counted(missed, 'recording')} in its folder that the safe copy does not "
                "hold (made, or still being written, after it was made)")
    say(f"  {window(start, end, tz)} ({counted(round((end - start) / 1e6), 'second')} per camera)")
    say(f"  sound: {'kept' if chosen.keep_audio else 'removed'}")
    say(f"  hidden: {_hidden(agent, chosen)}")
    say(PUBLIC_RECORD)
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError("not asking for confirmation without a terminal; add --yes to approve")
    sys.stderr.write("Send it? [y/N] ")
    sys.stderr.flush()
    if sys.stdin.readline().strip().lower() not in ("y", "yes"):
        raise Refused("not approved; nothing was sent")


def _from_safe_copy(agent, view: RequestView, chosen) -> dict[str, int]:
    """The chosen cameras the approval would cut from the request's safe copy, each with the
    count of its recordings on disk that cut leaves out (held_window.left_out)."""
    if view.hold is None:
        return {}
    held = {}
    for camera in chosen.cameras:
        try:
            cov = agent.coverage(camera, chosen.start_us, chosen.end_us, hold=view.hold)
        except AgentError:   # not indexed: the approval says what is wrong with it
            continue
        if cov.held:
            held[camera] = len(cov.left_out)
    return held


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
                parts.append(f"{counted(count, 'privacy mask')} blacked out on {one_line(camera)}")
    if chosen.blur_faces:
        parts.append("faces blurred")
    return "; ".join(parts) if parts else "nothing (no privacy masks, faces not blurred)"


@mapped
def decline(agent, args) -> int:
    said: set[str] = set()

    def waiting(stage: str, _fraction: float) -> None:   # a lost receipt asked for: say so once
        if stage == SENDING_DECLINE:
            return   # declined already: Ctrl+C leaves it to the next sync; said below
        if stage not in said:
            said.add(stage)
            say(f"{stage} (Ctrl+C stops waiting; nothing is declined then)")
    reason = typed_reason(args.reason)
    # A job, as approve's delivery: the main thread waits in short slices, so Ctrl+C is seen
    # on Windows too while the portal is asked or the decline sent, and it ends that wait.
    try:
        done = args.stopper.run_job(lambda cancel: agent.requests.decline(
            args.id, reason, iss=args.agency, progress=waiting, cancel=cancel))
    except Interrupted as exc:   # mostly while a withdrawal asked the portal: said as it is
        say(_stopped(agent, args, exc))
        raise exc.having_said() from None
    stopped = args.stopper.event.is_set()   # during the send: the decline is kept
    sent = "sent to the agency" if done.decision_sent_at_us else (
        f"not sent: {one_line(done.decision_error)}{sent_once_key_held(done)}"
        if done.decision_error
        else "stopped before the agency answered; it is kept and sent at the next `inbox "
             "sync`" if stopped else "will be sent at the next `inbox sync`")
    say(f"declined {done.id} ({sent})")
    if done.approval is not None:   # an approval never delivered, now withdrawn
        say(_withdrawn(done))
    if stopped:   # said above
        raise Interrupted(args.stopper.signum or signal.SIGINT, said=True)
    return 0


def sent_once_key_held(view) -> str:
    """What follows the portal's words for a decline refused as signed by another key."""
    return ("; once the keys are put back, it is signed anew and sent at the next `inbox sync`"
            if view.decision_refusal == WRONG_KEY else "")


def _stopped(agent, args, exc: Interrupted) -> str:
    """What a decline a stop signal ended left, read from the inbox as it stands: a second
    signal, or a job past its grace, may have ended it before or after it was recorded."""
    rid = one_line(args.id)
    try:
        view = agent.requests.show(args.id, args.agency)
    except AgentError:
        view = None
    if view is not None and view.status == "declined":
        return (f"footage-agent: stopped; {rid} is declined, and the decline is kept: "
                + ("the agency has it" if view.decision_sent_at_us else
                   f"the agency did not take it ({one_line(view.decision_error)})"
                   if view.decision_error else "it is sent at the next `inbox sync`"))
    received = [one_line(d.camera) for d in view.deliveries if d.receipt] if view else []
    if received:   # the receipt the withdrawal asked for came as the owner stopped it
        agency = one_line(view.agency_name or view.agency_id)
        return (f"footage-agent: stopped; {rid} is not declined: {agency} already has the "
                f"footage of {', '.join(received)} (its receipt came as you stopped), so the "
                "request cannot be declined. Ask the agency directly if you want it deleted")
    if exc.unfinished:
        return (f"footage-agent: stopped while the decline of {rid} was still finishing: "
                f"`inbox show {rid}` says whether it was recorded")
    return (f"footage-agent: the decline of {rid} was stopped before it was recorded: nothing "
            f"was declined (`inbox show {rid}` says how the request stands)")


def _withdrawn(done) -> str:
    """What withdrawing the approval did to the packages made for the agency. A camera whose
    delivery is still listed kept its package: its upload had finished, so the agency may
    hold it whatever it answers to the decline."""
    kept = sorted({d.camera for d in done.deliveries if d.kept_on_withdrawal})
    # A decline the portal refused for good withdrew nothing there (its words, said above,
    # say why): only what this PC did is said then.
    withdrawn = "" if done.decision_error else "your approval is withdrawn"
    if not kept:
        return ((f"{withdrawn}: nothing more will be sent, and " if withdrawn else "")
                + "the packages made for the agency were removed from this PC"
                + ("" if done.decision_sent_at_us or done.decision_error else
                   "; the agency deletes anything already uploaded when the decline reaches it"))
    others = sorted(set(done.approval.cameras) - set(kept))
    return ((f"{withdrawn}, but " if withdrawn else "")
            + f"the package for {', '.join(map(one_line, kept))} was kept on this PC: its "
            "upload had finished, so the agency may have it (ask the agency directly if you "
            "want it deleted)"
            + (f"; the packages for {', '.join(map(one_line, others))} were removed"
               if others else ""))
