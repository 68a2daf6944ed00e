"""Admin: the dashboard's reminder to fill in the publisher."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.permissions import policy_registry

from .models import PublisherSettings


def publisher_edit_url() -> str:
    return reverse("wagtailsettings:edit", args=["home", "publishersettings"])


def may_edit_publisher(user) -> bool:
    return policy_registry.get_by_type(PublisherSettings).user_has_permission(user, "change")


class PublisherPanel(Component):
    """On the dashboard, for those who may edit it, while the publisher is empty or an
    example."""

    name = "publisher_panel"
    order = 80
    template_name = "home/admin/publisher_panel.html"

    def __init__(self, setting: PublisherSettings):
        self.setting = setting

    @classmethod
    def for_request(cls, request) -> "PublisherPanel | None":
        site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
        if site is None or not may_edit_publisher(request.user):
            return None
        setting = PublisherSettings.read(site)
        if setting.name and not setting.is_example:
            return None
        return cls(setting)

    def get_context_data(self, parent_context=None):
        return {"setting": self.setting, "edit_url": publisher_edit_url()}
