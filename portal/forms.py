"""Form fields every app uses."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

# The largest primary key any supported database stores (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


class IdChoiceField(forms.ModelChoiceField):
    """A choice of a row by its id that refuses ids no row can have as an invalid choice,
    instead of handing them to the database (SQLite raises OverflowError past 64 bits)."""

    def to_python(self, value):
        if value not in self.empty_values and not self.to_field_name:
            text = str(value).strip()
            if not text.isdecimal() or int(text) > LARGEST_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form with its password field named in Swedish (Wagtail gives the
    field no label, so Django would show the field's English name, "Password")."""

    password = forms.CharField(
        label=_("Lösenord"),
        widget=forms.PasswordInput(attrs={"placeholder": _("Ange lösenord")}),
        strip=False,
    )
