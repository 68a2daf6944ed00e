"""Admin: upload an agreement document and get a draft version to review; the review report."""

import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from portal.admin_permissions import AdminPermissionMixin, may_change_whole_site

from .comparison import compare_versions, group
from .importing import (
    SUPPORTED_SUFFIXES,
    AgreementImportError,
    create_draft_version,
    read_agreement,
)
from .models import AgreementIndexPage, AgreementVersionPage
from .reviews import review_items
from .sourcing import comparison_url, flag_edit_url, open_flags


class AgreementImportForm(forms.Form):
    document = forms.FileField(
        label=_("Dokument"),
        help_text=_("En textfil (.txt) med innehållsförteckning, eller ett Word-dokument (.docx)."),
        error_messages={"required": _("Välj ett dokument att läsa in.")},
    )
    label = forms.CharField(
        label=_("Version"),
        required=False,
        max_length=40,
        help_text=_("T.ex. '2025'. Kan lämnas tomt."),
    )
    effective_date = forms.DateField(
        label=_("Gäller från"),
        required=False,
        help_text=_("ÅÅÅÅ-MM-DD. Lämna tomt om dokumentet anger när det träder i kraft."),
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if Path(document.name).suffix.lower() not in SUPPORTED_SUFFIXES:
            raise forms.ValidationError(_("Filtypen stöds inte. Använd .txt eller .docx."))
        if document.size > settings.AGREEMENT_IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("Filen är för stor."))
        return document


def can_add_agreement_version(user) -> bool:
    """The import creates a version under the agreement index: a page permission, not a model
    one."""
    index = AgreementIndexPage.objects.first()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


class AgreementImportView(AdminPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = AgreementImportForm
    template_name = "guidance/admin/import_agreement.html"
    page_title = _("Läs in överenskommelse")
    header_icon = "doc-full"
    user_test = can_add_agreement_version

    def form_valid(self, form):
        upload = form.cleaned_data["document"]
        suffix = Path(upload.name).suffix.lower()
        try:
            with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
                handle.flush()
                parsed = read_agreement(handle.name)
            version = create_draft_version(
                parsed,
                source_name=upload.name,
                label=form.cleaned_data["label"] or None,
                effective_date=form.cleaned_data["effective_date"],
                user=self.request.user,
            )
        except AgreementImportError as error:
            form.add_error("document", str(error))
            return self.form_invalid(form)
        buttons = []
        if AgreementVersionPage.objects.in_force() is not None:
            buttons.append(
                messages.button(
                    reverse("agreement_draft_comparison", args=[version.pk]),
                    _("Jämför med den gällande versionen"),
                )
            )
        messages.success(
            self.request,
            _(
                "Utkastet skapades med %(count)d avsnitt. "
                "Granska det och publicera när det är klart."
            )
            % {"count": len(parsed.sections)},
            buttons=buttons,
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[version.pk]))


class AgreementDraftComparisonView(AdminPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The latest revision of a version (an imported draft, or unpublished changes) compared
    section by section with the version in force, before anyone publishes it."""

    template_name = "guidance/admin/compare_draft.html"
    page_title = _("Jämför utkast med gällande version")
    header_icon = "doc-full"
    user_test = can_add_agreement_version

    def get_context_data(self, **kwargs):
        page = get_object_or_404(AgreementVersionPage, pk=kwargs["pk"])
        if not page.permissions_for_user(self.request.user).can_edit():
            raise PermissionDenied
        draft = page.get_latest_revision_as_object()
        in_force = AgreementVersionPage.objects.in_force()
        context = super().get_context_data(**kwargs)
        context.update(page=page, draft=draft, in_force=in_force)
        if in_force is not None and in_force.pk != page.pk and in_force.has_text:
            context["groups"] = group(compare_versions(in_force, draft))
        return context


def review_date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else "–"


def review_owner(item) -> str:
    owner = item.page.review_owner
    return (owner.get_full_name() or owner.get_username()) if owner else "Ingen"


# Shared with the dashboard panel, so both list the pages alike.
REVIEW_COLUMNS = [
    TitleColumn(
        "title", label=_("Sida"), accessor="page.title", get_url=lambda item: item.edit_url
    ),
    StatusTagColumn("label", label=_("Status"), primary=lambda item: item.state == "forsenad"),
    Column(
        "next_review",
        label=_("Nästa granskning"),
        accessor=lambda item: review_date(item.page.next_review),
    ),
    Column(
        "last_reviewed",
        label=_("Senast granskad"),
        accessor=lambda item: review_date(item.page.last_reviewed),
    ),
    Column("owner", label=_("Ansvarig"), accessor=review_owner),
]


class ReviewReportView(ReportView):
    """Guidance pages that are due, overdue or have no review date: the signed-in editor's
    own by default, everyone's with ?alla=1 for those who may change the whole site (not a
    municipality editor)."""

    template_name = "guidance/admin/review_report.html"
    page_title = _("Granskning av innehåll")
    header_icon = "date"
    index_url_name = "review_report"
    columns = REVIEW_COLUMNS
    no_results_message = _("Inga sidor behöver granskas den närmaste månaden.")

    @property
    def may_see_everyones(self) -> bool:
        return may_change_whole_site(self.request.user)

    @property
    def everyone(self) -> bool:
        return self.request.GET.get("alla") == "1" and self.may_see_everyones

    def get_queryset(self):
        return review_items(owner=None if self.everyone else self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Content resting on an agreement section that a new version changed or dropped.
        flags = open_flags(owner=None if self.everyone else self.request.user)
        context["source_flags"] = [
            (
                flag,
                flag_edit_url(flag),
                comparison_url(flag.old_version, flag.new_version, flag.anchor),
            )
            for flag in flags
        ]
        return context
