"""Demo data for "every tip gets an answer" (ALL-IN phase C), loaded after the actions part: the tips of the held
session that did not become an action get an answer (already arranged, taken along in something else, not taken
up), all but one, so the facilitator sees one still open and the page says an answer is coming; a contact for
young people who disagree; the owners' progress texts the facilitator looked at are on the page."""

from allin.actions import feedback, tip_answers
from allin.actions.feedback_models import TipStatus

ANSWERS = [
    (
        TipStatus.ARRANGED,
        "Dit bestaat al: bij het Jongerenloket kun je elke woensdag zonder afspraak binnenlopen.",
        "",
    ),
    (
        TipStatus.ALONG,
        "We nemen dit mee in de nieuwe website van de gemeente over geld en hulp. Die komt er in het voorjaar.",
        "https://www.voorbeeld.example/geldzorgen",
    ),
    (
        TipStatus.NOT_TAKEN,
        "Dit doen we niet. Een eigen app kost veel geld en wordt weinig gebruikt. We kiezen voor WhatsApp, "
        "dat hebben jullie al.",
        "",
    ),
]


def load(*, workspace, user, allin, wan):
    open_tips = tip_answers.tips(allin)
    if not open_tips:
        return
    for tip, (status, text, link) in zip(open_tips[:-1], ANSWERS * len(open_tips), strict=False):
        tip_answers.tip_answer_save(process=allin, ref=tip.ref, status=status, text=text, link=link)
    page = feedback.feedback_page_for(allin)
    feedback.feedback_settings(
        process=allin,
        intro=page.intro,
        reactions_open=page.reactions_open,
        contact="Jongerenwerker Mo van De Plek: mo@deplek.example of 06 98 76 54 32",
        progress_mode=page.progress_mode,
    )
    for update in list(tip_answers.progress_waiting(allin))[:3]:
        tip_answers.progress_show(update=update)
    feedback.feedback_publish(process=allin)
