import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def html(client, seeded):
    return client.get("/").content.decode()


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
    assert '<nav class="main-nav" aria-label="Huvudmeny">' in html
    assert "<footer" in html


def test_breadcrumbs_and_current_menu_item(client, seeded):
    html = client.get("/rutiner/norrbusmotet/").content.decode()
    assert 'aria-label="Du är här"' in html
    assert '<a href="/rutiner/" aria-current="true">Rutiner</a>' in html


def test_home_lists_the_top_level_routines_only_and_at_most_a_dozen(client, seeded):
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
