"""Reading and checking a grouping problem: the JSON contract of `python -m allin.grouping`.

Ids are the caller's (strings or integers); inside, people are numbered 0..n-1 in input order.
"rounds" lists every meeting of the series; the first len(history) of them are held and fixed: their groups are
the history, verbatim, and their presence is whoever sat in them.
"""

from dataclasses import dataclass, field

MAX_PEOPLE = 2000
MAX_ROUNDS = 100
MAX_TIME_LIMIT = 60.0
DEFAULT_TIME_LIMIT = 1.0


class ProblemError(ValueError):
    """The problem cannot be solved as given; the message (English, for the command line) names what is wrong.

    rule: which hard rule cannot be kept ("sizes", "together", "apart", "experts") or "input" for input that is
    not a valid problem; params: the figures a caller needs to say it in its own language (allin.groups does, in
    Dutch)."""

    def __init__(self, message, rule="input", **params):
        super().__init__(message)
        self.rule = rule
        self.params = params


@dataclass
class Problem:
    ids: list  # caller's id per person index
    domain: list  # domain string per person ('' = none)
    role: list  # role string per person ('' = none)
    expert: list  # bool per person
    present: list  # per round: sorted list of person indices
    history: list  # per held round: list of groups (lists of person indices)
    min_size: int
    max_size: int
    together: list  # pairs of person indices
    apart: list  # pairs of person indices
    seed: int = 0
    time_limit: float = DEFAULT_TIME_LIMIT
    experts_per_group: int = 0  # hard demand; 0 = only the soft goal
    iterations: int | None = None  # work budget in moves; None = derived from the time limit
    groups_per_round: list = field(default_factory=list)  # number of groups per round (held rounds: as held)
    group_range: list = field(default_factory=list)  # per round (fewest, most) groups the sizes allow
    listed: int = 0  # people in 'people'; people only in the history (who left) come after them
    company: list = field(
        default_factory=list
    )  # per person: their together-component (pairs in one never repeat)

    @property
    def n(self):
        return len(self.ids)

    @property
    def held(self):
        return len(self.history)


def _is_id(value):
    return isinstance(value, str | int) and not isinstance(value, bool)


def _int(data, key, default, low, high):
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ProblemError(f"'{key}' must be a whole number from {low} to {high}, got {value!r}")
    return value


def number_of_groups(count, min_size, max_size):
    """The fewest groups that fit `count` people with sizes in [min_size, max_size]; None if none fits."""
    if count == 0:
        return 0
    groups = -(-count // max_size)
    return groups if groups * min_size <= count else None


def group_range(count, min_size, max_size):
    """(fewest, most) groups that fit `count` people with sizes in [min_size, max_size]; None if none fits."""
    fewest = number_of_groups(count, min_size, max_size)
    if fewest is None:
        return None
    return fewest, count // min_size if count else 0


def _people(data):
    people = data.get("people")
    if not isinstance(people, list) or not people:
        raise ProblemError("'people' must be a non-empty list")
    if len(people) > MAX_PEOPLE:
        raise ProblemError(f"at most {MAX_PEOPLE} people, got {len(people)}")
    index, domains, roles, experts = {}, [], [], []
    for number, person in enumerate(people):
        if not isinstance(person, dict) or not _is_id(person.get("id")):
            raise ProblemError(f"people[{number}] needs an 'id' (a string or a whole number)")
        pid = person["id"]
        if pid in index:
            raise ProblemError(f"person id {pid!r} appears twice")
        index[pid] = number
        for key in ("domain", "role"):
            if not isinstance(person.get(key, "") or "", str):
                raise ProblemError(f"person {pid!r}: '{key}' must be a string")
        domains.append(person.get("domain") or "")
        roles.append(person.get("role") or "")
        if not isinstance(person.get("expert", False), bool):
            raise ProblemError(f"person {pid!r}: 'expert' must be true or false")
        experts.append(person.get("expert", False))
    return index, domains, roles, experts


def _lookup(index, pid, where):
    if not _is_id(pid) or pid not in index:
        raise ProblemError(f"{where}: unknown person id {pid!r}")
    return index[pid]


def _pairs(data, key, index):
    pairs = data.get(key, [])
    if not isinstance(pairs, list):
        raise ProblemError(f"'{key}' must be a list of [id, id] pairs")
    result = []
    for number, pair in enumerate(pairs):
        if not isinstance(pair, list) or len(pair) != 2:
            raise ProblemError(f"{key}[{number}] must be a pair [id, id]")
        a, b = (_lookup(index, pid, f"{key}[{number}]") for pid in pair)
        if a == b:
            raise ProblemError(f"{key}[{number}] pairs person {pair[0]!r} with themself")
        result.append((min(a, b), max(a, b)))
    return sorted(set(result))


def _history(data, index, ids):
    """The held rounds verbatim. A person in the history who is not in 'people' has left the series: they are
    taken in (after the listed people) so that their meetings stay counted, and are never placed again."""
    history = data.get("history", [])
    if not isinstance(history, list):
        raise ProblemError("'history' must be a list of rounds, each a list of groups of ids")
    rounds = []
    for r, groups in enumerate(history):
        if not isinstance(groups, list):
            raise ProblemError(f"history[{r}] must be a list of groups (lists of ids)")
        seen, round_groups = set(), []
        for g, group in enumerate(groups):
            if not isinstance(group, list):
                raise ProblemError(f"history[{r}][{g}] must be a list of ids")
            members = []
            for pid in group:
                if not _is_id(pid):
                    raise ProblemError(
                        f"history[{r}][{g}]: {pid!r} is not an id (a string or a whole number)"
                    )
                if pid not in index:
                    index[pid] = len(ids)
                    ids.append(pid)
                members.append(index[pid])
            for person in members:
                if person in seen:
                    raise ProblemError(f"history[{r}]: person {ids[person]!r} sits in two groups")
                seen.add(person)
            if members:
                round_groups.append(members)
        rounds.append(round_groups)
    return rounds


def _presence(data, index, n, held):
    rounds = data.get("rounds")
    if isinstance(rounds, int) and not isinstance(rounds, bool):
        if not 1 <= rounds <= MAX_ROUNDS:
            raise ProblemError(f"'rounds' must be from 1 to {MAX_ROUNDS}, got {rounds}")
        return [list(range(n)) for _ in range(rounds)]
    if not isinstance(rounds, list) or not rounds or len(rounds) > MAX_ROUNDS:
        raise ProblemError(f"'rounds' must be a number or a list of 1 to {MAX_ROUNDS} rounds with 'present'")
    present = []
    for r, entry in enumerate(rounds):
        if r < held:
            present.append(None)  # filled from the history
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("present"), list):
            raise ProblemError(f"rounds[{r}] must be an object with a 'present' list of ids")
        members = {_lookup(index, pid, f"rounds[{r}].present") for pid in entry["present"]}
        present.append(sorted(members))
    return present


