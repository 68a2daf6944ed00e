"""What other apps ask of the directory: the municipalities, the reader's remembered one, and
the contacts that belong beside a routine's steps."""

from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from portal.actors import NORRBUS_CHOICES, Actor

from .arrangement import MunicipalityContacts, arrange, contacts_by_actor
from .models import Contact, MunicipalityPage, NorrbusBody

NORRBUS_CONTACT = "norrbuskontakt"
FORUM = "forum"
SOCIAL_SERVICES_ON_CALL = "socialjour"
# Whom a routine step can tell the reader to contact: one of the four parties (their contacts
# for office hours), social services out of hours, or one of the agreement's collaboration
# functions (the municipality's Norrbus contact, its Forum barn och unga, the county part's
# samverkansgrupp, Samverkansstruktur målgrupp barn och unga).
STEP_CONTACT_CHOICES = [
    *NORRBUS_CHOICES,
    (SOCIAL_SERVICES_ON_CALL, _("Socialjouren (utanför kontorstid)")),
    (NORRBUS_CONTACT, _("Kommunens Norrbuskontakt")),
    (FORUM, _("Forum barn och unga i kommunen")),
    (NorrbusBody.COUNTY_PART_GROUP.value, NorrbusBody.COUNTY_PART_GROUP.label),
    (NorrbusBody.COUNTY_STRUCTURE.value, NorrbusBody.COUNTY_STRUCTURE.label),
]


@dataclass
class StepContacts:
    """The contacts beside one step, and the municipality whose Forum the step names."""

    contacts: list = field(default_factory=list)
    forum: MunicipalityPage | None = None

    def __bool__(self) -> bool:
        return bool(self.contacts or self.forum)


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
    readers = list(Contact.objects.for_reader(municipality)) if municipality else []
    by_target = {
        actor: [c for c in contacts if not c.out_of_hours]
        for actor, contacts in contacts_by_actor(readers).items()
    }
    by_target[SOCIAL_SERVICES_ON_CALL] = [
        c for c in readers if c.out_of_hours and c.actor == Actor.SOCIAL_SERVICES
    ]
    by_target[NORRBUS_CONTACT] = [c for c in readers if c.is_norrbus_contact]
    for body in (NorrbusBody.COUNTY_PART_GROUP, NorrbusBody.COUNTY_STRUCTURE):
        by_target[body.value] = [c for c in readers if c.norrbus_body == body]
    step_rows = []
    for step in steps:
        targets = step.value.get("contact_actors") or []
        row = StepContacts(forum=municipality if municipality and FORUM in targets else None)
        for target in targets:
            for contact in by_target.get(target, []):
                if contact not in row.contacts:
                    row.contacts.append(contact)
        step_rows.append((step, row))
    return {
        "step_rows": step_rows,
        "needs_contacts": needs_contacts,
        "contact_municipality": municipality,
        "municipality_choices": municipalities() if needs_contacts else [],
    }
