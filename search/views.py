from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from directory.cookies import remembered_slug
from directory.models import MunicipalityPage
from guidance.models import GlossaryPage
from portal.actors import NORRBUS_VALUES
from portal.privacy import find_identity_numbers, remove_identity_numbers
from portal.visibility import public

from . import analytics
from .hits import Filters
from .models import Kind
from .services import autocomplete, search_site

FILTER_PARAMS = {"typ": "kind", "aktor": "actor", "kommun": "municipality"}
# Every query parameter the search page reads (the page cache keys on these only).
PARAMS = ("q", "sida", "pnr", *FILTER_PARAMS)


def _filters(request) -> Filters:
    """The facets chosen in the query string; values that are not facets are ignored."""
    allowed = {
        "kind": set(Kind.values),
        "actor": set(NORRBUS_VALUES),
        "municipality": set(MunicipalityPage.objects.values_list("slug", flat=True))
        if request.GET.get("kommun")
        else set(),
    }
    chosen = {}
    for param, name in FILTER_PARAMS.items():
        value = request.GET.get(param, "")
        if value in allowed[name]:
            chosen[name] = value
    return Filters(**chosen)


@require_GET
def search(request):
    query = request.GET.get("q", "")
    if find_identity_numbers(query):
        # Take the number out of the address at once, so it stays out of history and logs.
        params = {"q": remove_identity_numbers(query), "pnr": "1"}
        return HttpResponseRedirect(f"{request.path}?{urlencode(params)}", status=303)
    filters = _filters(request)
    # After the redirect below: what is left of a query that held a personnummer is not
    # recorded either.
    number_removed = request.GET.get("pnr") == "1"
    outcome = search_site(
        query,
        request.GET.get("sida", 1),
        filters,
        record=not number_removed,
        remembered=remembered_slug(request),
    )
    outcome.identity_number_removed |= number_removed
    base = {"q": outcome.query}
    chosen = {param: getattr(filters, name) for param, name in FILTER_PARAMS.items()}
    param_of = {name: param for param, name in FILTER_PARAMS.items()}
    for facet in outcome.facets:
        param = param_of[facet.name]
        for option in facet.options:
            # Choosing an option narrows the search; choosing it again removes the filter.
            params = {**base, **chosen, param: "" if option.selected else option.value}
            option.url = urlencode({key: value for key, value in params.items() if value})
    glossary = public(GlossaryPage.objects.live()).first()
    filter_query = urlencode({**base, **{k: v for k, v in chosen.items() if v}})
    context = {
        "glossary_url": glossary.url if glossary else "",
        "outcome": outcome,
        "base_query": urlencode(base),
        "filter_query": filter_query,
        "chosen": chosen,
    }
    local = outcome.municipality
    if local and local.named:
        offer_choice = False
        if local.query_without:
            # The same search without the municipality's name (and its filters kept).
            without = {"q": local.query_without, **{k: v for k, v in chosen.items() if v}}
            context["without_municipality_query"] = urlencode(without)
    elif local:
        offer_choice = True
    else:
        # None known: offered when the hits hold more than one municipality's contacts.
        options = next((f.options for f in outcome.facets if f.name == "municipality"), [])
        context["municipality_count"] = sum(1 for option in options if option.count)
        offer_choice = context["municipality_count"] > 1
    if offer_choice:
        # Choosing (another) municipality comes back to this search.
        context["choose_municipality_url"] = (
            reverse("directory:choose_municipality")
            + "?"
            + urlencode({"next": f"{request.path}?{filter_query}"})
        )
    response = TemplateResponse(request, "search/search.html", context)
    # Kept with the page in the page cache: each reader served the cached page is counted.
    response.recorded_search = outcome.recorded
    return response


def count_cached_search(request, response) -> None:
    """The page cache served a search page: count the search as the view would have."""
    recorded = getattr(response, "recorded_search", None)
    if recorded:
        analytics.record(*recorded)


@require_GET
def suggestions(request):
    return JsonResponse({"suggestions": autocomplete(request.GET.get("q", ""))})
