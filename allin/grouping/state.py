"""The search state: planned rounds of groups with every count the cost needs, kept up to date per move.

A move takes a unit (people who must sit together; usually one person) from group A to group B of one round,
optionally taking a unit of B back to A (a swap). Its cost change is computed from the two groups only: which
pairs start or stop meeting (repeats), apart pairs, the experts, domains and roles of A and B, and their sizes.
"""

from .bounds import pairs
from .evaluate import expert_faults, expert_limits, spread_penalty


class Weights:
    def __init__(self, hard, rep, dom, role, tri, size):
        self.hard, self.rep, self.dom, self.role, self.tri, self.size = hard, rep, dom, role, tri, size


# The search walks on a weighted cost, so that on the way it may trade a repeat for fewer same-domain pairs;
# it keeps the best plan by the strictly lexicographic key. The weight of repeats adapts (search.py).
def search_weights():
    return Weights(hard=10_000, rep=30, dom=20, role=2, tri=1, size=1)


def weights(problem):
    """Strictly lexicographic weights: each goal outweighs the most any lower goal can add up to. The order is
    the issue's: hard rules, repeats, same-domain pairs, roles (youth at every table), then pairs meeting a third
    time or more (repeats spread over more pairs), then balanced sizes."""
    people = sum(len(problem.present[r]) for r in range(problem.held, len(problem.present)))
    most_pairs = sum(pairs(problem.max_size) * (most or 1) for _, most in problem.group_range) + 1
    roles = len({r for r in problem.role if r}) + 1
    size = people * problem.max_size + 1
    tri = size * (people * problem.max_size + 1)
    role = tri * (most_pairs + 1)
    domain = role * (people * roles + 1)
    repeat = domain * (most_pairs + 1)
    hard = repeat * (most_pairs + 1)
    return Weights(hard, repeat, domain, role, tri, size)


