"""Exact starting points from design theory, for the cases where a perfect answer is known to exist.

Local search alone stalls on the tight social golfer instances q-q-(q+1) (Dotú & Van Hentenryck 2005 seed them
with the affine plane for this reason). When everybody is present in every planned round and nothing else binds:
- q*q people in groups of q, up to q + 1 rounds, q a prime power: the parallel classes of the affine plane AG(2, q);
- 15 people in groups of 3, up to 7 rounds: Kirkman's schoolgirls, a packing of PG(3, 2) into 7 spreads;
- 21 people in groups of 3, up to 10 rounds: a Kirkman triple system KTS(21) on Z_7 x 3 (three rounds fixed by
  the rotation, the other seven the rotations of one base round; base blocks found by a difference search);
- 28 people in groups of 4, up to 9 rounds: the Hermitian unital of PG(2, 9) (28 points, 63 blocks of 4), a
  resolvable 2-(28, 4, 1) design; its 9 parallel classes are found by a small exact-cover search;
- q(q - 1) people in groups of q - 1, up to q rounds: the affine plane without one line (20 in fours: 5 rounds);
- 32 people in groups of 4, up to 10 rounds: a published 8-4-10 schedule (Aguado 2004), kept as a table and
  checked by the tests (no construction is known to us: the cosets of planes of GF(2)^5 give at most 9 rounds).
- q^d people in groups of q (d = 3 .. 7, q a prime power), up to (q^d - 1) / (q - 1) rounds: the parallel classes
  of lines of AG(d, q) (27 in threes: 13 rounds, a Kirkman triple system; 64 in fours: 21 rounds);
- an even number of people in pairs, up to people - 1 rounds: the round robin (circle method);
- 33 and 39 people in groups of 3 (16 and 19 rounds, Kirkman triple systems) and 40 in groups of 4 (13 rounds):
  one published base round turned on Z_m x k plus a fixed point.
Designs on fewer rounds than they have are cut; with more rounds the design gives the first ones and the search
the rest. The optimiser relabels people at random (by seed) and still runs its local search for the other goals.
"""

from functools import cache
from itertools import product


def _prime_power(q):
    for p in range(2, q + 1):
        if q % p == 0:
            k, rest = 0, q
            while rest % p == 0:
                rest //= p
                k += 1
            return (p, k) if rest == 1 else None
    return None


