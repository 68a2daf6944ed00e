from django.apps import AppConfig


class TrainingConfig(AppConfig):
    """Training for staff: modules, lessons with checks, onboarding paths and progress."""

    name = "guidance.training"
    label = "training"
    verbose_name = "Utbildning"
