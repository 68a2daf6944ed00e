from wagtail.models import Site


def navigation(request):
    """Main navigation: the live, in-menu children of the site's root page."""
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"nav_pages": []}
    root = site.root_page
    return {
        "site_root": root,
        "nav_pages": root.get_children().live().in_menu(),
    }
