"""Question cards: the conversation tables of ALL-IN phase B.

The facilitator sets out tables; every phone sits down at one (one seat per attendee, in the database) and
one person per table may become its table leader (gespreksleider). The table's phones show the table's current
card; only that table's leader moves the table to another card. The table types its ideas and action points as
notes of the table. The cards come from activity.config["cards"], copied from the method when the meeting went
live."""

import uuid
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import events, guards, notes, posted
from ..models import CATEGORY_MAX, NOTE_MAX, Activity, Attendee, Note, Table, TableSeat
from ..registry import KindSpec, register

KIND = Activity.Kind.QUESTION_CARDS.value
TABLES_MAX = 30
# What a table writes down when the activity has no categories of its own.
DEFAULT_CATEGORIES = ["idee", "actiepunt"]


def cards(activity) -> list[dict]:
    """The cards of this meeting, cleaned: a title, a kind (card, brainstorm, closing) and questions."""
    raw = activity.config.get("cards") if isinstance(activity.config, dict) else None
    out = []
    for card in raw if isinstance(raw, list) else []:
        if isinstance(card, dict):
            questions = card.get("questions") if isinstance(card.get("questions"), list) else []
            out.append(
                {
                    "title": str(card.get("title") or ""),
                    "kind": str(card.get("kind") or "card"),
                    "questions": [str(q) for q in questions],
                }
            )
    return out


def categories(activity) -> list[str]:
    return list(activity.categories) or DEFAULT_CATEGORIES


def _check_phone(activity, attendee):
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel heeft geen gesprekstafels."))
    guards.phone_may_send(
        activity, attendee, closed=_("De gesprekstafels zijn gesloten. Kijk mee op het grote scherm.")
    )


def _table_of(activity, table_id) -> Table:
    table = Table.objects.filter(activity=activity, pk=table_id).first() if str(table_id).isdigit() else None
    if table is None:
        raise ValidationError(_("Deze tafel bestaat niet (meer). Kies een andere tafel."))
    return table


def _refresh_tables(activity, table_ids, *, skip=None):
    """The phones at these tables refetch their part (a new card, a new leader, a new note)."""
    ids = [t for t in table_ids if t]
    for attendee_id in TableSeat.objects.filter(table_id__in=ids).values_list("attendee_id", flat=True):
        if attendee_id != skip:
            events.attendee_changed(activity.live_id, attendee_id)


# ---- the facilitator --------------------------------------------------------------------------------------


@transaction.atomic
def tables_add(*, activity: Activity, count) -> list[Table]:
    """Set out `count` more tables, numbered on from the last one."""
    if activity.kind != KIND:
        raise ValidationError(_("Dit onderdeel heeft geen gesprekstafels."))
    try:
        count = int(count)
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= TABLES_MAX:
        raise ValidationError(_("Kies een aantal tafels van 1 tot %(max)d.") % {"max": TABLES_MAX})
    # Lock the activity so two clicks at once number their tables one after the other.
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    state = activity.tables.aggregate(n=Count("pk"), last=Max("number"))
    if state["n"] + count > TABLES_MAX:
        raise ValidationError(_("Er kunnen hoogstens %(max)d tafels zijn.") % {"max": TABLES_MAX})
    start = (state["last"] or 0) + 1
    with translation.override("nl"):  # a name everyone in the room reads, whatever the console's language
        made = Table.objects.bulk_create(
            Table(activity=activity, number=n, name=_("Tafel %(n)d") % {"n": n})
            for n in range(start, start + count)
        )
    events.phones_refresh(activity.live_id)
    events.results_changed(activity.live_id)
    return made


@transaction.atomic
def table_remove(*, table: Table) -> None:
    """Take a table away. Its seats go; its notes stay, without a table."""
    activity = table.activity
    table.delete()
    events.phones_refresh(activity.live_id)
    events.results_changed(activity.live_id)


# ---- the phones -------------------------------------------------------------------------------------------


@transaction.atomic
def table_sit(*, activity: Activity, attendee: Attendee, table_id, lead: bool = False) -> TableSeat:
    """Sit down at a table (or move to another one); with `lead`, also become its table leader."""
    _check_phone(activity, attendee)
    table = _table_of(activity, table_id)
    # One attendee's requests one after the other: a double tap cannot make two seats.
    Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
    seat = TableSeat.objects.filter(activity=activity, attendee=attendee).first()
    old_table_id = seat.table_id if seat else None
    if old_table_id != table.pk:
        # A leader who moves leaves the role behind at the old table.
        Table.objects.filter(activity=activity, leader=attendee).update(leader=None)
        if seat is None:
            seat = TableSeat.objects.create(activity=activity, table=table, attendee=attendee)
        else:
            seat.table = table
            seat.save(update_fields=["table"])
    if lead:
        _take_lead(table, attendee)
    _refresh_tables(activity, [old_table_id, table.pk], skip=attendee.pk)
    events.results_changed(activity.live_id)
    return seat


