import datetime

import pytest

from tests.factories import (
    ActorPageFactory,
    AgreementIndexPageFactory,
    AgreementVersionPageFactory,
    ContentPageFactory,
    RoutinePageFactory,
    SectionPageFactory,
    built_for_the_module,
    make_home_page,
    publish,
)

pytestmark = pytest.mark.django_db


def build_home_entries():
    """What the home page points at: the new-staff page, the agreement in force, the
    routines in a menu section, an actor."""
    home = make_home_page()
    home.new_staff_page = publish(
        ContentPageFactory(parent=home, title="Ny i Norrbus?", slug="ny-i-norrbus")
    )
    publish(home)
    agreement = publish(AgreementIndexPageFactory(parent=home))
    publish(
        AgreementVersionPageFactory(
            parent=agreement, version_label="2025", effective_date=datetime.date(2025, 1, 1)
        )
    )
    rutiner = publish(
        SectionPageFactory(parent=home, title="Rutiner", slug="rutiner", show_in_menus=True)
    )
    for title, slug in [("Norrbusmötet", "norrbusmotet"), ("Gröna kortet", "grona-kortet")]:
        publish(RoutinePageFactory(parent=rutiner, title=title, slug=slug))
    aktorer = publish(SectionPageFactory(parent=home, title="Aktörer", slug="aktorer"))
    publish(ActorPageFactory(parent=aktorer, slug="skola"))
    return home


@pytest.fixture(scope="module")
def home_entries(django_db_setup, django_db_blocker):
    yield from built_for_the_module(django_db_blocker, build_home_entries)


@pytest.fixture
def html(client, home_entries, db):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_has_the_entry_points(html):
    assert "Ny i Norrbus?" in html and 'href="/ny-i-norrbus/"' in html
    assert 'href="/overenskommelsen/2025/"' in html
    assert 'href="/rutiner/norrbusmotet/"' in html
    assert 'href="/aktorer/skola/"' in html
    assert 'role="search"' in html
    assert "Senast ändrat" in html


def test_base_template_landmarks(html):
    assert '<html lang="sv">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" id="huvudmeny" aria-label="Huvudmeny"' in html
    assert "<footer" in html


def test_breadcrumbs_and_current_menu_item(client, home_entries, db):
    html = client.get("/rutiner/norrbusmotet/").content.decode()
    assert 'aria-label="Du är här"' in html
    assert '<a href="/rutiner/" aria-current="true">Rutiner</a>' in html


def test_home_lists_the_top_level_routines_only_and_at_most_a_dozen(client, home_entries, db):
    from guidance.models import RoutinePage, SectionPage
    from home.models import HOME_ROUTINES

    routine = RoutinePage.objects.get(slug="grona-kortet")
    for n in range(HOME_ROUTINES):
        routine.copy(update_attrs={"slug": f"kopia-{n}", "title": f"Kopia {n}"}, keep_live=True)
    deep = SectionPage.objects.get(slug="rutiner").add_child(
        instance=SectionPage(title="Underavsnitt", slug="under")
    )
    routine.copy(to=deep, update_attrs={"slug": "djup", "title": "Djup rutin"}, keep_live=True)
    html = client.get("/").content.decode()
    section = html.split('id="routines-heading"')[1].split("</section>")[0]
    assert section.count('class="card"') == HOME_ROUTINES
    assert "Djup rutin" not in section
