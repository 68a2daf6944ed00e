from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from directory.models import MunicipalityPage
from directory.services import municipalities
from guidance.roles import LEARNERS
from portal.actors import WORKPLACE_CHOICES
from portal.forms import IdChoiceField
from portal.privacy import (
    IDENTITY_NUMBER_MESSAGE,
    contains_identity_number,
    remove_identity_numbers,
)
from portal.workmail import is_work_address

from .models import LearnerProfile


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Fel e-postadress, användarnamn eller lösenord. Lösenordet skiljer på stora och "
            "små bokstäver."
        ),
        "inactive": _("Kontot är inte aktiverat. Följ länken i e-postmeddelandet du fick."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("E-postadress eller användarnamn")
        self.fields["username"].error_messages["required"] = _(
            "Skriv din e-postadress eller ditt användarnamn."
        )
        self.fields["password"].label = _("Lösenord")
        self.fields["password"].error_messages["required"] = _("Skriv ditt lösenord.")


class ProfileForm(forms.Form):
    """Name, municipality and actor: all a learner tells the portal about themselves."""

    first_name = forms.CharField(
        label=_("Förnamn"),
        max_length=150,
        error_messages={"required": _("Skriv ditt förnamn.")},
    )
    last_name = forms.CharField(
        label=_("Efternamn"),
        max_length=150,
        error_messages={"required": _("Skriv ditt efternamn.")},
    )
    municipality = IdChoiceField(
        label=_("Kommun du arbetar i"),
        queryset=MunicipalityPage.objects.none(),
        empty_label=_("Välj kommun"),
        help_text=_("Arbetar du för regionen: välj kommunen där du har flest barn och unga."),
        error_messages={
            "required": _("Välj kommunen du arbetar i."),
            "invalid_choice": _("Kommunen finns inte. Välj en kommun i listan."),
        },
    )
    actor = forms.ChoiceField(
        label=_("Verksamhet"),
        choices=[("", _("Välj verksamhet")), *WORKPLACE_CHOICES],
        error_messages={
            "required": _("Välj verksamheten du arbetar i."),
            "invalid_choice": _("Verksamheten finns inte. Välj en i listan."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.queryset = MunicipalityPage.objects.live().public()
        field.choices = [("", field.empty_label), *((p.pk, p.title) for p in municipalities())]

    def _clean_name(self, name: str) -> str:
        value = self.cleaned_data[name].strip()
        if contains_identity_number(value):
            # Not even shown back in the form.
            self.data = self.data.copy()
            self.data[self.add_prefix(name)] = remove_identity_numbers(value)
            raise forms.ValidationError(IDENTITY_NUMBER_MESSAGE)
        return value

    def clean_first_name(self):
        return self._clean_name("first_name")

    def clean_last_name(self):
        return self._clean_name("last_name")

    def save(self, user) -> None:
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        LearnerProfile.objects.update_or_create(
            user=user,
            defaults={
                "municipality": self.cleaned_data["municipality"],
                "actor": self.cleaned_data["actor"],
            },
        )


class RegistrationForm(ProfileForm):
    """An invited learner creates an account with a work e-mail address."""

    email = forms.EmailField(
        label=_("E-postadress i tjänsten"),
        max_length=150,
        error_messages={
            "required": _("Skriv din e-postadress i tjänsten."),
            "invalid": _("Skriv en e-postadress, t.ex. fornamn.efternamn@kalix.se."),
        },
    )
    password1 = forms.CharField(
        label=_("Lösenord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Minst 8 tecken; inte bara siffror och inte ett vanligt lösenord."),
        error_messages={"required": _("Välj ett lösenord.")},
    )
    password2 = forms.CharField(
        label=_("Lösenord igen"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        error_messages={"required": _("Skriv lösenordet en gång till.")},
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "municipality",
        "actor",
        "password1",
        "password2",
    ]

    def clean_email(self):
        email = self._clean_name("email").lower()
        if not is_work_address(email):
            raise forms.ValidationError(
                _(
                    "Använd din e-postadress i tjänsten (en adress hos regionen eller en av "
                    "länets kommuner). Adressen %(email)s godtas inte."
                ),
                params={"email": email},
            )
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Det finns redan ett konto med den adressen. Logga in, eller be om ett nytt "
                    "lösenord hos Centralt stöd Norrbus."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        # Read as typed: an address the e-mail check refused never reached clean_email.
        typed = str(self.data.get(self.add_prefix("email"), ""))
        if "email" in self.errors and contains_identity_number(typed):
            self.errors["email"] = self.error_class([IDENTITY_NUMBER_MESSAGE])
            self.data = self.data.copy()
            self.data[self.add_prefix("email")] = remove_identity_numbers(typed)
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error(
                "password2", _("Lösenorden är inte lika. Skriv samma lösenord två gånger.")
            )
        elif first:
            user = get_user_model()(
                username=cleaned.get("email", ""),
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def save(self):
        user = get_user_model().objects.create_user(
            username=self.cleaned_data["email"],
            email=self.cleaned_data["email"],
            password=self.cleaned_data["password1"],
            is_active=False,
        )
        user.groups.add(Group.objects.get_or_create(name=LEARNERS)[0])
        super().save(user)
        return user
