from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import ContentStreamBlock
from portal.page_forms import PrivacyPageForm

from .. import actor_roles
from ..blocks import SourcesBlock
from .changes import ChangeNoteMixin
from .mixins import GuidanceMetaMixin
from .routines import RoutinePage


class SectionPage(RoutablePageMixin, Page):
    """A part of the site that lists its child pages: "Rutiner", "Aktörerna". A section
    holding routines also shows them as a matrix of who does what (vem-gor-vad/)."""

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
        children = list(self.get_children().live().public().specific())
        context["children"] = children
        holds_routines = any(isinstance(child, RoutinePage) for child in children)
        context["matrix_url"] = (
            self.get_url(request) + self.reverse_subpage(actor_roles.MATRIX_ROUTE)
            if holds_routines
            else ""
        )
        return context

    # --- "Vem gör vad i rutinerna" (guidance/actor_roles.py) ---

    def get_cached_paths(self):
        return ["/", "/vem-gor-vad/"]

    @path("vem-gor-vad/", name=actor_roles.MATRIX_ROUTE)
    def role_matrix(self, request):
        """The routines in this section by the four actors: each cell the steps where the
        actor has a role, linked to the step. Not found in a section without routines."""
        from .actors import ActorPage  # actors.py imports this module

        rows = actor_roles.matrix_rows(request, RoutinePage.objects.child_of(self))
        if not rows:
            raise Http404("Avsnittet har inga rutiner.")
        return TemplateResponse(
            request,
            "guidance/role_matrix.html",
            {
                "page": self,
                "self": self,
                "rows": rows,
                "columns": actor_roles.actor_columns(request, ActorPage.objects.all()),
            },
        )


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
