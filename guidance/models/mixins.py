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
    next_review = models.DateField(
        _("Nästa granskning"),
        null=True,
        blank=True,
        help_text=_("När innehållet senast ska ses över igen."),
    )

    meta_panels = [
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("next_review")],
            heading=_("Ansvar och granskning"),
        )
    ]

    class Meta:
        abstract = True
