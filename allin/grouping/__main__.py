"""python -m allin.grouping < problem.json > plan.json

Reads a problem as JSON on standard input and writes the plan as JSON on standard output. Invalid input: a message
naming the problem on standard error, exit status 2 and nothing on standard output.
"""

import json
import sys

from .problem import ProblemError
from .solver import solve


def main(stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr):
    try:
        data = json.load(stdin)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        print(f"error: the input is not valid JSON: {error}", file=stderr)
        return 2
    try:
        plan = solve(data)
    except ProblemError as error:
        print(f"error: {error}", file=stderr)
        return 2
    json.dump(plan, stdout)
    stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
