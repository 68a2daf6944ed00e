from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.admin_permissions import PermissionMenuItem

from .admin_views import ContactExportView, ContactImportView, UnverifiedContactsReportView
from .models import CountyPart, Situation


class CountyPartViewSet(SnippetViewSet):
    model = CountyPart
    icon = "site"
    menu_label = _("Länsdelar")
    list_display = ["name", "sort_order"]


class SituationViewSet(SnippetViewSet):
    model = Situation
    icon = "help"
    menu_label = _("Situationer")
    list_display = ["title", "routine", "sort_order"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Vem ringer jag?")
    menu_icon = "mail"
    menu_order = 320
    items = (CountyPartViewSet, SituationViewSet)


register_snippet(DirectoryGroup)


@hooks.register("register_admin_urls")
def directory_admin_urls():
    return [
        path(
            "kontakter/okontrollerade/",
            UnverifiedContactsReportView.as_view(),
            name="unverified_contacts",
        ),
        path(
            "kontakter/okontrollerade/resultat/",
            UnverifiedContactsReportView.as_view(results_only=True),
            name="unverified_contacts_results",
        ),
        path("kontakter/las-in/", ContactImportView.as_view(), name="contact_import"),
        path("kontakter/exportera/", ContactExportView.as_view(), name="contact_export"),
    ]


@hooks.register("register_reports_menu_item")
def unverified_contacts_menu_item():
    return MenuItem(
        _("Kontakter att kontrollera"),
        reverse("unverified_contacts"),
        icon_name="date",
        order=710,
    )


@hooks.register("register_admin_menu_item")
def contact_import_menu_item():
    return PermissionMenuItem(
        _("Kontakter in och ut"),
        reverse("contact_import"),
        view=ContactImportView,
        icon_name="table",
        order=330,
    )


@hooks.register("before_move_page")
def refuse_move_confirmation_without_permission(request, page, destination):
    """Wagtail checks the move itself on POST but shows the confirmation to anyone; we don't."""
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied
