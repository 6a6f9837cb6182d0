"""The trust store's words for an agency file that is not what the owner accepted
(agent/requests/agency_changes.py, trust_pins.py), each word for word as the core writes it,
and what the app says instead of the command the core advises (core_app_words.IN_THE_APP)."""
from __future__ import annotations

from gui.views.words import QT_TRANSLATE_NOOP

CHANGED = QT_TRANSLATE_NOOP("core", "it was changed since you accepted it ({details}), so it is "
                                    "not trusted. Call {name} on {phone}, the number you "
                                    "accepted, and compare the fingerprints it now has "
                                    "({fingerprints}); if they are the agency's, accept it again "
                                    "with `footage-agent agencies add \"{path}\" --replace`")
NEVER_ACCEPTED = QT_TRANSLATE_NOOP("core", "you never accepted it (another program or someone "
                                           "else put it there), so it is not trusted. Call the "
                                           "agency on a number you know, and compare its "
                                           "fingerprints ({fingerprints}); if they are the "
                                           "agency's, import it with `footage-agent agencies add "
                                           "\"{path}\"`")
PINS_BROKEN = QT_TRANSLATE_NOOP("core", "the record of the agencies you accepted {reason}, so it "
                                        "is not trusted. Call the agency on a number you know, "
                                        "and compare its fingerprints ({fingerprints}); if they "
                                        "are the agency's, accept it again with `footage-agent "
                                        "agencies add \"{path}\" --replace`")
# an agency file changed between the question the app asked about it and the owner's yes
# (agencies.py import_file with `shown`)
SHOWN_CHANGED = QT_TRANSLATE_NOOP("core", "the agency file {name} changed since it was shown to "
                                          "you; nothing was imported: import it again")
# the trust store's own files that could not be written: the head before the OS's words
# (agencies.py)
STORE_HEADS = (
    QT_TRANSLATE_NOOP("core", "cannot create the agencies folder"),
    QT_TRANSLATE_NOOP("core", "cannot save the agency"),
    QT_TRANSLATE_NOOP("core", "cannot keep the agencies you accept"),
    QT_TRANSLATE_NOOP("core", "cannot remove the agency file"),
    # the folder itself, a file in its place (agency_files.py unreadable_folder)
    QT_TRANSLATE_NOOP("core", "cannot read the agencies folder"),
)
# What is wrong with the record itself (trust_pins.read_pins, accepted_pins): PINS_BROKEN's
# {reason}.
PINS_REASONS = (
    QT_TRANSLATE_NOOP("core", "is damaged or was not made by this app"),
    QT_TRANSLATE_NOOP("core", "is not signed by your owner key (someone replaced it)"),
    QT_TRANSLATE_NOOP("core", "is missing, though this home's activity log shows it was made "
                              "(someone deleted it)"),
    QT_TRANSLATE_NOOP("core", "cannot be checked: your owner key is locked and its public part "
                              "is missing"),
)
# A request whose agency is no longer trusted (agent/requests/desk.py).
NOT_TRUSTED = QT_TRANSLATE_NOOP("core", "the agency {agency} is no longer in your trust store: "
                                        "you removed it, or its file changed since you accepted "
                                        "it (`agencies list` says which)")
