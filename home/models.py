from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from guidance.models import ActorPage, RoutinePage
from portal.page_forms import PrivacyPageForm


class HomePage(Page):
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
        from guidance.queries import version_in_force
        from guidance.training.models import TrainingPathPage

        context = super().get_context(request, *args, **kwargs)
        context.update(
            in_force=version_in_force(),
            routines=RoutinePage.objects.live().public().order_by("title"),
            actors=ActorPage.objects.live().public().order_by("path"),
            paths=TrainingPathPage.objects.live().public().order_by("path"),
            latest=Page.objects.live()
            .public()
            .exclude(pk=self.pk)
            .filter(depth__gt=self.depth)
            .order_by("-last_published_at")[:5],
        )
        return context
