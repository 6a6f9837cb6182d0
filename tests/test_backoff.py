"""The one retry rule (agent/backoff.py) as data: the jitter's bounds, the cap after the jitter,
Retry-After as a floor with each caller's cap, delta-seconds read from ASCII digits only; and
each caller's numbers giving the waits the docs promise."""
from __future__ import annotations

import inspect
import math
import random
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent.backoff import MAX_RETRY_AFTER_S, Backoff, parse_retry_after


def draw(value: float):
    """An rng that always draws `value` (0: the shortest wait, 1: the longest)."""
    return lambda: value


# -- the rule ----------------------------------------------------------------------------------
def test_the_wait_grows_by_its_factor_from_the_base():
    b = Backoff(base_s=2.0, factor=3.0, cap_s=1000.0)
    assert [b.delay(n) for n in range(1, 6)] == [2.0, 6.0, 18.0, 54.0, 162.0]
    assert b.delay(0) == b.delay(-5) == 2.0   # no failure counted yet: the first wait


def test_jitter_spreads_the_wait_by_its_fraction_either_way():
    b = Backoff(base_s=10.0, factor=2.0, cap_s=1000.0, jitter=0.2)
    assert (b.delay(1, rng=draw(0.0)), b.delay(1, rng=draw(0.5)), b.delay(1, rng=draw(1.0))) \
        == (8.0, 10.0, 12.0)
    assert b.delay(1, rng=draw(-3.0)) == 8.0 and b.delay(1, rng=draw(7.0)) == 12.0   # clamped
    rng = random.Random(7)
    waits = [b.delay(3, rng=rng.random) for _ in range(500)]
    assert all(32.0 <= w <= 48.0 for w in waits)
    assert min(waits) < 34.0 and max(waits) > 46.0   # the draw is used, not a constant
    assert all(Backoff(10.0, cap_s=100.0).delay(2, rng=draw(d)) == 20.0 for d in (0.0, 1.0))


def test_the_cap_is_applied_after_the_jitter_so_it_holds():
    b = Backoff(base_s=1.0, factor=2.0, cap_s=10.0, jitter=0.5)
    assert b.delay(4, rng=draw(1.0)) == 10.0    # 8 s + 50 % would be 12 s
    assert b.delay(4, rng=draw(0.0)) == 4.0     # below the cap the jitter still spreads
    assert b.delay(40, rng=draw(0.0)) == 10.0   # far past the cap every draw is the cap


@pytest.mark.parametrize("attempt", [1_100, 10**6, 10**30])
def test_huge_failure_counts_wait_the_cap_and_never_overflow(attempt):
    assert Backoff(1.0, 2.0, 60.0, 0.25).delay(attempt, rng=draw(1.0)) == 60.0
    assert Backoff(0.0, 2.0, 60.0, 0.25).delay(attempt) == 0.0


def test_retry_after_is_a_floor_capped_where_the_caller_caps_it():
    b = Backoff(base_s=1.0, factor=2.0, cap_s=30.0, jitter=0.0, retry_after_cap_s=60.0)
    assert b.delay(1, retry_after=45.0) == 45.0   # never before the server said
    assert b.delay(5, retry_after=2.0) == 16.0    # a shorter Retry-After does not hurry us
    assert b.delay(1, retry_after=3600.0) == 60.0   # longer than the caller waits: its cap
    assert b.delay(1, retry_after=math.inf) == 60.0
    assert b.delay(3, retry_after=-5.0) == 4.0 and b.delay(3, retry_after=math.nan) == 4.0
    assert Backoff(1.0, cap_s=30.0).retry_after_cap_s == MAX_RETRY_AFTER_S == 86400
    assert Backoff(1.0, cap_s=30.0).delay(1, retry_after=10.0**9) == 86400.0


@given(attempt=st.integers(-5, 5000), d=st.floats(0, 1),
       retry_after=st.none() | st.floats(0, 1e12, allow_nan=False),
       base=st.floats(0, 1e4), factor=st.floats(1, 10), cap=st.floats(0, 1e6),
       jitter=st.floats(0, 0.99))
def test_any_wait_lies_between_its_floor_and_its_cap(attempt, d, retry_after, base, factor, cap,
                                                     jitter):
    b = Backoff(base, factor, cap, jitter, retry_after_cap_s=7200.0)
    wait = b.delay(attempt, retry_after, rng=draw(d))
    floor = 0.0 if retry_after is None else min(retry_after, 7200.0)
    assert math.isfinite(wait) and wait >= floor
    assert wait <= max(cap, floor)


