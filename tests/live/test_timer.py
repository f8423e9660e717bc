"""The facilitator's timer: the services and their limits, what every screen carries (the end time the browser
counts down to), the console's forms with and without htmx, viewers, and the push to the projector."""

from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from allin.asgi import application
from allin.live import services, timer
from allin.live.models import LiveMeeting

from . import helpers

HTMX = {"HX-Request": "true"}


def _fresh(live):
    return LiveMeeting.objects.get(pk=live.pk)


def _url(name, live):
    return reverse(name, args=[live.meeting.process.workspace.slug, live.meeting.pk])


def _ms(moment):
    return int(moment.timestamp() * 1000)


def _projector_stage(live):
    return (
        Client().get(reverse("live_projector_stage", args=[live.code, live.projector_key])).content.decode()
    )


def _phone_stage(live, attendee):
    client = helpers.phone_client(Client(), live, attendee)
    return client.get(reverse("live_phone_stage", args=[live.code])).content.decode()


# ---- services ------------------------------------------------------------------------------------------


def test_start_sets_the_end_time_and_bumps_the_version(live):
    before = _fresh(live).version
    moment = timezone.now()
    timer.timer_start(live=live, seconds=180)
    saved = _fresh(live)
    assert saved.timer_seconds == 180
    assert timedelta(seconds=179) <= saved.timer_ends_at - moment <= timedelta(seconds=181)
    assert saved.version == before + 1 and live.version == saved.version
    info = timer.timer_info(saved)
    assert info.seconds == 180 and info.ends_at_ms == _ms(saved.timer_ends_at)


@pytest.mark.parametrize("seconds", [1, 3600, "90"])
def test_start_takes_one_second_up_to_an_hour(live, seconds):
    timer.timer_start(live=live, seconds=seconds)
    assert _fresh(live).timer_seconds == int(seconds)


@pytest.mark.parametrize("seconds", [0, -5, 3601, 10**9, "drie", "", None, "1.5"])
def test_start_refuses_times_outside_the_limits(live, seconds):
    before = _fresh(live)
    with pytest.raises(ValidationError) as refused:
        timer.timer_start(live=live, seconds=seconds)
    assert "minuten" in " ".join(refused.value.messages)
    after = _fresh(live)
    assert (after.timer_ends_at, after.timer_seconds, after.version) == (None, None, before.version)


def test_a_closed_meeting_starts_no_timer(live):
    services.live_close(live=live)
    with pytest.raises(ValidationError, match="afgelopen"):
        timer.timer_start(live=live, seconds=60)
    assert _fresh(live).timer_ends_at is None


def test_add_extends_the_running_timer(live):
    timer.timer_start(live=live, seconds=120)
    ends_at = _fresh(live).timer_ends_at
    timer.timer_add(live=live, seconds=60)
    saved = _fresh(live)
    assert saved.timer_ends_at == ends_at + timedelta(seconds=60) and saved.timer_seconds == 180


def test_add_after_the_end_counts_from_now(live):
    timer.timer_start(live=live, seconds=60)
    LiveMeeting.objects.filter(pk=live.pk).update(timer_ends_at=timezone.now() - timedelta(seconds=30))
    moment = timezone.now()
    timer.timer_add(live=live, seconds=60)
    left = _fresh(live).timer_ends_at - moment
    assert timedelta(seconds=59) <= left <= timedelta(seconds=61)


def test_add_refuses_without_a_timer_and_beyond_an_hour(live):
    with pytest.raises(ValidationError, match="geen timer"):
        timer.timer_add(live=live, seconds=60)
    assert _fresh(live).timer_ends_at is None
    timer.timer_start(live=live, seconds=3590)
    ends_at = _fresh(live).timer_ends_at
    with pytest.raises(ValidationError, match="hoogstens 60 minuten"):
        timer.timer_add(live=live, seconds=60)
    with pytest.raises(ValidationError):
        timer.timer_add(live=live, seconds=0)
    assert _fresh(live).timer_ends_at == ends_at


def test_stop_clears_the_timer_and_stopping_twice_changes_nothing(live):
    timer.timer_start(live=live, seconds=60)
    timer.timer_stop(live=live)
    saved = _fresh(live)
    assert (saved.timer_ends_at, saved.timer_seconds) == (None, None)
    assert timer.timer_info(saved) is None
    timer.timer_stop(live=live)
    assert _fresh(live).version == saved.version


def test_a_timer_that_ran_out_long_ago_is_no_longer_shown(live):
    timer.timer_start(live=live, seconds=60)
    saved = _fresh(live)
    assert timer.timer_info(saved, now=saved.timer_ends_at + timedelta(minutes=9)) is not None
    assert timer.timer_info(saved, now=saved.timer_ends_at + timedelta(minutes=11)) is None
    LiveMeeting.objects.filter(pk=live.pk).update(timer_ends_at=timezone.now() - timedelta(minutes=11))
    assert "data-timer-ends" not in _projector_stage(live)
    with pytest.raises(ValidationError, match="geen timer"):
        timer.timer_add(live=live, seconds=60)


# ---- what the screens carry ----------------------------------------------------------------------------


