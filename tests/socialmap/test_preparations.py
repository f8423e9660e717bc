"""The personal links of professionals and policy makers: signed, unguessable, expiring, revocable; one person's
link opens only their own preparation; answers are checked (ratings 1 to 5) before anything is stored."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from allin.core.tokens import link_secret_hash, make_link_token, make_token, new_link_secret
from allin.socialmap import preparations
from allin.socialmap.models import Preparation


@pytest.fixture
def petra(process):
    return preparations.preparation_create(
        process=process, role="professional", name="Petra Jansen", organisation_name="Geldfit"
    )


@pytest.fixture
def mira(process):
    return preparations.preparation_create(process=process, role="beleidsmaker", name="Mira de Boer")


def test_a_link_opens_its_own_preparation(petra, mira):
    assert preparations.from_token(preparations.token(petra)) == (petra, None)
    assert preparations.from_token(preparations.token(mira))[0] == mira


def test_a_professional_is_linked_to_their_organisation_on_the_map(petra, mira):
    assert petra.organisation.name == "Geldfit"
    assert mira.organisation is None


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("a" if t[-1] != "a" else "b"), lambda t: "x" + t, lambda t: ""]
)
def test_a_tampered_link_is_refused(petra, mangle):
    assert preparations.from_token(mangle(preparations.token(petra))) == (None, preparations.INVALID)


def test_one_person_cannot_turn_their_link_into_anothers(petra, mira):
    """The signature covers the id and the secret: changing the id in a valid link breaks it."""
    token = preparations.token(petra)
    value, rest = token.split(":", 1)
    _pk, secret = value.split(".", 1)
    forged = f"{mira.pk}.{secret}:{rest}"
    assert preparations.from_token(forged) == (None, preparations.INVALID)
    # Even a correctly signed value with someone else's id and one's own secret is refused.
    signed = make_link_token(purpose=preparations.PURPOSE, parts=[mira.pk], secret=secret)
    assert preparations.from_token(signed) == (None, preparations.INVALID)


def test_a_link_minted_with_the_key_is_refused_and_only_a_hash_is_kept(petra):
    """Whoever holds ALLIN_SECRET_KEY can sign the right record number, but not guess its secret."""
    minted = make_link_token(purpose=preparations.PURPOSE, parts=[petra.pk], secret=new_link_secret())
    assert preparations.from_token(minted) == (None, preparations.INVALID)
    secret = preparations.token(petra).split(":", 1)[0].split(".", 1)[1]
    stored = Preparation.objects.get(pk=petra.pk)
    assert len(secret) >= 22 and stored.secret_hash == link_secret_hash(secret)  # 128 bits at least
    assert secret not in str(Preparation.objects.filter(pk=petra.pk).values().get())


@pytest.mark.django_db(transaction=True)
def test_a_link_sent_before_secrets_were_hashed_keeps_working(process):
    """The migration hashed each preparation's nonce: the links already sent carry that nonce as their secret,
    so they keep working; a revoked preparation's link stays withdrawn."""
    petra = preparations.preparation_create(process=process, role="professional", name="Petra")
    mira = preparations.preparation_create(process=process, role="beleidsmaker", name="Mira")
    before = [("socialmap", "0001_initial")]
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes("socialmap")
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        Old = executor.loader.project_state(before).apps.get_model("socialmap", "Preparation")
        Old.objects.filter(pk=petra.pk).update(nonce="0123456789abcdef0123456789abcdef")
        Old.objects.filter(pk=mira.pk).update(
            nonce="fedcba9876543210fedcba9876543210", revoked_at=timezone.now()
        )
    finally:
        MigrationExecutor(connection).migrate(latest)
    # The links as the e-mails carried them: the row's number and its nonce, signed.
    sent = make_token(purpose=preparations.PURPOSE, value=f"{petra.pk}.0123456789abcdef0123456789abcdef")
    withdrawn = make_token(purpose=preparations.PURPOSE, value=f"{mira.pk}.fedcba9876543210fedcba9876543210")
    assert preparations.from_token(sent) == (Preparation.objects.get(pk=petra.pk), None)
    assert preparations.from_token(withdrawn) == (None, preparations.REVOKED)


