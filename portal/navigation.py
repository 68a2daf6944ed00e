"""The main menu and the breadcrumbs, kept in the cache per site generation.

They show titles, addresses and menu flags only, which change only through what bumps the
page cache's generation (portal/invalidation.py: a title, slug or menu change, a move, an
unpublish, a delete, a new page). So they are read once per generation instead of on every
page: a query less for each, on every page.
"""

from dataclasses import dataclass

from .pagecache import generation, shared_cache


@dataclass(frozen=True)
class Link:
    pk: int
    title: str
    url: str
    path: str
    depth: int


def _remembered(key: str, compute):
    cache = shared_cache()
    full_key = f"{key}:{generation()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, None)
    return value


def _link(page, request) -> Link:
    return Link(page.pk, page.title, page.get_url(request), page.path, page.depth)


def menu(site, request) -> list[Link]:
    return _remembered(
        f"navigation:menu:{site.pk}",
        lambda: [_link(page, request) for page in site.root_page.get_children().live().in_menu()],
    )


def breadcrumbs(page, request) -> list[Link]:
    """The page's ancestors below the tree's root, the site's home page first."""
    return _remembered(
        f"navigation:crumbs:{page.pk}",
        lambda: [_link(ancestor, request) for ancestor in page.get_ancestors()[1:]],
    )
