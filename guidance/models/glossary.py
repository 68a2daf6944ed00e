from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.page_forms import PAGE_MESSAGE, PrivacyPageForm
from portal.privacy import contains_identity_number
from portal.text import make_anchor, swedish_initial, swedish_sort_key

from ..blocks import SourcesBlock


def split_terms(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class GlossaryTerm(index.Indexed, models.Model):
    """A word staff meet in Norrbus work, with its abbreviations and synonyms."""

    term = models.CharField(_("Begrepp"), max_length=120, unique=True)
    abbreviations = models.CharField(
        _("Förkortningar"),
        max_length=200,
        blank=True,
        help_text=_("Kommaseparerade, t.ex. 'BUP'."),
    )
    synonyms = models.CharField(
        _("Synonymer"),
        max_length=400,
        blank=True,
        help_text=_("Andra ord med samma betydelse, kommaseparerade. Används av sökningen."),
    )
    definition = models.TextField(_("Förklaring"), max_length=2000)
    related_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Läs mer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("En sida i portalen som förklarar mer."),
    )
    sources = StreamField(SourcesBlock(), blank=True, verbose_name=_("Källor"))

    panels = [
        FieldPanel("term"),
        FieldPanel("abbreviations"),
        FieldPanel("synonyms"),
        FieldPanel("definition"),
        FieldPanel("related_page"),
        FieldPanel("sources"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("abbreviations"),
        index.SearchField("synonyms"),
        index.SearchField("definition"),
    ]

    class Meta:
        verbose_name = _("begrepp")
        verbose_name_plural = _("begrepp")
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def clean(self):
        super().clean()
        errors = {
            name: PAGE_MESSAGE
            for name in ("term", "abbreviations", "synonyms", "definition")
            if contains_identity_number(getattr(self, name))
        }
        if errors:
            raise ValidationError(errors)

    @property
    def abbreviation_list(self) -> list[str]:
        return split_terms(self.abbreviations)

    @property
    def synonym_list(self) -> list[str]:
        return split_terms(self.synonyms)

    @property
    def anchor(self) -> str:
        return f"begrepp-{make_anchor(self.term)}"


class GlossaryPage(Page):
    """ "Begrepp A–Ö": every glossary term, grouped by initial letter in Swedish order."""

    intro = models.TextField(_("Ingress"), max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    base_form_class = PrivacyPageForm

    class Meta:
        verbose_name = _("begreppslista")
        verbose_name_plural = _("begreppslistor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = sorted(
            GlossaryTerm.objects.select_related("related_page"),
            key=lambda t: swedish_sort_key(t.term),
        )
        groups: dict[str, list[GlossaryTerm]] = {}
        for term in terms:
            groups.setdefault(swedish_initial(term.term), []).append(term)
        context["groups"] = list(groups.items())
        return context
