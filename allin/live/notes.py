"""Writes on a notes board: post-its, moderation and themes. Keyword-only, one transaction each."""

import uuid
from collections.abc import Callable
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from allin.core.text import one_line

from . import events, moderation
from .models import NOTE_MAX, THEME_MAX, Activity, Attendee, Note, Theme

NOTES_PER_MINUTE = 30
THEMES_MAX = 30


class DuplicateClientId(ValidationError):
    """The idempotency key belongs to someone else's note."""


class TooManyNotes(ValidationError):
    """More notes in a minute than a person can write by hand."""


def _clean_text(text):
    text = one_line(text)
    if not text:
        raise ValidationError(_("Schrijf eerst iets op je post-it."))
    if len(text) > NOTE_MAX:
        raise ValidationError(_("Een post-it mag hoogstens %(max)d tekens hebben.") % {"max": NOTE_MAX})
    return text


def clean_client_id(client_id):
    try:
        return uuid.UUID(str(client_id))
    except (TypeError, ValueError):
        raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")) from None


@transaction.atomic
def note_create(
    *,
    activity: Activity,
    text: str,
    client_id,
    category: str = "",
    attendee: Attendee | None = None,
    author=None,
    show_name: bool = False,
    rules: Callable[[], dict] | None = None,
) -> tuple[Note, bool]:
    """A note, on a board or through an activity kind (a reaction to a dream, a table's idea): the one note
    pipeline. Returns (note, created): the same client_id from the same person finds the note it already
    made, so a retried or double-tapped post never makes a second one.

    On a board the board's rules apply (open, current, its categories, one tip and one top). A kind passes
    `rules`: it checks the kind's own rules (raising ValidationError) and returns the note's other fields
    (category, dream, table_id, ...); the kind tells its screens itself. Either way the text is cleaned, a
    phone may post at most NOTES_PER_MINUTE, and the meeting's version goes up."""
    client_id = clean_client_id(client_id)
    # No look-up of the key first: the unique constraint on (board, client_id) is the check. Only when a
    # post is refused (or the insert collides) is the note that key may already have made looked for, so a
    # retry after the board closed, or past the rate limit, still finds the note it made.
    try:
        text = _clean_text(text)
        if rules is not None:
            if attendee is None:
                raise ValidationError(_("Onbekende afzender."))
            fields = rules()
        else:
            fields = _board_fields(activity, attendee, author, category, show_name)
        if attendee is not None:
            _check_rate(attendee)
    except ValidationError:
        existing = Note.objects.filter(activity=activity, client_id=client_id).first()
        if existing is None:
            raise
        return _same_author(existing, attendee, author), False
    screens_version = 0
    try:
        with transaction.atomic():
            # A board's note takes the meeting's next version in the same savepoint as its insert, so a
            # collision undoes both; a kind's note tells its screens itself.
            version, screens_version = (
                events.next_version(activity.live_id, events.NOTE_ADDED) if rules is None else (0, 0)
            )
            note = Note.objects.create(
                activity=activity,
                attendee=attendee,
                author=author,
                client_id=client_id,
                text=text,
                **fields,
                # Board notes wait in moderation; a kind's notes (a dream's reaction, a table's idea) do not:
                # their consoles have no "let through".
                **(moderation.held_fields(activity, attendee) if rules is None else {}),
                version=version,
            )
    except IntegrityError:  # the same key, from a retry or a second request racing this one
        existing = Note.objects.filter(activity=activity, client_id=client_id).first()
        if existing is None:
            raise
        return _same_author(existing, attendee, author), False
    if rules is None:
        events.note_added(note, screens_version=screens_version)
    return note, True


