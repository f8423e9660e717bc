"""The shape of a method file, checked field by field so that an error names the file and the path
of the field.

Pure Python: no Django, so the loader runs in a plain test and the data stays usable outside the web app."""

import re
from dataclasses import dataclass, field

from allin.core import limits

ACTIVITY_TYPES = {
    "notes",
    "wordcloud",
    "vote",
    "consent",
    "question_cards",
    "future_dream",
    "hopes_fears",
    "tips_tops",
    "commitment",
    "plans",
    "findings",
    "timer",
    "slide",
}
ITEM_KINDS = {"item", "break"}
CARD_KINDS = {"card", "brainstorm", "closing"}
# The optional parts of a process; the core parts (step 0, participants, encounters, dashboard, actions,
# ideas to actions) belong to every method. Neutral words for each are in methods/tools.py.
TOOL_KEYS = ("socialmap", "network", "five_steps", "feedback", "agreements", "experiments")
_SLUG = re.compile(r"^[a-z0-9-]{2,40}$")
_KEY = re.compile(r"^[a-z0-9-]{1,40}$")
_PHASE_KEY = re.compile(r"^[A-Za-z0-9-]{1,20}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


class MethodError(ValueError):
    def __init__(self, path, message):
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}")


class _Reader:
    """Walks a parsed YAML mapping, keeping the field path for error messages."""

    def __init__(self, data, path):
        if not isinstance(data, dict):
            raise MethodError(path, "moet een lijst van velden (mapping) zijn")
        self.data, self.path = data, path

    def _at(self, key):
        return f"{self.path}.{key}" if self.path else key

    def text(self, key, max_len, required=True, default=""):
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise MethodError(self._at(key), "ontbreekt of is leeg")
            return default
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise MethodError(self._at(key), "moet tekst zijn")
        value = str(value).strip()
        if len(value) > max_len:
            raise MethodError(self._at(key), f"is te lang ({len(value)} tekens, hoogstens {max_len})")
        return value

    def match(self, key, pattern, hint, required=True, default=""):
        value = self.text(key, 60, required=required, default=default)
        if value and not pattern.match(value):
            raise MethodError(self._at(key), f"moet {hint} zijn, niet {value!r}")
        return value

    def integer(self, key, low, high, required=True, default=None):
        value = self.data.get(key)
        if value is None:
            if required:
                raise MethodError(self._at(key), "ontbreekt")
            return default
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise MethodError(self._at(key), f"moet een heel getal van {low} tot {high} zijn")
        return value

    def choice(self, key, options, default):
        value = self.data.get(key, default)
        if value not in options:
            raise MethodError(
                self._at(key), f"moet een van {', '.join(sorted(options))} zijn, niet {value!r}"
            )
        return value

    def texts(self, key, max_len, required=False, min_items=0):
        value = self.data.get(key)
        if value is None:
            if required:
                raise MethodError(self._at(key), "ontbreekt")
            return []
        if not isinstance(value, list):
            raise MethodError(self._at(key), "moet een lijst zijn")
        if len(value) < min_items:
            raise MethodError(self._at(key), f"moet minstens {min_items} regel(s) hebben")
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise MethodError(f"{self._at(key)}[{i}]", "moet niet-lege tekst zijn")
            if len(item) > max_len:
                raise MethodError(f"{self._at(key)}[{i}]", f"is te lang (hoogstens {max_len} tekens)")
            out.append(item.strip())
        return out

    def children(self, key, required=False, min_items=0):
        value = self.data.get(key)
        if value is None:
            if required:
                raise MethodError(self._at(key), "ontbreekt")
            return []
        if not isinstance(value, list):
            raise MethodError(self._at(key), "moet een lijst zijn")
        if len(value) < min_items:
            raise MethodError(self._at(key), f"moet minstens {min_items} onderdeel/onderdelen hebben")
        return [_Reader(item, f"{self._at(key)}[{i}]") for i, item in enumerate(value)]

    def child(self, key, required=True):
        value = self.data.get(key)
        if value is None:
            if required:
                raise MethodError(self._at(key), "ontbreekt")
            return None
        return _Reader(value, self._at(key))


