"""The Atom feed of major changes is valid Atom (RFC 4287): the feed names its author."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from guidance.models import PageChange, RoutinePage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_has_an_author_and_its_entries(client, governance_site):
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    PageChange.objects.create(
        page=routine, major=True, note="Kallelsen ändrad.", published_at=timezone.now()
    )
    feed = ET.fromstring(client.get("/andringar/atom.xml").content)
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Norrbus kunskapsportal"
    # The elements RFC 4287 requires of the feed and of each entry.
    for required in ("id", "title", "updated"):
        assert feed.findtext(f"{ATOM}{required}")
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == routine.title
    assert entry.findtext(f"{ATOM}summary") == "Kallelsen ändrad."
    assert entry.findtext(f"{ATOM}id") and entry.findtext(f"{ATOM}updated")
