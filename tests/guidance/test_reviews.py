"""Review dates: readers see them, editors get a dashboard panel and a report, owners get
reminders on set days."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from guidance.models import ActorPage, RoutinePage
from guidance.reviews import reminder_due, review_items, send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def owned(governance_site, central):
    """Two routines owned by the central support user: one overdue, one due in 14 days."""
    today = timezone.localdate()
    overdue, due = RoutinePage.objects.live().order_by("pk")[:2]
    RoutinePage.objects.filter(pk=overdue.pk).update(
        review_owner=central,
        next_review=today - datetime.timedelta(days=7),
        last_reviewed=today - datetime.timedelta(days=400),
    )
    RoutinePage.objects.filter(pk=due.pk).update(
        review_owner=central, next_review=today + datetime.timedelta(days=14)
    )
    return RoutinePage.objects.get(pk=overdue.pk), RoutinePage.objects.get(pk=due.pk)


def test_readers_see_when_the_page_was_and_will_be_reviewed(client, owned):
    overdue, _ = owned
    html = client.get(overdue.url).content.decode()
    assert "Senast granskad" in html and "Nästa granskning" in html
    assert overdue.last_reviewed.isoformat() in html


def test_the_editor_sees_their_own_due_and_overdue_pages_first_the_most_overdue(owned, central):
    overdue, due = owned
    items = review_items(owner=central)
    assert [item.page.pk for item in items] == [overdue.pk, due.pk]
    assert [item.label for item in items] == ["Försenad 7 dagar", "Om 14 dagar"]


def test_pages_without_a_date_are_listed_for_everyone(governance_site):
    ActorPage.objects.filter(slug="skola").update(next_review=None)
    labels = {item.page.slug: item.label for item in review_items()}
    assert labels["skola"] == "Saknar granskningsdatum"


def test_dashboard_panel_and_report(client, owned, central):
    client.force_login(central)
    overdue, _ = owned
    dashboard = client.get("/admin/").content.decode()
    assert "Dina sidor att granska" in dashboard and overdue.title in dashboard
    report = client.get("/admin/granskning/").content.decode()
    assert overdue.title in report and "Försenad 7 dagar" in report
    everyone = client.get("/admin/granskning/", {"alla": "1"}).content.decode()
    assert everyone.count("<tr>") >= report.count("<tr>")


def test_the_report_lists_everyones_pages_only_when_asked(client, owned, central, member):
    overdue, _ = owned
    colleague = member("kollega", "Centralt stöd")
    ActorPage.objects.filter(slug="skola").update(review_owner=colleague, next_review=None)
    client.force_login(central)
    own = client.get("/admin/granskning/").content.decode()
    assert overdue.title in own and "kollega" not in own
    everyone = client.get("/admin/granskning/", {"alla": "1"}).content.decode()
    assert overdue.title in everyone and "kollega" in everyone
    assert "Saknar granskningsdatum" in everyone


def test_reminders_go_out_on_set_days_only():
    assert [days for days in range(-30, 31) if reminder_due(days)] == [-28, -21, -14, -7, 0, 14]


def test_send_review_reminders_mails_the_owner_once_with_both_pages(owned, central):
    call_command("send_review_reminders")
    (message,) = mail.outbox
    assert message.to == [central.email]
    overdue, due = owned
    assert overdue.title in message.body and due.title in message.body
    assert f"/admin/pages/{overdue.pk}/edit/" in message.body


def test_no_reminder_on_other_days(owned):
    assert send_reminders(today=timezone.localdate() + datetime.timedelta(days=1)) == 0
    assert mail.outbox == []
    # The same pages do get one on a set day, so the silence above is the date's doing.
    assert send_reminders(today=timezone.localdate()) == 1
    assert len(mail.outbox) == 1


def test_next_review_cannot_precede_the_last(governance_site):
    from django.core.exceptions import ValidationError

    page = RoutinePage.objects.live().first()
    page.last_reviewed = datetime.date(2026, 5, 1)
    page.next_review = datetime.date(2026, 4, 1)
    with pytest.raises(ValidationError, match="Nästa granskning kan inte ligga före"):
        page.full_clean()
