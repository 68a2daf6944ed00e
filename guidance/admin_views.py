"""Admin view: upload an agreement document and get a draft version to review."""

import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .importing import (
    SUPPORTED_SUFFIXES,
    AgreementImportError,
    create_draft_version,
    read_agreement,
)
from .models import AgreementIndexPage
from .reviews import review_items


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


class AgreementImportView(WagtailAdminTemplateMixin, FormView):
    form_class = AgreementImportForm
    template_name = "guidance/admin/import_agreement.html"
    page_title = _("Läs in överenskommelse")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        index = AgreementIndexPage.objects.first()
        if index is None or not index.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

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
        messages.success(
            self.request,
            _(
                "Utkastet skapades med %(count)d avsnitt. "
                "Granska det och publicera när det är klart."
            )
            % {"count": len(parsed.sections)},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[version.pk]))


class ReviewReportView(WagtailAdminTemplateMixin, TemplateView):
    """Guidance pages that are due, overdue or have no review date: the signed-in editor's
    own by default, everyone's with ?alla=1."""

    template_name = "guidance/admin/review_report.html"
    page_title = _("Granskning av innehåll")
    header_icon = "date"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        everyone = self.request.GET.get("alla") == "1"
        context["everyone"] = everyone
        context["items"] = review_items(owner=None if everyone else self.request.user)
        return context
