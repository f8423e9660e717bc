"""The personal links of the network: a partner's link to their own card, and the participants' link to a
process's network list. Both are signed (allin.core.tokens), expire, name a version stored on the record and
carry a random secret of their own whose hash only the record keeps: the key alone cannot mint them, and a
revocation or a new link (a new version and a new secret) makes every older link useless at once."""

from enum import Enum

from allin.core.tokens import link_secret_matches, make_link_token, read_link_token

PARTNER_PURPOSE = "network.partner-card"
PARTICIPANT_PURPOSE = "network.participants"
PARTNER_LINK_DAYS = 30
PARTICIPANT_LINK_DAYS = 90
_FOREVER = 100 * 365 * 24 * 3600  # only to tell an old link from a forged one


class LinkProblem(Enum):
    BROKEN = "broken"  # forged, altered or cut short
    EXPIRED = "expired"
    REVOKED = "revoked"  # a valid signature, but the record says it no longer counts


def _make(purpose, pk, version, secret):
    return make_link_token(purpose=purpose, parts=[pk, version], secret=secret)


def _read(purpose, token, days):
    """(pk, version, secret) or a LinkProblem. A link from before links had secrets reads as BROKEN."""
    found = read_link_token(purpose=purpose, token=token, max_age_seconds=days * 24 * 3600, numbers=2)
    if found is None:
        old = read_link_token(purpose=purpose, token=token, max_age_seconds=_FOREVER, numbers=2)
        return LinkProblem.EXPIRED if old is not None else LinkProblem.BROKEN
    return found


def partner_token(partner, secret) -> str:
    """Only when the link is made (network.services): the secret is not kept."""
    return _make(PARTNER_PURPOSE, partner.pk, partner.link_version, secret)


def partner_from_token(token: str):
    """The Partner the link opens, or a LinkProblem."""
    from .models import Partner

    found = _read(PARTNER_PURPOSE, token, PARTNER_LINK_DAYS)
    if isinstance(found, LinkProblem):
        return found
    pk, version, secret = found
    partner = Partner.objects.select_related("workspace", "process").filter(pk=pk).first()
    if partner is None:
        return LinkProblem.BROKEN
    if not partner.link_mode or partner.link_version != version:
        return LinkProblem.REVOKED
    if not link_secret_matches(secret, partner.link_secret_hash):
        return LinkProblem.BROKEN  # signed with the key, but not a link we made: minted
    return partner


def participant_token(link, secret) -> str:
    """Only when the link is made (network.services): the secret is not kept."""
    return _make(PARTICIPANT_PURPOSE, link.process_id, link.version, secret)


def participant_link_from_token(token: str):
    """The ParticipantLink the token opens, or a LinkProblem."""
    from .models import ParticipantLink

    found = _read(PARTICIPANT_PURPOSE, token, PARTICIPANT_LINK_DAYS)
    if isinstance(found, LinkProblem):
        return found
    pk, version, secret = found
    link = ParticipantLink.objects.select_related("process__workspace").filter(process_id=pk).first()
    if link is None:
        return LinkProblem.BROKEN
    if not link.active or link.version != version:
        return LinkProblem.REVOKED
    if not link_secret_matches(secret, link.secret_hash):
        return LinkProblem.BROKEN
    return link
