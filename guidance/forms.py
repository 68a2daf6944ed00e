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

    def __init__(self, *args, versions, comparable, **kwargs):
        """`versions` are all the versions a link may name; `comparable` those whose text the
        portal holds, the only ones offered and accepted."""
        super().__init__(*args, **kwargs)
        self.fields["fran"].queryset = versions
        self.fields["till"].queryset = versions
        self.comparable = list(comparable)

    def _with_text(self, field: str):
        version = self.cleaned_data[field]
        if version.pk not in {v.pk for v in self.comparable}:
            raise forms.ValidationError(
                _(
                    "Texten till version %(label)s finns inte i portalen, så den kan inte "
                    "jämföras. Välj en version i listan."
                )
                % {"label": version.version_label}
            )
        return version

    def clean_fran(self):
        return self._with_text("fran")

    def clean_till(self):
        return self._with_text("till")

    def clean(self):
        cleaned = super().clean()
        old, new = cleaned.get("fran"), cleaned.get("till")
        if old and new and old.pk == new.pk:
            raise forms.ValidationError(_("Välj två olika versioner att jämföra."))
        return cleaned
