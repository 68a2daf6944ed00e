"""Training: onboarding paths, modules, lessons with checks, and each learner's progress.

A module's version is 1 + the number of major changes published to it. A learner's
completion records the version taken; a later major change to the module, or to a page one
of its lessons links to, sends the module back to "att göra" for that learner.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from guidance.blocks import SourcesBlock
from guidance.models import ChangeNoteMixin, PageChange
from guidance.models.mixins import GuidanceMetaMixin
from portal.actors import NORRBUS_CHOICES, WORKPLACE_CHOICES
from portal.blocks import ContentStreamBlock
from portal.invalidation import subtree_paths
from portal.page_forms import PrivacyPageForm
from portal.visibility import public

from .blocks import QuestionBlock
from .grading import questions_of


class TrainingPartMixin:
    """Paths, modules and lessons show on each other's pages (lists, progress, versions):
    publishing one invalidates every page of the training section."""

    def fed_paths(self) -> list[str]:
        training_index = self.get_ancestors().type(TrainingIndexPage).first()
        return subtree_paths(training_index) if training_index is not None else []


class TrainingIndexPage(Page):
    """ "Utbildning": the onboarding paths and every module."""

    intro = models.TextField(_("Ingress"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.TrainingPathPage", "training.TrainingModulePage"]
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("utbildningsstart")
        verbose_name_plural = _("utbildningsstarter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["paths"] = public(TrainingPathPage.objects.child_of(self).live())
        context["modules"] = public(TrainingModulePage.objects.child_of(self).live())
        return context


class TrainingPathPage(TrainingPartMixin, Page):
    """An onboarding path, e.g. "Ny i skolan": modules in the order to take them."""

    intro = models.TextField(_("Ingress"), max_length=500)
    actor = models.CharField(
        _("Aktör"),
        max_length=20,
        choices=NORRBUS_CHOICES,
        blank=True,
        help_text=_("Den aktör vägen är till för; tom för en väg för alla."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("actor"),
        InlinePanel("path_modules", heading=_("Moduler i ordning"), label=_("Modul"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = []

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("introduktionsväg")
        verbose_name_plural = _("introduktionsvägar")

    def modules(self) -> list["TrainingModulePage"]:
        """The path's live, public modules in order."""
        return modules_of_paths([self])[self.pk]

    # The reader's progress along the path: the template tag `path_overview`.


