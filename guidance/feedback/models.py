"""Feedback on pages and deviation reports: stored without personal data, for a limited time.

Neither keeps who sent it (a deviation report keeps the sender's work e-mail only to send
the receipt and to be answered); free text is refused when it holds a personnummer.
`manage.py purge_expired` deletes both after FEEDBACK_RETENTION_DAYS and
DEVIATION_REPORT_RETENTION_DAYS.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.actors import NORRBUS_CHOICES, Actor


class Feedback(models.Model):
    """'Hjälpte sidan dig? Ja / Nej', with an optional comment."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Sida"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    helpful = models.BooleanField(_("Hjälpte sidan?"))
    comment = models.TextField(_("Kommentar"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("Inkom"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("Hanterad"), default=False)

    class Meta:
        verbose_name = _("återkoppling")
        verbose_name_plural = _("återkoppling")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        answer = _("Ja") if self.helpful else _("Nej")
        return f"{self.page.title}: {answer}"


class DeviationReport(models.Model):
    """A report that a party did not follow a Norrbus routine (the agreement's
    'Avvikelsehantering'): which routine, between which parties, in which municipality."""

    reference = models.CharField(_("Diarienummer"), max_length=20, unique=True, editable=False)
    routine = models.ForeignKey(
        "guidance.RoutinePage",
        verbose_name=_("Rutin som inte följdes"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    reporter_actor = models.CharField(_("Din verksamhet"), max_length=20, choices=NORRBUS_CHOICES)
    other_actors = models.JSONField(_("Part som avvek"), default=list)
    municipality = models.ForeignKey(
        "directory.MunicipalityPage",
        verbose_name=_("Kommun"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    description = models.TextField(_("Vad hände?"), max_length=2000)
    reporter_email = models.EmailField(_("Din e-postadress i tjänsten"))
    sent_to = models.EmailField(_("Skickad till"))
    created_at = models.DateTimeField(_("Inkom"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("avvikelserapport")
        verbose_name_plural = _("avvikelserapporter")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.reference

    def other_actor_labels(self) -> list[str]:
        return [str(Actor(value).label) for value in self.other_actors]

    def get_other_actors_display(self) -> str:
        """How the admin's inspect view shows the parties: their names, not their codes."""
        return ", ".join(self.other_actor_labels())


def purge_expired() -> list[str]:
    """Remove feedback and deviation reports past their retention; say what went."""
    now = timezone.now()
    lines = []
    for model, days, label in (
        (Feedback, settings.FEEDBACK_RETENTION_DAYS, "återkoppling"),
        (DeviationReport, settings.DEVIATION_REPORT_RETENTION_DAYS, "avvikelserapporter"),
    ):
        cutoff = now - datetime.timedelta(days=days)
        removed, _ = model.objects.filter(created_at__lt=cutoff).delete()
        lines.append(f"{removed} {label} äldre än {days} dagar borttagna.")
    return lines
