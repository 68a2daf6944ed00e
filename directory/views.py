from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.security import same_origin

from .cookies import remember_municipality
from .forms import ChooseMunicipalityForm
from .models import Contact, MunicipalityPage
from .vcard import contact_vcard, vcard_filename


def _next_url(request, value: str) -> str:
    if url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return "/"


# The form is on every routine page; a CSRF token would make those pages uncacheable. It
# only sets a preference cookie, so it is checked by its Origin instead. Opened (GET), it is
# the form on a page of its own, where search's "Byt kommun" leads; that page holds the
# address to go back to, so it is not shared through the page cache.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def choose_municipality(request):
    """Remember a municipality chosen on a routine page (or on this page) and go back."""
    municipalities = MunicipalityPage.sorted_readable()
    if request.method == "GET":
        remembered = MunicipalityPage.remembered(request)
        form = ChooseMunicipalityForm(
            municipalities=municipalities,
            initial={"kommun": remembered.slug if remembered else ""},
        )
        context = {"form": form, "next": _next_url(request, request.GET.get("next", ""))}
        return render(request, "directory/choose_municipality.html", context)
    if not same_origin(request):
        return HttpResponseForbidden("Valet kom inte från portalen.")
    form = ChooseMunicipalityForm(request.POST, municipalities=municipalities)
    next_url = _next_url(request, request.POST.get("next", ""))
    if not form.is_valid():
        return render(
            request,
            "directory/choose_municipality.html",
            {"form": form, "next": next_url},
            status=400,
        )
    response = HttpResponseRedirect(next_url)
    remember_municipality(request, response, form.cleaned_data["kommun"])
    return response


def vcard(request, pk: int):
    contact = (
        Contact.objects.published()
        .select_related("municipality", "county_part")
        .filter(pk=pk)
        .first()
    )
    if contact is None:
        raise Http404
    response = HttpResponse(contact_vcard(contact), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{vcard_filename(contact)}"'
    return response
