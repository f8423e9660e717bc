"""Word cloud ("woordwolk"): phones send short answers (1 to 3 words, such as the search words youth used to
find help). Each answer is stored with its normalised spelling (lower case, spaces folded, one trailing
punctuation mark removed) and counted. The facilitator can merge two spellings and hide a word (WordAlias).
The cloud is an SVG drawn here on the server: most frequent largest, placed along a spiral, with the ranked
list beside it as its text alternative."""

import unicodedata
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from allin.core.text import one_line

from .. import events, guards, posted
from ..activity_models import WORD_MAX, WordAlias, WordAnswer
from ..models import Activity, Attendee
from ..registry import KindSpec, register
from .wordcloud_svg import cloud_svg

WORDS_PER_ANSWER = 3
ANSWERS_PER_ATTENDEE = 10
CLOUD_WORDS = 50  # the cloud draws the most frequent words; the list beside it has them all
RESULT_LINES = 15


def normalise(text) -> str:
    """The spelling answers are counted by: 'Schulden!' and ' schulden ' are the same word."""
    word = one_line(text).lower()
    if word and unicodedata.category(word[-1]).startswith("P"):
        word = word[:-1].rstrip()
    return word


# ---- reading ----------------------------------------------------------------------------------------


@dataclass
class WordCount:
    word: str
    count: int = 0
    hidden: bool = False
    spellings: list = field(default_factory=list)  # other spellings merged into this word


class Cloud:
    """What the stage shows of a word cloud, read lazily: phones never touch it, so they cost no queries."""

    def __init__(self, activity):
        self.activity = activity

    @cached_property
    def _aliases(self):
        return {a.word: a for a in self.activity.word_aliases.all()}

    @cached_property
    def _all(self) -> list[WordCount]:
        counts = {}
        rows = WordAnswer.objects.filter(activity=self.activity).values("word").annotate(n=Count("id"))
        for row in rows:
            alias = self._aliases.get(row["word"])
            key = alias.target if (alias and alias.target) else row["word"]
            entry = counts.setdefault(key, WordCount(key))
            entry.count += row["n"]
            if key != row["word"]:
                entry.spellings.append(row["word"])
        for key, entry in counts.items():
            alias = self._aliases.get(key)
            entry.hidden = bool(alias and alias.hidden)
            entry.spellings.sort()
        return sorted(counts.values(), key=lambda e: (-e.count, e.word))

    @cached_property
    def ranking(self) -> list[WordCount]:
        return [e for e in self._all if not e.hidden]

    @cached_property
    def hidden(self) -> list[WordCount]:
        return [e for e in self._all if e.hidden]

    @cached_property
    def merged(self) -> list:
        return sorted((a for a in self._aliases.values() if a.target), key=lambda a: a.word)

    @cached_property
    def total(self) -> int:
        """Answers that count (hidden words left out)."""
        return sum(e.count for e in self.ranking)

    @cached_property
    def svg(self):
        words = tuple((e.word, e.count) for e in self.ranking[:CLOUD_WORDS])
        top = ", ".join(w for w, _n in words[:5])
        label = ngettext("Woordwolk van %(n)d antwoord.", "Woordwolk van %(n)d antwoorden.", self.total) % {
            "n": self.total
        }
        if top:
            label += " " + _("Het meest genoemd: %(words)s. De lijst ernaast noemt alle woorden.") % {
                "words": top
            }
        return mark_safe(cloud_svg(words, label))


def answer_key(activity):
    """A function: word -> (the word it is shown as, whether that is hidden)."""
    aliases = {a.word: a for a in activity.word_aliases.all()}
    hidden = {a.word for a in aliases.values() if a.hidden}

    def key(word):
        alias = aliases.get(word)
        target = alias.target if (alias and alias.target) else word
        return target, target in hidden

    return key


def context(activity) -> dict:
    return {"cloud": Cloud(activity)}


def mine_context(activity, attendee) -> dict:
    answers = list(
        WordAnswer.objects.filter(activity=activity, attendee=attendee).order_by("-created_at", "-pk")
    )
    key = answer_key(activity)
    return {
        "my_words": [a for a in answers if not key(a.word)[1]],
        "words_left": max(0, ANSWERS_PER_ATTENDEE - len(answers)),
    }


def results(activity) -> dict:
    ranking = Cloud(activity).ranking
    return {"title": activity.prompt, "lines": [f"{e.word} ({e.count})" for e in ranking[:RESULT_LINES]]}


def _clean_text(text) -> tuple[str, str]:
    text = one_line(text)
    if not text:
        raise ValidationError(_("Typ eerst een woord."))
    if len(text) > WORD_MAX:
        raise ValidationError(_("Een antwoord mag hoogstens %(max)d tekens hebben.") % {"max": WORD_MAX})
    if len(text.split()) > WORDS_PER_ANSWER:
        raise ValidationError(_("Gebruik hoogstens %(max)d woorden.") % {"max": WORDS_PER_ANSWER})
    word = normalise(text)
    if not word:
        raise ValidationError(_("Typ eerst een woord."))
    return text, word


def _check_can_answer(activity, attendee):
    if activity.kind != Activity.Kind.WORDCLOUD:
        raise ValidationError(_("Hier kun je geen woorden sturen."))
    guards.phone_may_send(activity, attendee)


