"""The arithmetic of what is possible."""

from itertools import combinations, product

import pytest

from allin.grouping import bounds, parse
from allin.grouping.evaluate import check, score
from allin.grouping.solver import lower_bound
from allin.grouping.state import State


def test_everyone_meets_everyone_in_five_meetings_of_five_only_up_to_21_people():
    assert bounds.max_people_for_everyone(5, 5) == 21
    assert bounds.rounds_for_everyone(21, 5) == 5
    assert bounds.rounds_for_everyone(22, 5) == 6


def test_kirkman_and_small_cases():
    assert bounds.rounds_for_everyone(15, 3) == 7
    assert bounds.rounds_for_everyone(1, 5) == 0
    assert bounds.rounds_for_everyone(5, 1) is None


def test_meetings_still_needed_takes_the_stricter_of_person_and_room():
    # 15 people, 68 of 105 pairs met; someone still has 9 to meet: with groups of 5 at least 3 more meetings.
    assert bounds.meetings_still_needed([9, 2, 0], 37, 15, 5) == 3
    # nobody has more than 4 to meet, but 37 pairs need at least 2 rounds of 3 groups of 5 (30 pairs a round).
    assert bounds.meetings_still_needed([4, 4, 4], 37, 15, 5) == 2
    assert bounds.meetings_still_needed([0], 0, 15, 5) == 0


def test_pair_meetings_and_spread():
    assert bounds.pair_meetings_per_round(16, 4) == 24
    assert bounds.pair_meetings_per_round(7, 5) == 11
    assert bounds.balanced_sizes(14, 3) == [5, 5, 4]
    assert bounds.spread_minimum(12, 12) == 0
    assert bounds.spread_minimum(13, 12) == 1


def test_repeats_lower_bound_counts_what_cannot_be_fresh():
    # 6 people, groups of 3, after meeting in two triples {0,1,2} {3,4,5}: the next round must repeat at least 2 pairs
    met = {(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)}
    everyone = list(range(6))
    assert bounds.repeats_lower_bound(met, [everyone], [2], 3, 3, 6) == 0
    assert bounds.repeats_lower_bound(set(), [everyone] * 4, [2] * 4, 3, 3, 6) >= 3


def test_describe_names_the_bound():
    described = bounds.describe(22, 5, 5)
    assert described["max_people_for_everyone"] == 21
    assert described["everyone_can_meet"] is False
    assert "at most 21 people" in described["text"]


def test_held_rounds_bound_by_pigeonhole():
    held = [[[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [10, 11, 12, 13, 14]]]
    everyone = list(range(15))
    # three tables of five after three tables of five: two of each old table share a new table
    assert bounds.held_rounds_bound(held, [everyone], [3]) == 6
    assert bounds.held_rounds_bound(held, [everyone], [5]) == 0
    assert bounds.held_rounds_bound(held, [everyone[:12]], [3], company=list(range(15))) == 2 + 2 + 0


def test_experts_who_never_share_a_table_carry_their_own_repeats():
    # 16 in fours over 5 rounds (0 repeats in AG(2, 4)), one of 4 experts at every table: an expert sits 15 times
    # with the 12 others, 3 repeats each, none shared between two experts: 12 (halving the excess would give 6)
    everyone = list(range(16))
    plain = bounds.repeats_lower_bound(set(), [everyone] * 5, [4] * 5, 4, 4, 16)
    experts = bounds.repeats_lower_bound(
        set(), [everyone] * 5, [4] * 5, 4, 4, 16, separate=[{0, 1, 2, 3}] * 5
    )
    assert (plain, experts) == (0, 12)
    # a pair kept apart can never meet fresh either: 6 in threes over 4 rounds, 9 without it, 10 with it
    six = list(range(6))
    assert bounds.repeats_lower_bound(set(), [six] * 4, [2] * 4, 3, 3, 6) == 9
    assert bounds.repeats_lower_bound(set(), [six] * 4, [2] * 4, 3, 3, 6, apart={(1, 2)}) == 10


def _partitions(people, size):
    if not people:
        yield []
        return
    first, rest = people[0], people[1:]
    for others in combinations(rest, size - 1):
        left = [p for p in rest if p not in others]
        for tail in _partitions(left, size):
            yield [[first, *others], *tail]


@pytest.mark.parametrize(
    "people,size,rounds,experts,apart",
    [
        (6, 3, 3, 2, []),
        (6, 3, 4, 2, [[2, 3]]),
        (6, 3, 4, 1, [[1, 2]]),
        (8, 4, 3, 2, [[2, 3]]),
        (8, 4, 3, 1, []),
    ],
)
def test_the_optimiser_bound_never_exceeds_the_best_plan_found_by_trying_them_all(
    people, size, rounds, experts, apart
):
    data = {
        "people": [{"id": i, "expert": i < experts} for i in range(people)],
        "rounds": rounds,
        "group_size": {"min": size, "max": size},
        "apart": apart,
    }
    problem = parse(data)
    options = list(_partitions(list(range(people)), size))
    best = min(
        score(problem, list(plan))["repeats"]
        for plan in product(options, repeat=rounds)
        if not check(problem, plan)
    )
    _, bound, _ = lower_bound(problem, State(problem, [[] for _ in problem.present]))
    assert bound <= best
