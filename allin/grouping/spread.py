"""A domain-first start and the moves that keep its spread.

When people have domains (or some are experience experts), the greedy start of search.py seats each person where
they add the fewest repeats first; late in a round that leaves only groups that already hold their domain, and the
search then has to trade repeats against same-domain pairs. Here the order is turned round: each round is *dealt*
domain by domain over the groups (the way one deals cards: the together-units and experts first, then the largest
domain, each person to the group with the fewest of their kind and the most room left), so every round starts with
its domains and experts spread as evenly as the group sizes allow. The search then removes the repeats with swaps
of two units of the same *kind* (same domains, same number of experts, same size) between two groups of a round:
such a swap never changes a group's domains, experts or size, so the spread found here is kept while the repeats go.
"""

import time

from .bounds import balanced_sizes
from .problem import ProblemError
from .search import count_meetings, fill_small_groups
from .state import Weights


def unit_kind(state, t, u):
    """What a swap must keep: the unit's domains, its experts and its size."""
    return tuple(sorted(state.unit_domains[t][u])), state.unit_experts[t][u], len(state.units[t][u])


def kinds(state):
    """Per planned round, per unit: the other units of the same kind (the partners of a kind-keeping swap)."""
    result = []
    for t in range(len(state.rounds)):
        by_kind = {}
        for u in range(len(state.units[t])):
            by_kind.setdefault(unit_kind(state, t, u), []).append(u)
        result.append(
            [[v for v in by_kind[unit_kind(state, t, u)] if v != u] for u in range(len(state.units[t]))]
        )
    return result


def wanted(problem):
    """Dealing pays off when there is a kind to spread: domains or experts."""
    return any(problem.domain) or any(problem.expert)


def dealt_start(problem, units_per_round, rng):
    """Each planned round dealt over its groups: units of two or more and experts first, then domain by domain
    (largest domain first), each unit to the allowed group with no apart partner, the fewest experts (if it is
    one) and of its domains, then of its roles, then the most room left, then the fewest earlier meetings."""
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
        rng.shuffle(caps)
        groups = [[] for _ in range(count)]
        domain_size = {}
        for p in problem.present[r]:
            domain_size[problem.domain[p]] = domain_size.get(problem.domain[p], 0) + 1
        tie = {d: rng.random() for d in sorted(domain_size)}
        rank = {
            d: i for i, d in enumerate(sorted(domain_size, key=lambda d: (not d, -domain_size[d], tie[d])))
        }
        units = list(units_per_round[t])
        keys = {id(u): rng.random() for u in units}

        def order(unit, keys=keys, rank=rank):
            experts = sum(problem.expert[p] for p in unit)
            return (-len(unit), -experts, min(rank[problem.domain[p]] for p in unit), keys[id(unit)])

        units.sort(key=order)
        counts = [{} for _ in range(count)]
        experts = [0] * count
        for unit in units:
            room = [g for g in range(count) if len(groups[g]) + len(unit) <= caps[g]]
            if not room:
                room = [g for g in range(count) if len(groups[g]) + len(unit) <= problem.max_size]
            if not room:
                raise ProblemError(
                    f"round {r + 1}: the people who must sit together do not fit in the groups"
                )
            unit_experts = sum(problem.expert[p] for p in unit)
            best = min(
                room,
                key=lambda g, unit=unit, e=unit_experts: (
                    sum(1 for p in unit for x in groups[g] if x in apart[p]),
                    experts[g] * e,
                    sum(counts[g].get(problem.domain[p], 0) for p in unit if problem.domain[p]),
                    _same_role(problem, unit, groups[g]),
                    len(groups[g]) - caps[g],
                    sum(1 for p in unit for x in groups[g] if meet[p][x]),
                    rng.random(),
                ),
            )
            groups[best].extend(unit)
            experts[best] += unit_experts
            for p in unit:
                counts[best][problem.domain[p]] = counts[best].get(problem.domain[p], 0) + 1
        fill_small_groups(problem, groups, units_per_round[t], r)
        for group in groups:
            count_meetings(meet, group)
        plan.append(groups)
    return plan


def _same_role(problem, unit, group):
    return sum(1 for p in unit for x in group if problem.role[p] and problem.role[p] == problem.role[x])


def repair(state, rng, deadline=None, passes=4):
    """Moves (swaps, or one unit to another group) that lower a round's apart, expert and domain faults, in that
    order (roles, then repeats break ties), tried for the units that sit in a group with such a fault: dealing
    greedily can leave a round a swap or two short of its best spread."""
    fix = Weights(hard=10**12, rep=1, dom=10**9, role=10**6, tri=0, size=10**3)
    problem = state.problem
    for t, r in enumerate(state.rounds):
        units = state.units[t]
        groups = len(state.members[t])
        if groups < 2:
            continue
        share = {}
        for p in problem.present[r]:
            if problem.domain[p]:
                share[problem.domain[p]] = share.get(problem.domain[p], 0) + 1
        share = {d: -(-c // groups) for d, c in share.items()}
        share[None] = -(-state.experts_total[t] // groups)
        for _ in range(passes):
            if deadline is not None and time.perf_counter() > deadline:
                return
            improved = False
            for u in sorted(range(len(units)), key=lambda _: rng.random()):
                a_group = state.group_of[t][units[u][0]]
                if not _faulty(state, t, u, a_group, share):
                    continue
                best, move = 0, None
                for v in range(-1, len(units)):
                    for b_group in (
                        range(len(state.members[t])) if v < 0 else (state.group_of[t][units[v][0]],)
                    ):
                        if b_group == a_group:
                            continue
                        change = state.delta(t, u, a_group, v, b_group, fix)
                        if change is not None and change < best:
                            best, move = change, (v, b_group)
                if move:
                    v, b_group = move
                    state.apply(t, u, a_group, v, b_group, state.delta(t, u, a_group, v, b_group))
                    improved = True
            if not improved:
                break


def _faulty(state, t, u, g, share):
    """Whether unit u sits where it breaks an apart pair, or where its group holds more of its domain (or more
    experts) than an even spread over the round's groups would give."""
    problem = state.problem
    domains = state.domains[t][g]
    if any(
        domains[problem.domain[p]] > share[problem.domain[p]] for p in state.units[t][u] if problem.domain[p]
    ):
        return True
    if state.unit_experts[t][u] and state.experts[t][g] > share[None]:
        return True
    return any(state.group_of[t][z] == g for p in state.units[t][u] for z in state.apart[p])