@pytest.mark.parametrize("fields", [
    dict(base_s=-1.0), dict(base_s=math.inf), dict(base_s=1.0, factor=0.5),
    dict(base_s=1.0, factor=2.0),   # a growing wait without a cap
    dict(base_s=1.0, cap_s=-1.0), dict(base_s=1.0, cap_s=9.0, jitter=1.0),
    dict(base_s=1.0, cap_s=9.0, jitter=-0.1),
    dict(base_s=1.0, cap_s=9.0, retry_after_cap_s=math.inf),
])
def test_a_schedule_that_could_not_hold_its_rules_is_refused(fields):
    with pytest.raises(ValueError):
        Backoff(**fields)


def test_a_schedule_that_does_not_grow_needs_no_cap():
    assert Backoff(300.0, factor=1.0, jitter=0.2).delay(10**6, rng=draw(1.0)) == 360.0


# -- Retry-After: delta-seconds, ASCII digits only ---------------------------------------------
@pytest.mark.parametrize("value,seconds", [
    ("120", 120.0), ("0", 0.0), ("007", 7.0), (" 5", 5.0), ("5 ", 5.0), ("\t5\t", 5.0),
    ("86400", 86400.0), ("999999999999999", 999999999999999.0), ("0" * 5000 + "3", 3.0),
])
def test_delta_seconds_are_read(value, seconds):
    assert parse_retry_after(value) == seconds


@pytest.mark.parametrize("value", [
    "1e3", "-1", "+1", "1.5", "0x10", "1_000", "5 5", "5\n", "\u00a05", "",  " ", "soon",
    "\u0663", "\u00b2", "\uff15", "Wed, 21 Oct 2015 07:28:00 GMT", None, 30, b"30",
])
def test_anything_but_ascii_digits_is_not_a_retry_after(value):
    # '\u0663' is the Arabic-Indic 3 and '\u00b2' a superscript 2: str.isdigit() takes both
    # (and int() then raised on the '\u00b2'); '\uff15' is a full-width 5.
    assert parse_retry_after(value) is None


@pytest.mark.parametrize("value", ["9" * 16, "9" * 4301, "1" * 100_000])
def test_a_huge_retry_after_is_an_endless_wait_that_each_caller_caps(value):
    assert parse_retry_after(value) == math.inf
    assert Backoff(1.0, cap_s=30.0, retry_after_cap_s=60.0).delay(1, parse_retry_after(value)) \
        == 60.0


# -- each caller's numbers, as the docs promise them -------------------------------------------
def test_a_failed_recorder_is_asked_again_in_5_minutes_doubling_up_to_6_hours():
    # recorders.md, cli.md: "after a failure in 5 minutes, doubling up to 6 hours"
    from agent.index import mirror

    waits = [mirror.RETRY.delay(n, rng=draw(1.0)) for n in range(1, 10)]
    assert waits == [300.0, 600.0, 1200.0, 2400.0, 4800.0, 9600.0, 19200.0, 21600.0, 21600.0]
    assert mirror.RETRY.delay(3, rng=draw(0.0)) == 1200.0   # no jitter
    assert mirror.RETRY.delay(10**9) == 6 * 3600.0


def test_the_portal_is_polled_every_5_minutes_with_jitter_backing_off_to_an_hour():
    # protocol.md: "polls (default every 5 min with jitter, backoff on errors, honours Retry-After)"
    from agent.requests.portal_client import PollPolicy

    p = PollPolicy()
    assert [p.next_delay(0, rand=d) for d in (0.0, 0.5, 1.0)] == [240.0, 300.0, 360.0]
    assert [p.next_delay(n, rand=0.5) for n in range(1, 9)] == \
        [30.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 3600.0]
    assert p.next_delay(8, rand=0.0) == 3072.0   # 3840 s - 20 %: under the cap
    assert p.next_delay(8, rand=1.0) == 3600.0   # 3840 s + 20 %, then the hour's cap
    assert p.next_delay(0, retry_after_s=7200.0, rand=1.0) == 7200.0   # a floor above the cap
    assert p.next_delay(2, retry_after_s=10.0**9, rand=0.5) == 86400.0


