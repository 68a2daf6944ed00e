"""The directory's pages: "Vem ringer jag?", one page per municipality, local routines."""

from django.db import models
from django.db.models import Q
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.blocks import ContentStreamBlock
from portal.page_forms import PrivacyPageForm
from portal.panels import TitledInlinePanel
from portal.text import swedish_sort_key
from portal.visibility import public

from ..arrangement import arrange, scope_rank
from ..cookies import remember_municipality, remembered_slug
from ..forms import SituationFinderForm
from ..printing import qr_svg
from .contacts import Contact, CountyPart, Situation


class MunicipalityPageQuerySet(PageQuerySet):
    def readable(self):
        """Live, public municipality pages with their county part."""
        return public(self.live()).select_related("county_part")


class DirectoryIndexPage(RoutablePageMixin, Page):
    """'Vem ringer jag?': the situation finder, the municipalities and county-wide contacts."""

    intro = models.TextField(_("Ingress"), max_length=500)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        TitledInlinePanel("contacts", heading=_("Kontakter för hela länet"), label=_("Kontakt")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.MunicipalityPage"]
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("kontaktkatalog")
        verbose_name_plural = _("kontaktkataloger")

    @path("")
    def finder(self, request):
        """The finder is a plain GET form: municipality + situation → contacts and routine."""
        remembered = MunicipalityPage.remembered(request)
        municipalities = MunicipalityPage.sorted_readable()
        if "kommun" in request.GET or "situation" in request.GET:
            form = SituationFinderForm(
                request.GET, municipalities=municipalities, situations=Situation.objects.all()
            )
        else:
            form = SituationFinderForm(
                initial={"kommun": remembered.slug if remembered else ""},
                municipalities=municipalities,
                situations=Situation.objects.all(),
            )
        result = None
        status = 200
        if form.is_bound:
            if form.is_valid():
                municipality = form.cleaned_data["kommun"]
                situation = form.cleaned_data["situation"]
                # What the situation is first about, then local before shared.
                contacts = sorted(
                    Contact.objects.for_reader(municipality).filter(situations=situation),
                    key=lambda contact: (situation.contact_rank(contact), scope_rank(contact)),
                )
                result = {
                    "municipality": municipality,
                    "situation": situation,
                    "contacts": contacts,
                }
            elif set(form.errors) == {"situation"} and not request.GET.get("situation"):
                # A municipality and no situation: the municipality's page has all its numbers.
                return redirect(form.cleaned_data["kommun"].url)
            else:
                status = 400
        county_parts: dict = {}
        for municipality in municipalities:
            county_parts.setdefault(municipality.county_part, []).append(municipality)
        county_contacts = (
            self.contacts.all()
            if getattr(request, "is_preview", False)
            else Contact.objects.filter(directory=self).order_by("sort_order", "pk")
        )
        response = TemplateResponse(
            request,
            "directory/directory_index_page.html",
            {
                "page": self,
                "self": self,
                "form": form,
                "result": result,
                "remembered": remembered,
                "county_parts": sorted(county_parts.items(), key=lambda item: item[0].sort_order),
                "county_contacts": county_contacts,
            },
            status=status,
        )
        if result:
            remember_municipality(request, response, result["municipality"])
        return response


class MunicipalityPage(RoutablePageMixin, Page):
    """'Vem ringer jag i <kommun>?': one municipality's contacts, Forum and local routines."""

    county_part = models.ForeignKey(
        CountyPart,
        verbose_name=_("Länsdel"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    intro = models.TextField(_("Ingress"), max_length=500, blank=True)
    forum_convener = models.CharField(
        _("Forum barn och unga kallas av"),
        max_length=200,
        blank=True,
        help_text=_("Funktion, inte namn, t.ex. 'Socialchefen'."),
    )
    forum_meets = models.CharField(
        _("Forum barn och unga träffas"),
        max_length=120,
        blank=True,
        help_text=_("T.ex. 'Varje månad'."),
    )
    forum_note = models.TextField(_("Mer om Forum barn och unga"), max_length=600, blank=True)
    deviation_email = models.EmailField(
        _("Avvikelserapporter skickas till"),
        blank=True,
        help_text=_(
            "Funktionsadress till Forum barn och unga, inte en persons adress. Utan adress "
            "går rapporterna till det centrala stödet."
        ),
    )
    forum_is_example = models.BooleanField(
        _("Uppgifterna om Forum är exempel"),
        default=False,
        help_text=_("Kryssa i om uppgifterna inte är bekräftade av kommunen."),
    )

    objects = PageManager.from_queryset(MunicipalityPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("county_part"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("forum_convener"), FieldPanel("forum_meets")]),
                FieldPanel("forum_note"),
                FieldPanel("deviation_email"),
                FieldPanel("forum_is_example"),
            ],
            heading=_("Forum barn och unga"),
        ),
        TitledInlinePanel("contacts", heading=_("Kontakter i kommunen"), label=_("Kontakt")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("forum_convener"),
        index.RelatedFields("county_part", [index.SearchField("name")]),
    ]

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.LocalRoutinePage"]

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("kommunsida")
        verbose_name_plural = _("kommunsidor")

    @classmethod
    def sorted_readable(cls) -> list["MunicipalityPage"]:
        """Live, public municipality pages in Swedish alphabetical order."""
        return sorted(cls.objects.readable(), key=lambda page: swedish_sort_key(page.title))

    @classmethod
    def remembered(cls, request) -> "MunicipalityPage | None":
        """The municipality the reader's cookie names, if it is a readable page."""
        slug = remembered_slug(request)
        return cls.objects.readable().filter(slug=slug).first() if slug else None

    @cached_property
    def heading(self) -> str:
        return _("Vem ringer jag i %(name)s?") % {"name": self.title}

    def get_cached_paths(self):
        return ["/", "/utskrift/"]

    def contacts_for_request(self, request) -> list[Contact]:
        """The contacts readers of the page see; a preview shows the page's own contacts as
        they are in the draft."""
        if not getattr(request, "is_preview", False):
            return list(Contact.objects.for_reader(self))
        shared = (
            Contact.objects.published()
            .filter(Q(county_part_id=self.county_part_id) | Q(directory__isnull=False))
            .select_related("county_part")
            .order_by("sort_order", "pk")
        )
        return [*self.contacts.all(), *shared]

    @path("")
    def municipality(self, request):
        response = TemplateResponse(
            request,
            "directory/municipality_page.html",
            {
                "page": self,
                "self": self,
                "arranged": arrange(self.contacts_for_request(request), urgent_in_groups=True),
                "local_routines": public(LocalRoutinePage.objects.child_of(self).live()).order_by(
                    "title"
                ),
            },
        )
        if self.live and not getattr(request, "is_preview", False):
            remember_municipality(request, response, self)
        return response

    @path("utskrift/", name="print_card")
    def print_card(self, request):
        """Our digital 'Gröna kortet': the key numbers on one printable page."""
        page_url = self.get_full_url(request)
        return TemplateResponse(
            request,
            "directory/print_card.html",
            {
                "page": self,
                "self": self,
                "arranged": arrange(self.contacts_for_request(request)),
                "printed_on": timezone.localdate(),
                "page_url": page_url,
                "qr_code": qr_svg(page_url),
            },
        )


class LocalRoutinePage(Page):
    """A municipality's own routine or supplement to Norrbus, under its directory page."""

    intro = models.TextField(_("Ingress"), max_length=500)
    body = StreamField(ContentStreamBlock(), verbose_name=_("Innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["directory.MunicipalityPage"]
    subpage_types = []

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("lokal rutin")
        verbose_name_plural = _("lokala rutiner")
