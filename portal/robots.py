"""robots.txt: the public pages are for everyone to find; the admin, the learner's account,
search results and the forms that take input are not pages to index."""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Paths a crawler has no reason to open: they are personal, endless (every query is a page)
# or only make sense as a reader's own action.
DISALLOWED = ["/admin/", "/konto/", "/sok/", "/avvikelse/", "/aterkoppling/", "/kontakter/"]


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
