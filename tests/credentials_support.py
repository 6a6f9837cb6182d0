"""Reading clips' Content Credentials in tests with the C2PA library's own Reader (never only
through frp.credentials), and forging what a forger holding the owner key could."""
from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

from frp.c2pa_library import c2pa

from agent.identity.keys import OwnerKey

C2PA_UUID = bytes.fromhex("d8fec3d61b0e483c92975828877ec481")


def read(clip: Path, anchors: str | None = None) -> tuple[str, list[str], dict]:
    """(validation state, status codes, active manifest) as the c2pa Reader gives them, with
    remote manifests and OCSP off and only `anchors` trusted."""
    settings = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
    if anchors:
        settings["trust"] = {"trust_anchors": anchors}
    with open(clip, "rb") as fh, c2pa.Context.from_dict(settings) as context, \
            c2pa.Reader("video/mp4", fh, context=context) as reader:
        store = json.loads(reader.json())
    codes = [s["code"] for s in store.get("validation_status") or ()]
    return store["validation_state"], codes, store["manifests"][store["active_manifest"]]


def boxes(data: bytes) -> list[tuple[str, int, int]]:
    """Top-level boxes (type, start, size) of an MP4 held in memory."""
    out, pos = [], 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if size == 1:
            size = struct.unpack(">Q", data[pos + 8:pos + 16])[0]
        out.append((kind.decode("latin-1"), pos, size))
        pos += size
    return out


def without_credentials(clip: Path) -> bytes:
    """The clip's bytes with its C2PA box cut out (it is the last box)."""
    data = clip.read_bytes()
    kind, start, size = boxes(data)[-1]
    assert kind == "uuid" and data[start + 8:start + 24] == C2PA_UUID
    return data[:start]


def assertion(manifest: dict, label: str) -> dict:
    return next(a["data"] for a in manifest["assertions"] if a["label"] == label)


def actions(manifest: dict) -> list[dict]:
    return assertion(manifest, "c2pa.actions.v2")["actions"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reseal(bag: Path, signer: OwnerKey, rewrite_record: bool = True) -> None:
    """Recompute a package folder's manifests, provenance outputs and signature the way a forger
    with `signer` would, after changing files under data/; provenance.json's bytes are left
    as they are when not `rewrite_record`."""
    prov = bag / "data" / "provenance.json"
    if rewrite_record:
        record = json.loads(prov.read_text())
        for out in record["outputs"]:
            out["sha256"], out["size"] = sha(bag / out["path"]), (bag / out["path"]).stat().st_size
        prov.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    data = sorted(p for p in (bag / "data").rglob("*") if p.is_file())
    rel = [p.relative_to(bag).as_posix() for p in data]
    (bag / "manifest-sha256.txt").write_text("".join(f"{sha(p)}  {r}\n" for p, r in zip(data, rel)))
    info = (bag / "bag-info.txt").read_text().splitlines()
    oxum = f"Payload-Oxum: {sum(p.stat().st_size for p in data)}.{len(data)}"
    (bag / "bag-info.txt").write_text(
        "\n".join(oxum if ln.startswith("Payload-Oxum") else ln for ln in info) + "\n")
    tags = "".join(f"{sha(bag / n)}  {n}\n"
                   for n in ("README.txt", "bag-info.txt", "bagit.txt", "manifest-sha256.txt"))
    (bag / "tagmanifest-sha256.txt").write_text(tags)
    (bag / "tagmanifest-sha256.txt.minisig").write_text(
        signer.minisign(tags.encode(), f"forged owner {signer.public.owner_id()}"))


def rewrite_readme(bag: Path, signer: OwnerKey) -> None:
    """Write README.txt again from the package's provenance.json, as a forger changing the
    record would (reseal then seals it): its fact lines are held to the record."""
    from agent.export.readme import readme_text, video_entry
    record = json.loads((bag / "data" / "provenance.json").read_text())
    clip = next(o["path"] for o in record["outputs"] if o["path"].endswith(".mp4"))
    day = next(line.split(":", 1)[1].strip()
               for line in (bag / "bag-info.txt").read_text().splitlines()
               if line.startswith("Bagging-Date:"))
    text = readme_text(record, bag.name, signer.public.owner_id(), video_entry(bag / clip), day)
    (bag / "README.txt").write_bytes(text.encode("utf-8"))
