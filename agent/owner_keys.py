"""The owner's signing key, as Agent methods: made on first use, unlocked with a passphrase
from the environment or the app, and whether it is locked.

A mixin of `agent.service.Agent`, which provides `home`; exports, decisions and registrations
sign through `owner_key`.
"""
from __future__ import annotations

from agent.errors import AgentError
from agent.audit.log import AuditLog
from agent.identity.keys import (
    ENV_PASSPHRASE,
    DamagedKey,
    KeyLocked,
    OwnerKey,
    OwnerKeyError,
    private_key_file,
)
from agent.identity.typed_passphrase import passphrase_for, use_passphrase

# A new key in its place cannot vouch for what the old one signed: the activity log keeps a
# gap for good, and the agencies know the old key only.
_DAMAGED_KEY_ADVICE = (
    "It signs your packages, your activity log and your registrations, so do not delete it: "
    "put back a copy of it from a backup. Without one, move it aside (keep it): a new key is "
    "then made, your activity log records the change as a gap, and you register again with "
    "each agency (ask it for a new invite code).")


class OwnerKeys:
    """Signing-key methods of the Agent."""

    def owner_key(self) -> OwnerKey:
        """The owner's signing key, made on first use (0600 in the home folder).

        With FOOTAGE_AGENT_PASSPHRASE set, a new key is saved passphrase-protected (scrypt) and a
        protected one is unlocked with it; a passphrase given to `unlock_key` goes first.
        """
        try:
            key, created = OwnerKey.obtain(self.home, passphrase_for(self.home))
        except DamagedKey as exc:
            raise AgentError(f"{exc} {_DAMAGED_KEY_ADVICE}") from None
        except KeyLocked as exc:
            if passphrase_for(self.home) is not None:   # a wrong one: said as it is
                raise AgentError(str(exc)) from None
            # The app asks for it (Agent.unlock_key); the command takes it from here.
            raise AgentError(f"{exc} Set {ENV_PASSPHRASE} to it, then start footage-agent "
                             "again.") from None
        except OwnerKeyError as exc:
            raise AgentError(str(exc)) from None
        if created:  # a new identity: the log says when it began, sealed by it
            AuditLog(self.home, sealer=lambda: key).append(
                "key-created", owner=key.public.owner_id(), passphrase=passphrase_for(self.home)
                is not None)
        return key

    def key_locked(self) -> bool:
        """True when the owner key is protected by a passphrase this run was not given (or was
        given wrong): nothing can be signed until `unlock_key`. Reads the key file (and may
        take scrypt's moment): call it off the GUI thread."""
        if not private_key_file(self.home).is_file():
            return False   # made, unprotected, on first use
        try:
            OwnerKey.load(self.home, passphrase_for(self.home))
        except KeyLocked:
            return True
        except OwnerKeyError:   # damaged or unreadable: said where the key is used
            return False
        return False

    def unlock_key(self, passphrase: str) -> None:
        """Unlock the owner key with `passphrase` for the rest of this run (kept in memory
        only); AgentError, and nothing kept, when it does not unlock it."""
        secret = passphrase.encode("utf-8")
        try:
            OwnerKey.load(self.home, secret)
        except OwnerKeyError as exc:
            raise AgentError(str(exc)) from None
        use_passphrase(self.home, secret)
