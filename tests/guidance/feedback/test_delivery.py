"""Deviation reports are never lost to a mail server that is down, receipts go only to work
addresses, and what no form offers is refused in Swedish instead of a server error."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from post_office.mail import send_queued
from post_office.models import STATUS, Email
from wagtail.models import Page

from guidance.feedback.models import DeviationReport, Feedback

from .data import deviation_data

pytestmark = pytest.mark.django_db

MAIL_DOWN = "tests.guidance.feedback.mail_down.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def mail_queue(settings):
    """The mail queue as production has it, with the given backend behind it."""
    settings.EMAIL_BACKEND = "post_office.EmailBackend"

    def deliver_with(backend: str) -> None:
        settings.POST_OFFICE = {**settings.POST_OFFICE, "BACKENDS": {"default": backend}}

    return deliver_with


def send_queued_mail() -> None:
    """One round of what the `send_queued_mail` cron command does; the command itself also
    closes the database connection afterwards, which would end the test's transaction."""
    send_queued()


def test_with_the_mail_server_down_the_report_is_kept_queued_and_sent_later(
    client, governance_site, mail_queue
):
    mail_queue(MAIL_DOWN)
    response = client.post("/avvikelse/", deviation_data(), follow=True)
    html = response.content.decode()
    report = DeviationReport.objects.get()
    assert response.status_code == 200
    assert response.redirect_chain == [("/avvikelse/skickad/", 302)]
    assert "Avvikelserapporten skickas" in html
    assert f"referensnummer {report.reference} och skickas till forum.kalix@example.org" in html
    assert "Ett kvitto skickas till larare@kalix.se" in html
    queued = Email.objects.order_by("pk")
    assert [(e.to, e.status) for e in queued] == [
        (["forum.kalix@example.org"], STATUS.queued),
        (["larare@kalix.se"], STATUS.queued),
    ]

    send_queued_mail()  # the server is still down: both wait for the next try
    assert [e.status for e in Email.objects.all()] == [STATUS.requeued] * 2
    assert mail.outbox == []

    mail_queue(LOCMEM)
    Email.objects.update(scheduled_time=timezone.now() - datetime.timedelta(seconds=1))
    send_queued_mail()
    to_forum, receipt = sorted(mail.outbox, key=lambda message: message.to != [report.sent_to])
    assert to_forum.to == ["forum.kalix@example.org"]
    assert to_forum.extra_headers["Reply-To"] == "larare@kalix.se"
    assert "Kallelsen kom dagen före mötet." in to_forum.body
    assert receipt.to == ["larare@kalix.se"] and report.reference in receipt.subject
    assert [e.status for e in Email.objects.all()] == [STATUS.sent] * 2


@pytest.mark.parametrize(
    "address", ["test@[127.0.0.1]", "someone@gmail.com", "larare@kalix.se.evil.example"]
)
def test_receipts_go_only_to_work_addresses(client, governance_site, address):
    response = client.post("/avvikelse/", deviation_data(reporter_email=address))
    assert response.status_code == 400
    assert "Skriv din e-postadress i tjänsten" in response.content.decode()
    assert not DeviationReport.objects.exists() and mail.outbox == []


def test_a_subdomain_of_a_work_domain_gets_its_receipt(client, governance_site):
    client.post("/avvikelse/", deviation_data(reporter_email="larare@skola.kalix.se"))
    assert [message.to for message in mail.outbox][1] == ["larare@skola.kalix.se"]


@pytest.mark.parametrize("field", ["routine", "municipality"])
@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "1e3"])
def test_ids_no_row_can_have_are_refused_in_swedish(client, governance_site, field, value):
    response = client.post("/avvikelse/", deviation_data(**{field: value}))
    assert response.status_code == 400
    message = {"routine": "Rutinen finns inte.", "municipality": "Kommunen finns inte."}[field]
    assert message in response.content.decode()
    assert not DeviationReport.objects.exists()


def test_feedback_for_the_root_page_is_not_found_and_not_stored(client, governance_site):
    root = Page.objects.get(depth=1)
    response = client.post(f"/aterkoppling/{root.pk}/", {"helpful": "ja"})
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert not Feedback.objects.exists()
    # A page readers see still takes its answer.
    assert client.post(f"/aterkoppling/{governance_site.pk}/", {"helpful": "ja"}).status_code == 302
    assert Feedback.objects.get().page_id == governance_site.pk
