"""Atheris target: request token verification (frp/request.py and jws.py).

The first byte picks what the rest is:
  even: a token as it might arrive in a file or from a portal (parsing, rules 1-2);
  odd:  claims JSON, which is signed by the trusted fuzz agency first, so rules 3-8 see
        arbitrary claims behind a valid signature.
The promise under test: verification returns a sound Request or raises Rejected; nothing
else ever escapes. Run by hand (see fuzz/README.md):

    pip install atheris
    python fuzz/fuzz_token.py fuzz/corpus/token -max_total_time=60
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

with atheris.instrument_imports():
    from agent.timebase import US
    from frp.claims import Rejected
    from frp.jws import JWSError
    from frp.origins import web_origin
    from frp.request import verify_request

import fuzz_agency  # noqa: E402  (after the path is set)

STORE = fuzz_agency.trust_store()


def _never_seen(iss: str, jti: str) -> bool:
    return False


def _token(data: bytes) -> bytes | str | None:
    if not data or data[0] % 2 == 0:
        return data[1:]
    try:
        claims = json.loads(data[1:].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(claims, dict):
        return None
    try:
        return fuzz_agency.sign(claims)
    except (JWSError, TypeError, ValueError):
        return None  # claims JSON cannot carry (e.g. NaN): not a token anyone could send


def test_one_input(data: bytes) -> None:
    """Verify one input; anything but a sound Request or Rejected is a finding."""
    token = _token(data)
    if token is None:
        return
    try:
        request = verify_request(token, STORE, [fuzz_agency.REGISTRATION], seen=_never_seen,
                                 now=fuzz_agency.NOW)
    except Rejected as exc:
        assert 1 <= exc.rule <= 8 and str(exc), exc
        return
    assert request.agency_id == fuzz_agency.AGENCY_ID
    assert request.window_start_us < request.window_end_us <= request.window_start_us + 43200 * US
    assert request.window_start_us <= fuzz_agency.NOW * US
    assert web_origin(request.upload_endpoint, "upload")[0] == fuzz_agency.PORTAL


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
