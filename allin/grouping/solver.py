"""solve(): from a problem (the JSON contract as a dict) to a plan with its figures.

The held rounds are facts and are never changed. The hard rules (sizes, together, apart, the expert rule) hold in
every plan that is returned; when no plan can keep them, ProblemError names the rule. Within those, the plan is
the best found by the soft goals in order (repeats, same-domain pairs, roles, third meetings), and the plan says
which soft goal it could not meet and why ("unmet").

The number of groups per round is chosen within what the sizes allow: a few *layouts* (groups per round for a
target size from the largest to the smallest allowed) are each searched for a share of the time, and the best
gets the rest. More tables are taken only to avoid repeats (17 people at tables of at most 5: five tables of 3-4
when four tables would repeat pairs); on equal repeats the fewest tables win, and the other goals are served within
them: every table needs room and a table leader, and domain spread alone would ask for as many tables as the
smallest size allows (96 people at tables of 3 to 8: 32 tables of 3).
"""

import dataclasses
import random
import time

from . import bounds, spread
from .evaluate import check, score
from .problem import ProblemError, parse
from .search import design_start, greedy_start, tabu_search
from .state import State

YOUTH = (
    "jongere"  # the role whose presence at every table is a soft goal (allin.people's ParticipantRole.YOUTH)
)
# The share of a search for the swaps that keep the dealt domain spread (spread.py).
KIND_SHARE = 0.7
# The share of the first search after a design for the rounds the design does not give, with its rounds kept.
FOCUS_SHARE = 0.3
# Layouts (numbers of tables) searched at most once one keeps the hard rules: more tables are for repeats the
# fewest tables cannot avoid, and each layout searched takes time from the others.
MOST_LAYOUTS = 4
# Search steps for a layout when the time decides (the deadline stops it long before).
UNLIMITED = 10**9


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
    separate = []  # experts never share a table where there are no more of them than tables (expert_limits)
    for members, groups in zip(planned, counts, strict=True):
        experts = {p for p in members if problem.expert[p]}
        separate.append(experts if len(experts) <= groups else set())
    apart = {(min(a, b), max(a, b)) for a, b in problem.apart}
    repeats = max(
        bounds.repeats_lower_bound(
            met_before,
            planned,
            counts,
            problem.min_size,
            problem.max_size,
            problem.n,
            problem.company,
            apart=apart,
            separate=separate,
        ),
        bounds.held_rounds_bound(problem.history, planned, counts, problem.company),
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


def layouts(problem):
    """Candidate numbers of groups per round: for each target size from the largest allowed to the smallest,
    every planned round gets the groups that size asks for (within the round's range). Fewest groups first."""
    seen, result = set(), []
    for target in range(problem.max_size, problem.min_size - 1, -1):
        counts = []
        for r, (fewest, most) in enumerate(problem.group_range):
            if r < problem.held:
                counts.append(fewest)
            else:
                counts.append(min(most, max(fewest, -(-len(problem.present[r]) // target))))
        if tuple(counts) not in seen:
            seen.add(tuple(counts))
            result.append(counts)
    return result


class Attempt:
    """One layout: its problem, its search state and what it reached."""

    def __init__(self, problem, counts, rng):
        self.problem = dataclasses.replace(problem, groups_per_round=counts)
        self.rng = rng
        self.state = None
        self.error = None
        self.dealt = False
        self.focus = None  # planned rounds (indices) to search first, the others kept
        self.stopped = None
        self.kind_steps = 0
        self.steps = 0

    def start(self, deadline):
        problem, rng = self.problem, self.rng
        self.state = State(problem, [[] for _ in range(len(problem.present) - problem.held)])
        try:
            begun = design_start(problem, self.state.units, rng)
            if begun is not None:
                begun, designed = begun
                # the rounds the design did not give are searched first, with the design's rounds kept
                self.focus = list(range(designed, len(problem.present) - problem.held)) or None
            self.dealt = begun is None and spread.wanted(problem)
            if self.dealt:
                begun = spread.dealt_start(problem, self.state.units, rng)
            elif begun is None:
                begun = greedy_start(problem, self.state.units, rng)
        except ProblemError as error:  # this layout cannot seat the together-units; another may
            self.error = error
            return False
        self.state.load(begun)
        if self.dealt:
            spread.repair(self.state, rng, deadline)
        self.lower, self.repeats_bound, self.domain_bound = lower_bound(problem, self.state)
        if self.state.key <= self.lower:
            self.stopped = "bound"
        return True

    def _share(self, deadline, share, timed):
        """The deadline of a phase: `share` of the time left when the time decides (timed), else the deadline
        (a step budget decides, so that the plan is the same for the seed on any machine)."""
        if not timed:
            return deadline
        return min(deadline, time.perf_counter() + share * max(0.0, deadline - time.perf_counter()))

    def search(self, steps, deadline, timed=False):
        """Search on for up to `steps` steps or until the deadline. After a design the rounds it did not give
        come first (FOCUS_SHARE); a dealt start first spends KIND_SHARE of its first search on kind-keeping swaps
        (spread.py). Shares are of the steps, or with `timed` of the time."""
        if self.stopped == "bound":
            return
        state, rng = self.state, self.rng
        if self.focus:
            first = self._share(deadline, FOCUS_SHARE, timed)
            self.stopped = tabu_search(
                state, rng, max(1, int(steps * FOCUS_SHARE)), first, self.lower, rounds=self.focus
            )
            self.focus = None
            if self.stopped == "bound":
                return
        if self.dealt and not self.kind_steps:
            self.kind_steps = max(1, int(steps * KIND_SHARE))
            kinds = spread.kinds(state)
            until = self._share(deadline, KIND_SHARE, timed)
            self.stopped = tabu_search(state, rng, self.kind_steps, until, self.lower, partners=kinds)
            if self.stopped == "time" and time.perf_counter() < deadline:
                self.stopped = "budget"  # its share of the time is over, not the layout's
            steps -= self.kind_steps
            if self.stopped != "budget" or steps <= 0:
                return
        self.stopped = tabu_search(state, rng, steps, deadline, self.lower)

    def rounds(self):
        problem = self.problem
        return [[list(g) for g in groups] for groups in problem.history] + [
            sorted(sorted(g) for g in groups) for groups in self.state.members
        ]

    def judge(self):
        """(hard faults, the plan's figures, a key to compare layouts by: hard faults, repeats, fewer groups, then
        the other soft goals in order)."""
        rounds = self.rounds()
        faults = check(self.problem, rounds)
        figures = score(self.problem, rounds)
        key = (
            len(faults),
            figures["repeats"],
            sum(self.problem.groups_per_round),
            figures["same_domain_pairs"],
            figures["role_violations"],
            figures["third_meetings"],
        )
        return rounds, faults, figures, key

    def hopeless_against(self, key):
        """Whether this layout's lower bounds already lose to a plan found (so it need not be searched)."""
        return (0, self.repeats_bound, sum(self.problem.groups_per_round)) >= key[:3]


def solve(data, clock=time.perf_counter):
    """Plan the rounds of `data`; raise ProblemError for invalid input or when no plan keeps the hard rules."""
    started = clock()
    problem = data if not isinstance(data, dict) else parse(data)
    deadline = started + problem.time_limit * 0.95
    candidates = layouts(problem)
    best, first_error, searched = None, None, 0
    for counts in candidates:
        if best is not None and best[3][0] == 0 and (best[3][1] == 0 or searched >= MOST_LAYOUTS):
            break  # a plan without repeats (more tables cannot beat it), or enough layouts tried
        attempt = Attempt(problem, counts, random.Random(problem.seed))
        if not attempt.start(deadline):
            first_error = first_error or attempt.error
            continue
        if best is not None and attempt.hopeless_against(best[3]):
            continue
        if problem.iterations is not None:
            attempt.search(problem.iterations, deadline)
        else:
            # an equal share of what is left for each layout still to search, one share kept for the best at the end
            left = min(MOST_LAYOUTS, len(candidates)) - searched
            shares = max(1, left) + (len(candidates) > 1)
            attempt.search(UNLIMITED, clock() + (deadline - clock()) / shares, timed=True)
        searched += 1
        judged = attempt.judge()
        if best is None or judged[3] < best[3]:
            best = judged + (attempt,)
    if best is None:
        raise _refusal(problem, [first_error])
    rounds, faults, figures, key, attempt = best
    if problem.iterations is None and attempt.stopped != "bound" and clock() < deadline:
        attempt.search(UNLIMITED, deadline, timed=True)  # the rest of the time for the best layout
        rounds, faults, figures, key = attempt.judge()
    if faults:
        raise _refusal(problem, [], faults)
    return _result(problem, attempt, rounds, figures, clock() - started)


def _refusal(problem, errors, faults=()):
    """The ProblemError for a problem whose hard rules no layout could keep: the first rule broken."""
    if errors and errors[0] is not None:
        return errors[0]
    rule, sentence = faults[0]
    return ProblemError(
        "no plan found that keeps the hard rules: " + "; ".join(s for _, s in faults[:3]),
        rule=rule,
        detail=sentence,
    )


def _unmet(problem, attempt, figures):
    """The soft goals the plan does not meet, each with why: 'bound' when no plan can do better (the arithmetic
    of the sizes and the history), 'search' when the search found nothing better in its time (a better plan may
    or may not exist), 'few' when there are fewer of a kind of person than tables."""
    unmet = []
    if figures["repeats"]:
        unmet.append(
            {
                "goal": "repeats",
                "count": figures["repeats"],
                "bound": attempt.repeats_bound,
                "reason": "bound" if figures["repeats"] <= attempt.repeats_bound else "search",
            }
        )
    if figures["same_domain_pairs"]:
        unmet.append(
            {
                "goal": "domains",
                "count": figures["same_domain_pairs"],
                "bound": attempt.domain_bound,
                "reason": "bound" if figures["same_domain_pairs"] <= attempt.domain_bound else "search",
            }
        )
    missing, few = 0, False
    for groups, r in zip(attempt.state.members, attempt.state.rounds, strict=True):
        youth = sum(1 for p in problem.present[r] if problem.role[p] == YOUTH)
        if not youth:
            continue
        without = sum(1 for g in groups if not any(problem.role[p] == YOUTH for p in g))
        missing += without
        few = few or (without and youth < len(groups))
    if missing:
        unmet.append({"goal": "youth", "count": missing, "reason": "few" if few else "search"})
    return unmet


def _result(problem, attempt, rounds, figures, seconds):
    ids = problem.ids
    result = {"rounds": [[[ids[p] for p in group] for group in groups] for groups in rounds]}
    result.update(figures)
    result["pairs_possible"] = bounds.pairs(problem.listed)
    result["groups_per_round"] = [len(groups) for groups in rounds]
    result["unmet"] = _unmet(problem, attempt, figures)
    result["bound"] = bounds.describe(problem.listed, len(problem.present), problem.max_size)
    result["bound"]["repeats_lower_bound"] = attempt.repeats_bound
    result["bound"]["same_domain_pairs_lower_bound"] = attempt.domain_bound
    result["stopped"] = attempt.stopped or "budget"
    result["seconds"] = round(seconds, 4)
    return result