def _check_together(problem):
    parent = list(range(problem.n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in problem.together:
        parent[find(a)] = find(b)
    for a, b in problem.apart:
        if find(a) == find(b):
            ids = problem.ids
            raise ProblemError(
                f"people {ids[a]!r} and {ids[b]!r} must sit apart but also together",
                rule="together_apart",
                a=ids[a],
                b=ids[b],
            )
    problem.company = [find(person) for person in range(problem.n)]
    sizes = {}
    for person in range(problem.n):
        sizes[find(person)] = sizes.get(find(person), 0) + 1
    biggest = max(sizes.values())
    if biggest > problem.max_size:
        raise ProblemError(
            f"{biggest} people must sit together, more than the group size max {problem.max_size}",
            rule="together",
            people=biggest,
            max=problem.max_size,
        )


def parse(data):
    """Check a problem (the JSON object as a dict) and return a Problem; raise ProblemError naming the fault."""
    if not isinstance(data, dict):
        raise ProblemError("the problem must be a JSON object")
    index, domains, roles, experts = _people(data)
    listed = len(index)
    sizes = data.get("group_size")
    if not isinstance(sizes, dict):
        raise ProblemError('\'group_size\' must be an object {"min": m, "max": M}')
    min_size = _int(sizes, "min", 1, 1, MAX_PEOPLE)
    max_size = _int(sizes, "max", None, 1, MAX_PEOPLE)
    if min_size > max_size:
        raise ProblemError(
            f"impossible group sizes: min {min_size} is more than max {max_size}",
            rule="sizes",
            min=min_size,
            max=max_size,
        )
    ids = list(index)
    history = _history(data, index, ids)
    for _ in range(len(ids) - listed):  # people who left: only in the history
        domains.append("")
        roles.append("")
        experts.append(False)
    present = _presence(data, index, listed, len(history))
    if len(history) > len(present):
        raise ProblemError(f"{len(history)} held rounds in 'history' but only {len(present)} rounds in all")
    for r, groups in enumerate(history):
        present[r] = sorted(p for group in groups for p in group)
    time_limit = data.get("time_limit", DEFAULT_TIME_LIMIT)
    if not isinstance(time_limit, int | float) or isinstance(time_limit, bool):
        raise ProblemError("'time_limit' must be a number of seconds")
    if not 0 < time_limit <= MAX_TIME_LIMIT:
        raise ProblemError(f"'time_limit' must be more than 0 and at most {MAX_TIME_LIMIT:g} seconds")
    iterations = data.get("iterations")
    if iterations is not None:
        iterations = _int(data, "iterations", None, 0, 10**9)
    problem = Problem(
        ids=ids,
        domain=domains,
        role=roles,
        expert=experts,
        present=present,
        history=history,
        min_size=min_size,
        max_size=max_size,
        together=_pairs(data, "together", index),
        apart=_pairs(data, "apart", index),
        seed=_int(data, "seed", 0, -(2**63), 2**63),
        time_limit=float(time_limit),
        experts_per_group=_int(data, "experts_per_group", 0, 0, max_size),
        iterations=iterations,
        listed=listed,
    )
    _check_together(problem)
    for r, members in enumerate(present):
        if r < problem.held:
            problem.group_range.append((len(history[r]), len(history[r])))
            continue
        span = group_range(len(members), min_size, max_size)
        if span is None:
            raise ProblemError(
                f"impossible group sizes in round {r + 1}: {len(members)} people present "
                f"cannot be split into groups of {min_size} to {max_size}",
                rule="sizes",
                round=r + 1,
                people=len(members),
                min=min_size,
                max=max_size,
            )
        fewest, most = span
        if problem.experts_per_group:
            present_experts = sum(1 for p in members if experts[p])
            most = min(most, present_experts // problem.experts_per_group)
            if most < fewest:
                needed = fewest * problem.experts_per_group
                raise ProblemError(
                    f"more experts demanded than exist in round {r + 1}: {fewest} groups need "
                    f"{needed} experts, {present_experts} are present",
                    rule="experts",
                    round=r + 1,
                    needed=needed,
                    present=present_experts,
                )
        problem.group_range.append((fewest, most))
    problem.groups_per_round = [fewest for fewest, _ in problem.group_range]
    return problem
