"""`footage-portal`: run a reference FRP/1 agency portal (init, serve, invite create,
registrations, retire, cameras near, request create, decisions, submissions)."""
from __future__ import annotations

import argparse
import json
import logging
import signal
import ssl
import sys
import threading
from pathlib import Path

from frp.agency import DEFAULT_MAX_WINDOW_S
from frp.claims import LEGAL_BASES
from frp.jws import parse_compact
from frp.text import one_line
from frp.times import TimeError, parse_rfc3339
from portal import registry_cli
from portal.claims import DEFAULT_EXPIRES_IN
from portal.errors import PortalError
from portal.server import PortalServer
from portal.state import Portal
from portal.submissions import submissions


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="footage-portal", description="Reference FRP/1 agency portal.")
    sub = p.add_subparsers(dest="command", required=True)
    i = sub.add_parser("init", help="create a portal folder with a new agency key")
    i.add_argument("dir", type=Path)
    i.add_argument("--name", required=True, help="agency name owners will see")
    i.add_argument("--id", required=True, dest="agency_id", help="agency id (an https URL)")
    i.add_argument("--phone", required=True, help="call-back number owners will see")
    i.add_argument("--max-window-s", type=int, default=DEFAULT_MAX_WINDOW_S)
    s = sub.add_parser("serve", help="serve the FRP/1 API (/v1) and tus uploads (/files)")
    s.add_argument("dir", type=Path)
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=0, help="0 picks a free port")
    s.add_argument("--tls-cert", type=Path)
    s.add_argument("--tls-key", type=Path)
    s.add_argument("--quiet", action="store_true", help="do not log each HTTP request")
    registry_cli.add_parsers(sub)
    rq = sub.add_parser("request", help="footage requests")
    rq_sub = rq.add_subparsers(dest="action", required=True)
    c = rq_sub.add_parser("create", help="sign a request and queue it for a registration")
    c.add_argument("dir", type=Path)
    c.add_argument("--registration", required=True)
    c.set_defaults(run=_request_create)
    c.add_argument("--from", dest="start", required=True, help="RFC 3339, e.g. 2026-11-20T22:05:00Z")
    c.add_argument("--to", dest="end", required=True)
    c.add_argument("--case", required=True)
    c.add_argument("--requester", required=True)
    c.add_argument("--camera", action="append", default=[],
                   help="one of the registration's cameras (default: all of them)")
    c.add_argument("--incident")
    c.add_argument("--message")
    c.add_argument("--legal-basis", choices=LEGAL_BASES, default="voluntary")
    c.add_argument("--expires-in", type=int, default=DEFAULT_EXPIRES_IN, metavar="SECONDS")
    c.add_argument("--emergency", action="store_true")
    c.add_argument("--max-bytes", type=int)
    c.add_argument("--origin", help="portal origin (default: the one in DIR/agency.json)")
    c.add_argument("--json", action="store_true")
    for name, text in (("decisions", "owners' decisions"),
                       ("submissions", "received packages, as checked when they arrived")):
        d = sub.add_parser(name, help=text)
        d.add_argument("dir", type=Path)
        d.add_argument("--json", action="store_true")
    return p


def _time(text: str, what: str) -> int:
    try:
        return parse_rfc3339(text)
    except (TimeError, ValueError):
        raise PortalError(f"{what} '{text}' is not a time with an offset, "
                          "e.g. 2026-11-20T22:05:00Z") from None


def _init(a) -> int:
    portal = Portal.init(a.dir, a.name, a.agency_id, a.phone, a.max_window_s)
    print(f"Portal created in {a.dir}")
    print(f"Agency key fingerprint: {portal.kid}")
    print(f"Registration CA: {a.dir / 'registration-ca.pem'} (in the agency file as "
          "registration_ca)")
    return 0


def _tls(a) -> ssl.SSLContext | None:
    if (a.tls_cert is None) != (a.tls_key is None):
        raise PortalError("Give both --tls-cert and --tls-key, or neither.")
    if a.tls_cert is None:
        return None
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        ctx.load_cert_chain(a.tls_cert, a.tls_key)
    except (OSError, ssl.SSLError) as exc:
        raise PortalError(f"Cannot use the TLS certificate and key: {exc}.") from None
    return ctx


def _serve(a) -> int:
    logging.basicConfig(level=logging.WARNING if a.quiet else logging.INFO,
                        format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("resumable_upload").setLevel(logging.WARNING)  # one line per request is ours
    server = PortalServer(a.dir, a.host, a.port, _tls(a))
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    server.start()
    try:
        print(f"Serving {server.origin} (API {server.origin}/v1, uploads {server.origin}/files)")
        print(f"Agency file for owners: {a.dir / 'agency.json'}", flush=True)
        while not stopping.wait(0.5):
            pass
    finally:
        server.stop()
    print("Stopped.")
    return 0


def _request_create(a) -> int:
    portal = Portal(a.dir)
    token = portal.create_request(
        a.registration, _time(a.start, "--from"), _time(a.end, "--to"), a.case, a.requester,
        cameras=tuple(a.camera), message=a.message, legal_basis=a.legal_basis,
        expires_in=a.expires_in, emergency=a.emergency, incident=a.incident,
        max_bytes=a.max_bytes, origin=a.origin)
    jti = parse_compact(token).claims["jti"]
    if a.json:
        print(json.dumps({"jti": jti, "registration": a.registration, "token": token}))
    else:
        print(jti)
    return 0


def _decisions(a) -> int:
    rows = Portal(a.dir).decisions()
    if a.json:
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("No decisions yet.")
    for d in rows:
        # What the owner sent (a reason, camera names) is shown through the display sanitiser.
        line = (f"{d['received_at']}  {d['request']}  case {one_line(d['case'])}  "
                f"{d['decision'].upper()}")
        if d["approved"]:
            w = d["approved"]["window"]
            line += (f"  {w['start']} .. {w['end']}  cameras: "
                     f"{', '.join(map(one_line, d['approved']['cameras']))}")
        line += f"  owner {d['owner_id']}" + (f"  reason: {one_line(d['reason'])}"
                                               if d["reason"] else "")
        withdrawn = d["withdrawn"]
        if withdrawn:   # the approval stays listed: the agency keeps that it was given
            line += f"  WITHDRAWN {withdrawn['received_at']}" + (
                f"  reason: {one_line(withdrawn['reason'])}" if withdrawn["reason"] else "")
        print(line)
    return 0


def _submissions(a) -> int:
    rows = submissions(Portal(a.dir).db_path)
    if a.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("No submissions yet.")
    for s in [] if a.json else rows:
        print(f"{s['received_at']}  {s['request']}  case {one_line(s['case'])}  {s['size']} bytes  "
              f"{'OK' if s['ok'] else 'NOT OK'}  {one_line(s['file'])}")
        for c in s["checks"]:
            mark = "ok" if c["ok"] else "note" if c.get("advisory") else "FAIL"
            print(f"    [{mark}] {c['name']}: {one_line(c['detail'])}")
    return 0 if all(s["ok"] for s in rows) else 1


_COMMANDS = {"init": _init, "serve": _serve, "decisions": _decisions,
             "submissions": _submissions}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `footage-portal` command; returns the exit status."""
    a = _parser().parse_args(argv)
    run = getattr(a, "run", None) or _COMMANDS[a.command]
    try:
        return run(a)
    except PortalError as exc:
        print(f"footage-portal: {one_line(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
