"""Reads the demo content in this folder and returns it as plain Python data for `seed_demo`.

Structure is YAML; every rich-text value is Markdown, converted here to the HTML Wagtail
stores. The loader knows which fields are rich text, so the files stay free of markup.
"""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from django.utils.text import slugify
from markdown_it import MarkdownIt

from guidance.blocks import ROLE_TEXT_MAX_LENGTH, SFS_NUMBER
from guidance.models.actors import ACTOR_SECTIONS
from portal.actors import NORRBUS_VALUES

DEMO_DIR = Path(__file__).resolve().parent
# The source documents, in shared/ beside the repository (as in CI and on every development
# machine); NORRBUS_SEEDS_DIR names another folder.
DEFAULT_SEEDS_DIR = DEMO_DIR.parents[2] / "shared" / "seeds"


def seeds_dir() -> Path:
    return Path(os.environ.get("NORRBUS_SEEDS_DIR") or DEFAULT_SEEDS_DIR)


_markdown = MarkdownIt("commonmark", {"html": False})
# A wrapped line in the data is still one line of prose.
_markdown.add_render_rule("softbreak", lambda self, tokens, idx, options, env: " ")


def markdown(text: str | None) -> str:
    """Markdown as Wagtail rich text: HTML without the newlines markdown-it puts between tags."""
    return _markdown.render(text or "").replace("\n", "")


class DemoContentError(ValueError):
    """The demo data does not follow the agreed format; the message names the item."""


