from django import forms
from django.utils.translation import gettext_lazy as _


class VersionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.version_label} (gäller från {obj.effective_date:%Y-%m-%d})"


class CompareVersionsForm(forms.Form):
    """Choose two of the agreement's versions (the queryset `versions`) to compare."""

    fran = VersionChoiceField(
        label=_("Jämför från version"),
        queryset=None,
        to_field_name="slug",
        error_messages={
            "required": _("Välj den äldre versionen."),
            "invalid_choice": _("Den valda versionen finns inte. Välj en version i listan."),
        },
    )
    till = VersionChoiceField(
        label=_("till version"),
        queryset=None,
        to_field_name="slug",
        error_messages={
            "required": _("Välj den nyare versionen."),
            "invalid_choice": _("Den valda versionen finns inte. Välj en version i listan."),
        },
    )

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fran"].queryset = versions
        self.fields["till"].queryset = versions

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("fran"), cleaned.get("till")
        if old and new and old.pk == new.pk:
            raise forms.ValidationError(_("Välj två olika versioner att jämföra."))
        return cleaned
