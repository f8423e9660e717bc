"""Every tip gets an answer (ALL-IN phase C): tips without an action get one of three answers with an explanation,
the facilitator sees which have none and cannot publish as if all were answered, owners' progress reaches the page
without republishing (at once or after review), and the page says where to go when you disagree (verweer)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from allin.actions import feedback, services, tip_answers
from allin.actions.feedback_models import TipAnswer
from allin.actions.models import ProgressUpdate
from tests import factories as base

from . import factories

pytestmark = pytest.mark.django_db


def _refs(process):
    return {tip.ref: tip for tip in tip_answers.tips(process)}


def test_every_tip_without_an_action_is_listed_once(process, session):
    from allin.live.kinds import voting, voting_state

    website = next(o for o in session.options if not o.note_id)
    # an idea nobody voted for is not a voted idea; once it has a vote it is a tip of its own
    assert f"option-{website.pk}" not in _refs(process)
    session.live.closed_at = None
    session.live.save(update_fields=["closed_at"])
    voter = session.live.attendees.first()
    ballot = voting_state.ballots(session.vote)[0].name
    voting.vote_cast(activity=session.vote, attendee=voter, option=website.pk, ballot=ballot)
    refs = _refs(process)
    # the theme stands for its two notes; the voted idea made of the third note is answered with that note
    assert set(refs) == {f"theme-{session.theme.pk}", f"note-{session.notes[2].pk}", f"option-{website.pk}"}
    action = factories.action(process, title="Hulp dichtbij")
    services.source_link(action=action, theme=session.theme)
    assert f"theme-{session.theme.pk}" not in _refs(process)


def test_answers_need_a_status_an_explanation_and_a_real_link(process, session):
    ref = f"note-{session.notes[2].pk}"
    with pytest.raises(ValidationError):
        tip_answers.tip_answer_save(process=process, ref=ref, status="geregeld", text=" ")
    with pytest.raises(ValidationError):
        tip_answers.tip_answer_save(process=process, ref=ref, status="misschien", text="Uitleg")
    with pytest.raises(ValidationError):
        tip_answers.tip_answer_save(
            process=process, ref=ref, status="meegenomen", text="In de app", link="javascript:x"
        )
    other = base.process(process.workspace, name="Ander traject")
    with pytest.raises(ValidationError):
        tip_answers.tip_answer_save(process=other, ref=ref, status="geregeld", text="Uitleg")
    assert not TipAnswer.objects.exists()
    tip_answers.tip_answer_save(
        process=process, ref=ref, status="geregeld", text="Dit krijg je al op school."
    )
    tip_answers.tip_answer_save(process=process, ref=ref, status="niet", text="Daar is geen geld voor.")
    assert TipAnswer.objects.get().status == "niet"


def test_publishing_shows_every_answer_and_says_how_many_are_still_coming(client, process, session):
    ref = f"theme-{session.theme.pk}"
    tip_answers.tip_answer_save(
        process=process,
        ref=ref,
        status="meegenomen",
        text="We nemen het mee in het nieuwe jongerenloket.",
        link="https://voorbeeld.example/jongerenloket",
    )
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    assert page.unanswered_at_publish == 1
    html = client.get(f"/t/{page.key}/").content.decode()
    assert "Hulp dichtbij" in html and "nieuwe jongerenloket" in html
    assert 'href="https://voorbeeld.example/jongerenloket"' in html
    assert "Op 1 tip hebben we nog geen antwoord" in html
    # a change is not public before the next publication
    tip_answers.tip_answer_save(process=process, ref=ref, status="niet", text="Toch niet: geen budget.")
    assert "geen budget" not in client.get(f"/t/{page.key}/").content.decode()
    feedback.feedback_publish(process=process)
    assert "geen budget" in client.get(f"/t/{page.key}/").content.decode()


def test_publish_asks_for_a_tick_while_tips_have_no_answer(as_facilitator, process, session):
    url = reverse("feedback_publish", kwargs={"workspace": process.workspace.slug, "pk": process.pk})
    response = as_facilitator.post(url, follow=True)
    assert "2 tips hebben nog geen antwoord" in response.content.decode()
    assert not feedback.feedback_page_for(process).is_published
    for ref in _refs(process):
        answer_url = reverse(
            "feedback_tip_answer", kwargs={"workspace": process.workspace.slug, "pk": process.pk}
        )
        as_facilitator.post(
            answer_url, {"ref": ref, "status": "geregeld", "text": "Dat is er al: vraag je mentor."}
        )
    response = as_facilitator.post(url, follow=True)
    assert "Gepubliceerd" in response.content.decode()
    assert feedback.feedback_page_for(process).unanswered_at_publish == 0


def test_the_admin_page_lists_open_tips_and_refuses_a_bad_answer_in_dutch(as_facilitator, process, session):
    base_url = f"/w/{process.workspace.slug}/trajecten/{process.pk}/terugkoppeling/"
    page = as_facilitator.get(base_url).content.decode()
    assert "2 tips hebben nog geen antwoord." in page and "Uitleg over toeslagen in de klas" in page
    response = as_facilitator.post(
        base_url + "tips/", {"ref": f"note-{session.notes[2].pk}", "status": "niet", "text": ""}
    )
    assert (
        response.status_code == 400 and "Schrijf een korte uitleg voor jongeren." in response.content.decode()
    )


def test_owner_progress_after_review_or_at_once(client, as_facilitator, process, session):
    action = factories.action(process, title="Spreekuur op school")
    services.source_link(action=action, note=session.notes[0])
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    update = services.action_progress(
        action=action, via=ProgressUpdate.Via.OWNER, author_name="Kees", text="Het Da Vinci College doet mee."
    )
    assert "Da Vinci" not in client.get(f"/t/{page.key}/").content.decode()  # review is the default
    admin = as_facilitator.get(
        f"/w/{process.workspace.slug}/trajecten/{process.pk}/terugkoppeling/"
    ).content.decode()
    assert "Het Da Vinci College doet mee." in admin
    as_facilitator.post(
        reverse(
            "feedback_progress_show",
            kwargs={"workspace": process.workspace.slug, "pk": process.pk, "update_pk": update.pk},
        )
    )
    assert "Da Vinci" in client.get(f"/t/{page.key}/").content.decode()
    feedback.feedback_settings(process=process, progress_mode="direct", reactions_open=True)
    services.action_progress(action=action, via=ProgressUpdate.Via.OWNER, text="Start op 1 maart.")
    assert "Start op 1 maart." in client.get(f"/t/{page.key}/").content.decode()


def test_verweer_names_a_contact_and_for_allin_the_childrens_rights_helpdesk(client, process, session):
    tip_answers.tip_answer_save(
        process=process, ref=f"theme-{session.theme.pk}", status="geregeld", text="Is er al."
    )
    feedback.feedback_settings(process=process, contact="Jongerenwerker Mo, 06-12345678", reactions_open=True)
    feedback.feedback_publish(process=process)
    html = client.get(f"/t/{feedback.feedback_page_for(process).key}/").content.decode()
    assert "Niet eens met een antwoord?" in html and "Jongerenwerker Mo, 06-12345678" in html
    assert "Kinderrechtenhelpdesk" in html
