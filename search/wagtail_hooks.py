from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.admin_permissions import PermissionMenuItem

from .admin_views import SearchAnalyticsView


@hooks.register("register_admin_urls")
def search_admin_urls():
    return [path("sokstatistik/", SearchAnalyticsView.as_view(), name="search_analytics")]


@hooks.register("register_reports_menu_item")
def search_analytics_menu_item():
    return PermissionMenuItem(
        _("Sökstatistik"),
        reverse("search_analytics"),
        view=SearchAnalyticsView,
        icon_name="search",
        order=720,
    )
