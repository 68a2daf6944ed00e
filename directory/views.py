from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.security import same_origin

from .cookies import remember_municipality
from .forms import ChooseMunicipalityForm
from .models import Contact, MunicipalityPage
from .vcard import contact_vcard, vcard_filename


# The form is on every routine page; a CSRF token would make those pages uncacheable. It
# only sets a preference cookie, so it is checked by its Origin instead.
@csrf_exempt
@require_POST
def choose_municipality(request):
    """Remember a municipality chosen on a routine page and go back there."""
    if not same_origin(request):
        return HttpResponseForbidden("Valet kom inte från portalen.")
    form = ChooseMunicipalityForm(request.POST, municipalities=MunicipalityPage.sorted_readable())
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
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
