from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import VIEW_PERMISSION, SearchAnalyticsView


@hooks.register("register_admin_urls")
def search_admin_urls():
    return [path("sokstatistik/", SearchAnalyticsView.as_view(), name="search_analytics")]


class SearchAnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def search_analytics_menu_item():
    return SearchAnalyticsMenuItem(
        _("Sökstatistik"), reverse("search_analytics"), icon_name="search", order=720
    )
