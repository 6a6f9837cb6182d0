"""`agencies register|update|unregister|registrations` and `keys rotate`: registering the owner's
cameras with an agency from the app (protocol.md, "Registration").

Cameras are named as the index knows them (`--camera NAME`, repeatable) and share one place and
retention (`--address`, `--lat/--lon`, `--retention-days`; `--sees NAME=TEXT` per camera), or
come from a small JSON file (`--cameras FILE`: a list of {name, address, lat, lon, sees,
retention_days}) when they differ. The portal token is kept 0600 and never printed.
"""
from __future__ import annotations

import argparse
import json

from agent.commands.common import Refused, UsageError, print_json, say
from agent.commands.local_time import shown
from agent.commands.option_values import typed_camera
from agent.commands.desk_common import mapped
from frp.count_words import counted
from agent.json_words import json_fault
from agent.os_words import plain_os_error
from agent.saved_text import owner_file_text
from agent.storage import read_file_start
from agent.errors import NotFound
from agent.timebase import US
from frp.text import one_line
from frp.registration import (
    CAMERA_NAME_CHARS,
    Camera,
    Contact,
    RegistrationError,
    read_camera,
    read_cameras,
    read_contact,
)

# A --cameras file lists at most MAX_CAMERAS cameras, each a few short texts: far below this.
CAMERAS_FILE_LIMIT = 1 << 20


def add_parsers(aa, common) -> None:
    """The registration subcommands of `agencies`."""
    p = aa.add_parser("register", parents=[common],
                      help="register your cameras with an agency, using its invite code")
    p.add_argument("id", help="the agency id")
    p.add_argument("--invite", help="the invite code the agency sent you (required)")
    p.add_argument("--name", help="your name, as the agency should know you (required)")
    # The pasted registration id and token of earlier versions: refused with directions.
    p.add_argument("--id", dest="pasted_id", help=argparse.SUPPRESS)
    p.add_argument("--token-file", dest="pasted_token", help=argparse.SUPPRESS)
    _contact_and_cameras(p)
    p.set_defaults(func=agencies_register)
    p = aa.add_parser("update", parents=[common],
                      help="change your contact or cameras at an agency (replaces them)")
    p.add_argument("id", help="the agency id")
    p.add_argument("--registration", help="which registration (when you hold several)")
    p.add_argument("--name", help="your name")
    _contact_and_cameras(p)
    p.add_argument("--no-cameras", action="store_true", help="register no cameras any more")
    p.set_defaults(func=agencies_update)
    p = aa.add_parser("unregister", parents=[common],
                      help="end a registration: the agency forgets your cameras")
    p.add_argument("id", help="the agency id")
    p.add_argument("--registration", help="which registration (when you hold several)")
    p.set_defaults(func=agencies_unregister)
    p = aa.add_parser("registrations", parents=[common],
                      help="your registrations with their cameras and certificates")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=agencies_registrations)


def _contact_and_cameras(p) -> None:
    p.add_argument("--email")
    p.add_argument("--phone")
    p.add_argument("--camera", action="append", default=[], metavar="NAME",
                   help="a camera of yours, by its name in the index (repeatable)")
    p.add_argument("--address", help="where the --camera cameras are (a street address)")
    p.add_argument("--lat", type=float, help="where they are: latitude (with --lon)")
    p.add_argument("--lon", type=float)
    p.add_argument("--sees", action="append", default=[], metavar="NAME=TEXT",
                   help="what one camera sees, e.g. porch='the street and the sidewalk'")
    p.add_argument("--retention-days", type=int,
                   help="how many days your recorder keeps footage")
    p.add_argument("--cameras", metavar="FILE", help="cameras as a JSON list instead")
    p.add_argument("--json", action="store_true")


