"""`footage-agent verify` reads provenance.json as strictly as the tokens it checks: a record
repeating a member (`"camera": "yard", ... "camera": "porch"`: Python, and verify with it, read
the last, other JSON readers the first or refuse it) or holding NaN (no JSON at all, though
Python reads it), sealed with the owner key, verified as OK (exit 0): what a defence expert's
own tool reads of it need not be what verify checked."""
from __future__ import annotations

import pytest

from tests.credentials_support import reseal
from tests.test_verify_credentials import key_of, made, package, verify  # noqa: F401


@pytest.mark.parametrize("change, said", [
    (lambda text: text.replace('"camera": "porch"', '"camera": "yard", "camera": "porch"', 1),
     "the JSON repeats the member 'camera'"),
    (lambda text: text.replace('"shortfall_start_s": 0.0', '"shortfall_start_s": NaN', 1),
     "the JSON contains NaN, which is not valid JSON"),
], ids=["repeated-member", "nan"])
def test_a_record_other_json_readers_read_otherwise_fails(capsys, made, package, change, said):
    prov = package / "data/provenance.json"
    text = prov.read_text("utf-8")
    changed = change(text)
    assert changed != text
    prov.write_text(changed, "utf-8")
    reseal(package, key_of(made[0]), rewrite_record=False)
    code, out = verify(capsys, made[0], package)
    assert code == 3
    assert out["problems"] == [f"data/provenance.json is not acceptable JSON: {said}."]
