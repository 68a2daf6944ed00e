from django.db import models
from django.utils.translation import gettext_lazy as _


class Actor(models.TextChoices):
    """The four actors of the Norrbus agreement."""

    SCHOOL = "skola", _("Skola")
    SOCIAL_SERVICES = "socialtjanst", _("Socialtjänst")
    PRIMARY_CARE = "primarvard", _("Primärvård")
    SPECIALIST_CARE = "specialistvard", _("Specialistvård")
