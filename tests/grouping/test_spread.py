"""The domain-first start (spread.py): rounds dealt domain by domain, and swaps that keep the spread."""

import random

from allin.grouping import parse, solve
from allin.grouping.spread import dealt_start, kinds, repair
from allin.grouping.state import State


def mixed(people=24, domains=4, rounds=3, **extra):
    """people in `domains` equal domains, one expert in six, groups of 3-4 (so each domain fits once per group)."""
    return {
        "people": [
            {"id": f"p{i}", "domain": f"d{i % domains}", "role": "abc"[i % 3], "expert": i % 6 == 0}
            for i in range(people)
        ],
        "rounds": rounds,
        "group_size": {"min": 3, "max": 4},
        "iterations": 200,
        "time_limit": 10,
    } | extra


def same_domain_pairs(problem, groups):
    total = 0
    for group in groups:
        counts = {}
        for p in group:
            counts[problem.domain[p]] = counts.get(problem.domain[p], 0) + 1
        total += sum(c * (c - 1) // 2 for c in counts.values())
    return total


def test_dealt_rounds_spread_domains_and_experts():
    problem = parse(mixed(together=[["p1", "p2"]], apart=[["p3", "p7"]]))
    state = State(problem, [[] for _ in problem.present])
    rng = random.Random(4)
    state.load(dealt_start(problem, state.units, rng))
    repair(state, rng)
    for groups in state.members:
        assert same_domain_pairs(problem, groups) == 0  # 6 of each domain over 6 groups: one each
        assert max(sum(problem.expert[p] for p in g) for g in groups) == 1
        assert sorted(len(g) for g in groups) == [4] * 6


def test_kind_swaps_keep_domains_experts_and_sizes():
    problem = parse(mixed())
    state = State(problem, [[] for _ in problem.present])
    state.load(dealt_start(problem, state.units, random.Random(1)))
    partners = kinds(state)
    for t, mates in enumerate(partners):
        for u, others in enumerate(mates):
            for v in others:
                assert state.unit_domains[t][u] == state.unit_domains[t][v]
                assert state.unit_experts[t][u] == state.unit_experts[t][v]
                assert len(state.units[t][u]) == len(state.units[t][v])


def test_solve_reaches_the_domain_bound_without_repeats():
    plan = solve(mixed(seed=7, together=[["p1", "p2"]], apart=[["p3", "p7"]]))
    assert plan["same_domain_pairs"] == plan["bound"]["same_domain_pairs_lower_bound"] == 0
    assert plan["repeats"] == 0
    assert plan["expert_violations"] == 0
    again = solve(mixed(seed=7, together=[["p1", "p2"]], apart=[["p3", "p7"]]))
    assert again["rounds"] == plan["rounds"]


def test_uneven_domains_meet_the_spread_bound():
    """Domains of 7, 6, 6 and 5 people over 6 groups of 4: the bound is one same-domain pair per round."""
    data = mixed(group_size={"min": 4, "max": 4})
    data["people"][3]["domain"] = "d0"  # d0 now has 7, d3 has 5
    plan = solve(data | {"seed": 2})
    assert plan["bound"]["same_domain_pairs_lower_bound"] == 3
    assert plan["same_domain_pairs"] == 3
    assert plan["repeats"] == 0
