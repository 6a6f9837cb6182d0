"""An earlier run's package and tar for an approval, checked before either is sent: a tar
used while it is still the one recorded, and a package folder set aside, kept for a look, when
it was sealed by another owner key, hides other areas than the camera's privacy masks now (or
filled them on a picture they were not drawn on: kept_masks.py), or no longer verifies against
its own seal. A package set aside has its tar removed, its upload taken back and its camera's
delivery forgotten, so the approval exports the approved footage again (package_export.py)."""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from agent.delivery.sums import ChunkSums, compute_sums
from agent.delivery.wire import UploadCancelled, UploadError
from agent.identity.keys import KEY_FILE_LIMIT
from agent.os_words import plain_os_error
from agent.requests.approval_step import PackageAltered, Step
from agent.requests.package_delivery import receipt_once_withdrawn
from agent.requests.records import Delivery
from agent.requests.tus_uploads import withdraw
from agent.storage import read_file_start
from agent.timebase import US, compact_utc
from frp.bagit import OWNER_PUB
from frp.minisign import PublicKeyError, parse_minisign_public
from frp.verify import verify_package


def recorded_tar(step: Step, record: Delivery) -> ChunkSums | None:
    """The digests of an earlier run's tar while it is still the one recorded; else None, the
    tar removed (it is made again from the package folder, once that verifies)."""
    try:
        sums = compute_sums(Path(record.tar), cancel=step.cancel)
    except UploadCancelled:
        raise
    except UploadError:
        sums = None   # unreadable: made again like a changed one
    if sums is not None and (sums.sha256, sums.size) == (record.sha256, record.size):
        return sums
    step.log("export", camera=record.camera, tar=record.tar, status="tar-changed",
             sha256=sums.sha256 if sums else None, expected_sha256=record.sha256)
    Path(record.tar).unlink(missing_ok=True)
    return None


def sealed_by_another_key(step: Step, record: Delivery) -> bool:
    """Whether an earlier run's package was signed by another key than the one signing now:
    made before the keys folder was put back from a copy that rotated the key, so the portal
    pins the key signing now and would refuse it for good (403 wrong_key). Made again, then;
    a package that cannot be read is left to the seal check: its owner.pub is read only as an
    ordinary file and no further than a key file goes (a named pipe there, left by a sync
    program or anyone who can write the home, would keep the approval waiting for ever)."""
    try:
        kept = read_file_start(Path(record.package) / OWNER_PUB, KEY_FILE_LIMIT + 1)
        if len(kept) > KEY_FILE_LIMIT:
            return False   # no key file is this large: the seal check names it
        return (parse_minisign_public(kept.decode("ascii")).owner_id()
                != step.key.public.owner_id())
    except (OSError, UnicodeDecodeError, PublicKeyError):
        return False


def set_aside(step: Step, record: Delivery) -> None:
    """Set a package made with another key aside as `NAME.another-key-TIME` (kept, for a
    look), so the approved footage is exported again."""
    aside = put_aside(step, record, "another-key", "was made with another owner key, and it")
    step.log("export", camera=record.camera, package=str(Path(record.package)),
             status="another-key", set_aside=str(aside))


def masks_changed(step: Step, record: Delivery, mark: str) -> None:
    """Set aside a package that hides other areas than the camera's privacy masks now do
    (drawn or removed since it was cut), as `NAME.masks-changed-TIME`, so the approved
    footage is cut again with the masks the owner sees on the request's page; or one that
    filled them on a crop or another lens (`mark` "masks-elsewhere"), whose cut again is
    refused, saying why. With only its tar left, the tar goes."""
    aside = None
    if Path(record.package).is_dir():
        said = ("was cut with other privacy masks than the camera's now, and it"
                if mark == "masks-changed" else "filled the privacy masks on a picture they "
                "were not drawn on, and it")
        aside = put_aside(step, record, mark, said)
    else:
        Path(record.tar).unlink(missing_ok=True)
        withdraw(step, record)
        step.inbox.drop_delivery(step.agency.id, step.request.id, record.camera)
    step.log("export", camera=record.camera, package=record.package, status=mark,
             set_aside=str(aside) if aside else None)


def check_seal(step: Step, record: Delivery) -> bool:
    """Refuse an earlier run's package folder that no longer verifies against its own seal
    (manifests, owner signature, clips' credentials): what leaves is what was sealed. Such a
    folder is set aside, kept for a look, and the camera's delivery forgotten, so the next
    approve exports the approved footage again. True when it was delivered already: its
    finished upload, the package as sealed, was stored by the portal, its answer lost."""
    report = verify_package(Path(record.package), expected_owner=step.key.public)
    if report.ok:
        return False
    if receipt_once_withdrawn(step, record):
        step.log("export", camera=record.camera, package=str(Path(record.package)),
                 status="changed-after-sending", problems=list(report.problems[:5]))
        return True
    why = report.problems[0].rstrip(".")
    aside = put_aside(step, replace(record, upload_url=None), "changed",
                       f"changed after it was sealed ({why}), so it was not sent. It")
    step.log("export", camera=record.camera, package=str(Path(record.package)),
             status="refused", problems=list(report.problems[:5]), set_aside=str(aside))
    raise PackageAltered(
        f"the package for {record.camera} changed after it was sealed ({why}), so it was not "
        f"sent. It was set aside as {aside}; approve it again to export the approved footage "
        "again from your recordings")


def put_aside(step: Step, record: Delivery, mark: str, said: str) -> Path:
    """Rename a package folder to `NAME.<mark>-TIME` (kept, for a look), remove its tar, take
    back its upload and forget the camera's delivery; the new path. `said` is what the
    refusal says of the package when it cannot be renamed."""
    package = Path(record.package)
    aside = package.with_name(f"{package.name}.{mark}-{compact_utc(int(time.time()) * US)}")
    try:
        package.rename(aside)
    except OSError as exc:
        raise PackageAltered(
            f"the package for {record.camera} ({package}) {said} could not be set aside "
            f"({plain_os_error(exc, package)}): move that folder away, then approve it again "
            "to export the approved footage again") from None
    if record.tar:
        Path(record.tar).unlink(missing_ok=True)
    withdraw(step, record)
    step.inbox.drop_delivery(step.agency.id, step.request.id, record.camera)
    return aside
