"""The owner's signature over a package's tag manifest, and when it does not verify, why, as
far as the package shows: a copy that converted line endings, a tag manifest changed after
sealing, or a signature file taken from another package of the same owner.

A signature's trusted comment names the package it was made for, and is signed too, so it can
be believed even when the signature does not seal this tag manifest. That name alone cannot
tell a renamed package whose tag manifest was edited from a signature taken from another one;
the clips' Content Credentials, signed when the package was sealed, name the package too, so
once they are read (verify_clips) the two are told apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from frp.bagit import OWNER_PUB, SIGNATURE, TAGMANIFEST
from frp.bagview import Bag
from frp.minisign import (
    PublicKey,
    PublicKeyError,
    SignatureError,
    parse_minisign_public,
    signed_comment,
    stock_key_refusal,
    stock_signature_refusal,
    verify_minisign,
)
from frp.text import one_line, quoted
from frp.verify_bagit import CRLF_WORDS

_PACKAGE = re.compile(r"footage-agent package (\S+) owner ")


@dataclass(frozen=True)
class Unsealed:
    """A signature by the package's owner key that does not seal its tag manifest, made for
    the package named `signed_for` (its trusted comment); named once the clips were read."""

    signed_for: str
    actual: str | None      # the package's folder name


def check_signature(bag: Bag, expected: PublicKey | None, actual: str | None
                    ) -> tuple[str | None, str | None, Unsealed | None]:
    """(owner id, package name) as the verified signature's trusted comment gives them, and
    an Unsealed left for `unsealed_words` when the signature names a package but does not
    seal this one; other problems go to `bag`. `actual`: the package's folder name."""
    sig = bag.text(SIGNATURE)
    pub_text = bag.text(OWNER_PUB)
    tagmanifest = bag.files.get(TAGMANIFEST)
    if sig is None or pub_text is None or tagmanifest is None or tagmanifest.content is None:
        if sig is None:
            if not bag.not_read(SIGNATURE):   # else said as not read here
                bag.problems.append("The package is not signed by its owner.")
            return None, None, None
        if pub_text is None:   # missing, or no key at all: said as such by bag.text
            bag.problems.append(f"The owner's signature on {TAGMANIFEST} could not be checked "
                                f"without {OWNER_PUB}, the key it is checked with, so nothing "
                                "in the package is tied to the owner's key.")
        if tagmanifest is None and not bag.not_read(TAGMANIFEST):
            # said more fully than "missing", which bagit.py allows
            if f"{TAGMANIFEST} is missing." in bag.problems:
                bag.problems.remove(f"{TAGMANIFEST} is missing.")
            bag.problems.append(f"{TAGMANIFEST} is missing: it is what the owner's signature "
                                "seals, so nothing in the package can be tied to the owner's "
                                "key (BagIt makes a tag manifest optional, so bagit.py still "
                                "calls the bag valid).")
        return None, None, None
    try:
        signer = parse_minisign_public(pub_text)
    except PublicKeyError as exc:
        bag.problems.append(f"{OWNER_PUB} is not a usable public key: {one_line(str(exc), 200)}.")
        return None, None, None
    _stock_refusals(bag, pub_text, sig)
    owner_id = name = unsealed = None
    try:
        comment = verify_minisign(signer, sig, tagmanifest.content)
        owner_id = signer.owner_id()
        named = re.search(r"\bowner (\S+)", comment)
        if named and named.group(1) != owner_id:
            bag.problems.append(f"The signature names owner {quoted(named.group(1))} but {OWNER_PUB} is owner {owner_id}.")
        package = _PACKAGE.match(comment)
        name = package.group(1) if package else None
    except SignatureError as exc:
        unsealed = _unsealed(bag, signer, sig, tagmanifest.content, exc)
    if expected is not None and signer.raw != expected.raw:
        bag.problems.append(f"The package was signed by owner {signer.owner_id()}, "
                            f"not the expected owner {expected.owner_id()}.")
    return owner_id, name, None if unsealed is None else Unsealed(unsealed, actual)


def _stock_refusals(bag: Bag, pub_text: str, sig: str) -> None:
    """The key and signature files laid out so that minisign's own tool, the check the
    README gives, refuses them though this module reads them: the package fails here too."""
    stock = f"minisign -Vm {TAGMANIFEST} -p {OWNER_PUB}"
    key = stock_key_refusal(pub_text)
    if key:
        bag.problems.append(f"{OWNER_PUB} is not a key file minisign reads: {key}, so the "
                            f"stock check ({stock}) refuses it.")
    signature = stock_signature_refusal(sig)
    if signature:
        bag.problems.append(f"{SIGNATURE} is not a signature file minisign reads: "
                            f"{signature}, so the stock check ({stock}) refuses it. It was "
                            "changed after sealing: ask for the package as it was sent.")


def _unsealed(bag: Bag, signer: PublicKey, sig: str, tagmanifest: bytes,
              exc: SignatureError) -> str | None:
    """Why the signature does not seal the tag manifest when the bytes alone tell (a copy
    that converted its line endings; a signature naming no package), into `bag`; else the
    package name the signature was made for, told once the clips were read."""
    if b"\r\n" in tagmanifest:
        try:
            verify_minisign(signer, sig, tagmanifest.replace(b"\r\n", b"\n"))
            bag.problems.append(f"{TAGMANIFEST} was changed after sealing, but {CRLF_WORDS}; "
                                "with them undone the owner's signature verifies. Ask for the "
                                "package as it was sent (the tar), or copy it byte for byte.")
            return None
        except SignatureError:
            pass
    package = _PACKAGE.match(signed_comment(signer, sig) or "")
    if package:
        return package.group(1)
    bag.problems.append(f"The signature on {TAGMANIFEST} does not verify with {OWNER_PUB}: "
                        f"{one_line(str(exc), 200)}.")
    return None


def unsealed_words(unsealed: Unsealed, clip_packages: set[str]) -> str:
    """What an Unsealed is, given the package names the clips' intact Content Credentials
    give (`clip_packages`; empty when none name one)."""
    signed = quoted(unsealed.signed_for, 200)
    if clip_packages == {unsealed.signed_for} or (
            not clip_packages and unsealed.signed_for == unsealed.actual):
        why = ("its clip's Content Credentials name the same package" if clip_packages else
               "the folder has that name")
        return (f"{TAGMANIFEST} was changed after sealing: the signature is this package's own, "
                f"made when it was sealed as {signed} ({why}), and does not verify over the "
                f"{TAGMANIFEST} it holds now. Ask for the package as it was sent.")
    if clip_packages:
        clips = ", ".join(quoted(p, 200) for p in sorted(clip_packages))
        return (f"The signature file was taken from another package: it was made by the same "
                f"owner key for the package sealed as {signed}, but this package's clip was "
                f"sealed for {clips} (its Content Credentials say so). The signature does not "
                "belong to this package.")
    return ("The signature does not seal this package: it was made by the same owner key "
            f"for the package sealed as {signed}. Either {TAGMANIFEST} was changed after "
            "sealing, or the signature file was taken from that package.")
