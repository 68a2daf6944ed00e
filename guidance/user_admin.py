"""The admin's user management (Inställningar → Användare), held to the roles of roles.py.

Wagtail's own forms let anyone with "change user" make a superuser, put anyone in any group
and set anyone's password. Here a non-superuser is offered neither the "Administratör" box
nor password fields on another's account, only the groups they may grant, and may open only
the accounts they may manage; a POST that sends the missing fields anyway is refused.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users

from .roles import grantable_groups, may_manage_account

SUPERUSER_REFUSED = _("Bara en administratör kan göra någon till administratör.")
GROUP_REFUSED = _(
    "Du kan bara ge behörigheten Deltagare eller Kommunredaktör. "
    "Andra behörigheter ger en administratör."
)
PASSWORD_REFUSED = _(
    "Bara en administratör kan byta lösenord åt någon annan. "
    "Användaren kan själv välja ett nytt via ”Glömt lösenordet?”."
)
ACCOUNT_REFUSED = _(
    "Du kan bara ändra konton för deltagare och kommunredaktörer. "
    "Andra konton ändrar en administratör."
)


class RoleLimitedUserForm:
    """For a non-superuser: no superuser box, only grantable groups, and (`allow_password`
    False) no password fields; anything sent for what is not offered is an error."""

    allow_password = True

    def __init__(self, *args, for_user, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        if for_user.is_superuser:
            return
        self.fields.pop("is_superuser", None)
        groups = self.fields["groups"]
        groups.queryset = grantable_groups(for_user)
        groups.error_messages = {**groups.error_messages, "invalid_choice": GROUP_REFUSED}

    @property
    def password_enabled(self) -> bool:
        # Wagtail's form leaves the password fields out (and unsaved) when this is False.
        return super().password_enabled and (self.allow_password or self.for_user.is_superuser)

    def clean(self):
        cleaned_data = super().clean()
        if not self.for_user.is_superuser:
            if self.data.get("is_superuser"):
                raise forms.ValidationError(SUPERUSER_REFUSED)
            if not self.allow_password and (
                self.data.get("password1") or self.data.get("password2")
            ):
                raise forms.ValidationError(PASSWORD_REFUSED)
        return cleaned_data


class AccountCreationForm(RoleLimitedUserForm, UserCreationForm):
    """A new account starts with a password; whoever creates it may set that one."""


class AccountEditForm(RoleLimitedUserForm, UserEditForm):
    allow_password = False


class AccountFormKwargsMixin:
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class CreateView(AccountFormKwargsMixin, users.CreateView):
    pass


class EditView(AccountFormKwargsMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        if not may_manage_account(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


def refuse_unmanageable_bulk_actions(request, action_type, objects, action):
    """The user listing's bulk actions ("Tilldela roll", active or not, delete) reach the
    same accounts and groups as the forms, and no further."""
    if request.user.is_superuser or get_user_model() not in action.models:
        return None
    refused = None
    if not all(may_manage_account(request.user, account) for account in objects):
        refused = ACCOUNT_REFUSED
    role = action.cleaned_form.cleaned_data.get("role")
    if role is not None and not grantable_groups(request.user).filter(pk=role.pk).exists():
        refused = GROUP_REFUSED
    if refused is None:
        return None
    messages.error(request, refused)
    return redirect(action.next_url)
