"""How contacts are ordered and grouped for readers: local before shared, urgent and
out-of-hours first, then by actor. Plain functions over contacts (directory.models.Contact)
already read from the database."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from portal.actors import ACTOR_ORDER, Actor


def scope_rank(contact) -> int:
    """Local first, then the county part, then the whole county."""
    return {"kommun": 0, "lansdel": 1, "lan": 2}[contact.scope]


@dataclass
class ActorGroup:
    actor: str
    label: str
    contacts: list = field(default_factory=list)


@dataclass
class MunicipalityContacts:
    urgent: list
    groups: list[ActorGroup]
    norrbus_contacts: list


def group_heading(actor: str) -> str:
    """A group's heading: the actor's name, but not 'Annan' for the collaboration functions
    and everything else that is none of the four parties."""
    if actor == Actor.OTHER:
        return str(_("Samverkan och annat stöd"))
    return str(Actor(actor).label)


def arrange(contacts, *, urgent_in_groups: bool = False) -> MunicipalityContacts:
    """Urgent contacts first, then out-of-hours ones, each local before shared; the rest
    grouped by actor, local before shared.

    urgent_in_groups: the urgent and out-of-hours contacts are also in their actor's group
    (the municipality page lists their numbers first and their cards with their actor); by
    default they are only in urgent (the printed cards list each contact once)."""
    contacts = sorted(contacts, key=scope_rank)
    urgent = sorted(
        (c for c in contacts if c.is_urgent or c.out_of_hours),
        key=lambda contact: not contact.is_urgent,
    )
    groups = {actor: ActorGroup(actor, group_heading(actor)) for actor in ACTOR_ORDER}
    for contact in contacts:
        if urgent_in_groups or contact not in urgent:
            groups[contact.actor].contacts.append(contact)
    return MunicipalityContacts(
        urgent=urgent,
        groups=[group for group in groups.values() if group.contacts],
        norrbus_contacts=[c for c in contacts if c.is_norrbus_contact],
    )


def contacts_by_actor(contacts) -> dict[str, list]:
    by_actor: dict[str, list] = {actor: [] for actor in ACTOR_ORDER}
    for contact in sorted(contacts, key=scope_rank):
        by_actor[contact.actor].append(contact)
    return by_actor
