from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from allin.processes import agenda


def test_schedule_gives_back_to_back_clock_times():
    slots = agenda.schedule(time(13, 0), [15, 10, 50])
    assert [(s.start, s.end) for s in slots] == [
        (time(13, 0), time(13, 15)),
        (time(13, 15), time(13, 25)),
        (time(13, 25), time(14, 15)),
    ]


def test_schedule_runs_past_midnight_without_error():
    slots = agenda.schedule(time(23, 30), [45])
    assert slots[0].end == time(0, 15)


def test_end_time_adds_the_total():
    assert agenda.end_time(time(9, 30), 180) == time(12, 30)


def test_shorten_keeps_breaks_and_hits_the_target_exactly():
    durations = [15, 10, 15, 15, 10, 60, 10, 10]
    breaks = [False, False, False, False, True, False, True, False]
    result = agenda.shorten(durations, breaks, 120)
    assert sum(result) == 120
    assert result[4] == 10 and result[6] == 10
    assert all(isinstance(m, int) and m >= 1 for m in result)


def test_shorten_is_proportional():
    result = agenda.shorten([60, 30, 30], [False, False, False], 60)
    assert result == [30, 15, 15]


def test_shorten_refuses_a_longer_or_equal_target():
    with pytest.raises(ValueError, match="not shorter"):
        agenda.shorten([30, 30], [False, False], 60)


def test_shorten_refuses_a_target_that_cannot_hold_the_breaks():
    with pytest.raises(ValueError, match="too short"):
        agenda.shorten([30, 20, 30], [False, True, False], 21)


@given(
    st.lists(st.tuples(st.integers(1, 240), st.booleans()), min_size=1, max_size=25),
    st.integers(1, 480),
)
def test_shorten_always_lands_on_the_target_with_whole_positive_minutes(rows, target):
    durations = [d for d, _ in rows]
    breaks = [b for _, b in rows]
    try:
        result = agenda.shorten(durations, breaks, target)
    except ValueError:
        flexible = sum(1 for b in breaks if not b)
        fixed = sum(d for d, b in rows if b)
        assert target >= sum(durations) or target - fixed < flexible
        return
    assert sum(result) == target
    for before, after, is_break in zip(durations, result, breaks, strict=True):
        assert after >= 1
        assert after == before if is_break else after <= before
