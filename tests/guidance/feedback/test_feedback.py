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
from guidance.feedback import steps
from guidance.feedback.models import DeviationReport, Feedback
from guidance.models import RoutinePage
from search.models import QueryStatistic
from tests.factories import AgreementIndexPageFactory, AgreementVersionPageFactory, publish

from .data import deviation_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def routine(governance_site):
    return RoutinePage.objects.get(slug="norrbusmotet")


def feedback_section(html: str):
    return BeautifulSoup(html, "html.parser").select_one("#aterkoppling")


def answer(client, page, helpful="ja", **headers):
    return client.post(f"/aterkoppling/{page.pk}/", {"helpful": helpful}, **headers)


def comment_token(response) -> str:
    return feedback_section(response.content.decode()).select_one("input[name=svar]")["value"]


def test_every_content_page_asks_whether_it_helped_with_two_buttons(client, routine):
    html = client.get(routine.url).content.decode()
    section = feedback_section(html)
    assert section.h2.get_text() == "Hjälpte sidan dig?"
    assert section.form["action"] == f"/aterkoppling/{routine.pk}/"
    buttons = section.select("button[type=submit]")
    assert [(b["name"], b["value"], b.get_text()) for b in buttons] == [
        ("helpful", "ja", "Ja"),
        ("helpful", "nej", "Nej"),
    ]
    assert section.select("textarea, input") == []  # the comment is asked for after
    # No token in the form, so the page needs no cookie and can be cached.
    assert "csrfmiddlewaretoken" not in html.split('id="aterkoppling"')[1]


def test_the_answer_is_stored_and_the_thanks_and_comment_are_shown_at_the_form(client, routine):
    response = client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "nej"}, follow=True)
    url = response.redirect_chain[-1][0]
    assert url.startswith(f"{routine.url}?svar=") and url.endswith("#aterkoppling")
    html = response.content.decode()
    section = feedback_section(html)
    assert "Tack! Ditt svar hjälper oss" in section.select_one(".feedback__thanks").get_text()
    assert section.form["action"] == f"/aterkoppling/{routine.pk}/kommentar/"
    assert section.select_one("textarea[name=comment]") is not None
    # Said once, where the reader is, not in the messages at the top of the page.
    assert html.count("Tack! Ditt svar hjälper oss") == 1
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment) == (routine.pk, False, "")


