"""The contact directory's records: county parts, situations and contacts.

A contact belongs to exactly one owner, which gives its scope: a municipality page (one
municipality), a county part (the municipalities in it) or the directory page itself (the
whole county). Municipality and directory contacts are edited inline on their page, so
they go through revisions and page permissions like any other page content.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, Page

from portal.actors import Actor
from portal.page_forms import PrivacyModelForm
from portal.panels import TitledInlinePanel
from portal.visibility import public

from ..phones import PhoneNumberField, format_phone

VERIFY_AFTER_DAYS = 365
# What "Innan du kontaktar" shows besides who the unit helps (contact_when).
BEFORE_CONTACT_FIELDS = (
    "cannot_help_with",
    "have_ready",
    "how_to_reach",
    "response_time",
    "languages",
)
COUNTY_LABEL = _("Hela länet")


class NorrbusBody(models.TextChoices):
    """The agreement's collaboration bodies above the municipality that a contact can be.

    The agreement (Samverkansstruktur, Avvikelsehantering, Oenighet mellan parter) names
    collaboration groups per county part and Samverkansstruktur målgrupp barn och unga for
    the county; routine steps name them as whom to contact."""

    NONE = "", _("Ingen")
    COUNTY_PART_GROUP = "samverkansgrupp", _("Samverkansgruppen i länsdelen")
    COUNTY_STRUCTURE = "samverkansstruktur", _("Samverkansstruktur målgrupp barn och unga")


class HttpsURLField(models.URLField):
    """A URL field whose form assumes https:// when the editor leaves the scheme out."""

    def formfield(self, **kwargs):
        return super().formfield(**{"assume_scheme": "https", **kwargs})


