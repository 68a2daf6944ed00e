"""What a change invalidates in the anonymous page cache (and in a CDN in front, through
Wagtail's front-end cache invalidation when WAGTAILFRONTENDCACHE is set).

A published page invalidates the paths that show it: its own (with its routable
sub-pages), its parent's listing, the home page, search and "Ändringar", every page that
refers to it (Wagtail's reference index: links, page choosers, lesson sources), and what its
type feeds. A change that can show on every page (a title, slug or menu change, a first
publication, an unpublish, a move, a delete, a view restriction) invalidates everything.

What a type feeds is said by the apps, since this module sits below them all:
- a page type may define `fed_paths()`: paths outside its own family that show it (an
  agreement version shows on every agreement page);
- `shown_on(consumer, *producers)`: every live page of `consumer` shows what pages of the
  `producers` types hold (a municipality's contacts beside every routine's steps);
- `register_snippet(model, paths)`: a snippet model whose rows show on the pages `paths()`
  returns (glossary terms on the glossary page);
- `register_site_wide(model)`: a model whose rows show on every page (the publisher setting
  in the header and footer).
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache
from wagtail.models import Page, PageLogEntry, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import visibility

from . import pagecache

# Fields that show on other pages than the page itself: menus, breadcrumbs, addresses.
STRUCTURAL_FIELDS = ("title", "slug", "show_in_menus", "url_path")
ALWAYS = ("/sok/", "/andringar/")


def page_paths(page: Page) -> list[str]:
    """The URL paths a page answers on, its routable sub-pages included."""
    parts = page.get_url_parts()
    if parts is None:
        return []
    _, _, page_path = parts
    return [page_path + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


_CONSUMERS: dict[type, tuple[type, ...]] = {}
_SNIPPETS: dict[type, Callable[[], Iterable[str]]] = {}


def shown_on(consumer: type, *producers: type) -> None:
    """Pages of `consumer` show what pages of the `producers` types hold."""
    _CONSUMERS[consumer] = (*_CONSUMERS.get(consumer, ()), *producers)


def register_snippet(model: type, paths: Callable[[], Iterable[str]]) -> None:
    """A change to a row of `model` invalidates `paths()` (and search and "Ändringar")."""
    _SNIPPETS[model] = paths
    for signal in (post_save, post_delete):
        signal.connect(on_snippet_change, sender=model, dispatch_uid=f"pagecache.{model}.{signal}")


def register_site_wide(model: type) -> None:
    """A change to a row of `model` invalidates every page."""
    for signal in (post_save, post_delete):
        signal.connect(
            on_site_wide_change, sender=model, dispatch_uid=f"pagecache.site.{model}.{signal}"
        )


def subtree_paths(page: Page) -> list[str]:
    paths = []
    for descendant in page.get_descendants(inclusive=True).live().specific(defer=True):
        paths += page_paths(descendant)
    return paths


def _referring_pages(page: Page) -> list[Page]:
    page_type = Page._meta
    references = ReferenceIndex.get_references_to(page).filter(
        base_content_type__app_label=page_type.app_label,
        base_content_type__model=page_type.model_name,
    )
    ids = {int(object_id) for object_id in references.values_list("object_id", flat=True)}
    return list(Page.objects.live().filter(pk__in=ids))


def live_paths_of(model: type) -> list[str]:
    paths = []
    for page in model.objects.live():
        paths += page_paths(page)
    return paths


def fed_paths(page: Page) -> list[str]:
    """Paths outside the page's own family that show what this type of page holds."""
    specific = page.specific_deferred
    paths: list[str] = list(specific.fed_paths()) if hasattr(specific, "fed_paths") else []
    for consumer, producers in _CONSUMERS.items():
        if isinstance(specific, producers):
            paths += live_paths_of(consumer)
    return paths


def _structural(page: Page, revision) -> bool:
    """Whether this publication changed what other pages show of the page."""
    if page.first_published_at == page.last_published_at:
        return True
    previous = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .exclude(revision=revision)
        .select_related("revision")
        .order_by("-timestamp", "-pk")
        .first()
    )
    if previous is None or previous.revision is None:
        return True
    before = previous.revision.as_object()
    return any(getattr(before, name) != getattr(page, name) for name in STRUCTURAL_FIELDS)


def paths_for_published(page: Page) -> list[str]:
    paths = [*page_paths(page), *ALWAYS]
    parent = page.get_parent()
    if parent is not None:
        paths += page_paths(parent)
    site = page.get_site()
    if site is not None:
        paths += page_paths(site.root_page)
    for referrer in _referring_pages(page):
        paths += page_paths(referrer)
    paths += fed_paths(page)
    return paths


def _purge_frontend(paths=None) -> None:
    """Tell a CDN or proxy in front (WAGTAILFRONTENDCACHE) what changed."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if paths is None:
        purge_pages_from_cache(Page.objects.live().filter(depth__gt=1))
        return
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    purge_urls_from_cache([base + path for path in sorted(set(paths))])


def invalidate_for_page(page: Page, structural: bool) -> None:
    if structural:
        pagecache.invalidate_all()
        _purge_frontend()
        return
    paths = paths_for_published(page)
    pagecache.invalidate_paths(paths)
    _purge_frontend(paths)


def on_published(sender, instance, revision=None, **kwargs):
    invalidate_for_page(instance, structural=_structural(instance, revision))


def on_structure_change(sender, instance=None, **kwargs):
    if instance is None or isinstance(instance, (Page, PageViewRestriction)):
        visibility.forget()
        pagecache.invalidate_all()
        _purge_frontend()


def on_site_wide_change(sender, instance, **kwargs):
    pagecache.invalidate_all()
    _purge_frontend()


def on_snippet_change(sender, instance, **kwargs):
    paths = [*ALWAYS, *_SNIPPETS[sender]()]
    pagecache.invalidate_paths(paths)
    _purge_frontend(paths)


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="pagecache.published")
    page_unpublished.connect(on_structure_change, dispatch_uid="pagecache.unpublished")
    post_page_move.connect(on_structure_change, dispatch_uid="pagecache.moved")
    post_delete.connect(on_structure_change, dispatch_uid="pagecache.deleted")
    post_save.connect(
        on_structure_change, sender=PageViewRestriction, dispatch_uid="pagecache.restriction"
    )
