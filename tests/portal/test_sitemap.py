"""sitemap.xml lists what readers may open; robots.txt points to it and keeps crawlers out of
the admin, the account, search and the forms."""

import re

import pytest
from wagtail.models import PageViewRestriction

from guidance.models import RoutinePage

pytestmark = pytest.mark.django_db


def sitemap_paths(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return [
        re.sub(r"^https?://[^/]+", "", url)
        for url in re.findall(r"<loc>(.*?)</loc>", response.content.decode())
    ]


def test_the_sitemap_lists_live_public_pages_only(client, governance_site):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    hidden = RoutinePage.objects.get(slug="grona-kortet")
    paths = sitemap_paths(client)
    assert "/" in paths and routine.url in paths and hidden.url in paths
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    routine.unpublish()
    paths = sitemap_paths(client)
    assert "/" in paths
    assert routine.url not in paths and "/rutiner/norrbusmotet/" not in paths
    assert "/rutiner/grona-kortet/" not in paths


def test_robots_points_to_the_sitemap_and_keeps_crawlers_out_of_inputs(client, governance_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ["/admin/", "/konto/", "/sok/", "/avvikelse/"]:
        assert f"Disallow: {path}" in lines
    assert "Disallow: /" not in lines and "Disallow: /rutiner/" not in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"
    assert client.post("/robots.txt").status_code == 405
