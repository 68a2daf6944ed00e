from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class GuidanceMetaMixin(models.Model):
    """Who answers for a guidance page and when it is next looked over."""

    content_owner = models.CharField(
        _("Innehållsansvarig"),
        max_length=120,
        blank=True,
        help_text=_(
            "Funktion eller roll som svarar för innehållet, t.ex. 'Centralt stöd Norrbus'."
        ),
    )
    review_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Ansvarig redaktör"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Får påminnelse per e-post när sidan ska granskas."),
    )
    last_reviewed = models.DateField(
        _("Senast granskad"),
        null=True,
        blank=True,
        help_text=_("När innehållet senast sågs över och bedömdes vara rätt."),
    )
    next_review = models.DateField(
        _("Nästa granskning"),
        null=True,
        blank=True,
        help_text=_("När innehållet senast ska ses över igen."),
    )

    meta_panels = [
        MultiFieldPanel(
            [
                FieldPanel("content_owner"),
                FieldPanel("review_owner"),
                FieldPanel("last_reviewed"),
                FieldPanel("next_review"),
            ],
            heading=_("Ansvar och granskning"),
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.last_reviewed and self.next_review and self.next_review < self.last_reviewed:
            raise ValidationError(
                {"next_review": _("Nästa granskning kan inte ligga före den senaste.")}
            )