class State:
    def __init__(self, problem, plan):
        """plan: for each planned round a list of groups (lists of person indices) that keeps the together rule."""
        self.problem = problem
        n = problem.n
        self.lex = weights(problem)
        self.search = search_weights()
        self.apart = [[] for _ in range(n)]
        for a, b in problem.apart:
            self.apart[a].append(b)
            self.apart[b].append(a)
        self.meet = [bytearray(n) for _ in range(n)]
        for groups in problem.history:
            for group in groups:
                self._meet(group, 1)
        self.history_repeats = self._repeats()
        self.history_triples = self._repeats(3)
        self.rounds = list(range(problem.held, len(problem.present)))
        self.experts_total, self.role_total, self.groups, self.exp_limits = [], [], [], []
        for r in self.rounds:
            members = problem.present[r]
            self.experts_total.append(sum(problem.expert[p] for p in members))
            totals = {}
            for p in members:
                if problem.role[p]:
                    totals[problem.role[p]] = totals.get(problem.role[p], 0) + 1
            self.role_total.append(totals)
            self.groups.append(problem.groups_per_round[r])
            self.exp_limits.append(
                expert_limits(self.experts_total[-1], self.groups[-1], problem.experts_per_group)
            )
        self._units(problem)
        self.load(plan)

    def _units(self, problem):
        """Per planned round: the together-components of the people present."""
        self.unit_of, self.units = [], []
        for r in self.rounds:
            present = set(problem.present[r])
            parent = {p: p for p in present}

            def find(x, parent=parent):
                while parent[x] != x:
                    parent[x] = parent[parent[x]]
                    x = parent[x]
                return x

            for a, b in problem.together:
                if a in present and b in present:
                    parent[find(a)] = find(b)
            unit_of = [-1] * problem.n
            units, index = [], {}
            for p in problem.present[r]:
                root = find(p)
                if root not in index:
                    index[root] = len(units)
                    units.append([])
                units[index[root]].append(p)
                unit_of[p] = index[root]
            self.unit_of.append(unit_of)
            self.units.append(units)
        self.unit_domains = [
            [[problem.domain[p] for p in u if problem.domain[p]] for u in us] for us in self.units
        ]
        self.unit_roles = [[[problem.role[p] for p in u if problem.role[p]] for u in us] for us in self.units]
        self.unit_experts = [[sum(problem.expert[p] for p in u) for u in us] for us in self.units]

    def _meet(self, group, step):
        meet = self.meet
        for i, a in enumerate(group):
            row = meet[a]
            for b in group[i + 1 :]:
                row[b] += step
                meet[b][a] += step

    def load(self, plan):
        """Replace the planned rounds by `plan` and recount everything."""
        problem = self.problem
        if hasattr(self, "members"):
            for groups in self.members:
                for group in groups:
                    self._meet(group, -1)
        self.members = [[list(g) for g in groups] for groups in plan]
        self.group_of, self.domains, self.roles, self.experts = [], [], [], []
        for groups in self.members:
            group_of = [-1] * problem.n
            domains, roles, experts = [], [], []
            for g, group in enumerate(groups):
                self._meet(group, 1)
                d, ro = {}, {}
                for p in group:
                    group_of[p] = g
                    if problem.domain[p]:
                        d[problem.domain[p]] = d.get(problem.domain[p], 0) + 1
                    if problem.role[p]:
                        ro[problem.role[p]] = ro.get(problem.role[p], 0) + 1
                domains.append(d)
                roles.append(ro)
                experts.append(sum(problem.expert[p] for p in group))
            self.group_of.append(group_of)
            self.domains.append(domains)
            self.roles.append(roles)
            self.experts.append(experts)
        self.cost = self.total()
        self.key = self.total(self.lex)

    def parts(self):
        """The current (hard faults, repeats) from the lexicographic key."""
        lex = self.lex
        return self.key // lex.hard, (self.key % lex.hard) // lex.rep

    def snapshot(self):
        return [[list(g) for g in groups] for groups in self.members]

    # -- cost -------------------------------------------------------------------------------------------------

    def group_cost(self, t, g, w):
        """Everything in the cost that belongs to one group, except repeats and apart pairs."""
        cost = w.size * len(self.members[t][g]) ** 2
        cost += w.hard * expert_faults(self.experts[t][g], *self.exp_limits[t])
        cost += w.dom * sum(c * (c - 1) // 2 for c in self.domains[t][g].values())
        roles = self.roles[t][g]
        cost += w.role * sum(
            spread_penalty(roles.get(role, 0), total, self.groups[t])
            for role, total in self.role_total[t].items()
        )
        return cost

    def _repeats(self, times=2):
        """Sum over pairs of (meetings - times + 1) where they met at least `times` times (times=2: the repeats;
        3: the third meetings and more); pairs that must sit together (directly or through others) do not count:
        their meetings are forced and never change in the search."""
        company = self.problem.company
        low = times - 1
        return sum(
            sum(c - low for b, c in enumerate(row[a + 1 :], a + 1) if c > low and company[a] != company[b])
            for a, row in enumerate(self.meet)
        )

    def total(self, w=None):
        """The cost counted from scratch (by default with the search weights)."""
        w = w or self.search
        cost = w.rep * (self._repeats() - self.history_repeats)
        cost += w.tri * (self._repeats(3) - self.history_triples)
        for t, groups in enumerate(self.members):
            for g, group in enumerate(groups):
                cost += self.group_cost(t, g, w)
                for a in group:
                    cost += w.hard * sum(1 for b in self.apart[a] if b > a and self.group_of[t][b] == g)
        return cost

    # -- moves ------------------------------------------------------------------------------------------------

    def delta(self, t, u, a_group, v, b_group, w=None):
        """Cost change of moving unit u from a_group to b_group and unit v (or -1: none) from b_group to a_group;
        None when the sizes would leave the bounds. w: the weights (default: the search's)."""
        w = w or self.search
        units = self.units[t]
        mine = units[u]
        theirs = units[v] if v >= 0 else ()
        members = self.members[t]
        group_a, group_b = members[a_group], members[b_group]
        size_a = len(group_a) - len(mine) + len(theirs)
        size_b = len(group_b) - len(theirs) + len(mine)
        problem = self.problem
        if not (
            problem.min_size <= size_a <= problem.max_size and problem.min_size <= size_b <= problem.max_size
        ):
            return None
        unit_of = self.unit_of[t]
        meet = self.meet
        rep = hard = tri = 0
        for p in mine:
            row = meet[p]
            for x in group_a:
                if row[x] >= 2 and unit_of[x] != u:
                    rep -= 1
                    if row[x] >= 3:
                        tri -= 1
            for y in group_b:
                if row[y] and unit_of[y] != v:
                    rep += 1
                    if row[y] >= 2:
                        tri += 1
            for z in self.apart[p]:
                gz = self.group_of[t][z]
                if gz == a_group and unit_of[z] != u:
                    hard -= 1
                elif gz == b_group and unit_of[z] != v:
                    hard += 1
        for p in theirs:
            row = meet[p]
            for y in group_b:
                if row[y] >= 2 and unit_of[y] != v:
                    rep -= 1
                    if row[y] >= 3:
                        tri -= 1
            for x in group_a:
                if row[x] and unit_of[x] != u:
                    rep += 1
                    if row[x] >= 2:
                        tri += 1
            for z in self.apart[p]:
                gz = self.group_of[t][z]
                if gz == b_group and unit_of[z] != v:
                    hard -= 1
                elif gz == a_group and unit_of[z] != u:
                    hard += 1
        change = w.rep * rep + w.hard * hard + w.tri * tri
        change += self._local_change(t, u, a_group, v, b_group, size_a, size_b, w)
        return change

    def _local_change(self, t, u, a_group, v, b_group, size_a, size_b, w):
        members = self.members[t]
        w_size = w.size
        change = w_size * (
            size_a * size_a + size_b * size_b - len(members[a_group]) ** 2 - len(members[b_group]) ** 2
        )
        dom_u = self.unit_domains[t][u]
        dom_v = self.unit_domains[t][v] if v >= 0 else ()
        if dom_u or dom_v:
            change += w.dom * (
                _pair_change(self.domains[t][a_group], dom_u, dom_v)
                + _pair_change(self.domains[t][b_group], dom_v, dom_u)
            )
        exp_u = self.unit_experts[t][u]
        exp_v = self.unit_experts[t][v] if v >= 0 else 0
        if exp_u != exp_v:
            experts = self.experts[t]
            low, high = self.exp_limits[t]
            old_a, old_b = experts[a_group], experts[b_group]
            new_a, new_b = old_a - exp_u + exp_v, old_b - exp_v + exp_u
            change += w.hard * (
                expert_faults(new_a, low, high)
                + expert_faults(new_b, low, high)
                - expert_faults(old_a, low, high)
                - expert_faults(old_b, low, high)
            )
        role_u = self.unit_roles[t][u]
        role_v = self.unit_roles[t][v] if v >= 0 else ()
        if role_u != role_v:
            change += w.role * (
                self._role_change(t, a_group, role_u, role_v) + self._role_change(t, b_group, role_v, role_u)
            )
        return change

    def _role_change(self, t, g, leaving, coming):
        counts = self.roles[t][g]
        shift = {}
        for role in leaving:
            shift[role] = shift.get(role, 0) - 1
        for role in coming:
            shift[role] = shift.get(role, 0) + 1
        totals, groups = self.role_total[t], self.groups[t]
        change = 0
        for role, step in shift.items():
            if step:
                old = counts.get(role, 0)
                change += spread_penalty(old + step, totals[role], groups) - spread_penalty(
                    old, totals[role], groups
                )
        return change

    def apply(self, t, u, a_group, v, b_group, change):
        self.key += self.delta(t, u, a_group, v, b_group, self.lex)
        mine = self.units[t][u]
        theirs = self.units[t][v] if v >= 0 else []
        members = self.members[t]
        for p in mine:
            members[a_group].remove(p)
        for p in theirs:
            members[b_group].remove(p)
        meet = self.meet
        for leaving, old, new in ((mine, a_group, b_group), (theirs, b_group, a_group)):
            for p in leaving:
                row = meet[p]
                for x in members[old]:
                    row[x] -= 1
                    meet[x][p] -= 1
                for y in members[new]:
                    row[y] += 1
                    meet[y][p] += 1
        group_of = self.group_of[t]
        for p in mine:
            group_of[p] = b_group
        for p in theirs:
            group_of[p] = a_group
        members[b_group].extend(mine)
        members[a_group].extend(theirs)
        self._shift(t, a_group, mine, theirs, u, v)
        self._shift(t, b_group, theirs, mine, v, u)
        self.cost += change

    def _shift(self, t, g, leaving, coming, out_unit, in_unit):
        domains, roles = self.domains[t][g], self.roles[t][g]
        for unit, step in ((out_unit, -1), (in_unit, 1)):
            if unit < 0:
                continue
            for d in self.unit_domains[t][unit]:
                domains[d] = domains.get(d, 0) + step
            for role in self.unit_roles[t][unit]:
                roles[role] = roles.get(role, 0) + step
            self.experts[t][g] += step * self.unit_experts[t][unit]


def _pair_change(counts, leaving, coming):
    """Change in same-kind pairs of a group when `leaving` kinds go and `coming` kinds arrive."""
    if len(leaving) == 1 and len(coming) == 1:
        if leaving[0] == coming[0]:
            return 0
        return counts.get(coming[0], 0) - (counts[leaving[0]] - 1)
    shift = {}
    for d in leaving:
        shift[d] = shift.get(d, 0) - 1
    for d in coming:
        shift[d] = shift.get(d, 0) + 1
    change = 0
    for d, step in shift.items():
        old = counts.get(d, 0)
        change += pairs(old + step) - pairs(old)
    return change
