"""The personal links of the network: a partner's link to their own card, and the participants' link to a
process's network list. Both are signed (allin.core.tokens), expire, and name a version stored on the record,
so a revocation or a new link makes every older link useless at once."""

from enum import Enum

from allin.core.tokens import make_token, read_token

PARTNER_PURPOSE = "network.partner-card"
PARTICIPANT_PURPOSE = "network.participants"
PARTNER_LINK_DAYS = 30
PARTICIPANT_LINK_DAYS = 90
_FOREVER = 100 * 365 * 24 * 3600  # only to tell an old link from a forged one


class LinkProblem(Enum):
    BROKEN = "broken"  # forged, altered or cut short
    EXPIRED = "expired"
    REVOKED = "revoked"  # a valid signature, but the record says it no longer counts


def _make(purpose, pk, version):
    return make_token(purpose=purpose, value=f"{pk}.{version}")


def _read(purpose, token, days):
    """(pk, version) or a LinkProblem."""
    value = read_token(purpose=purpose, token=token, max_age_seconds=days * 24 * 3600)
    if value is None:
        old = read_token(purpose=purpose, token=token, max_age_seconds=_FOREVER)
        return LinkProblem.EXPIRED if old is not None else LinkProblem.BROKEN
    pk, _, version = value.partition(".")
    if not (pk.isdigit() and version.isdigit()):
        return LinkProblem.BROKEN
    return int(pk), int(version)


def partner_token(partner) -> str:
    return _make(PARTNER_PURPOSE, partner.pk, partner.link_version)


def partner_from_token(token: str):
    """The Partner the link opens, or a LinkProblem."""
    from .models import Partner

    found = _read(PARTNER_PURPOSE, token, PARTNER_LINK_DAYS)
    if isinstance(found, LinkProblem):
        return found
    pk, version = found
    partner = Partner.objects.select_related("workspace", "process").filter(pk=pk).first()
    if partner is None:
        return LinkProblem.BROKEN
    if not partner.link_mode or partner.link_version != version:
        return LinkProblem.REVOKED
    return partner


def participant_token(link) -> str:
    return _make(PARTICIPANT_PURPOSE, link.process_id, link.version)


def participant_link_from_token(token: str):
    """The ParticipantLink the token opens, or a LinkProblem."""
    from .models import ParticipantLink

    found = _read(PARTICIPANT_PURPOSE, token, PARTICIPANT_LINK_DAYS)
    if isinstance(found, LinkProblem):
        return found
    pk, version = found
    link = ParticipantLink.objects.select_related("process__workspace").filter(process_id=pk).first()
    if link is None:
        return LinkProblem.BROKEN
    if not link.active or link.version != version:
        return LinkProblem.REVOKED
    return link