class _Field:
    """GF(p^k); elements are 0..q-1, read as polynomials in base p."""

    def __init__(self, p, k):
        self.p, self.k, self.q = p, k, p**k
        self.modulus = self._irreducible() if k > 1 else None
        self.mul_table = [[self._mul(a, b) for b in range(self.q)] for a in range(self.q)]

    def _digits(self, a):
        return [(a // self.p**i) % self.p for i in range(self.k)]

    def _number(self, digits):
        return sum(d * self.p**i for i, d in enumerate(digits))

    def add(self, a, b):
        return self._number([(x + y) % self.p for x, y in zip(self._digits(a), self._digits(b), strict=True)])

    def _poly_mul_mod(self, x, y, modulus):
        product_ = [0] * (len(x) + len(y) - 1)
        for i, a in enumerate(x):
            for j, b in enumerate(y):
                product_[i + j] = (product_[i + j] + a * b) % self.p
        for degree in range(len(product_) - 1, self.k - 1, -1):  # reduce by the monic modulus
            coefficient = product_[degree]
            if coefficient:
                for i, m in enumerate(modulus):
                    product_[degree - self.k + i] = (product_[degree - self.k + i] - coefficient * m) % self.p
        return product_[: self.k] + [0] * (self.k - len(product_[: self.k]))

    def _irreducible(self):
        for tail in product(range(self.p), repeat=self.k):
            modulus = list(tail) + [1]
            if tail[0] == 0:
                continue
            if all(sum(c * x**i for i, c in enumerate(modulus)) % self.p for x in range(self.p)) and (
                self.k <= 3 or self._no_quadratic_factor(modulus)
            ):
                return modulus
        raise ValueError("no irreducible polynomial")

    def _no_quadratic_factor(self, modulus):
        for a, b in product(range(self.p), repeat=2):
            divisor = [b, a, 1]
            remainder = list(modulus)
            for degree in range(len(remainder) - 1, 1, -1):
                c = remainder[degree]
                if c:
                    for i, m in enumerate(divisor):
                        remainder[degree - 2 + i] = (remainder[degree - 2 + i] - c * m) % self.p
            if not any(remainder[:2]):
                return False
        return True

    def _mul(self, a, b):
        if self.k == 1:
            return a * b % self.p
        return self._number(self._poly_mul_mod(self._digits(a), self._digits(b), self.modulus))


@cache
def affine_plane(q):
    """The q + 1 parallel classes of AG(2, q): each a list of q groups of q points (0..q*q-1); None if q is not a
    prime power."""
    found = _prime_power(q)
    if found is None:
        return None
    field = _Field(*found)
    classes = [[[x * q + y for y in range(q)] for x in range(q)]]  # vertical lines x = c
    for slope in range(q):
        lines = {c: [] for c in range(q)}
        for x in range(q):
            for y in range(q):
                c = field.add(y, _negate(field, field.mul_table[slope][x]))
                lines[c].append(x * q + y)
        classes.append([lines[c] for c in range(q)])
    return classes


def _negate(field, a):
    for b in range(field.q):
        if field.add(a, b) == 0:
            return b
    raise ValueError(a)


@cache
def kirkman_15():
    """Seven rounds of five triples on 15 points in which every pair meets exactly once."""
    points = range(1, 16)  # non-zero vectors of GF(2)^4
    lines = sorted({tuple(sorted((a, b, a ^ b))) for a in points for b in points if a < b})
    spreads = []

    def spreads_from(chosen, covered, start):
        if len(chosen) == 5:
            spreads.append(tuple(chosen))
            return
        first = min(p for p in points if p not in covered)
        for line in lines:
            if line[0] == first and not covered & set(line):
                spreads_from(chosen + [line], covered | set(line), start)

    spreads_from([], set(), 0)

    def pack(chosen, used):
        if len(chosen) == 7:
            return chosen
        for spread in spreads:
            if spread > (chosen[-1] if chosen else ()) and not used & set(spread):
                found = pack(chosen + [spread], used | set(spread))
                if found:
                    return found
        return None

    packing = pack([], set())
    return [[[p - 1 for p in line] for line in spread] for spread in packing]


# KTS(21) on Z_7 x {0, 1, 2}, point (i, x) = 7x + i: three transversal blocks whose rotations are a round each,
# and a base round whose seven rotations are the other seven rounds (found by a backtracking search over differences:
# every pure difference 1, 2, 3 in each class and every mixed difference exactly once).
_KTS21_FIXED = (((0, 0), (0, 1), (0, 2)), ((0, 0), (1, 1), (2, 2)), ((0, 0), (2, 1), (5, 2)))
_KTS21_BASE = (
    ((0, 0), (1, 0), (3, 0)),
    ((2, 0), (0, 1), (6, 2)),
    ((4, 0), (1, 1), (3, 2)),
    ((5, 0), (4, 1), (1, 2)),
    ((6, 0), (2, 1), (0, 2)),
    ((3, 1), (5, 1), (6, 1)),
    ((2, 2), (4, 2), (5, 2)),
)


@cache
def kirkman_21():
    """Ten rounds of seven triples on 21 points in which every pair meets exactly once."""

    def turn(block, t):
        return [7 * x + (i + t) % 7 for i, x in block]

    rounds = [[turn(block, t) for t in range(7)] for block in _KTS21_FIXED]
    rounds += [[turn(block, t) for block in _KTS21_BASE] for t in range(7)]
    return rounds


@cache
def unital_28():
    """Nine rounds of seven groups of four on 28 points in which every pair meets exactly once: the Hermitian
    unital x^4 + y^4 + z^4 = 0 in PG(2, 9), its blocks the secant lines, resolved into parallel classes."""
    field = _Field(3, 2)
    mul, add = field.mul_table, field.add

    def power(x, n):
        result = 1
        for _ in range(n):
            result = mul[result][x]
        return result

    def inverse(x):
        return next(t for t in range(9) if mul[x][t] == 1)

    points = []
    for vector in product(range(9), repeat=3):
        if any(vector):
            first = next(c for c in vector if c)
            normal = tuple(mul[c][inverse(first)] for c in vector)
            if normal not in points:
                points.append(normal)
    unital = [p for p in points if add(add(power(p[0], 4), power(p[1], 4)), power(p[2], 4)) == 0]
    blocks = set()
    for line in points:  # a line (a, b, c) holds the points with a x + b y + c z = 0
        on = tuple(
            i
            for i, p in enumerate(unital)
            if add(add(mul[line[0]][p[0]], mul[line[1]][p[1]]), mul[line[2]][p[2]]) == 0
        )
        if len(on) == 4:
            blocks.add(on)
    through = {p: [b for b in sorted(blocks) if p in b] for p in range(len(unital))}
    return [[list(b) for b in c] for c in _resolve(through, len(unital), len(blocks) // (len(unital) // 4))]


def _resolve(through, points, count):
    """Partition the blocks into `count` parallel classes (each point once per class): backtracking, classes
    in the order of their first block."""

    def classes(used):
        def grow(covered, chosen):
            if len(covered) == points:
                yield list(chosen)
                return
            p = next(q for q in range(points) if q not in covered)
            for block in through[p]:
                if block not in used and not covered.intersection(block):
                    chosen.append(block)
                    yield from grow(covered | set(block), chosen)
                    chosen.pop()

        return grow(set(), [])

    def resolve(used, found):
        if len(found) == count:
            return found
        for c in classes(used):
            if found and c[0] < found[-1][0]:
                continue
            result = resolve(used | set(c), found + [c])
            if result:
                return result
        return None

    return resolve(frozenset(), [])


# 8-4-10: 32 people in eight fours over ten rounds, no pair twice. It was open until Alejandro Aguado found a
# schedule in 2004 (Triska, "The Social Golfer Problem", metalevel.at/sgp); it is not built from GF(2)^5 (nine
# planes that meet only in 0 are the most there are, so coset rounds stop at nine). The schedule here is the one
# published in Ed Pegg Jr.'s Wolfram Demonstration "Social Golfer Problem" (an 11-round table for 32 in fours whose
# first ten rounds keep every pair apart after they met; as listed in github.com/fpvandoorn/Dagstuhl-tables,
# literature.md), its people A-P, a-p numbered 0-31, each round written as the group (0-7) of person 0, 1, ..., 31.
# tests/grouping/test_designs.py checks that it is a solution.
_GOLFERS_32 = (
    "00001111222233334444555566667777",
    "01520251072646734513431546370762",
    "01526324754342353467507126101706",
    "01526347521067435201743601257634",
    "01521672260460317463450335715724",
    "01526147304653277325436017642150",
    "01522015714573642630026346734517",
    "01525674645721501037342646327031",
    "01526507134205123647143260573467",
    "01526340467116047346215752033275",
)


@cache
def golfers_32():
    """Ten rounds of eight groups of four on 32 points in which no pair meets twice (the 16 pairs that never meet
    are what 10 x 8 x 6 = 480 of the 496 leaves)."""
    return [[[p for p in range(32) if int(row[p]) == g] for g in range(8)] for row in _GOLFERS_32]


@cache
def affine_space(q, d):
    """The (q^d - 1) / (q - 1) parallel classes of lines of AG(d, q): for each direction (a non-zero vector whose
    first non-zero coordinate is 1) the lines x + GF(q) v; point (x_1, ..., x_d) is sum x_i q^(i-1). None if q is
    not a prime power. AG(3, 3) is a Kirkman triple system on 27 points, AG(3, 4) 64 people in fours."""
    found = _prime_power(q)
    if found is None:
        return None
    field = _Field(*found)
    points = list(product(range(q), repeat=d))

    def number(vector):
        return sum(c * q**i for i, c in enumerate(vector))

    classes = []
    for v in points:
        if next((c for c in v if c), 0) != 1:
            continue
        lines = {}
        for x in points:
            line = frozenset(
                number([field.add(a, field.mul_table[t][b]) for a, b in zip(x, v, strict=True)])
                for t in range(q)
            )
            lines[min(line)] = sorted(line)
        classes.append([lines[k] for k in sorted(lines)])
    return classes


def round_robin(people):
    """people - 1 rounds of pairs on an even number of people, every pair once (the circle method: person
    people - 1 stays, the others turn one place a round)."""
    turning = people - 1
    return [
        [[turning, r]] + [[(r + i) % turning, (r - i) % turning] for i in range(1, people // 2)]
        for r in range(turning)
    ]


# Designs on Z_m x k plus one fixed point, from a published base round: round t is the base round with every
# point (i, x) = x m + i turned to (i + t mod m, x), the fixed point (k m) staying. The base rounds are the first
# rounds of the tables "given in [Survey]" (jstor.org/stable/1402466) in github.com/fpvandoorn/Dagstuhl-tables,
# literature.md, whose rounds are these turns; renumbered here. tests/grouping/test_designs.py checks each.
_TURNED = {  # (people, size): (m, rounds, base round: blocks split by "/")
    # KTS(33) on Z_32 + 1: the turns by 0..15 (by 16 the base round comes back)
    (33, 3): (
        32,
        16,
        "0 16 32/1 10 15/2 22 23/3 5 9/4 12 29/6 7 18/8 27 30/11 14 24/13 20 28/17 26 31/19 21 25",
    ),
    # KTS(39) on Z_19 x 2 + 1
    (39, 3): (
        19,
        19,
        "1 7 11/4 6 9/5 16 17/15 20 37/3 23 34/12 22 35/10 26 31/2 28 29/8 21 36/13 27 30/14 25 32/18 24 33/0 19 38",
    ),
    # a resolvable 2-(40, 4, 1) design on Z_13 x 3 + 1
    (40, 4): (
        13,
        13,
        "1 12 18 21/4 9 19 20/3 10 15 24/14 25 31 34/17 22 32 33/16 23 28 37/5 8 27 38/6 7 30 35/2 11 29 36"
        "/0 13 26 39",
    ),
}


def turned(people, size):
    """The rounds of the _TURNED design for `people` in groups of `size`."""
    m, count, text = _TURNED[(people, size)]
    base = [[int(p) for p in block.split()] for block in text.split("/")]

    def turn(p, t):
        return p if p == people - 1 else p - p % m + (p % m + t) % m

    return [[sorted(turn(p, t) for p in block) for block in base] for t in range(count)]


@cache
def affine_minus_line(q):
    """q rounds of q groups of q - 1 on q(q - 1) points with no pair twice: AG(2, q) without the points of one line
    (every line of the other q classes loses one point); None if q is not a prime power. 5-4-5 from AG(2, 5)."""
    classes = affine_plane(q)
    if classes is None:
        return None
    gone = set(classes[0][0])
    number = {p: i for i, p in enumerate(p for p in range(q * q) if p not in gone)}
    return [[[number[p] for p in line if p not in gone] for line in c] for c in classes[1:]]


def resolution_for(people, size, rounds):
    """Rounds of groups on 0..people-1 with no pair meeting twice, from a known design: as many as the design has
    up to `rounds`; None when none applies."""
    if size == 2 and people % 2 == 0:
        return round_robin(people)[:rounds]
    if size * size == people:
        classes = affine_plane(size)
        if classes is not None:
            return classes[:rounds]
    if people == size * (size + 1):
        truncated = affine_minus_line(size + 1)
        if truncated is not None:
            return truncated[:rounds]
    known = {(15, 3): kirkman_15, (21, 3): kirkman_21, (28, 4): unital_28, (32, 4): golfers_32}
    if (people, size) in known:
        return known[(people, size)]()[:rounds]
    if (people, size) in _TURNED:
        return turned(people, size)[:rounds]
    for d in range(3, 8):
        if size >= 2 and size**d == people:
            space = affine_space(size, d)
            return space[:rounds] if space is not None else None
    return None
