"""What other apps ask of the directory: the municipalities, the reader's remembered one, and
the contacts that belong beside a routine's steps."""

from django.http import HttpRequest

from .arrangement import MunicipalityContacts, arrange, contacts_by_actor
from .models import Contact, MunicipalityPage


def municipalities() -> list[MunicipalityPage]:
    """Live, public municipality pages with their county part, in Swedish alphabetical order."""
    return MunicipalityPage.sorted_readable()


def remembered_municipality(request: HttpRequest) -> MunicipalityPage | None:
    return MunicipalityPage.remembered(request)


def municipality_contacts(municipality: MunicipalityPage) -> MunicipalityContacts:
    """A municipality's published contacts arranged as on its printable card: urgent first,
    then by actor, local before shared."""
    return arrange(Contact.objects.for_reader(municipality))


def step_contacts(request: HttpRequest, steps) -> dict:
    """Pair each routine step with the contacts it names ("Kontakta") in the reader's
    remembered municipality, and what the page needs to let the reader choose one."""
    needs_contacts = any(step.value.get("contact_actors") for step in steps)
    municipality = remembered_municipality(request) if needs_contacts else None
    by_actor = contacts_by_actor(Contact.objects.for_reader(municipality)) if municipality else {}
    step_rows = []
    for step in steps:
        contacts = [
            contact
            for actor in step.value.get("contact_actors") or []
            for contact in by_actor.get(actor, [])
            if not contact.out_of_hours
        ]
        step_rows.append((step, contacts))
    return {
        "step_rows": step_rows,
        "needs_contacts": needs_contacts,
        "contact_municipality": municipality,
        "municipality_choices": municipalities() if needs_contacts else [],
    }
