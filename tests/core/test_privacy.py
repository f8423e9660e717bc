"""The privacy page: public, linked from every page's footer, and its periods are the app's own."""

from django.conf import settings
from django.urls import reverse

from allin.core import privacy_views
from allin.live import attendance
from allin.people import selectors as people_selectors
from allin.workspaces import services as workspace_services

DAY = 24 * 60 * 60


def test_the_page_is_public_and_in_the_footer(client, db):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    text = response.content.decode()
    for words in ("wat we bewaren", "wisdatum", "Cookies", "Autoriteit Persoonsgegevens", "downloaden"):
        assert words in text, words
    assert f'href="{reverse("privacy")}"' in client.get(reverse("login")).content.decode()


def test_the_periods_on_the_page_are_the_ones_the_code_uses(client, db):
    assert privacy_views.KEEP_MONTHS == round(people_selectors.DEFAULT_KEEP_DAYS / 30.4)
    assert privacy_views.PHONE_COOKIE_DAYS * DAY == attendance.MAX_AGE
    assert privacy_views.INVITATION_DAYS * DAY == workspace_services.INVITATION_MAX_AGE
    try:
        from allin.network import links as network_links
    except ImportError:  # the partner links arrive with the network app
        pass
    else:
        assert privacy_views.PARTNER_LINK_DAYS == network_links.PARTNER_LINK_DAYS
    text = client.get(reverse("privacy")).content.decode()
    assert f"{privacy_views.KEEP_MONTHS} maanden" in text
    assert f"werkt {privacy_views.PHONE_COOKIE_DAYS} dagen" in text
    assert f"hoogstens {settings.SESSION_COOKIE_AGE // DAY} dagen" in text
    assert f"Na {settings.LOGIN_FAILURE_LIMIT} mislukte inlogpogingen" in text
