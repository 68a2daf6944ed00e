"""The one place where the site is searched."""

import re
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from wagtail.models import Page

MAX_QUERY_LENGTH = 200
# Query-language characters (quotes, brackets, *, :, operators' symbols) are not passed on:
# staff type words, and the database backends would read the symbols as syntax.
_NOT_A_WORD = re.compile(r"[^\w\s-]|(?<!\w)-|-(?!\w)")
RESULTS_PER_PAGE = 10


@dataclass
class SearchOutcome:
    query: str
    results: PaginatorPage | None
    message: str = ""


def search_site(query: str, page_number: str | int = 1) -> SearchOutcome:
    """Search live, public pages with Wagtail's database backend."""
    query = " ".join(_NOT_A_WORD.sub(" ", query or "").split())
    if not query:
        return SearchOutcome(query="", results=None)
    message = ""
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        message = f"Sökningen var för lång och kortades till {MAX_QUERY_LENGTH} tecken."
    results = Page.objects.live().public().specific().search(query, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    return SearchOutcome(query=query, results=paginator.get_page(page_number), message=message)
