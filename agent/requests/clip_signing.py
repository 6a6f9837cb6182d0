"""Which certificate chain signs a clip's Content Credentials.

An export answering a request from an agency the owner registered with is signed with the
certificate that agency's registration CA issued for the owner key (kept with the registration),
followed by the CA itself, so validators that trust the agency's CA show the clip as trusted.
Anything else (a manual export, an agency the owner never registered with, a certificate that
has expired or is missing, or is for an older key) is signed with a chain the owner's key issues
itself, and the chain says why (SigningChain.note), for the export summary.
"""
from __future__ import annotations

import time

from agent.identity.certificates import SigningChain, agency_chain, self_issued_chain
from agent.identity.keys import OwnerKey
from agent.requests.agencies import TrustStore
from frp.certificates import CertificateError, check_owner_certificate
from frp.text import one_line


def signing_chain(trust: TrustStore, key: OwnerKey, agency_id: str | None,
                  registration_id: str | None = None, now: float | None = None) -> SigningChain:
    """The chain for an export answering agency `agency_id` (None: a manual export); the
    registration the request was addressed to is tried first."""
    if agency_id is None:
        return self_issued_chain(key)
    now = time.time() if now is None else now
    agency = trust.get(agency_id)
    name = one_line(agency.name if agency else agency_id)
    if agency is None or agency.registration_ca is None:
        return self_issued_chain(key, note=f"{name} has no registration CA in your trust store, "
                                           "so the clip is signed with a self-issued certificate")
    mine = [r for r in trust.registration_records()
            if r.agency_id == agency_id and r.certificate and r.owner_id == key.public.owner_id()]
    mine.sort(key=lambda r: r.id != registration_id)
    why = f"you hold no certificate from {name} for your current key"
    for record in mine:
        try:
            check_owner_certificate(record.certificate, agency.registration_ca, key.public.raw, now)
        except CertificateError as exc:
            why = f"your certificate from {name} cannot be used ({exc})"
            continue
        return agency_chain(record.certificate, agency.registration_ca, agency_id)
    return self_issued_chain(key, note=f"{why}, so the clip is signed with a self-issued "
                                       "certificate instead")
