"""Review dates: which guidance pages are due or overdue for review, and reminders to owners.

Every guidance page has an owner (a user who gets the reminders) and a next-review date.
`manage.py send_review_reminders` runs daily; it needs no memory of its own because it
writes only on set days: two weeks before the date, on the date, and every seventh day
after it while the page stays overdue.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models.mixins import GuidanceMetaMixin

# Pages whose date is this close count as due.
DUE_WITHIN_DAYS = 30
REMINDER_DAYS_BEFORE = 14


@dataclass
class ReviewItem:
    page: object
    days_left: int | None  # None: no date set

    @property
    def state(self) -> str:
        if self.days_left is None:
            return "saknar-datum"
        return "forsenad" if self.days_left < 0 else "snart"

    @property
    def label(self) -> str:
        if self.days_left is None:
            return "Saknar granskningsdatum"
        if self.days_left < 0:
            return f"Försenad {-self.days_left} dagar"
        if self.days_left == 0:
            return "Ska granskas i dag"
        return f"Om {self.days_left} dagar"

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])


def reviewed_models() -> list[type]:
    """Every page type with an owner and review dates, whichever app defines it."""
    return [model for model in apps.get_models() if issubclass(model, GuidanceMetaMixin)]


def review_items(owner=None, today: datetime.date | None = None) -> list[ReviewItem]:
    """Live guidance pages that are due within DUE_WITHIN_DAYS, overdue or without a date;
    the most overdue first. With `owner`, only that user's pages."""
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    items = []
    for model in reviewed_models():
        pages = model.objects.live().filter(
            Q(next_review__lte=horizon) | Q(next_review__isnull=True)
        )
        if owner is not None:
            pages = pages.filter(review_owner=owner)
        for page in pages.select_related("review_owner"):
            days = (page.next_review - today).days if page.next_review else None
            items.append(ReviewItem(page, days))
    return sorted(items, key=lambda item: (item.days_left is not None, item.days_left or 0))


def reminder_due(days_left: int) -> bool:
    return days_left in (REMINDER_DAYS_BEFORE, 0) or (days_left < 0 and -days_left % 7 == 0)


def send_reminders(today: datetime.date | None = None) -> int:
    """E-mail each owner the pages that are to be reminded of today; returns how many mails."""
    today = today or timezone.localdate()
    by_owner: dict = {}
    for item in review_items(today=today):
        owner = item.page.review_owner
        if owner is None or not owner.email or not owner.is_active or item.days_left is None:
            continue
        if reminder_due(item.days_left):
            by_owner.setdefault(owner, []).append(item)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for owner, items in by_owner.items():
        body = render_to_string(
            "guidance/email/review_reminder.txt", {"owner": owner, "items": items, "base": base}
        )
        send_mail(
            "Dags att granska sidor i Norrbus kunskapsportal",
            body,
            settings.DEFAULT_FROM_EMAIL,
            [owner.email],
        )
    return len(by_owner)
