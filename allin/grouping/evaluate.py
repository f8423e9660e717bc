"""Scoring and checking a finished plan from scratch, independent of the search's incremental bookkeeping."""

from itertools import combinations

from .bounds import pairs


def spread_penalty(count, total, groups):
    """How far one group is from a fair share of a kind of person (experts, a role).

    With at least one per group available, a group with none is a fault; with fewer than the groups, a second
    one in a group is a fault (it leaves another group without)."""
    if total >= groups:
        return 1 if count == 0 else 0
    return max(0, count - 1)


def expert_limits(experts, groups, per_group=0):
    """The hard expert rule of a round as (fewest, most) experts per group: one in every group when there are at
    least as many experts as groups (or the demanded number), else at most one per group ("in elke groep een
    ervaringsdeskundige")."""
    if groups and experts >= groups:
        return max(1, per_group), experts
    return per_group, 1


def expert_faults(count, low, high):
    return max(0, low - count) + max(0, count - high)


def check(problem, rounds):
    """The hard rules a plan breaks, as (rule, English sentence) pairs; [] when it keeps them all. The rules:
    the held rounds exactly as held, everyone present seated once, sizes, together, apart, the expert rule."""
    faults = []
    if len(rounds) != len(problem.present):
        return [("input", f"plan has {len(rounds)} rounds, the problem {len(problem.present)}")]
    for r, groups in enumerate(rounds):
        if r < problem.held:
            if groups != problem.history[r]:
                faults.append(("history", f"round {r + 1}: history changed"))
            continue
        seated = [p for group in groups for p in group]
        if sorted(seated) != problem.present[r]:
            faults.append(
                ("present", f"round {r + 1}: the people in groups are not exactly the people present")
            )
        fewest, most = problem.group_range[r]
        if not fewest <= len(groups) <= most:
            faults.append(("sizes", f"round {r + 1}: {len(groups)} groups, not {fewest} to {most}"))
        experts = sum(problem.expert[p] for p in problem.present[r])
        low, high = expert_limits(experts, len(groups), problem.experts_per_group)
        group_of = {}
        for g, group in enumerate(groups):
            if not problem.min_size <= len(group) <= problem.max_size:
                faults.append(("sizes", f"round {r + 1}: a group of {len(group)}"))
            if expert_faults(sum(problem.expert[p] for p in group), low, high):
                faults.append(
                    (
                        "experts",
                        f"round {r + 1}: a group with {'too few' if low > 1 else 'no'} or too many experts",
                    )
                )
            for p in group:
                group_of[p] = g
        for a, b in problem.together:
            if a in group_of and b in group_of and group_of[a] != group_of[b]:
                faults.append(
                    ("together", f"round {r + 1}: together pair {problem.ids[a]!r}, {problem.ids[b]!r} split")
                )
        for a, b in problem.apart:
            if a in group_of and b in group_of and group_of[a] == group_of[b]:
                faults.append(
                    ("apart", f"round {r + 1}: apart pair {problem.ids[a]!r}, {problem.ids[b]!r} together")
                )
    return faults


def score(problem, rounds):
    """The plan's figures: repeats in the planned rounds (counting history; not pairs that must sit together),
    coverage, and the other goals."""
    met = {}
    repeats = triples = expert_breaks = same_domain = role_faults = 0
    for r, groups in enumerate(rounds):
        planned = r >= problem.held
        members = problem.present[r]
        experts = sum(problem.expert[p] for p in members)
        role_totals = {}
        for p in members:
            if problem.role[p]:
                role_totals[problem.role[p]] = role_totals.get(problem.role[p], 0) + 1
        for group in groups:
            for a, b in combinations(sorted(group), 2):
                if planned and met.get((a, b), 0) and problem.company[a] != problem.company[b]:
                    repeats += 1
                    triples += met[(a, b)] >= 2
                met[(a, b)] = met.get((a, b), 0) + 1
            if not planned:
                continue
            low, high = expert_limits(experts, len(groups), problem.experts_per_group)
            expert_breaks += expert_faults(sum(problem.expert[p] for p in group), low, high)
            domains, roles = {}, {}
            for p in group:
                if problem.domain[p]:
                    domains[problem.domain[p]] = domains.get(problem.domain[p], 0) + 1
                if problem.role[p]:
                    roles[problem.role[p]] = roles.get(problem.role[p], 0) + 1
            same_domain += sum(pairs(c) for c in domains.values())
            role_faults += sum(
                spread_penalty(roles.get(role, 0), total, len(groups)) for role, total in role_totals.items()
            )
    return {
        "repeats": repeats,
        "third_meetings": triples,
        "pairs_covered": len(met),
        "pairs_possible": pairs(problem.n),
        "expert_violations": expert_breaks,
        "same_domain_pairs": same_domain,
        "role_violations": role_faults,
    }
