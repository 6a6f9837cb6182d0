"""Re-checking every received package, as an agency would before using it as evidence.

Each check is recomputed from the kept tar now, not taken from what was recorded at receipt
time, so a file changed on disk afterwards shows up as not ok.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from frp.bagview import file_sha256
from frp.verify import verify_package


@dataclass(frozen=True)
class Check:
    """One named check and its outcome, with a sentence saying why when it failed."""

    name: str
    ok: bool
    detail: str


def _sha256(path: Path) -> str | None:
    try:
        return file_sha256(path)[0]
    except OSError:
        return None


def check_submission(sub: dict) -> list[Check]:
    """The checks of one entry of `Portal.submissions()`."""
    path = Path(sub["file"])
    report = verify_package(path)
    actual = _sha256(path)
    checks = [
        # verify_package covers BagIt structure, both manifests, Payload-Oxum and every hash.
        Check("package_valid", report.ok, " ".join(report.problems)
              or "BagIt valid; every file matches its manifest hash"),
        # owner_id is only set when the minisign signature over the tag manifest verified.
        Check("owner_signature", report.owner_id is not None,
              f"signed by owner {report.owner_id}" if report.owner_id
              else "the owner's signature is missing or does not verify"),
    ]
    if actual is None:
        checks.append(Check("tar_sha256", False, f"the received file {path} cannot be read"))
    elif actual != sub["claimed_sha256"]:
        checks.append(Check("tar_sha256", False, f"the tar's SHA-256 is {actual}, but the owner "
                                                 f"claimed {sub['claimed_sha256']}"))
    elif actual != sub["sha256"]:
        checks.append(Check("tar_sha256", False, "the tar changed after the receipt was issued"))
    else:
        checks.append(Check("tar_sha256", True, "the tar's SHA-256 equals the owner's claim "
                                                "and the receipt"))
    signer, decider = report.owner_id, sub.get("decision_owner_id")
    checks.append(Check("owner_matches_decision", signer is not None and signer == decider,
                        f"package signed by {signer or 'nobody'}; decision signed by "
                        f"{decider or 'nobody'}"))
    return checks


def checked_submissions(submissions: list[dict]) -> list[dict]:
    """Each submission with its checks and an overall `ok`."""
    out = []
    for sub in submissions:
        checks = check_submission(sub)
        out.append({**sub, "ok": all(c.ok for c in checks),
                    "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in checks]})
    return out
