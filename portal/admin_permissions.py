"""Who may use an admin view, decided in one place for the view and for its menu item."""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Q, QuerySet
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, Site
from wagtail.permissions import policy_registry

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


def may_change_whole_site(user) -> bool:
    """Whether `user` may change a site's home page, and so every page of it: superusers,
    Centralt stöd, Granskare; not a municipality editor, whose rights stop at its own page."""
    if user.is_superuser:
        return True
    return any(
        site.root_page.permissions_for_user(user).can_edit()
        for site in Site.objects.select_related("root_page")
    )


def drafts_hidden_from(pages: QuerySet, user) -> QuerySet:
    """`pages` without others' drafts: a page the user may not change is listed only when it is
    live and has no unpublished changes, since the admin shows a page by its draft's title.

    By path, which the admin's page search can filter on too."""
    if user.is_superuser:
        return pages
    changeable = policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")
    drafts = (
        Page.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(pk__in=changeable.values("pk"))
        .values_list("path", flat=True)
    )
    return pages.exclude(path__in=list(drafts))
