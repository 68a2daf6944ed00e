from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page

from directory.phones import PhoneNumberField
from guidance.models import ActorPage, AgreementVersionPage, RoutinePage
from guidance.training.models import TrainingPathPage
from portal.page_forms import PrivacyModelForm, PrivacyPageForm
from portal.routing import SlugPathRoutingMixin
from portal.visibility import public

HOME_ROUTINES = 12


class HomePage(SlugPathRoutingMixin, Page):
    """The start page: entry points for new staff, the agreement, routines and actors."""

    intro = models.TextField(
        _("Ingress"),
        max_length=500,
        help_text=_("Vad portalen är till för, i en eller två meningar."),
    )
    new_staff_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Sida för 'Ny i Norrbus?'"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    new_staff_text = models.CharField(_("Text för 'Ny i Norrbus?'"), max_length=240, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("new_staff_page"),
        FieldPanel("new_staff_text"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "guidance.SectionPage",
        "guidance.ContentPage",
        "guidance.AgreementIndexPage",
        "guidance.GlossaryPage",
        "directory.DirectoryIndexPage",
        "training.TrainingIndexPage",
    ]
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            in_force=AgreementVersionPage.objects.in_force(),
            # The routines of the agreement, directly in a top-level section, at most
            # HOME_ROUTINES: not every routine in deeper sections, however many there are.
            routines=public(RoutinePage.objects.live().filter(depth=self.depth + 2)).order_by(
                "title"
            )[:HOME_ROUTINES],
            actors=public(ActorPage.objects.live()).order_by("path"),
            paths=public(TrainingPathPage.objects.live()).order_by("path"),
            latest=public(Page.objects.live())
            .exclude(pk=self.pk)
            .filter(depth__gt=self.depth)
            .order_by("-last_published_at")[:5],
        )
        return context


@register_setting(icon="site")
class PublisherSettings(BaseSiteSetting):
    """Who publishes the portal and how readers reach its central support role, shown in the
    header and the footer of every page. Empty until the editors fill it in: then no page
    names a publisher. Here rather than in portal since its phone number is the directory's
    (validated, stored as E.164, shown the Swedish way)."""

    name = models.CharField(
        _("Utgivarens namn"),
        max_length=120,
        blank=True,
        help_text=_(
            "Organisationen som ger ut portalen och svarar för innehållet. Fyll i när det är "
            "beslutat; så länge fältet är tomt namnger portalen ingen utgivare."
        ),
    )
    about = models.CharField(
        _("Om utgivaren"),
        max_length=200,
        blank=True,
        help_text=_("En mening om utgivaren, i sidfoten efter namnet."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logotyp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Visas liten i sidhuvudet framför namnet. Kräver att namnet är ifyllt."),
    )
    support_name = models.CharField(
        _("Kontakt"),
        max_length=120,
        blank=True,
        help_text=_("Vem läsarna når med frågor om portalen, t.ex. 'Centralt stöd Norrbus'."),
    )
    support_email = models.EmailField(_("E-post"), blank=True)
    support_phone = PhoneNumberField(_("Telefon"), blank=True)
    support_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Kontaktsida"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("En sida i portalen om hur man når kontakten."),
    )
    is_example = models.BooleanField(
        _("Exempeluppgift"),
        default=False,
        help_text=_(
            "Kryssa i om uppgifterna inte är bekräftade. Läsarna ser då 'Exempel:' framför dem."
        ),
    )

    privacy_exempt_fields = ("support_phone",)
    base_form_class = PrivacyModelForm
    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("about"), FieldPanel("logo")],
            heading=_("Utgivare"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("support_name"),
                FieldPanel("support_email"),
                FieldPanel("support_phone"),
                FieldPanel("support_page"),
            ],
            heading=_("Kontakt till det centrala stödet"),
        ),
        FieldPanel("is_example"),
    ]

    class Meta:
        verbose_name = _("utgivare")
        verbose_name_plural = _("utgivare")

    @classmethod
    def read(cls, site) -> "PublisherSettings":
        """The site's setting, unsaved and empty when nobody has saved one: reading it never
        writes (Wagtail's `for_site` creates the row, and saving it refreshes every page)."""
        found = cls.objects.filter(site=site).select_related("logo", "support_page").first()
        return found or cls(site=site)

    @property
    def has_contact(self) -> bool:
        return bool(self.support_email or self.support_phone or self.support_page_id)

    def clean(self):
        super().clean()
        errors = {}
        if self.logo_id and not self.name:
            errors["name"] = _("Skriv utgivarens namn: logotypen visas bara tillsammans med det.")
        if self.has_contact and not self.support_name:
            errors["support_name"] = _("Skriv vem läsarna når, t.ex. 'Centralt stöd Norrbus'.")
        if self.support_name and not self.has_contact:
            errors["support_email"] = _("Ange e-post, telefon eller en kontaktsida.")
        if errors:
            raise ValidationError(errors)
