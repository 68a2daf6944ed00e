"""Admin: what staff search for, and what they search for without finding, per week."""

import datetime

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import analytics

VIEW_PERMISSION = "search.view_querystatistic"


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/analytics.html"
    page_title = _("Sökstatistik")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def chosen_week(self, weeks: list[datetime.date]) -> datetime.date | None:
        value = self.request.GET.get("vecka", "")
        try:
            chosen = datetime.date.fromisoformat(value)
        except ValueError:
            return weeks[0] if weeks else None
        return chosen if chosen in weeks else (weeks[0] if weeks else None)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        weeks = analytics.weeks()
        week = self.chosen_week(weeks)
        context.update(
            weeks=[(w, w.isocalendar().week) for w in weeks],
            week=week,
            week_number=week.isocalendar().week if week else None,
            top=analytics.top_queries(week) if week else [],
            zero=analytics.zero_result_queries(week) if week else [],
        )
        return context
