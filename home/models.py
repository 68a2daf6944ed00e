from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from guidance.models import ActorPage, AgreementVersionPage, RoutinePage
from guidance.training.models import TrainingPathPage
from portal.page_forms import PrivacyPageForm
from portal.routing import SlugPathRoutingMixin
from portal.visibility import public

HOME_ROUTINES = 12


class HomePage(SlugPathRoutingMixin, Page):
    """The start page: entry points for new staff, the agreement, routines and actors."""

    intro = models.TextField(
        _("Ingress"),
        max_length=500,
        help_text=_("Vad portalen är till för, i en eller två meningar."),
    )
    new_staff_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Sida för 'Ny i Norrbus?'"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    new_staff_text = models.CharField(_("Text för 'Ny i Norrbus?'"), max_length=240, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("new_staff_page"),
        FieldPanel("new_staff_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guidance.SectionPage",
        "guidance.ContentPage",
        "guidance.AgreementIndexPage",
        "guidance.GlossaryPage",
        "directory.DirectoryIndexPage",
        "training.TrainingIndexPage",
    ]
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            in_force=AgreementVersionPage.objects.in_force(),
            # The routines of the agreement, directly in a top-level section, at most
            # HOME_ROUTINES: not every routine in deeper sections, however many there are.
            routines=public(RoutinePage.objects.live().filter(depth=self.depth + 2)).order_by(
                "title"
            )[:HOME_ROUTINES],
            actors=public(ActorPage.objects.live()).order_by("path"),
            paths=public(TrainingPathPage.objects.live()).order_by("path"),
            latest=public(Page.objects.live())
            .exclude(pk=self.pk)
            .filter(depth__gt=self.depth)
            .order_by("-last_published_at")[:5],
        )
        return context
