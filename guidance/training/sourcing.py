"""Training's part in guidance.sourcing: lessons and their questions cite sources, and a
lesson whose cited agreement section changed sends its module's learners back."""

from django.utils import timezone
from django.utils.translation import gettext as _

from guidance.models import AgreementIndexPage, AgreementVersionPage, PageChange, SourceFlag
from guidance.sourcing import CitedItem

from .models import LessonPage, LessonReference, TrainingModulePage

AGREEMENT_PAGE_TYPES = (AgreementIndexPage, AgreementVersionPage)


def lesson_items():
    """Each live lesson (its sources and the agreement sections its references point to)
    and each of its questions."""
    lessons = list(LessonPage.objects.live().order_by("path"))
    references: dict[int, set[str]] = {}
    for reference in LessonReference.objects.filter(
        lesson__in=lessons, anchor__gt=""
    ).select_related("page"):
        if isinstance(reference.page.specific_deferred, AGREEMENT_PAGE_TYPES):
            references.setdefault(reference.lesson_id, set()).add(reference.anchor)
    for lesson in lessons:
        label = _("Lektionen ”%(lesson)s”") % {"lesson": lesson.title}
        yield CitedItem(
            label, lesson.sources, page=lesson, also_cites=references.get(lesson.pk, set())
        )
        for question in lesson.questions:
            yield CitedItem(
                _("%(lesson)s, frågan ”%(question)s”")
                % {"lesson": label, "question": question.value["question"]},
                question.value["sources"],
                page=lesson,
            )


def send_learners_back(flags: list[SourceFlag]) -> None:
    """A lesson built on a changed section counts as a major change to its module today:
    learners who completed the module have it back as "att göra", as after any major change
    (guidance.training.progress). The note tells them why."""
    lesson_ids = {flag.page_id for flag in flags if flag.page_id}
    lessons = LessonPage.objects.filter(pk__in=lesson_ids)
    modules: dict[int, set[str]] = {}
    for lesson in lessons:
        module = TrainingModulePage.objects.parent_of(lesson).first()
        if module is None:
            continue
        headings = {flag.heading for flag in flags if flag.page_id == lesson.pk}
        modules.setdefault(module.pk, set()).update(headings)
    now = timezone.now()
    today = timezone.localdate()
    for module_id, headings in modules.items():
        PageChange.objects.create(
            page_id=module_id,
            major=True,
            note=_(
                "Överenskommelsen har fått en ny version där avsnitt som modulen bygger på har "
                "ändrats: %(sections)s. Gå igenom modulen igen."
            )
            % {"sections": ", ".join(sorted(headings))},
            published_at=now,
        )
        TrainingModulePage.objects.filter(pk=module_id, next_review__gt=today).update(
            next_review=today
        )
        TrainingModulePage.objects.filter(pk=module_id, next_review__isnull=True).update(
            next_review=today
        )