def test_every_stage_carries_the_end_time(live, board, attendee, as_facilitator):
    timer.timer_start(live=live, seconds=300)
    mark = f'data-timer-ends="{_ms(_fresh(live).timer_ends_at)}"'
    projector = _projector_stage(live)
    assert mark in projector and 'class="timer timer-projector"' in projector
    assert "Geluid aan" in projector and 'data-done-text="De tijd is om"' in projector
    assert mark in _phone_stage(live, attendee)
    console = as_facilitator.get(_url("live_console_stage", live)).content.decode()
    assert mark in console and "Timer stoppen" in console
    timer.timer_stop(live=live)
    assert "data-timer-ends" not in _projector_stage(live) + _phone_stage(live, attendee)
    assert "Timer stoppen" not in as_facilitator.get(_url("live_console_stage", live)).content.decode()


def test_the_projector_shows_the_timer_over_any_screen(live):
    timer.timer_start(live=live, seconds=60)
    assert "data-timer-ends" in _projector_stage(live)  # the join screen, before the first item
    services.item_goto(live=live, item=helpers.items(live)[0])  # a slide: the item's own clock gives way
    page = _projector_stage(live)
    assert "data-timer-ends" in page and "big-time" not in page
    timer.timer_stop(live=live)
    assert "big-time" in _projector_stage(live)
    timer.timer_start(live=live, seconds=60)
    services.live_close(live=live)
    assert "data-timer-ends" not in _projector_stage(live)


def test_the_console_suggests_the_minutes_of_the_method(live, as_facilitator):
    item = helpers.items(live)[0]
    item.activity = {"type": "timer", "prompt": "Oefenen", "minutes": 3}
    item.save(update_fields=["activity"])
    services.item_goto(live=live, item=item)
    page = as_facilitator.get(_url("live_console_stage", live)).content.decode()
    assert 'name="minutes" value="3"' in page and 'id="timer-minutes"' in page


# ---- the console ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, seconds",
    [
        ({"minutes": "2", "seconds": "30"}, 150),
        ({"minutes": "10"}, 600),
        ({"minutes": "", "seconds": "45"}, 45),
    ],
)
def test_the_console_starts_a_timer(live, as_facilitator, data, seconds):
    response = as_facilitator.post(_url("live_timer_start", live), data, headers=HTMX)
    assert response.status_code == 200 and "data-timer-ends" in response.content.decode()
    assert _fresh(live).timer_seconds == seconds


def test_the_console_adds_a_minute_and_stops_without_javascript(live, as_facilitator):
    console = _url("live_console", live)
    assert as_facilitator.post(_url("live_timer_start", live), {"minutes": "1"})["Location"] == console
    assert as_facilitator.post(_url("live_timer_add", live), {"seconds": "60"})["Location"] == console
    assert _fresh(live).timer_seconds == 120
    assert as_facilitator.post(_url("live_timer_stop", live))["Location"] == console
    assert _fresh(live).timer_ends_at is None


@pytest.mark.parametrize("data", [{"minutes": "0", "seconds": "0"}, {"minutes": "61"}, {"minutes": "drie"}])
def test_the_console_refuses_a_bad_time_in_dutch(live, as_facilitator, data):
    response = as_facilitator.post(_url("live_timer_start", live), data, headers=HTMX)
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert "minuten" in response.content.decode()
    assert _fresh(live).timer_ends_at is None


def test_a_viewer_sees_the_timer_but_cannot_set_it(live, as_viewer):
    timer.timer_start(live=live, seconds=60)
    before = _fresh(live)
    page = as_viewer.get(_url("live_console_stage", live)).content.decode()
    assert "data-timer-ends" in page and "Timer stoppen" not in page and 'id="timer-minutes"' not in page
    for name, data in [
        ("live_timer_start", {"minutes": "5"}),
        ("live_timer_add", {"seconds": "60"}),
        ("live_timer_stop", {}),
    ]:
        assert as_viewer.post(_url(name, live), data, headers=HTMX).status_code == 403
    after = _fresh(live)
    assert (after.timer_ends_at, after.timer_seconds, after.version) == (
        before.timer_ends_at,
        before.timer_seconds,
        before.version,
    )


# ---- the push ------------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
async def test_starting_a_timer_pushes_the_countdown_to_projector_and_phones(live, attendee):
    headers = [(b"origin", b"http://testserver")]
    name, value = helpers.cookie(live, attendee)
    screens = {
        "projector": f"/ws/live/{live.code}/projector/{live.projector_key}/",
        "phones": f"/ws/live/{live.code}/phones/",
    }
    connected = {}
    for role, path in screens.items():
        extra = [(b"cookie", f"{name}={value}".encode())] if role == "phones" else []
        communicator = WebsocketCommunicator(application, path, headers=headers + extra)
        assert (await communicator.connect())[0]
        assert await communicator.receive_json_from() == {"ops": [{"op": "hello"}]}
        connected[role] = communicator

    await database_sync_to_async(timer.timer_start)(live=live, seconds=90)
    saved = await database_sync_to_async(_fresh)(live)
    for role, communicator in connected.items():
        (op,) = (await communicator.receive_json_from(2))["ops"]
        assert op["op"] == "stage" and op["v"] == saved.version, role
        assert f'data-timer-ends="{_ms(saved.timer_ends_at)}"' in op["html"], role
        await communicator.disconnect()
