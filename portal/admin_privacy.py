"""What the admin shows of pages beyond the user's own, where Wagtail shows too much.

Wagtail's site-wide reports are for those who may change the whole site.

Site history lists the edits (by whom, under the draft's title) of every page above the
user's own too, the page types report names each type's last edited page whatever its owner,
and the workflow reports' filters name everyone who ever submitted a page. A municipality
editor has its own page's history (Historik) and its own pages in "Åldrande sidor" instead.
The page chooser opened at a page shows that page by its draft's title, so it refuses a page
whose draft the user may not see (the listings are filtered by drafts_hidden_from, through
Wagtail's chooser and explorer hooks in guidance/wagtail_hooks.py).

The views are Wagtail's, mounted at their own paths ahead of the admin's (portal/urls.py).
"""

from django.http import Http404
from django.urls import include, path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.models import Page

from .admin_permissions import AdminPermissionMixin, drafts_hidden_from, may_change_whole_site


def site_wide(view: type) -> type:
    # The permission is the user test alone: it implies Wagtail's own page permission.
    return type(
        view.__name__,
        (AdminPermissionMixin, view),
        {"user_test": may_change_whole_site, "any_permission_required": None},
    )


# Wagtail's URL name (in "wagtailadmin_reports") -> its path there, and the view.
SITE_WIDE_REPORTS = {
    "site_history": ("site-history/", site_wide(LogEntriesView)),
    "page_types_usage": ("page-types-usage/", site_wide(PageTypesUsageReportView)),
    "workflow": ("workflow/", site_wide(WorkflowView)),
    "workflow_tasks": ("workflow_tasks/", site_wide(WorkflowTasksView)),
}


def choose_below(request, parent_page_id: int):
    if not drafts_hidden_from(Page.objects.filter(pk=parent_page_id), request.user).exists():
        raise Http404
    return BrowseView.as_view()(request, parent_page_id=parent_page_id)


report_urlpatterns = [
    pattern
    for prefix, view in SITE_WIDE_REPORTS.values()
    for pattern in (
        path(prefix, require_admin_access(view.as_view())),
        path(f"{prefix}results/", require_admin_access(view.as_view(results_only=True))),
    )
]

urlpatterns = [
    # The same paths as Wagtail's, so they are found first.
    path("reports/", include(report_urlpatterns)),
    path("choose-page/<int:parent_page_id>/", require_admin_access(choose_below)),
]