def _take_lead(table, attendee):
    # One conditional UPDATE: of two phones asking at once, exactly one becomes the leader.
    if Table.objects.filter(pk=table.pk, leader=attendee).exists():
        return
    try:
        with transaction.atomic():
            taken = Table.objects.filter(pk=table.pk, leader__isnull=True).update(leader=attendee)
    except IntegrityError:  # already the leader of another table (the database allows one)
        taken = 0
    if not taken:
        raise ValidationError(_("Deze tafel heeft al een gespreksleider. Je kunt er gewoon bij gaan zitten."))


@transaction.atomic
def table_leave(*, activity: Activity, attendee: Attendee) -> None:
    _check_phone(activity, attendee)
    seat = TableSeat.objects.filter(activity=activity, attendee=attendee).first()
    if seat is None:
        return
    Table.objects.filter(activity=activity, leader=attendee).update(leader=None)
    seat.delete()
    _refresh_tables(activity, [seat.table_id], skip=attendee.pk)
    events.results_changed(activity.live_id)


@transaction.atomic
def table_lead(*, activity: Activity, attendee: Attendee, lead: bool) -> None:
    """Become the leader of your own table (when it has none), or hand the role back."""
    _check_phone(activity, attendee)
    seat = TableSeat.objects.filter(activity=activity, attendee=attendee).first()
    if seat is None:
        raise ValidationError(_("Kies eerst aan welke tafel je zit."))
    if lead:
        _take_lead(seat.table, attendee)
    else:
        Table.objects.filter(pk=seat.table_id, leader=attendee).update(leader=None)
    _refresh_tables(activity, [seat.table_id], skip=attendee.pk)
    events.results_changed(activity.live_id)


@transaction.atomic
def card_set(*, activity: Activity, attendee: Attendee, table_id, index) -> Table:
    """The table leader puts the table on card `index` (0-based). A target index, not a step, so a double tap
    or a retried request never skips a card."""
    _check_phone(activity, attendee)
    table = _table_of(activity, table_id)
    table = Table.objects.select_for_update().get(pk=table.pk)
    if table.leader_id != attendee.pk:
        raise ValidationError(_("Alleen de gespreksleider van deze tafel kan een andere kaart kiezen."))
    try:
        index = int(index)
    except (TypeError, ValueError):
        index = -1
    if not 0 <= index < len(cards(activity)):
        raise ValidationError(_("Er is geen kaart meer in die richting."))
    if table.card_index != index:
        table.card_index = index
        table.save(update_fields=["card_index"])
        _refresh_tables(activity, [table.pk], skip=attendee.pk)
        events.results_changed(activity.live_id)
    return table


@transaction.atomic
def table_note_create(
    *, activity: Activity, attendee: Attendee, text: str, client_id, category: str = ""
) -> tuple[Note, bool]:
    """An idea or action point of the attendee's table. The same client_id finds the note it already made."""

    def check():
        _check_phone(activity, attendee)
        seat = TableSeat.objects.filter(activity=activity, attendee=attendee).first()
        if seat is None:
            raise ValidationError(_("Kies eerst aan welke tafel je zit."))
        if category not in categories(activity):
            raise ValidationError(
                _("Kies een van de soorten: %(list)s.") % {"list": ", ".join(categories(activity))}
            )
        return {"category": category, "table_id": seat.table_id}

    note, created = notes.note_create(
        activity=activity, attendee=attendee, text=text, client_id=client_id, rules=check
    )
    if created:
        _refresh_tables(activity, [note.table_id], skip=attendee.pk)
        events.results_changed(activity.live_id)
    return note, created


# ---- what the screens show --------------------------------------------------------------------------------


@dataclass
class TableRow:
    table: Table
    seated: int
    position: int  # 1-based card number, 0 without cards
    card: dict | None
    all_notes: list = field(default_factory=list)

    @property
    def notes(self):
        return [n for n in self.all_notes if not n.hidden]


def _card_at(card_list, index):
    if not card_list:
        return 0, None
    index = min(max(index, 0), len(card_list) - 1)
    return index + 1, card_list[index]


