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


def read(name: str) -> Any:
    with (DEMO_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)


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
    """The free-standing content pages, by slug."""
    diagrams = read("diagrams")
    return {page["slug"]: _page(page, diagrams) for page in read("pages")}


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


def actors() -> dict:
    data = read("actors")
    return {"page": data["page"], "actors": [_rich(a, *ACTOR_RICH_TEXT) for a in data["actors"]]}


def _step(step: dict) -> dict:
    return {
        "type": "step",
        "value": {
            "title": step["title"],
            "anchor": step.get("anchor", ""),
            "responsible": step["responsible"],
            "contact_actors": step.get("contact", []),
            "body": markdown(step["body"]),
            "checklist": step.get("checklist", []),
            "documents": [],
        },
    }


def routines() -> dict:
    data = read("routines")
    return {
        "page": data["page"],
        "routines": [
            {**routine, "steps": [_step(step) for step in routine["steps"]]}
            for routine in data["routines"]
        ],
    }


def glossary() -> dict:
    return read("glossary")


def _question(question: dict) -> dict:
    return {
        "type": "question",
        "value": {"question": question["question"], "options": question["options"]},
    }


def training() -> dict:
    data = read("training")
    diagrams = read("diagrams")
    modules = []
    for module in data["modules"]:
        lessons = [
            {
                **lesson,
                "body": _stream(lesson["body"], diagrams),
                "references": lesson.get("references", []),
                "questions": [_question(q) for q in lesson.get("questions", [])],
            }
            for lesson in module["lessons"]
        ]
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
                data["municipality_contacts"], checked, numbers, name=name, slug=slug
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
