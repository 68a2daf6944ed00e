"""Who may use an admin view, decided in one place for the view and for its menu item."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from wagtail.admin.menu import MenuItem

UserTest = Callable[[object], bool]


def has_perm(permission: str) -> UserTest:
    """A test for a Django permission that is no add/change/delete/view of a model, such as
    "directory.import_contacts"."""

    def test(user) -> bool:
        return user.has_perm(permission)

    return test


class AdminPermissionMixin:
    """Refuses (PermissionDenied: Wagtail redirects to the dashboard with a message) whoever
    `allows` says no to.

    A model permission is declared the Wagtail way, with `permission_policy` and
    `permission_required` or `any_permission_required` — the attributes of Wagtail's
    PermissionCheckedMixin, which a ReportView also reads. Anything else (a custom permission,
    a page permission) is `user_test`, a callable taking the user. Set at least one.
    """

    permission_policy = None
    permission_required: str | None = None
    any_permission_required: list[str] | None = None
    user_test: UserTest | None = None

    @classmethod
    def allows(cls, user) -> bool:
        policy = cls.permission_policy
        names_actions = bool(cls.permission_required or cls.any_permission_required)
        if names_actions and policy is None:
            raise ImproperlyConfigured(f"{cls.__name__} names actions but no permission_policy.")
        if not names_actions and cls.user_test is None:
            raise ImproperlyConfigured(f"{cls.__name__} declares no permission.")
        if cls.permission_required and not policy.user_has_permission(
            user, cls.permission_required
        ):
            return False
        if cls.any_permission_required and not policy.user_has_any_permission(
            user, cls.any_permission_required
        ):
            return False
        # Read from the class: a plain function stored on it must not become a bound method.
        return cls.user_test is None or cls.user_test(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.allows(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PermissionMenuItem(MenuItem):
    """A menu item shown to those its view lets in."""

    def __init__(self, label, url, *, view: type[AdminPermissionMixin], **kwargs):
        super().__init__(label, url, **kwargs)
        self.view = view

    def is_shown(self, request):
        return self.view.allows(request.user)
