"""The optimiser that forms groups across meetings (pure Python, no Django).

    from allin.grouping import solve, ProblemError
    plan = solve({"people": [...], "rounds": 5, "group_size": {"min": 3, "max": 5}, "seed": 1})

See bench/README.md ("Grouping optimiser") for the method and its figures.
"""

from .bounds import max_people_for_everyone, meetings_still_needed, rounds_for_everyone
from .problem import ProblemError, parse
from .solver import solve

__all__ = [
    "ProblemError",
    "max_people_for_everyone",
    "meetings_still_needed",
    "parse",
    "rounds_for_everyone",
    "solve",
]