# Why a file in the agencies folder is not used (TrustStore.damaged: Settings and `agencies
# list`): not the file kept for its agency, unreadable, or no longer a valid agency file
# (frp/agency.py, frp/origins.py), each word for word as the core writes it.
DAMAGED = (
    QT_TRANSLATE_NOOP("core", "it is not the file this app keeps for {agency} (a copy made by a "
                              "backup or sync program, or put there by hand), so it is not "
                              "trusted: move it out of {folder}; to trust what it says, import "
                              "it as an agency file"),
    QT_TRANSLATE_NOOP("core", "cannot be read: {reason}"),
    QT_TRANSLATE_NOOP("core", "the agency file is larger than 256 KiB; that is not an agency "
                              "file"),
    QT_TRANSLATE_NOOP("core", "the agency file has no '{field}' (it must be non-empty text)"),
    QT_TRANSLATE_NOOP("core", "the agency file's '{field}' is too long or contains control "
                              "characters"),
    QT_TRANSLATE_NOOP("core", "the agency file's '{field}' contains a character that does not "
                              "show as itself ({character}); an agency file never needs one"),
    QT_TRANSLATE_NOOP("core", "the agency's phone {phone} contains no digits"),
    QT_TRANSLATE_NOOP("core", "the agency file needs 'upload_origins': a list of https origins"),
    QT_TRANSLATE_NOOP("core", "upload origin {origin} must be scheme://host[:port], without a "
                              "path"),
    QT_TRANSLATE_NOOP("core", "the agency file lists {count} keys; an agency file holds at most "
                              "{limit}: ask the agency for its current file"),
    QT_TRANSLATE_NOOP("core", "key {n} in the agency file is not a JSON object"),
    QT_TRANSLATE_NOOP("core", "key {n} contains a private key; ask the agency for its public key "
                              "only, and tell them their private key was shared"),
    QT_TRANSLATE_NOOP("core", "key {n} in the agency file: {reason}"),
    # an Ed25519 key no private key makes (frp/jws.py, frp/ed25519_points.py): its {reason}
    QT_TRANSLATE_NOOP("core", "the Ed25519 key's 'x' cannot be used: {reason}"),
    QT_TRANSLATE_NOOP("core", "the registration CA's Ed25519 key cannot be used: {reason}"),
    QT_TRANSLATE_NOOP("core", "it is one of the eight points of small order, with which anyone "
                              "can sign anything"),
    QT_TRANSLATE_NOOP("core", "it carries a part of small order beside the key (no private key "
                              "makes one)"),
    QT_TRANSLATE_NOOP("core", "it is not a point on the curve"),
    QT_TRANSLATE_NOOP("core", "it is written in a second spelling of another value (its y is "
                              "not below 2^255 - 19)"),
    QT_TRANSLATE_NOOP("core", "it is written in a second spelling (the sign of an x of 0 set)"),
    QT_TRANSLATE_NOOP("core", "key {n}'s kid {kid} is not its thumbprint ({thumbprint}); the "
                              "file may have been altered"),
    QT_TRANSLATE_NOOP("core", "key {n} is listed twice"),
    QT_TRANSLATE_NOOP("core", "'{field}' must be a whole number of seconds from 1 to {limit} (7 "
                              "days); the file has {value}"),
    QT_TRANSLATE_NOOP("core", "'{field}' must be a whole number of seconds from 1 to {limit} "
                              "(365 days); the file has {value}"),
    QT_TRANSLATE_NOOP("core", "the agency file's 'registration_ca': {reason}"),
    # an address in it (frp/origins.py web_origin: the agency's 'id' or 'portal', an upload
    # origin)
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' must be a web address (https://...)"),
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' {url} is not a valid web address"),
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' {url} has no host name"),
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' {url} carries a user name or password, "
                              "which is not allowed"),
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' {url} uses plain http; only https is "
                              "allowed (http only for this computer: localhost, 127.0.0.1, ::1)"),
    QT_TRANSLATE_NOOP("core", "the agency's '{field}' {url} must start with https://"),
    QT_TRANSLATE_NOOP("core", "an upload origin must be a web address (https://...)"),
    QT_TRANSLATE_NOOP("core", "an upload origin {url} is not a valid web address"),
    QT_TRANSLATE_NOOP("core", "an upload origin {url} has no host name"),
    QT_TRANSLATE_NOOP("core", "an upload origin {url} carries a user name or password, which is "
                              "not allowed"),
    QT_TRANSLATE_NOOP("core", "an upload origin {url} uses plain http; only https is allowed "
                              "(http only for this computer: localhost, 127.0.0.1, ::1)"),
    QT_TRANSLATE_NOOP("core", "an upload origin {url} must start with https://"),
)
TEMPLATES = ((CHANGED, NEVER_ACCEPTED, PINS_BROKEN, NOT_TRUSTED, SHOWN_CHANGED) + PINS_REASONS
             + DAMAGED + STORE_HEADS)

IN_THE_APP = {
    SHOWN_CHANGED: QT_TRANSLATE_NOOP("core", "the agency file {name} changed since it was shown "
                                             "to you; nothing was added: add it again to see "
                                             "what it says now"),
    NOT_TRUSTED: QT_TRANSLATE_NOOP("core", "the agency {agency} is no longer in your trust "
                                           "store: you removed it, or its file changed since you "
                                           "accepted it (Settings says which)"),
    CHANGED: QT_TRANSLATE_NOOP("core", "it was changed since you accepted it ({details}), so it "
                                       "is not trusted. Call {name} on {phone}, the number you "
                                       "accepted, and compare the fingerprints it now has "
                                       "({fingerprints}); if they are the agency's, choose it in "
                                       "this list and press Accept again"),
    NEVER_ACCEPTED: QT_TRANSLATE_NOOP("core", "you never accepted it (another program or someone "
                                              "else put it there), so it is not trusted. Call the "
                                              "agency on a number you know, and compare its "
                                              "fingerprints ({fingerprints}); if they are the "
                                              "agency's, choose it in this list and press Accept "
                                              "again"),
    PINS_BROKEN: QT_TRANSLATE_NOOP("core", "the record of the agencies you accepted {reason}, so "
                                           "it is not trusted. Call the agency on a number you "
                                           "know, and compare its fingerprints ({fingerprints}); "
                                           "if they are the agency's, choose it in this list and "
                                           "press Accept again"),
}
