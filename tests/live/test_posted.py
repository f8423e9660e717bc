"""Every POST in allin/live goes through a Django form (allin/live/posted.py): no module reads `request.POST`
itself, and an invalid form becomes one Dutch message before any service runs."""

import ast
import uuid
from pathlib import Path

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import translation

from allin.live import guards, posted

LIVE = Path(__file__).resolve().parents[2] / "allin" / "live"

# Files still reading request.POST themselves, being converted by other work on issue 13 item 1. This list only
# shrinks: the test below fails when a listed file no longer reads the POST itself (take it off the list), and
# when it is empty every module of allin/live goes through a form.
NOT_YET_CONVERTED: set[str] = set()


def raw_reads(path: Path) -> list[int]:
    """Lines where `request.POST` is read other than by handing it whole to a form (`Form(request.POST)`, or
    `request.POST or None` / `request.POST if ... else None` as a form's argument)."""
    tree = ast.parse(path.read_text())
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    lines = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr == "POST"):
            continue
        parent = parents.get(node)
        while isinstance(parent, ast.BoolOp | ast.IfExp) and getattr(parent, "test", None) is not node:
            parent = parents.get(parent)
        if isinstance(parent, ast.Call) and parent.func is not node:
            continue
        lines.append(node.lineno)
    return lines


def live_modules():
    return sorted(p for p in LIVE.rglob("*.py") if "migrations" not in p.parts)


def test_no_module_of_live_reads_the_post_itself():
    offenders = {
        str(path.relative_to(LIVE)): lines
        for path in live_modules()
        if (lines := raw_reads(path)) and str(path.relative_to(LIVE)) not in NOT_YET_CONVERTED
    }
    assert offenders == {}, "read these through a form (allin/live/posted.read): " + repr(offenders)


def test_the_list_of_files_not_yet_converted_only_shrinks():
    done = [name for name in sorted(NOT_YET_CONVERTED) if not raw_reads(LIVE / name)]
    assert done == [], f"these go through forms now: take them off NOT_YET_CONVERTED: {done}"


@pytest.mark.parametrize(
    "source, reads",
    [
        ("x = request.POST.get('a')", 1),
        ("x = request.POST['a']", 1),
        ("x = 'a' in request.POST", 1),
        ("post = request.POST", 1),
        ("x = request.POST.getlist('a')", 1),
        ("form = F(request.POST)", 0),
        ("form = F(request.POST or None)", 0),
        ("form = F(request.POST if request.method == 'POST' else None)", 0),
        ("form = F(None if request.POST.get('a') else request.POST)", 1),
        ("data = posted.read(F, request)", 0),
    ],
)
def test_the_scan_tells_a_raw_read_from_a_form(tmp_path, source, reads):
    path = tmp_path / "module.py"
    path.write_text(source + "\n")
    assert len(raw_reads(path)) == reads


# ---- posted.read: one Dutch message, typed values ------------------------------------------------------


class Sample(forms.Form):
    count = forms.IntegerField(label="Aantal", min_value=1)
    table = forms.IntegerField(widget=forms.HiddenInput, required=False)
    word = posted.Text(5, too_long="Een woord mag hoogstens %(max)d tekens hebben.")
    shown = posted.Flag()
    client_id = posted.ClientId()
    mode = forms.ChoiceField(
        choices=[("a", "a")], required=False, error_messages={"invalid_choice": "Kies a."}
    )


def post(data):
    return RequestFactory().post("/", data)


def read(data):
    with translation.override("nl"):
        return posted.read(Sample, post(data))


def test_valid_values_come_back_typed():
    data = read({"count": "3", "table": "7", "word": "geld", "shown": "1"})
    assert data["count"] == 3 and data["table"] == 7 and data["shown"] is True
    assert isinstance(data["client_id"], uuid.UUID)  # a plain form without a key still gets one
    assert read({"count": "1", "shown": "0"})["shown"] is False
    assert read({"count": "1"})["shown"] is None


def test_a_labelled_field_names_itself_in_dutch():
    with pytest.raises(ValidationError) as refused:
        read({"count": "nul"})
    assert refused.value.messages == ["Aantal: Voer een geheel getal in."]
    with pytest.raises(ValidationError) as refused:
        read({})
    assert refused.value.messages == ["Aantal: Dit veld is verplicht."]


def test_the_forms_own_words_win():
    with pytest.raises(ValidationError) as refused:
        read({"count": "1", "word": "x" * 21})
    assert refused.value.messages == ["Een woord mag hoogstens 5 tekens hebben."]
    with pytest.raises(ValidationError) as refused:
        read({"count": "1", "mode": "b"})
    assert refused.value.messages == ["Kies a."]
    with pytest.raises(ValidationError) as refused:
        read({"count": "1", "client_id": "geen-sleutel"})
    assert refused.value.messages == ["Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."]


def test_a_hidden_field_the_page_always_sends_right_gets_the_general_message():
    with pytest.raises(ValidationError) as refused:
        read({"count": "1", "table": "drie"})
    assert refused.value.messages == ["Dit verzoek klopt niet. Laad de pagina opnieuw."]


# ---- the one guard -------------------------------------------------------------------------------------


def test_the_guard_refuses_in_the_order_a_phone_needs(workspace):
    from allin.live import services
    from allin.live.models import Activity
    from tests.live import helpers

    meeting = helpers.meeting(workspace)
    first, second = list(meeting.items.all())[:2]
    second.activity = {"type": "wordcloud", "prompt": "Welk woord?"}
    second.save(update_fields=["activity"])
    live = services.live_open(meeting=meeting, base_url=helpers.BASE_URL)
    services.item_goto(live=live, item=second)
    activity = Activity.objects.select_related("live").get(live=live, item=second)
    sam = helpers.join(live, name="Sam")
    stranger = helpers.join(helpers.live_meeting(workspace, name="Andere"), name="Kim")

    guards.phone_may_send(activity, sam)  # joined, open, current: allowed
    with pytest.raises(ValidationError, match="Je doet niet mee"):
        guards.phone_may_send(activity, stranger)
    services.activity_set(activity=activity, is_open=False)
    activity.refresh_from_db()
    with pytest.raises(ValidationError, match="Insturen is gesloten"):
        guards.phone_may_send(activity, sam)
    with pytest.raises(ValidationError, match="Het stemmen is gesloten"):
        guards.phone_may_send(activity, sam, closed="Het stemmen is gesloten.")
    guards.phone_in_current(activity, sam)  # closed, but still the current item
    services.item_goto(live=live, item=first)
    activity = Activity.objects.select_related("live").get(pk=activity.pk)
    with pytest.raises(ValidationError, match="Dit onderdeel is voorbij"):
        guards.phone_in_current(activity, sam)
    services.live_close(live=activity.live)
    activity = Activity.objects.select_related("live").get(pk=activity.pk)
    with pytest.raises(ValidationError, match="Deze bijeenkomst is afgelopen"):
        guards.phone_in_current(activity, sam)
