from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import DeviationReport, Feedback


class ReadersOnlyAdd(ModelPermissionPolicy):
    """What readers send cannot be added or rewritten in the admin, whoever you are."""

    def __init__(self, model, allowed_actions):
        super().__init__(model)
        self.allowed_actions = allowed_actions

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Feedback, ReadersOnlyAdd(Feedback, {"view", "change", "delete"}))
register_permission_policy(DeviationReport, ReadersOnlyAdd(DeviationReport, {"view", "delete"}))


def yes_no(value: bool) -> str:
    return _("Ja") if value else _("Nej")


class YesNoColumn(Column):
    """A yes/no field as the words Ja and Nej (Wagtail's own column titles it True/False)."""

    def get_value(self, instance):
        return yes_no(getattr(instance, self.name))


class FeedbackInspectView(InspectView):
    def get_helpful_display_value(self):
        return yes_no(self.object.helpful)

    def get_handled_display_value(self):
        return yes_no(self.object.handled)


class FeedbackViewSet(ModelViewSet):
    model = Feedback
    name = "aterkoppling"
    icon = "help"
    menu_label = _("Hjälpte sidan?")
    list_display = [
        "page",
        YesNoColumn("helpful", label=_("Hjälpte sidan?"), sort_key="helpful"),
        "comment",
        "created_at",
        YesNoColumn("handled", label=_("Hanterad"), sort_key="handled"),
    ]
    inspect_view_class = FeedbackInspectView
    list_filter = ["helpful", "handled", "page"]
    form_fields = ["handled"]
    copy_view_enabled = False
    inspect_view_enabled = True


class DeviationReportViewSet(ModelViewSet):
    model = DeviationReport
    name = "avvikelserapporter"
    icon = "warning"
    menu_label = _("Avvikelserapporter")
    list_display = ["reference", "routine", "municipality", "created_at", "sent_to"]
    list_filter = ["municipality", "routine"]
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True


class FeedbackGroup(ViewSetGroup):
    menu_label = _("Återkoppling")
    menu_icon = "mail"
    items = (FeedbackViewSet, DeviationReportViewSet)


@hooks.register("register_admin_viewset")
def register_feedback():
    return FeedbackGroup()
