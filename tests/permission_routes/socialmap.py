"""The permission walk's table for the socialmap URLs (see tests/permission_routes/__init__.py)."""

from allin.socialmap import preparations, services
from tests.permission_table import ALLOWED, EDIT_POST, POST_ONLY_GET, READ, Route, _process, everyone


def _group(w):
    return {**_process(w), "group_pk": w.youth_group.pk}


def _org(w):
    return {**_process(w), "org_pk": w.help_organisation.pk}


def _prep(w):
    return {**_process(w), "prep_pk": w.preparation.pk}


ROUTES = {
    "socialmap": Route(_process, READ),
    "socialmap_group_create": Route(_process, POST_ONLY_GET, EDIT_POST, lambda w: {"name": "Groepje 3"}),
    "socialmap_group": Route(_group, READ),
    "socialmap_group_action": Route(
        lambda w: {**_group(w), "action": "zoekwoorden"},
        POST_ONLY_GET,
        EDIT_POST,
        lambda w: {"words": "geld"},
    ),
    "socialmap_organisation": Route(_org, READ, EDIT_POST, lambda w: {"name": "Geldfit"}),
    "socialmap_preparations": Route(
        _process, READ, EDIT_POST, lambda w: {"role": "professional", "name": "Petra"}
    ),
    "socialmap_preparation_revoke": Route(_prep, POST_ONLY_GET, EDIT_POST),
    "socialmap_preparation_resend": Route(_prep, POST_ONLY_GET, EDIT_POST),
    # public: whoever holds the personal link fills in that preparation (wrong, expired and revoked links:
    # tests/socialmap/test_preparation_views.py)
    "preparation_form": Route(lambda w: {"token": w.preparation_token}, everyone(200), everyone(ALLOWED)),
}


def extend_world(world):
    group = services.group_create(process=world.process, name="Groepje 1")
    finding = services.finding_save(group=group, organisation_name="Geldfit", ratings={"findability": 4})
    world.youth_group = group
    world.help_organisation = finding.organisation
    world.preparation = preparations.preparation_create(
        process=world.process, role="professional", name="Petra Jansen", organisation_name="Geldfit"
    )
    world.preparation_token = preparations.token(world.preparation)
