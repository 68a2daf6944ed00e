from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.invalidation import subtree_paths
from portal.page_forms import PrivacyPageForm
from portal.panels import TitledInlinePanel
from portal.text import assign_anchors

from ..comparison import compare_versions, default_pair, group
from ..forms import CompareVersionsForm
from ..toc import section_tree
from .mixins import GuidanceMetaMixin


class VersionStatus(models.TextChoices):
    IN_FORCE = "in_force", _("Gällande")
    UPCOMING = "upcoming", _("Kommande")
    SUPERSEDED = "superseded", _("Ersatt")
    # Not published yet: an editor's preview of an imported or edited version.
    DRAFT = "draft", _("Utkast")


class AgreementVersionQuerySet(PageQuerySet):
    def in_force(self, today: date | None = None) -> "AgreementVersionPage | None":
        """The live version whose effective date is the latest one not in the future."""
        today = today or timezone.localdate()
        return (
            self.live().filter(effective_date__lte=today).order_by("-effective_date", "-pk").first()
        )

    def with_text(self) -> "AgreementVersionQuerySet":
        """Versions whose sections hold the agreement's own text: the ones a comparison can
        show. A record without sections (2008, 2013) or a summary is not among them."""
        return self.filter(
            Exists(AgreementSection.objects.filter(page=OuterRef("pk"))), is_summary=False
        )


