"""Kommunredaktör: one group per municipality, with rights to its page and the pages beneath it."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from .models import MunicipalityPage

# Edit, publish and add local routines; no locking others out, no workflow bypass.
MUNICIPALITY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def group_name(page: MunicipalityPage) -> str:
    return f"Kommunredaktör {page.title}"


@transaction.atomic
def ensure_municipality_editor_group(page: MunicipalityPage) -> Group:
    """Create or repair the municipality's editor group; running it again changes nothing."""
    group, _ = Group.objects.get_or_create(name=group_name(page))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in MUNICIPALITY_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group
