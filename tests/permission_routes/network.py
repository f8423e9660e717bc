"""The permission walk's table for the network URLs (see tests/permission_routes/__init__.py).

The world's partner is shared with the whole workspace, so a viewer may read it; cards a viewer may not see
(404) are tested per consent level in tests/network/test_consent.py. The partner's link and the participants'
link are public: whoever holds the token gets the page (wrong, expired and revoked tokens:
tests/network/test_links.py)."""

from allin.network import collaborations, services
from allin.network.catalogue import ConsentSource, LinkMode, Share
from tests.permission_table import (
    EDIT_PAGE,
    EDIT_POST,
    POST_ONLY_GET,
    READ,
    Route,
    _process,
    _ws,
    everyone,
)


def _partner(w):
    return {**_ws(w), "pk": w.network_partner.pk}


def _collaboration(w):
    return {**_ws(w), "pk": w.network_collaboration.pk}


ROUTES = {
    # workspace: the network and its cards
    "network_overview": Route(_ws, READ),
    "partner_create": Route(
        _ws, EDIT_PAGE, EDIT_POST, lambda w: {"name": "Nieuwe partner", "kind": "overig"}
    ),
    "partner_detail": Route(_partner, READ),
    "partner_edit": Route(_partner, EDIT_PAGE, EDIT_POST, lambda w: {"name": "ROC Anders", "kind": "mbo"}),
    "partner_delete": Route(_partner, POST_ONLY_GET, EDIT_POST),
    "partner_consent": Route(
        _partner, POST_ONLY_GET, EDIT_POST, lambda w: {"share_with": Share.NOBODY, "given_by": "Karin"}
    ),
    "partner_link_create": Route(_partner, POST_ONLY_GET, EDIT_POST, lambda w: {"mode": LinkMode.FILL}),
    "partner_link_revoke": Route(_partner, POST_ONLY_GET, EDIT_POST),
    "partner_pdf": Route(_partner, READ),
    "collaborations": Route(_ws, READ, EDIT_POST),
    "collaboration_delete": Route(_collaboration, POST_ONLY_GET, EDIT_POST),
    # managers only: the whole network leaves the app or enters it
    "network_export_xlsx": Route(_ws, EDIT_PAGE),
    "network_export_csv": Route(_ws, EDIT_PAGE),
    "network_import": Route(_ws, EDIT_PAGE, EDIT_POST),
    # process: what its participants see, and their link
    "process_network": Route(_process, READ),
    "participant_link_create": Route(_process, POST_ONLY_GET, EDIT_POST),
    "participant_link_revoke": Route(_process, POST_ONLY_GET, EDIT_POST),
    # public, with the token: the partner's two pages (posted empty: the form says why) and the participants' list
    "partner_card_about": Route(lambda w: {"token": w.network_partner_token}, everyone(200), everyone(400)),
    "partner_card_views": Route(lambda w: {"token": w.network_partner_token}, everyone(200), everyone(400)),
    "partner_card_done": Route(lambda w: {"token": w.network_partner_token}, everyone(200)),
    "participant_network": Route(lambda w: {"token": w.network_participant_token}, everyone(200)),
}


def extend_world(world):
    partner = services.partner_create(
        workspace=world.workspace, name="ROC Wereld", kind="mbo", process=world.process, description="Mbo"
    )
    partner = services.consent_record(
        partner=partner, share_with=Share.WORKSPACE, given_by="Karin", source=ConsentSource.FACILITATOR
    )
    other = services.partner_create(
        workspace=world.workspace, name="Jongerenwerk Wereld", kind="jongerenwerk"
    )
    world.network_partner = partner
    world.network_collaboration = collaborations.collaboration_add(
        workspace=world.workspace, first=partner, second=other
    )
    world.network_partner_token = services.partner_link_create(partner=partner, mode=LinkMode.FILL)
    world.network_partner.refresh_from_db()
    world.network_participant_token = services.participant_link_create(process=world.process)
