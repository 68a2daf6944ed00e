import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from guidance.models import ActorPage, AgreementVersionPage, GlossaryTerm, RoutinePage
from home.models import PublisherSettings

pytestmark = pytest.mark.django_db

REQUIRED_ROUTINES = {
    "Norrbusmötet",
    "Samordnad individuell plan (SIP)",
    "Forum barn och unga",
    "Vård utanför det egna hemmet",
    "Avvikelsehantering",
    "Oenighet mellan parter",
    # The portal's own checklist, no longer passed off as Gröna kortet (issue 16).
    "Portalens checklista för Norrbusmötet",
    "Uppföljning",
    "Orosanmälan",
}


def test_every_seeded_page_answers_200(client, seeded):
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() > 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    # 2013 is a record without text: there is nothing to compare it with.
    refused = client.get("/overenskommelsen/jamfor/?fran=2013&till=2025")
    assert refused.status_code == 400
    assert "Texten till version 2013 finns inte i portalen" in refused.content.decode()


def test_site_root_is_the_portal_home_page(seeded):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()


def test_demo_covers_the_agreement_actors_routines_and_glossary(seeded):
    assert set(AgreementVersionPage.objects.values_list("version_label", flat=True)) == {
        "2008",
        "2013",
        "2025",
    }
    assert set(ActorPage.objects.values_list("actor", flat=True)) == {
        "skola",
        "socialtjanst",
        "primarvard",
        "specialistvard",
    }
    assert set(RoutinePage.objects.values_list("title", flat=True)) >= REQUIRED_ROUTINES
    terms = set(GlossaryTerm.objects.values_list("abbreviations", flat=True))
    assert {"SIP", "BUP", "IFO", "NPF", "HVB", "TSI"} <= terms


def test_norrbus_meeting_has_the_four_steps(client, seeded):
    meeting = RoutinePage.objects.get(slug="norrbusmotet")
    assert [s.value["title"] for s in meeting.steps] == [
        "Behov av möte",
        "Kallelse",
        "Mötet",
        "Efter mötet",
    ]
    html = client.get(meeting.url).content.decode()
    assert 'id="behov-av-mote"' in html and 'href="#efter-motet"' in html


def test_running_it_twice_changes_nothing(seeded):
    before = (Page.objects.count(), Revision.objects.count(), GlossaryTerm.objects.count())
    latest = list(Page.objects.order_by("pk").values_list("latest_revision_id", flat=True))
    call_command("seed_demo")
    after = (Page.objects.count(), Revision.objects.count(), GlossaryTerm.objects.count())
    assert after == before
    assert list(Page.objects.order_by("pk").values_list("latest_revision_id", flat=True)) == latest


def test_the_demo_publisher_is_an_example_and_is_not_overwritten(client, seeded):
    site = Site.objects.get(is_default_site=True)
    publisher = PublisherSettings.objects.get(site=site)
    assert publisher.is_example
    assert publisher.support_email.endswith("@example.org")
    assert "+46701740605" <= publisher.support_phone <= "+46701740699"  # PTS's fiction range
    html = client.get("/").content.decode()
    assert "Exempel: Ges ut av Centralt stöd Norrbus" in html
    assert "<strong>Exempel:</strong> Ges ut av Centralt stöd Norrbus." in html
    # What the editors wrote stays when the demo is seeded again.
    publisher.name, publisher.is_example = "Utgivaren", False
    publisher.save()
    call_command("seed_demo")
    publisher.refresh_from_db()
    assert (publisher.name, publisher.is_example) == ("Utgivaren", False)


def test_demo_editor_is_only_created_in_debug_mode(settings, seeded):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", "--demo-editor")
