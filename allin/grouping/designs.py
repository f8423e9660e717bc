"""Exact starting points from design theory, for the cases where a perfect answer is known to exist.

Local search alone stalls on the tight social golfer instances q-q-(q+1) (Dotú & Van Hentenryck 2005 seed them
with the affine plane for this reason). When everybody is present in every planned round and nothing else binds:
- q*q people in groups of q, up to q + 1 rounds, q a prime power: the parallel classes of the affine plane AG(2, q);
- 15 people in groups of 3, up to 7 rounds: Kirkman's schoolgirls, a packing of PG(3, 2) into 7 spreads.
The optimiser relabels people at random (by seed) and still runs its local search for the other goals.
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


def resolution_for(people, size, rounds):
    """Rounds of groups on 0..people-1 with no pair meeting twice, from a known design; None when none applies."""
    if size * size == people and rounds <= size + 1:
        classes = affine_plane(size)
        if classes is not None:
            return classes[:rounds]
    if people == 15 and size == 3 and rounds <= 7:
        return kirkman_15()[:rounds]
    return None
