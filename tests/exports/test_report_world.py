"""A held meeting for the report tests: a live meeting with attendees in every role, items run at known clock
times, and an activity of each kind with results. Built on the ORM where the live services would insist on the
item being current, so the tests can say exactly what was said and when."""

import io
import uuid
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from allin.live import services as live_services
from allin.live.activity_models import ConsentAnswer, Vote, VoteOption, WordAnswer
from allin.live.models import Activity, ItemRun, Note, Theme
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")
TITLES = ["Welkom", "Post-its over geld", "Zoekwoorden", "Stemmen", "Check", "Afsluiting"]


def jpeg(size=(64, 48), colour=(11, 83, 148), exif=False, fmt="JPEG", name="flip.jpg") -> SimpleUploadedFile:
    data = io.BytesIO()
    image = Image.new("RGB", size, colour)
    if exif:
        tags = Image.Exif()
        tags[0x010F] = "CameraMaker"  # Make
        tags[0x8825] = {2: (52.0, 22.0, 1.0)}  # GPSInfo: latitude
        image.save(data, fmt, exif=tags)
    else:
        image.save(data, fmt)
    return SimpleUploadedFile(name, data.getvalue(), content_type="image/jpeg")


def _note(activity, attendee, text, *, category="", theme=None, hidden=False, show_name=False):
    return Note.objects.create(
        activity=activity,
        attendee=attendee,
        text=text,
        category=category,
        theme=theme,
        hidden=hidden,
        show_name=show_name,
        client_id=uuid.uuid4(),
    )


def held_meeting(workspace) -> SimpleNamespace:
    process = factories.empty_process(workspace, name="Traject Geldzorgen")
    meeting = factories.meeting(process, durations=(10, 20, 15, 15, 10, 10), name="Sessie met jongeren")
    items = list(meeting.items.all())
    for item, title in zip(items, TITLES, strict=True):
        item.title = title
        item.save(update_fields=["title"])
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    people = {
        "youth": [
            live_services.attendee_join(live=live, name=n, role="jongere") for n in ("Sam", "Noor", "")
        ],
        "pro": [
            live_services.attendee_join(live=live, name=n, role="professional") for n in ("Petra", "Karim")
        ],
        "gemeente": [live_services.attendee_join(live=live, name="Mira", role="gemeente")],
    }
    youth, pro = people["youth"], people["pro"]

    board = Activity.objects.create(
        live=live, item=items[1], kind="notes", prompt="Waar loop je tegenaan?", categories=["tip", "top"]
    )
    money = Theme.objects.create(activity=board, name="Geld en schulden", order=0)
    school = Theme.objects.create(activity=board, name="School", order=1)
    _note(board, youth[0], "Niemand legt toeslagen uit", category="tip", theme=money)
    _note(board, youth[1], "Schulden stapelen snel op", category="tip", theme=money, show_name=True)
    _note(board, pro[0], "Mentor is een goed eerste aanspreekpunt", category="top", theme=school)
    _note(board, youth[2], "Wachttijd bij schuldhulp is lang", category="tip")
    _note(board, youth[0], "Dit is verborgen", category="tip", hidden=True)

    cloud = Activity.objects.create(live=live, item=items[2], kind="wordcloud", prompt="Welk woord zoek je?")
    for n, word in enumerate(["budgetcoach", "budgetcoach", "schuldhulp", "toeslagen"]):
        WordAnswer.objects.create(
            activity=cloud, attendee=youth[n % 3], text=word, word=word, client_id=uuid.uuid4()
        )

    vote = Activity.objects.create(
        live=live, item=items[3], kind="vote", prompt="Kies de beste ideeën", config={"ballots": ["beste"]}
    )
    app = VoteOption.objects.create(activity=vote, label="Eén app met alle hulp", order=0)
    desk = VoteOption.objects.create(activity=vote, label="Spreekuur op school", order=1)
    VoteOption.objects.create(activity=vote, label="Niemand koos dit", order=2)
    for who in (youth[0], youth[1], pro[0]):
        Vote.objects.create(activity=vote, option=app, attendee=who, ballot="beste", slot=0)
    Vote.objects.create(activity=vote, option=desk, attendee=youth[0], ballot="beste", slot=1)

    consent = Activity.objects.create(
        live=live, item=items[4], kind="consent", prompt="Kun je hiermee leven?"
    )
    ConsentAnswer.objects.create(activity=consent, attendee=youth[0], answer="ja")
    ConsentAnswer.objects.create(activity=consent, attendee=youth[1], answer="ja")
    ConsentAnswer.objects.create(
        activity=consent, attendee=pro[0], answer="zorg", reason="Wie betaalt het spreekuur?"
    )
    ConsentAnswer.objects.create(
        activity=consent, attendee=pro[1], answer="nee", reason="Eerst met de school overleggen"
    )

    parking = live.activities.get(kind=Activity.Kind.PARKING)
    later = _note(parking, pro[1], "Vervoer naar het jongerenloket")
    open_item = _note(parking, youth[0], "Wifi in de bibliotheek")

    # The agenda as held: Welkom 19:02–19:15, the board 19:15–19:41, then back to Welkom for 3 minutes;
    # the word cloud, vote and check ran, "Afsluiting" never came on screen.
    start = datetime(2026, 3, 2, 19, 2, tzinfo=AMS)
    ItemRun.objects.filter(live=live).delete()
    runs = [
        (items[0], 0, 13),
        (items[1], 13, 39),
        (items[0], 39, 42),
        (items[2], 42, 50),
        (items[3], 50, 65),
        (items[4], 65, 71),
    ]
    for item, begin, end in runs:
        ItemRun.objects.create(
            live=live,
            item=item,
            title=item.title,
            started_at=start + timedelta(minutes=begin),
            ended_at=start + timedelta(minutes=end),
        )
    return SimpleNamespace(
        process=process,
        meeting=meeting,
        items=items,
        live=live,
        people=people,
        board=board,
        cloud=cloud,
        vote=vote,
        consent=consent,
        parking=parking,
        parking_notes=[later, open_item],
    )


def test_the_world_has_an_activity_of_each_kind(workspace):
    world = held_meeting(workspace)
    kinds = set(world.live.activities.values_list("kind", flat=True))
    assert {"notes", "wordcloud", "vote", "consent", "parking"} <= kinds
    assert world.live.attendees.count() == 6
    assert ItemRun.objects.filter(live=world.live).count() == 6


def test_jpeg_helper_can_carry_exif():
    upload = jpeg(exif=True)
    assert Image.open(io.BytesIO(upload.read())).getexif().get(0x010F) == "CameraMaker"
