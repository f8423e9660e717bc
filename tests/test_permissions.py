"""The permission walk: every named URL, for every persona, GET and (where the view takes it) POST.

Anonymous visitors are sent to the login page from anything that needs an account; a member of another
workspace gets 404 under /w/<slug>/ (its existence is not revealed); viewers read but change nothing (403);
facilitators may do everything except manage members (403); owners may do everything. A URL name that is not
in ROUTES makes this module fail, so nobody adds a page without deciding who may open it.

A live meeting adds people without an account: a phone that joined (a signed cookie), the projector (a secret
key in its link) and a projector whose link was renewed: tests/live/test_live_permissions.py walks every live
URL for them, with the world built here.

"Allowed" for a POST means the request got past the permission check: 200, 302 (not to the login page) or 400
(the walk posts empty or minimal data, so a form may refuse it). Never 403, 404, 405 or 500.
"""

import io
import uuid
from types import SimpleNamespace

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from allin.live import notes, photo_cards
from allin.live import services as live_services
from allin.live.models import Activity, LiveMeeting, Note
from allin.workspaces import services
from allin.workspaces.models import Membership, Role
from tests import factories, permission_routes
from tests.conftest import client_for
from tests.permission_table import (
    ACCOUNT_PAGE,
    ALLOWED,
    EDIT_PAGE,
    EDIT_POST,
    LOGIN,
    OWNER_GET,
    OWNER_POST,
    PERSONAS,
    POST_ONLY_GET,
    READ,
    SKIPPED_NAMESPACES,
    Route,
    _agenda_item,
    _code,
    _live_post,
    _meeting,
    _photo,
    _process,
    _projector,
    _ws,
    each,
    everyone,
)


def _jpeg():
    from PIL import Image

    data = io.BytesIO()
    Image.new("RGB", (40, 30), (11, 83, 148)).save(data, "JPEG")
    return SimpleUploadedFile("brug.jpg", data.getvalue())


