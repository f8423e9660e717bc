"""solve(): from a problem (the JSON contract as a dict) to a plan with its figures."""

import random
import time

from . import bounds, spread
from .evaluate import check, score
from .problem import ProblemError, parse
from .search import design_start, greedy_start, tabu_search
from .state import State

# Search steps per second of time limit. A step weighs about search.EVALUATIONS candidate moves, about a
# millisecond of one core in CPython; the budget is set to about half of what fits, so that on an ordinary machine
# the run ends on its budget (or the bound) and is repeatable for its seed; the time limit only cuts it short on a
# slow or busy machine.
STEPS_PER_SECOND = 400
# The share of the budget for the swaps that keep the dealt domain spread (spread.py).
KIND_SHARE = 0.7


def lower_bound(problem, state):
    """A cost no plan can beat: the repeats bound, the fewest same-domain pairs and balanced sizes."""
    met_before = {
        (min(a, b), max(a, b))
        for groups in problem.history
        for group in groups
        for i, a in enumerate(group)
        for b in group[i + 1 :]
    }
    planned = problem.present[problem.held :]
    counts = problem.groups_per_round[problem.held :]
    repeats = bounds.repeats_lower_bound(
        met_before, planned, counts, problem.min_size, problem.max_size, problem.n, problem.company
    )
    domain = size = 0
    for members, groups in zip(planned, counts, strict=True):
        per_domain = {}
        for p in members:
            if problem.domain[p]:
                per_domain[problem.domain[p]] = per_domain.get(problem.domain[p], 0) + 1
        domain += sum(bounds.spread_minimum(c, groups) for c in per_domain.values())
        size += sum(s * s for s in bounds.balanced_sizes(len(members), groups))
    w = state.lex
    return repeats * w.rep + domain * w.dom + size * w.size, repeats, domain


def solve(data, clock=time.perf_counter):
    """Plan the rounds of `data`; raise ProblemError for invalid input or when no plan keeps the hard rules."""
    started = clock()
    problem = data if not isinstance(data, dict) else parse(data)
    deadline = started + problem.time_limit * 0.95
    rng = random.Random(problem.seed)
    start = design_start(problem, rng)
    state = State(problem, [[] for _ in range(len(problem.present) - problem.held)])
    dealt = start is None and spread.wanted(problem)
    if dealt:
        start = spread.dealt_start(problem, state.units, rng)
    elif start is None:
        start = greedy_start(problem, state.units, rng)
    state.load(start)
    if dealt:
        spread.repair(state, rng, deadline)
    lower, repeats_bound, domain_bound = lower_bound(problem, state)
    budget = problem.iterations
    if budget is None:
        budget = max(1, int(problem.time_limit * STEPS_PER_SECOND))
    if dealt:
        # First remove the repeats with swaps that keep the dealt spread, then (with what is left of the budget)
        # let every move try to do better still; the best plan by the lexicographic key is kept throughout.
        first = int(budget * KIND_SHARE)
        stopped = tabu_search(state, rng, first, deadline, lower, partners=spread.kinds(state))
        if stopped == "budget" and budget > first:
            stopped = tabu_search(state, rng, budget - first, deadline, lower)
    else:
        stopped = tabu_search(state, rng, budget, deadline, lower)
    rounds = [[sorted(g) for g in groups] for groups in problem.history] + [
        sorted(sorted(g) for g in groups) for groups in state.members
    ]
    faults = check(problem, rounds)
    if faults:
        raise ProblemError("no plan found that keeps the hard rules: " + "; ".join(faults[:3]))
    figures = score(problem, rounds)
    ids = problem.ids
    result = {"rounds": [[[ids[p] for p in group] for group in groups] for groups in rounds]}
    result.update(figures)
    result["bound"] = bounds.describe(problem.n, len(problem.present), problem.max_size)
    result["bound"]["repeats_lower_bound"] = repeats_bound
    result["bound"]["same_domain_pairs_lower_bound"] = domain_bound
    result["stopped"] = stopped
    result["seconds"] = round(clock() - started, 4)
    return result