def context(activity) -> dict:
    card_list = cards(activity)
    tables = list(activity.tables.select_related("leader").annotate(seated=Count("seats")).order_by("number"))
    rows = {t.pk: TableRow(t, t.seated, *_card_at(card_list, t.card_index)) for t in tables}
    loose = []
    for note in activity.notes.order_by("created_at", "pk"):
        (rows[note.table_id].all_notes if note.table_id in rows else loose).append(note)
    return {
        "qc_cards": card_list,
        "qc_tables": list(rows.values()),
        "qc_loose": loose,
        "qc_note_count": sum(len(r.notes) for r in rows.values()) + sum(1 for n in loose if not n.hidden),
        "qc_tables_max": TABLES_MAX,
    }


def mine_context(activity, attendee) -> dict:
    card_list = cards(activity)
    seat = (
        TableSeat.objects.select_related("table__leader").filter(activity=activity, attendee=attendee).first()
    )
    mine = {
        "qc_seat": seat,
        "qc_total": len(card_list),
        "qc_categories": categories(activity),
        "client_id": uuid.uuid4(),
    }
    if seat is None:
        mine["qc_choices"] = list(activity.tables.annotate(seated=Count("seats")).select_related("leader"))
        return mine
    table = seat.table
    position, card = _card_at(card_list, table.card_index)
    mine.update(
        qc_table=table,
        qc_position=position,
        qc_card=card,
        qc_is_leader=table.leader_id == attendee.pk,
        qc_previous=position - 2 if position > 1 else None,
        qc_next=position if 0 < position < len(card_list) else None,
        qc_table_notes=list(
            table.notes.filter(activity=activity, hidden=False).order_by("-created_at", "-pk")
        ),
    )
    return mine


def results(activity) -> dict:
    """Per table its ideas and action points."""
    state = context(activity)
    lines = []
    for row in state["qc_tables"]:
        for note in row.notes:
            lines.append(
                f"{row.table.name} · {note.category}: {note.text}"
                if note.category
                else f"{row.table.name}: {note.text}"
            )
    lines += [n.text for n in state["qc_loose"] if not n.hidden]
    return {"title": activity.prompt, "lines": lines}


# ---- the routes' handlers ---------------------------------------------------------------------------------


NO_TABLE = gettext_lazy("Deze tafel bestaat niet (meer). Kies een andere tafel.")
NO_CARD = gettext_lazy("Er is geen kaart meer in die richting.")


def _table_field():
    return posted.Id(message=NO_TABLE)


class SitForm(forms.Form):
    table = _table_field()
    lead = posted.Flag(empty=False)


class LeadForm(forms.Form):
    lead = posted.Flag(empty=True)  # the button to hand the role back sends 0


class CardForm(forms.Form):
    table = _table_field()
    card = forms.IntegerField(error_messages={"required": NO_CARD, "invalid": NO_CARD})


class TableNoteForm(forms.Form):
    # note_create counts the characters after folding white space; the form only stops absurd input.
    text = posted.Text(NOTE_MAX, too_long=gettext_lazy("Een post-it mag hoogstens %(max)d tekens hebben."))
    client_id = posted.ClientId()
    category = posted.Text(CATEGORY_MAX)


class TablesForm(forms.Form):
    count = forms.IntegerField(
        error_messages={
            key: posted.message(gettext_lazy("Kies een aantal tafels van 1 tot %(max)d."), max=TABLES_MAX)
            for key in ("required", "invalid")
        }
    )


class TableForm(forms.Form):
    table = _table_field()


def _sit(request, activity, attendee):
    data = posted.read(SitForm, request)
    table_sit(activity=activity, attendee=attendee, table_id=data["table"], lead=data["lead"])


def _leave(request, activity, attendee):
    table_leave(activity=activity, attendee=attendee)


def _lead(request, activity, attendee):
    table_lead(activity=activity, attendee=attendee, **posted.read(LeadForm, request))


def _card(request, activity, attendee):
    data = posted.read(CardForm, request)
    card_set(activity=activity, attendee=attendee, table_id=data["table"], index=data["card"])


def _note(request, activity, attendee):
    table_note_create(activity=activity, attendee=attendee, **posted.read(TableNoteForm, request))


def _console_tables(request, activity):
    tables_add(activity=activity, **posted.read(TablesForm, request))


def _console_remove(request, activity):
    table_remove(table=_table_of(activity, posted.read(TableForm, request)["table"]))


register(
    KindSpec(
        kind=KIND,
        phone_template="live/kinds/question_cards_phone.html",
        projector_template="live/kinds/question_cards_projector.html",
        console_template="live/kinds/question_cards_console.html",
        mine_template="live/kinds/question_cards_mine.html",
        context=context,
        mine_context=mine_context,
        results=results,
        phone_actions={"sit": _sit, "leave": _leave, "lead": _lead, "card": _card, "note": _note},
        console_actions={"tables": _console_tables, "remove": _console_remove},
    )
)