ROUTES = {
    # public
    "home": Route(lambda w: {}, each(200, 302, 302, 302, 302)),  # members go straight to their one workspace
    "healthz": Route(lambda w: {}, everyone(200), everyone(405)),
    "set_language": Route(
        lambda w: {}, everyone(302), everyone(302), lambda w: {"language": "en", "next": "/"}
    ),
    "about_methods": Route(lambda w: {}, everyone(200)),
    "privacy": Route(lambda w: {}, everyone(200)),
    "login": Route(lambda w: {}, each(200, 302, 302, 302, 302), each(200, 302, 302, 302, 302)),
    "logout": Route(lambda w: {}, everyone(405), everyone(302)),
    "password_reset": Route(lambda w: {}, everyone(200), everyone(200)),
    "password_reset_done": Route(lambda w: {}, everyone(200)),
    "password_reset_confirm": Route(lambda w: {"uidb64": w.reset_uid, "token": w.reset_token}, everyone(302)),
    "password_reset_complete": Route(lambda w: {}, everyone(200)),
    # The invitation is for an address none of the personas has: signed in, they get a Dutch 403 page.
    "invitation_accept": Route(
        lambda w: {"token": w.invitation_token},
        each(200, 403, 403, 403, 403),
        each(ALLOWED, 403, 403, 403, 403),
    ),
    # public: a live meeting, without its cookie or key (with them: tests/live/test_live_permissions.py)
    "live_code": Route(lambda w: {}, everyone(404)),  # no code typed: "we do not know this code"
    "live_join": Route(_code, everyone(200), everyone(400)),  # the join form; posted empty it says why
    "live_phone_stage": Route(_code, everyone(403)),
    "live_note_post": Route(_code, everyone(405), everyone(403)),
    "live_projector": Route(_projector, everyone(200)),  # whoever holds the link is the projector
    "live_projector_stage": Route(_projector, everyone(200)),
    # A phone's part of an activity and its answers (the world's consent check; its item is not the current
    # one, so even the meeting's own phone gets a Dutch "this item is over" there).
    "live_activity_mine": Route(lambda w: {**_code(w), "activity": w.consent.pk}, everyone(403)),
    "live_activity_action": Route(
        lambda w: {**_code(w), "activity": w.consent.pk, "action": "answer"}, everyone(405), everyone(403)
    ),
    # any account
    "workspace_create": Route(lambda w: {}, each(LOGIN, 405, 405, 405, 405), each(LOGIN, *[ALLOWED] * 4)),
    "method_list": Route(lambda w: {}, ACCOUNT_PAGE),
    "method_detail": Route(lambda w: {"slug": "all-in"}, ACCOUNT_PAGE),
    # workspace: reading
    "workspace_home": Route(_ws, READ),
    "members": Route(_ws, READ),
    "process_detail": Route(_process, READ),
    "question_cards_pdf": Route(_process, READ),
    "process_ics": Route(_process, READ),
    "meeting_detail": Route(_meeting, READ),
    "runbook_pdf": Route(_meeting, READ),
    "meeting_ics": Route(_meeting, READ),
    "meeting_pptx": Route(_meeting, READ),
    # workspace: photo cards of the future dream
    "photo_cards": Route(_ws, READ, EDIT_POST),
    "photo_card_alt": Route(_photo, POST_ONLY_GET, EDIT_POST, lambda w: {"alt_text": "Een hoge brug"}),
    "photo_card_delete": Route(_photo, POST_ONLY_GET, EDIT_POST),
    "photo_card_image": Route(_photo, READ),
    # public: photo cards for this meeting's phones and projector (with cookie or key: test_live_permissions)
    "live_photo_phone": Route(lambda w: {**_code(w), "token": w.photo_card.token}, everyone(404)),
    "live_photo_projector": Route(lambda w: {**_projector(w), "token": w.photo_card.token}, everyone(200)),
    # workspace: planning
    "process_create": Route(_ws, EDIT_PAGE, EDIT_POST),
    "process_edit": Route(_process, EDIT_PAGE, EDIT_POST),
    "process_tools": Route(_process, POST_ONLY_GET, EDIT_POST),
    "meeting_create": Route(_process, POST_ONLY_GET, EDIT_POST),
    "meeting_edit": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "meeting_delete": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "agenda_item_create": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "agenda_reorder": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "agenda_shorten": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "agenda_item_edit": Route(_agenda_item, EDIT_PAGE, EDIT_POST),
    "agenda_item_delete": Route(_agenda_item, POST_ONLY_GET, EDIT_POST),
    "agenda_item_move": Route(_agenda_item, POST_ONLY_GET, EDIT_POST, lambda w: {"direction": "down"}),
    "checklist_item_create": Route(
        lambda w: {**_meeting(w), "checklist_pk": w.checklist.pk},
        POST_ONLY_GET,
        EDIT_POST,
        lambda w: {"text": "Sleutel ophalen"},
    ),
    "checklist_item_toggle": Route(
        lambda w: {**_meeting(w), "item_pk": w.checklist_item.pk},
        POST_ONLY_GET,
        EDIT_POST,
        lambda w: {"done": "1"},
    ),
    # workspace: running a meeting live
    "live_console": Route(_meeting, READ),
    "live_console_stage": Route(_meeting, READ),
    # Without a board and a note there is nothing to page (tests/live/test_board_paging.py pages it).
    "live_console_older": Route(_meeting, each(LOGIN, 404, 404, 404, 404)),
    "live_start": Route(_meeting, POST_ONLY_GET, EDIT_POST),
    "live_stop": _live_post(None),
    "live_reopen": _live_post(None),
    "live_item_goto": _live_post(lambda w: {"item": w.agenda_item.pk}),
    "live_item_step": _live_post(lambda w: {"direction": "next"}),
    "live_screen": _live_post(lambda w: {"show_join": "1"}),
    "live_activity_start": _live_post(lambda w: {"item": w.agenda_item.pk}),
    "live_activity_update": _live_post(lambda w: {"activity": w.board.pk, "is_open": "0"}),
    "live_note_add": _live_post(
        lambda w: {"activity": w.board.pk, "text": "Flip-over", "client_id": w.client_id}
    ),
    "live_note_hide": _live_post(lambda w: {"note": w.note.pk, "hidden": "1"}),
    "live_note_move": _live_post(lambda w: {"note": w.note.pk, "theme": w.theme.pk}),
    "live_theme_add": _live_post(lambda w: {"activity": w.board.pk, "name": "Nieuw"}),
    "live_theme_rename": _live_post(lambda w: {"theme": w.theme.pk, "name": "Anders"}),
    "live_theme_merge": _live_post(lambda w: {"theme": w.theme.pk, "into": w.other_theme.pk}),
    "live_theme_delete": _live_post(lambda w: {"theme": w.theme.pk}),
    "live_projector_renew": _live_post(None),
    "live_kind_action": Route(
        lambda w: {**_meeting(w), "activity": w.consent.pk, "action": "clear"}, POST_ONLY_GET, EDIT_POST
    ),
    "live_timer_start": _live_post(lambda w: {"minutes": "3", "seconds": "0"}),
    "live_timer_add": _live_post(lambda w: {"seconds": "60"}),
    "live_timer_stop": _live_post(None),
    "live_hopes_mark": _live_post(lambda w: {"note": w.note.pk, "value": "ja"}),
    "live_hopes_screen": _live_post(lambda w: {"activity": w.board.pk, "on_screen": "0"}),
    # workspace: members (owners only)
    "invite": Route(
        _ws, OWNER_GET, OWNER_POST, lambda w: {"email": "nieuw@example.org", "role": Role.VIEWER}
    ),
    "invitation_revoke": Route(lambda w: {**_ws(w), "pk": w.invitation.pk}, OWNER_GET, OWNER_POST),
    "member_role": Route(
        lambda w: {**_ws(w), "pk": w.target.pk}, OWNER_GET, OWNER_POST, lambda w: {"role": Role.FACILITATOR}
    ),
    "member_remove": Route(lambda w: {**_ws(w), "pk": w.target.pk}, OWNER_GET, OWNER_POST),
    # workspace: the owner's export and deletion (posted empty: the name is not typed, so nothing is deleted)
    "workspace_data": Route(_ws, each(LOGIN, 404, 403, 403, 200)),
    "workspace_export": Route(_ws, each(LOGIN, 404, 403, 403, 200)),
    "workspace_delete": Route(_ws, OWNER_GET, OWNER_POST),
}
ROUTES.update(permission_routes.routes())

