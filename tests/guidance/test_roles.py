"""Who may grant what: Centralt stöd manages learners' and municipality editors' accounts and
nothing above them; only a superuser makes a superuser, grants other groups or sets another
user's password. What a municipality editor may see of others' pages in the admin."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from guidance.roles import CENTRAL_SUPPORT, LEARNERS, REVIEWERS
from guidance.user_admin import (
    ACCOUNT_REFUSED,
    GROUP_REFUSED,
    PASSWORD_REFUSED,
    SUPERUSER_REFUSED,
)

pytestmark = pytest.mark.django_db
PASSWORD = "Ett-långt-lösenord-2026"


def new_user(**extra) -> dict:
    return {
        "username": "ny-redaktor",
        "email": "ny@example.org",
        "first_name": "Ny",
        "last_name": "Redaktör",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **extra,
    }


def group(name: str) -> Group:
    return Group.objects.get(name=name)


def errors(response) -> str:
    return response.content.decode()


@pytest.fixture
def stod(client, central):
    client.force_login(central)
    return client


def test_central_support_is_offered_learner_and_municipality_groups_only(stod):
    html = stod.get("/admin/users/new/").content.decode()
    assert 'name="is_superuser"' not in html
    for name in (LEARNERS, "Kommunredaktör Kalix", "Kommunredaktör Luleå"):
        assert f'value="{group(name).pk}"' in html, name
    for name in (REVIEWERS, CENTRAL_SUPPORT):
        assert f'value="{group(name).pk}"' not in html, name


def test_central_support_creates_a_municipality_editor(stod, django_user_model):
    kalix = group("Kommunredaktör Kalix")
    response = stod.post("/admin/users/new/", new_user(groups=[kalix.pk]))
    assert response.status_code == 302
    created = django_user_model.objects.get(username="ny-redaktor")
    assert list(created.groups.all()) == [kalix]
    assert not created.is_superuser and created.check_password(PASSWORD)


def test_a_forged_administrator_box_is_refused(stod, django_user_model):
    response = stod.post("/admin/users/new/", new_user(is_superuser="on"))
    assert response.status_code == 200
    assert str(SUPERUSER_REFUSED) in errors(response)
    assert not django_user_model.objects.filter(username="ny-redaktor").exists()


@pytest.mark.parametrize("name", [REVIEWERS, CENTRAL_SUPPORT, "Moderators"])
def test_a_forged_group_with_more_rights_is_refused(stod, django_user_model, name):
    forged, _ = Group.objects.get_or_create(name=name)
    response = stod.post("/admin/users/new/", new_user(groups=[forged.pk]))
    assert response.status_code == 200
    assert str(GROUP_REFUSED) in errors(response)
    assert not django_user_model.objects.filter(username="ny-redaktor").exists()


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_central_support_cannot_open_or_change_a_superuser(stod, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "gammalt")
    assert refused(stod.get(f"/admin/users/edit/{admin.pk}/"))
    response = stod.post(
        f"/admin/users/edit/{admin.pk}/",
        {
            "username": "chef",
            "email": "stod@example.org",
            "first_name": "C",
            "last_name": "C",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "is_active": "on",
        },
    )
    assert refused(response)
    admin.refresh_from_db()
    assert admin.check_password("gammalt") and admin.email == "chef@example.org"


@pytest.mark.parametrize("name", [REVIEWERS, CENTRAL_SUPPORT])
def test_central_support_cannot_open_a_reviewer_or_itself(stod, member, central, name):
    account = central if name == CENTRAL_SUPPORT else member("granskare", name)
    assert refused(stod.get(f"/admin/users/edit/{account.pk}/"))


def learner_edit(user, **extra) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": "Lisa",
        "last_name": "Lärare",
        "is_active": "on",
        **extra,
    }


def test_central_support_edits_a_learner_but_not_the_password(stod, member):
    learner = member("deltagare", LEARNERS)
    html = stod.get(f"/admin/users/edit/{learner.pk}/").content.decode()
    assert 'name="first_name"' in html
    assert 'name="password1"' not in html and 'name="is_superuser"' not in html
    kalix = group("Kommunredaktör Kalix")
    response = stod.post(
        f"/admin/users/edit/{learner.pk}/", learner_edit(learner, groups=[kalix.pk])
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert list(learner.groups.all()) == [kalix] and learner.first_name == "Lisa"

    forged = learner_edit(learner, groups=[kalix.pk], password1=PASSWORD, password2=PASSWORD)
    response = stod.post(f"/admin/users/edit/{learner.pk}/", forged)
    assert response.status_code == 200
    assert str(PASSWORD_REFUSED) in errors(response)
    learner.refresh_from_db()
    assert learner.check_password("pw")


def test_a_superuser_still_grants_everything(admin_client, django_user_model):
    reviewers = group(REVIEWERS)
    html = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="is_superuser"' in html and f'value="{reviewers.pk}"' in html
    response = admin_client.post(
        "/admin/users/new/", new_user(is_superuser="on", groups=[reviewers.pk])
    )
    assert response.status_code == 302
    created = django_user_model.objects.get(username="ny-redaktor")
    assert created.is_superuser and list(created.groups.all()) == [reviewers]


def bulk_assign(client, account, role):
    return client.post(
        f"/admin/bulk/auth/user/assign_role/?id={account.pk}&next=/admin/users/",
        {"role": role.pk},
    )


def test_bulk_assign_role_reaches_no_further_than_the_form(stod, member, central):
    learner = member("deltagare", LEARNERS)
    kalix = group("Kommunredaktör Kalix")
    assert bulk_assign(stod, learner, kalix).status_code == 302
    assert set(learner.groups.all()) == {group(LEARNERS), kalix}

    reviewers = group(REVIEWERS)
    response = bulk_assign(stod, central, reviewers)
    assert response.status_code == 302
    assert not central.groups.filter(pk=reviewers.pk).exists()
    response = bulk_assign(stod, learner, reviewers)
    assert not learner.groups.filter(pk=reviewers.pk).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert str(GROUP_REFUSED) in messages


def test_bulk_actions_do_not_reach_an_administrator(stod, django_user_model):
    admin = django_user_model.objects.create_superuser("chef", "chef@example.org", "gammalt")
    response = stod.post(
        f"/admin/bulk/auth/user/set_active_state/?id={admin.pk}&next=/admin/users/",
        {"mark_as_active": "False"},
    )
    assert response.status_code == 302
    admin.refresh_from_db()
    assert admin.is_active
    assert str(ACCOUNT_REFUSED) in [str(m) for m in response.wsgi_request._messages]


def test_setup_roles_removes_wagtails_default_groups(governance_site):
    # As Wagtail's migrations leave them: "Moderators" may publish from the root down.
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    GroupPagePermission.objects.get_or_create(
        group=moderators,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    Group.objects.get_or_create(name="Editors")
    call_command("setup_roles")
    names = set(Group.objects.values_list("name", flat=True))
    assert not names & {"Moderators", "Editors"}
    assert {CENTRAL_SUPPORT, REVIEWERS, LEARNERS, "Kommunredaktör Kalix"} <= names
    call_command("setup_roles")
    assert set(Group.objects.values_list("name", flat=True)) == names
