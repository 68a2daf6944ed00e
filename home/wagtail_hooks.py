from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import EditorGuideView, PublisherPanel

# Wagtail's own help items that lead to its English guide and release notes.
WAGTAIL_GUIDE_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_admin_urls")
def editor_guide_urls():
    return [path("redaktorsguide/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return MenuItem(
        _("Redaktörsguide"), reverse("editor_guide"), name="redaktorsguide", icon_name="help"
    )


@hooks.register("construct_help_menu")
def hide_wagtail_guide(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_GUIDE_ITEMS)]


@hooks.register("construct_homepage_panels")
def add_publisher_panel(request, panels):
    panel = PublisherPanel.for_request(request)
    if panel is not None:
        panels.append(panel)
