from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin


class Kind(models.TextChoices):
    """What a search result is; the first facet on the results page."""

    AGREEMENT = "agreement", _("Överenskommelse")
    ACTOR = "actor", _("Aktör")
    ROUTINE = "routine", _("Rutin")
    TRAINING = "training", _("Utbildning")
    CONTACT = "contact", _("Kontakt")
    TERM = "term", _("Begrepp")
    PAGE = "page", _("Övrigt")


class SearchEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    pass


class SearchEntry(index.Indexed, models.Model):
    """One findable thing: a page, an agreement section, a routine step, a contact or a term.

    The table is derived from the content (search/entries.py) and is the source the search
    backends read: Wagtail's database search indexes it, and Elasticsearch holds a copy.
    """

    key = models.CharField(max_length=80, unique=True)
    # What produced the entry ("page:12", "term:3", "countypart:2"); re-indexed as a whole.
    source = models.CharField(max_length=40, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=255)
    context = models.CharField(max_length=255, blank=True)
    body = models.TextField(blank=True)
    # Swedish stems and accent-free forms of title and body (search/analysis.py), so the
    # database path matches "mötet" to "möte" and "overtornea" to "Övertorneå".
    analysed = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    actors = models.JSONField(default=list, blank=True)
    municipalities = models.JSONField(default=list, blank=True)
    contact_id = models.PositiveIntegerField(null=True, blank=True)
    # Ranking weight: the agreement in force and routines above superseded versions, etc.
    weight = models.FloatField(default=1.0)

    objects = SearchEntryQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.SearchField("analysed"),
        index.FilterField("kind"),
        index.FilterField("source"),
    ]

    class Meta:
        verbose_name = _("sökpost")
        verbose_name_plural = _("sökposter")

    def __str__(self) -> str:
        return self.title


class PendingIndexUpdate(models.Model):
    """A change Elasticsearch has not yet received; retried until it has."""

    source = models.CharField(max_length=40, unique=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("väntande indexering")
        verbose_name_plural = _("väntande indexeringar")

    def __str__(self) -> str:
        return self.source


class QueryStatistic(models.Model):
    """How often a query was searched in a week, and how often it found nothing.

    Only the query text is kept — no user, no time of day, no address. Queries with a
    personnummer never get here (search/services.py).
    """

    week = models.DateField(_("Vecka (måndag)"), db_index=True)
    query = models.CharField(_("Sökning"), max_length=200)
    searches = models.PositiveIntegerField(_("Sökningar"), default=0)
    zero_results = models.PositiveIntegerField(_("Utan träffar"), default=0)

    class Meta:
        verbose_name = _("sökstatistik")
        verbose_name_plural = _("sökstatistik")
        constraints = [
            models.UniqueConstraint(fields=["week", "query"], name="unique_query_per_week")
        ]

    def __str__(self) -> str:
        return f"{self.week}: {self.query}"
