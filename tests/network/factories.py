"""Test data for the network app."""

import itertools

from allin.network import services
from allin.network.catalogue import ConsentSource, Share

_seq = itertools.count(1)


def partner(workspace, name=None, *, kind="mbo", share=Share.NOBODY, process=None, contacts=None, **texts):
    card = services.partner_create(
        workspace=workspace,
        name=name or f"Partner {next(_seq)}",
        kind=kind,
        process=process,
        contacts=contacts
        if contacts is not None
        else [{"name": "Karin de Wit", "role": "decaan", "email": ""}],
        description=texts.pop("description", "Onderwijs voor jongeren."),
        **texts,
    )
    if share != Share.NOBODY:
        card = services.consent_record(
            partner=card, share_with=share, given_by="Karin de Wit", source=ConsentSource.FACILITATOR
        )
    return card
