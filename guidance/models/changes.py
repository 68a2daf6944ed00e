"""Change notes: when an editor publishes a page they say whether the change is major.

A major change carries a note for readers. It is recorded as a `PageChange` when the
revision is published (whoever publishes it, and whenever: a scheduled publish counts too),
and it is what sends people back to a training module they had completed.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.page_forms import PrivacyPageForm


class ChangeNotePageForm(PrivacyPageForm):
    """Each edit starts as a minor change with no note, whatever the last revision said."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["change_major"] = False
            self.initial["change_note"] = ""


class ChangeNoteMixin(models.Model):
    change_major = models.BooleanField(
        _("Större ändring"),
        default=False,
        help_text=_(
            "Kryssa i när innehållet har ändrats så att personal behöver veta om det. "
            "Den som har gått en utbildning som bygger på sidan får då gå om den."
        ),
    )
    change_note = models.TextField(
        _("Vad har ändrats?"),
        max_length=500,
        blank=True,
        help_text=_("Visas för läsarna vid en större ändring. Skriv aldrig om enskilda barn."),
    )

    change_panels = [
        MultiFieldPanel(
            [FieldPanel("change_major"), FieldPanel("change_note")],
            heading=_("Om ändringen"),
        )
    ]
    base_form_class = ChangeNotePageForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.change_note = self.change_note.strip()
        if self.change_major and not self.change_note:
            raise ValidationError(
                {"change_note": _("Skriv kort vad som har ändrats – det visas för läsarna.")}
            )


class PageChange(models.Model):
    """A published change to a page, as its editor described it."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="changes")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    major = models.BooleanField(_("Större ändring"), default=False)
    note = models.TextField(_("Vad har ändrats?"), blank=True)
    published_at = models.DateTimeField(_("Publicerad"), db_index=True)

    class Meta:
        verbose_name = _("ändring")
        verbose_name_plural = _("ändringar")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_change_per_revision")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} {self.published_at:%Y-%m-%d}: {self.note}"


def record_change(sender, instance, revision=None, **kwargs) -> None:
    """`page_published` receiver: keep the change note of every republished page."""
    if not isinstance(instance, ChangeNoteMixin) or revision is None:
        return
    if instance.first_published_at == instance.last_published_at:
        return  # The first publication is not a change.
    if not (instance.change_major or instance.change_note):
        return
    PageChange.objects.get_or_create(
        page_id=instance.pk,
        revision=revision,
        defaults={
            "major": instance.change_major,
            "note": instance.change_note,
            "published_at": instance.last_published_at,
        },
    )
