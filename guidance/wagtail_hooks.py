from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.ui.tables import Table
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.admin_permissions import PermissionMenuItem, drafts_hidden_from
from portal.admin_privacy import SITE_WIDE_REPORTS

from .admin_views import (
    REVIEW_COLUMNS,
    AgreementDraftComparisonView,
    AgreementImportView,
    ReviewReportView,
)
from .models import AgreementVersionPage, GlossaryTerm
from .reviews import review_items
from .user_admin import refuse_unmanageable_bulk_actions


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Begrepp")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["term", "abbreviations", "synonyms"]
    search_fields = ["term", "abbreviations", "synonyms", "definition"]


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def agreement_import_urls():
    return [
        path("overenskommelse/las-in/", AgreementImportView.as_view(), name="agreement_import"),
        path(
            "overenskommelse/<int:pk>/jamfor/",
            AgreementDraftComparisonView.as_view(),
            name="agreement_draft_comparison",
        ),
    ]


@hooks.register("register_page_header_buttons")
def agreement_draft_comparison_button(page, user, view_name, next_url=None):
    """On a version that is not published, or has unpublished changes: compare it with the
    version in force before publishing."""
    if page.specific_class is not AgreementVersionPage or not page.has_unpublished_changes:
        return
    in_force = AgreementVersionPage.objects.in_force()
    if in_force is None or in_force.pk == page.pk:
        return
    if not AgreementDraftComparisonView.allows(user):
        return
    yield PageMenuItem(
        _("Jämför med gällande version"),
        url=reverse("agreement_draft_comparison", args=[page.pk]),
        icon_name="doc-full",
        priority=12,
        page=page,
    )


@hooks.register("register_admin_menu_item")
def agreement_import_menu_item():
    return PermissionMenuItem(
        _("Läs in överenskommelse"),
        reverse("agreement_import"),
        view=AgreementImportView,
        icon_name="doc-full",
        order=310,
    )


@hooks.register("register_admin_urls")
def review_report_urls():
    return [path("granskning/", ReviewReportView.as_view(), name="review_report")]


@hooks.register("register_reports_menu_item")
def review_report_menu_item():
    return MenuItem(
        _("Granskning av innehåll"), reverse("review_report"), icon_name="date", order=720
    )


class ReviewPanel(Component):
    """The dashboard's list of the signed-in editor's pages that are due or overdue."""

    name = "review_panel"
    order = 90
    template_name = "guidance/admin/review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "table": Table(REVIEW_COLUMNS, review_items(owner=self.user)),
            "no_results_message": ReviewReportView.no_results_message,
        }


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    panels.append(ReviewPanel(request.user))


hooks.register("before_bulk_action", refuse_unmanageable_bulk_actions)


@hooks.register("construct_page_chooser_queryset")
def hide_others_drafts_from_the_chooser(pages, request):
    return drafts_hidden_from(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_others_drafts_from_the_explorer(parent_page, pages, request):
    return drafts_hidden_from(pages, request.user)


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    hidden = {
        reverse(f"wagtailadmin_reports:{name}")
        for name, (_prefix, view) in SITE_WIDE_REPORTS.items()
        if not view.allows(request.user)
    }
    menu_items[:] = [item for item in menu_items if item.url not in hidden]