def read(name: str) -> Any:
    with (DEMO_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def _only(data: dict, allowed: set[str], where: str) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise DemoContentError(f"{where}: unknown keys {sorted(unknown)}")


# The keys each kind of source may have ("Källa", see sources.yaml for the documents).
SOURCE_KEYS = {
    "agreement": {"agreement"},
    "law": {"law", "sfs", "provision"},
    "document": {"document", "part"},
    "own": {"own"},
}


def documents() -> dict[str, dict]:
    return read("sources")["documents"]


def _text(item: dict, key: str, where: str, *, empty: bool = False) -> str:
    value = item.get(key, "")
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise DemoContentError(f"{where}: `{key}` must be a text in quotes, not {value!r}")
    return value.strip()


def _source(item: Any, documents: dict[str, dict], where: str) -> dict:
    if not isinstance(item, dict):
        raise DemoContentError(f"{where}: a source must be a mapping, not {item!r}")
    kinds = [kind for kind in SOURCE_KEYS if kind in item]
    if len(kinds) != 1:
        raise DemoContentError(
            f"{where}: a source is exactly one of {sorted(SOURCE_KEYS)}, not {sorted(item)}"
        )
    (kind,) = kinds
    _only(item, SOURCE_KEYS[kind], where)
    if kind == "agreement":
        anchor = _text(item, "agreement", where)
        if slugify(anchor) != anchor:
            raise DemoContentError(f"{where}: {anchor!r} is not an agreement section's anchor")
        value = {"anchor": anchor}
    elif kind == "law":
        sfs = _text(item, "sfs", where)
        if not SFS_NUMBER.match(sfs):
            raise DemoContentError(f"{where}: SFS number {sfs!r} is not YYYY:N")
        value = {
            "name": _text(item, "law", where),
            "sfs": sfs,
            "provision": _text(item, "provision", where, empty=True),
        }
    elif kind == "document":
        key = item["document"]
        if key not in documents:
            raise DemoContentError(f"{where}: document {key!r} is not in sources.yaml")
        document = documents[key]
        value = {
            "title": document["title"],
            "part": _text(item, "part", where, empty=True),
            "url": document.get("url", ""),
        }
    else:
        value = {"note": _text(item, "own", where, empty=True)}
    return {"type": kind, "value": value}


def sources(data: dict, where: str, documents: dict[str, dict]) -> list[dict]:
    """The item's `sources:` as raw SourcesBlock data. A missing list is empty (the demo
    sources test reports it); a malformed one stops seeding here, naming the item."""
    items = data.get("sources", [])
    if not isinstance(items, list):
        raise DemoContentError(f"{where}: `sources:` must be a list")
    return [_source(item, documents, f"{where}, source {n}") for n, item in enumerate(items, 1)]


def _rich(data: dict, *fields: str) -> dict:
    return {key: markdown(value) if key in fields else value for key, value in data.items()}


def _stream(items: list[dict], diagrams: dict) -> list[dict]:
    """`- heading: text`, `- paragraph: markdown`, `- callout: {...}` and the diagrams, which
    name a shared definition in diagrams.yaml, as raw StreamField data."""
    blocks = []
    for item in items:
        ((kind, value),) = item.items()
        if kind == "heading":
            value = {"text": value, "level": "h2"}
        elif kind == "paragraph":
            value = markdown(value)
        elif kind == "callout":
            value = {
                "kind": value["kind"],
                "title": value["title"],
                "text": markdown(value["text"]),
            }
        elif kind == "process_diagram":
            value = {"title": value["title"], "steps": diagrams["process_steps"][value["steps"]]}
        elif kind == "structure_diagram":
            levels = diagrams["structure_levels"][value["levels"]]
            value = {"title": value["title"], "levels": levels}
        else:
            raise ValueError(f"Unknown block in the demo content: {kind}")
        blocks.append({"type": kind, "value": value})
    return blocks


def _page(data: dict, diagrams: dict) -> dict:
    return {**data, "body": _stream(data["body"], diagrams)} if "body" in data else dict(data)


def site() -> dict:
    return read("site")


def pages() -> dict[str, dict]:
    """The free-standing content pages, by slug. `parent:` (a slug) places a page below
    another page; without it the page sits below the start page."""
    diagrams, docs = read("diagrams"), documents()
    result = {}
    for page in read("pages"):
        where = f"pages.yaml: page {page['slug']!r}"
        result[page["slug"]] = {**_page(page, diagrams), "sources": sources(page, where, docs)}
    return result


def agreement() -> dict:
    """The index page and the versions. A version's `seed` is the path of the document whose
    text it shows (None for a record without text); its `sections` are the portal's own
    summaries, by anchor, with the heading and level the document gives them."""
    data = read("agreement")
    versions = []
    for version in data["versions"]:
        version = _rich(version, "summary")
        seed = version.pop("seed_file", None)
        version["seed"] = seeds_dir() / seed if seed else None
        version["sections"] = version.get("sections", [])
        versions.append(version)
    return {"page": _rich(data["page"], "intro"), "versions": versions}


ACTOR_RICH_TEXT = ("mission", "legal_basis", "role_in_norrbus", "when_to_involve", "what_to_expect")


def _actor(actor: dict, docs: dict) -> dict:
    """An actor page's fields; `sources:` maps each section to its list."""
    where = f"actors.yaml: actor {actor['actor']!r}"
    actor = dict(actor)
    by_section = actor.pop("sources", {})
    if not isinstance(by_section, dict):
        raise DemoContentError(f"{where}: `sources:` must map each section to its list")
    _only(by_section, set(ACTOR_SECTIONS), f"{where}, sources")
    for section in ACTOR_SECTIONS:
        actor[f"{section}_sources"] = sources(
            {"sources": by_section.get(section, [])}, f"{where}, section {section!r}", docs
        )
    actor["misunderstandings"] = [
        {
            **myth,
            "sources": sources(myth, f"{where}, misunderstanding {myth.get('belief', '')!r}", docs),
        }
        for myth in actor.get("misunderstandings", [])
    ]
    for myth in actor["misunderstandings"]:
        _only(myth, {"belief", "clarification", "sources"}, f"{where}, misunderstanding")
    return _rich(actor, *ACTOR_RICH_TEXT)


def actors() -> dict:
    data, docs = read("actors"), documents()
    return {"page": data["page"], "actors": [_actor(actor, docs) for actor in data["actors"]]}


STEP_KEYS = {"title", "anchor", "roles", "contact", "body", "checklist", "sources"}


def _roles(step: dict, where: str) -> list[dict]:
    """`roles:` maps each actor that acts in the step to what it does there (a text in
    quotes); `{}` for a step none of the four performs. Required, so that every step says."""
    if "roles" not in step:
        raise DemoContentError(f"{where}: `roles:` is missing (write `roles: {{}}` for none)")
    roles = step["roles"]
    if not isinstance(roles, dict):
        raise DemoContentError(f"{where}: `roles:` must map actors to texts, not {roles!r}")
    unknown = sorted(set(roles) - set(NORRBUS_VALUES))
    if unknown:
        raise DemoContentError(
            f"{where}, roles: unknown actors {unknown} (one of {NORRBUS_VALUES})"
        )
    result = []
    for actor, text in roles.items():
        text = _text(roles, actor, f"{where}, roles")
        if len(text) > ROLE_TEXT_MAX_LENGTH:
            raise DemoContentError(
                f"{where}, roles: the text for {actor} is longer than {ROLE_TEXT_MAX_LENGTH}"
                " characters"
            )
        result.append({"actor": actor, "text": text})
    return result


def _step(step: dict, where: str, docs: dict) -> dict:
    where = f"{where}, step {step.get('title', '')!r}"
    _only(step, STEP_KEYS, where)
    return {
        "type": "step",
        "value": {
            "title": step["title"],
            "anchor": step.get("anchor", ""),
            "roles": _roles(step, where),
            "contact_actors": step.get("contact", []),
            "body": markdown(step["body"]),
            "checklist": step.get("checklist", []),
            "documents": [],
            "sources": sources(step, where, docs),
        },
    }


def routines() -> dict:
    data, docs = read("routines"), documents()
    return {
        "page": data["page"],
        "routines": [
            {
                **routine,
                "steps": [
                    _step(step, f"routines.yaml: routine {routine['slug']!r}", docs)
                    for step in routine["steps"]
                ],
            }
            for routine in data["routines"]
        ],
    }


def glossary() -> dict:
    data, docs = read("glossary"), documents()
    return {
        **data,
        "terms": [
            {**term, "sources": sources(term, f"glossary.yaml: term {term['term']!r}", docs)}
            for term in data["terms"]
        ],
    }


def _question(question: dict, where: str, docs: dict) -> dict:
    where = f"{where}, question {question.get('question', '')!r}"
    _only(question, {"question", "options", "sources"}, where)
    return {
        "type": "question",
        "value": {
            "question": question["question"],
            "options": question["options"],
            "sources": sources(question, where, docs),
        },
    }


def training() -> dict:
    data = read("training")
    diagrams, docs = read("diagrams"), documents()
    modules = []
    for module in data["modules"]:
        lessons = []
        for lesson in module["lessons"]:
            where = f"training.yaml: lesson {lesson['slug']!r}"
            lessons.append(
                {
                    **lesson,
                    "body": _stream(lesson["body"], diagrams),
                    "references": lesson.get("references", []),
                    "questions": [_question(q, where, docs) for q in lesson.get("questions", [])],
                    "sources": sources(lesson, where, docs),
                }
            )
        goals = "\n".join(module["learning_goals"])
        modules.append({**module, "learning_goals": goals, "lessons": lessons})
    return {"page": data["page"], "modules": modules, "paths": data["paths"]}


def _fiction_numbers(first: str, last: str) -> Iterator[str]:
    """'070-174 06 05' to '070-174 06 99': the range PTS reserves for fiction."""
    prefix, start = first.rsplit(" ", 1)
    stop = int(last.rsplit(" ", 1)[1])
    return (f"{prefix} {n:02d}" for n in range(int(start), stop + 1))


def _contacts(
    templates: list[dict], rules: dict, numbers: Iterator[str], **names: str
) -> list[dict]:
    contacts = []
    for template in templates:
        contact = {
            key: value.format(**names) if isinstance(value, str) else value
            for key, value in template.items()
        }
        if contact.get("phone") == "fiction":
            contact["phone"] = next(numbers)
        contacts.append(
            {
                "phone": "",
                "email": "",
                "situations": [],
                "verified_on": rules["verified_on"],
                "verified_by": rules["verified_by"],
                "is_example": True,
                **contact,
            }
        )
    return contacts


def directory() -> dict:
    """The directory with every contact spelled out. The fiction numbers are handed out in the
    order the file lists the contacts: the county, the county parts, then the municipalities."""
    data = read("directory")
    rules, stale = data["examples"], data["stale"]
    numbers = _fiction_numbers(*rules["fiction_numbers"])
    county = _contacts(data["county_contacts"], rules, numbers)
    parts = [
        {
            **part,
            "contacts": _contacts(
                data["county_part_contacts"], rules, numbers, name=part["name"], slug=part["slug"]
            ),
        }
        for part in data["county_parts"]
    ]
    forum = dict(data["forum"])
    deviation_email = forum.pop("deviation_email")
    for part in parts:
        municipalities = []
        for name in part["municipalities"]:
            slug = slugify(name)
            checked = {**rules, **stale} if name in stale["municipalities"] else rules
            contacts = _contacts(
                data["municipality_contacts"],
                checked,
                numbers,
                name=name,
                slug=slug,
                official=data["official_names"][name],
            )
            municipalities.append(
                {
                    "name": name,
                    "slug": slug,
                    "contacts": contacts,
                    "deviation_email": deviation_email.format(slug=slug),
                }
            )
        part["municipalities"] = municipalities
    return {
        "page": data["page"],
        "county_contacts": county,
        "situations": data["situations"],
        "county_parts": parts,
        "forum": forum,
        "local_routine": _page(data["local_routine"], read("diagrams")),
    }
