"""Every error a reader can meet answers in Swedish: 400, 403 (also a failed form token),
404, 405 and 500, and 414 at the proxy (static/fel/414.html)."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views import defaults

from guidance.models import RoutinePage

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]


def page(response) -> str:
    html = response.content.decode()
    assert '<html lang="sv"' in html
    return html


def test_a_request_for_another_host_is_refused_in_swedish(client, governance_site, settings):
    settings.ALLOWED_HOSTS = ["norrbus.example.se"]
    response = client.get("/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "<h1>Felaktig förfrågan</h1>" in page(response)
    assert "Bad Request" not in response.content.decode()


def test_a_forbidden_request_is_refused_in_swedish(governance_site):
    request = RequestFactory().get("/")
    response = defaults.permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "<h1>Du har inte behörighet</h1>" in page(response)


def test_a_form_without_its_token_is_refused_in_swedish(governance_site):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/logga-in/", {"username": "anna", "password": "fel"})
    assert response.status_code == 403
    assert "<h1>Formuläret kunde inte skickas</h1>" in page(response)
    assert "CSRF verification failed" not in response.content.decode()


def test_a_missing_page_is_not_found_in_swedish(client, governance_site):
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "<h1>Sidan finns inte</h1>" in page(response)


def test_a_method_the_address_does_not_take_is_refused_in_swedish(client, governance_site):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    response = client.get(f"/aterkoppling/{routine.pk}/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "<h1>Det går inte att göra så här</h1>" in page(response)


def test_a_server_error_is_told_in_swedish(governance_site):
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "<h1>Något gick fel</h1>" in page(response)


def test_the_proxys_page_for_a_too_long_address_is_swedish():
    html = (BASE_DIR / "static" / "fel" / "414.html").read_text()
    assert '<html lang="sv">' in html and "<h1>Adressen är för lång</h1>" in html
