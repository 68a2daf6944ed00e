"""One permission check for admin views and their menu items."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy

from portal.admin_permissions import AdminPermissionMixin, PermissionMenuItem, has_perm

pytestmark = pytest.mark.django_db


class Probe(View):
    def get(self, request):
        return HttpResponse("ok")


class ByTest(AdminPermissionMixin, Probe):
    user_test = has_perm("auth.add_group")


class ByPolicy(AdminPermissionMixin, Probe):
    permission_policy = ModelPermissionPolicy(Group)
    permission_required = "change"


class ByAnyPolicyAction(AdminPermissionMixin, Probe):
    permission_policy = ModelPermissionPolicy(Group)
    any_permission_required = ["add", "delete"]


class ByPolicyAndTest(AdminPermissionMixin, Probe):
    permission_policy = ModelPermissionPolicy(Group)
    permission_required = "change"
    user_test = has_perm("auth.add_group")


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("redaktor", "r@example.org", "pw")


def grant(user, *codenames):
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return type(user).objects.get(pk=user.pk)  # a fresh object: Django caches permissions


def get(view, user):
    request = RequestFactory().get("/")
    request.user = user
    return view.as_view()(request)


@pytest.mark.parametrize(
    ("view", "codename"),
    [(ByTest, "add_group"), (ByPolicy, "change_group"), (ByAnyPolicyAction, "delete_group")],
)
def test_the_view_refuses_without_the_permission_and_serves_with_it(user, view, codename):
    with pytest.raises(PermissionDenied):
        get(view, user)
    assert get(view, grant(user, codename)).status_code == 200


def test_policy_and_test_must_both_pass(user):
    with pytest.raises(PermissionDenied):
        get(ByPolicyAndTest, grant(user, "change_group"))
    assert get(ByPolicyAndTest, grant(user, "add_group")).status_code == 200


def test_a_view_without_a_permission_is_a_configuration_error(user):
    class Open(AdminPermissionMixin, Probe):
        pass

    with pytest.raises(ImproperlyConfigured):
        get(Open, user)


def test_actions_without_a_policy_are_a_configuration_error(user):
    class NoPolicy(AdminPermissionMixin, Probe):
        permission_required = "change"

    with pytest.raises(ImproperlyConfigured):
        get(NoPolicy, user)


def test_the_menu_item_is_shown_to_whom_its_view_lets_in(user):
    item = PermissionMenuItem("Grupper", "/admin/groups/", view=ByPolicy)
    request = RequestFactory().get("/admin/")
    request.user = user
    assert not item.is_shown(request)
    request.user = grant(user, "change_group")
    assert item.is_shown(request)


def permission_menu_items() -> list[PermissionMenuItem]:
    names = [
        "register_admin_menu_item",
        "register_reports_menu_item",
        "register_settings_menu_item",
    ]
    items = [fn() for name in names for fn in hooks.get_hooks(name)]
    return [item for item in items if isinstance(item, PermissionMenuItem)]


def test_the_portals_permission_menu_items_are_all_found(seeded):
    labels = {str(item.label) for item in permission_menu_items()}
    assert labels == {
        "Läs in överenskommelse",
        "Kontakter in och ut",
        "Sökstatistik",
        "Utbildningsöversikt",
        "Bjud in deltagare",
    }


def test_without_permissions_every_such_item_is_hidden_and_its_view_refused(client, seeded, user):
    user = grant(user, "access_admin")
    client.force_login(user)
    request = RequestFactory().get("/admin/")
    request.user = user
    for item in permission_menu_items():
        assert not item.is_shown(request), item.label
        response = client.get(item.url)
        # As before: Wagtail turns the refusal into a redirect to the dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/"), item.label


def test_an_administrator_sees_every_such_item_and_its_view(admin_client, admin_user, seeded):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    for item in permission_menu_items():
        assert item.is_shown(request), item.label
        assert admin_client.get(item.url).status_code == 200, item.label
