"""Every form, fuzzed: random, hostile and oversized input never gives a 500, and a request the app refuses
leaves no record behind.

The forms are found by reading the pages of the permission walk (as the owner, as a phone that joined the
meeting, and as an anonymous visitor; tests/security/forms.py). Each form is fuzzed from the same world: its
examples run inside a transaction that is rolled back afterwards, so a "delete" form cannot starve the others.

"Refused" means a 4xx answer, a page that shows an error (role="alert"), or an error message for the next page.
Records are counted per model; django-axes' failed-login log and the session table are left out on purpose:
writing those on a refused login is their job.
"""

from django.contrib.messages import constants as message_levels
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import test_permissions as walk

from .forms import forms_in
from .snapshot import counts
from .test_csp import _phone

world = walk.world  # the permission walk's fixture

EXAMPLES = 6  # per form; the whole module stays well under a minute
SKIPPED = {"logout"}  # would log the fuzzing client out; it takes no input

HOSTILE = [
    "",
    " ",
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "' OR 1=1 --",
    "\x00",
    "\u202e\u200b\ufeff",
    "%s%n{0}{{ x }}",
    "../../etc/passwd",
    "-1",
    "0",
    "99999999999999999999999",
    "NaN",
    "2026-02-30",
    "25:61",
    "😀" * 300,
    "x" * 5000,
    "a\r\nb\tc",
]
TEXT = st.one_of(st.text(max_size=60), st.sampled_from(HOSTILE))


def _value(form_field):
    options = [st.sampled_from(form_field.values)] if form_field.values else []
    if form_field.kind == "number":
        options.append(st.integers(min_value=-(10**12), max_value=10**12).map(str))
    if form_field.kind == "file":
        return st.binary(max_size=2000).map(lambda data: SimpleUploadedFile("x.jpg", data, "image/jpeg"))
    return st.one_of(*options, TEXT)


def _data_strategy(form):
    fields = [f for f in form.fields.values() if f.name != "csrfmiddlewaretoken"]
    return st.fixed_dictionaries(
        {}, optional={f.name: _value(f) for f in fields} | {"onbekend": TEXT}
    ) | st.fixed_dictionaries({f.name: _value(f) for f in fields})


def _refused(response):
    if response.status_code >= 400:
        return True
    if response.status_code == 200 and b'role="alert"' in response.content:
        return True
    # Only messages this request added: the storage also holds those of earlier redirects nobody followed.
    added = getattr(response.wsgi_request, "_messages", None)
    return any(m.level >= message_levels.ERROR for m in getattr(added, "_queued_messages", []))


def _discover(world):
    """(client, form) for every distinct form on the walk's pages, per kind of visitor."""
    visitors = {
        "owner": walk._client(world, "owner"),
        "anonymous": walk._client(world, "anonymous"),
        "phone": _phone(world.live, world.attendee),
    }
    pages = [reverse(name, kwargs=route.kwargs(world)) for name, route in walk.ROUTES.items() if route.get]
    found = {}
    for visitor, client in visitors.items():
        for url in pages:
            response = client.get(url)
            if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                for form in forms_in(response.content.decode(), url):
                    if form.url_name not in SKIPPED:
                        found.setdefault((visitor, *form.key()), (client, form))
    return list(found.values())


def _fuzz(client, form):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=_data_strategy(form))
    def run(data):
        cache.clear()  # rate limits would answer 429 before the form is read
        for value in data.values():
            if hasattr(value, "seek"):
                value.seek(0)
        before = counts()
        response = client.post(form.action, data)
        assert response.status_code != 500, (form.action, data)
        if _refused(response):
            assert counts() == before, (form.action, data, response.status_code)

    with transaction.atomic():
        run()
        transaction.set_rollback(True)


def test_every_form_survives_random_input(world):
    found = _discover(world)
    names = {form.url_name for _client, form in found}
    # The walk's world shows these forms; if one disappears from discovery, the fuzzing silently shrinks.
    assert {"process_create", "agenda_item_create", "invite", "live_join", "login", "photo_cards"} <= names, (
        names
    )
    for client, form in found:
        _fuzz(client, form)


def test_an_oversized_body_is_refused_without_a_500(world):
    client = walk._client(world, "owner")
    url = reverse("process_create", kwargs={"workspace": world.workspace.slug})
    before = counts()
    response = client.post(url, {"name": "x" * (3 * 1024 * 1024)})
    assert response.status_code in (400, 413)
    assert counts() == before


def test_a_random_file_is_not_taken_as_a_photo(world):
    client = walk._client(world, "owner")
    url = reverse("photo_cards", kwargs={"workspace": world.workspace.slug})
    before = counts()
    fake = SimpleUploadedFile("brug.jpg", b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 50, "image/jpeg")
    response = client.post(url, {"image": fake, "alt_text": "Een brug"})
    assert response.status_code in (200, 400)
    assert counts() == before
