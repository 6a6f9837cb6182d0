"""Signing a C2PA manifest with the owner's key, through the C2PA library (c2pa-python).

The manifest is signed as an *embeddable* manifest: the library signs the claim and hands
back the finished C2PA box; footage-agent computed the clip's hash itself and places the box
(credentials.py). c2pa-python 0.38 wraps the library's `Builder.sign`, which copies and hashes
the whole clip again (on this machine it more than doubles a copy export's time), but not the
library's own `c2pa_builder_sign_embeddable`, so that one call is made here through the
library's ctypes handle. The pin in pyproject.toml keeps the two together, and every export's
clip is read back by the library's Reader in the tests.

The signature is made by a callback into OwnerKey.sign: the private key never leaves OwnerKey,
not even as PEM in memory. No time-stamp authority is used: nothing goes to the network.
"""
from __future__ import annotations

import ctypes
import json
from typing import Callable

from frp.c2pa_library import c2pa

_native = c2pa.c2pa   # the module holding the library's ctypes handle

# Signing settings: no thumbnails (video ones are not made anyway), none of the library's
# automatic actions (the manifest says what happened itself), nothing fetched.
SETTINGS = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "builder": {"thumbnail": {"enabled": False},
                "actions": {"auto_created_action": {"enabled": False},
                            "auto_opened_action": {"enabled": False},
                            "auto_placed_action": {"enabled": False}}},
}


class SigningError(Exception):
    """The manifest could not be signed; the message says why in the library's words."""


def _sign_embeddable():
    fn = getattr(_native._lib, "c2pa_builder_sign_embeddable", None)
    if fn is None:
        raise SigningError(f"the C2PA library {c2pa.sdk_version()} cannot sign an embeddable "
                           "manifest (c2pa-python 0.38 is needed)")
    fn.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                   ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte))]
    fn.restype = ctypes.c_int64
    return fn


def sign_manifest(definition: dict, chain_pem: str, sign: Callable[[bytes], bytes],
                  mime: str = "video/mp4") -> bytes:
    """The signed manifest for `definition` (which carries its own hard binding) as the box
    to embed in a `mime` file. `sign(data)` returns the raw Ed25519 signature of `data`."""
    try:
        signer = c2pa.Signer.from_callback(sign, c2pa.C2paSigningAlg.ED25519, chain_pem, None)
        # The context takes the signer over; the builder signs with its context's signer.
        with c2pa.Context.from_dict(SETTINGS, signer=signer) as context, \
                c2pa.Builder(json.dumps(definition), context=context) as builder:
            out = ctypes.POINTER(ctypes.c_ubyte)()
            with builder._exclusive_native_call():
                length = _sign_embeddable()(builder._handle, mime.encode("ascii"),
                                            ctypes.byref(out))
            if length < 0 or not out:
                raise SigningError(_native._read_native_error() or "the library gave no reason")
            try:
                return ctypes.string_at(out, length)
            finally:
                _native._lib.c2pa_free(out)
    except c2pa.C2paError as exc:
        raise SigningError(str(exc)) from None
