"""No personnummer is stored anywhere: every free-text input refuses it, pages cannot be
saved with one, and error reports mask what was submitted."""

import pytest
from django.core import mail
from django.test import RequestFactory
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from directory.models import MunicipalityPage
from guidance.feedback import steps
from guidance.feedback.models import DeviationReport, Feedback
from guidance.models import ContentPage, GlossaryTerm, RoutinePage
from portal.privacy import contains_identity_number
from portal.security import MaskingExceptionReporter
from tests.guidance.feedback.data import deviation_data
from tests.identity_numbers import IDENTITY_NUMBERS

pytestmark = pytest.mark.django_db

# A Swedish mobile number whose digits pass the date and check-digit test of a
# samordningsnummer: it must not stop a contact from being saved.
LUHN_VALID_PHONE = "0701740607"


def test_the_phone_number_really_looks_like_an_identity_number():
    assert contains_identity_number(LUHN_VALID_PHONE)


@pytest.mark.parametrize("number", IDENTITY_NUMBERS)
def test_feedback_with_a_personnummer_is_refused_and_not_stored(client, governance_site, number):
    page = RoutinePage.objects.get(slug="norrbusmotet")
    client.post(f"/aterkoppling/{page.pk}/", {"helpful": "nej"})
    answer = Feedback.objects.get()
    response = client.post(
        f"/aterkoppling/{page.pk}/kommentar/",
        {"svar": steps.comment_token(answer), "comment": f"Gäller {number}, se nedan"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "innehöll ett personnummer eller samordningsnummer" in html
    assert number not in html
    answer.refresh_from_db()
    assert answer.comment == ""


@pytest.mark.parametrize("number", IDENTITY_NUMBERS)
def test_a_deviation_report_with_a_personnummer_is_refused_stored_nowhere_sent_nowhere(
    client, governance_site, number
):
    response = client.post("/avvikelse/", deviation_data(description=f"Eleven {number} fick"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "innehöll ett personnummer eller samordningsnummer" in html
    assert number not in html
    assert not DeviationReport.objects.exists()
    assert mail.outbox == []


def form_errors(response) -> str:
    """Every error of the admin form and its inline rows (stream field errors reach the
    page as JSON, so they are read from the form)."""
    form = response.context["form"]
    errors = [str(form.errors.as_data())]
    for formset in getattr(form, "formsets", {}).values():
        errors += [str(child.errors.as_data()) for child in formset.forms]
    return " ".join(errors)


def content_edit_data(page: ContentPage, intro: str, body_text: str) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": intro,
            "body": streamfield([("paragraph", rich_text(body_text))]),
            "sources": streamfield([("own", {"note": ""})]),
            "change_note": "",
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize("number", IDENTITY_NUMBERS)
def test_a_page_with_a_personnummer_cannot_be_published(admin_client, governance_site, number):
    page = ContentPage.objects.get(slug="om-norrbus")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        content_edit_data(page, "Ingress.", f"<p>Barn {number}</p>"),
    )
    assert response.status_code == 200
    assert "Texten innehåller ett personnummer" in form_errors(response)
    page.refresh_from_db()
    assert number not in str(page.body.raw_data)
    assert not page.has_unpublished_changes


def test_the_number_in_a_plain_field_is_found_too(admin_client, governance_site):
    page = ContentPage.objects.get(slug="om-norrbus")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/", content_edit_data(page, "Se 8507099813.", "<p>Text.</p>")
    )
    assert response.status_code == 200
    assert "Texten innehåller ett personnummer" in form_errors(response)


def test_a_page_without_one_is_published(admin_client, governance_site):
    page = ContentPage.objects.get(slug="om-norrbus")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        content_edit_data(page, "Ny ingress.", "<p>Ring 0920-123 45.</p>"),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.intro == "Ny ingress."


def municipality_data(page: MunicipalityPage, contact_phone: str, contact_name: str) -> dict:
    contacts = [
        {
            "id": contact.pk,
            "name": contact.name,
            "actor": contact.actor,
            "phone": contact.phone,
            "situations": [s.pk for s in contact.situations.all()],
        }
        for contact in page.contacts.all()
    ]
    contacts[0].update(name=contact_name, phone=contact_phone)
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "county_part": page.county_part_id,
            "intro": page.intro,
            "contacts": inline_formset(contacts, initial=len(contacts)),
            "action-publish": "publish",
        }
    )


def test_a_contact_phone_number_that_passes_the_check_digit_test_is_not_blocked(
    admin_client, governance_site
):
    page = MunicipalityPage.objects.get(slug="kalix")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        municipality_data(page, LUHN_VALID_PHONE, "Elevhälsan Kalix"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert page.contacts.filter(phone__endswith="701740607").exists()


def test_a_personnummer_in_a_contacts_text_is_blocked(admin_client, governance_site):
    page = MunicipalityPage.objects.get(slug="kalix")
    response = admin_client.post(
        f"/admin/pages/{page.pk}/edit/",
        municipality_data(page, "0923-650 00", "Elevhälsan 850709-9805"),
    )
    assert response.status_code == 200
    assert "Texten innehåller ett personnummer" in form_errors(response)
    assert not page.contacts.filter(name__contains="850709").exists()


def test_a_glossary_term_with_a_personnummer_is_refused(admin_client, governance_site):
    response = admin_client.post(
        "/admin/snippets/guidance/glossaryterm/add/",
        nested_form_data(
            {
                "term": "Testord",
                "abbreviations": "",
                "synonyms": "",
                "definition": "Se 8507099813.",
                "sources": streamfield([("own", {"note": ""})]),
            }
        ),
    )
    assert response.status_code == 200
    assert "Texten innehåller ett personnummer" in response.content.decode()
    assert not GlossaryTerm.objects.filter(term="Testord").exists()


def test_error_reports_mask_what_was_submitted_and_searched(rf: RequestFactory):
    number = "".join(["850709", "9813"])  # not in this file's source, which reports quote
    request = rf.post(f"/avvikelse/?q={number}", {"description": f"Barn {number}"})
    try:
        typed = request.POST["description"]
        raise ValueError(f"boom ({len(typed)})")
    except ValueError as error:
        reporter = MaskingExceptionReporter(request, type(error), error, error.__traceback__)
        text = reporter.get_traceback_text()
        html = reporter.get_traceback_html()
    for report in (text, html):
        assert number not in report
        assert "description" in report  # the field is named, its value is not


def test_every_page_type_refuses_identity_numbers():
    from portal.page_forms import PrivacyPageForm

    page_types = [model for model in Page.__subclasses__()] + [
        sub for model in Page.__subclasses__() for sub in model.__subclasses__()
    ]
    concrete = [model for model in page_types if not model._meta.abstract]
    assert len(concrete) >= 15
    for model in concrete:
        assert issubclass(model.base_form_class, PrivacyPageForm), model.__name__
