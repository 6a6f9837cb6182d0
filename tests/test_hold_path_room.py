"""A safe copy in a home too deep for Windows: its copies are made in
`holds/.<ID>.partial-XXXXXXXX/<camera>/<name>`, and past the 259 characters Windows takes
(unless long paths are turned on) the copy failed part way with a bare "No such file or
directory". It is refused before anything is copied, saying so in plain words.

Windows cannot run here: its branch is tested through its pure part (`windows=True`, and
`probe`, the answer RtlAreLongPathsEnabled would give, mocked). The footage, the index and the
hold are real."""
from __future__ import annotations

import functools

import pytest

from agent.requests import hold_copies, hold_room, holds
from agent.service import Agent
from agent.timebase import US
from tests.test_desk import T0
from tests.test_holds import footage   # noqa: F401 (fixture)

WINDOW = (T0 * US, (T0 + 9) * US)
# "C:\Users\<name>\AppData\Local\footage-agent", made deep by a long user name
DEEP = "C:\\Users\\" + "M" * 170 + "\\AppData\\Local\\footage-agent"
SHALLOW = "C:\\Users\\Ann\\AppData\\Local\\footage-agent"


@pytest.fixture
def rows(tmp_path, footage):   # noqa: F811
    agent = Agent(tmp_path / "home")
    agent.scan([str(footage / "porch")], tz="UTC")
    yield hold_copies.covering_files(agent.store, *WINDOW, ("porch",))
    agent.close()


def test_the_longest_copys_path_is_counted_as_windows_counts_it(rows):
    inside = hold_room.longest_inside("req-1", rows)
    # `\holds\.req-1.partial-XXXXXXXX\porch\porch.20270115_060008.mp4`
    assert inside == len("\\holds\\.req-1.partial-00000000\\porch\\porch.20270115_060008.mp4")
    # the emoji is two UTF-16 units, where "1" is one
    assert hold_room.longest_inside("req-\U0001F600", rows) == inside + 1


def test_a_home_too_deep_for_windows_is_refused_in_plain_words(rows):
    problem = hold_room.path_problem(DEEP, "req-1", rows, windows=True, probe=lambda: 0)
    length = len(DEEP) + hold_room.longest_inside("req-1", rows)
    assert length > 259
    assert problem == (
        f"footage-agent's own folder {DEEP} is too deep for Windows to hold this request's safe "
        f"copy: its longest copy's path would be {length} characters, and Windows allows 259 "
        "unless long paths are turned on. Ask whoever looks after this computer to turn them on "
        "(as an administrator, 'Enable Win32 long paths' in the Local Group Policy Editor, or "
        "LongPathsEnabled set to 1 in the registry), then start the app again; nothing was "
        "copied")
    # long paths on, a shallow home, the `\\?\` form, or not Windows: no problem
    assert hold_room.path_problem(DEEP, "req-1", rows, windows=True, probe=lambda: 1) is None
    assert hold_room.path_problem(SHALLOW, "req-1", rows, windows=True, probe=lambda: 0) is None
    assert hold_room.path_problem("\\\\?\\" + DEEP, "req-1", rows, windows=True,
                                  probe=lambda: 0) is None
    assert hold_room.path_problem(DEEP, "req-1", rows, windows=False, probe=lambda: 0) is None


def test_a_hold_in_a_home_too_deep_copies_nothing(tmp_path, footage, monkeypatch):   # noqa: F811
    """make_hold as the desk runs it, its home's path too long as Windows would count it:
    refused before the hidden folder is made, nothing copied."""
    home = tmp_path / ("h" * 200)
    agent = Agent(home)
    try:
        agent.scan([str(footage / "porch")], tz="UTC")
        monkeypatch.setattr(hold_room, "path_problem", functools.partial(
            hold_room.path_problem, windows=True, probe=lambda: 0))
        with pytest.raises(holds.HoldError, match="too deep for Windows to hold this request's "
                           "safe copy: .*nothing was copied$"):
            holds.make_hold(home, agent.store, "req-1", *WINDOW, ("porch",), "req-1")
        assert not (home / "holds").exists() or list((home / "holds").iterdir()) == []
    finally:
        agent.close()
