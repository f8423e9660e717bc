"""Reading the social map of a process in a fixed number of queries: groups with everything they entered, the
organisations found most, the search words, the mirror per organisation and what youth did not find."""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from . import charts
from .models import (
    RATING_FIELDS,
    Finding,
    GroupPhone,
    HelpOrganisation,
    Preparation,
    SearchWord,
    YouthGroup,
    rating_labels,
)


def group_get(process, pk) -> YouthGroup:
    return get_object_or_404(YouthGroup, process=process, pk=pk)


def organisation_get(process, pk) -> HelpOrganisation:
    return get_object_or_404(HelpOrganisation, process=process, pk=pk)


def preparation_get(process, pk) -> Preparation:
    return get_object_or_404(Preparation, process=process, pk=pk)


def phone_group(process, phone) -> YouthGroup | None:
    """The group a live phone enters for in this process, or None."""
    row = GroupPhone.objects.select_related("group").filter(phone=phone, group__process=process).first()
    return row.group if row else None


def groups(process) -> list[YouthGroup]:
    return list(
        YouthGroup.objects.filter(process=process).prefetch_related(
            Prefetch("findings", Finding.objects.select_related("organisation")),
            "search_words",
            "not_found",
            "undercover__organisation",
        )
    )


def _average(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(sum(values) / len(values), 1) if values else None


@dataclass
class Mirror:
    """How youth rated an organisation beside how it rated itself."""

    organisation: HelpOrganisation
    youth: dict  # field -> average or None
    own: dict
    youth_count: int  # groups that rated
    own_count: int  # professionals who rated

    @property
    def rows(self) -> list[tuple[str, float | None, float | None]]:
        labels = rating_labels()
        return [(str(labels[f]), self.youth[f], self.own[f]) for f in RATING_FIELDS]

    @property
    def has_both(self) -> bool:
        return self.youth_count > 0 and self.own_count > 0

    @cached_property
    def svg(self):
        return charts.mirror_svg(self)


@dataclass
class Found:
    organisation: HelpOrganisation
    groups: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.groups)


@dataclass
class Missing:
    name: str
    count: int
    notes: list


class SocialMap:
    """Everything the social map page and the projector show, read lazily."""

    def __init__(self, process):
        self.process = process

    @cached_property
    def groups(self) -> list[YouthGroup]:
        return groups(self.process)

    @cached_property
    def organisations(self) -> list[HelpOrganisation]:
        return list(HelpOrganisation.objects.filter(process=self.process).select_related("partner"))

    @cached_property
    def preparations(self) -> list[Preparation]:
        return list(Preparation.objects.filter(process=self.process).select_related("organisation"))

    @cached_property
    def found_most(self) -> list[Found]:
        by_org = {}
        for group in self.groups:
            for finding in group.findings.all():
                entry = by_org.setdefault(finding.organisation_id, Found(finding.organisation))
                entry.groups.append(group)
        return sorted(by_org.values(), key=lambda f: (-f.count, f.organisation.name.casefold()))

    @cached_property
    def words(self) -> list[tuple[str, int]]:
        counts = Counter(w.word for group in self.groups for w in group.search_words.all())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @cached_property
    def cloud(self) -> list[tuple[str, int, int]]:
        return charts.cloud_sizes(self.words)

    @cached_property
    def not_found(self) -> list[Missing]:
        seen = {}
        for group in self.groups:
            for row in group.not_found.all():
                entry = seen.setdefault(row.key, Missing(row.name, 0, []))
                entry.count += 1
                if row.note:
                    entry.notes.append(row.note)
        return sorted(seen.values(), key=lambda m: (-m.count, m.name.casefold()))

    @cached_property
    def undercovers(self) -> list:
        return [g.undercover for g in self.groups if hasattr(g, "undercover")]

    @cached_property
    def mirrors(self) -> list[Mirror]:
        """One per organisation that youth or the organisation itself rated; found most first."""
        youth, own = {}, {}
        for group in self.groups:
            for finding in group.findings.all():
                if any(getattr(finding, f) is not None for f in RATING_FIELDS):
                    youth.setdefault(finding.organisation_id, []).append(finding)
        for prep in self.preparations:
            if (
                prep.organisation_id
                and prep.answered_at
                and any(getattr(prep, f) is not None for f in RATING_FIELDS)
            ):
                own.setdefault(prep.organisation_id, []).append(prep)
        order = {f.organisation.pk: n for n, f in enumerate(self.found_most)}
        result = []
        for org in self.organisations:
            if org.pk not in youth and org.pk not in own:
                continue
            ys, os_ = youth.get(org.pk, []), own.get(org.pk, [])
            result.append(
                Mirror(
                    organisation=org,
                    youth={f: _average(getattr(x, f) for x in ys) for f in RATING_FIELDS},
                    own={f: _average(getattr(x, f) for x in os_) for f in RATING_FIELDS},
                    youth_count=len(ys),
                    own_count=len(os_),
                )
            )
        return sorted(
            result, key=lambda m: (order.get(m.organisation.pk, len(order)), m.organisation.name.casefold())
        )

    def mirror_of(self, organisation_id) -> Mirror | None:
        return next((m for m in self.mirrors if m.organisation.pk == organisation_id), None)

    @property
    def is_empty(self) -> bool:
        return not self.groups and not self.mirrors


def search_word_count(process) -> int:
    return SearchWord.objects.filter(group__process=process).count()
