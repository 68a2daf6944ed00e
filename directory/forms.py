from django import forms
from django.utils.translation import gettext_lazy as _


class MunicipalityChoiceField(forms.ChoiceField):
    """A municipality by slug, chosen from the live municipality pages."""

    def __init__(self, municipalities, **kwargs):
        self.pages = {page.slug: page for page in municipalities}
        choices = [("", _("Välj kommun"))] + [(page.slug, page.title) for page in municipalities]
        super().__init__(
            choices=choices,
            label=_("Kommun"),
            error_messages={
                "required": _("Välj en kommun."),
                "invalid_choice": _("Välj en av länets kommuner i listan."),
            },
            **kwargs,
        )

    def clean(self, value):
        return self.pages[super().clean(value)]


class ChooseMunicipalityForm(forms.Form):
    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kommun"] = MunicipalityChoiceField(municipalities)
        self.order_fields(["kommun"])


class SituationFinderForm(ChooseMunicipalityForm):
    """Municipality and situation; the caller gives both lists (`situations`: a queryset)."""

    situation = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        label=_("Vad gäller det?"),
        empty_label=_("Välj situation"),
        error_messages={
            "required": _("Välj vad det gäller."),
            "invalid_choice": _("Välj en av situationerna i listan."),
        },
    )

    def __init__(self, *args, municipalities, situations, **kwargs):
        super().__init__(*args, municipalities=municipalities, **kwargs)
        self.fields["situation"].queryset = situations
