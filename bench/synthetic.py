"""Synthetic content at scale: 10,000 pages and 5,000 contacts beside the demo content.

The words come from the demo content itself, so the vocabulary, word lengths and compounds
look like the portal's. Pages are routines (with steps) and content pages under 100
section pages of 100 each; contacts are spread over the 14 municipalities and marked as
examples. Indexing is suspended while generating and the index rebuilt once at the end.
"""

import random

SECTIONS = 100
CONTACTS_PER_BATCH = 1000


def _vocabulary(rng: random.Random) -> list[str]:
    from search.analysis import words
    from search.models import SearchEntry

    found = set()
    for title, body in SearchEntry.objects.values_list("title", "body"):
        found.update(word for word in words(f"{title} {body}") if word.isalpha() and len(word) > 2)
    vocabulary = sorted(found)
    rng.shuffle(vocabulary)
    return vocabulary


def _sentence(rng: random.Random, vocabulary: list[str], length: int) -> str:
    return " ".join(rng.choice(vocabulary) for _ in range(length)).capitalize() + "."


def generate(pages: int = 10_000, contacts: int = 5_000, seed: int = 2026) -> None:
    from django.db import transaction
    from wagtail.models import Page

    from directory.models import MunicipalityPage
    from guidance.models import ContentPage, RoutinePage, SectionPage
    from portal.actors import NORRBUS_VALUES
    from search import indexing

    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    home = Page.objects.get(depth=2).specific
    actors = NORRBUS_VALUES

    with indexing.suspended(), transaction.atomic():
        root = SectionPage(title="Syntetiskt innehåll", slug="syntetiskt", live=True)
        home.add_child(instance=root)
        per_section = max(1, pages // SECTIONS)
        made = 0
        for number in range(SECTIONS):
            if made >= pages:
                break
            section = SectionPage(title=f"Avsnitt {number + 1}", slug=f"avsnitt-{number + 1}")
            root.add_child(instance=section)
            for _ in range(min(per_section, pages - made)):
                made += 1
                title = " ".join(rng.choice(vocabulary) for _ in range(3)).capitalize()
                slug = f"sida-{made}"
                if made % 3 == 0:
                    steps = [
                        {
                            "type": "step",
                            "value": {
                                "title": _sentence(rng, vocabulary, 3)[:-1],
                                "anchor": f"steg-{step}",
                                "roles": [
                                    {"actor": actor, "text": _sentence(rng, vocabulary, 8)}
                                    for actor in rng.sample(actors, 2)
                                ],
                                "contact_actors": [],
                                "body": f"<p>{_sentence(rng, vocabulary, 40)}</p>",
                                "checklist": [_sentence(rng, vocabulary, 6)],
                                "documents": [],
                            },
                        }
                        for step in range(1, 4)
                    ]
                    page = RoutinePage(
                        title=title, slug=slug, summary=_sentence(rng, vocabulary, 20), steps=steps
                    )
                else:
                    body = [
                        {"type": "paragraph", "value": f"<p>{_sentence(rng, vocabulary, 60)}</p>"}
                        for _ in range(4)
                    ]
                    page = ContentPage(
                        title=title, slug=slug, intro=_sentence(rng, vocabulary, 20), body=body
                    )
                section.add_child(instance=page)

        municipalities = list(MunicipalityPage.objects.all())
        from directory.models import Contact

        batch = []
        for number in range(contacts):
            batch.append(
                Contact(
                    municipality=municipalities[number % len(municipalities)],
                    name=f"{_sentence(rng, vocabulary, 3)[:-1]} {number}",
                    actor=rng.choice(actors),
                    email=f"kontakt{number}@example.org",
                    contact_when=_sentence(rng, vocabulary, 12),
                    opening_hours="Vardagar 8–16",
                    is_example=True,
                    sort_order=100 + number,
                )
            )
            if len(batch) == CONTACTS_PER_BATCH:
                Contact.objects.bulk_create(batch)
                batch = []
        Contact.objects.bulk_create(batch)
