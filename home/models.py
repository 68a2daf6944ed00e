from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from guidance.models import ActorPage, RoutinePage
from portal.page_forms import PrivacyPageForm
from portal.visibility import public

HOME_ROUTINES = 12


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

    def route(self, request, path_components):
        """Find the page for a path in one query, not one per level.

        The candidates are the pages below this one whose slug is in the path (slugs are
        indexed; url_path is not); the deepest whose address is a prefix of the path
        answers, and what is left of the path goes to its own `route` (routable pages:
        "jamfor/", "utskrift/")."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = {
            self.url_path + "/".join(path_components[:length]) + "/": length
            for length in range(1, len(path_components) + 1)
        }
        candidates = Page.objects.filter(
            slug__in=set(path_components),
            path__startswith=self.path,
            depth__gt=self.depth,
            depth__lte=self.depth + len(path_components),
        ).only("url_path", "depth", "content_type")
        matches = [page for page in candidates if page.url_path in prefixes]
        if not matches:
            raise Http404
        deepest = max(matches, key=lambda page: page.depth)
        return deepest.specific.route(request, path_components[prefixes[deepest.url_path] :])

    def get_context(self, request, *args, **kwargs):
        from guidance.queries import version_in_force
        from guidance.training.models import TrainingPathPage

        context = super().get_context(request, *args, **kwargs)
        context.update(
            in_force=version_in_force(),
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
