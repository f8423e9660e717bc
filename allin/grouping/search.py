"""Building a first plan (a design or a greedy pass) and improving it with conflict-directed tabu search."""

import dataclasses
import time

from . import designs
from .bounds import balanced_sizes
from .evaluate import expert_faults
from .problem import ProblemError


def design_start(problem, units_per_round, rng):
    """A plan with no repeats from a known design, when everyone is present in every planned round and nothing
    else (history, together pairs) binds; None otherwise. The experience experts are put on points that keep the
    expert rule in every round of the design (one per group, or never two together); without such points, None.
    Rounds beyond what the design has are seated greedily after it (the search goes on from there).
    Returns (plan, how many of its rounds come from the design)."""
    planned = problem.present[problem.held :]
    if not planned or problem.together or any(len(g) > 1 for groups in problem.history for g in groups):
        return None
    people = planned[0]
    if any(members != people for members in planned):
        return None
    groups = problem.groups_per_round[problem.held]
    if (
        not groups
        or len(people) % groups
        or any(g != groups for g in problem.groups_per_round[problem.held :])
    ):
        return None
    rounds = designs.resolution_for(len(people), len(people) // groups, len(planned))
    if rounds is None:
        return None
    order = list(range(len(rounds)))
    rng.shuffle(order)
    rounds = [rounds[i] for i in order]
    experts = [p for p in people if problem.expert[p]]
    others = [p for p in people if not problem.expert[p]]
    rng.shuffle(experts)
    rng.shuffle(others)
    spots = _expert_points(rounds, len(people), len(experts), groups, problem.experts_per_group)
    if spots is None:
        # No points keep the expert rule in every round of the design. Random labels would break it and leave the
        # repair to the search, which is too slow on large designs (81 in threes over 40 rounds with 20 experts,
        # 64 in fours over 21 with 16: no plan at 2 s); the dealt start keeps it by construction.
        return None
    chosen = set(spots)
    pool_e, pool_o = iter(experts), iter(others)
    labels = [next(pool_e) if point in chosen else next(pool_o) for point in range(len(people))]
    plan = [[[labels[p] for p in group] for group in groups_] for groups_ in rounds]
    designed = len(plan)
    if designed < len(planned):
        held = [[list(g) for g in groups_] for groups_ in plan]
        rest = dataclasses.replace(problem, history=problem.history + held)
        plan += greedy_start(rest, units_per_round[designed:], rng)
    return plan, designed


def _expert_points(rounds, points, count, groups, per_group, tries=2000):
    """`count` design points on which experts keep the expert rule in every round, or None (a small
    backtracking search with a step limit)."""
    from .evaluate import expert_limits

    if count == 0:
        return []
    low, high = expert_limits(count, groups, per_group)
    where = [[0] * points for _ in rounds]
    for r, groups_ in enumerate(rounds):
        for g, group in enumerate(groups_):
            for p in group:
                where[r][p] = g
    filled = [[0] * groups for _ in rounds]
    chosen, steps = [], [0]

    def fits(p):
        return all(filled[r][where[r][p]] < high for r in range(len(rounds)))

    def enough():
        # every group can still reach `low` with the points left
        return all(sum(max(0, low - c) for c in row) <= count - len(chosen) for row in filled)

    def grow(start):
        steps[0] += 1
        if steps[0] > tries:
            return False
        if len(chosen) == count:
            return all(c >= low for row in filled for c in row)
        for p in range(start, points):
            if fits(p):
                chosen.append(p)
                for r in range(len(rounds)):
                    filled[r][where[r][p]] += 1
                if enough() and grow(p + 1):
                    return True
                chosen.pop()
                for r in range(len(rounds)):
                    filled[r][where[r][p]] -= 1
        return False

    return list(chosen) if grow(0) else None


def greedy_start(problem, units_per_round, rng):
    """Round by round, seat the hardest units first, each where it adds the least cost (a lexicographic score)."""
    n = problem.n
    meet = [bytearray(n) for _ in range(n)]
    for groups in problem.history:
        for group in groups:
            count_meetings(meet, group)
    apart = [set() for _ in range(n)]
    for a, b in problem.apart:
        apart[a].add(b)
        apart[b].add(a)
    plan = []
    for t, r in enumerate(range(problem.held, len(problem.present))):
        count = problem.groups_per_round[r]
        caps = balanced_sizes(len(problem.present[r]), count)
        groups = [[] for _ in range(count)]
        units = list(units_per_round[t])
        keys = {id(u): rng.random() for u in units}
        units.sort(key=lambda u: (-len(u), -sum(problem.expert[p] for p in u), keys[id(u)]))
        for unit in units:
            room = [g for g in range(count) if len(groups[g]) + len(unit) <= caps[g]]
            if not room:
                room = [g for g in range(count) if len(groups[g]) + len(unit) <= problem.max_size]
            if not room:
                raise ProblemError(
                    f"round {r + 1}: the people who must sit together do not fit in the groups"
                )
            best = min(room, key=lambda g: _seat_score(problem, meet, apart, groups[g], unit, rng))
            groups[best].extend(unit)
        fill_small_groups(problem, groups, units_per_round[t], r)
        for group in groups:
            count_meetings(meet, group)
        plan.append(groups)
    return plan


def _seat_score(problem, meet, apart, group, unit, rng):
    conflicts = sum(1 for p in unit for x in group if x in apart[p])
    repeats = sum(1 for p in unit for x in group if meet[p][x])
    experts = sum(problem.expert[x] for x in group) if any(problem.expert[p] for p in unit) else 0
    domains = sum(
        1 for p in unit for x in group if problem.domain[p] and problem.domain[p] == problem.domain[x]
    )
    roles = sum(1 for p in unit for x in group if problem.role[p] and problem.role[p] == problem.role[x])
    return conflicts, repeats, experts, domains, roles, len(group), rng.random()


def fill_small_groups(problem, groups, units, r):
    """Move single people from the largest groups into groups below the minimum size."""
    singles = {u[0] for u in units if len(u) == 1}
    while True:
        small = [g for g in groups if len(g) < problem.min_size]
        if not small:
            return
        donors = sorted((g for g in groups if len(g) > problem.min_size), key=len, reverse=True)
        for donor in donors:
            movable = [p for p in donor if p in singles]
            if movable:
                donor.remove(movable[-1])
                small[0].append(movable[-1])
                break
        else:
            raise ProblemError(
                f"round {r + 1}: could not make every group at least {problem.min_size} people"
            )


def count_meetings(meet, group):
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            meet[a][b] += 1
            meet[b][a] += 1


EVALUATIONS = 240  # people whose moves are weighed per step, summed over the units looked at


def _badness(state, t, u):
    """How much a unit contributes to the cost where it sits now (to pick whom to move)."""
    unit = state.units[t][u]
    g = state.group_of[t][unit[0]]
    group = state.members[t][g]
    unit_of = state.unit_of[t]
    score = 0
    problem = state.problem
    for p in unit:
        row = state.meet[p]
        score += state.search.rep * sum(1 for x in group if row[x] >= 2 and unit_of[x] != u)
        score += state.search.hard * sum(1 for z in state.apart[p] if state.group_of[t][z] == g)
        if problem.domain[p]:
            score += state.search.dom * (state.domains[t][g][problem.domain[p]] - 1)
        if problem.role[p]:
            score += state.search.role * (state.roles[t][g][problem.role[p]] - 1)
    if state.unit_experts[t][u] and expert_faults(state.experts[t][g], *state.exp_limits[t]):
        score += state.search.hard
    return score


def tabu_search(state, rng, budget, deadline, lower, partners=None, rounds=None):
    """Improve `state` in place; leave it at the best plan found. Returns why the search stopped.

    partners: None for every move (relocations and swaps), or per round, per unit the units it may swap with
    (spread.kinds: swaps that keep every group's domains, experts and size). rounds: the planned rounds (indices)
    whose groups may change; None for all."""
    chosen = range(len(state.rounds)) if rounds is None else rounds
    movable = [t for t in chosen if state.groups[t] > 1]
    if not movable or state.key <= lower:
        return "bound"
    best_key, best_plan = state.key, state.snapshot()
    best_cost = state.cost
    tabu = {}
    average = max(1, sum(len(state.units[t]) for t in movable) // len(movable))
    patience = max(300, 30 * average)
    if partners is not None:
        mates = [max(1, sum(map(len, p)) // max(1, len(p))) for p in partners]
    last_gain = 0
    stopped = "budget"
    for step in range(budget):
        if time.perf_counter() > deadline:
            stopped = "time"
            break
        t = movable[rng.randrange(len(movable))]
        units = state.units[t]
        count = len(units)
        per_unit = count if partners is None else mates[t]
        wanted = max(1, min(count, EVALUATIONS // per_unit))
        sample = rng.sample(range(count), min(count, 3 * wanted))
        if rng.random() >= 0.2:
            sample.sort(key=lambda x: _badness(state, t, x), reverse=True)
        move, best_change, ties = None, None, 0
        for u in sample[:wanted]:
            a_group = state.group_of[t][units[u][0]]
            if partners is None:
                found = _best_move(state, t, u, a_group, tabu, step, best_cost, rng)
            else:
                found = _best_swap(state, t, u, a_group, partners[t][u], tabu, step, best_cost, rng)
            if found is None:
                continue
            change, v, b_group = found
            if best_change is None or change < best_change:
                move, best_change, ties = (u, a_group, v, b_group), change, 1
            elif change == best_change:
                ties += 1
                if rng.randrange(ties) == 0:
                    move = (u, a_group, v, b_group)
        if move is None:
            continue
        u, a_group, v, b_group = move
        state.apply(t, u, a_group, v, b_group, best_change)
        tenure = 4 + rng.randrange(max(4, average // 2))
        tabu[(t, u, a_group)] = step + tenure
        if v >= 0:
            tabu[(t, v, b_group)] = step + tenure
        if state.cost < best_cost:
            best_cost, last_gain = state.cost, step
        if state.key < best_key:
            best_key, best_plan, last_gain = state.key, state.snapshot(), step
            if best_key <= lower:
                stopped = "bound"
                break
        if step % 64 == 63:
            _adapt(state)
            best_cost = min(best_cost, state.cost)
        if step - last_gain > patience:
            state.load(best_plan)
            _shake(state, rng, movable, max(2, average // 8), partners)
            tabu.clear()
            best_cost, last_gain = state.cost, step
    if state.key != best_key:
        state.load(best_plan)
    return stopped


def _adapt(state):
    """Adaptive penalty weight: while the plan has repeats their weight grows, while it has none it shrinks again,
    so the walk can cross plans with a repeat to reach fewer same-domain pairs."""
    _, repeats = state.parts()
    w = state.search
    w.rep = min(400, w.rep + 2) if repeats else max(6, w.rep - 1)
    state.cost = state.total()


def _best_move(state, t, u, a_group, tabu, step, best_cost, rng):
    """The best allowed move of unit u (a relocation or a swap): (change, v, b_group), or None."""
    unit_of = state.unit_of[t]
    move, best_change, ties = None, None, 0
    for b_group, group in enumerate(state.members[t]):
        if b_group == a_group:
            continue
        u_tabu = tabu.get((t, u, b_group), -1) > step
        candidates = [-1]
        seen = set()
        for y in group:
            v = unit_of[y]
            if v not in seen:
                seen.add(v)
                candidates.append(v)
        for v in candidates:
            change = state.delta(t, u, a_group, v, b_group)
            if change is None:
                continue
            if (
                u_tabu or (v >= 0 and tabu.get((t, v, a_group), -1) > step)
            ) and state.cost + change >= best_cost:
                continue
            if best_change is None or change < best_change:
                move, best_change, ties = (change, v, b_group), change, 1
            elif change == best_change:
                ties += 1
                if rng.randrange(ties) == 0:
                    move = (change, v, b_group)
    return move


def _best_swap(state, t, u, a_group, mates, tabu, step, best_cost, rng):
    """The best allowed swap of unit u with one of `mates` in another group: (change, v, b_group), or None."""
    units, group_of = state.units[t], state.group_of[t]
    u_key = (t, u)
    move, best_change, ties = None, None, 0
    for v in mates:
        b_group = group_of[units[v][0]]
        if b_group == a_group:
            continue
        change = state.delta(t, u, a_group, v, b_group)
        if change is None:
            continue
        if (
            tabu.get(u_key + (b_group,), -1) > step or tabu.get((t, v, a_group), -1) > step
        ) and state.cost + change >= best_cost:
            continue
        if best_change is None or change < best_change:
            move, best_change, ties = (change, v, b_group), change, 1
        elif change == best_change:
            ties += 1
            if rng.randrange(ties) == 0:
                move = (change, v, b_group)
    return move


def _shake(state, rng, movable, swaps, partners=None):
    """A few random swaps of units that keep the hard rules (and, with partners, the kinds), to leave a local
    optimum."""
    for _ in range(swaps * 4):
        if swaps <= 0:
            return
        t = movable[rng.randrange(len(movable))]
        units = state.units[t]
        u = rng.randrange(len(units))
        if partners is None:
            v = rng.randrange(len(units))
        elif partners[t][u]:
            v = partners[t][u][rng.randrange(len(partners[t][u]))]
        else:
            continue
        a_group = state.group_of[t][units[u][0]]
        b_group = state.group_of[t][units[v][0]]
        if a_group == b_group:
            continue
        change = state.delta(t, u, a_group, v, b_group)
        if change is not None and change < state.search.hard:
            state.apply(t, u, a_group, v, b_group, change)
            swaps -= 1