def _cameras_from_options(agent, args) -> tuple[Camera, ...] | None:
    """The cameras the options name (None: no camera option was given)."""
    for name in args.camera:   # bytes that are no character: a usage error, not "not indexed"
        registrable_name(typed_camera(name))
    if args.cameras and args.camera:
        raise UsageError("give either --camera options or --cameras FILE, not both")
    stray = _camera_details(args)
    if stray and not args.camera:   # else they were dropped, and the owner told it was done
        where = ("put them in the --cameras file" if args.cameras else
                 "give --camera NAME for each camera they describe")
        raise UsageError(f"{', '.join(stray)}: these describe the cameras named with --camera; "
                         f"{where}")
    if args.cameras:
        try:
            raw = read_file_start(args.cameras, CAMERAS_FILE_LIMIT + 1)   # a pipe: never waited on
            if len(raw) > CAMERAS_FILE_LIMIT:   # a recording given by mistake: not read whole
                raise UsageError(f"--cameras {args.cameras}: larger than any cameras file "
                                 f"({CAMERAS_FILE_LIMIT >> 20} MiB at most): is it the file "
                                 "you meant?")
            doc = json.loads(owner_file_text(raw))
            for entry in doc if isinstance(doc, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                    registrable_name(entry["name"])
            cameras = read_cameras(doc)
        except OSError as exc:
            raise UsageError(f"--cameras: {plain_os_error(exc, args.cameras)}") from None
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            raise UsageError(f"--cameras {args.cameras}: {json_fault(exc)}") from None
        except ValueError as exc:
            detail = exc.detail if isinstance(exc, RegistrationError) else exc
            raise UsageError(f"--cameras {args.cameras}: {detail}") from None
    elif args.camera:
        sees = {}
        for text in args.sees:
            name, eq, what = text.partition("=")
            if not eq or name not in args.camera:
                raise UsageError(f"--sees {text!r}: write NAME=TEXT for one of the --camera names")
            sees[name] = what
        try:
            cameras = tuple(read_camera({k: v for k, v in {
                "name": name, "address": args.address, "lat": args.lat, "lon": args.lon,
                "sees": sees.get(name), "retention_days": args.retention_days}.items()
                if v is not None}) for name in dict.fromkeys(args.camera))
        except RegistrationError as exc:
            raise UsageError(exc.detail) from None
    else:
        return None
    known = set(agent.cameras())
    strangers = [c.name for c in cameras if c.name not in known]
    if strangers and not known:   # nothing indexed yet: what to run first, as export says
        try:
            agent.indexed_camera(strangers[0])
        except NotFound as exc:
            raise Refused(str(exc)) from None
    if strangers:
        raise Refused(f"no camera named {strangers[0]!r} is indexed (known: "
                      f"{', '.join(sorted(known)) or 'none yet'})")
    return cameras


def registrable_name(name: str) -> str:
    """`name` when an agency can register a camera by it, else UsageError saying how: the
    index names a camera in up to 120 characters, a registration in up to 64 (protocol.md),
    and the agency asks for a camera by its registered name, so the index's name is the one
    registered and a longer one is given a shorter name first, not cut (a cut name would name
    no camera when a request came back with it)."""
    if len(name) > CAMERA_NAME_CHARS:
        raise UsageError(f"camera {name!r}: an agency registers camera names of at most "
                         f"{CAMERA_NAME_CHARS} characters, and this one has {len(name)}: give "
                         "it a shorter name first (footage-agent cameras rename OLD NEW), then "
                         "register it by that name")
    return name


def _camera_details(args) -> list[str]:
    """The options given that describe the --camera cameras."""
    given = [flag for flag, value in (("--address", args.address), ("--lat", args.lat),
                                      ("--lon", args.lon), ("--retention-days", args.retention_days))
             if value is not None]
    return given + (["--sees"] if args.sees else [])


def _contact(args, before: Contact | None) -> Contact:
    """The contact the options make of `before`; a value typed wrong (a phone without a
    digit, an email too long) is a usage error, said before anything is signed or sent."""
    base = before or Contact("")
    contact = Contact(args.name if args.name is not None else base.name,
                      args.email if args.email is not None else base.email,
                      args.phone if args.phone is not None else base.phone)
    if contact.name:   # none: no registration to update, which the agent says
        try:
            read_contact(contact.claim())
        except RegistrationError as exc:
            raise UsageError(exc.detail) from None
    return contact


def _shown(view) -> dict:
    cert = view.certificate
    return {"agency": view.agency_id, "registration": view.id, "owner_id": view.owner_id,
            "contact": view.contact.claim() if view.contact else None,
            "cameras": [c.claim() for c in view.cameras],
            "certificate": None if cert is None else {
                "serial": cert.serial, "issuer": cert.issuer, "sha256": cert.sha256,
                "not_after": _date(cert.not_after_s), "problem": view.certificate_problem},
            "registered_at": view.registered_at, "updated_at": view.updated_at}


def _date(seconds: int) -> str:
    from agent.timebase import US, format_utc
    return format_utc(seconds * US)


def _report(view, args, verb: str) -> None:
    if args.json:
        print_json(_shown(view))
        return
    say(f"{verb} with {one_line(view.agency_name)}: registration {one_line(view.id)}, owner "
        f"key {view.owner_id}")
    for c in view.cameras:
        say(f"  camera {one_line(c.name)}")


@mapped
def agencies_register(agent, args) -> int:
    """`agencies register`: register with an invite code."""
    if args.pasted_id is not None or args.pasted_token is not None:
        raise UsageError("registration ids and portal tokens are no longer entered by hand: "
                         "ask the agency for an invite code and run `footage-agent agencies "
                         "register AGENCY --invite CODE --name NAME`")
    if not args.invite or not args.name:
        raise UsageError("agencies register needs --invite CODE (from the agency) and --name "
                         "NAME (how the agency should know you)")
    cameras = _cameras_from_options(agent, args) or ()
    view = agent.register(args.id, args.invite, _contact(args, None), cameras)
    _report(view, args, "registered")
    return 0


@mapped
def agencies_update(agent, args) -> int:
    """`agencies update`: replace the contact (fields given) and cameras (if given)."""
    held = [v for v in agent.registration_views() if v.agency_id == args.id and v.owner_id
            and (args.registration is None or v.id == args.registration)]
    before = held[0] if len(held) == 1 else None
    if args.no_cameras and (args.camera or args.cameras or _camera_details(args)):
        raise UsageError("--no-cameras removes every registered camera: give it alone, or "
                         "--camera options (or --cameras FILE) for the cameras to keep")
    cameras = _cameras_from_options(agent, args)
    if args.no_cameras:
        cameras = ()
    elif cameras is None:
        cameras = before.cameras if before else ()
    view = agent.update_registration(args.id, args.registration,
                                     _contact(args, before.contact if before else None), cameras)
    _report(view, args, "updated")
    return 0


@mapped
def agencies_unregister(agent, args) -> int:
    """`agencies unregister`: end a registration."""
    ended = agent.unregister(args.id, args.registration)
    say(f"unregistered {ended} from {args.id}: the agency forgets your cameras")
    return 0


@mapped
def agencies_registrations(agent, args) -> int:
    """`agencies registrations`: those held, with cameras and certificates."""
    views = agent.registration_views()
    if args.json:
        print_json([_shown(v) for v in views])
        return 0
    for v in views:
        state = "registered from this app" if v.owner_id else "id only (cannot decide or deliver)"
        print(f"{one_line(v.agency_id)}\t{one_line(v.id)}\t{state}\t"
              f"cameras: {', '.join(one_line(c.name) for c in v.cameras) or 'none'}")
        if v.certificate_problem:
            print(f"  certificate problem: {one_line(v.certificate_problem)}")
        elif v.certificate is not None:   # its lapse makes every clip's credentials self-issued
            print(f"  certificate valid until "
                  f"{shown(v.certificate.not_after_s * US, agent.local_zone())}")
    if not views:
        say("no registrations yet: register with `footage-agent agencies register AGENCY "
            "--invite CODE --name NAME`")
    return 0


@mapped
def keys_rotate(agent, args) -> int:
    """`keys rotate`: a new owner key, re-pinned at every agency (or resume)."""
    done = agent.rotate_key()
    if args.json:
        print_json({"old_owner_id": done.old_owner_id, "owner_id": done.new_owner_id,
                    "moved": list(done.moved), "problems": list(done.problems),
                    "finished": done.finished})
    for problem in done.problems:
        say(f"not moved yet: {one_line(problem)}")
    if not done.finished:
        say("the key rotation is not finished: both keys are kept, and each registration is "
            "answered with its own; run `footage-agent keys rotate` again")
        return 1
    say(f"the owner key is now {done.new_owner_id}; the old key {done.old_owner_id} is retired "
        f"(kept, never used to sign again); {counted(len(done.moved), 'registration')} moved")
    return 0
