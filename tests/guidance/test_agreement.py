from datetime import date, timedelta

import pytest
from django.utils import timezone

from guidance.models import AgreementVersionPage, VersionStatus
from guidance.toc import section_tree
from tests.factories import (
    AgreementIndexPageFactory,
    AgreementVersionPageFactory,
    add_sections,
    publish,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_page):
    return AgreementIndexPageFactory(parent=home_page)


@pytest.fixture
def versions(index):
    today = timezone.localdate()
    past = AgreementVersionPageFactory(
        parent=index, version_label="2013", effective_date=date(2013, 1, 1)
    )
    present = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=today, replaces=past
    )
    future = AgreementVersionPageFactory(
        parent=index, version_label="2030", effective_date=today + timedelta(days=30)
    )
    return past, present, future


def test_version_in_force_is_the_latest_that_has_started(versions):
    past, present, _future = versions
    assert AgreementVersionPage.objects.in_force() == present
    assert (
        AgreementVersionPage.objects.in_force(today=present.effective_date - timedelta(days=1))
        == past
    )


def test_a_future_version_becomes_in_force_on_its_effective_date(versions):
    _past, _present, future = versions
    assert AgreementVersionPage.objects.in_force(today=future.effective_date) == future


def test_no_version_in_force_before_the_first_one(versions):
    assert AgreementVersionPage.objects.in_force(today=date(2000, 1, 1)) is None


def test_unpublished_versions_are_never_in_force(versions):
    past, present, _future = versions
    present.unpublish()
    assert AgreementVersionPage.objects.in_force() == past


def test_statuses_are_derived_from_dates(index, versions):
    past, present, future = versions
    statuses = dict(index.versions_with_status())
    assert statuses[present] == VersionStatus.IN_FORCE
    assert statuses[past] == VersionStatus.SUPERSEDED
    assert statuses[future] == VersionStatus.UPCOMING


def test_superseded_version_links_to_the_one_in_force(client, versions):
    past, present, _future = versions
    html = client.get(past.url).content.decode()
    assert "Den här versionen gäller inte längre" in html
    assert f'href="{present.url}"' in html


def test_upcoming_version_is_shown_as_kommande(client, versions):
    _past, present, future = versions
    html = client.get(future.url).content.decode()
    assert "Kommande version" in html
    assert f'href="{present.url}"' in html
    assert "gäller inte längre" not in html


def test_version_in_force_has_no_notice(client, versions):
    _past, present, _future = versions
    html = client.get(present.url).content.decode()
    assert "badge--in_force" in html
    assert "gäller inte längre" not in html
    assert "Kommande version" not in html


def test_index_and_home_point_at_the_version_in_force(client, home_page, index, versions):
    _past, present, _future = versions
    assert f'href="{present.url}"' in client.get(index.url).content.decode()
    home_html = client.get(home_page.url).content.decode()
    assert f'href="{present.url}"' in home_html
    assert "Gällande version: <strong>2025</strong>" in home_html


def test_sections_get_stable_unique_anchors_and_a_nested_toc(client, index):
    version = AgreementVersionPageFactory(parent=index, version_label="2025")
    add_sections(
        version,
        [
            (1, "Syfte & mål", "<p>Barn ska ha goda livsvillkor.</p>"),
            (1, "Norrbusmötet", "<p>Ett möte.</p>"),
            (2, "Kallelse", "<p>Den som kallar.</p>"),
            (2, "Kallelse", "<p>Samma rubrik igen.</p>"),
        ],
    )
    publish(version)
    anchors = [s.anchor for s in version.sections.all()]
    assert anchors == ["syfte-mal", "norrbusmotet", "kallelse", "kallelse-2"]
    tree = section_tree(list(version.sections.all()))
    assert [n.section.heading for n in tree] == ["Syfte & mål", "Norrbusmötet"]
    assert [n.section.anchor for n in tree[1].children] == ["kallelse", "kallelse-2"]
    html = client.get(version.url).content.decode()
    assert 'id="kallelse-2"' in html
    assert 'href="#syfte-mal"' in html


def test_editor_chosen_anchor_is_kept(index):
    version = AgreementVersionPageFactory(parent=index, version_label="2025")
    add_sections(version, [(1, "Målgrupp", "<p>0–20 år.</p>")])
    section = version.sections.first()
    section.anchor = "vem-galler-det"
    section.save()
    version.full_clean()
    assert version.sections.first().anchor == "vem-galler-det"
