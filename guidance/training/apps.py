from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Training for staff: modules, lessons with checks, onboarding paths and progress."""

    name = "guidance.training"
    label = "training"
    verbose_name = "Utbildning"

    def ready(self):
        from guidance import sourcing
        from guidance.models import AgreementVersionPage
        from portal import invalidation

        from .models import LessonPage
        from .sourcing import lesson_items, send_learners_back

        sourcing.register_items(lesson_items)
        sourcing.register_flag_hook(send_learners_back)
        # A lesson's sources name the version in force and its section headings.
        invalidation.shown_on(LessonPage, AgreementVersionPage)