@pytest.mark.parametrize("value,seconds", [
    ("120", 120.0), ("\u0663", None), ("\u00b2", None), ("1e3", None), ("-1", None),
    ("9" * 5000, 86400.0), ("99999999", 86400.0),
])
def test_the_portals_retry_after_reads_delta_seconds_by_the_one_rule(value, seconds):
    # '\u00b2' and 5000 digits raised a ValueError out of the portal client; '\u0663' was 3 s.
    from agent.requests.portal_client import parse_retry_after as portal_retry_after

    assert portal_retry_after(value, now=0.0) == seconds


def test_a_portal_call_is_tried_5_times_after_about_1_2_4_8_s(monkeypatch):
    # cli.md: "after about 1, 2, 4, 8 s (each +/- 12.5 %), never before its Retry-After, 5
    # tries and 3 minutes at most; a Retry-After longer than 60 s ends the run at once"
    from agent.requests import portal_retries
    from agent.requests.approval_step import DeliveryError
    from agent.requests.portal_client import PortalError

    b = portal_retries.PORTAL_BACKOFF
    assert [b.delay(n, rng=draw(0.5)) for n in range(1, 5)] == [1.0, 2.0, 4.0, 8.0]
    assert [b.delay(n, rng=draw(0.0)) for n in range(1, 5)] == [0.875, 1.75, 3.5, 7.0]
    assert [b.delay(n, rng=draw(1.0)) for n in range(1, 5)] == [1.125, 2.25, 4.5, 9.0]
    assert portal_retries.PORTAL_TRIES == 5 and portal_retries.PORTAL_BUDGET_S == 180.0

    waits: list[float] = []
    monkeypatch.setattr(portal_retries, "_pause", lambda step, s: waits.append(s))
    step = SimpleNamespace(cancel=None, agency=SimpleNamespace(name="Example PD"))

    def failing(*retry_after):
        answers = iter(retry_after)

        def call():
            try:
                raise PortalError("busy", 503, next(answers))
            except StopIteration:
                return "taken"
        return call

    assert portal_retries.portal_call(step, failing(None, None, None, None)) == "taken"
    assert len(waits) == 4
    assert all(0.875 * n <= w <= 1.125 * n for w, n in zip(waits, (1, 2, 4, 8))), waits
    waits.clear()
    assert portal_retries.portal_call(step, failing(0.0, 30.0, 1.0)) == "taken"
    assert waits[1] == 30.0 and waits[0] >= 0.875 and waits[2] >= 3.5   # a floor, not a wait
    # A wait past the cap is said in plain units, rounded up (once 'it asks to wait 86,400 s').
    for asked, said in ((61.0, "2 minutes"), (3600.0, "60 minutes"), (7140.0, "119 minutes"),
                        (7141.0, "2 hours"), (82800.0, "23 hours"), (82801.0, "a day"),
                        (86400.0, "a day"), (10.0**9, "a day")):
        with pytest.raises(DeliveryError) as ended:
            portal_retries.portal_call(step, failing(asked))
        assert str(ended.value).endswith(f"; it asks to wait {said}: approve it again after "
                                         "that"), (asked, str(ended.value))
    with pytest.raises(DeliveryError, match=r"HTTP 503, 5 tries"):
        portal_retries.portal_call(step, failing(*[None] * 9))


def test_an_upload_retries_after_growing_waits_that_span_about_a_minute():
    # cli.md `upload`: "growing waits (0.5 s doubling up to 30 s, each +/- 12.5 %, never
    # before its Retry-After of up to a minute), 8 times in a row at most (about a minute)"
    from agent.delivery import tus_setbacks, upload

    b = tus_setbacks.UPLOAD_BACKOFF
    assert [b.delay(n, rng=draw(0.5)) for n in range(1, 9)] == \
        [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert b.delay(7, rng=draw(0.0)) == 28.0 and b.delay(7, rng=draw(1.0)) == 30.0
    attempts = inspect.signature(upload.upload_file).parameters["max_attempts"].default
    assert attempts == 8   # the 8th failure ends the upload: 7 waits before it
    for d in (0.0, 1.0):
        assert 50.0 <= sum(b.delay(n, rng=draw(d)) for n in range(1, attempts)) <= 70.0
    assert b.delay(1, retry_after=45.0) == 45.0 and b.delay(1, retry_after=3600.0) == 60.0


def test_a_negative_or_nan_poll_interval_from_a_hand_edited_settings_file_polls_soon():
    from agent.requests.portal_client import PollPolicy
    for interval in (-5.0, float("nan")):
        assert PollPolicy(interval_s=interval).next_delay(0, rand=0.5) == 0.0
