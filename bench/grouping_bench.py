"""Grouping optimiser benchmark (issue 14): repeats and time at 1, 2 and 10 s, side by side with OR-Tools CP-SAT.

    .venv/bin/pip install -r bench/requirements.txt     # OR-Tools, for the baseline only (never for make run)
    .venv/bin/python bench/grouping_bench.py            # every instance, limits 1 2 10, 3 seeds (about 12 min quiet)
    .venv/bin/python bench/grouping_bench.py --limits 1 2 --seeds 2 golfers series-40

Instances: the social golfer instances 8-4-9, 8-4-10, 5-4-6, 5-3-7, Kirkman 15 and 21, 28 people in fours over
9 rounds; and realistic series of 20 to 80 people (domains, roles, experts, held rounds with people who left and
joined later, attendance per meeting, together and apart pairs). Each line: one instance at one time limit, the
median and worst over the seeds of the repeats and the wall-clock seconds, for this optimiser and for CP-SAT in
the same run, with the machine's load average. Both plans are scored by the same code (allin.grouping.evaluate),
and both are checked against every hard rule (a broken rule is counted in "hard").
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from allin.grouping import parse, solve  # noqa: E402
from allin.grouping.evaluate import check, expert_limits, score  # noqa: E402

ROLES = ("jongere", "professional", "beleidsmaker")
DOMAINS = ("school", "zorg", "werk", "schulden", "wonen")


def golfers(groups, size, rounds):
    return {
        "people": [{"id": i} for i in range(groups * size)],
        "rounds": rounds,
        "group_size": {"min": size, "max": size},
    }


def series(people, seed, experts=None):
    """A municipality's series: 5 meetings of which 2 are held; groups of 3-5. People have a domain and a role
    (a third are young people); one in six is an experience expert (or `experts`). Two people of the held
    meetings have left (they are in the history only), three people joined after them; each later meeting about
    85 % come. Two pinned-together pairs and three kept-apart pairs."""
    rng = random.Random(seed * 1000 + people)
    count = experts if experts is not None else max(1, people // 6)
    listed = [
        {
            "id": f"p{i}",
            "domain": DOMAINS[rng.randrange(len(DOMAINS))],
            "role": ROLES[0] if rng.random() < 1 / 3 else rng.choice(ROLES[1:]),
            "expert": i < count,
        }
        for i in range(people)
    ]
    ids = [p["id"] for p in listed]
    early = ids[:-3] + ["weg1", "weg2"]  # the last three joined later; weg1, weg2 left
    history = []
    for _ in range(2):
        sitting = [p for p in early if rng.random() < 0.9]
        rng.shuffle(sitting)
        tables = -(-len(sitting) // 5)
        history.append([sitting[t::tables] for t in range(tables)])
    planned = [{"present": [p for p in ids if rng.random() < 0.85]} for _ in range(3)]
    return {
        "people": listed,
        "rounds": [{"present": []}, {"present": []}] + planned,
        "history": history,
        "group_size": {"min": 3, "max": 5},
        "together": [[ids[count + 1], ids[count + 2]], [ids[count + 5], ids[count + 6]]],
        "apart": [
            [ids[0], ids[count + 3]],
            [ids[count + 7], ids[count + 8]],
            [ids[count + 9], ids[count + 10]],
        ],
    }


def mixed_60(seed):
    """Issue 7's instance: 60 people, 5 domains of 12, 10 experts, three roles, groups of 3-5, 5 rounds; after
    the first round each person is present with probability 0.9; 2 together and 4 apart pairs."""
    rng = random.Random(60)
    people = [
        {"id": f"p{i}", "domain": f"domein-{i % 5}", "role": ROLES[i % 3], "expert": i % 6 == 0}
        for i in range(60)
    ]
    ids = [p["id"] for p in people]
    rounds = [{"present": ids}] + [{"present": [i for i in ids if rng.random() < 0.9]} for _ in range(4)]
    return {
        "people": people,
        "rounds": rounds,
        "group_size": {"min": 3, "max": 5},
        "together": [["p1", "p2"], ["p3", "p4"]],
        "apart": [["p5", "p6"], ["p7", "p8"], ["p9", "p10"], ["p11", "p12"]],
    }


def instances(seed):
    return {
        "golfers-8-4-9": golfers(8, 4, 9),
        "golfers-8-4-10": golfers(8, 4, 10),
        "golfers-5-4-6": golfers(5, 4, 6),
        "golfers-5-3-7 (kirkman-15)": golfers(5, 3, 7),
        "kirkman-21": golfers(7, 3, 10),
        "golfers-7-4-9 (28 in fours)": golfers(7, 4, 9),
        "series-20-experts=tables": series(20, seed, experts=4),
        "series-20": series(20, seed),
        "series-40": series(40, seed),
        "series-60": series(60, seed),
        "series-80": series(80, seed),
        "mixed-60 (issue 7)": mixed_60(seed),
    }


# -- the baseline ----------------------------------------------------------------------------------------------


def cpsat(data, time_limit, seed, workers):
    """A CP-SAT model of the same problem with the fewest groups per round: x[p, r, g] seats person p in group g
    of planned round r; sizes, together, apart and the expert rule as constraints; the objective the repeats as
    this optimiser counts them (a planned meeting of a pair that met before, in the history or earlier in the
    plan; pairs pinned together not counted). Without history the first round is fixed (symmetry breaking)."""
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    problem = parse(data)
    model = cp_model.CpModel()
    rounds = range(problem.held, len(problem.present))
    x = {}
    for r in rounds:
        groups = problem.groups_per_round[r]
        for p in problem.present[r]:
            for g in range(groups):
                x[p, r, g] = model.NewBoolVar("")
            model.AddExactlyOne(x[p, r, g] for g in range(groups))
        experts = sum(problem.expert[p] for p in problem.present[r])
        low, high = expert_limits(experts, groups, problem.experts_per_group)
        for g in range(groups):
            seats = [x[p, r, g] for p in problem.present[r]]
            model.Add(sum(seats) >= problem.min_size)
            model.Add(sum(seats) <= problem.max_size)
            chosen = [x[p, r, g] for p in problem.present[r] if problem.expert[p]]
            if chosen:
                model.Add(sum(chosen) >= low)
                model.Add(sum(chosen) <= high)
            for a, b in problem.together:
                if (a, r, g) in x and (b, r, g) in x:
                    model.Add(x[a, r, g] == x[b, r, g])
            for a, b in problem.apart:
                if (a, r, g) in x and (b, r, g) in x:
                    model.AddBoolOr([x[a, r, g].Not(), x[b, r, g].Not()])
    if not problem.held and not problem.together and not problem.apart and not any(problem.expert):
        first = problem.held
        size = len(problem.present[first]) // problem.groups_per_round[first]
        for i, p in enumerate(problem.present[first]):
            g = min(i // size, problem.groups_per_round[first] - 1)
            model.Add(x[p, first, g] == 1)
    met = {}
    for groups in problem.history:
        for group in groups:
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    met[min(a, b), max(a, b)] = 1
    repeats = []
    people = sorted({p for r in rounds for p in problem.present[r]})
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            if problem.company[a] == problem.company[b]:
                continue
            meets = []
            for r in rounds:
                if (a, r, 0) not in x or (b, r, 0) not in x:
                    continue
                y = model.NewBoolVar("")
                for g in range(problem.groups_per_round[r]):
                    model.AddBoolOr([x[a, r, g].Not(), x[b, r, g].Not(), y])
                meets.append(y)
            if not meets:
                continue
            if met.get((a, b)):
                repeats.extend(meets)
            elif len(meets) > 1:
                extra = model.NewIntVar(0, len(meets) - 1, "")
                model.Add(extra >= sum(meets) - 1)
                repeats.append(extra)
    model.Minimize(sum(repeats))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.05, time_limit - (time.perf_counter() - started))
    solver.parameters.random_seed = seed
    solver.parameters.num_workers = workers
    status = solver.Solve(model)
    seconds = time.perf_counter() - started
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, seconds
    plan = [[list(g) for g in groups] for groups in problem.history]
    for r in rounds:
        groups = [[] for _ in range(problem.groups_per_round[r])]
        for p in problem.present[r]:
            groups[next(g for g in range(len(groups)) if solver.Value(x[p, r, g]))].append(p)
        plan.append(groups)
    return (len(check(problem, plan)), score(problem, plan)["repeats"]), seconds


def ours(data, time_limit, seed):
    started = time.perf_counter()
    plan = solve(dict(data, time_limit=time_limit, seed=seed))
    seconds = time.perf_counter() - started
    problem = parse(data)
    index = {pid: i for i, pid in enumerate(problem.ids)}
    rounds = [[[index[p] for p in g] for g in groups] for groups in plan["rounds"]]
    rounds = [[list(g) for g in groups] for groups in problem.history] + rounds[problem.held :]
    return (len(check(problem, rounds)), plan["repeats"]), seconds, plan


def _figures(values):
    if not values:
        return "-", "-"
    return f"{statistics.median(values):g}", f"{max(values):g}"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only instances whose name contains one of these")
    parser.add_argument("--limits", nargs="+", type=float, default=[1.0, 2.0, 10.0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument(
        "--cpsat-workers", type=int, default=1, help="CP-SAT threads (this optimiser uses one)"
    )
    parser.add_argument("--no-cpsat", action="store_true")
    args = parser.parse_args(argv[1:])
    print(
        f"# machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        f"at the start; CP-SAT workers: {args.cpsat_workers}; seeds: {args.seeds}"
    )
    print(
        "| instance | limit s | ours repeats (median / worst) | ours s | CP-SAT repeats | CP-SAT s | hard | load |"
    )
    print("|---|---|---|---|---|---|---|---|")
    names = list(instances(1))
    for name in names:
        if args.names and not any(n in name for n in args.names):
            continue
        for limit in args.limits:
            mine, mine_s, theirs, theirs_s, hard = [], [], [], [], 0
            for seed in range(1, args.seeds + 1):
                data = instances(seed)[name]
                (faults, repeats), seconds, _ = ours(data, limit, seed)
                hard += faults
                mine.append(repeats)
                mine_s.append(seconds)
                if not args.no_cpsat:
                    found, seconds = cpsat(data, limit, seed, args.cpsat_workers)
                    theirs_s.append(seconds)
                    if found is not None:
                        hard += found[0]
                        theirs.append(found[1])
            cp = "/".join(_figures(theirs)) if theirs or args.no_cpsat else "none found"
            if theirs and len(theirs) < len(theirs_s):
                cp += f" ({len(theirs_s) - len(theirs)} none)"
            print(
                f"| {name} | {limit:g} | {' / '.join(_figures(mine))} | {statistics.median(mine_s):.2f} | "
                f"{cp.replace('/', ' / ')} | {statistics.median(theirs_s) if theirs_s else 0:.2f} | {hard} | "
                f"{os.getloadavg()[0]:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main(sys.argv)
