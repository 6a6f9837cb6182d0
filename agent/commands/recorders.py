"""`sources add-recorder`: a recorder on the owner's network as a source of the index.

The recorder's certificate is looked at first (a TLS handshake, nothing sent) and its
fingerprint shown; `--fingerprint` makes the command refuse any other. The password is read
from stdin (`--password-stdin`) or asked for without echo, tried once, and kept in the system
keychain (or encrypted with FOOTAGE_AGENT_PASSPHRASE where there is none); nothing is kept
when the recorder refuses it.
"""
from __future__ import annotations

import re
import sys

from agent.commands.common import Refused, UsageError, print_json, say, utc
from agent.commands.option_values import typed_camera, typed_zone
from agent.commands.piped_line import NotText, first_line
from agent.commands.typed_secret import typed_secret
from agent.recorders.model import NotThisMake, RecorderError
from agent.recorders.transport import recorder_url
from agent.service import Agent
from agent.views import RecorderAddress, RecorderSource
from frp.count_words import counted

VENDORS = ("reolink", "dahua", "hikvision")


def add_parser(sources_sub, common) -> None:
    """`sources add-recorder` (under `sources`)."""
    r = sources_sub.add_parser("add-recorder", parents=[common],
                               help="add a recorder on your network (read only: search, time, download)")
    r.add_argument("url", metavar="URL", help="the recorder's address, e.g. https://192.168.1.20")
    r.add_argument("--vendor", required=True, choices=VENDORS,
                   help="reolink, dahua (also Amcrest, Lorex) or hikvision (also HiWatch, Annke)")
    r.add_argument("--user", required=True, help="a user of the recorder (a viewer account will do)")
    r.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of stdin (else it is asked for)")
    r.add_argument("--camera", action="append", default=[], metavar="NAME",
                   help="your name for a camera, repeatable: the first names the recorder's first "
                        "channel, the next the second, ...; unnamed ones are NAME/<its name>")
    r.add_argument("--name", help="your name for the recorder (default: its own name); its "
                                  "cameras are called <name>/<channel's name>")
    r.add_argument("--zone", help="IANA time zone of the recorder's clock (Dahua: default this "
                                  "computer's; others say theirs)")
    r.add_argument("--fingerprint", help="the certificate's SHA-256 you expect (from the "
                                         "recorder's screen); any other is refused")
    r.add_argument("--plain-http", action="store_true",
                   help="allow plain http to a recorder on your home network (anyone on the "
                        "network can read it; use https where the recorder offers it)")
    r.add_argument("--hik-z-local", action="store_true",
                   help="Hikvision firmware that writes local time with a Z in search results")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=add_recorder)


def _password_given(args) -> str | None:
    """The password from the first line of stdin with --password-stdin (what Windows adds
    to a line taken off: piped_line); None when it is to be asked on the terminal. Read before the recorder is contacted: with neither (a scheduled task's stdin is
    no terminal) or an empty one, it is a usage error (exit 2), said before any handshake."""
    if args.password_stdin:
        if sys.stdin is None:   # pythonw, or a scheduled task started with no stdin
            raise UsageError("give the recorder's password on stdin with --password-stdin")
        try:
            return _not_empty(first_line(sys.stdin))
        except NotText as exc:
            raise UsageError(f"the recorder's password on stdin is not text ({exc}): save it "
                             "as UTF-8, or type it when asked instead") from None
    if sys.stdin is None or not sys.stdin.isatty():
        raise UsageError("give the recorder's password on stdin with --password-stdin")
    return None


def _password(args, given: str | None) -> str:
    """The password given, else asked without echo once the certificate has been shown."""
    if given is not None:
        return given
    return _not_empty(typed_secret(f"Password of {args.user} on the recorder: ",
                                   "the recorder's password"))


def _not_empty(password: str) -> str:
    if not password:
        raise UsageError("the recorder's password is empty")
    return password


def _typed_user(user: str) -> None:
    """A usage error (exit 2), before the recorder is contacted, for a user name holding a
    character none can: bytes a Latin-1 terminal sent that this computer's settings do not
    read as a letter (Python's lone surrogates, which failed as the Digest answer was made,
    exit 1), a line break or tab (which went to the recorder and failed as an illegal header,
    printing the whole Authorization header). A wrong try counts toward its lock-out."""
    if user.isprintable():
        return
    shown = user.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    shown = shown.encode("unicode_escape").decode("ascii").replace("\\\\x", "\\x")
    raise UsageError(f"--user '{shown}' holds a character no recorder's user name can (a line "
                     "break or tab, or bytes this computer's terminal settings do not read as a "
                     "letter): type the user name as the recorder's own screen or web page "
                     "shows it")


def _hex(text: str) -> str:
    return text.replace(":", "").replace(" ", "").strip().lower()


