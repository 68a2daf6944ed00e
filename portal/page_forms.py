"""The base forms of pages and snippets in the admin: an object whose text holds a
personnummer or samordningsnummer cannot be saved or published.

Every field the editor filled in is read, stream fields (all blocks read as one text, so a
number split over two blocks is found) and the rows of inline panels, nested ones included.
Phone numbers are not text: a model lists them in `privacy_exempt_fields`, since a Swedish
mobile number written as ten digits can look like an identity number.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import StreamValue

from .privacy import contains_identity_number

PAGE_MESSAGE = _(
    "Texten innehåller ett personnummer eller samordningsnummer. Ta bort det – portalen får "
    "aldrig innehålla uppgifter om enskilda barn eller familjer."
)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in {"id", "type"}:
                yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def text_of(value) -> str:
    """The text an editor wrote in `value`; a stream field's blocks joined by line breaks."""
    if isinstance(value, StreamValue):
        return "\n".join(_strings(value.stream_block.get_prep_value(value)))
    if isinstance(value, str):
        return value
    return ""


def refuse_identity_numbers(form: forms.BaseForm) -> None:
    exempt = getattr(form._meta.model, "privacy_exempt_fields", ())
    for name, value in list(form.cleaned_data.items()):
        if name not in exempt and contains_identity_number(text_of(value)):
            form.add_error(name, PAGE_MESSAGE)


def refuse_in_formsets(form: forms.BaseForm) -> None:
    for formset in getattr(form, "formsets", {}).values():
        formset.is_valid()  # cleans the inline rows; an error added below fails it
        for child in formset.forms:
            if getattr(child, "cleaned_data", None) and not child.cleaned_data.get("DELETE"):
                refuse_identity_numbers(child)
                refuse_in_formsets(child)


class PrivacyFormMixin:
    """For any admin model form: its fields and inline rows refuse identity numbers."""

    def clean(self):
        cleaned = super().clean()
        refuse_identity_numbers(self)
        refuse_in_formsets(self)
        return cleaned


class PrivacyPageForm(PrivacyFormMixin, WagtailAdminPageForm):
    pass


class PrivacyModelForm(PrivacyFormMixin, WagtailAdminModelForm):
    """The base form of snippets (`base_form_class`)."""
