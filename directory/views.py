from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from portal.security import same_origin
from portal.visibility import public

from . import services
from .forms import ChooseMunicipalityForm, SituationFinderForm
from .models import Contact, DirectoryIndexPage, LocalRoutinePage, MunicipalityPage
from .printing import qr_svg
from .vcard import contact_vcard, vcard_filename


def situation_finder(request, page: DirectoryIndexPage):
    """The directory start: the finder (a plain GET form), municipalities, county-wide contacts."""
    remembered = services.remembered_municipality(request)
    municipalities = services.municipalities()
    if "kommun" in request.GET or "situation" in request.GET:
        form = SituationFinderForm(request.GET, municipalities=municipalities)
    else:
        form = SituationFinderForm(
            initial={"kommun": remembered.slug if remembered else ""},
            municipalities=municipalities,
        )
    result = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            municipality = form.cleaned_data["kommun"]
            situation = form.cleaned_data["situation"]
            contacts = sorted(
                services.contacts_for(municipality).filter(situations=situation),
                key=services.scope_rank,
            )
            result = {"municipality": municipality, "situation": situation, "contacts": contacts}
        else:
            status = 400
    county_parts: dict = {}
    for municipality in municipalities:
        county_parts.setdefault(municipality.county_part, []).append(municipality)
    county_contacts = (
        page.contacts.all()
        if getattr(request, "is_preview", False)
        else Contact.objects.filter(directory=page).order_by("sort_order", "pk")
    )
    response = render(
        request,
        "directory/directory_index_page.html",
        {
            "page": page,
            "self": page,
            "form": form,
            "result": result,
            "remembered": remembered,
            "county_parts": sorted(county_parts.items(), key=lambda item: item[0].sort_order),
            "county_contacts": county_contacts,
        },
        status=status,
    )
    if result:
        services.remember_municipality(request, response, result["municipality"])
    return response


def municipality_page(request, page: MunicipalityPage):
    contacts = services.contacts_for_page(request, page)
    response = render(
        request,
        "directory/municipality_page.html",
        {
            "page": page,
            "self": page,
            "arranged": services.arrange(contacts),
            "local_routines": public(LocalRoutinePage.objects.child_of(page).live()).order_by(
                "title"
            ),
        },
    )
    if page.live and not getattr(request, "is_preview", False):
        services.remember_municipality(request, response, page)
    return response


def municipality_print_card(request, page: MunicipalityPage):
    """Our digital 'Gröna kortet': the key numbers on one printable page."""
    page_url = page.get_full_url(request)
    return render(
        request,
        "directory/print_card.html",
        {
            "page": page,
            "self": page,
            "arranged": services.arrange(services.contacts_for_page(request, page)),
            "printed_on": timezone.localdate(),
            "page_url": page_url,
            "qr_code": qr_svg(page_url),
        },
    )


# The form is on every routine page; a CSRF token would make those pages uncacheable. It
# only sets a preference cookie, so it is checked by its Origin instead.
@csrf_exempt
@require_POST
def choose_municipality(request):
    """Remember a municipality chosen on a routine page and go back there."""
    if not same_origin(request):
        return HttpResponseForbidden("Valet kom inte från portalen.")
    form = ChooseMunicipalityForm(request.POST, municipalities=services.municipalities())
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
    services.remember_municipality(request, response, form.cleaned_data["kommun"])
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
