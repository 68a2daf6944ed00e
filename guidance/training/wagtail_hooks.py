from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal.admin_permissions import PermissionMenuItem

from .admin_views import InvitationView, TrainingOverviewView


@hooks.register("register_admin_urls")
def training_admin_urls():
    return [
        path("utbildning/oversikt/", TrainingOverviewView.as_view(), name="training_overview"),
        path("utbildning/bjud-in/", InvitationView.as_view(), name="training_invitation"),
    ]


@hooks.register("register_reports_menu_item")
def training_overview_menu_item():
    return PermissionMenuItem(
        _("Utbildningsöversikt"),
        reverse("training_overview"),
        icon_name="group",
        order=730,
        view=TrainingOverviewView,
    )


@hooks.register("register_settings_menu_item")
def training_invitation_menu_item():
    return PermissionMenuItem(
        _("Bjud in deltagare"),
        reverse("training_invitation"),
        icon_name="mail",
        order=610,
        view=InvitationView,
    )
