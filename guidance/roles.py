"""Who may do what: the editorial roles as groups, and the review workflow "Granskning".

- Centralt stöd writes and edits all guidance and manages the staff accounts. It cannot
  publish on its own: its changes go through "Granskning".
- Granskare approve (or send back) what is submitted; approving publishes the page, or
  schedules it when the editor set a date for it to go live. Wagtail publishes as the
  approver, so reviewers may publish; it is their role to.
- Kommunredaktör <kommun>: one group per municipality, which edits and publishes that
  municipality's directory page and the pages beneath it, without review (directory/permissions).
- Deltagare: learners; no access to the admin.

Only superusers make superusers, grant rights beyond these roles or set another user's
password; Centralt stöd manages the accounts of learners and municipality editors only
(`grantable_groups`, `may_manage_account`, used by guidance/user_admin.py).

`manage.py setup_roles` creates or repairs all of it, and removes the groups Wagtail creates
on install ("Editors", "Moderators": the latter may publish anywhere); running it again
changes nothing.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import QuerySet
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from directory.models import MunicipalityPage
from directory.permissions import ensure_municipality_editor_group, group_name

CENTRAL_SUPPORT = "Centralt stöd"
REVIEWERS = "Granskare"
LEARNERS = "Deltagare"
WORKFLOW = "Granskning"
REVIEW_TASK = "Granskare godkänner"
# Created by Wagtail's own migrations; "Moderators" may publish from the root page down.
WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]

# Page permissions below the site's home page. No "publish": publishing is the workflow's.
CENTRAL_SUPPORT_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]
# Wagtail publishes an approved page as its approver, so reviewers hold "publish".
REVIEWER_PAGE_PERMISSIONS = ["change_page", "publish_page"]
CENTRAL_SUPPORT_MODEL_PERMISSIONS = [
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_user"),
    ("guidance", "add_glossaryterm"),
    ("guidance", "change_glossaryterm"),
    ("guidance", "delete_glossaryterm"),
    ("search", "view_querystatistic"),
    ("training", "view_training_overview"),
    ("feedback", "view_feedback"),
    ("feedback", "change_feedback"),
    ("feedback", "view_deviationreport"),
]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group: Group, page: Page, codenames: list[str]) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", codename)
        )


def _grant_collections(group: Group) -> None:
    root = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(app_label, codename)
            )


def _admin_group(name: str, model_permissions: list[tuple[str, str]]) -> Group:
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *(_permission(app, codename) for app, codename in model_permissions),
    )
    return group


def ensure_workflow(home: Page, reviewers: Group) -> Workflow:
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK)
    task.groups.add(reviewers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_roles(home: Page) -> dict[str, Group]:
    """Create or repair every role for the site whose home page is `home`."""
    central = _admin_group(CENTRAL_SUPPORT, CENTRAL_SUPPORT_MODEL_PERMISSIONS)
    _grant_pages(central, home, CENTRAL_SUPPORT_PAGE_PERMISSIONS)
    _grant_collections(central)
    reviewers = _admin_group(REVIEWERS, [])
    _grant_pages(reviewers, home, REVIEWER_PAGE_PERMISSIONS)
    learners, _ = Group.objects.get_or_create(name=LEARNERS)
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()
    ensure_workflow(home, reviewers)
    groups = {CENTRAL_SUPPORT: central, REVIEWERS: reviewers, LEARNERS: learners}
    for page in MunicipalityPage.objects.all():
        group = ensure_municipality_editor_group(page)
        groups[group.name] = group
    return groups


def grantable_groups(user) -> QuerySet[Group]:
    """The groups `user` may put accounts in: any for a superuser; for anyone else (Centralt
    stöd) only Deltagare and the municipality editor groups, which publish nothing but their
    own municipality's pages."""
    if user.is_superuser:
        return Group.objects.all()
    names = [LEARNERS, *(group_name(page) for page in MunicipalityPage.objects.all())]
    return Group.objects.filter(name__in=names)


def may_manage_account(user, account) -> bool:
    """Whether `user` may edit `account` (its groups, its details, whether it is active).

    A non-superuser may manage an account only when it holds nothing they could not grant:
    no superuser or staff status, no permission of its own, no other group. So Centralt stöd
    cannot touch an administrator, a reviewer, a colleague or itself here."""
    if user.is_superuser:
        return True
    if account.is_superuser or account.is_staff or account.user_permissions.exists():
        return False
    return not account.groups.exclude(pk__in=grantable_groups(user)).exists()