def _typed_address(args) -> None:
    """The address and fingerprint as typed, by the rules every connection follows; a usage
    error (exit 2) before the recorder is contacted."""
    if args.fingerprint is not None and not re.fullmatch(r"[0-9a-f]{64}", _hex(args.fingerprint)):
        raise UsageError(f"--fingerprint {args.fingerprint!r} is not a certificate's SHA-256: "
                         "give its 64 hex digits (colons allowed), as the recorder's screen "
                         "or web page shows them")
    try:
        base = recorder_url(args.url, allow_plain_http=args.plain_http)
    except RecorderError as exc:
        if args.url.strip().lower().startswith("http:") and not args.plain_http:
            raise UsageError(f"{args.url.strip()} is plain http, which anyone on the network can "
                             "read: use https:// if the recorder offers it, or add --plain-http "
                             "for a recorder on your home network") from None
        raise UsageError(str(exc)) from None
    if args.fingerprint is not None and base.scheme != "https":
        raise UsageError("--fingerprint needs an https:// address")


def _same_as_trusted_before(agent: Agent, args, fingerprint: str) -> None:
    """Refused: a recorder added before now shows another certificate and the owner did not
    give the new one. A reset recorder does this, and so does another device at its address;
    only the recorder's own screen tells which, so the owner must have compared it."""
    before = agent.certificate_trusted_before(args.url, args.plain_http, fingerprint)
    if before is None or args.fingerprint:
        return
    raise Refused("this is not the certificate trusted before for this recorder (SHA-256 "
                  f"{agent.fingerprint_words(before)}), so nothing was changed: if the recorder "
                  "was reset or replaced, compare the new fingerprint with the one on its own "
                  "screen or web page, then add it again with --fingerprint and that "
                  "fingerprint; if not, another device may be answering at its address")


def add_recorder(agent: Agent, args) -> int:
    # Before the recorder is contacted or anything kept.
    typed_zone(args.zone, "--zone", "the zone the recorder says it keeps (Dahua: this computer's)")
    typed_camera(args.name, "--name", new=True)
    for name in args.camera:
        typed_camera(name, new=True)
    _typed_address(args)
    _typed_user(args.user)
    given = _password_given(args)
    fingerprint = agent.look_at_recorder(args.url, args.plain_http)
    if fingerprint is not None:
        say(f"the recorder's certificate: SHA-256 {agent.fingerprint_words(fingerprint)}")
        if args.fingerprint and _hex(args.fingerprint) != fingerprint:
            raise Refused("the recorder's certificate is not the one you expected: check the "
                          "address, and compare the fingerprint on the recorder's own screen")
        _same_as_trusted_before(agent, args, fingerprint)
        if not args.fingerprint:
            say("  compare it with the one the recorder's screen or web page shows; it is "
                "trusted from now on, and a different one is refused")
    address = RecorderAddress(args.url, args.vendor, args.user, fingerprint, args.zone,
                              args.plain_http, args.hik_z_local)
    try:   # with --fingerprint, a new certificate was compared with the recorder's screen
        added = agent.add_recorder(address, _password(args, given), name=args.name,
                                   cameras=tuple(args.camera),
                                   new_certificate_ok=bool(args.fingerprint))
    except NotThisMake as exc:   # the owner's --vendor (or address) is what to change
        raise Refused(str(exc)) from None
    check, report = added.check, added.report
    notes = list(added.notes)   # its clock is said once, from the check
    if args.json:
        print_json({"source": added.source.root, "vendor": check.vendor, "model": check.model,
                    "firmware": check.firmware, "serial": check.serial, "name": check.name,
                    "fingerprint": check.fingerprint,
                    "channels": [{"id": cid, "name": name, "camera": camera} for (cid, name), camera
                                 in zip(check.channels, added.cameras)],
                    "clock_offset_s": round(check.clock_offset_s, 3),
                    "password_kept_in": added.password_kept_in, "recordings": report.seen,
                    "problems": list(report.problems), "notes": notes})
    say(f"added {added.source.root}: {check.vendor} {check.model} (firmware {check.firmware}, "
        f"serial {check.serial})")
    for (cid, name), camera in zip(check.channels, added.cameras):
        say(f"  channel {cid} ({name or 'unnamed'}) is camera {camera}")
    say(f"  {agent.clock_words(check.clock_offset_s)}")
    say(f"  the password is kept in {agent.recorder_passwords_kept_in()}")
    say(f"  {mirrored_words(report.seen)}")
    for problem in report.problems:
        say(f"  problem: {problem}")
    for note in notes:
        say(f"  note: {note}")
    return 0


def recorder_json(rec: RecorderSource | None) -> dict | None:
    """`sources list --json`'s `recorder` object (null for a folder)."""
    if rec is None:
        return None
    return {"vendor": rec.vendor, "user": rec.user, "fingerprint": rec.fingerprint,
            "model": rec.model, "firmware": rec.firmware, "serial": rec.serial,
            "channels": [{"id": cid, "name": name} for cid, name in rec.channels],
            "state": rec.state, "problem": rec.problem,
            "refreshed": utc(rec.refreshed_us),
            "clock_offset_s": rec.clock_offset_s}


def mirrored_words(seen: int) -> str:
    """'1 recording mirrored', '4 recordings mirrored': what adding the recorder found."""
    return f"{counted(seen, 'recording')} mirrored"