@transaction.atomic
def word_answer_create(*, activity, attendee, text, client_id) -> tuple[WordAnswer, bool]:
    """An answer in the cloud. Returns (answer, created): a retried post with the same client_id finds the
    answer it already made."""
    try:
        client_id = uuid.UUID(str(client_id))
    except (TypeError, ValueError):
        raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")) from None
    existing = WordAnswer.objects.filter(activity=activity, client_id=client_id).first()
    if existing is not None:
        if existing.attendee_id != attendee.pk:
            raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw."))
        return existing, False
    text, word = _clean_text(text)
    _check_can_answer(activity, attendee)
    # Lock the attendee, so two posts at once cannot both slip under the limit.
    Attendee.objects.select_for_update().filter(pk=attendee.pk).first()
    if WordAnswer.objects.filter(activity=activity, attendee=attendee).count() >= ANSWERS_PER_ATTENDEE:
        raise ValidationError(
            _("Je hebt al %(max)d woorden gestuurd. Meer kan niet bij deze vraag.")
            % {"max": ANSWERS_PER_ATTENDEE}
        )
    try:
        with transaction.atomic():
            answer = WordAnswer.objects.create(
                activity=activity, attendee=attendee, client_id=client_id, text=text, word=word
            )
    except IntegrityError:  # the same key raced in from a second request
        answer = WordAnswer.objects.get(activity=activity, client_id=client_id)
        if answer.attendee_id != attendee.pk:
            raise ValidationError(_("Dit bericht is niet goed aangekomen. Laad de pagina opnieuw.")) from None
        return answer, False
    events.results_changed(activity.live_id)
    return answer, True


def _shown_word(activity, word) -> str:
    """A word as the cloud shows it (after merges), or a Dutch refusal when it is not in the cloud."""
    word = normalise(word)
    key = answer_key(activity)
    if word and WordAnswer.objects.filter(activity=activity, word=word).exists():
        return key(word)[0]
    if word and WordAlias.objects.filter(activity=activity, target=word).exists():
        return word
    raise ValidationError(_("Dit woord staat niet in de woordwolk."))


@transaction.atomic
def word_merge(*, activity, word, into) -> None:
    """From now on `word` counts as `into` (two spellings of one thing)."""
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    word, into = _shown_word(activity, word), _shown_word(activity, into)
    if word == into:
        raise ValidationError(_("Kies twee verschillende woorden."))
    WordAlias.objects.update_or_create(
        activity=activity, word=word, defaults={"target": into, "hidden": False}
    )
    # Words merged into `word` before go along, so no chain of merges is ever needed.
    WordAlias.objects.filter(activity=activity, target=word).update(target=into)
    events.results_changed(activity.live_id)


@transaction.atomic
def word_unmerge(*, activity, word) -> None:
    alias = WordAlias.objects.filter(activity=activity, word=normalise(word)).exclude(target="").first()
    if alias is None:
        raise ValidationError(_("Dit woord is niet samengevoegd."))
    alias.target = ""
    if alias.hidden:
        alias.save(update_fields=["target"])
    else:
        alias.delete()
    events.results_changed(activity.live_id)


@transaction.atomic
def word_set_hidden(*, activity, word, hidden: bool) -> None:
    """Hide a word (with every spelling merged into it) from the cloud and from phones, or show it again."""
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    word = _shown_word(activity, word)
    if hidden:
        WordAlias.objects.update_or_create(activity=activity, word=word, defaults={"hidden": True})
    else:
        WordAlias.objects.filter(activity=activity, word=word, target="").delete()
        WordAlias.objects.filter(activity=activity, word=word).update(hidden=False)
    events.results_changed(activity.live_id)
    events.phones_refresh(activity.live_id)  # the word leaves (or returns to) its senders' lists


# ---- actions ----------------------------------------------------------------------------------------


class AnswerForm(forms.Form):
    text = posted.Text(WORD_MAX, too_long=gettext_lazy("Een antwoord mag hoogstens %(max)d tekens hebben."))
    client_id = posted.ClientId()


class WordForm(forms.Form):
    word = forms.CharField(max_length=WORD_MAX * 4)


class MergeForm(WordForm):
    into = forms.CharField(max_length=WORD_MAX * 4)


class HideForm(WordForm):
    hidden = posted.Flag(empty=True)


def _answer(request, activity, attendee):
    word_answer_create(activity=activity, attendee=attendee, **posted.read(AnswerForm, request))


def _merge(request, activity):
    word_merge(activity=activity, **posted.read(MergeForm, request))


def _unmerge(request, activity):
    word_unmerge(activity=activity, **posted.read(WordForm, request))


def _hide(request, activity):
    word_set_hidden(activity=activity, **posted.read(HideForm, request))


register(
    KindSpec(
        kind="wordcloud",
        phone_template="live/kinds/wordcloud_phone.html",
        projector_template="live/kinds/wordcloud_projector.html",
        console_template="live/kinds/wordcloud_console.html",
        context=context,
        results=results,
        mine_template="live/kinds/wordcloud_mine.html",
        mine_context=mine_context,
        phone_actions={"answer": _answer},
        console_actions={"merge": _merge, "unmerge": _unmerge, "hide": _hide},
    )
)
