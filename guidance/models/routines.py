from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from directory.services import step_contacts
from portal.visibility import public

from .. import kit_views
from ..blocks import StepBlock
from ..meetingkit import TEMPLATES, has_kit
from .changes import ChangeNoteMixin
from .mixins import GuidanceMetaMixin


class RoutinePage(RoutablePageMixin, ChangeNoteMixin, GuidanceMetaMixin, Page):
    """A routine: numbered steps, each with who is responsible, what to do and a checklist."""

    summary = models.TextField(
        _("Sammanfattning"), max_length=500, help_text=_("Vad rutinen är till för, kort.")
    )
    audience = ParentalManyToManyField(
        "guidance.ActorPage",
        blank=True,
        related_name="routines_for",
        verbose_name=_("Rutinen är till för"),
    )
    audience_note = models.CharField(
        _("Målgrupp i text"),
        max_length=200,
        blank=True,
        help_text=_("Om rutinen gäller fler än aktörerna ovan, t.ex. 'all personal'."),
    )
    steps = StreamField(
        [("step", StepBlock())],
        verbose_name=_("Steg"),
        help_text=_("Stegen visas numrerade i den ordning de står här."),
    )
    related_routines = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("Relaterade rutiner")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience", widget=forms.CheckboxSelectMultiple),
        FieldPanel("audience_note"),
        FieldPanel("steps"),
        FieldPanel("related_routines", widget=forms.CheckboxSelectMultiple),
        *ChangeNoteMixin.change_panels,
    ]
    settings_panels = [*Page.settings_panels, *GuidanceMetaMixin.meta_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("steps"),
    ]

    parent_page_types = ["guidance.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("rutin")
        verbose_name_plural = _("rutiner")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["audience_pages"] = self.audience.live().order_by("title")
        context["related"] = public(self.related_routines.live()).order_by("title")
        # The contacts each step names, in the reader's remembered municipality.
        context.update(step_contacts(request, self.steps))
        # The tools to take away: the meeting kit, the tickable checklist and its card.
        context.update(kit_views.routine_tools(request, self))
        return context

    # --- The tools' sub-pages (guidance/kit_views.py; the Word files: guidance/urls.py) ---

    def get_cached_paths(self):
        paths = ["/"]
        if any(block.value.get("checklist") for block in self.steps):
            paths.append("/kort/")
        if has_kit(self):
            paths += [f"/mallar/{slug}/" for slug in TEMPLATES]
        return paths

    @path("mallar/<slug:template>/", name="kit_page")
    def kit_page(self, request, template):
        return kit_views.kit_page(request, self, template)

    @path("kort/", name="checklist_card")
    def checklist_card(self, request):
        return kit_views.checklist_card(request, self)
