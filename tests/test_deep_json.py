"""JSON nested deeper than Python's reader goes (RecursionError, not a ValueError) where the
agent reads what others wrote: a portal's or upload server's error answer, a recorder's answer
to a download, an upload's saved state, the recorders' passwords file and the inbox's kept
choices in the home. Each is read as the unreadable thing it is, as
JSON that fails to parse already was; none ends in "unexpected failure" (masks hunt, left
alone there)."""
from __future__ import annotations

import httpx
import pytest

from agent.delivery.state import load_state, state_path
from agent.delivery.wire import Reply
from agent.recorders.credentials import CredentialError, CredentialStore
from agent.recorders.reolink_answers import Refused, refusal
from agent.requests.records import entry_from_row

DEEP = "[" * 100_000 + "]" * 100_000


def test_an_error_answer_nested_too_deep_is_read_as_words_not_a_crash():
    answer = Reply(500, httpx.Headers({"content-type": "application/json"}), DEEP.encode())
    assert answer.error_code() is None
    assert isinstance(answer.detail(), str)


def test_an_upload_state_nested_too_deep_starts_a_new_upload(tmp_path):
    path = state_path(tmp_path, "https://portal.test/files", "ab" * 32, 10)
    path.write_text(DEEP, encoding="utf-8")
    assert load_state(path, "https://portal.test/files", "ab" * 32, 10) is None


def test_kept_choices_nested_too_deep_are_unreadable_not_a_crash():
    row = ("iss", "jti", None, "token", "ab" * 32, "case", 0, 10, DEEP, "failed", 0, 100, None,
           None, "folder", "portal", DEEP, None, None, None)
    entry = entry_from_row(row, [])
    assert entry.cameras == () and entry.approval is None
    assert set(entry.unreadable) == {"cameras", "approval"}


def test_a_download_answer_nested_too_deep_is_a_refusal_in_words():
    said = refusal(200, httpx.Headers(), DEEP.encode())
    assert isinstance(said, Refused) and "something other than footage" in str(said)


def test_a_passwords_file_nested_too_deep_is_said_damaged(tmp_path):
    store = CredentialStore(tmp_path, keyring_backend=False, passphrase=lambda: b"secret")
    store.path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(CredentialError, match="damaged"):
        store.save("nvr", "password")
    assert store.path.read_text(encoding="utf-8") == DEEP   # nothing written over it
