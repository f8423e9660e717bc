"""Clock arithmetic for a timed agenda. Pure functions over minutes, so they are easy to test and reuse in the
runbook, the console and the slides."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Slot:
    start: time
    end: time
    minutes: int


def schedule(start: time, durations: list[int]) -> list[Slot]:
    """Start and end clock time of each item, one after the other from `start`."""
    moment = datetime.combine(date(2000, 1, 1), start)
    slots = []
    for minutes in durations:
        end = moment + timedelta(minutes=minutes)
        slots.append(Slot(start=moment.time(), end=end.time(), minutes=minutes))
        moment = end
    return slots


def end_time(start: time, total_minutes: int) -> time:
    return (datetime.combine(date(2000, 1, 1), start) + timedelta(minutes=total_minutes)).time()


def shorten(durations: list[int], is_break: list[bool], target: int) -> list[int]:
    """Shrink the non-break items in proportion so the total is `target` minutes, in whole minutes.

    Breaks keep their length (people still need them in a shorter meeting). Every item keeps at least one
    minute. Rounding uses the largest remainder, so the total lands exactly on the target.
    Raises ValueError when the target cannot be reached or is not shorter."""
    total = sum(durations)
    fixed = sum(d for d, b in zip(durations, is_break, strict=True) if b)
    flexible = [i for i, b in enumerate(is_break) if not b]
    if target >= total:
        raise ValueError("not shorter")
    budget = target - fixed
    if not flexible or budget < len(flexible):
        raise ValueError("too short")
    flex_total = sum(durations[i] for i in flexible)
    exact = {i: durations[i] * budget / flex_total for i in flexible}
    result = list(durations)
    for i in flexible:
        result[i] = max(1, int(exact[i]))
    leftover = budget - sum(result[i] for i in flexible)
    # Hand out the remaining minutes to the largest fractional parts; take back from the largest items if the
    # one-minute floor overshot.
    by_remainder = sorted(flexible, key=lambda i: (exact[i] - int(exact[i]), durations[i]), reverse=True)
    while leftover > 0:
        # An item never grows past its old length; since target < total there is always one with room.
        for i in by_remainder:
            if leftover and result[i] < durations[i]:
                result[i] += 1
                leftover -= 1
    while leftover < 0:
        largest = max((i for i in flexible if result[i] > 1), key=lambda i: result[i])
        result[largest] -= 1
        leftover += 1
    return result
