"""`inbox show`: one request in full, as the request's page in the app shows it (its agency,
case, window and cameras, its safe copy, and each delivery with its receipt checked).

Whatever a request or a portal says is printed through frp.text (one_line, multi_line).
"""
from __future__ import annotations

from agent.commands.common import print_json, utc
from agent.commands.desk_common import entry_json, mapped
from agent.commands.local_time import shown, whose_clock_labels, window, zone_for
from frp.count_words import counted
from agent.requests.receipts import stored_receipt
from agent.requests.records import WRONG_KEY
from frp.text import multi_line, one_line
from frp.times import parse_rfc3339


# As the app says them (gui/views/requests.py): a bare "voluntary" never told the owner that
# they may say no, the one thing a voluntary request's basis means for them.
LEGAL_BASIS = {"voluntary": "voluntary request (no warrant: you may say no)",
               "warrant": "search warrant", "court_order": "court order"}


@mapped
def inbox_show(agent, args) -> int:
    v = agent.requests.show(args.id, args.agency)
    out = entry_json(v)
    trust = agent.requests.trust
    agency, trusted = trust.get(v.agency_id), trust.list()   # a key two list proves nothing
    receipts = [stored_receipt(d, agency, v.id, trusted) for d in v.deliveries]
    missing = agent.requests.hold_missing(args.id, args.agency) if v.hold else 0
    out.update({"agency_phone": v.agency_phone, "problem": v.problem, "verified": v.verified,
                "hold": str(v.hold.path) if v.hold else None, "hold_failed": v.hold_failed,
                "hold_missing": missing, "hold_gone": v.hold_gone,
                "deliveries": [{"camera": d.camera, "package": d.package, "sha256": d.sha256,
                                "size": d.size, "upload_url": d.upload_url,
                                "receipt": bool(d.receipt),
                                "receipt_token": r.token if r else None,
                                "received_at": r.received_at if r else None,
                                "receipt_problem": r.problem if r else None}
                               for d, r in zip(v.deliveries, receipts)],
                "decision": None if v.status in ("new", "held", "expired") else {
                    "sent_at": utc(v.decision_sent_at_us), "error": v.decision_error}})
    if v.verified:  # what the request says is shown only while it still verifies
        out.update({"incident": v.incident, "requester": v.requester,
                    "legal_basis": v.legal_basis, "message": v.message,
                    "location": v.location, "emergency": v.emergency,
                    "upload": v.upload_endpoint, "max_bytes": v.upload_max_bytes})
    if args.json:
        print_json(out)
        return 0
    print(f"Request {v.id}: {v.status}" + (f" ({one_line(v.reason)})" if v.reason else ""))
    if v.status == "declined" and v.decision_sent_at_us is None:   # as the app says it
        print(f"The agency did not take this decline: {one_line(v.decision_error)}"
              + ("; once the keys are put back, it is signed anew and sent at the next "
                 "`inbox sync`" if v.decision_refusal == WRONG_KEY else "")
              if v.decision_error else
              "Not sent to the agency yet: it is sent again at each check for requests")
    if v.agency_name is not None:
        print(f"From: {one_line(v.agency_name)}; to check it is real, call "
              f"{one_line(v.agency_phone)} (the number in your trust store, not one from the "
              "message)")
    print(f"Case: {one_line(v.case)}" + (f" ({one_line(v.incident)})" if v.verified and v.incident
                                      else ""))
    cameras_zone, pc_zone = zone_for(agent, v.cameras), agent.local_zone()
    on_cameras, on_pc = whose_clock_labels(cameras_zone, pc_zone, len(v.cameras))
    print(f"Window{on_cameras}: {window(v.window_start_us, v.window_end_us, cameras_zone)}")
    if v.expires_at_us is not None:
        print(f"Answer by{on_pc}: {shown(v.expires_at_us, pc_zone)}")
    print(f"Cameras asked for: {', '.join(one_line(c) for c in v.cameras) or 'not named'}")
    if v.unregistered:
        print(f"Not registered with this agency: {', '.join(one_line(c) for c in v.unregistered)}"
              " (you never told it of them; `approve` shares them only if you name them with "
              "--camera)")
    if v.declined_before and v.status in ("new", "held"):
        rid, when = v.declined_before[-1]
        print(f"Asked before: you declined request {one_line(rid)} for this case on "
              f"{shown(when, pc_zone)}{on_pc}"
              + (f" ({counted(len(v.declined_before), 'request')} declined in all)"
                 if len(v.declined_before) > 1 else "")
              + "; this one asks again, and you may decline it too")
    if v.verified:
        who = ", ".join(f"{k}: {one_line(x)}" for k, x in v.requester.items())
        print(f"Requester (as stated in the request): {who}")
        print(f"Legal basis: {LEGAL_BASIS.get(v.legal_basis, one_line(v.legal_basis))}" + ("; marked EMERGENCY (this changes no check)"
                                                if v.emergency else ""))
        if v.upload_max_bytes is not None:
            print(f"Takes at most: {v.upload_max_bytes:,} bytes for this request, all its "
                  "cameras' packages together (a delivery over it is refused)")
        if v.message:
            print("Message (plain text, as sent):")
            print("  " + multi_line(v.message).replace("\n", "\n  "))
    if v.problem:
        print(f"Warning: {one_line(v.problem)}")
    if v.hold:
        print(f"Hold: {v.hold.path} ({counted(len(v.hold.files), 'file')})" + (
            f"; {counted(missing, 'recording')} of the window saved since it was made "
            f"{'is' if missing == 1 else 'are'} not in it (`inbox hold {one_line(v.id)}` adds "
            f"{'it' if missing == 1 else 'them'})" if missing else ""))
    elif v.hold_failed:
        print(f"Hold: none; the last try to make it failed: {one_line(v.hold_failed)} "
              f"(`inbox hold {one_line(v.id)}` tries again)")
    elif v.hold_gone:
        print(f"Hold: none; the safe copy made in {v.hold_gone} is gone (deleted or moved out "
              "of footage-agent's folder since it was made)"
              + (f"; `inbox hold {one_line(v.id)}` makes it again" if v.status in ("new", "held")
                 else ""))
    if v.deliveries:
        print("Sent to the agency:")
        for d, r in zip(v.deliveries, receipts):
            words = _delivery_words(d, r, v.agency_name or v.agency_id, v.status, pc_zone,
                                    on_pc)
            print(f"  {one_line(d.camera)}: {words}")
    return 0


