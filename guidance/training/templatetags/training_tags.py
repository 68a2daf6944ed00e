"""Where the reader stands in a path, a module or a lesson: computed for the signed-in learner
when the page is rendered, so the page models stay free of progress logic."""

from dataclasses import dataclass

from django import template

from ..progress import ModuleStatus, learner_overview, module_status

register = template.Library()


@register.simple_tag(takes_context=True)
def path_overview(context, path_page):
    return learner_overview(context["request"].user, [path_page])


@register.simple_tag(takes_context=True)
def module_progress(context, module):
    return module_status(context["request"].user, module)


@dataclass
class LessonProgress:
    status: ModuleStatus
    done: bool
    position: int
    previous: object
    following: object


@register.simple_tag(takes_context=True)
def lesson_progress(context, lesson) -> LessonProgress:
    """The lesson's module status for the reader, the lesson's place in it and its neighbours."""
    status = module_status(context["request"].user, lesson.module)
    index = next(i for i, item in enumerate(status.lessons) if item.pk == lesson.pk)
    return LessonProgress(
        status=status,
        done=status.is_done(lesson),
        position=index + 1,
        previous=status.lessons[index - 1] if index > 0 else None,
        following=status.lessons[index + 1] if index + 1 < len(status.lessons) else None,
    )