class PathModule(Orderable):
    path = ParentalKey(TrainingPathPage, on_delete=models.CASCADE, related_name="path_modules")
    module = models.ForeignKey(
        "training.TrainingModulePage",
        verbose_name=_("Modul"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("module")]


class TrainingModulePage(TrainingPartMixin, ChangeNoteMixin, GuidanceMetaMixin, Page):
    """A training module: learning goals and ordered lessons, with a pass mark for the checks."""

    intro = models.TextField(_("Ingress"), max_length=500)
    audience = ParentalManyToManyField(
        "guidance.ActorPage",
        blank=True,
        related_name="training_modules",
        verbose_name=_("Modulen är till för"),
    )
    learning_goals = models.TextField(
        _("Lärandemål"),
        max_length=1500,
        help_text=_("Ett mål per rad: vad deltagaren ska kunna efter modulen."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("Beräknad tid (minuter)"),
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("Godkänt från (procent)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Andel rätta svar som krävs i varje lektions kontrollfrågor."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("audience", widget=forms.CheckboxSelectMultiple),
        FieldPanel("learning_goals"),
        FieldPanel("estimated_minutes"),
        FieldPanel("pass_mark"),
        *ChangeNoteMixin.change_panels,
    ]
    settings_panels = [*Page.settings_panels, *GuidanceMetaMixin.meta_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("learning_goals"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.LessonPage"]

    class Meta:
        verbose_name = _("utbildningsmodul")
        verbose_name_plural = _("utbildningsmoduler")

    @cached_property
    def version(self) -> int:
        return 1 + PageChange.objects.filter(page_id=self.pk, major=True).count()

    def goals(self) -> list[str]:
        return [line.strip() for line in self.learning_goals.splitlines() if line.strip()]

    def lessons(self):
        return public(LessonPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        # The reader's progress: the template tag `module_progress`.
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = list(self.lessons())
        context["audience_pages"] = self.audience.live().order_by("title")
        return context


class LessonPage(TrainingPartMixin, Page):
    """A lesson: explains, links to the authoritative pages, and may end with a check."""

    intro = models.TextField(_("Ingress"), max_length=500, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("Innehåll"))
    questions = StreamField(
        [("question", QuestionBlock())],
        blank=True,
        verbose_name=_("Kontrollfrågor"),
        help_text=_("Frivilligt. Rättas på servern; gränsen för godkänt står på modulen."),
    )
    sources = StreamField(
        SourcesBlock(),
        blank=True,
        verbose_name=_("Källor"),
        help_text=_("Källan bakom lektionens innehåll."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sources"),
        InlinePanel("references", heading=_("Källor"), label=_("Källa")),
        FieldPanel("questions"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["training.TrainingModulePage"]
    subpage_types = []

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("lektion")
        verbose_name_plural = _("lektioner")

    @cached_property
    def module(self) -> TrainingModulePage:
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        """The lesson as everyone first sees it. The check's answers are posted to the view
        `training:lesson_answer`, which shows this page with the result; the reader's
        progress comes from the template tag `lesson_progress`."""
        context = super().get_context(request, *args, **kwargs)
        questions = questions_of(self)
        context.update(
            module=self.module,
            questions=questions,
            references=[
                reference
                for reference in self.references.select_related("page")
                if reference.page.live
            ],
            answers=None,
            result=None,
            outcome=None,
            question_rows=[(question, set(), None) for question in questions],
        )
        return context


def modules_of_paths(paths) -> dict[int, list[TrainingModulePage]]:
    """Each path's live, public modules in order, in two queries for any number of paths."""
    items = PathModule.objects.filter(path__in=paths).order_by("path_id", "sort_order")
    items = list(items.values_list("path_id", "module_id"))
    visible = public(TrainingModulePage.objects.live()).in_bulk([module for _, module in items])
    result = {path.pk: [] for path in paths}
    for path_id, module_id in items:
        if module_id in visible:
            result[path_id].append(visible[module_id])
    return result


class LessonReference(Orderable):
    """The routine, role or agreement section a lesson explains: the source of truth."""

    lesson = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="references")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Sida"), on_delete=models.CASCADE, related_name="+"
    )
    anchor = models.SlugField(
        _("Ankare"),
        max_length=80,
        blank=True,
        help_text=_("Frivilligt: ett avsnitt på sidan, t.ex. 'syfte-och-mal'."),
    )

    panels = [FieldPanel("page"), FieldPanel("anchor")]


class LearnerProfile(models.Model):
    """Where a learner works: what the overview counts them under. Nothing else is kept."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learner_profile"
    )
    municipality = models.ForeignKey(
        "directory.MunicipalityPage",
        verbose_name=_("Kommun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.CharField(_("Verksamhet"), max_length=20, choices=WORKPLACE_CHOICES)

    class Meta:
        verbose_name = _("deltagarprofil")
        verbose_name_plural = _("deltagarprofiler")

    def __str__(self) -> str:
        return str(self.user)


class LessonProgress(models.Model):
    """A lesson a learner has finished: read it, or passed its check."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="+")
    module = models.ForeignKey(TrainingModulePage, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(_("Klar"))
    correct = models.PositiveSmallIntegerField(_("Rätta svar"), null=True)
    total = models.PositiveSmallIntegerField(_("Antal frågor"), null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="one_progress_per_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.lesson_id}"


class ModuleCompletion(models.Model):
    """A learner completed a module: the version taken, the date and the score."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        TrainingModulePage, on_delete=models.CASCADE, related_name="completions"
    )
    version = models.PositiveIntegerField(_("Version"))
    score = models.PositiveSmallIntegerField(_("Resultat (procent)"), null=True)
    completed_at = models.DateTimeField(_("Slutförd"))

    class Meta:
        verbose_name = _("slutförd modul")
        verbose_name_plural = _("slutförda moduler")
        ordering = ["-completed_at", "-pk"]
        permissions = [("view_training_overview", _("Kan se utbildningsöversikten"))]

    def __str__(self) -> str:
        return f"{self.user} – {self.module_id} v{self.version}"