# Keys naming an object inside the workspace: a member of another workspace must not reach it via their slug.
OBJECT_KEYS = {"pk", "item_pk", "checklist_pk"}


def _named_patterns(patterns, namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from _named_patterns(entry.url_patterns, ns)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}:{entry.name}" if namespace and entry.name else entry.name), entry


def test_every_url_is_in_the_table():
    names = [name for name, _ in _named_patterns(get_resolver().url_patterns)]
    assert None not in names, "every URL pattern needs a name, so it can be listed in ROUTES"
    assert set(names) == set(ROUTES), {
        "missing from ROUTES": sorted(set(names) - set(ROUTES)),
        "no longer a URL": sorted(set(ROUTES) - set(names)),
    }


@pytest.fixture(autouse=True)
def _no_rate_limit_counts():
    # The walk opens /j/ without a code many times from one address; each test starts with a clean count.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(workspace, owner, facilitator, viewer, outsider):
    process = factories.process(workspace, by=facilitator)
    meeting = process.meetings.order_by("date", "pk").first()
    checklist = meeting.checklists.first()
    target_user = factories.member(workspace, Role.VIEWER, full_name="Tim Doelwit")
    invitation = services.invitation_create(
        workspace=workspace, email="uitgenodigd@example.org", role=Role.VIEWER, invited_by=owner
    )
    live = live_services.live_open(meeting=meeting, base_url="http://testserver")
    revoked_key = live.projector_key
    live_services.projector_key_renew(live=live)
    live_services.item_goto(live=live, item=meeting.items.first())
    board = live_services.activity_start(live=live, item=meeting.items.first())
    attendee = live_services.attendee_join(live=live, name="Sam", role="jongere")
    note, _ = notes.note_create(
        activity=board,
        attendee=attendee,
        text="Een post-it",
        category=(board.categories or [""])[0],
        client_id=uuid.uuid4(),
    )
    # A consent check on an item that has no activity yet (not the current item).
    taken = set(live.activities.values_list("item_id", flat=True))
    consent = Activity.objects.create(
        live=live,
        item=next(item for item in meeting.items.all() if item.pk not in taken),
        kind=Activity.Kind.CONSENT,
        prompt="Kan iedereen leven met deze thema's?",
    )
    # A future dream on a later item: the meeting uses photo cards, so its phones and projector may be shown them.
    taken.add(consent.item_id)
    Activity.objects.create(
        live=live,
        item=next(item for item in meeting.items.all() if item.pk not in taken),
        kind=Activity.Kind.FUTURE_DREAM,
        prompt="Het is 2030. Hoe ziet de aanpak eruit?",
    )
    other_live = live_services.live_open(
        meeting=factories.meeting(process, name="Andere"), base_url="http://x"
    )
    photo_card = photo_cards.photo_card_upload(workspace=workspace, upload=_jpeg(), alt_text="Een brug")
    world = SimpleNamespace(
        workspace=workspace,
        process=process,
        meeting=meeting,
        agenda_item=meeting.items.first(),
        checklist=checklist,
        checklist_item=checklist.items.first(),
        target=Membership.objects.get(user=target_user),
        invitation=invitation,
        invitation_token=invitation.token,
        reset_uid=urlsafe_base64_encode(force_bytes(target_user.pk)),
        reset_token=default_token_generator.make_token(target_user),
        foreign_workspace=Membership.objects.get(user=outsider).workspace,
        live=live,
        projector_key=live.projector_key,
        revoked_key=revoked_key,
        board=board,
        consent=consent,
        photo_card=photo_card,
        note=note,
        theme=notes.theme_create(activity=board, name="Geld"),
        other_theme=notes.theme_create(activity=board, name="School"),
        client_id=str(uuid.uuid4()),
        attendee=attendee,
        foreign_attendee=live_services.attendee_join(live=other_live, name="Kim", role="anders"),
        other_live=other_live,
        people={
            "anonymous": None,
            "outsider": outsider,
            "viewer": viewer,
            "facilitator": facilitator,
            "owner": owner,
        },
    )
    permission_routes.extend_world(world)
    return world


