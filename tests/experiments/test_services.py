"""The workbook's working group, urgent question and experiment log, through their services."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from allin.experiments import selectors, services
from allin.experiments.models import Experiment, ExperimentStatus
from allin.people import services as people
from tests import factories

pytestmark = pytest.mark.django_db


def _experiment(process, **extra):
    return services.experiment_create(
        process=process, question="Zien we alle jongeren?", step="Nulmeting", **extra
    )


def test_member_add_is_idempotent_and_shows_organisation_and_domain(process, anna):
    services.member_add(participant=anna, task="trekker")
    services.member_add(participant=anna, task="notulist")
    members = selectors.members(process)
    assert [
        (m.participant.name, m.participant.organisation.name, m.participant.domain, m.task) for m in members
    ] == [("Anna", "RMC Teststad", "onderwijs", "notulist")]
    assert anna not in selectors.member_candidates(process)


def test_an_erased_participant_cannot_join_and_a_member_erased_later_keeps_no_name(process, anna, bram):
    bram = people.participant_erase(participant=bram)
    with pytest.raises(ValidationError):
        services.member_add(participant=bram)
    services.member_add(participant=anna)
    people.participant_erase(participant=anna)
    assert [m.participant.name for m in selectors.members(process)] == ["Deelnemer 1"]


def test_question_keeps_its_history_and_a_repeat_adds_nothing(process, facilitator):
    services.question_set(process=process, text="Hoe vinden jongeren werk?", user=facilitator)
    services.question_set(
        process=process, text="Hoe vinden jongeren zonder startkwalificatie werk?", why="scherper"
    )
    services.question_set(
        process=process, text="Hoe vinden jongeren zonder startkwalificatie werk?", why="scherper"
    )
    history = selectors.question_history(process)
    assert [v.text for v in history] == [
        "Hoe vinden jongeren zonder startkwalificatie werk?",
        "Hoe vinden jongeren werk?",
    ]
    assert selectors.current_question(process).why == "scherper"


def test_question_is_required_and_limited(process):
    with pytest.raises(ValidationError):
        services.question_set(process=process, text="   ")
    with pytest.raises(ValidationError):
        services.question_set(process=process, text="x" * 501)
    assert not process.question_versions.exists()


def test_experiments_are_numbered_and_a_follow_up_shows_the_chain(process):
    first = _experiment(process, status=ExperimentStatus.RUNNING)
    second = _experiment(process, follows=first)
    third = _experiment(process, follows=second)
    assert [e.label for e in selectors.experiments(process)] == ["E1", "E2", "E3"]
    assert selectors.chain(third) == [first, second, third]
    assert [f.label for f in selectors.experiments(process)[0].follow_up_list] == ["E2"]


def test_a_follow_up_must_be_of_the_same_process(process, workspace):
    other = factories.process(workspace, method_slug="werkboek", name="Ander")
    foreign = _experiment(other)
    with pytest.raises(ValidationError):
        _experiment(process, follows=foreign)
    assert not process.experiments.exists()


def test_dates_in_the_wrong_order_are_refused(process):
    with pytest.raises(ValidationError, match="einddatum"):
        _experiment(process, starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 1))
    assert not Experiment.objects.exists()


def test_done_needs_a_result_or_a_lesson(process):
    experiment = _experiment(process)
    values = {
        "question": "Zien we alle jongeren?",
        "hypothesis": "",
        "step": "Nulmeting",
        "who": "Anna",
        "starts_on": None,
        "ends_on": None,
        "status": ExperimentStatus.DONE,
        "result": "",
        "learned": "",
        "next_step": "",
    }
    with pytest.raises(ValidationError):
        services.experiment_update(experiment=experiment, **values)
    experiment.refresh_from_db()
    assert experiment.status == ExperimentStatus.IDEA
    services.experiment_update(
        experiment=experiment, **{**values, "learned": "Twaalf jongeren stonden dubbel"}
    )
    experiment.refresh_from_db()
    assert (experiment.status, experiment.learned) == (
        ExperimentStatus.DONE,
        "Twaalf jongeren stonden dubbel",
    )


def test_deleting_an_experiment_keeps_its_follow_ups(process):
    first = _experiment(process)
    second = _experiment(process, follows=first)
    services.experiment_delete(experiment=first)
    second.refresh_from_db()
    assert second.follows is None
    # the next number keeps counting from the highest left
    assert _experiment(process).label == "E3"


def test_only_the_workbook_uses_experiments(process, workspace):
    assert selectors.uses_experiments(process)
    assert not selectors.uses_experiments(factories.process(workspace, method_slug="all-in"))
