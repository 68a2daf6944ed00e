"""Queries and the remembered municipality, shared by the directory, routines and search."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.http import HttpRequest, HttpResponse

from guidance.text import swedish_sort_key
from portal.visibility import public

from .models import ACTOR_ORDER, Contact, ContactActor, MunicipalityPage

COOKIE_NAME = "norrbus_kommun"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def municipalities():
    """Live, public municipality pages with their county part, in Swedish alphabetical order."""
    pages = public(MunicipalityPage.objects.live()).select_related("county_part")
    return sorted(pages, key=lambda page: swedish_sort_key(page.title))


def find_municipality(slug: str | None) -> MunicipalityPage | None:
    if not slug:
        return None
    return (
        public(MunicipalityPage.objects.live())
        .filter(slug=slug)
        .select_related("county_part")
        .first()
    )


def remembered_municipality(request: HttpRequest) -> MunicipalityPage | None:
    return find_municipality(request.COOKIES.get(COOKIE_NAME))


def remember_municipality(
    request: HttpRequest, response: HttpResponse, page: MunicipalityPage
) -> None:
    """Remember the reader's municipality in a cookie (a slug, nothing personal)."""
    if request.COOKIES.get(COOKIE_NAME) == page.slug:
        return
    response.set_cookie(
        COOKIE_NAME,
        page.slug,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure(),
    )


def contacts_for(municipality: MunicipalityPage):
    """Everything a reader in the municipality may call, with what the template needs loaded.

    Not the municipality page itself: a page row is wide and costly to build for every
    contact, and the pages that list contacts already have it."""
    return (
        Contact.objects.published()
        .for_municipality(municipality)
        .select_related("county_part")
        .prefetch_related("situations")
        .order_by("sort_order", "pk")
    )


def contacts_for_page(request: HttpRequest, municipality: MunicipalityPage) -> list[Contact]:
    """As contacts_for, but a preview shows the page's own contacts as they are in the draft."""
    if not getattr(request, "is_preview", False):
        return list(contacts_for(municipality))
    shared = (
        Contact.objects.published()
        .filter(Q(county_part_id=municipality.county_part_id) | Q(directory__isnull=False))
        .select_related("county_part")
        .order_by("sort_order", "pk")
    )
    return [*municipality.contacts.all(), *shared]


def scope_rank(contact: Contact) -> int:
    """Local first, then the county part, then the whole county."""
    return {"kommun": 0, "lansdel": 1, "lan": 2}[contact.scope]


@dataclass
class ActorGroup:
    actor: str
    label: str
    contacts: list[Contact] = field(default_factory=list)


@dataclass
class MunicipalityContacts:
    urgent: list[Contact]
    groups: list[ActorGroup]
    norrbus_contacts: list[Contact]


def arrange(contacts) -> MunicipalityContacts:
    """Urgent and out-of-hours contacts first; the rest grouped by actor, local before shared."""
    contacts = sorted(contacts, key=scope_rank)
    urgent = [c for c in contacts if c.is_urgent or c.out_of_hours]
    groups = {actor: ActorGroup(actor, ContactActor(actor).label) for actor in ACTOR_ORDER}
    for contact in contacts:
        if contact not in urgent:
            groups[contact.actor].contacts.append(contact)
    return MunicipalityContacts(
        urgent=urgent,
        groups=[group for group in groups.values() if group.contacts],
        norrbus_contacts=[c for c in contacts if c.is_norrbus_contact],
    )


def contacts_by_actor(contacts) -> dict[str, list[Contact]]:
    by_actor: dict[str, list[Contact]] = {actor: [] for actor in ACTOR_ORDER}
    for contact in sorted(contacts, key=scope_rank):
        by_actor[contact.actor].append(contact)
    return by_actor
