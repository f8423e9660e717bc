"""Known designs (designs.py) and how the optimiser maps them onto people: no repeats where a design exists, the
expert rule kept on the design's points, the number of tables chosen to avoid repeats."""

import random
from itertools import combinations

import pytest

from allin.grouping import designs, parse, solve
from allin.grouping.search import design_start
from allin.grouping.state import State


def assert_resolution(rounds, people, size):
    met = set()
    for groups in rounds:
        assert sorted(p for g in groups for p in g) == list(range(people))
        assert all(len(g) == size for g in groups)
        for group in groups:
            for pair in combinations(sorted(group), 2):
                assert pair not in met
                met.add(pair)


@pytest.mark.parametrize(
    "build,people,size,rounds",
    [
        (designs.kirkman_15, 15, 3, 7),
        (designs.kirkman_21, 21, 3, 10),
        (designs.unital_28, 28, 4, 9),
        (designs.golfers_32, 32, 4, 10),
        (lambda: designs.affine_plane(5), 25, 5, 6),
        (lambda: designs.affine_plane(4), 16, 4, 5),
        (lambda: designs.affine_minus_line(5), 20, 4, 5),
        (lambda: designs.affine_space(3, 3), 27, 3, 13),
        (lambda: designs.affine_space(4, 3), 64, 4, 21),
        (lambda: designs.affine_space(2, 4), 16, 2, 15),
        (lambda: designs.round_robin(10), 10, 2, 9),
        (lambda: designs.turned(33, 3), 33, 3, 16),
        (lambda: designs.turned(39, 3), 39, 3, 19),
        (lambda: designs.turned(40, 4), 40, 4, 13),
    ],
)
def test_each_design_seats_everyone_once_a_round_and_no_pair_twice(build, people, size, rounds):
    found = build()
    assert len(found) == rounds
    assert_resolution(found, people, size)


@pytest.mark.parametrize(
    "people,size,rounds",
    [
        (20, 4, 5),
        (21, 3, 10),
        (28, 4, 9),
        (32, 4, 6),
        (32, 4, 10),
        (15, 3, 7),
        (25, 5, 6),
        (27, 3, 13),
        (33, 3, 16),
        (39, 3, 19),
        (40, 4, 13),
        (12, 2, 11),
    ],
)
def test_where_a_design_fits_the_plan_has_no_repeats_and_stops_at_the_bound(people, size, rounds):
    data = {
        "people": [{"id": f"p{i}"} for i in range(people)],
        "rounds": rounds,
        "group_size": {"min": size, "max": size},
        "seed": 5,
        "iterations": 50,
    }
    plan = solve(data)
    assert plan["repeats"] == 0 and plan["stopped"] == "bound"


def test_experts_go_on_points_that_keep_the_expert_rule_in_the_design():
    # 16 people in fours over 4 rounds: a line of the fifth parallel class meets every group once
    people = [{"id": i, "expert": i in (3, 7, 11, 12)} for i in range(16)]
    plan = solve({"people": people, "rounds": 4, "group_size": {"min": 4, "max": 4}, "iterations": 50})
    assert plan["repeats"] == 0
    for groups in plan["rounds"]:
        assert sorted(sum(1 for p in g if p in (3, 7, 11, 12)) for g in groups) == [1, 1, 1, 1]


def test_more_tables_when_that_avoids_repeats():
    # two tables of four held; again two tables of four would repeat 4 pairs, three tables 2, four tables of two 0
    data = {
        "people": [{"id": i} for i in range(8)],
        "history": [[[0, 1, 2, 3], [4, 5, 6, 7]]],
        "rounds": [{"present": []}, {"present": list(range(8))}],
        "group_size": {"min": 2, "max": 4},
        "iterations": 100,
    }
    plan = solve(data)
    assert plan["repeats"] == 0
    assert plan["groups_per_round"] == [2, 4]


def test_on_equal_repeats_the_fewest_tables():
    data = {"people": [{"id": i} for i in range(8)], "rounds": 1, "group_size": {"min": 2, "max": 4}}
    plan = solve(data | {"iterations": 50})
    assert plan["groups_per_round"] == [2]


def test_a_round_beyond_the_design_is_searched_with_the_design_kept():
    # 20 in fours: five rounds from the affine plane without a line; the sixth can at best take four from each
    # of four unmet fives and seat the last four together: 6 repeats
    data = {
        "people": [{"id": i} for i in range(20)],
        "rounds": 6,
        "group_size": {"min": 4, "max": 4},
        "seed": 2,
        "iterations": 300,
        "time_limit": 30,
    }
    assert solve(data)["repeats"] <= 6


def test_a_design_whose_points_cannot_keep_the_expert_rule_is_not_used():
    # 16 in fours over 5 rounds: every pair meets once in AG(2, 4), so 4 experts cannot sit one at every table
    # in all 5 rounds; random labels would start from broken rules. Over 4 rounds a line of the unused class can.
    data = {
        "people": [{"id": i, "expert": i < 4} for i in range(16)],
        "group_size": {"min": 4, "max": 4},
    }
    for rounds, used in ((5, False), (4, True)):
        problem = parse(data | {"rounds": rounds})
        state = State(problem, [[] for _ in problem.present])
        assert (design_start(problem, state.units, random.Random(1)) is not None) == used
    plan = solve(data | {"rounds": 5, "iterations": 200})
    for groups in plan["rounds"]:
        assert sorted(sum(1 for p in g if p < 4) for g in groups) == [1, 1, 1, 1]
