"""The tools a routine gives to take away: the meeting kit (printable pages and Word files)
and the checklist as a printable card. Served as sub-pages of the routine
(RoutinePage's routes); nothing a reader ticks or writes is sent to the portal."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify

from directory.printing import qr_svg
from directory.services import municipalities, municipality_contacts, remembered_municipality

from .docx_export import DOCX_CONTENT_TYPE, render_docx
from .meetingkit import TEMPLATES, KitDocument, build_document, has_kit, kit_version, sip_system

VERSION_PARAM = "version"


def _subpage_url(request: HttpRequest, routine, name: str, *args) -> str:
    return routine.get_full_url(request) + routine.reverse_subpage(name, args=args)


def _page_url(routine, base: str, slug: str) -> str:
    return base + routine.reverse_subpage("kit_page", args=[slug])


def _docx_url(routine, base: str, slug: str) -> str:
    """The Word file's address, beside the template's page: …/mallar/<mall>.docx?version=n
    (guidance/urls.py; Wagtail's own routes take no dots)."""
    return base + f"mallar/{slug}.docx?{VERSION_PARAM}={kit_version(routine)}"


def kit_links(request: HttpRequest, routine) -> list[dict]:
    """The kit's templates with the addresses of their page and Word file."""
    base = routine.get_url(request)
    return [
        {
            "slug": slug,
            "title": template.title,
            "page_url": _page_url(routine, base, slug),
            "docx_url": _docx_url(routine, base, slug),
        }
        for slug, template in TEMPLATES.items()
    ]


def checklist_items(routine) -> list[tuple[str, list[str]]]:
    """(step title, checklist items) for every step that has a checklist."""
    return [
        (block.value.get("title", ""), [str(item) for item in block.value.get("checklist")])
        for block in routine.steps
        if block.value.get("checklist")
    ]


def routine_tools(request: HttpRequest, routine) -> dict:
    """What the routine page shows of the tools: the kit's links, the SIP hand-over, and
    what the tickable checklist and its printout carry."""
    has_checklist = any(block.value.get("checklist") for block in routine.steps)
    page_url = routine.get_full_url(request) if has_checklist else ""
    return {
        "kit_links": kit_links(request, routine) if has_kit(routine) else [],
        "sip_system": sip_system(),
        "tool_version": kit_version(routine),
        "checklist_key": f"norrbus-checklista:{routine.pk}:{kit_version(routine)}",
        "card_url": (
            routine.get_url(request) + routine.reverse_subpage("checklist_card")
            if has_checklist
            else ""
        ),
        "printed_on": timezone.localdate(),
        "page_url": page_url,
        "qr_code": qr_svg(page_url) if page_url else "",
    }


def _template_or_404(routine, slug: str):
    if not has_kit(routine) or slug not in TEMPLATES:
        raise Http404("Mallen finns inte.")
    return TEMPLATES[slug]


def _version_problem(request: HttpRequest, routine, slug: str) -> HttpResponse | None:
    """A `version` the link carried that is not the template's current one: the template has
    changed since (or the link was altered). 400, with a link to the current version."""
    given = request.GET.get(VERSION_PARAM)
    current = kit_version(routine)
    if given is None or given == str(current):
        return None
    base = routine.get_url(request)
    return TemplateResponse(
        request,
        "guidance/kit/bad_version.html",
        {
            "page": routine,
            "self": routine,
            "template_title": TEMPLATES[slug].title,
            "stale": given.isdigit() and int(given) < current,
            "current_page_url": _page_url(routine, base, slug),
            "current_docx_url": _docx_url(routine, base, slug),
        },
        status=400,
    )


def _document(request: HttpRequest, routine, slug: str) -> KitDocument:
    return build_document(
        TEMPLATES[slug],
        routine,
        routine_url=routine.get_full_url(request),
        page_url=_subpage_url(request, routine, "kit_page", slug),
        today=timezone.localdate(),
    )


def kit_page(request: HttpRequest, routine, slug: str) -> HttpResponse:
    """The template as a printable page: blank lines and empty cells, no form."""
    _template_or_404(routine, slug)
    problem = _version_problem(request, routine, slug)
    if problem:
        return problem
    document = _document(request, routine, slug)
    return TemplateResponse(
        request,
        "guidance/kit/document.html",
        {
            "page": routine,
            "self": routine,
            "document": document,
            "docx_url": _docx_url(routine, routine.get_url(request), slug),
            "others": [link for link in kit_links(request, routine) if link["slug"] != slug],
            "qr_code": qr_svg(document.page_url),
        },
    )


def kit_docx(request: HttpRequest, routine, slug: str) -> HttpResponse:
    """The template as a Word file with blank fields."""
    _template_or_404(routine, slug)
    problem = _version_problem(request, routine, slug)
    if problem:
        return problem
    document = _document(request, routine, slug)
    response = HttpResponse(render_docx(document), content_type=DOCX_CONTENT_TYPE)
    filename = f"{slugify(routine.slug)}-{slug}-v{document.version}.docx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def checklist_card(request: HttpRequest, routine) -> HttpResponse:
    """The checklist folded into a card: the checklist on one half, the chosen
    municipality's key numbers on the other (?kommun=, else the remembered municipality)."""
    items = checklist_items(routine)
    if not items:
        raise Http404("Rutinen har ingen checklista.")
    choices = municipalities()
    slug = request.GET.get("kommun")
    unknown = False
    if slug is not None:
        municipality = next((m for m in choices if m.slug == slug), None)
        unknown = municipality is None and slug != ""
    else:
        municipality = remembered_municipality(request)
    page_url = routine.get_full_url(request)
    return TemplateResponse(
        request,
        "guidance/checklist_card.html",
        {
            "page": routine,
            "self": routine,
            "items": items,
            "municipality": municipality,
            "municipality_choices": choices,
            "unknown_municipality": unknown,
            "arranged": municipality_contacts(municipality) if municipality else None,
            "tool_version": kit_version(routine),
            "printed_on": timezone.localdate(),
            "page_url": page_url,
            "qr_code": qr_svg(page_url),
        },
        status=400 if unknown else 200,
    )
