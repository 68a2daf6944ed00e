"""Admin: what staff search for, and what they search for without finding, per week."""

import datetime

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.admin_permissions import AdminPermissionMixin

from . import analytics
from .models import QueryStatistic

ZERO_RESULT_COLUMNS = [
    Column("query", label=_("Sökning")),
    Column("total", label=_("Gånger utan träff")),
]


class SearchAnalyticsView(AdminPermissionMixin, ReportView):
    """The week's most common queries; above them, the week's queries that found nothing."""

    template_name = "search/admin/analytics.html"
    page_title = _("Sökstatistik")
    header_icon = "search"
    index_url_name = "search_analytics"
    permission_policy = ModelPermissionPolicy(QueryStatistic)
    permission_required = "view"
    paginate_by = None  # analytics caps both lists
    columns = [
        Column("query", label=_("Sökning")),
        Column("total", label=_("Gånger")),
        Column("empty", label=_("Varav utan träff")),
    ]
    no_results_message = _("Ingen har sökt ännu.")

    @cached_property
    def weeks(self) -> list[datetime.date]:
        return analytics.weeks()

    @cached_property
    def week(self) -> datetime.date | None:
        """The week asked for with ?vecka=, else the latest."""
        try:
            chosen = datetime.date.fromisoformat(self.request.GET.get("vecka", ""))
        except ValueError:
            chosen = None
        if chosen in self.weeks:
            return chosen
        return self.weeks[0] if self.weeks else None

    def get_queryset(self):
        return analytics.top_queries(self.week) if self.week else []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.week:
            zero = analytics.zero_result_queries(self.week)
            context["zero_result_table"] = Table(ZERO_RESULT_COLUMNS, zero)
        return context