class CountyPart(ClusterableModel):
    """One of the four county parts (länsdelar), with the contacts shared by its municipalities."""

    name = models.CharField(_("Namn"), max_length=80, unique=True)
    slug = models.SlugField(_("Kortnamn"), max_length=80, unique=True)
    description = models.TextField(_("Beskrivning"), max_length=500, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("Ordning"), default=0)

    # Its fields and its contacts refuse identity numbers (phone numbers exempt).
    base_form_class = PrivacyModelForm

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        TitledInlinePanel(
            "contacts", heading=_("Kontakter för hela länsdelen"), label=_("Kontakt")
        ),
    ]

    class Meta:
        verbose_name = _("länsdel")
        verbose_name_plural = _("länsdelar")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Situation(models.Model):
    """Something a staff member needs help with; the finder maps it to contacts and a routine."""

    title = models.CharField(_("Situation"), max_length=120, unique=True)
    slug = models.SlugField(_("Kortnamn"), max_length=80, unique=True)
    description = models.TextField(
        _("Vägledning"),
        max_length=600,
        blank=True,
        help_text=_("Visas ovanför kontakterna i sökhjälpen: vad du gör först."),
    )
    # A page, not the routine model: the directory sits below guidance and names no model of
    # it; the chooser offers routines only.
    routine = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Rutin att följa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    first_actor = models.CharField(
        _("Kontakta först"),
        max_length=20,
        choices=Actor.choices,
        blank=True,
        help_text=_(
            "Den aktör situationen i första hand gäller, t.ex. socialtjänsten vid oro för ett "
            "barn. Sökhjälpen visar dess kontakter först."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("Ordning"), default=0)

    base_form_class = PrivacyModelForm

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        PageChooserPanel("routine", page_type="guidance.RoutinePage"),
        FieldPanel("first_actor"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("situation")
        verbose_name_plural = _("situationer")
        ordering = ["sort_order", "title"]

    def __str__(self) -> str:
        return self.title

    def contact_rank(self, contact) -> int:
        """0 for the actor the situation is first about, 1 for the others."""
        return 0 if self.first_actor and contact.actor == self.first_actor else 1


class ContactQuerySet(models.QuerySet):
    def published(self):
        """Contacts readers may see: on a live, public page, or on a county part."""
        live_pages = public(Page.objects.live())
        return self.filter(
            Q(county_part__isnull=False)
            | Q(municipality__in=live_pages)
            | Q(directory__in=live_pages)
        )

    def for_municipality(self, municipality):
        """The municipality's own contacts, its county part's and the county-wide ones."""
        return self.filter(
            Q(municipality=municipality)
            | Q(county_part_id=municipality.county_part_id)
            | Q(directory__isnull=False)
        )

    def for_reader(self, municipality):
        """Everything a reader in the municipality may call, with what the cards need loaded.

        Not the municipality page itself: a page row is wide and costly to build for every
        contact, and the pages that list contacts already have it."""
        return (
            self.published()
            .for_municipality(municipality)
            .select_related("county_part")
            .prefetch_related("situations")
            .order_by("sort_order", "pk")
        )

    def not_verified_since(self, when: datetime.date):
        return self.filter(Q(verified_on__isnull=True) | Q(verified_on__lt=when))


class Contact(ClusterableModel, Orderable):
    """A unit or function staff can call, with what to contact it about."""

    municipality = ParentalKey(
        "directory.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    county_part = ParentalKey(
        CountyPart, null=True, blank=True, on_delete=models.CASCADE, related_name="contacts"
    )
    directory = ParentalKey(
        "directory.DirectoryIndexPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contacts",
    )

    name = models.CharField(
        _("Enhet eller funktion"),
        max_length=160,
        help_text=_("T.ex. 'Socialtjänstens mottagning barn och unga'. Aldrig ett barns namn."),
    )
    actor = models.CharField(_("Aktör"), max_length=20, choices=Actor.choices)
    # Phone numbers are not read for personnummer (see portal/page_forms.py).
    privacy_exempt_fields = ("phone", "phone_alt")
    phone = PhoneNumberField(_("Telefon"), blank=True)
    phone_alt = PhoneNumberField(_("Annat telefonnummer"), blank=True)
    phone_alt_label = models.CharField(
        _("Vad det andra numret är"),
        max_length=60,
        blank=True,
        help_text=_("T.ex. 'Jour' eller 'Sms'."),
    )
    email = models.EmailField(
        _("E-post"), blank=True, error_messages={"invalid": _("Ange en giltig e-postadress.")}
    )
    website = HttpsURLField(
        _("Webbadress"),
        blank=True,
        error_messages={"invalid": _("Ange en hel webbadress som börjar med https://.")},
    )
    visiting_address = models.CharField(_("Besöksadress"), max_length=200, blank=True)
    opening_hours = models.CharField(
        _("Öppettider"), max_length=200, blank=True, help_text=_("T.ex. 'Vardagar 8–16'.")
    )
    # "Innan du kontaktar": what a caller needs to know first. contact_when is who and what
    # the unit helps with; the others are shown folded under "Innan du kontaktar".
    contact_when = models.TextField(
        _("Kontakta oss när …"),
        max_length=600,
        blank=True,
        help_text=_("Vem och vad enheten kan hjälpa till med. Visas överst på kontaktkortet."),
    )
    cannot_help_with = models.TextField(
        _("Kan inte hjälpa till med"),
        max_length=600,
        blank=True,
        help_text=_("Vem eller vad enheten inte tar emot, och vart man vänder sig i stället."),
    )
    have_ready = models.TextField(
        _("Ha det här redo"),
        max_length=600,
        blank=True,
        help_text=_(
            "Vad den som kontaktar enheten ska ha till hands, t.ex. vad oron gäller och "
            "barnets ålder. Skriv aldrig uppgifter om ett enskilt barn här."
        ),
    )
    how_to_reach = models.TextField(
        _("Så kontaktar du oss"),
        max_length=600,
        blank=True,
        help_text=_(
            "T.ex. 'Ring först. Underlag skickas via e-tjänsten eller med säker e-post.' "
            "Kortet visar då också portalens råd om vanlig e-post."
        ),
    )
    response_time = models.CharField(
        _("Svarstid"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. 'Svarar samma dag' eller 'Ringer upp inom två arbetsdagar'."),
    )
    languages = models.CharField(
        _("Språk"),
        max_length=200,
        blank=True,
        help_text=_("Språk enheten tar emot samtal på, t.ex. 'Svenska, finska och meänkieli'."),
    )
    is_urgent = models.BooleanField(
        _("Akut kontakt"), default=False, help_text=_("Visas först: för det som inte kan vänta.")
    )
    out_of_hours = models.BooleanField(
        _("Nås utanför kontorstid"), default=False, help_text=_("T.ex. socialjouren.")
    )
    is_norrbus_contact = models.BooleanField(
        _("Kommunens Norrbuskontakt"),
        default=False,
        help_text=_("Den som svarar på frågor om Norrbus i kommunen."),
    )
    norrbus_body = models.CharField(
        _("Samverkansorgan"),
        max_length=20,
        choices=NorrbusBody.choices,
        blank=True,
        help_text=_(
            "Om kontakten är länsdelens samverkansgrupp eller Samverkansstruktur målgrupp barn "
            "och unga. Rutinernas steg visar den då där steget säger att du ska kontakta dem."
        ),
    )
    situations = ParentalManyToManyField(
        Situation, blank=True, related_name="contacts", verbose_name=_("Situationer")
    )
    verified_on = models.DateField(
        _("Kontrollerad"),
        null=True,
        blank=True,
        error_messages={"invalid": _("Skriv datumet som ÅÅÅÅ-MM-DD.")},
    )
    verified_by = models.CharField(
        _("Kontrollerad av"),
        max_length=120,
        blank=True,
        help_text=_("Funktion eller namn på redaktören."),
    )
    is_example = models.BooleanField(
        _("Exempeluppgift"),
        default=False,
        help_text=_("Kryssa i om uppgifterna inte är bekräftade. Visas som 'Exempeluppgift'."),
    )

    objects = ContactQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("actor")]),
        FieldRowPanel(
            [FieldPanel("phone"), FieldPanel("phone_alt"), FieldPanel("phone_alt_label")]
        ),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        FieldRowPanel([FieldPanel("visiting_address"), FieldPanel("opening_hours")]),
        MultiFieldPanel(
            [
                FieldPanel("contact_when"),
                FieldPanel("cannot_help_with"),
                FieldPanel("have_ready"),
                FieldPanel("how_to_reach"),
                FieldRowPanel([FieldPanel("response_time"), FieldPanel("languages")]),
            ],
            heading=_("Innan du kontaktar"),
        ),
        FieldRowPanel(
            [FieldPanel("is_urgent"), FieldPanel("out_of_hours"), FieldPanel("is_norrbus_contact")]
        ),
        FieldPanel("norrbus_body"),
        FieldPanel("situations", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel(
            [FieldPanel("verified_on"), FieldPanel("verified_by"), FieldPanel("is_example")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kontakt")
        verbose_name_plural = _("kontakter")
        permissions = [("import_contacts", _("Kan läsa in och exportera kontakter"))]
        constraints = [
            models.CheckConstraint(
                name="contact_has_one_owner",
                condition=(
                    Q(municipality__isnull=False, county_part__isnull=True, directory__isnull=True)
                    | Q(
                        municipality__isnull=True, county_part__isnull=False, directory__isnull=True
                    )
                    | Q(
                        municipality__isnull=True, county_part__isnull=True, directory__isnull=False
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.scope_label})"

    def clean(self):
        super().clean()
        errors = {}
        if not (self.phone or self.phone_alt or self.email or self.website):
            errors["__all__"] = _(
                "Ange minst ett sätt att nå kontakten: telefon, e-post eller webbadress."
            )
        if self.phone_alt and not self.phone_alt_label:
            errors["phone_alt_label"] = _("Skriv vad det andra numret är till för.")
        # The owner objects, not their ids: an inline row of a new owner has no id yet. A
        # contact checked before it has an owner (as the demo builds them) is checked as far as
        # it can be.
        has_owner = any((self.municipality, self.county_part, self.directory))
        if (
            has_owner
            and self.norrbus_body == NorrbusBody.COUNTY_PART_GROUP
            and not self.county_part
        ):
            errors["norrbus_body"] = _("Samverkansgruppen är en kontakt för en länsdel.")
        if has_owner and self.norrbus_body == NorrbusBody.COUNTY_STRUCTURE and not self.directory:
            errors["norrbus_body"] = _(
                "Samverkansstruktur målgrupp barn och unga är en kontakt för hela länet."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def scope(self) -> str:
        if self.municipality_id:
            return "kommun"
        if self.county_part_id:
            return "lansdel"
        return "lan"

    @property
    def scope_label(self) -> str:
        """The municipality's or county part's name, or 'Hela länet'."""
        if self.municipality_id:
            return self.municipality.title
        if self.county_part_id:
            return self.county_part.name
        return str(COUNTY_LABEL)

    @property
    def actor_label(self) -> str:
        """Whom the contact belongs to, as its card says: the party, or for one that is none
        of the four parties what kind of contact it is ("Annan" tells a reader nothing)."""
        if self.actor != Actor.OTHER:
            return self.get_actor_display()
        if self.norrbus_body:
            return str(_("Samverkansorgan i Norrbus"))
        if self.is_norrbus_contact:
            return str(_("Norrbus i kommunen"))
        return str(_("Samverkan och annat stöd"))

    @property
    def shared_label(self) -> str:
        """How a shared contact is labelled on a municipality page; empty for local ones."""
        if self.municipality_id:
            return ""
        if self.county_part_id:
            return _("Gemensam för %(name)s") % {"name": self.county_part.name}
        return str(_("Gäller hela länet"))

    @property
    def has_before_contact(self) -> bool:
        """Is there anything to show under "Innan du kontaktar" beside "Kontakta oss när"?"""
        return any(getattr(self, name) for name in BEFORE_CONTACT_FIELDS)

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def phone_alt_display(self) -> str:
        return format_phone(self.phone_alt)

    @property
    def needs_verification(self) -> bool:
        cutoff = timezone.localdate() - datetime.timedelta(days=VERIFY_AFTER_DAYS)
        return self.verified_on is None or self.verified_on < cutoff
