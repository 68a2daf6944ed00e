from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import MunicipalityPage
from guidance.models import RoutinePage
from portal.actors import NORRBUS_CHOICES
from portal.forms import IdChoiceField
from portal.privacy import IDENTITY_NUMBER_MESSAGE, contains_identity_number
from portal.workmail import is_work_address

from .steps import awaiting_comment

NO_PERSONAL_DATA = _(
    "Skriv inga namn, personnummer eller andra uppgifter om ett barn eller en familj."
)


def refuse_identity_numbers(form: forms.Form, *fields: str) -> None:
    """Refuse the whole form when a free-text field holds a personnummer.

    The field is emptied so the number is not shown again either."""
    for name in fields:
        # The value as typed: a field that failed its own check is not in cleaned_data.
        if contains_identity_number(str(form.data.get(form.add_prefix(name), ""))):
            form.add_error(name, IDENTITY_NUMBER_MESSAGE)
            form.cleaned_data.pop(name, None)
            form.data = form.data.copy()
            form.data[form.add_prefix(name)] = ""


class AnswerForm(forms.Form):
    """The first step: the page's question, answered with one of two buttons."""

    helpful = forms.TypedChoiceField(
        label=_("Hjälpte sidan dig?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        error_messages={
            "required": _("Välj Ja eller Nej."),
            "invalid_choice": _("Välj Ja eller Nej."),
        },
    )


class CommentForm(forms.Form):
    """The second step: a comment to the answer just given, which the token names."""

    svar = forms.CharField(required=False, widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Vill du berätta mer? (frivilligt)"),
        help_text=NO_PERSONAL_DATA,
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Skriv högst %(limit_value)d tecken.")},
    )

    def __init__(self, *args, page_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_id = page_id

    def clean(self):
        cleaned = super().clean()
        refuse_identity_numbers(self, "comment")
        cleaned["feedback"] = awaiting_comment(cleaned.get("svar", ""), self.page_id)
        if cleaned["feedback"] is None:
            raise forms.ValidationError(
                _(
                    "Kommentaren kan inte längre läggas till ditt svar. Ditt svar Ja eller Nej "
                    "är sparat."
                ),
                code="expired",
            )
        return cleaned


class DeviationReportForm(forms.Form):
    routine = IdChoiceField(
        label=_("Vilken rutin följdes inte?"),
        queryset=RoutinePage.objects.none(),
        empty_label=_("Välj rutin"),
        error_messages={
            "required": _("Välj den rutin som inte följdes."),
            "invalid_choice": _("Rutinen finns inte. Välj en rutin i listan."),
        },
    )
    reporter_actor = forms.ChoiceField(
        label=_("Din verksamhet"),
        choices=[("", _("Välj verksamhet")), *NORRBUS_CHOICES],
        error_messages={"required": _("Välj din verksamhet.")},
    )
    other_actors = forms.MultipleChoiceField(
        label=_("Vilken part avvek från rutinen?"),
        choices=NORRBUS_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Välj minst en part.")},
    )
    municipality = IdChoiceField(
        label=_("I vilken kommun?"),
        queryset=MunicipalityPage.objects.none(),
        empty_label=_("Välj kommun"),
        error_messages={
            "required": _("Välj kommun."),
            "invalid_choice": _("Kommunen finns inte. Välj en kommun i listan."),
        },
    )
    description = forms.CharField(
        label=_("Vad hände?"),
        help_text=_(
            "Beskriv vad i rutinen som inte följdes och vilka följder det fick för "
            "samverkan. Skriv inga namn, personnummer eller andra uppgifter som kan peka ut "
            "ett barn eller en familj."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Beskriv vad som hände."),
            "max_length": _("Skriv högst %(limit_value)d tecken."),
        },
    )
    reporter_email = forms.EmailField(
        label=_("Din e-postadress i tjänsten"),
        help_text=_("Dit skickas kvittot, och mottagaren kan svara dig."),
        error_messages={
            "required": _("Skriv din e-postadress, så att du får ett kvitto."),
            "invalid": _("Skriv en giltig e-postadress, t.ex. namn@kalix.se."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["routine"].queryset = RoutinePage.objects.live().order_by("title")
        self.fields["municipality"].queryset = MunicipalityPage.objects.live().order_by("title")

    def clean_reporter_email(self):
        email = self.cleaned_data["reporter_email"]
        if not is_work_address(email):
            raise forms.ValidationError(
                _(
                    "Skriv din e-postadress i tjänsten, hos regionen eller en kommun i "
                    "Norrbotten (t.ex. namn@kalix.se). Kvitton skickas inte till andra adresser."
                ),
                code="not_work_address",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        refuse_identity_numbers(self, "description", "reporter_email")
        return cleaned
