"""'Hjälpte sidan dig?' and the deviation report: stored, sent, limited, triaged, purged."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from directory.cookies import COOKIE_NAME
from directory.models import MunicipalityPage
from guidance.feedback.models import DeviationReport, Feedback
from guidance.models import RoutinePage
from search.models import QueryStatistic
from tests.factories import AgreementIndexPageFactory, AgreementVersionPageFactory, publish

from .data import deviation_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def routine(governance_site):
    return RoutinePage.objects.get(slug="norrbusmotet")


def test_every_content_page_asks_whether_it_helped(client, routine):
    html = client.get(routine.url).content.decode()
    assert "Hjälpte sidan dig?" in html
    assert f'action="/aterkoppling/{routine.pk}/"' in html
    # No token in the form, so the page needs no cookie and can be cached.
    assert "csrfmiddlewaretoken" not in html.split('id="aterkoppling"')[1]


def test_an_answer_is_stored_with_the_page_and_the_reader_thanked(client, routine):
    response = client.post(
        f"/aterkoppling/{routine.pk}/", {"helpful": "ja", "comment": "Bra steg."}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"{routine.url}#aterkoppling"
    assert "Tack! Ditt svar hjälper oss" in response.content.decode()
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment) == (routine.pk, True, "Bra steg.")


def test_an_answer_without_yes_or_no_is_refused_with_the_form_again(client, routine):
    response = client.post(f"/aterkoppling/{routine.pk}/", {"comment": "Hmm"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Välj Ja eller Nej." in html
    assert "Hmm</textarea>" in html  # nothing typed is lost
    assert not Feedback.objects.exists()


def test_a_too_long_comment_is_refused(client, routine):
    response = client.post(
        f"/aterkoppling/{routine.pk}/", {"helpful": "nej", "comment": "x" * 1001}
    )
    assert response.status_code == 400
    assert "Skriv högst 1000 tecken." in response.content.decode()


def test_a_post_from_another_site_is_refused(client, routine):
    response = client.post(
        f"/aterkoppling/{routine.pk}/", {"helpful": "ja"}, HTTP_ORIGIN="https://evil.example"
    )
    assert response.status_code == 403
    assert not Feedback.objects.exists()


def test_answers_are_rate_limited(client, routine, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "ja"}).status_code == 302
    response = client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "ja"})
    assert response.status_code == 429
    assert "Vänta en stund" in response.content.decode()
    assert Feedback.objects.count() == 2


def test_unpublished_pages_take_no_feedback(client, routine):
    assert client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "ja"}).status_code == 302
    routine.unpublish()
    assert client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "ja"}).status_code == 404
    assert Feedback.objects.count() == 1  # the answer from before, none after


def test_feedback_is_triaged_in_the_admin(client, routine, central):
    Feedback.objects.create(page=routine, helpful=False, comment="Saknar telefonnummer")
    Feedback.objects.create(page=routine, helpful=True)
    client.force_login(central)
    listing = client.get("/admin/aterkoppling/", {"helpful": "false"}).content.decode()
    assert "Saknar telefonnummer" in listing
    unhelpful = Feedback.objects.get(helpful=False)
    response = client.post(f"/admin/aterkoppling/edit/{unhelpful.pk}/", {"handled": "on"})
    assert response.status_code == 302
    unhelpful.refresh_from_db()
    assert unhelpful.handled
    # Nobody adds feedback in the admin, not even a superuser.
    assert client.get("/admin/aterkoppling/new/").status_code in (302, 403, 404)


def test_a_deviation_report_goes_to_the_municipality_with_a_receipt(client, governance_site):
    response = client.post("/avvikelse/", deviation_data(), follow=True)
    html = response.content.decode()
    report = DeviationReport.objects.get()
    kalix = MunicipalityPage.objects.get(slug="kalix")
    assert report.sent_to == kalix.deviation_email
    assert f"referensnummer {report.reference}" in html
    to_forum, receipt = mail.outbox
    assert to_forum.to == [kalix.deviation_email] and to_forum.reply_to == ["larare@kalix.se"]
    assert "Kallelsen kom dagen före mötet." in to_forum.body
    assert "Part som avvek: Socialtjänst" in to_forum.body
    assert receipt.to == ["larare@kalix.se"] and report.reference in receipt.subject


def test_the_form_says_what_the_agreement_says_and_what_is_the_portals_own(
    client, governance_site, settings
):
    settings.DEVIATION_REPORT_RETENTION_DAYS = 730
    html = client.get("/avvikelse/").content.decode()
    # Without a version in force the source is named, not linked.
    assert "Källa: Överenskommelsen › Avvikelsehantering" in html
    home = Page.objects.get(slug="start").specific
    agreement = publish(AgreementIndexPageFactory(parent=home))
    in_force = publish(AgreementVersionPageFactory(parent=agreement, version_label="2025"))
    html = client.get("/avvikelse/").content.decode()
    assert f'href="{in_force.url}#avvikelsehantering"' in html
    assert f"Överenskommelsen {in_force.version_label} › Avvikelsehantering" in html
    assert "Det är portalens ordning, inte överenskommelsens." in html
    assert "egen organisations rutin för avvikelser" in html
    assert "sin kopia av rapporten i 730 dagar" in html


def selected(html: str, name: str) -> list[str]:
    select = BeautifulSoup(html, "html.parser").select_one(f'select[name="{name}"]')
    return [option.get_text(strip=True) for option in select.select("option[selected]")]


def test_a_routine_links_the_form_filled_in_with_itself(client, routine):
    html = client.get(routine.url).content.decode()
    link = BeautifulSoup(html, "html.parser").select_one(".routine-deviation a")
    assert link["href"] == "/avvikelse/?rutin=norrbusmotet"
    assert link.get_text(strip=True) == "Rapportera en avvikelse om Norrbusmötet"
    client.cookies[COOKIE_NAME] = "kalix"
    form = client.get(link["href"]).content.decode()
    assert selected(form, "routine") == ["Norrbusmötet"]
    assert selected(form, "municipality") == ["Kalix"]


@pytest.mark.parametrize("query", ["?rutin=finns-inte", "?rutin=%3Cscript%3E", ""])
def test_an_unknown_routine_in_the_link_fills_in_nothing(client, governance_site, query):
    response = client.get("/avvikelse/" + query)
    assert response.status_code == 200
    assert selected(response.content.decode(), "routine") == ["Välj rutin"]
    assert "<script>" not in response.content.decode()


def test_without_an_address_of_its_own_the_report_goes_to_the_central_support(
    client, governance_site, settings
):
    settings.DEVIATION_REPORT_RECIPIENT = "norrbus@norrbotten.example"
    MunicipalityPage.objects.filter(slug="kalix").update(deviation_email="")
    client.post("/avvikelse/", deviation_data())
    assert mail.outbox[0].to == ["norrbus@norrbotten.example"]


def test_a_deviation_report_with_gaps_names_each_and_keeps_the_rest(client, governance_site):
    data = deviation_data(other_actors=[], reporter_email="inte-en-adress")
    response = client.post("/avvikelse/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Välj minst en part." in html
    assert "Skriv en giltig e-postadress" in html
    assert "Kallelsen kom dagen före mötet." in html
    assert not DeviationReport.objects.exists() and mail.outbox == []


def test_purge_removes_what_is_older_than_configured(governance_site, settings, routine):
    settings.FEEDBACK_RETENTION_DAYS = 30
    settings.DEVIATION_REPORT_RETENTION_DAYS = 10
    old = timezone.now() - datetime.timedelta(days=31)
    kept = Feedback.objects.create(page=routine, helpful=True)
    gone = Feedback.objects.create(page=routine, helpful=True)
    Feedback.objects.filter(pk=gone.pk).update(created_at=old)
    report = DeviationReport.objects.create(
        reference="AV-1",
        routine=routine,
        reporter_actor="skola",
        other_actors=["skola"],
        municipality=MunicipalityPage.objects.get(slug="kalix"),
        description="x",
        reporter_email="a@kalix.se",
        sent_to="b@kalix.se",
    )
    DeviationReport.objects.filter(pk=report.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=11)
    )
    QueryStatistic.objects.create(
        week=datetime.date(2020, 1, 6), query="gammal", searches=1, zero_results=0
    )
    call_command("purge_expired")
    assert list(Feedback.objects.all()) == [kept]
    assert not DeviationReport.objects.exists()
    assert not QueryStatistic.objects.filter(query="gammal").exists()
