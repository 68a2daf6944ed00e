from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import ContentStreamBlock
from portal.page_forms import PrivacyPageForm

from ..blocks import SourcesBlock
from .changes import ChangeNoteMixin
from .mixins import GuidanceMetaMixin


class SectionPage(Page):
    """A part of the site that lists its child pages: "Rutiner", "Aktörerna"."""

    intro = models.TextField(
        _("Ingress"), max_length=500, blank=True, help_text=_("Visas överst och i listor.")
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("Innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "guidance.SectionPage"]
    subpage_types = [
        "guidance.SectionPage",
        "guidance.ContentPage",
        "guidance.ActorPage",
        "guidance.RoutinePage",
    ]

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("avsnittssida")
        verbose_name_plural = _("avsnittssidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific()
        return context


class ContentPage(ChangeNoteMixin, GuidanceMetaMixin, Page):
    """An article: "Vad är Norrbus?", "Ny i Norrbus?", "Samverkansstrukturen"."""

    intro = models.TextField(_("Ingress"), max_length=500, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("Innehåll"))
    sources = StreamField(
        SourcesBlock(),
        blank=True,
        verbose_name=_("Källor"),
        help_text=_(
            "Källan bakom sidans innehåll: avsnitt i överenskommelsen, lag eller dokument."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sources"),
        *ChangeNoteMixin.change_panels,
    ]
    settings_panels = [*Page.settings_panels, *GuidanceMetaMixin.meta_panels]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "guidance.SectionPage", "guidance.ContentPage"]
    subpage_types = ["guidance.ContentPage"]

    class Meta:
        verbose_name = _("innehållssida")
        verbose_name_plural = _("innehållssidor")
