"""The base form of every page in the admin: a page whose text holds a personnummer or
samordningsnummer cannot be saved or published.

Every field the editor filled in is read, stream fields and the rows of inline panels
included. Phone numbers are not text: a model lists them in `privacy_exempt_fields`, since
a Swedish mobile number can pass the check digit test like an identity number.
"""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import StreamValue

from .privacy import contains_identity_number

PAGE_MESSAGE = _(
    "Texten innehåller ett personnummer eller samordningsnummer. Ta bort det – portalen får "
    "aldrig innehålla uppgifter om enskilda barn eller familjer."
)


def _text_of(value) -> str:
    if isinstance(value, StreamValue):
        return json.dumps(value.stream_block.get_prep_value(value), ensure_ascii=False)
    if isinstance(value, str):
        return value
    return ""


def refuse_identity_numbers(form: forms.BaseForm) -> None:
    exempt = getattr(form._meta.model, "privacy_exempt_fields", ())
    for name, value in list(form.cleaned_data.items()):
        if name not in exempt and contains_identity_number(_text_of(value)):
            form.add_error(name, PAGE_MESSAGE)


class PrivacyPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        refuse_identity_numbers(self)
        for formset in self.formsets.values():
            formset.is_valid()  # cleans the inline rows; an error added below fails it
            for child in formset.forms:
                if getattr(child, "cleaned_data", None):
                    refuse_identity_numbers(child)
        return cleaned
