"""Learner accounts by invitation link: work e-mail domains only, activated by e-mail."""

import re

import pytest
from django.core import mail
from django.core.signing import TimestampSigner

from guidance.training import accounts
from guidance.training.models import LearnerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def inviter(django_user_model):
    return django_user_model.objects.create_superuser("stod", "stod@norrbotten.se", "pw")


@pytest.fixture
def invitation(inviter):
    return accounts.invitation_path(inviter)


def registration(municipalities, **overrides):
    return {
        "first_name": "Cecilia",
        "last_name": "Ek",
        "email": "Cecilia.Ek@Kalix.se",
        "municipality": municipalities["kalix"].pk,
        "actor": "socialtjanst",
        "password1": "Norrbus-mote-2026",
        "password2": "Norrbus-mote-2026",
        **overrides,
    }


def test_invited_learner_registers_and_activates(client, invitation, municipalities, settings):
    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    response = client.post(invitation, registration(municipalities))
    assert response.status_code == 200
    assert "Kolla din e-post" in response.content.decode()
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email="cecilia.ek@kalix.se")
    assert not user.is_active
    profile = LearnerProfile.objects.get(user=user)
    assert (profile.municipality.slug, profile.actor) == ("kalix", "socialtjanst")

    [message] = mail.outbox
    assert message.to == ["cecilia.ek@kalix.se"]
    link = re.search(r"http://testserver(/konto/aktivera/\S+/)", message.body).group(1)
    response = client.get(link)
    assert response["Location"] == "/konto/mina-utbildningar/"
    user.refresh_from_db()
    assert user.is_active
    assert client.get("/konto/mina-utbildningar/").status_code == 200
    # The link works once.
    client.logout()
    assert client.get(link).status_code == 400


def test_subdomains_of_an_allowed_domain_are_allowed(client, invitation, municipalities, settings):
    settings.LEARNER_EMAIL_DOMAINS = ["norrbotten.se"]
    response = client.post(invitation, registration(municipalities, email="a.b@nll.norrbotten.se"))
    assert "Kolla din e-post" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "cecilia@gmail.com"}, "Använd din e-postadress i tjänsten"),
        ({"email": "cecilia@notkalix.se"}, "Använd din e-postadress i tjänsten"),
        ({"email": "inte-en-adress"}, "Skriv en e-postadress"),
        ({"password2": "Annat-losenord-1"}, "Lösenorden är inte lika."),
        ({"password1": "12345678", "password2": "12345678"}, "lösenord"),
        ({"actor": ""}, "Välj verksamheten du arbetar i."),
        ({"last_name": "Ek 811218-9876"}, "personnummer"),
    ],
)
def test_registration_errors(client, invitation, municipalities, settings, overrides, message):
    from django.contrib.auth import get_user_model

    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    response = client.post(invitation, registration(municipalities, **overrides))
    assert response.status_code == 200
    assert "Formuläret har fel" in response.content.decode()
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(is_superuser=False).exists()
    assert not mail.outbox


def test_an_existing_address_cannot_register_again(
    client, invitation, municipalities, settings, django_user_model
):
    settings.LEARNER_EMAIL_DOMAINS = ["kalix.se"]
    django_user_model.objects.create_user("c", "cecilia.ek@kalix.se", "pw-123-abc")
    response = client.post(invitation, registration(municipalities))
    assert "Det finns redan ett konto med den adressen." in response.content.decode()


def test_invalid_and_expired_invitations_are_refused(client, inviter, settings):
    assert client.get("/konto/registrera/nonsense/").status_code == 400
    settings.LEARNER_INVITATION_DAYS = 0
    response = client.get(accounts.invitation_path(inviter))
    assert response.status_code == 400
    assert "Inbjudan gäller inte" in response.content.decode()


def test_a_token_signed_for_something_else_is_not_an_invitation(client):
    token = TimestampSigner().sign("by")
    assert client.get(f"/konto/registrera/{token}/").status_code == 400


def test_a_learner_cannot_use_the_admin(client, django_user_model):
    user = django_user_model.objects.create_user("d", "d@kalix.se", "pw-123-abc")
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
