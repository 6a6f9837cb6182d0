"""Talking to the real reference portal in tests: registering over HTTP, sealed packages signed
by any key, tus uploads and submissions, the way an agent (or an attacker) would."""
from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import tarfile
from pathlib import Path

import httpx
import imageio_ffmpeg

from agent.export.bagtar import tar_package
from agent.export.package import PackageBuilder
from agent.export.package_inputs import outputs_record
from agent.identity.keys import OwnerKey
from frp.agency import parse_agency
from frp.clip_tables import sample_times
from frp.decision import Approved, make_decision
from frp.jws import parse_compact
from frp.mp4tables import read_movie
from frp.registration import Contact
from frp.registration_token import make_registration_token
from frp.request import Request, verify_request
from frp.times import format_utc, parse_rfc3339
from portal.state import Portal
from tests.registering import cameras, invite

JOSE = {"Content-Type": "application/jose"}


def auth(token: str, **more) -> dict:
    return {"Authorization": f"Bearer {token}", **more}


def make_clip(folder: Path, seconds: int = 1) -> Path:
    """A 320x240 H.264 clip at 10 frames a second, 1 s long unless told."""
    clip = folder / "clip.mp4"
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-f", "lavfi", "-i",
                    "testsrc=size=320x240:rate=10", "-t", str(seconds), "-c:v", "libx264",
                    "-pix_fmt", "yuv420p", str(clip)], check=True, timeout=60)
    return clip


def package_tar(key: OwnerKey, clip: Path, work: Path, name: str = "case-7_front",
                request: str | None = None, says: dict | None = None,
                extra: dict[str, bytes] | None = None) -> Path:
    """A real package of `clip`, sealed and signed by `key`, as the tar an agent uploads.
    `request`: the request token it answers, for the first camera it names (else the first
    the portal registered, "Front door") and its whole window, as an approval of it all.
    `says`: provenance.json's fields put over those; `extra`: more payload files (path under
    data/ -> bytes), listed as outputs as the clip is."""
    work.mkdir(parents=True, exist_ok=True)
    claims = parse_compact(request).claims if request is not None else {}
    info = {"External-Identifier": f"{claims['iss']} {claims['jti']}"} if claims else {}
    with PackageBuilder(work / "out", name, info) as b:
        added = [b.add_file("data/front.mp4", clip)]
        added += [b.add_bytes(path, data) for path, data in (extra or {}).items()]
        window = {"start": "2026-11-20T22:00:00Z", "end": "2026-11-20T23:00:00Z"}
        record = {"request": "r", "approved": window, "delivered": delivered(clip, window)}
        if request is not None:
            added.append(b.add_bytes("data/request.jws", request.encode()))
            record = {"request": {"id": claims["jti"], "agency": claims["iss"],
                                  "case": claims["case"]["number"],
                                  "window": claims["window"]},
                      "camera": (claims.get("cameras") or ["Front door"])[0],
                      "approved": claims["window"],
                      "delivered": delivered(clip, claims["window"])}
        record.update(says or {})
        sealed = b.seal(key, lambda files: {**record, "outputs": outputs_record(added)})
    return tar_package(sealed.path, work / f"{name}.tar").path


def delivered(clip: Path, window: dict) -> dict:
    """provenance.json's `delivered` for `clip` captured from the start of `window`: its first
    and last frame's times, read from its own tables, and how many frames it holds."""
    (video,) = [t for t in read_movie(clip).tracks if t.handler == "vide"]
    times = sample_times(video, parse_rfc3339(window["start"]))
    return {"start": format_utc(int(times[0])), "end": format_utc(int(times.max())),
            "frames": len(video)}


def sparse_member(name: str, real_size: int) -> bytes:
    """A GNU sparse member declaring `real_size` bytes while holding 512 (as a hostile tar)."""
    header = bytearray(512)
    fields = {0: name.encode(), 100: b"0000644\0", 108: b"0000000\0", 116: b"0000000\0",
              124: b"00000001000\0", 136: b"00000000000\0", 156: b"S", 257: b"ustar  \0"}
    for offset, value in fields.items():
        header[offset:offset + len(value)] = value
    header[386:398] = tarfile.itn(real_size - 512, 12, tarfile.GNU_FORMAT)
    header[398:410] = tarfile.itn(512, 12, tarfile.GNU_FORMAT)
    header[483:495] = tarfile.itn(real_size, 12, tarfile.GNU_FORMAT)
    header[148:156] = b" " * 8
    header[148:155] = b"%06o\0" % sum(header)
    return bytes(header) + b"x" * 512


