""" "Hjälp" in the admin leads to the portal's Swedish editor guide, not to Wagtail's English
one; the guide's links lead to views its reader may use."""

import re
from html import unescape

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import help_menu

from tests.factories import AgreementIndexPageFactory, publish

pytestmark = pytest.mark.django_db

GUIDE = "/admin/redaktorsguide/"
HEADINGS = [
    "Innehåll",
    "Publicera en rutin",
    "Granskning",
    "Läsa in kontakter",
    "Läsa in en ny version av överenskommelsen",
    "Det här flaggas när versionen publiceras",
    "Utgivare och kontakt",
]


def guide_content(client) -> str:
    response = client.get(GUIDE)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('<div class="editor-guide">') :]


def links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'<a href="([^"]+)"', html)]


def test_the_help_menu_leads_to_the_guide_and_not_to_wagtails(admin_user, governance_site):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    urls = [item.url for item in help_menu.menu_items_for_request(request)]
    assert GUIDE in urls
    assert not [url for url in urls if "wagtail.org" in url]


def test_the_dashboard_links_the_guide_and_not_wagtails(admin_client, governance_site):
    dashboard = admin_client.get("/admin/").content.decode()
    assert GUIDE in dashboard
    assert "guide.wagtail.org" not in dashboard


def test_the_guide_has_its_swedish_headings_and_anchors(admin_client, governance_site):
    page = admin_client.get(GUIDE).content.decode()
    assert re.search(r"<h1[^>]*>(?:(?!</h1>).)*Redaktörsguide", page, re.DOTALL)
    html = guide_content(admin_client)
    headings = [unescape(h) for h in re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", html)]
    assert headings == HEADINGS
    assert "Ange minst en källa." in html
    assert "läses ingenting in" in html
    for anchor in [href for href in links(html) if href.startswith("#")]:
        assert f'id="{anchor[1:]}"' in html


def opens(client, href: str) -> bool:
    """The link leads to its view, not to the dashboard or the login (where Wagtail sends
    whoever it refuses)."""
    response = client.get(href, follow=True)
    refused_at = ("/admin/", reverse("wagtailadmin_login"))
    return response.status_code == 200 and response.request["PATH_INFO"] not in refused_at


@pytest.fixture
def agreement(governance_site):
    return publish(AgreementIndexPageFactory(parent=governance_site))


def test_every_link_in_the_guide_opens_for_an_administrator(
    admin_client, governance_site, agreement
):
    hrefs = [href for href in links(guide_content(admin_client)) if not href.startswith("#")]
    for name in ("contact_import", "agreement_import", "review_report", "unverified_contacts"):
        assert reverse(name) in hrefs
    assert reverse("wagtailsettings:edit", args=["home", "publishersettings"]) in hrefs
    routines = governance_site.get_children().get(slug="rutiner")
    assert reverse("wagtailadmin_explore", args=[routines.pk]) in hrefs
    for href in hrefs:
        assert opens(admin_client, href), href


def test_central_support_reads_the_guide_without_links_it_may_not_use(client, central, agreement):
    client.force_login(central)
    html = guide_content(client)
    hrefs = [href for href in links(html) if not href.startswith("#")]
    assert reverse("contact_import") not in hrefs
    assert "Kan läsa in och exportera kontakter" in html
    assert reverse("agreement_import") in hrefs
    for href in hrefs:
        assert opens(client, href), href


def test_the_guide_is_refused_to_anonymous_readers(client, governance_site):
    response = client.get(GUIDE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
