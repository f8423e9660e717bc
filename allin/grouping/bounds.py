"""What is possible at best: the arithmetic behind "everyone meets everyone" and the optimiser's lower bounds.

In a group of at most s people a person meets at most s - 1 others, so in k meetings at most k(s - 1) others:
everyone meets everyone (n people) in k meetings is possible only if n - 1 <= k(s - 1), i.e. n <= k(s - 1) + 1.
"""


def _ceil_div(a, b):
    return -(-a // b)


def pairs(n):
    return n * (n - 1) // 2


def rounds_for_everyone(people, max_size):
    """The fewest meetings in which each of `people` could meet all others; None if groups are of one."""
    if people <= 1:
        return 0
    if max_size <= 1:
        return None
    return _ceil_div(people - 1, max_size - 1)


def max_people_for_everyone(rounds, max_size):
    """The most people that can all meet each other in `rounds` meetings with groups of at most max_size."""
    return rounds * max(max_size - 1, 0) + 1


def pair_meetings_per_round(people, max_size):
    """The most pairs one round can seat together: as many full groups as fit, the rest in one group."""
    full, rest = divmod(people, max_size)
    return full * pairs(max_size) + pairs(rest)


def meetings_still_needed(unmet_per_person, unmet_pairs, people, max_size):
    """A lower bound on the meetings still needed before every pair has met.

    unmet_per_person: for each person, how many others they have not met yet; unmet_pairs: how many pairs not yet.
    Each meeting a person meets at most max_size - 1 new people, and a meeting seats at most
    pair_meetings_per_round pairs. None if groups of one can never get there.
    """
    if unmet_pairs == 0:
        return 0
    if max_size <= 1:
        return None
    per_person = _ceil_div(max(unmet_per_person, default=0), max_size - 1)
    per_round = pair_meetings_per_round(people, max_size)
    return max(per_person, _ceil_div(unmet_pairs, per_round) if per_round else 0)


def balanced_sizes(count, groups):
    """Sizes of `groups` groups holding `count` people as evenly as possible (largest first)."""
    if groups == 0:
        return []
    base, extra = divmod(count, groups)
    return [base + 1] * extra + [base] * (groups - extra)


def spread_minimum(count, groups):
    """Fewest same-kind pairs when `count` people of one kind are spread over `groups` groups."""
    if groups == 0:
        return 0
    base, extra = divmod(count, groups)
    return extra * pairs(base + 1) + (groups - extra) * pairs(base)


def repeats_lower_bound(
    met_before, present_rounds, groups_per_round, min_size, max_size, n, company=None, apart=(), separate=None
):
    """A lower bound on repeated encounters in the planned rounds.

    met_before: set of pairs (a, b), a < b, that met in the history. present_rounds: for each planned round the
    people present; groups_per_round: how many groups that round has. Person i sits with at least (smallest group - 1)
    others per round, and can meet each person who is ever present with them and not met before only once
    without repeating; every repeat is counted by both people in it. company: per person a together-component;
    pairs within one are not counted as repeats, so people in a component of two or more are left out.
    apart: pairs (a, b), a < b, that never meet. separate: per planned round the people no two of whom may share
    a group there (the experts when there are no more of them than groups), or None.

    When `separate` holds the same people in every round they never meet each other, so a repeat has at most one
    of them in it: their own excess counts in full, the others' for what it exceeds theirs, by halves (16 in
    fours over 5 rounds with one of 4 experts at every table: each expert sits 15 times with 12 others, 12
    repeats, where halving everybody's excess gives 6).
    """
    company = company or list(range(n))
    tied = {c for c in company if company.count(c) > 1} if len(set(company)) < n else set()
    apart = set(apart)
    need = [0] * n
    partners = [set() for _ in range(n)]
    total_meetings = 0
    for t, (members, groups) in enumerate(zip(present_rounds, groups_per_round, strict=True)):
        if not groups:
            continue
        smallest = max(min_size, len(members) - (groups - 1) * max_size)
        total_meetings += sum(pairs(s) for s in balanced_sizes(len(members), groups))
        if tied:
            in_company = {}
            for person in members:
                in_company[company[person]] = in_company.get(company[person], 0) + 1
            total_meetings -= sum(pairs(c) for c in in_company.values())
        kept = separate[t] if separate is not None else ()
        others = [p for p in members if p not in kept] if kept else members
        for person in members:
            need[person] += smallest - 1
            partners[person].update(others if person in kept else members)
    excess = [0] * n
    fresh_pairs = set()
    for person in range(n):
        if company[person] in tied:
            continue
        fresh = {
            other
            for other in partners[person]
            if other != person
            and company[other] != company[person]
            and (min(person, other), max(person, other)) not in met_before
            and (min(person, other), max(person, other)) not in apart
        }
        excess[person] = max(0, need[person] - len(fresh))
        fresh_pairs.update((min(person, other), max(person, other)) for other in fresh)
    by_person = _ceil_div(sum(excess), 2)
    always = set.intersection(*map(set, separate)) if separate else set()
    if len(always) > 1:
        own = sum(excess[p] for p in always)
        by_person = max(by_person, own + _ceil_div(max(0, sum(excess) - 2 * own), 2))
    return max(by_person, total_meetings - len(fresh_pairs))


def held_rounds_bound(history, present_rounds, groups_per_round, company=None):
    """A lower bound on repeats from the pigeonhole principle: the people of one held group who are present in a
    planned round with G groups meet again at least spread_minimum(present, G) times there (three tables of five
    after three tables of five: every new table holds two people of one old table). Pairs met in different held
    groups of one round are different pairs, so a held round's groups add up; per planned round the best held
    round counts. Left out (0) when people must sit together, whose meetings are not repeats."""
    if company is not None and len(set(company)) < len(company):
        return 0
    total = 0
    for members, groups in zip(present_rounds, groups_per_round, strict=True):
        if groups < 1:
            continue
        here = set(members)
        total += max(
            (
                sum(spread_minimum(len(here.intersection(group)), groups) for group in held)
                for held in history
            ),
            default=0,
        )
    return total


def describe(people, rounds, max_size):
    """The bound in words (English, for the command line) and figures."""
    needed = rounds_for_everyone(people, max_size)
    most = max_people_for_everyone(rounds, max_size)
    possible = needed is not None and needed <= rounds
    text = (
        f"everyone meets everyone in {rounds} rounds with groups of at most {max_size} is possible only for at "
        f"most {most} people; {people} people need at least "
        + (f"{needed} rounds" if needed is not None else "groups of two or more")
    )
    return {
        "rounds_for_everyone": needed,
        "max_people_for_everyone": most,
        "everyone_can_meet": possible,
        "text": text,
    }
