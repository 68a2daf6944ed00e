"""Flags on content whose cited agreement section changed ("Behöver granskas")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceFlag(models.Model):
    """An item (a routine step, an actor section, a glossary term …) cites a section of the
    agreement that a newly published version changed or dropped. Open until the page is
    published again, or the glossary term saved again."""

    class Reason(models.TextChoices):
        CHANGED = "changed", _("Avsnittet har ändrats")
        REMOVED = "removed", _("Avsnittet finns inte längre")

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="source_flags",
    )
    term = models.ForeignKey(
        "guidance.GlossaryTerm",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="source_flags",
    )
    item = models.CharField(_("Innehåll"), max_length=400)
    anchor = models.SlugField(_("Avsnitt (ankare)"), max_length=80)
    heading = models.CharField(_("Avsnitt"), max_length=200)
    reason = models.CharField(_("Skäl"), max_length=20, choices=Reason.choices)
    old_version = models.ForeignKey(
        "guidance.AgreementVersionPage", on_delete=models.CASCADE, related_name="+"
    )
    new_version = models.ForeignKey(
        "guidance.AgreementVersionPage", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("Flaggad"), auto_now_add=True)
    cleared_at = models.DateTimeField(_("Granskad"), null=True, blank=True)

    class Meta:
        verbose_name = _("flagga: behöver granskas")
        verbose_name_plural = _("flaggor: behöver granskas")
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(page__isnull=False) ^ models.Q(term__isnull=False),
                name="source_flag_page_or_term",
            )
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.anchor}"
