"""The search entries follow the content: publish, unpublish, move, delete, contacts, terms."""

import pytest
from wagtail.models import Page, PageViewRestriction

from directory.models import Contact, CountyPart, MunicipalityPage
from guidance.models import GlossaryTerm, RoutinePage, SectionPage
from search.entries import plain
from search.models import SearchEntry
from search.services import search_site
from tests.factories import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what would happen after the editor's change is committed."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def keys(prefix: str) -> set[str]:
    return set(SearchEntry.objects.filter(key__startswith=prefix).values_list("key", flat=True))


def test_every_findable_thing_has_an_entry(seeded):
    kinds = set(SearchEntry.objects.values_list("kind", flat=True))
    assert kinds == {"agreement", "actor", "routine", "training", "contact", "term", "page"}
    lesson = SearchEntry.objects.get(url="/utbildning/varfor-norrbus/vad-ar-norrbus/")
    assert (lesson.kind, lesson.context) == ("training", "Varför Norrbus och vem det gäller")
    routine = RoutinePage.objects.get(slug="norrbusmotet")
    steps = SearchEntry.objects.filter(key__startswith=f"step:{routine.pk}:")
    assert steps.count() == len(routine.steps)
    assert steps.get(key=f"step:{routine.pk}:2").url == "/rutiner/norrbusmotet/#kallelse"
    section = SearchEntry.objects.get(kind="agreement", title="Avvikelsehantering")
    assert section.url == "/overenskommelsen/2025/#avvikelsehantering"
    # Only the version in force is indexed section by section.
    assert not SearchEntry.objects.filter(url__startswith="/overenskommelsen/2013/#").exists()


def test_publishing_a_change_updates_the_entries(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    routine.summary = "Ett kort med lila ränder att ha till hands."
    commit(lambda: publish(routine))
    assert search_site("lila ränder").hits[0].url == "/rutiner/grona-kortet/"


def test_a_draft_is_not_searchable(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    routine.summary = "Utkast om blåbär."
    commit(lambda: routine.save_revision())
    assert search_site("blåbär").total == 0
    # The published version is still what is found.
    assert keys(f"page:{routine.pk}")
    assert "/rutiner/grona-kortet/" in [hit.url for hit in search_site("gröna kortet").hits]


def test_unpublishing_removes_the_page_and_its_steps(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    assert keys(f"step:{routine.pk}:")
    commit(routine.unpublish)
    assert not keys(f"page:{routine.pk}") and not keys(f"step:{routine.pk}:")


def test_moving_a_page_updates_the_addresses_below_it(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    target = SectionPage(title="Checklistor", slug="checklistor")
    Page.objects.get(slug="start").add_child(instance=target)
    publish(target)
    commit(lambda: routine.move(target, pos="last-child"))
    entry = SearchEntry.objects.get(key=f"page:{routine.pk}")
    assert entry.url == "/checklistor/grona-kortet/"
    assert SearchEntry.objects.get(key=f"step:{routine.pk}:1").url.startswith(
        "/checklistor/grona-kortet/#"
    )


def test_deleting_a_page_removes_its_entries(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    other = RoutinePage.objects.get(slug="norrbusmotet")
    pk = routine.pk
    assert keys(f"page:{pk}") and keys(f"step:{pk}:")
    commit(routine.delete)
    assert not keys(f"page:{pk}") and not keys(f"step:{pk}:")
    assert keys(f"page:{other.pk}") and keys(f"step:{other.pk}:")  # only that page's


def test_a_private_page_is_not_searchable(seeded, commit):
    routine = RoutinePage.objects.get(slug="grona-kortet")
    other = RoutinePage.objects.get(slug="norrbusmotet")
    assert keys(f"page:{routine.pk}")
    commit(
        lambda: PageViewRestriction.objects.create(
            page=routine, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
        )
    )
    assert not keys(f"page:{routine.pk}")
    assert Page.objects.get(pk=routine.pk).live  # still published, only restricted
    assert keys(f"page:{other.pk}")


def test_a_municipality_contact_edit_is_searchable_on_publish(seeded, commit):
    kalix = MunicipalityPage.objects.get(slug="kalix")
    contacts = list(kalix.contacts.all())
    contact = contacts[0]
    contact.name = "Familjeteamet i Kalix"
    kalix.contacts = contacts
    commit(lambda: publish(kalix))
    hit = search_site("familjeteamet").hits[0]
    assert hit.title == "Familjeteamet i Kalix" and hit.contact.pk == contact.pk


def test_a_county_part_contact_edit_is_searchable(seeded, commit):
    part = CountyPart.objects.get(name="Östra Norrbotten")
    contact = part.contacts.first()

    def rename():
        Contact.objects.filter(pk=contact.pk).update(name="Nattjouren Östra")
        part.save()

    commit(rename)
    entry = SearchEntry.objects.get(key=f"contact:{contact.pk}")
    assert entry.title == "Nattjouren Östra"
    assert set(entry.municipalities) == {"haparanda", "kalix", "overkalix", "overtornea"}


def test_glossary_terms_are_indexed_on_save_and_delete(seeded, commit):
    term = GlossaryTerm(term="Skolkurator", definition="Skolans kurator i elevhälsan.")
    commit(term.save)
    assert search_site("skolkurator").hits[0].url == "/begrepp/#begrepp-skolkurator"
    commit(term.delete)
    assert search_site("skolkurator").total == 0


def test_paragraphs_and_list_items_stay_apart_in_the_index():
    html = "<p>ledningsstrukturer.</p><p>Överenskommelsen</p><ul><li>en</li><li>två</li></ul>"
    assert plain(html) == "ledningsstrukturer. Överenskommelsen en två"
    assert plain("rad ett<br>rad två<BR/>tre") == "rad ett rad två tre"
    assert plain("<p>Inga <strong>mellanrum</strong> inne i ord</p>") == "Inga mellanrum inne i ord"
