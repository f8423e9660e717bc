"""The command line contract: python -m allin.grouping < problem.json > plan.json"""

import json
import subprocess
import sys

import pytest


def run(stdin):
    return subprocess.run(
        [sys.executable, "-m", "allin.grouping"], input=stdin, capture_output=True, text=True, timeout=30
    )


def test_plan_on_stdout():
    problem = {
        "people": [{"id": f"p{i}", "domain": "ab"[i % 2]} for i in range(9)],
        "rounds": 2,
        "group_size": {"min": 3, "max": 3},
        "seed": 1,
        "time_limit": 0.3,
    }
    done = run(json.dumps(problem))
    assert done.returncode == 0, done.stderr
    plan = json.loads(done.stdout)
    for key in (
        "rounds",
        "repeats",
        "pairs_covered",
        "pairs_possible",
        "expert_violations",
        "same_domain_pairs",
        "seconds",
        "bound",
    ):
        assert key in plan
    assert len(plan["rounds"]) == 2
    assert all(len(group) == 3 for groups in plan["rounds"] for group in groups)
    assert plan["pairs_possible"] == 36


@pytest.mark.parametrize(
    "problem,words",
    [
        (
            {"people": [{"id": 1}], "rounds": 1, "group_size": {"min": 1, "max": 2}, "together": [[1, 9]]},
            "unknown person id 9",
        ),
        (
            {"people": [{"id": 1}, {"id": 2}], "rounds": 1, "group_size": {"min": 3, "max": 2}},
            "impossible group sizes",
        ),
        (
            {"people": [{"id": i} for i in range(4)], "rounds": 1, "group_size": {"min": 3, "max": 3}},
            "cannot be split",
        ),
        (
            {
                "people": [{"id": 1}, {"id": 2}],
                "rounds": 1,
                "group_size": {"min": 1, "max": 2},
                "together": [[1, 2]],
                "apart": [[2, 1]],
            },
            "apart but also together",
        ),
        (
            {
                "people": [{"id": 1, "expert": True}, {"id": 2}, {"id": 3}, {"id": 4}],
                "rounds": 1,
                "group_size": {"min": 2, "max": 2},
                "experts_per_group": 1,
            },
            "more experts demanded than exist",
        ),
    ],
)
def test_invalid_input_exit_2_and_no_plan(problem, words):
    done = run(json.dumps(problem))
    assert done.returncode == 2
    assert done.stdout == ""
    assert words in done.stderr


def test_not_json():
    done = run("{nope")
    assert done.returncode == 2 and done.stdout == "" and "not valid JSON" in done.stderr