def _client(world, persona):
    person = world.people[persona]
    return Client() if person is None else client_for(person)


def _check(response, expected, url):
    status = response.status_code
    assert status != 500, url
    if expected == LOGIN:
        assert status == 302 and "/inloggen/" in response["Location"], (url, status)
    elif expected == ALLOWED:
        assert status in (200, 302, 400), (url, status)
        if status == 302:
            assert "/inloggen/" not in response["Location"], url
    else:
        assert status == expected, (url, status)


def _cases(method):
    for name, route in ROUTES.items():
        expectations = route.get if method == "GET" else route.post
        if expectations is None:
            continue
        assert set(expectations) == set(PERSONAS), name
        for persona in PERSONAS:
            yield pytest.param(name, persona, expectations[persona], id=f"{method}-{name}-{persona}")


@pytest.mark.parametrize("name, persona, expected", list(_cases("GET")))
def test_get(world, name, persona, expected):
    url = reverse(name, kwargs=ROUTES[name].kwargs(world))
    _check(_client(world, persona).get(url), expected, url)


@pytest.mark.parametrize("name, persona, expected", list(_cases("POST")))
def test_post(world, name, persona, expected):
    route = ROUTES[name]
    url = reverse(name, kwargs=route.kwargs(world))
    data = route.data(world) if route.data else {}
    _check(_client(world, persona).post(url, data), expected, url)


class _AnyWorld:
    """Stands in for the world fixture at collection time, to see which kwargs a route needs."""

    def __getattr__(self, name):
        return SimpleNamespace(pk=1, slug="x", code="ABCDEF", token="t")


def _names_an_object(route):
    return "workspace" in (kwargs := route.kwargs(_AnyWorld())) and bool(OBJECT_KEYS & set(kwargs))


@pytest.mark.parametrize("name", [name for name, route in ROUTES.items() if _names_an_object(route)])
def test_objects_of_one_workspace_are_404_through_another(world, name):
    """The outsider owns their own workspace, so every permission check passes; the object lookups must still
    refuse our process, meeting, agenda item, checklist, invitation or membership."""
    route = ROUTES[name]
    url = reverse(name, kwargs={**route.kwargs(world), "workspace": world.foreign_workspace.slug})
    client = _client(world, "outsider")
    response = client.post(url, route.data(world) if route.data else {}) if route.post else client.get(url)
    assert response.status_code == 404, url


def test_viewer_posts_change_nothing(world):
    """Belt and braces for the 403s above: after a viewer has posted to every planning and member URL, the
    workspace's data is exactly as before."""

    def snapshot():
        meeting = world.meeting
        return (
            list(world.process.meetings.values_list("pk", "name", "planned_minutes")),
            list(meeting.items.values_list("pk", "order", "duration", "title")),
            list(meeting.checklists.values_list("items__pk", "items__done_at")),
            sorted(world.workspace.memberships.values_list("user_id", "role")),
            list(world.workspace.invitations.values_list("pk", "revoked_at")),
            world.workspace.processes.count(),
            list(LiveMeeting.objects.order_by("pk").values()),
            list(Note.objects.order_by("pk").values()),
            list(world.board.themes.values_list("pk", "name")),
            list(world.live.activities.order_by("pk").values()),
        )

    before = snapshot()
    client = _client(world, "viewer")
    for name, route in ROUTES.items():
        if route.post in (EDIT_POST, OWNER_POST):
            url = reverse(name, kwargs=route.kwargs(world))
            assert client.post(url, route.data(world) if route.data else {}).status_code == 403, url
    assert snapshot() == before
