"""Routing a whole site in one query.

Wagtail routes a request level by level: `/a/b/c/` costs a query for each of `a`, `b` and
`c`. The site's root page uses `SlugPathRoutingMixin` to route the whole path at once."""

from django.http import Http404
from wagtail.models import Page


class SlugPathRoutingMixin:
    """For a site's root page: find the page for a path in one query, not one per level.

    The candidates are the pages below this one whose slug is in the path (slugs are
    indexed; url_path is not); the deepest whose address is a prefix of the path answers,
    and what is left of the path goes to its own `route`, so routable pages ("jamfor/",
    "utskrift/") and Wagtail's checks (live, view restrictions through serve) work as usual."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            self.url_path + "/".join(path_components[:length]) + "/": length
            for length in range(1, len(path_components) + 1)
        }
        candidates = Page.objects.filter(
            slug__in=set(path_components),
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
        ).only("url_path", "depth", "content_type")
        matches = [page for page in candidates if page.url_path in prefixes]
        if not matches:
            raise Http404
        deepest = max(matches, key=lambda page: page.depth)
        return deepest.specific.route(request, path_components[prefixes[deepest.url_path] :])
