from wagtail.models import Site

from .navigation import menu


def navigation(request):
    """Main navigation: the live, in-menu children of the site's root page."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"nav_pages": []}
    return {"site_root": site.root_page, "nav_pages": menu(site, request)}
