"""Fixtures of the dot voting tests."""

import pytest

from tests.live import helpers

from .setup import _cast, _start


@pytest.fixture
def vote(workspace):
    return _start(workspace)


@pytest.fixture
def attendee(vote):
    return helpers.join(vote.live)


@pytest.fixture
def options(vote):
    return list(vote.vote_options.all())


@pytest.fixture
def voted(vote, options, attendee):
    """Four people vote. Beste: 4, 3, 2, 1 dots. Meest haalbaar: App 2, Eén loket and Spreekuur 1 each."""
    a, b, c, d = attendee, *(helpers.join(vote.live, name=n) for n in ("Kim", "Noor", "Jay"))
    o0, o1, o2, o3 = options
    for ballot, picks in [
        ("beste", [(a, [o0, o1, o2]), (b, [o0, o1, o2]), (c, [o0, o1, o3]), (d, [o0])]),
        ("meest haalbaar", [(a, [o3, o2]), (b, [o3]), (c, [o1])]),
    ]:
        for who, chosen in picks:
            for option in chosen:
                _cast(vote, who, option, ballot)
    return vote
