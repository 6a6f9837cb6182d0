"""`footage-agent verify` on a computer that never saw the owner's, for the detective and the
defence expert: a package held against the owner id the agency registered (`--owner`) and
against the receipt the agency's portal signed for the tar (`--receipt`). Before, verify had
no way to tell a package sealed by another key than the registered one (the expert compared
ids by eye) and none to tell a receipt of another package from this one's. Real delivery to
the real portal; the checking home only imported the agency file."""
from __future__ import annotations

import json
import tarfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from agent.export.bagtar import tar_package
from frp.jws import parse_compact, public_jwk
from portal.signers import sign_receipt
from tests.test_requests_e2e import Run, flow, footage, new_request  # noqa: F401


@pytest.fixture
def delivered(flow, tmp_path, capsys):
    """(the checking home, {camera: (tar, receipt file)}, the owner id) after porch and
    yard were delivered."""
    portal, server, run, reg = flow
    new_request(portal, reg)
    assert run("inbox", "sync")[0] == 0
    (item,) = run.json("inbox")
    assert run("approve", "--yes", "--progress", "none", "--", item["id"])[0] == 0
    shown = run.json("inbox", "show", "--", item["id"])
    got = {}
    for d in shown["deliveries"]:
        receipt = tmp_path / f"{d['camera']}.receipt"
        receipt.write_text(d["receipt_token"])
        # The tar sent is deleted once its receipt is kept; the package folder, packed again,
        # is the very tar the receipt names (bagtar is reproducible).
        assert not list((run.home / "outbox").glob(f"*/*{d['camera']}*.tar"))
        tar = tmp_path / f"{d['camera']}.tar"
        assert tar_package(Path(d["package"]), tar).sha256 == d["sha256"]
        got[d["camera"]] = (tar, receipt)
    owner = run.json("keys", "show")["owner_id"]
    checker = Run(tmp_path / "detective", capsys)
    assert checker("agencies", "add", str(portal.state_dir / "agency.json"))[0] == 0
    return checker, got, owner


def check(checker: Run, *argv: str) -> tuple[int, dict]:
    code, out, _ = checker("verify", *argv, "--json")
    return code, json.loads(out)


def test_a_receipt_of_another_package_is_refused_and_its_own_vouches(delivered):
    checker, got, owner = delivered
    (porch, porch_receipt), (_yard, yard_receipt) = got["porch"], got["yard"]
    code, out = check(checker, str(porch), "--receipt", str(porch_receipt))
    assert code == 0 and out["ok"] and out["receipt"] is True, out
    code, _, said = checker("verify", str(porch), "--receipt", str(porch_receipt))
    assert "receipt: Example Police Department received this tar (SHA-256 " in said

    code, out = check(checker, str(porch), "--receipt", str(yard_receipt))
    assert code == 3 and out["receipt"] is False
    (problem,) = out["problems"]
    assert problem.startswith("The receipt is for other bytes: it names SHA-256 ")
    assert "It is the receipt of another package, or this tar is not the one the agency " \
           "received" in problem


def test_a_package_sealed_by_another_owner_than_the_registered_one_is_refused(delivered,
                                                                           tmp_path):
    checker, got, owner = delivered
    porch = str(got["porch"][0])
    code, out = check(checker, porch, "--owner", owner)
    assert code == 0 and out["owner_id"] == owner
    stranger = "A" * 43
    code, out = check(checker, porch, "--owner", stranger)
    assert code == 3
    assert out["problems"] == [
        f"The package was sealed by owner {owner}, not by owner {stranger} that you gave: it is "
        "not that registration's package, unless the owner rotated their key (the agency's "
        "record of the registration says which keys it pinned, and when)."]

    # What cannot be checked is a usage error (exit 2), never taken for a failed package.
    porch, receipt = got["porch"]
    assert checker("verify", str(porch), "--owner", "nobody")[0] == 2
    junk = tmp_path / "junk.txt"
    junk.write_text("not a token")
    code, _, err = checker("verify", str(porch), "--receipt", str(junk))
    assert code == 2 and "is not a receipt" in err
    with tarfile.open(porch) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    (folder,) = (tmp_path / "unpacked").iterdir()
    code, _, err = checker("verify", str(folder), "--receipt", str(receipt))
    assert code == 2 and "give that tar, not the package folder" in err, err


def test_a_receipt_another_trusted_agency_signed_for_this_tar_is_not_its_receipt(delivered,
                                                                                 tmp_path):
    """The package answers Example Police Department's request; a receipt naming this tar's
    SHA-256 and the same request id, signed by another agency this computer trusts, was told
    'receipt: County Sheriff received this tar ... for request ...; its signature checks out
    with the agency's key' (exit 0): the receipt's issuer was looked up by its own `iss` and
    never held to the agency whose request the package answers."""
    checker, got, _owner = delivered
    porch, receipt = got["porch"]
    genuine = parse_compact(receipt.read_text().strip()).claims
    key = Ed25519PrivateKey.generate()
    other = "https://sheriff.example.gov"
    doc = {"frp": 1, "id": other, "name": "County Sheriff", "phone": "+1-206-555-0199",
           "portal": "https://frp.sheriff.example.gov/v1",
           "upload_origins": ["https://upload.sheriff.example.gov"],
           "keys": {"keys": [public_jwk(key)]}}
    (tmp_path / "sheriff.json").write_text(json.dumps(doc))
    assert checker("agencies", "add", str(tmp_path / "sheriff.json"))[0] == 0
    forged = tmp_path / "sheriff.receipt"
    forged.write_text(sign_receipt({**genuine, "iss": other}, key, public_jwk(key)["kid"]))
    code, out = check(checker, str(porch), "--receipt", str(forged))
    assert code == 3 and out["receipt"] is False, out
    assert out["problems"] == [
        f"The receipt was issued by County Sheriff ({other}), but the package answers a "
        f"request of Example Police Department ({genuine['iss']}): only that agency's portal "
        "received it for that request, so this is not its receipt."], out
    assert check(checker, str(porch), "--receipt", str(receipt))[0] == 0


def test_an_owner_id_beginning_with_a_dash_is_the_owners_value():
    """Integration: an owner id is base64url, and one in 64 begins with '-': given as
    `--owner -kSDX...`, argparse took it for another option ('expected one argument', exit 2),
    which failed the test above in the fresh-clone CI when its random owner id began so."""
    from agent.cli import build_parser
    from agent.cli import _ArgumentsRefused

    owner = "-kSDXKCv9-5tEBqZku8p0M4GUpf_-xUyzlDwpiTGpOc"
    args = build_parser().parse_args(["verify", "p.tar", "--owner", owner, "--json"])
    assert (args.owner, args.json) == (owner, True)
    with pytest.raises(_ArgumentsRefused):   # an option where the value belongs is still refused
        build_parser().parse_args(["verify", "p.tar", "--owner", "--json"])
