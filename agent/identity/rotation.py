"""The key files of a key rotation: the next key while registrations are moved to it, and the
retired keys kept afterwards.

    keys/owner.key                the owner key (signs everything)
    keys/owner.next.key           during a rotation: the new key, until every registration
                                  is re-pinned to it (then it becomes owner.key)
    keys/retired/<owner id>.key   an earlier owner key: kept so old packages can be explained,
                                  never used to sign again

Each step is one rename or one new file put in place whole (new_files.py), so a crash leaves either the rotation still pending
(the next run resumes it) or finished; never two current keys, never none.
"""
from __future__ import annotations

import re
from pathlib import Path

from agent.identity.keys import KEY_DIR, OwnerKey, OwnerKeyError, private_key_file
from agent.new_files import copy_new
from agent.os_words import plain_os_error
from agent.storage import replace

NEXT_FILE = "owner.next.key"
RETIRED_DIR = "retired"
_OWNER_ID = re.compile(r"[A-Za-z0-9_-]{43}")


def next_key_path(home: Path) -> Path:
    """Where the next key waits while a rotation is under way."""
    return Path(home) / KEY_DIR / NEXT_FILE


def rotation_pending(home: Path) -> bool:
    """A rotation was begun and not finished."""
    return next_key_path(home).exists()


def next_key(home: Path, passphrase: bytes | None = None) -> OwnerKey | None:
    """The key a pending rotation moves to, or None when none is pending."""
    path = next_key_path(home)
    return OwnerKey.load_at(path, passphrase) if path.exists() else None


def begin_rotation(home: Path, passphrase: bytes | None = None) -> OwnerKey:
    """The next key: made now (with the same passphrase protection), or the one a rotation
    interrupted earlier made."""
    return OwnerKey.load_or_create_at(Path(home), next_key_path(home), passphrase)


def retired_key_path(home: Path, owner_id: str) -> Path:
    """Where a retired key is kept."""
    return Path(home) / KEY_DIR / RETIRED_DIR / f"{owner_id}.key"


def was_owner_key(home: Path, owner_id: str) -> bool:
    """Whether `owner_id` names a key this home retired (an earlier owner key of its own)."""
    # Only an RFC 7638 thumbprint (43 base64url characters) can be one, and it is a safe name.
    return bool(_OWNER_ID.fullmatch(owner_id)) and retired_key_path(home, owner_id).is_file()


def finish_rotation(home: Path, old: OwnerKey) -> None:
    """Retire `old` (the current owner key) and make the next key the owner key."""
    current, upcoming = private_key_file(home), next_key_path(home)
    keys = current.parent
    retired = retired_key_path(home, old.public.owner_id())
    try:
        retired.parent.mkdir(mode=0o700, exist_ok=True)
        if not retired.exists():
            copy_new(current, retired)   # the old key is kept before it stops being current
        replace(upcoming, current)
    except OSError as exc:
        raise OwnerKeyError("Could not put the new owner key in place: "
                            f"{plain_os_error(exc, str(keys))}; run the key rotation again") \
            from None
