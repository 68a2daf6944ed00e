"""Swedish phone numbers: validated, stored as E.164, shown the way Swedes write them."""

import functools

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _("Ange ett giltigt svenskt telefonnummer, t.ex. 070-174 06 05 eller 0920-123 45.")


def normalise_phone(value: str) -> str:
    """Return the number as E.164 ('+46701740605'), or raise a Swedish ValidationError."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, "SE")
    except phonenumbers.NumberParseException as error:
        raise ValidationError(INVALID_PHONE, code="invalid_phone") from error
    if phonenumbers.is_valid_number(number):
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if not text.startswith("+") and phonenumbers.is_valid_short_number(number):
        # 112, 1177, 116 111: kept as the digits people dial.
        return str(number.national_number)
    raise ValidationError(INVALID_PHONE, code="invalid_phone")


@functools.lru_cache(maxsize=4096)
def format_phone(e164: str) -> str:
    """'+46701740605' → '070-174 06 05'; short numbers as dialled; abroad stays international.

    Kept per number: a directory page formats dozens and parsing is the slow part."""
    if not e164.startswith("+"):
        return e164
    number = phonenumbers.parse(e164, "SE")
    if number.country_code == 46:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class PhoneNumberField(models.CharField):
    """A CharField that normalises what editors type to E.164 when the model is cleaned."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalise_phone(super().to_python(value))
