"""Admin: the editor guide behind "Hjälp", and the dashboard's reminder to fill in the
publisher."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site
from wagtail.permissions import policy_registry

from directory.admin_views import ContactImportView
from guidance.admin_views import AgreementImportView
from guidance.models import RoutinePage

from .models import PublisherSettings


def publisher_edit_url() -> str:
    return reverse("wagtailsettings:edit", args=["home", "publishersettings"])


def may_edit_publisher(user) -> bool:
    return policy_registry.get_by_type(PublisherSettings).user_has_permission(user, "change")


def routines_explorer_url() -> str:
    """The explorer at the section holding the routines (the page tree's top without one)."""
    routine = RoutinePage.objects.order_by("path").first()
    if routine is None:
        return reverse("wagtailadmin_explore_root")
    return reverse("wagtailadmin_explore", args=[routine.get_parent().pk])


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """How to publish a routine, import contacts and import a new agreement version, with
    links to the views that do it (for those who may use them). Any admin user may read it:
    Wagtail's admin URLs let in no one else."""

    template_name = "home/admin/editor_guide.html"
    page_title = _("Redaktörsguide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            routines_url=routines_explorer_url(),
            contact_import_url=(
                reverse("contact_import") if ContactImportView.allows(user) else None
            ),
            agreement_import_url=(
                reverse("agreement_import") if AgreementImportView.allows(user) else None
            ),
            publisher_url=publisher_edit_url() if may_edit_publisher(user) else None,
        )
        return context


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
