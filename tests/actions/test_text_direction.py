"""User text on the public feedback page is set with dir="auto": an Arabic tip, reaction and reply read right
to left, each in its own element, on a page that is otherwise Dutch."""

import uuid

from allin.actions import feedback, services
from tests.text_direction import assert_dir_auto

TIP = "نحتاج إلى مساعدة في المدرسة"
REACTION = "شكرا على هذا الجواب"
REPLY = "أهلا وسهلا"


def test_the_feedback_page_sets_arabic_tips_and_reactions_with_dir_auto(client, process, session, brug):
    note = session.notes[0]
    type(note).objects.filter(pk=note.pk).update(text=TIP)
    note.refresh_from_db()
    action = services.action_from_source(process=process, note=note, client_id=uuid.uuid4())
    services.action_update(action=action, title="Spreekuur", owner_partner=brug, answer="Elke dinsdag.")
    feedback.feedback_publish(process=process)
    page = feedback.feedback_page_for(process)
    reaction = feedback.reaction_create(
        page=page, action=action, text=REACTION, client_id=uuid.uuid4(), address="203.0.113.5"
    )
    feedback.reaction_moderate(reaction=reaction, approve=True)
    feedback.reaction_reply(reaction=reaction, text=REPLY, by="De Brug")
    html = client.get(f"/t/{page.key}/").content.decode()
    for text in (TIP, REACTION, REPLY):
        assert_dir_auto(html, text)
