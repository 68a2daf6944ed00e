from datetime import date, timedelta

import pytest
from django.utils import timezone

from guidance.models import AgreementVersionPage, VersionStatus
from guidance.toc import section_tree
from tests.comparison_page import sections_by_group, summary_text
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


def test_a_version_no_longer_in_force_is_labelled_ersatt(client, versions):
    past, _present, _future = versions
    assert VersionStatus.SUPERSEDED.label == "Ersatt"
    assert ">Ersatt<" in client.get(past.url).content.decode()


@pytest.fixture
def texts(index):
    """2013 as a record without text, 2025 and 2030 with text."""
    today = timezone.localdate()
    record = AgreementVersionPageFactory(
        parent=index,
        version_label="2013",
        effective_date=date(2013, 1, 1),
        effective_date_is_example=True,
    )
    present = AgreementVersionPageFactory(
        parent=index, version_label="2025", effective_date=today, replaces=record
    )
    add_sections(present, [(1, "Målgrupp", "<p>Barn och unga upp till 20 år.</p>")])
    future = AgreementVersionPageFactory(
        parent=index,
        version_label="2030",
        effective_date=today + timedelta(days=30),
        replaces=present,
    )
    add_sections(future, [(1, "Målgrupp", "<p>Barn och unga upp till 21 år.</p>")])
    return record, present, future


def test_only_versions_with_text_can_be_compared(client, index, texts):
    _record, present, future = texts
    assert list(AgreementVersionPage.objects.with_text()) == [present, future]
    response = client.get(f"{index.url}jamfor/", follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.redirect_chain == [(f"{index.url}jamfor/?fran=2025&till=2030", 302)]
    assert 'value="2025"' in html and 'value="2030"' in html
    assert 'value="2013"' not in html
    assert summary_text(html) == "1 avsnitt ändrat, 0 nya, 0 borttagna. 0 avsnitt är oförändrade."
    assert "Jämför två versioner" in client.get(index.url).content.decode()


def test_comparing_a_version_without_text_is_a_400_with_the_reason(client, index, texts):
    response = client.get(f"{index.url}jamfor/?fran=2013&till=2025")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Texten till version 2013 finns inte i portalen" in html
    assert 'aria-invalid="true"' in html
    assert "comparison-summary" not in html


def test_a_summary_is_not_compared(client, index, texts):
    _record, present, future = texts
    present.is_summary = True
    publish(present)
    assert list(AgreementVersionPage.objects.with_text()) == [future]
    assert client.get(f"{index.url}jamfor/?fran=2025&till=2030").status_code == 400
    assert "Det här är en sammanfattning" in client.get(present.url).content.decode()


def test_a_record_without_text_says_so_and_offers_no_comparison(client, texts):
    record, present, _future = texts
    html = client.get(record.url).content.decode()
    assert "Texten finns inte i portalen" in html
    assert "exempeldatum" in html
    # The version in force replaces a record without text: nothing to compare it with.
    assert "Vad har ändrats sedan" not in client.get(present.url).content.decode()


def test_a_version_with_text_links_to_what_changed_since_the_previous(client, texts):
    _record, _present, future = texts
    html = client.get(future.url).content.decode()
    assert "Vad har ändrats sedan version 2025?" in html
    assert "fran=2025&amp;till=2030" in html


@pytest.fixture
def draft(index, texts):
    """An unpublished version that is to replace the one in force, with one section changed
    and one added."""
    _record, present, _future = texts
    version = AgreementVersionPageFactory(
        parent=index,
        version_label="2026",
        effective_date=timezone.localdate() - timedelta(days=1),
        replaces=present,
        live=False,
    )
    add_sections(
        version,
        [
            (1, "Målgrupp", "<p>Barn och unga upp till 25 år.</p>"),
            (1, "Uppföljning", "<p>Varje år.</p>"),
        ],
    )
    version.save_revision()
    return version


def test_a_drafts_preview_shows_it_as_a_draft_never_the_version_in_force_as_replaced(
    client, admin_user, texts, draft
):
    _record, present, _future = texts
    client.force_login(admin_user)
    html = client.get(f"/admin/pages/{draft.pk}/view_draft/").content.decode()
    assert "badge--draft" in html and ">Utkast<" in html
    assert "Ska ersätta" in html and f'href="{present.url}"' in html
    assert "gäller inte längre" not in html and "badge--superseded" not in html
    assert AgreementVersionPage.objects.in_force() == present
    assert "badge--in_force" in client.get(present.url).content.decode()


def test_an_editor_compares_a_draft_with_the_version_in_force(client, admin_user, draft):
    client.force_login(admin_user)
    edit = client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()
    url = f"/admin/overenskommelse/{draft.pk}/jamfor/"
    assert url in edit
    html = client.get(url).content.decode()
    assert summary_text(html) == "1 avsnitt ändrat, 1 nytt, 0 borttagna. 0 avsnitt är oförändrade."
    assert sections_by_group(html) == {
        "andrade-avsnitt": ["Målgrupp"],
        "nya-avsnitt": ["Uppföljning"],
    }
    # "Före" beside "Efter", the changed word marked inside the sentence.
    before = '<span class="diff__label">Före:</span><p>Barn och unga upp till <del>'
    assert before in html and '<span class="visually-hidden">Borttaget: </span>20</del>' in html


def test_the_draft_comparison_needs_permission_to_edit_the_version(
    client, django_user_model, draft
):
    someone = django_user_model.objects.create_user("someone", password="pw")
    client.force_login(someone)
    response = client.get(f"/admin/overenskommelse/{draft.pk}/jamfor/")
    assert response.status_code in (302, 403)
    assert "comparison-summary" not in response.content.decode()
