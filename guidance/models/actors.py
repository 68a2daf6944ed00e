from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.actors import NORRBUS_CHOICES, Actor
from portal.blocks import RICH_TEXT_FEATURES
from portal.visibility import public

from .. import actor_roles
from ..blocks import SourcesBlock
from .changes import ChangeNoteMixin
from .mixins import GuidanceMetaMixin
from .pages import SectionPage
from .routines import RoutinePage

# The sections of an actor page, each with its own sources ("<section>_sources").
ACTOR_SECTIONS = ("mission", "legal_basis", "role_in_norrbus", "when_to_involve", "what_to_expect")


def sources_field() -> StreamField:
    # Empty only in a draft: SourcesBlock requires a source when the page is published.
    return StreamField(SourcesBlock(), blank=True, verbose_name=_("Källor"))


class ActorPage(RoutablePageMixin, ChangeNoteMixin, GuidanceMetaMixin, Page):
    """What one actor (school, social services, primary or specialist care) does in Norrbus."""

    actor = models.CharField(_("Aktör"), max_length=20, choices=NORRBUS_CHOICES)
    short_description = models.CharField(
        _("Kort beskrivning"), max_length=240, help_text=_("En mening som visas i listor.")
    )
    mission = RichTextField(_("Uppdrag"), features=RICH_TEXT_FEATURES)
    legal_basis = RichTextField(
        _("Lagstöd"), features=RICH_TEXT_FEATURES, help_text=_("Lagar som styr uppdraget.")
    )
    role_in_norrbus = RichTextField(_("Det här gör aktören i Norrbus"), features=RICH_TEXT_FEATURES)
    when_to_involve = RichTextField(_("När du ska involvera aktören"), features=RICH_TEXT_FEATURES)
    what_to_expect = RichTextField(_("Det här kan andra förvänta sig"), features=RICH_TEXT_FEATURES)
    mission_sources = sources_field()
    legal_basis_sources = sources_field()
    role_in_norrbus_sources = sources_field()
    when_to_involve_sources = sources_field()
    what_to_expect_sources = sources_field()

    content_panels = [
        *Page.content_panels,
        FieldPanel("actor"),
        FieldPanel("short_description"),
        *[
            panel
            for section in ACTOR_SECTIONS
            for panel in (
                FieldPanel(section),
                FieldPanel(f"{section}_sources", heading=_("Källor till avsnittet")),
            )
        ],
        InlinePanel("units", heading=_("Verksamheter inom aktören"), label=_("Verksamhet")),
        InlinePanel(
            "misunderstandings",
            heading=_("Vanliga missförstånd"),
            label=_("Missförstånd"),
        ),
        *ChangeNoteMixin.change_panels,
    ]
    settings_panels = [*Page.settings_panels, *GuidanceMetaMixin.meta_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("mission"),
        index.SearchField("role_in_norrbus"),
        index.SearchField("when_to_involve"),
        index.RelatedFields("units", [index.SearchField("name"), index.SearchField("description")]),
    ]

    parent_page_types = ["guidance.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aktörssida")
        verbose_name_plural = _("aktörssidor")

    def clean(self):
        super().clean()
        duplicate = ActorPage.objects.filter(actor=self.actor).exclude(pk=self.pk)
        if self.actor and duplicate.exists():
            raise ValidationError(
                {
                    "actor": _("Det finns redan en sida för %(actor)s.")
                    % {"actor": Actor(self.actor).label}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["routines"] = public(self.routines_for.live()).order_by("title")
        context["units"] = list(self.units.all())
        context["misunderstandings"] = list(self.misunderstandings.all())
        context["my_role_url"] = self.get_url(request) + self.reverse_subpage(
            actor_roles.MY_ROLE_ROUTE
        )
        return context

    # --- "Min roll i rutinerna" (guidance/actor_roles.py) ---

    def get_cached_paths(self):
        return ["/", "/min-roll/"]

    @path("min-roll/", name=actor_roles.MY_ROLE_ROUTE)
    def my_role(self, request):
        """Every step of the live, public routines where this actor has a role, routine by
        routine, with what the actor does there and a link to the step."""
        routines = actor_roles.actor_routines(request, self.actor, RoutinePage.objects.all())
        sections = SectionPage.objects.live().filter(
            path__in=actor_roles.parent_paths([roles for roles, _ in routines])
        )
        return TemplateResponse(
            request,
            "guidance/actor_role_page.html",
            {
                "page": self,
                "self": self,
                "actor_label": Actor(self.actor).label,
                "routines": routines,
                "matrix_links": [
                    section.get_url(request) + section.reverse_subpage(actor_roles.MATRIX_ROUTE)
                    for section in sections.order_by("path")
                ],
            },
        )


class ActorUnit(Orderable):
    page = ParentalKey(ActorPage, related_name="units", on_delete=models.CASCADE)
    name = models.CharField(_("Verksamhet"), max_length=120)
    description = models.TextField(_("Beskrivning"), max_length=800)
    age_range = models.CharField(
        _("Ålder"), max_length=40, blank=True, help_text=_("T.ex. '0–18 år' eller 'från 18 år'.")
    )

    panels = [FieldPanel("name"), FieldPanel("age_range"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("verksamhet")
        verbose_name_plural = _("verksamheter")


class Misunderstanding(Orderable):
    """A misunderstanding between actors that the 2019 evaluation found, and what is true."""

    page = ParentalKey(ActorPage, related_name="misunderstandings", on_delete=models.CASCADE)
    belief = models.CharField(_("Det många tror"), max_length=300)
    clarification = models.TextField(_("Så är det"), max_length=1000)
    sources = sources_field()

    panels = [FieldPanel("belief"), FieldPanel("clarification"), FieldPanel("sources")]

    class Meta(Orderable.Meta):
        verbose_name = _("missförstånd")
        verbose_name_plural = _("missförstånd")