@dataclass(frozen=True)
class AgendaItemSpec:
    title: str
    duration: int
    kind: str = "item"
    goals: tuple = ()
    instructions: str = ""
    materials: tuple = ()
    activity: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ChecklistSpec:
    title: str
    items: tuple


@dataclass(frozen=True)
class MeetingSpec:
    key: str
    name: str
    description: str
    offset_days: int
    start_time: str
    duration_minutes: int
    audience: str
    agenda: tuple
    checklists: tuple

    @property
    def agenda_minutes(self):
        return sum(item.duration for item in self.agenda)


@dataclass(frozen=True)
class AssignmentSpec:
    title: str
    audience: str
    description: str
    steps: tuple


@dataclass(frozen=True)
class PhaseSpec:
    key: str
    name: str
    description: str
    assignments: tuple
    meetings: tuple


@dataclass(frozen=True)
class QuestionCardSpec:
    key: str
    title: str
    kind: str
    questions: tuple


@dataclass(frozen=True)
class MethodSpec:
    slug: str
    name: str
    tagline: str
    summary: str
    audience: str
    credit_makers: tuple
    credit_text: str
    credit_source: str
    theme_example: str
    dialogue_agreements: tuple
    getting_to_know: dict
    who_to_invite: tuple
    notes: tuple
    question_cards: tuple
    phases: tuple
    tools: dict = field(default_factory=dict)

    @property
    def meetings(self):
        return [meeting for phase in self.phases for meeting in phase.meetings]


def _agenda_item(r):
    activity = {}
    act = r.child("activity", required=False)
    if act is not None:
        act.choice("type", ACTIVITY_TYPES, default=None)
        act.text("prompt", limits.SHORT_TEXT_MAX, required=False)
        act.texts("categories", 80)
        activity = dict(act.data)
    return AgendaItemSpec(
        title=r.text("title", limits.TITLE_MAX),
        duration=r.integer("duration", limits.DURATION_MIN, limits.DURATION_MAX),
        kind=r.choice("kind", ITEM_KINDS, "item"),
        goals=tuple(r.texts("goals", limits.SHORT_TEXT_MAX)),
        instructions=r.text("instructions", limits.TEXT_MAX, required=False),
        materials=tuple(r.texts("materials", limits.SHORT_TEXT_MAX)),
        activity=activity,
    )


def _meeting(r):
    return MeetingSpec(
        key=r.match("key", _KEY, "kleine letters, cijfers en streepjes"),
        name=r.text("name", limits.NAME_MAX),
        description=r.text("description", 3000),
        offset_days=r.integer("offset_days", 0, 730),
        start_time=r.match("start_time", _TIME, "een tijd als 13:00", required=False, default="13:00"),
        duration_minutes=r.integer(
            "duration_minutes", limits.MEETING_MINUTES_MIN, limits.MEETING_MINUTES_MAX
        ),
        audience=r.text("audience", limits.SHORT_TEXT_MAX, required=False),
        agenda=tuple(_agenda_item(c) for c in r.children("agenda", required=True, min_items=1)),
        checklists=tuple(
            ChecklistSpec(
                title=c.text("title", limits.NAME_MAX),
                items=tuple(c.texts("items", limits.SHORT_TEXT_MAX, required=True, min_items=1)),
            )
            for c in r.children("checklists")
        ),
    )


