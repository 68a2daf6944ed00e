"""Admin: the training overview (with CSV export) and invitation links for new learners."""

import csv

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import accounts, reports
from .models import LearnerProfile, ModuleCompletion

OVERVIEW_PERMISSION = "training.view_training_overview"
INVITE_PERMISSION = "auth.add_user"


class TrainingOverviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/admin/overview.html"
    page_title = _("Utbildningsöversikt")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(OVERVIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "csv":
            return self.csv_response()
        return super().get(request, *args, **kwargs)

    def csv_response(self) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"utbildningsoversikt-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response.write("\ufeff")  # Excel reads UTF-8 only with the byte-order mark.
        writer = csv.writer(response, delimiter=";")
        writer.writerows(reports.csv_rows(reports.overview()))
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = reports.overview()
        # Who took what is for administrators only; everyone else sees counts.
        if self.request.user.is_superuser:
            context["individuals"] = self.individuals()
        return context

    def individuals(self):
        profiles = {
            profile.user_id: profile
            for profile in LearnerProfile.objects.select_related("municipality")
        }
        completions = ModuleCompletion.objects.select_related("user", "module").order_by(
            "module__path", "-completed_at"
        )
        current = {
            completion.pk
            for items in reports.current_completions(
                {c.module.specific for c in completions}
            ).values()
            for completion in items
        }
        return [
            (completion, profiles.get(completion.user_id), completion.pk in current)
            for completion in completions
        ]


class InvitationView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/admin/invitation.html"
    page_title = _("Bjud in deltagare")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(INVITE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        from django.conf import settings

        context = super().get_context_data(**kwargs)
        context.update(
            link=self.request.build_absolute_uri(accounts.invitation_path(self.request.user)),
            days=settings.LEARNER_INVITATION_DAYS,
            domains=settings.LEARNER_EMAIL_DOMAINS,
        )
        return context
