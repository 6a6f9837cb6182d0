"""`verify`: checking a package's manifests, signature, record and its clips' Content
Credentials, with what it holds said in plain lines."""
from __future__ import annotations

from os import getcwd
from pathlib import Path

from agent.commands.common import Refused, UsageError, named_package, print_json, say
from agent.commands.folders import home_to_read
from agent.commands.interrupt import Interrupted
from agent.commands.package_paths import not_a_package, not_found
from agent.commands.package_summary import PROVENANCE, UNPROVED, owner_line, summary_lines
from agent.commands.verify_against import (owner_option, owner_problems, read_receipt,
                                           receipt_problems)
from agent.os_words import plain_os_error
from agent.requests.agencies import trusted_in
from agent.saved_text import saved_text
from agent.storage import read_file_start
from frp.count_words import counted
from frp.credentials import AnchorsError, check_anchors
from frp.text import one_line
from frp.verify import verify_package


def add_verify_parser(sub, common) -> None:
    """The `verify` subcommand, listed in --help after `export`, whose module adds it."""
    v = sub.add_parser("verify", parents=[common],
                       help="check a package's manifests, signature, record and its clips' "
                            "Content Credentials")
    v.add_argument("package")
    v.add_argument("--ca", metavar="PEM_FILE",
                   help="trust clips' Content Credentials that chain to this CA certificate "
                        "(default: the registration CAs of the agencies you trust)")
    v.add_argument("--owner", metavar="OWNER_ID",
                   help="fail unless the package was sealed by this owner id (the one the "
                        "agency registered)")
    v.add_argument("--receipt", metavar="FILE",
                   help="check that the agency's receipt in FILE is for this tar")
    v.add_argument("--json", action="store_true")
    # No home is made or opened: verify runs on a detective's or an expert's computer too,
    # where there is no owner's home, and reads only the agencies trusted in one that is there.
    v.set_defaults(func=verify, needs_home=False)


def verify(agent: None, args) -> int:
    """Check the package; exit 3 naming each problem when it fails."""
    home = home_to_read(getattr(args, "home", None))
    path = named_package(args.package)
    shown = one_line(str(path))
    if not path.exists():
        raise UsageError(not_found(path, getcwd()))
    wrong = not_a_package(path)
    if wrong:
        raise UsageError(wrong)
    if path.is_file():   # a tar this computer will not open at all: the system's error, as a
        open(path, "rb").close()   # folder's is (exit 1), not a package that failed its check
    anchors = _anchors(home, args.ca)
    owner = owner_option(args.owner)
    receipt = read_receipt(args.receipt, path)
    # As a job: a stop only sets the flag, which the clips' check reads between the C2PA
    # Reader's reads. Raised at once, it would land inside the Reader's callback, where
    # Python drops it and the check runs on.
    report = args.stopper.run_job(lambda cancel: verify_package(
        path, trust_anchors=anchors, cancel=cancel))
    if args.stopper.event.is_set():
        raise Interrupted(args.stopper.signum)
    problems = [*report.problems, *owner_problems(report.owner_id, owner)]
    received = None
    if receipt is not None:
        more, received = receipt_problems(receipt, path, report.provenance, trusted_in(home))
        problems += more
    ok = not problems
    clips = [_clip_json(c) for c in report.clips]
    if args.json:
        print_json({"ok": ok, "problems": problems, "owner_id": report.owner_id,
                    "clips": clips, "notes": list(report.notes),
                    "receipt": received is not None if receipt is not None else None})
    elif ok:
        say(f"OK: {shown} is complete, unchanged and signed by owner {report.owner_id}")
        say(f"What the package holds, as its signed {PROVENANCE} says:")
        for line in [*summary_lines(report.provenance), owner_line(report.owner_id, owner),
                     UNPROVED]:
            say(line)
        if received:
            say(received)
    else:
        for p in problems:   # one line each, whatever the package put in it
            say(f"problem: {one_line(p)}")
    if not args.json:
        for note in report.notes:
            say(f"note: {one_line(note)}")
        for clip in clips:
            say(_clip_line(clip))
    if not ok:
        raise Refused(f"{shown} failed verification ({counted(len(problems), 'problem')})")
    return 0


MAX_CA = 1 << 20   # an agency's CA certificates are a few kilobytes


def _anchors(home: Path, ca_file: str | None) -> str | None:
    """The CA certificates a clip's credentials are trusted by: --ca, else the registration CAs
    of the agencies in the trust store. A --ca file that holds no PEM certificate is the
    command line's mistake (exit 2), never taken for a changed clip."""
    if ca_file:
        shown = one_line(ca_file)
        try:   # never more than a CA file holds, nor a pipe waited on (a typo: /dev/zero)
            raw = read_file_start(ca_file, MAX_CA + 1)
        except OSError as exc:
            raise UsageError(f"--ca: {plain_os_error(exc, ca_file)}") from None
        try:   # as Windows saved it: Notepad's mark, Windows PowerShell's `>` (UTF-16)
            if len(raw) > MAX_CA:
                raise AnchorsError("too large")
            return check_anchors(saved_text(raw).replace("\r\n", "\n"))
        except (UnicodeDecodeError, AnchorsError):
            raise UsageError(f"--ca: {shown} is not a PEM certificate (a CA certificate "
                             "starting with -----BEGIN CERTIFICATE-----)") from None
    return "".join(a.registration_ca for a in trusted_in(home) if a.registration_ca) or None


def _clip_json(check) -> dict:
    c = check.credentials
    return {"path": check.name, "content_credentials": c.present, "state": c.state,
            "signer": c.owner_id, "issuer": c.issuer, "self_issued": c.self_issued,
            "trusted": c.trusted, "trust": c.trust, "problems": list(c.problems),
            "stopped": c.stopped or None}


def _clip_line(clip: dict) -> str:
    name = one_line(clip["path"])
    if clip["stopped"]:
        return f"{name}: Content Credentials not checked: {one_line(clip['stopped'])}"
    if not clip["content_credentials"]:
        return f"{name}: no Content Credentials"
    if clip["problems"]:
        return f"{name}: Content Credentials invalid"
    return (f"{name}: Content Credentials valid, signed by owner {one_line(str(clip['signer']))}; "
            f"{one_line(clip['trust'])}")
