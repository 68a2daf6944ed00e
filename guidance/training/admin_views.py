"""Admin: the training overview (with CSV and Excel export) and invitation links for new
learners."""

import codecs
import csv
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, Table
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from portal.admin_permissions import AdminPermissionMixin, has_perm

from . import accounts, reports
from .models import LearnerProfile, ModuleCompletion


def formula_safe(value: str) -> str:
    """Text a spreadsheet would take for a formula gets a leading apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@dataclass
class Individual:
    """A completion as the administrators' table shows it."""

    completion: ModuleCompletion
    profile: LearnerProfile | None
    current: bool

    @property
    def name(self) -> str:
        return self.completion.user.get_full_name() or self.completion.user.get_username()

    @property
    def municipality(self) -> str:
        municipality = self.profile and self.profile.municipality
        return municipality.title if municipality else reports.NOT_GIVEN

    @property
    def actor(self) -> str:
        return (self.profile and self.profile.get_actor_display()) or reports.NOT_GIVEN

    @property
    def completed_on(self) -> str:
        return timezone.localdate(self.completion.completed_at).isoformat()

    @property
    def score(self) -> str:
        score = self.completion.score
        return "–" if score is None else f"{score} %"

    @property
    def validity(self) -> str:
        return "Ja" if self.current else "Nej – modulen har ändrats"


INDIVIDUAL_COLUMNS = [
    Column("module", label=_("Modul"), accessor="completion.module.title"),
    Column("version", label=_("Version"), accessor="completion.version"),
    Column("name", label=_("Namn")),
    Column("municipality", label=_("Kommun")),
    Column("actor", label=_("Verksamhet")),
    Column("completed_on", label=_("Slutförd")),
    Column("score", label=_("Resultat")),
    Column("validity", label=_("Gäller")),
]


class TrainingOverviewView(AdminPermissionMixin, ReportView):
    """Counts per path and module, by municipality and actor; the export has the same counts,
    one row per breakdown. Who took what is for administrators only."""

    template_name = "training/admin/overview.html"
    page_title = _("Utbildningsöversikt")
    header_icon = "group"
    index_url_name = "training_overview"
    user_test = has_perm("training.view_training_overview")
    paginate_by = None
    list_export = ["kind", "title", "municipality", "actor", "started", "completed"]
    export_headings = {
        "kind": _("Typ"),
        "title": _("Namn"),
        "municipality": _("Kommun"),
        "actor": _("Verksamhet"),
        "started": _("Påbörjat"),
        "completed": _("Slutfört"),
    }
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: formula_safe},
    }

    def setup(self, request, *args, **kwargs):
        # The CSV link was ?format=csv before Wagtail's ?export=; old links keep working.
        if request.GET.get("format") == self.FORMAT_CSV and "export" not in request.GET:
            request.GET = request.GET.copy()
            request.GET["export"] = self.FORMAT_CSV
        super().setup(request, *args, **kwargs)

    def get_filename(self):
        return f"utbildningsoversikt-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def items(self) -> list[reports.ReportItem]:
        return reports.overview()

    def get_queryset(self):
        return reports.export_rows(self.items)

    def stream_csv(self, queryset):
        # Excel reads UTF-8 only with the byte-order mark, and Swedish Excel splits on ";".
        yield codecs.BOM_UTF8
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export, delimiter=";")
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for row in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(row))

    def write_csv_response(self, queryset):
        # A few hundred rows at most: one response rather than Wagtail's stream.
        content = b"".join(self.stream_csv(queryset))
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.get_filename()}.csv"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.user.is_superuser:
            context["individuals_table"] = Table(INDIVIDUAL_COLUMNS, self.individuals())
        return context

    def individuals(self) -> list[Individual]:
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
            Individual(completion, profiles.get(completion.user_id), completion.pk in current)
            for completion in completions
        ]


class InvitationView(AdminPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "training/admin/invitation.html"
    page_title = _("Bjud in deltagare")
    header_icon = "mail"
    permission_policy = ModelPermissionPolicy(settings.AUTH_USER_MODEL)
    permission_required = "add"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            link=self.request.build_absolute_uri(accounts.invitation_path(self.request.user)),
            days=settings.LEARNER_INVITATION_DAYS,
            domains=settings.LEARNER_EMAIL_DOMAINS,
        )
        return context