def _delivery_words(d, receipt, agency: str, status: str, zone_name: str,
                    clock: str = "") -> str:
    """How far one camera's package got, in words (the receipt's time in `zone_name`, as every
    time a person reads, followed by `clock`, whose clock that is where the screen shows
    another), with what to do when approving it again goes on (a failed delivery)."""
    if receipt is not None and receipt.problem is None:
        return (f"delivered, {d.size:,} bytes, SHA-256 {d.sha256}; received by {one_line(agency)}"
                f" at {_receipt_time(receipt.received_at, zone_name)}{clock}; its signed receipt "
                "checks out")
    if receipt is not None:
        return f"delivered, but its stored receipt does not check out: {one_line(receipt.problem)}"
    again = status == "failed"
    if d.upload_url and status == "declined":
        return ("sent whole, no receipt came back: the agency may have it, so this package "
                f"was kept ({d.package})")
    if d.upload_url:
        return "sent whole, no receipt yet" + (
            "; approve it again to ask the agency for it" if again else "")
    if d.tar:
        return "package made, not sent whole yet" + ("; approve it again to send it" if again
                                                     else "")
    return "package being made" + ("; approve it again to finish it" if again else "")


def _receipt_time(signed: str | None, zone_name: str) -> str:
    """The time a receipt says the agency received a package; as the agency signed it when
    that is no RFC 3339 time (its check does not read it)."""
    if not signed:
        return "(no time given)"
    try:
        return shown(parse_rfc3339(signed), zone_name)
    except (ValueError, OverflowError):
        return one_line(signed)
