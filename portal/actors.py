"""The actors of the Norrbus agreement: the one vocabulary every app uses.

The agreement has four parties (school, social services, primary and specialist care).
Contacts and learners' profiles also know "annan" for everything else, such as the county's
collaboration structure."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Actor(models.TextChoices):
    SCHOOL = "skola", _("Skola")
    SOCIAL_SERVICES = "socialtjanst", _("Socialtjänst")
    PRIMARY_CARE = "primarvard", _("Primärvård")
    SPECIALIST_CARE = "specialistvard", _("Specialistvård")
    OTHER = "annan", _("Annan")


# The agreement's four parties, in the agreement's order.
NORRBUS_ACTORS = [
    Actor.SCHOOL,
    Actor.SOCIAL_SERVICES,
    Actor.PRIMARY_CARE,
    Actor.SPECIALIST_CARE,
]
NORRBUS_CHOICES = [(actor.value, actor.label) for actor in NORRBUS_ACTORS]
NORRBUS_VALUES = [actor.value for actor in NORRBUS_ACTORS]
# Lists of contacts by actor follow this order: the four parties, then everything else.
ACTOR_ORDER = [actor.value for actor in Actor]
# Where a learner works: one of the four, or somewhere else.
WORKPLACE_CHOICES = [*NORRBUS_CHOICES, (Actor.OTHER.value, _("Annan verksamhet"))]
