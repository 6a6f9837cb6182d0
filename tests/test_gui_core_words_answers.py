"""Answers an owner meets in the app that reached it in English (a hunt ran every `raise`
under agent/ through core_words with the Spanish catalogue): a recorder's answers to a search
or a download, a safe copy that cannot be made, a portal cut off or holding other bytes, a
package altered after it was sealed, a camera rename half done, an agency file changed while
it was shown, and face blurring missing a part. Each message is made by the agent's own code
where it can be; every part of it must be a known sentence, read in Spanish with its values
kept (tests/test_gui_core_words_refusals.py reads the others the same way)."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx  # noqa: E402
import pytest  # noqa: E402

from agent.recorders import reolink_answers  # noqa: E402
from agent.recorders.model import NoReply  # noqa: E402
from gui.views.core_words import in_owner_language, matches  # noqa: E402
from tests.gui_support import spanish  # noqa: E402,F401
from tests.test_gui_core_words import _values, spanish_of  # noqa: E402
from tests.test_gui_core_words_refusals import read_in_spanish  # noqa: E402

WHERE = "https://192.168.1.20"


def reads_in_spanish(message: str, *kept: str) -> str:
    """The Spanish the app shows for `message`: one known sentence whole (its own words may
    hold a join), or a known sentence between each join."""
    said = in_owner_language(message)
    whole = matches(message)
    if whole is None:
        expected = read_in_spanish(message)
    else:   # a reason inside it is a sentence of its own, read in Spanish in turn
        values = _values(whole, message)
        if "reason" in values:
            values["reason"] = reads_in_spanish(values["reason"])
        expected = spanish_of(whole, **values)
    assert said == expected and said != message
    assert all(value in said for value in kept)
    return said


@pytest.mark.parametrize("body, kept", [
    (b"<html>not json</html>", "HTTP 502"), (b'[{"error": {"rspCode": -221}}]', ""),
    (b'[{"error": {"rspCode": -222}}]', ""),
    (b'[{"error": {"rspCode": -9, "detail": "not support"}}]', "not support")])
def test_a_reolinks_refused_download_reads_in_spanish(spanish, body, kept):
    message = str(reolink_answers.refusal(502, httpx.Headers(), body))
    said = reads_in_spanish(message, kept)
    assert "recorder" not in said


@pytest.mark.parametrize("err", [reolink_answers.Split(3), NoReply("cut off")],
                         ids=["split", "no-reply"])
def test_a_cut_a_reolink_cannot_give_whole_either_reads_in_spanish(spanish, err):
    message = reolink_answers.nothing_instead(WHERE, err)
    said = reads_in_spanish(message)
    assert "Reolink" in said and "firmware update" not in said
    assert (" 3 " in said) == isinstance(err, reolink_answers.Split)


@pytest.mark.parametrize("message", [
    reolink_answers.BACKWARDS, str(reolink_answers.Split(2)),
    # raised inline by hikvision.py's search and reolink.py's _cmd (a device that never
    # ends its pages, or ends every session): the words as they are written there
    "The recorder's search never ended.", f"The recorder at {WHERE} keeps ending the session.",
    "The recorder has no footage for that time any more."])
def test_a_recorders_other_answers_read_in_spanish(spanish, message):
    reads_in_spanish(message)