def with_sparse_member(tar: Path, out: Path, real_size: int = 1 << 50) -> Path:
    """`tar` with a sparse member added inside its package folder, before the end blocks."""
    with tarfile.open(tar) as src:
        top = src.getmembers()[0].name.split("/")[0]
    data = tar.read_bytes().rstrip(b"\0")
    data += b"\0" * (-len(data) % 512)
    out.write_bytes(data + sparse_member(f"{top}/data/huge.bin", real_size) + bytes(1024))
    return out


def register_http(client: httpx.Client, origin: str, portal: Portal, key: OwnerKey,
                  names: tuple[str, ...] = ("Front door",)) -> dict:
    """Register `key` with the portal over HTTP; its JSON answer."""
    token = make_registration_token(key.sign, key.public.jwk(), portal.agency_id, "register",
                                    invite=invite(portal), contact=Contact("Owner"),
                                    cameras=cameras(*names))
    r = client.post(origin + "/v1/registrations", content=token, headers=JOSE)
    assert r.status_code == 201, r.text
    return r.json()


class _Agencies:
    """The one agency a portal serves, as the trust store verify_request reads."""

    def __init__(self, agency) -> None:
        self.agency = agency

    def get(self, agency_id: str):
        return self.agency if agency_id == self.agency.id else None

    def list(self) -> list:
        return [self.agency]

    def registrations(self) -> dict:
        return {}


def request_of(portal: Portal, token: str) -> Request:
    """A request token as the agent reads it (trusting this portal's agency file)."""
    agency = parse_agency(json.loads((portal.state_dir / "agency.json").read_text()))
    aud = parse_compact(token).claims["aud"]
    return verify_request(token, _Agencies(agency), [aud], seen=lambda iss, jti: False)


def decision(portal: Portal, request_token: str, key: OwnerKey,
             decide: str = "approve") -> tuple[str, str]:
    """(jti, a decision on the request signed by `key`)."""
    req = request_of(portal, request_token)
    approved = Approved(req.window_start_us, req.window_end_us, req.cameras) \
        if decide == "approve" else None
    return req.id, make_decision(req, key.sign, key.public.jwk(), decide, approved=approved)


def post_decision(client: httpx.Client, origin: str, bearer: str, jti: str,
                  token: str) -> httpx.Response:
    return client.post(f"{origin}/v1/requests/{jti}/decision", content=token,
                       headers=auth(bearer, **JOSE))


def upload(client: httpx.Client, origin: str, bearer: str, jti: str,
           data: bytes) -> httpx.Response:
    """Create a tus upload for `jti` and send `data` in one PATCH; the creation's answer (the
    PATCH is only sent when the creation succeeded)."""
    meta = "request " + base64.b64encode(jti.encode()).decode()
    r = client.post(origin + "/files", headers=auth(bearer, **{
        "Tus-Resumable": "1.0.0", "Upload-Length": str(len(data)), "Upload-Metadata": meta}))
    if r.status_code == 201 and data:
        done = client.patch(r.headers["Location"], content=data, headers=auth(bearer, **{
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream",
            "Upload-Checksum": "sha256 " + base64.b64encode(
                hashlib.sha256(data).digest()).decode()}))
        assert done.status_code == 204, done.text
    return r


def submit(client: httpx.Client, origin: str, bearer: str, jti: str, url: str,
           data: bytes) -> httpx.Response:
    return client.post(f"{origin}/v1/requests/{jti}/submissions", headers=auth(bearer),
                       json={"upload_url": url, "sha256": hashlib.sha256(data).hexdigest(),
                             "size": len(data), "package": "case-7_front"})


def deliver(client: httpx.Client, origin: str, bearer: str, jti: str,
            data: bytes) -> httpx.Response:
    """Upload and submit a package tar: the submission's answer."""
    url = upload(client, origin, bearer, jti, data).headers["Location"]
    return submit(client, origin, bearer, jti, url, data)
