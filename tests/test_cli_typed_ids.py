"""A request's or an agency's id typed under the C locale without Python's UTF-8 mode
(LC_ALL=C PYTHONUTF8=0), where Python hands every non-ASCII argument over as lone surrogates
(CLI hunt 8): `inbox show ağ`, `approve ID --agency ağ`, `agencies remove ağ` ended with
"'utf-8' codec can't encode characters in position 1-2: surrogates not allowed" (exit 1). An id
is now read as the UTF-8 the terminal sent, as the owner's other words are; bytes that are no
character are a usage error saying to copy the id as it is listed (exit 2)."""
from __future__ import annotations

import os

import pytest

from agent.cli import main

# What Python makes of `ağ` and of a Latin-1 `réq` typed under that locale.
TYPED_UTF8 = "a\udcc4\udc9f"
TYPED_LATIN1 = "r\udce9q"


@pytest.mark.parametrize("argv", [
    ["inbox", "show", TYPED_UTF8], ["inbox", "hold", TYPED_UTF8], ["decline", TYPED_UTF8],
    ["approve", "x", "--yes", "--agency", TYPED_UTF8], ["agencies", "remove", TYPED_UTF8],
])
def test_an_id_typed_under_the_c_locale_is_looked_up_as_typed(tmp_path, capsys, argv):
    code = main(["--home", str(tmp_path / "home"), *argv])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "ağ" in err and "codec" not in err


@pytest.mark.skipif(os.name == "nt", reason="Windows hands over arguments as characters")
def test_an_id_of_bytes_that_are_no_character_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as ended:
        main(["--home", str(tmp_path / "home"), "approve", TYPED_LATIN1])
    err = capsys.readouterr().err
    assert ended.value.code == 2 and "codec" not in err
    assert "'r\\xe9q' holds bytes that are no character" in err
    assert "copy the id as `footage-agent inbox`" in err
