"""Re-index what an editor changed: pages, glossary terms, county parts' contacts."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from directory.models import CountyPart, MunicipalityPage
from guidance.models import GlossaryPage, GlossaryTerm

from .entries import page_source
from .indexing import reindex_on_commit


def _related_sources(page) -> list[str]:
    """Entries of other sources that show something of this page."""
    if isinstance(page, MunicipalityPage) and page.county_part_id:
        return [f"countypart:{page.county_part_id}"]
    if isinstance(page, GlossaryPage):
        return [f"term:{pk}" for pk in GlossaryTerm.objects.values_list("pk", flat=True)]
    return []


def _subtree_sources(page: Page) -> list[str]:
    pages = Page.objects.descendant_of(page, inclusive=True).specific()
    sources = []
    for each in pages:
        sources += [page_source(each.pk), *_related_sources(each)]
    return sources


def on_publish_or_unpublish(sender, instance, **kwargs):
    reindex_on_commit(page_source(instance.pk), *_related_sources(instance.specific))


def on_move(sender, instance, **kwargs):
    # Every address below the page has changed.
    reindex_on_commit(*_subtree_sources(instance))


def on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        reindex_on_commit(page_source(instance.pk), *_related_sources(instance))


def on_restriction_change(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_on_commit(*_subtree_sources(page))


def on_term_change(sender, instance, **kwargs):
    reindex_on_commit(f"term:{instance.pk}")


def on_county_part_change(sender, instance, **kwargs):
    reindex_on_commit(f"countypart:{instance.pk}")


def connect() -> None:
    page_published.connect(on_publish_or_unpublish, dispatch_uid="search_publish")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="search_unpublish")
    post_page_move.connect(on_move, dispatch_uid="search_move")
    post_delete.connect(on_page_delete, dispatch_uid="search_page_delete")
    for signal in (post_save, post_delete):
        signal.connect(on_restriction_change, sender=PageViewRestriction, weak=False)
        signal.connect(on_term_change, sender=GlossaryTerm, weak=False)
        signal.connect(on_county_part_change, sender=CountyPart, weak=False)
