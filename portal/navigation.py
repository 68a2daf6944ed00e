"""The main menu and the breadcrumbs, kept in the cache per site generation.

They show titles, addresses and menu flags only, which change only through what bumps the
page cache's generation (portal/invalidation.py: a title, slug or menu change, a move, an
unpublish, a delete, a new page). So they are read once per generation instead of on every
page: a query less for each, on every page.
"""

from dataclasses import dataclass

from .pagecache import remembered


@dataclass(frozen=True)
class Link:
    pk: int
    title: str
    url: str
    path: str
    depth: int


def _link(page, request) -> Link:
    return Link(page.pk, page.title, page.get_url(request), page.path, page.depth)


def menu(site, request) -> list[Link]:
    return remembered(
        f"navigation:menu:{site.pk}",
        lambda: [_link(page, request) for page in site.root_page.get_children().live().in_menu()],
    )


def breadcrumbs(page, request) -> list[Link]:
    """The page's ancestors below the tree's root, the site's home page first."""
    return remembered(
        f"navigation:crumbs:{page.pk}",
        lambda: [_link(ancestor, request) for ancestor in page.get_ancestors()[1:]],
    )