def _phase(r):
    return PhaseSpec(
        key=r.match("key", _PHASE_KEY, "letters, cijfers en streepjes (hoogstens 20)"),
        name=r.text("name", limits.NAME_MAX),
        description=r.text("description", 3000),
        assignments=tuple(
            AssignmentSpec(
                title=a.text("title", limits.TITLE_MAX),
                audience=a.text("audience", limits.NAME_MAX, required=False),
                description=a.text("description", 3000),
                steps=tuple(a.texts("steps", limits.SHORT_TEXT_MAX)),
            )
            for a in r.children("assignments")
        ),
        meetings=tuple(_meeting(m) for m in r.children("meetings")),
    )


def _unique(items, attr, path):
    seen = set()
    for item in items:
        value = getattr(item, attr)
        if value in seen:
            raise MethodError(path, f"{attr} {value!r} komt twee keer voor")
        seen.add(value)


def _tools(r):
    """`tools:` maps a part the method uses to its own name for it (empty: the neutral name)."""
    value = r.data.get("tools")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MethodError("tools", "moet een lijst van onderdelen (mapping) zijn")
    out = {}
    for key, label in value.items():
        if key not in TOOL_KEYS:
            raise MethodError(f"tools.{key}", f"is geen bekend onderdeel; kies uit {', '.join(TOOL_KEYS)}")
        if label is not None and (not isinstance(label, str) or len(label.strip()) > limits.NAME_MAX):
            raise MethodError(
                f"tools.{key}", f"moet leeg zijn of tekst van hoogstens {limits.NAME_MAX} tekens"
            )
        out[key] = (label or "").strip()
    return out


def parse_method(data, expected_slug=None) -> MethodSpec:
    r = _Reader(data, "")
    slug = r.match("slug", _SLUG, "2 tot 40 kleine letters, cijfers of streepjes")
    if expected_slug is not None and slug != expected_slug:
        raise MethodError("slug", f"moet gelijk zijn aan de bestandsnaam ({expected_slug!r})")
    credits = r.child("credits")
    gtk = r.child("getting_to_know", required=False)
    getting_to_know = {}
    if gtk is not None:
        getting_to_know = {
            "max_minutes": gtk.integer("max_minutes", 1, 60),
            "max_group_size": gtk.integer("max_group_size", 2, 12),
            "questions": gtk.texts("questions", limits.SHORT_TEXT_MAX, required=True, min_items=1),
        }
    method = MethodSpec(
        slug=slug,
        name=r.text("name", limits.NAME_MAX),
        tagline=r.text("tagline", 200),
        summary=r.text("summary", 3000),
        audience=r.text("audience", limits.SHORT_TEXT_MAX),
        credit_makers=tuple(credits.texts("makers", limits.NAME_MAX, required=True, min_items=1)),
        credit_text=credits.text("text", 2000),
        credit_source=credits.text("source", limits.SHORT_TEXT_MAX),
        theme_example=r.text("theme_example", limits.NAME_MAX, required=False),
        dialogue_agreements=tuple(r.texts("dialogue_agreements", limits.SHORT_TEXT_MAX)),
        getting_to_know=getting_to_know,
        who_to_invite=tuple(
            (w.text("name", limits.NAME_MAX), w.text("why", limits.SHORT_TEXT_MAX, required=False))
            for w in r.children("who_to_invite")
        ),
        notes=tuple(
            (n.text("title", limits.NAME_MAX), n.text("text", limits.TEXT_MAX)) for n in r.children("notes")
        ),
        question_cards=tuple(
            QuestionCardSpec(
                key=c.match("key", _KEY, "kleine letters, cijfers en streepjes"),
                title=c.text("title", limits.NAME_MAX),
                kind=c.choice("kind", CARD_KINDS, "card"),
                questions=tuple(c.texts("questions", limits.SHORT_TEXT_MAX, required=True, min_items=1)),
            )
            for c in r.children("question_cards")
        ),
        phases=tuple(_phase(p) for p in r.children("phases", required=True, min_items=1)),
        tools=_tools(r),
    )
    _unique(method.phases, "key", "phases")
    _unique(method.meetings, "key", "phases[].meetings")
    _unique(method.question_cards, "key", "question_cards")
    return method