def _board_fields(activity, attendee, author, category, show_name) -> dict:
    """A board's rules for a new note; returns its category and whether the name shows."""
    if attendee is not None:
        if attendee.live_id != activity.live_id:
            raise ValidationError(_("Je doet niet mee aan deze bijeenkomst."))
        if not activity.live.is_open:
            raise ValidationError(_("Deze bijeenkomst is afgelopen."))
        if not activity.is_open or not activity.takes_notes or activity.kind == Activity.Kind.PARKING:
            raise ValidationError(_("Je kunt hier nu geen post-its meer sturen."))
        if activity.item_id != activity.live.current_item_id:
            raise ValidationError(_("Dit onderdeel is voorbij. Kijk op het scherm wat er nu gebeurt."))
    elif author is None:
        raise ValidationError(_("Onbekende afzender."))
    category = (category or "").strip()
    if activity.categories and category not in activity.categories:
        if attendee is not None or category:
            raise ValidationError(_("Kies een van de categorieën."))
    if not activity.categories:
        category = ""
    if attendee is not None and activity.kind == Activity.Kind.TIPS_TOPS:
        # Tips & tops: one of each per person, as with the two paper post-its.
        if Note.objects.filter(activity=activity, attendee=attendee, category=category).exists():
            raise ValidationError(
                _("Je hebt al een %(category)s gestuurd. Eén per soort is genoeg.") % {"category": category}
            )
    return {"category": category, "show_name": bool(show_name and attendee is not None and attendee.name)}


def _check_rate(attendee):
    # Lock the attendee so two posts at once cannot both slip under the per-minute limit. (SQLite has no row
    # locks; its write transactions already run one at a time.)
    if connection.features.has_select_for_update:
        Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
    recent = Note.objects.filter(attendee=attendee, created_at__gte=timezone.now() - timedelta(minutes=1))
    if recent.count() >= NOTES_PER_MINUTE:
        raise TooManyNotes(
            _("Je hebt veel post-its in korte tijd gestuurd. Wacht even en probeer het dan opnieuw.")
        )


def _same_author(note, attendee, author):
    if (attendee is not None and note.attendee_id == attendee.pk) or (
        author is not None and note.author_id == author.pk
    ):
        return note
    raise DuplicateClientId(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."))


@transaction.atomic
def note_set_hidden(*, note: Note, hidden: bool) -> Note:
    if note.hidden != hidden:
        note.hidden = hidden
        note.held = note.held and hidden  # shown: no longer waiting for moderation
        note.save(update_fields=["hidden", "held"])
        events.note_visibility_changed(note)
    return note


def _theme_name(name):
    name = one_line(name)
    if not name:
        raise ValidationError(_("Geef het thema een naam."))
    if len(name) > THEME_MAX:
        raise ValidationError(_("Een themanaam mag hoogstens %(max)d tekens hebben.") % {"max": THEME_MAX})
    return name


@transaction.atomic
def theme_create(*, activity: Activity, name: str) -> Theme:
    if activity.themes.count() >= THEMES_MAX:
        raise ValidationError(_("Een bord heeft hoogstens %(max)d thema's.") % {"max": THEMES_MAX})
    theme = Theme.objects.create(
        activity=activity,
        name=_theme_name(name),
        order=(activity.themes.aggregate(m=Max("order"))["m"] or 0) + 1,
    )
    events.board_changed(activity.live_id)
    return theme


@transaction.atomic
def theme_rename(*, theme: Theme, name: str) -> Theme:
    theme.name = _theme_name(name)
    theme.save(update_fields=["name"])
    events.board_changed(theme.activity.live_id)
    return theme


@transaction.atomic
def theme_merge(*, source: Theme, target: Theme) -> Theme:
    """All notes of `source` move to `target`, and `source` goes away."""
    if source.activity_id != target.activity_id or source.pk == target.pk:
        raise ValidationError(_("Kies twee verschillende thema's van hetzelfde bord."))
    source.notes.update(theme=target)
    live_id = source.activity.live_id
    source.delete()
    events.board_changed(live_id)
    return target


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    live_id = theme.activity.live_id
    theme.delete()  # its notes keep existing, without a theme
    events.board_changed(live_id)


@transaction.atomic
def note_move(*, note: Note, theme: Theme | None) -> Note:
    if theme is not None and theme.activity_id != note.activity_id:
        raise ValidationError(_("Dit thema hoort bij een ander bord."))
    note.theme = theme
    note.save(update_fields=["theme"])
    events.board_changed(note.activity.live_id)
    return note
