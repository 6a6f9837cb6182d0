"""What importing an agency file changes: the details it replaces, and the registrations it
drops because their portal password would go to an origin they were not made with."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import unquote, urlsplit

from agent.requests.confusable_names import as_read, mixed_word, name_as_read
from frp.agency import Agency, AgencyError, listed_elsewhere
from frp.origins import web_origin
from frp.text import one_line

# The details of an agency file an import can change, in the order they are told.
DETAILS = ("name", "phone", "portal", "upload origins", "keys", "registration CA",
           "longest window", "longest open")


class TrustStoreError(AgencyError):
    """An agency file or registration that cannot be used or kept; the message says what to fix."""


class TrustStoreFailure(TrustStoreError):
    """What the trust store could not do (its folder or files not written, the activity log
    not taking a change made): a failure, where every other TrustStoreError is a refusal (the
    command line's exit 1, not 3)."""


@dataclass(frozen=True)
class AgencyChange:
    """What importing an agency file does to the trust store. `before` is the trusted agency
    with the same id (None: a new one); `forgotten`, the registrations held with it that the
    import drops because the new file would send their portal password to an origin they were
    not made with (another portal, or a new upload origin); `restored`, the agency's file had
    been changed since the owner accepted it, and this import put back what they accepted."""

    agency: Agency
    before: Agency | None = None
    forgotten: tuple[str, ...] = ()
    restored: bool = False

    @property
    def differences(self) -> tuple[tuple[str, str, str], ...]:
        """(detail, before, after) for each detail of DETAILS the file changes."""
        if self.before is None:
            return ()
        pairs = ((what, detail(self.before, what), detail(self.agency, what)) for what in DETAILS)
        return tuple(p for p in pairs if p[1] != p[2])

    @property
    def replaces(self) -> bool:
        """True when an agency with this id is trusted already, with other details."""
        return bool(self.differences)


class ReplaceRefused(TrustStoreError):
    """The file would replace a trusted agency's details, and the owner has not said to."""

    def __init__(self, change: AgencyChange) -> None:
        before = change.before
        super().__init__(f"{before.name} ({before.id}) is already trusted with other details "
                         f"({', '.join(d[0] for d in change.differences)}); nothing was "
                         "changed. Compare the new file with what the agency publishes, and "
                         "import it again saying to replace (`agencies add FILE --replace`)")
        self.change = change


# An agency file that would look, on the owner's screens, like an agency trusted already under
# another id (requests are matched by the exact id, and shown by the trusted file's name).
SAME_ADDRESS = ("this file's agency id {id} is the address of {name} ({trusted}) written "
                "another way: its requests would show as those of an agency you trust already. "
                "Nothing was imported: call that agency on {phone}, the number you have for it, "
                "to ask whether it sent this file")
SAME_NAME = ("this file's agency ({id}) has the name of {name} ({trusted}), which you trust "
             "already, so their requests could not be told apart. Nothing was imported: call "
             "that agency on {phone}, the number you have for it, to ask whether it sent this "
             "file")


class LooksLikeTrusted(TrustStoreError):
    """The file's agency would be taken for another agency the owner trusts already."""


def _address(agency_id: str) -> str:
    """An agency id as the address an owner reads: scheme and host in any case, a host's
    final dot, the default port, escapes in the path, a final slash, a host's punycode form
    (`xn--`) and letters of other alphabets drawn like Latin ones make no difference."""
    parts = urlsplit(agency_id)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    host = ".".join(map(_unicode_label, (parts.hostname or "").rstrip(".").split(".")))
    return as_read(f"{parts.scheme}://{host}:{port}{unquote(parts.path).rstrip('/')}")


def _unicode_label(label: str) -> str:
    """A host's label as its letters read (punycode decoded); one that is not valid
    punycode is left as written."""
    if not label.lower().startswith("xn--"):
        return label
    try:
        return label.encode("ascii").decode("idna")
    except (UnicodeError, ValueError):
        return label


MIXED = ("this file's agency name {name} mixes letters of different alphabets in one word "
         "({word}), as a name made to look like another agency's does. Nothing was imported: "
         "ask the agency, on a number you know, for its agency file")


def look_alike(agency: Agency, before: Agency | None, trusted: Iterable[Agency]) -> None:
    """LooksLikeTrusted when importing `agency` (replacing `before`, the trusted agency with
    its id, if any) would give the owner two agencies they cannot tell apart: its id is a
    trusted agency's address written another way, or its name reads as another's
    (confusable_names), or mixes alphabets in a word. All are how a forged file would pass for
    a trusted agency's new one without replacing it (which the owner is asked about)."""
    renamed = before is None or before.name != agency.name
    mixed = mixed_word(agency.name) if renamed else None
    if mixed is not None:
        raise LooksLikeTrusted(MIXED.format(name=one_line(agency.name), word=one_line(mixed)))
    for other in trusted:
        if other.id == agency.id:
            continue
        words = dict(id=one_line(agency.id), name=one_line(other.name),
                     trusted=one_line(other.id), phone=one_line(other.phone))
        if before is None and _address(agency.id) == _address(other.id):
            raise LooksLikeTrusted(SAME_ADDRESS.format(**words))
        if renamed and name_as_read(agency.name) == name_as_read(other.name):
            raise LooksLikeTrusted(SAME_NAME.format(**words))


# An agency file listing a key a trusted agency signs with (frp: a request is checked only
# against the keys of the entry its `iss` names, so the key's holder could sign for both).
SAME_KEY = ("this file's agency {agency} ({id}) lists a key of {name} ({trusted}), which you "
            "trust already (fingerprint {fingerprint}): whoever holds that key could sign "
            "requests that show as either agency's. Nothing was imported: each agency signs "
            "with keys of its own; call the agency you trust on {phone}, the number you have "
            "for it, to ask whether it sent this file")


class SharesTrustedKey(TrustStoreError):
    """The file's agency lists a key another trusted agency lists."""


def shared_key(agency: Agency, trusted: Iterable[Agency]) -> None:
    """SharesTrustedKey when `agency` lists a key (the same RFC 7638 thumbprint) that another
    trusted agency lists: requests signed with it would verify under either id, so whoever
    holds it could have its requests shown under the other agency's name and phone."""
    elsewhere = listed_elsewhere(agency.fingerprints(), agency.id, trusted)
    if elsewhere:
        other, kid = elsewhere[0]
        raise SharesTrustedKey(SAME_KEY.format(
            agency=one_line(agency.name), id=one_line(agency.id), name=one_line(other.name),
            trusted=one_line(other.id), fingerprint=kid, phone=one_line(other.phone)))


# Two trusted agencies listing one key, imported before shared_key refused that: both are
# marked where they are listed (`agencies list`, Settings), and frp/request.py refuses their
# requests signed with it, frp/decision.py their receipts.
SHARES_KEY = ("shares the key {fingerprint} with {other} ({other_id}), which you trust too: "
              "whoever holds it could sign as either, so requests and receipts signed with it are "
              "refused. Remove one of the two (`footage-agent agencies remove ID`) and add its "
              "file again, got from the agency itself")


@dataclass(frozen=True)
class SharedKey:
    """A key `agency` lists that the trusted `other` lists too."""

    agency: Agency
    other: Agency
    fingerprint: str


def keys_shared(trusted: Iterable[Agency]) -> tuple[SharedKey, ...]:
    """Every key a trusted agency lists that another trusted agency lists too, once for each
    of the two (each is marked, since either may be the one not sending its own key)."""
    trusted = list(trusted)
    return tuple(SharedKey(agency, other, kid) for agency in trusted
                 for kid in agency.fingerprints()
                 for other, _kid in listed_elsewhere((kid,), agency.id, trusted))


def shared_key_marks(trusted: Iterable[Agency]) -> dict[str, tuple[str, ...]]:
    """Agency id -> a SHARES_KEY sentence for each key it shares (keys_shared), for where the
    trusted agencies are listed; an agency sharing none is not in it."""
    marks: dict[str, tuple[str, ...]] = {}
    for s in keys_shared(trusted):
        marks[s.agency.id] = marks.get(s.agency.id, ()) + (SHARES_KEY.format(
            fingerprint=s.fingerprint, other=one_line(s.other.name),
            other_id=one_line(s.other.id)),)
    return marks


def detail(agency: Agency, what: str) -> str:
    """One detail of DETAILS of an agency, as text to compare and show."""
    if what == "upload origins":
        return ", ".join(agency.upload_origins)
    if what == "keys":
        return ", ".join(agency.fingerprints())
    if what == "registration CA":
        pem = agency.registration_ca
        return f"SHA-256 {hashlib.sha256(pem.encode()).hexdigest()[:16]}" if pem else "none"
    if what == "longest window":
        return f"{agency.max_window_s} s"
    if what == "longest open":
        return f"{agency.max_lifetime_s} s"
    return {"name": agency.name, "phone": agency.phone, "portal": agency.portal}[what]


def moves_tokens(before: Agency, after: Agency) -> bool:
    """True when `after` would send a registration's bearer token somewhere `before` never
    did: the portal's origin differs, or an upload origin is new."""
    return (web_origin(before.portal, "portal")[0] != web_origin(after.portal, "portal")[0]
            or not set(after.upload_origins) <= set(before.upload_origins))


# An agency file that is not what the owner accepted (agent/requests/trust_pins.py).
CHANGED = ("it was changed since you accepted it ({details}), so it is not trusted. Call "
           "{name} on {phone}, the number you accepted, and compare the fingerprints it now "
           "has ({fingerprints}); if they are the agency's, accept it again with "
           "`footage-agent agencies add \"{path}\" --replace`")
NEVER_ACCEPTED = ("you never accepted it (another program or someone else put it there), so "
                  "it is not trusted. Call the agency on a number you know, and compare its "
                  "fingerprints ({fingerprints}); if they are the agency's, import it with "
                  "`footage-agent agencies add \"{path}\"`")
PINS_BROKEN = ("the record of the agencies you accepted {reason}, so it is not trusted. "
               "Call the agency on a number you know, and compare its fingerprints "
               "({fingerprints}); if they are the agency's, accept it again with "
               "`footage-agent agencies add \"{path}\" --replace`")


def is_unaccepted(problem: str) -> bool:
    """Whether a problem the trust store names is changed_since_accepted's: a file the owner
    may accept again in place, once they have compared its fingerprints with the agency."""
    return any(problem.startswith(m.split("{", 1)[0])
               for m in (CHANGED, NEVER_ACCEPTED, PINS_BROKEN))


def changed_since_accepted(agency: Agency, accepted: Agency | None, problem: str | None,
                           path) -> str:
    """What is wrong with an agency file that is not what the owner accepted, and what to do:
    `accepted` is the agency as accepted (None: never), `problem` what is wrong with the
    record of accepted agencies itself, if anything."""
    words = dict(fingerprints=", ".join(agency.fingerprints()), path=one_line(str(path)))
    if problem is not None:
        return PINS_BROKEN.format(reason=problem, **words)
    if accepted is None:
        return NEVER_ACCEPTED.format(**words)
    change = AgencyChange(agency, accepted)
    return CHANGED.format(details=", ".join(d[0] for d in change.differences) or "its layout",
                          name=one_line(accepted.name), phone=one_line(accepted.phone), **words)