class AgreementIndexPage(RoutablePageMixin, Page):
    """The agreement's landing page: always points at the version in force."""

    intro = RichTextField(_("Ingress"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.AgreementVersionPage"]
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("överenskommelsens startsida")
        verbose_name_plural = _("överenskommelsens startsidor")

    def versions_with_status(
        self, today: date | None = None
    ) -> list[tuple["AgreementVersionPage", VersionStatus]]:
        today = today or timezone.localdate()
        in_force = AgreementVersionPage.objects.in_force(today)
        versions = AgreementVersionPage.objects.live().child_of(self).order_by("-effective_date")
        return [(version, version.status(in_force, today)) for version in versions]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["in_force"] = AgreementVersionPage.objects.in_force()
        context["versions"] = self.versions_with_status()
        context["comparable_count"] = (
            AgreementVersionPage.objects.live().child_of(self).with_text().count()
        )
        return context

    def get_cached_paths(self):
        return ["/", "/jamfor/"]

    @path("jamfor/", name="compare")
    def compare(self, request):
        versions = (
            AgreementVersionPage.objects.live().child_of(self).order_by("effective_date", "pk")
        )
        comparable = list(versions.with_text())
        asked = "fran" in request.GET or "till" in request.GET
        if not asked:
            # The page opens with a comparison at its own address, which readers can share.
            # The redirect is stored nowhere: where it leads changes with the date and with
            # publishing.
            pair = default_pair(comparable, timezone.localdate())
            if pair is not None:
                query = urlencode({"fran": pair[0].slug, "till": pair[1].slug})
                response = redirect(f"{request.path}?{query}")
                add_never_cache_headers(response)
                return response
        form = CompareVersionsForm(
            request.GET if asked else None, versions=versions, comparable=comparable
        )
        context = self.get_context(request)
        context.update(form=form, page=self)
        status = 200
        if form.is_bound:
            if form.is_valid():
                old, new = form.cleaned_data["fran"], form.cleaned_data["till"]
                context.update(old=old, new=new, groups=group(compare_versions(old, new)))
            else:
                status = 400
        return TemplateResponse(
            request, "guidance/agreement_comparison.html", context, status=status
        )


class AgreementVersionPage(GuidanceMetaMixin, Page):
    """One version of the agreement (2008, 2013, 2025 …) with its text as sections."""

    version_label = models.CharField(
        _("Version"), max_length=40, help_text=_("Kort namn på versionen, t.ex. '2025'.")
    )
    decision_date = models.DateField(_("Beslutsdatum"), null=True, blank=True)
    effective_date = models.DateField(
        _("Gäller från"),
        help_text=_(
            "Vilken version som är gällande räknas ut från detta datum. "
            "Ett datum framåt i tiden visar versionen som kommande."
        ),
    )
    effective_date_is_example = models.BooleanField(
        _("Datumet är ett exempel"),
        default=False,
        help_text=_(
            "Kryssa i när källorna bara anger året och dagen därför inte är känd. "
            "Sidan visar då att datumet är ett exempel."
        ),
    )
    is_summary = models.BooleanField(
        _("Avsnitten är en sammanfattning"),
        default=False,
        help_text=_(
            "Kryssa i när avsnitten är portalens egen sammanfattning och inte "
            "överenskommelsens text. Sidan säger det då tydligt, och versionen går inte att "
            "jämföra med andra."
        ),
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("Ersätter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        help_text=_("Den version som denna ersätter."),
    )
    summary = RichTextField(
        _("Sammanfattning"),
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "Vad versionen innebär och vad som är nytt, med egna ord. Skriv bara det som "
            "källorna stöder och ange källan."
        ),
    )

    objects = PageManager.from_queryset(AgreementVersionQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("version_label"),
                FieldPanel("decision_date"),
                FieldPanel("effective_date"),
                FieldPanel("effective_date_is_example"),
                FieldPanel("replaces"),
                FieldPanel("is_summary"),
            ],
            heading=_("Versionen"),
        ),
        FieldPanel("summary"),
        TitledInlinePanel("sections", heading=_("Avsnitt"), label=_("Avsnitt")),
    ]
    settings_panels = [*Page.settings_panels, *GuidanceMetaMixin.meta_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("version_label"),
        index.SearchField("summary"),
        index.RelatedFields("sections", [index.SearchField("heading"), index.SearchField("body")]),
    ]

    parent_page_types = ["guidance.AgreementIndexPage"]
    subpage_types = []

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("version av överenskommelsen")
        verbose_name_plural = _("versioner av överenskommelsen")

    def get_admin_display_title(self) -> str:
        """The admin's listings and choosers name a version by its label and, unless it is the
        one in force, its status: versions are often titled alike ("Överenskommelsen")."""
        title = super().get_admin_display_title()
        if self.version_label and self.version_label not in title:
            title = f"{title} {self.version_label}"
        status = self.status(AgreementVersionPage.objects.in_force())
        if status != VersionStatus.IN_FORCE:
            title = f"{title} ({status.label.lower()})"
        return title

    def clean(self):
        super().clean()
        if self.replaces_id and self.replaces_id == self.pk:
            raise ValidationError({"replaces": _("En version kan inte ersätta sig själv.")})
        assign_anchors(self.sections.all())

    @property
    def has_text(self) -> bool:
        """Whether the portal holds this version's own text (and can compare it)."""
        return not self.is_summary and bool(self.sections.all())

    def status(self, in_force: "AgreementVersionPage | None", today: date | None = None):
        today = today or timezone.localdate()
        if not self.live:
            return VersionStatus.DRAFT
        if in_force is not None and self.pk == in_force.pk:
            return VersionStatus.IN_FORCE
        if self.effective_date > today:
            return VersionStatus.UPCOMING
        return VersionStatus.SUPERSEDED

    def fed_paths(self) -> list[str]:
        """Every agreement page lists the versions and says which is in force."""
        return subtree_paths(self.get_parent())

    def previous_version(self) -> "AgreementVersionPage | None":
        if self.replaces_id:
            return self.replaces
        return (
            AgreementVersionPage.objects.live()
            .filter(effective_date__lt=self.effective_date)
            .order_by("-effective_date")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = list(self.sections.all())
        assign_anchors(sections)
        in_force = AgreementVersionPage.objects.in_force()
        previous = self.previous_version()
        context.update(
            sections=sections,
            toc=section_tree(sections),
            in_force=in_force,
            status=self.status(in_force),
            previous=previous,
            # "Vad har ändrats?" only between two versions whose text the portal holds.
            comparable_previous=(
                previous if previous is not None and previous.has_text and self.has_text else None
            ),
        )
        return context


class AgreementSection(Orderable):
    """A heading and the text under it. Sub-sections are sections with a deeper level."""

    page = ParentalKey(AgreementVersionPage, related_name="sections", on_delete=models.CASCADE)
    level = models.PositiveSmallIntegerField(
        _("Nivå"),
        choices=[(1, _("Avsnitt")), (2, _("Underavsnitt")), (3, _("Underavsnitt, nivå 3"))],
        default=1,
    )
    heading = models.CharField(_("Rubrik"), max_length=200)
    anchor = models.SlugField(
        _("Ankare"),
        max_length=80,
        blank=True,
        help_text=_(
            "Används i länkar direkt till avsnittet. Lämna tomt så skapas det av rubriken; "
            "samma ankare i alla versioner gör att jämförelsen hittar avsnittet."
        ),
    )
    body = RichTextField(_("Text"), blank=True, features=RICH_TEXT_FEATURES)
    plain_summary = models.TextField(
        _("Kort sagt"),
        blank=True,
        help_text=_(
            "Portalens egen korta sammanfattning av avsnittet. Visas bredvid texten under "
            "rubriken 'Kort sagt' och märks som portalens ord. Den får aldrig ändra "
            "innebörden: behåll 'bör' och 'ska', villkor och förbehåll som i texten."
        ),
    )

    panels = [
        FieldPanel("level"),
        FieldPanel("heading"),
        FieldPanel("anchor"),
        FieldPanel("body"),
        FieldPanel("plain_summary"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("avsnitt")
        verbose_name_plural = _("avsnitt")

    def __str__(self) -> str:
        return self.heading
