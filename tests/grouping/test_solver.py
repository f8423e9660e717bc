"""solve(): targets on the classic instances, history, late joiners, determinism and the bookkeeping."""

import random

import pytest

from allin.grouping import ProblemError, parse, solve
from allin.grouping.search import greedy_start, tabu_search
from allin.grouping.state import State


def plain(people, size, rounds, **extra):
    return {
        "people": [{"id": i} for i in range(people)],
        "rounds": rounds,
        "group_size": {"min": size, "max": size},
    }


@pytest.mark.parametrize("people,size,rounds", [(16, 4, 5), (15, 3, 7), (25, 5, 6), (9, 3, 4)])
def test_designs_give_no_repeats(people, size, rounds):
    plan = solve(plain(people, size, rounds) | {"seed": 3})
    assert plan["repeats"] == 0
    assert plan["pairs_covered"] == plan["pairs_possible"]
    assert plan["stopped"] == "bound"


def test_same_seed_same_plan_other_seed_other_plan():
    problem = plain(12, 4, 3) | {"iterations": 300, "time_limit": 5}
    problem["people"] = [{"id": i, "domain": "abc"[i % 3]} for i in range(12)]
    assert solve(problem | {"seed": 1})["rounds"] == solve(problem | {"seed": 1})["rounds"]
    assert solve(problem | {"seed": 1})["rounds"] != solve(problem | {"seed": 2})["rounds"]


def test_history_is_kept_and_counted():
    history = [[[0, 1, 2], [3, 4, 5]]]
    problem = plain(6, 3, [{"present": []}, {"present": list(range(6))}]) | {
        "history": history,
        "time_limit": 5,
        "iterations": 200,
    }
    plan = solve(problem)
    assert plan["rounds"][0] == history[0]
    # two triples after two triples: at least 2 repeated pairs, and the plan finds the best: exactly 2
    assert plan["repeats"] == 2
    assert plan["bound"]["repeats_lower_bound"] <= plan["repeats"]


def test_late_joiners_and_absentees():
    people = [{"id": f"p{i}"} for i in range(10)]
    history = [[["p0", "p1", "p2"], ["p3", "p4", "p5"]]]  # p6..p9 join later
    rounds = [
        {"present": []},
        {"present": [f"p{i}" for i in range(10) if i != 4]},
        {"present": [f"p{i}" for i in range(10)]},
    ]
    plan = solve(
        {
            "people": people,
            "rounds": rounds,
            "history": history,
            "group_size": {"min": 3, "max": 4},
            "iterations": 300,
            "time_limit": 5,
        }
    )
    second = plan["rounds"][1]
    assert all("p4" not in group for group in second)
    assert sorted(p for g in plan["rounds"][2] for p in g) == sorted(p["id"] for p in people)
    assert plan["repeats"] == 0


def test_experts_spread_one_per_group():
    people = [{"id": i, "expert": i < 4} for i in range(16)]
    plan = solve(
        {
            "people": people,
            "rounds": 2,
            "group_size": {"min": 4, "max": 4},
            "iterations": 300,
            "time_limit": 5,
        }
    )
    assert plan["expert_violations"] == 0 and plan["repeats"] == 0
    for groups in plan["rounds"]:
        assert sorted(sum(1 for p in g if p < 4) for g in groups) == [1, 1, 1, 1]


def test_fewer_groups_than_group_size_must_repeat_and_the_search_finds_the_least():
    # 4 groups of 5: every later group holds two people from one earlier group (pigeonhole), so 4 repeats a round
    plan = solve(plain(20, 5, 3) | {"iterations": 400, "time_limit": 5})
    assert plan["repeats"] == 8


def test_incremental_cost_matches_a_recount():
    people = [
        {"id": i, "domain": "abcd"[i % 4], "role": "xy"[i % 2], "expert": i % 5 == 0} for i in range(23)
    ]
    data = {
        "people": people,
        "rounds": [{"present": [i for i in range(23) if (i + r) % 7]} for r in range(4)],
        "group_size": {"min": 3, "max": 5},
        "together": [[1, 2]],
        "apart": [[3, 4]],
    }
    problem = parse(data)
    state = State(problem, [[] for _ in problem.present])
    rng = random.Random(4)
    state.load(greedy_start(problem, state.units, rng))
    tabu_search(state, rng, 400, float("inf"), -1)
    assert state.cost == state.total()
    assert state.key == state.total(state.lex)


def test_unsatisfiable_apart_pairs_are_refused_not_broken():
    people = [{"id": i} for i in range(3)]
    data = {"people": people, "rounds": 1, "group_size": {"min": 3, "max": 3}, "apart": [[0, 1]]}
    with pytest.raises(ProblemError, match="hard rules"):
        solve(data | {"iterations": 20})
