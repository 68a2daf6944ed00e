"""Admin: the report of contacts to verify, and contacts in and out as CSV or Excel."""

import datetime

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_permissions import AdminPermissionMixin, has_perm

from .models import VERIFY_AFTER_DAYS, Contact, MunicipalityPage
from .spreadsheet import (
    FORMATS,
    ContactFileError,
    ContactImportErrors,
    export_contacts,
    import_contacts,
    suffix_of,
)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# The import and the export move the same data, so one permission covers both.
can_move_contacts = has_perm("directory.import_contacts")


class UnverifiedContactsFilterSet(WagtailFilterSet):
    municipality = django_filters.ModelChoiceFilter(
        label=_("Kommun"),
        empty_label=_("Alla"),
        queryset=MunicipalityPage.objects.order_by("title"),
    )

    class Meta:
        model = Contact
        fields = ["municipality", "actor"]


def edit_url(contact: Contact) -> str:
    if contact.county_part_id:
        return reverse("wagtailsnippets_directory_countypart:edit", args=[contact.county_part_id])
    return reverse(
        "wagtailadmin_pages:edit", args=[contact.municipality_id or contact.directory_id]
    )


class UnverifiedContactsReportView(ReportView):
    """Contacts not verified for 12 months, per municipality, limited to what the user may edit."""

    page_title = _("Kontakter att kontrollera")
    header_icon = "date"
    index_url_name = "unverified_contacts"
    index_results_url_name = "unverified_contacts_results"
    filterset_class = UnverifiedContactsFilterSet
    list_export = ["scope_label", "name", "actor", "verified_on", "verified_by", "is_example"]
    export_headings = {
        "scope_label": _("Omfattning"),
        "name": _("Enhet eller funktion"),
        "actor": _("Aktör"),
        "verified_on": _("Kontrollerad"),
        "verified_by": _("Kontrollerad av"),
        "is_example": _("Exempeluppgift"),
    }
    columns = [
        Column("scope_label", label=_("Omfattning")),
        TitleColumn("name", label=_("Enhet eller funktion"), get_url=edit_url),
        Column("get_actor_display", label=_("Aktör")),
        DateColumn("verified_on", label=_("Kontrollerad")),
        Column("verified_by", label=_("Kontrollerad av")),
    ]

    def get_filename(self):
        return f"kontakter-att-kontrollera-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        user = self.request.user
        cutoff = timezone.localdate() - datetime.timedelta(days=VERIFY_AFTER_DAYS)
        editable_pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        owned = Q(municipality__in=editable_pages) | Q(directory__in=editable_pages)
        if user.has_perm("directory.change_countypart"):
            owned |= Q(county_part__isnull=False)
        contacts = Contact.objects.not_verified_since(cutoff).filter(owned)
        return contacts.select_related("municipality", "county_part").order_by(
            "municipality__title", "county_part__name", "verified_on", "name"
        )


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("CSV (UTF-8) eller Excel (.xlsx) med samma kolumner som exporten."),
        error_messages={"required": _("Välj en fil att läsa in.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if suffix_of(upload.name) not in FORMATS:
            raise forms.ValidationError(_("Filtypen stöds inte. Använd .csv eller .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Filen är för stor (högst 5 MB)."))
        return upload


class ContactImportView(AdminPermissionMixin, WagtailAdminTemplateMixin, FormView):
    user_test = can_move_contacts
    form_class = ContactImportForm
    template_name = "directory/admin/contact_import.html"
    page_title = _("Kontakter in och ut")
    header_icon = "table"

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            result = import_contacts(upload.read(), suffix_of(upload.name), user=self.request.user)
        except ContactFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        except ContactImportErrors as error:
            form.add_error(
                None,
                _("Ingenting lästes in. Rätta raderna nedan och försök igen."),
            )
            return self.render_to_response(
                self.get_context_data(form=form, row_errors=error.errors), status=400
            )
        messages.success(
            self.request,
            _("Inläst: %(created)d nya, %(updated)d ändrade, %(unchanged)d oförändrade kontakter.")
            % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
        )
        return redirect("contact_import")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ContactExportView(AdminPermissionMixin, View):
    user_test = can_move_contacts

    def get(self, request):
        suffix = "." + request.GET.get("format", "csv")
        if suffix not in FORMATS:
            return HttpResponse(
                _("Okänt format."), status=400, content_type="text/plain; charset=utf-8"
            )
        content_types = {
            ".csv": "text/csv; charset=utf-8",
            ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
        response = HttpResponse(export_contacts(suffix), content_type=content_types[suffix])
        filename = f"kontakter-{timezone.localdate():%Y-%m-%d}{suffix}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