def test_a_comment_is_added_to_the_answer_and_thanked_for_at_the_form(client, routine):
    token = comment_token(client.get(answer(client, routine)["Location"]))
    response = client.post(
        f"/aterkoppling/{routine.pk}/kommentar/",
        {"svar": token, "comment": "Bra steg."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"{routine.url}#aterkoppling"
    section = feedback_section(response.content.decode())
    assert section.select_one(".feedback__thanks").get_text() == "Tack för din kommentar!"
    assert section.form is None
    feedback = Feedback.objects.get()
    assert (feedback.helpful, feedback.comment) == (True, "Bra steg.")
    # Reloaded, the page asks again: the thanks was for that one visit.
    assert feedback_section(client.get(routine.url).content.decode()).form is not None


def test_sending_the_comment_step_empty_keeps_the_answer_alone(client, routine):
    token = comment_token(client.get(answer(client, routine)["Location"]))
    response = client.post(f"/aterkoppling/{routine.pk}/kommentar/", {"svar": token})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == ""


def test_in_place_the_next_step_comes_back_without_a_redirect_or_message(client, routine):
    fetch = {"HTTP_X_REQUESTED_WITH": "fetch"}
    response = answer(client, routine, **fetch)
    assert response.status_code == 200 and "messages" not in response.cookies
    section = feedback_section(response.content.decode())
    assert "Tack! Ditt svar hjälper oss" in section.select_one("[data-feedback-focus]").get_text()
    data = {"svar": section.select_one("input[name=svar]")["value"], "comment": "Oklart steg 2."}
    response = client.post(f"/aterkoppling/{routine.pk}/kommentar/", data, **fetch)
    assert response.status_code == 200 and "messages" not in response.cookies
    section = feedback_section(response.content.decode())
    assert section.select_one("[data-feedback-focus]").get_text() == "Tack för din kommentar!"
    assert Feedback.objects.get().comment == "Oklart steg 2."


def test_a_refused_comment_comes_back_in_place_with_its_error(client, routine):
    fetch = {"HTTP_X_REQUESTED_WITH": "fetch"}
    token = comment_token(answer(client, routine, **fetch))
    data = {"svar": token, "comment": "x" * 1001}
    response = client.post(f"/aterkoppling/{routine.pk}/kommentar/", data, **fetch)
    assert response.status_code == 400
    section = feedback_section(response.content.decode())
    assert "Skriv högst 1000 tecken." in section.select_one(".error-summary").get_text()
    assert section.select_one("input[name=svar]")["value"] == token  # can be sent again


def test_a_comment_is_taken_once_and_only_for_its_own_answer_and_page(client, routine, monkeypatch):
    token = comment_token(answer(client, routine, HTTP_X_REQUESTED_WITH="fetch"))
    other = RoutinePage.objects.exclude(pk=routine.pk).live().first()
    url = f"/aterkoppling/{routine.pk}/kommentar/"
    refused = [
        client.post(f"/aterkoppling/{other.pk}/kommentar/", {"svar": token, "comment": "A"}),
        client.post(url, {"svar": token + "x", "comment": "B"}),
        client.post(url, {"comment": "C"}),
    ]
    assert client.post(url, {"svar": token, "comment": "Första."}).status_code == 302
    refused.append(client.post(url, {"svar": token, "comment": "Andra."}))
    monkeypatch.setattr("guidance.feedback.steps.COMMENT_WINDOW_SECONDS", -1)
    refused.append(client.post(url, {"svar": token, "comment": "För sent."}))
    for response in refused:
        assert response.status_code == 400
        assert "kan inte längre läggas till ditt svar" in response.content.decode()
    assert Feedback.objects.get().comment == "Första."


def test_an_answer_without_yes_or_no_is_refused(client, routine):
    response = client.post(f"/aterkoppling/{routine.pk}/", {"helpful": "kanske"})
    assert response.status_code == 400
    assert "Välj Ja eller Nej." in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_too_long_comment_is_refused_and_kept_for_correcting(client, routine):
    token = comment_token(client.get(answer(client, routine)["Location"]))
    data = {"svar": token, "comment": "x" * 1001}
    response = client.post(f"/aterkoppling/{routine.pk}/kommentar/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Din kommentar skickades inte</h1>" in html
    assert "Skriv högst 1000 tecken." in html
    assert "x" * 1001 + "</textarea>" in html  # nothing typed is lost
    assert Feedback.objects.get().comment == ""


def test_a_post_from_another_site_is_refused(client, routine):
    response = answer(client, routine, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not Feedback.objects.exists()
    token = comment_token(answer(client, routine, HTTP_X_REQUESTED_WITH="fetch"))
    response = client.post(
        f"/aterkoppling/{routine.pk}/kommentar/",
        {"svar": token, "comment": "Från en annan webbplats."},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert Feedback.objects.get().comment == ""


def test_answers_and_comments_are_rate_limited(client, routine, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    tokens = [comment_token(answer(client, routine, HTTP_X_REQUESTED_WITH="fetch")) for _ in "ab"]
    response = answer(client, routine)
    assert response.status_code == 429
    assert "Vänta en stund" in response.content.decode()
    assert Feedback.objects.count() == 2
    url = f"/aterkoppling/{routine.pk}/kommentar/"
    for token in tokens:
        assert client.post(url, {"svar": token, "comment": "Ok."}).status_code == 302
    other = Feedback.objects.create(page=routine, helpful=True)
    response = client.post(url, {"svar": steps.comment_token(other), "comment": "En till."})
    assert response.status_code == 429
    assert Feedback.objects.filter(comment="En till.").count() == 0


def test_the_thanks_is_rendered_for_the_reader_alone_never_cached(client, routine, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    assert client.get(routine.url)["X-Page-Cache"] == "miss"
    thanked = client.get(answer(client, routine)["Location"])
    assert thanked.get("X-Page-Cache") is None
    assert feedback_section(thanked.content.decode()).select_one("textarea") is not None
    client.cookies.clear()
    again = client.get(routine.url)
    assert again["X-Page-Cache"] == "hit"
    assert "Tack!" not in again.content.decode()


def test_unpublished_pages_take_no_feedback(client, routine):
    assert answer(client, routine).status_code == 302
    routine.unpublish()
    assert answer(client, routine).status_code == 404
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
