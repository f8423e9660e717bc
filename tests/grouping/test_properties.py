"""Property tests over random problems: every plan keeps every hard rule; invalid input is refused."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from allin.grouping import ProblemError, parse, solve
from allin.grouping.evaluate import check


@st.composite
def problems(draw):
    n = draw(st.integers(2, 24))
    min_size = draw(st.integers(1, 4))
    max_size = draw(st.integers(max(min_size, 2), 6))
    people = [
        {
            "id": f"p{i}",
            "domain": draw(st.sampled_from(["", "zorg", "school", "werk"])),
            "role": draw(st.sampled_from(["", "jongere", "professional"])),
            "expert": draw(st.booleans()),
        }
        for i in range(n)
    ]
    ids = [p["id"] for p in people]
    held = draw(st.integers(0, 2))
    history = []
    for _ in range(held):
        order = draw(st.permutations(ids))
        cut = draw(st.integers(1, 4))
        history.append([list(order[i : i + cut]) for i in range(0, len(order), cut)])
    rounds = [{"present": []} for _ in range(held)]
    for _ in range(draw(st.integers(1, 3))):
        rounds.append({"present": [i for i in ids if draw(st.integers(0, 9)) > 0]})
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
    together = [list(p) for p in draw(st.lists(pairs, max_size=2))]
    apart = [list(p) for p in draw(st.lists(pairs, max_size=3))]
    return {
        "people": people,
        "rounds": rounds,
        "group_size": {"min": min_size, "max": max_size},
        "together": together,
        "apart": apart,
        "history": history,
        "seed": draw(st.integers(0, 1000)),
        "time_limit": 0.05,
        "iterations": 200,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_every_plan_keeps_the_hard_rules_or_the_problem_is_refused(data):
    try:
        problem = parse(data)
    except ProblemError:
        return
    try:
        plan = solve(data)
    except ProblemError as error:  # only when apart pairs cannot be kept
        assert "hard rules" in str(error)
        return
    index = {pid: i for i, pid in enumerate(problem.ids)}
    rounds = [[[index[pid] for pid in group] for group in groups] for groups in plan["rounds"]]
    assert check(problem, rounds) == []
    assert plan["rounds"][: len(data["history"])] == [
        [sorted(g, key=index.get) for g in r] for r in data["history"]
    ]
    for r, groups in enumerate(plan["rounds"][problem.held :], problem.held):
        seated = {pid for group in groups for pid in group}
        assert seated == set(data["rounds"][r]["present"])
        for a, b in data["together"]:
            if a in seated and b in seated:
                assert any(a in g and b in g for g in groups)
        for a, b in data["apart"]:
            assert not any(a in g and b in g for g in groups)
        for group in groups:
            assert problem.min_size <= len(group) <= problem.max_size


@settings(max_examples=60, deadline=None)
@given(problems(), st.sampled_from(["unknown", "sizes", "both", "experts", "history"]))
def test_invalid_input_is_refused(data, fault):
    if fault == "unknown":
        data["together"] = data["together"] + [["p0", "nobody"]]
    elif fault == "sizes":
        data["group_size"] = {"min": 5, "max": 3}
    elif fault == "both":
        data["together"] = data["together"] + [["p0", "p1"]]
        data["apart"] = data["apart"] + [["p1", "p0"]]
    elif fault == "experts":
        for person in data["people"]:
            person["expert"] = False
        data["experts_per_group"] = 1
        data["rounds"][-1]["present"] = [p["id"] for p in data["people"]]
    else:
        data["history"] = [[["p0", "ghost"]]]
        data["rounds"] = [{"present": []}] + data["rounds"]
    try:
        parse(data)
    except ProblemError:
        return
    raise AssertionError(f"{fault} was accepted")