def test_an_expired_link_is_refused(petra):
    Preparation.objects.filter(pk=petra.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert preparations.from_token(preparations.token(petra)) == (None, preparations.EXPIRED)


def test_an_old_signature_is_refused_even_when_the_record_says_valid(petra, monkeypatch):
    token = preparations.token(petra)
    later = timezone.now().timestamp() + (preparations.LINK_DAYS + 2) * 86400
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert preparations.from_token(token) == (None, preparations.INVALID)


def test_a_revoked_link_is_refused_and_resending_makes_a_new_one(petra):
    old = preparations.token(petra)
    preparations.preparation_revoke(preparation=petra)
    assert preparations.from_token(old) == (None, preparations.REVOKED)
    preparations.preparation_resend(preparation=petra)
    assert preparations.from_token(old) == (None, preparations.INVALID)
    assert preparations.from_token(preparations.token(petra))[0] == petra


def test_resending_renews_the_expiry_and_mails_when_there_is_an_address(process):
    prep = preparations.preparation_create(
        process=process, role="professional", name="Karim", email="karim@example.org"
    )
    Preparation.objects.filter(pk=prep.pk).update(expires_at=timezone.now() + timedelta(days=1))
    prep.refresh_from_db()
    preparations.preparation_resend(preparation=prep)
    assert prep.expires_at > timezone.now() + timedelta(days=29)
    assert prep.sent_at is not None


def test_creating_with_send_mails_the_link(process, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        prep = preparations.preparation_create(
            process=process, role="beleidsmaker", name="Mira", email="mira@example.org", send=True
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mira@example.org"]
    assert preparations.token(prep).split(":")[0] in message.body  # the signed value is in the link
    assert "/voorbereiding/" in message.body


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"role": "wethouder"}, "professional of een beleidsmaker"),
        ({"name": " "}, "Vul de naam in"),
        ({"email": "geen-adres"}, "geen e-mailadres"),
        ({"send": True}, "Vul een e-mailadres in"),
    ],
)
def test_bad_links_are_refused_in_dutch(process, fields, message):
    values = {"role": "professional", "name": "Petra", **fields}
    with pytest.raises(ValidationError, match=message):
        preparations.preparation_create(process=process, **values)
    assert not Preparation.objects.exists()


def test_a_professional_answers_with_ratings_and_open_questions(petra):
    saved = preparations.preparation_answer(
        preparation=petra,
        answers={"contact": " Bellen\r\nof mailen ", "offer": "", "unknown": "wordt genegeerd"},
        ratings={"findability": "4", "fit": 2},
    )
    assert saved.answers == {"contact": "Bellen\nof mailen"}
    assert (saved.findability, saved.reachability, saved.fit) == (4, None, 2)
    assert saved.answered_at is not None


@pytest.mark.parametrize("value", [0, 6, "vijf"])
def test_ratings_outside_one_to_five_are_refused_and_nothing_is_saved(petra, value):
    with pytest.raises(ValidationError, match="kies een cijfer van 1 tot en met 5"):
        preparations.preparation_answer(
            preparation=petra, answers={"tops": "Snel"}, ratings={"clarity": value}
        )
    petra.refresh_from_db()
    assert petra.answered_at is None and petra.answers == {} and petra.clarity is None


def test_a_policy_maker_has_no_ratings(mira):
    saved = preparations.preparation_answer(
        preparation=mira, answers={"schemes": "Bijzondere bijstand"}, ratings={"findability": 5}
    )
    assert saved.findability is None and saved.answers == {"schemes": "Bijzondere bijstand"}


def test_an_empty_answer_is_refused(mira):
    with pytest.raises(ValidationError, match="minstens één vraag"):
        preparations.preparation_answer(preparation=mira, answers={})


def test_answers_through_a_revoked_or_expired_link_are_refused(petra, mira):
    preparations.preparation_revoke(preparation=petra)
    with pytest.raises(ValidationError, match="ingetrokken"):
        preparations.preparation_answer(preparation=petra, answers={"tops": "Snel"})
    Preparation.objects.filter(pk=mira.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="verlopen"):
        preparations.preparation_answer(preparation=mira, answers={"schemes": "x"})
    petra.refresh_from_db()
    mira.refresh_from_db()
    assert petra.answers == {} and mira.answers == {}
