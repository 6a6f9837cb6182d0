"""`upload`: deliver a package to a tus endpoint by hand, resuming an earlier attempt."""
from __future__ import annotations

import hashlib
import os
from os import getcwd
from pathlib import Path

from agent.audit.log import AuditError, AuditLog
from agent.commands.common import UsageError, named_package, print_json, say
from agent.commands.package_paths import not_a_package, not_found
from agent.delivery.sums import ChunkSums
from agent.commands.progress import add_option as add_progress_option
from agent.commands.progress import progress_display
from agent.delivery.upload import UploadError, UploadResult, check_endpoint, upload_file
from agent.export.bagtar import package_root_name, tar_package
from agent.export.drive_limit import disk_full
from agent.export.package import PackageError
from agent.os_words import plain_home_error, plain_os_error
from agent.service import Agent, AgentError
from frp.text import one_line


NO_CREDENTIALS = ("upload failed: the upload server wants credentials (401), and `upload` sends "
                  "none and names no request. Footage an agency asked for is sent with "
                  "`footage-agent approve ID`, which signs in with your registration")


def add_parsers(sub, common) -> None:
    u = sub.add_parser("upload", parents=[common],
                       help="deliver a package (folder or .tar) to a tus upload address; "
                            "resumes where an earlier run stopped")
    u.add_argument("package", help="a package folder (packed into <home>/outbox first) or a .tar")
    u.add_argument("--endpoint", required=True, help="the tus upload address (https://...)")
    u.add_argument("--json", action="store_true")
    add_progress_option(u)
    u.set_defaults(func=upload)


def upload(agent: Agent, args) -> int:
    """Pack (if a folder), upload with resume, print the result; failures exit 1."""
    source = named_package(args.package)
    try:
        check_endpoint(args.endpoint)
    except UploadError as exc:
        raise UsageError(f"--endpoint: {exc}") from None
    if not source.exists():   # on Windows, a path past 259 characters too: said as why
        raise UsageError(not_found(source, getcwd(), "upload"))
    if source.is_dir():
        wrong = not_a_package(source, "upload")   # the folder it was copied into, its data
        if wrong:
            raise UsageError(wrong)
        tar, sums = _outbox_tar(agent.home / "outbox", source)
    elif source.is_file():
        wrong = not_a_package(source, "upload")   # a clip copied out, a ZIP, a document
        if wrong:
            raise UsageError(wrong)
        tar, sums = source, None  # digests are taken by upload_file before it sends anything
    else:
        raise UsageError(f"{one_line(str(source))} is neither a package folder nor a .tar file")
    shown_progress = progress_display(args, "B")

    def send(cancel) -> UploadResult:
        return upload_file(tar, args.endpoint, state_dir=agent.home / "uploads",
                           metadata={"filename": tar.name}, sums=sums,
                           rate_limit_bps=agent.settings.upload_rate_limit_bps, cancel=cancel,
                           progress=lambda p: shown_progress.update(
                               "uploading", p.sent, p.total, p.rate_bps, p.eta_s))
    try:
        result = args.stopper.run_job(send)
    except UploadError as exc:
        if exc.status == 401:   # an agency's upload server: its 401 words speak of a request
            raise AgentError(NO_CREDENTIALS) from None
        raise AgentError(f"upload failed: {exc}") from None
    finally:
        shown_progress.close()
    # Delivered: a stop from here on must neither tear the log record nor call it undone.
    with args.stopper.quiet():
        _delivered(agent, args, source, tar, result)
    return 0


def _delivered(agent: Agent, args, source: Path, tar: Path, result: UploadResult) -> None:
    """Log the delivery, drop the transport tar, and say what arrived."""
    _audit(agent, tar, args.endpoint, result.url, result.sha256, result.size)
    if source.is_dir():   # the folder is the package; the tar was only for transport
        try:
            tar.unlink(missing_ok=True)
            _drop_empty(tar.parent)
        except OSError as exc:   # Windows: another program holds it (a virus scanner)
            say(f"warning: the package was delivered, but the copy packed to send it could "
                f"not be removed ({plain_os_error(exc, str(tar))}): delete it by hand, or it "
                "goes when this folder is uploaded again")
    out = {"url": result.url, "size": result.size, "sha256": result.sha256,
           "resumed_from": result.resumed_from}
    if args.json:
        print_json(out)
    else:
        print(result.url)
        note = f", resumed at {result.resumed_from} bytes" if result.resumed_from else ""
        say(f"delivered {result.size} bytes (SHA-256 {result.sha256}){note}")


def _outbox_tar(outbox: Path, folder: Path) -> tuple[Path, ChunkSums]:
    """Pack the folder as `<outbox>/<place>/<name>.tar` (reproducible: a re-run resumes the same
    upload), `place` being the folder's own (outbox_place): two packages of one name in other
    folders, uploaded at once, each pack and remove their own tar, never the other's.
    A folder with no name to travel under is the command line's mistake (exit 2); a tar the
    home's disk cannot take is not (exit 1), said without the advice to choose another folder:
    the outbox is the app's own."""
    try:
        place = outbox / outbox_place(folder)
        final = place / f"{package_root_name(folder)}.tar"
    except PackageError as exc:
        raise UsageError(str(exc)) from None
    try:
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        final.unlink(missing_ok=True)  # tar_package never overwrites; it builds under a temp name
        return final, tar_package(folder, final).sums
    except OSError as exc:
        _drop_empty(place)
        raise AgentError(f"could not pack the package to send it: "
                         f"{plain_home_error(exc, str(outbox))}") from None
    except PackageError as exc:
        _drop_empty(place)
        if disk_full(str(exc)):
            raise AgentError(f"the disk holding {outbox} is full: upload packs the package "
                             "folder there, as a tar as big as the package, before sending it. "
                             "Free some space there and upload it again; nothing was "
                             "sent") from None
        raise AgentError(str(exc)) from None


def outbox_place(folder: Path) -> str:
    """The outbox folder of the package folder `folder` alone: `.upload-` and 16 hex digits of
    its full path (as the system compares paths). It begins with a dot, which no
    request's outbox folder does (inbox.folder_name), so it is never a request's."""
    where = os.path.normcase(str(Path(folder).resolve()))
    return ".upload-" + hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _drop_empty(place: Path) -> None:
    """Remove a package's outbox folder once nothing is left in it (a tar another program
    still holds stays, with its folder)."""
    try:
        place.rmdir()
    except OSError:
        pass


def _audit(agent: Agent, tar: Path, endpoint: str, url: str, sha256: str, size: int) -> None:
    try:
        AuditLog(agent.home).append("upload", package=tar.name, endpoint=endpoint, url=url,
                                    sha256=sha256, size=size)
    except AuditError as exc:
        say(f"warning: the upload worked but could not be logged: {exc}")
