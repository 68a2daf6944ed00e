from django.template.response import TemplateResponse

from .services import search_site


def search(request):
    outcome = search_site(request.GET.get("q", ""), request.GET.get("sida", 1))
    return TemplateResponse(request, "search/search.html", {"outcome": outcome})
