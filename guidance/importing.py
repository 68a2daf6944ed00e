"""Read an agreement document (plain text in the seed file's shape, or .docx with heading
styles) into sections, and create a draft version from it for an editor to review."""

import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.html import escape, strip_tags
from django.utils.text import slugify

from portal.text import assign_anchors, normalise_heading

from .models import AgreementIndexPage, AgreementSection, AgreementVersionPage

SUPPORTED_SUFFIXES = (".txt", ".docx")
_TERMINAL = (".", "!", "?", ":", ";")
_BULLET = re.compile(r"^\s*(?:[-•*]\s*)?[✦•]\s*(?P<text>.+)$|^\s*[-•*]\s+(?P<plain>.+)$")
_DOTTED_TOC = re.compile(r"^(?P<title>.*?\S)\s*(?:\.{2,}|…+)\s*(?P<page>\d{1,3})$")
_EFFECTIVE = re.compile(r"träder i kraft\s+(?:den\s+)?(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_ISO_DATE_LINE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)
_HEADING_STYLE = re.compile(r"(?:heading|rubrik)\s*(\d)", re.IGNORECASE)
# A short line treated as a sub-heading the table of contents does not list.
_MAX_SUBHEADING_WORDS = 6


class AgreementImportError(Exception):
    """The document could not be read; the message is for the editor, in Swedish."""


@dataclass
class Block:
    kind: str  # "p" or "li"
    html: str

    @property
    def text(self) -> str:
        return strip_tags(self.html).strip()


@dataclass
class ParsedSection:
    level: int
    heading: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def body_html(self) -> str:
        html, items = [], []
        for block in [*self.blocks, Block("end", "")]:
            if block.kind == "li":
                items.append(f"<li>{block.html}</li>")
                continue
            if items:
                html.append(f"<ul>{''.join(items)}</ul>")
                items = []
            if block.kind == "p":
                html.append(f"<p>{block.html}</p>")
        return "".join(html)


@dataclass
class ParsedAgreement:
    title: str
    effective_date: date | None
    sections: list[ParsedSection]


# ---------------------------------------------------------------- reading files


def read_agreement(path: Path | str) -> ParsedAgreement:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise AgreementImportError(
            f"Filtypen {suffix or '(ingen)'} stöds inte. Använd en textfil (.txt) "
            "eller ett Word-dokument (.docx)."
        )
    if not path.is_file():
        raise AgreementImportError(f"Filen {path.name} finns inte eller är ingen fil.")
    size = path.stat().st_size
    if size == 0:
        raise AgreementImportError(f"Filen {path.name} är tom.")
    if size > settings.AGREEMENT_IMPORT_MAX_BYTES:
        limit = settings.AGREEMENT_IMPORT_MAX_BYTES // (1024 * 1024)
        raise AgreementImportError(f"Filen {path.name} är större än {limit} MB.")
    if suffix == ".docx":
        return parse_docx(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise AgreementImportError(
            f"Filen {path.name} går inte att läsa som text i UTF-8. Spara den som "
            "UTF-8-kodad text och försök igen."
        ) from error
    if "\x00" in text:
        raise AgreementImportError(f"Filen {path.name} är inte en textfil.")
    return parse_text(text)


# ---------------------------------------------------------------- plain text


def _toc_entry(line: str) -> tuple[str, int] | None:
    line = line.rstrip()
    if "\t" in line:
        title, _tab, page = line.rpartition("\t")
        title = title.rstrip(" .…\t")
        if page.strip().isdigit() and title:
            return title.strip(), int(page)
        return None
    match = _DOTTED_TOC.match(line.strip())
    return (match["title"].strip(), int(match["page"])) if match else None


def _inline(text: str) -> str:
    """Escape text and keep the one inline mark the seed uses: *italic*."""
    return re.sub(r"\*(\S(?:.*?\S)?)\*", r"<i>\1</i>", escape(text))


def _to_block(paragraph: str) -> Block:
    bullet = _BULLET.match(paragraph)
    if bullet:
        return Block("li", _inline((bullet["text"] or bullet["plain"]).strip()))
    return Block("p", _inline(paragraph))


def parse_text(text: str) -> ParsedAgreement:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    toc_start = next(
        (i for i, line in enumerate(lines) if line.strip().casefold() == "innehållsförteckning"),
        None,
    )
    if toc_start is None:
        raise AgreementImportError(
            "Hittade ingen innehållsförteckning. Textfilen ska ha en rad "
            "'Innehållsförteckning' följd av rubrikerna med sidnummer."
        )
    title = next((ln.strip() for ln in reversed(lines[:toc_start]) if ln.strip()), "")

    toc: list[tuple[str, int]] = []
    body_start = len(lines)
    for i in range(toc_start + 1, len(lines)):
        if not lines[i].strip():
            continue
        entry = _toc_entry(lines[i])
        if entry is None:
            body_start = i
            break
        toc.append(entry)
    if not toc:
        raise AgreementImportError(
            "Innehållsförteckningen är tom: ingen rad med rubrik och sidnummer hittades."
        )
    has_caps = any(t.isupper() for t, _page in toc)
    expected = [(1 if (t.isupper() or not has_caps) else 2, t) for t, _page in toc]

    paragraphs: list[str] = []
    for line in lines[body_start:]:
        stripped = line.strip()
        if not stripped:
            continue
        paragraphs.append(stripped)

    sections: list[ParsedSection] = []
    position = 0
    for paragraph in paragraphs:
        if position < len(expected) and normalise_heading(paragraph) == normalise_heading(
            expected[position][1]
        ):
            level, heading = expected[position]
            # Use the body's spelling ("Inledning") rather than the TOC's capitals.
            sections.append(ParsedSection(level, paragraph if not paragraph.isupper() else heading))
            position += 1
        elif sections:
            sections[-1].blocks.append(_to_block(paragraph))
    if position < len(expected):
        raise AgreementImportError(
            f"Rubriken '{expected[position][1]}' finns i innehållsförteckningen men hittades "
            "inte i texten (eller står i en annan ordning)."
        )
    for section in sections:
        section.blocks = _join_page_breaks(section.blocks)
    sections = _split_subheadings(sections)

    return ParsedAgreement(
        title=title, effective_date=_find_effective_date(text), sections=sections
    )


def _join_page_breaks(blocks: list[Block]) -> list[Block]:
    """Mend paragraphs a page break cut in two: the first part ends mid-sentence."""
    joined: list[Block] = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == "p"
            and block.kind == "p"
            and not previous.text.endswith(_TERMINAL)
            and (block.text[:1].islower() or len(previous.text.split()) > _MAX_SUBHEADING_WORDS)
        ):
            previous.html = f"{previous.html} {block.html}"
        else:
            joined.append(block)
    return joined


def _is_subheading(blocks: list[Block], i: int) -> bool:
    block = blocks[i]
    if block.kind != "p" or i + 1 >= len(blocks):
        return False
    text, following = block.text, blocks[i + 1]
    before_ok = i == 0 or blocks[i - 1].text.endswith(_TERMINAL)
    return (
        len(text.split()) <= _MAX_SUBHEADING_WORDS
        and text[:1].isupper()
        and not text.endswith(_TERMINAL)
        and following.kind == "p"
        and following.text.endswith(_TERMINAL)
        and before_ok
    )


def _split_subheadings(sections: list[ParsedSection]) -> list[ParsedSection]:
    """Short title-like lines inside a section ("Kallelse") become sub-sections."""
    result: list[ParsedSection] = []
    for section in sections:
        current = ParsedSection(section.level, section.heading)
        result.append(current)
        for i, block in enumerate(section.blocks):
            if _is_subheading(section.blocks, i):
                current = ParsedSection(min(section.level + 1, 3), block.text)
                result.append(current)
            else:
                current.blocks.append(block)
    return result


def _find_effective_date(text: str) -> date | None:
    match = _EFFECTIVE.search(text) or _ISO_DATE_LINE.search(text)
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


# ---------------------------------------------------------------- Word


def _docx_paragraph_html(paragraph) -> str:
    parts = []
    for run in paragraph.runs:
        text = escape(run.text)
        if not text:
            continue
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        parts.append(text)
    return "".join(parts).strip()


def _docx_is_list(paragraph) -> bool:
    style_name = (paragraph.style.name if paragraph.style is not None else "") or ""
    properties = paragraph._p.pPr
    numbered = properties is not None and properties.numPr is not None
    return numbered or "list" in style_name.casefold() or "liststycke" in style_name.casefold()


def parse_docx(path: Path) -> ParsedAgreement:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise AgreementImportError(
            f"Filen {path.name} är inte ett läsbart Word-dokument (.docx)."
        ) from error

    title = ""
    sections: list[ParsedSection] = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = paragraph.style
        names = " ".join(filter(None, [style.name, style.style_id])) if style is not None else ""
        heading = _HEADING_STYLE.search(names)
        if heading:
            sections.append(ParsedSection(max(1, int(heading.group(1))), text))
        elif "title" in names.casefold() and not sections:
            title = text
        elif sections:
            kind = "li" if _docx_is_list(paragraph) else "p"
            sections[-1].blocks.append(Block(kind, _docx_paragraph_html(paragraph)))
    if not sections:
        raise AgreementImportError(
            f"Dokumentet {path.name} har inga rubriker. Ge rubrikerna formatmallen "
            "Rubrik 1, Rubrik 2 eller Rubrik 3 i Word och försök igen."
        )
    top = min(section.level for section in sections)
    for section in sections:
        section.level = min(section.level - top + 1, 3)
    full_text = "\n".join(p.text for p in document.paragraphs)
    return ParsedAgreement(
        title=title or sections[0].heading,
        effective_date=_find_effective_date(full_text),
        sections=sections,
    )


# ---------------------------------------------------------------- creating the draft


def _unique_slug(index: AgreementIndexPage, base: str) -> str:
    slug, suffix = base, 2
    siblings = set(index.get_children().values_list("slug", flat=True))
    while slug in siblings:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def build_sections(parsed: ParsedAgreement) -> list[AgreementSection]:
    """One section per heading, with the document's own text and stable anchors."""
    sections = [
        AgreementSection(level=s.level, heading=s.heading[:200], body=s.body_html, sort_order=i)
        for i, s in enumerate(parsed.sections)
    ]
    assign_anchors(sections)
    return sections


@transaction.atomic
def create_draft_version(
    parsed: ParsedAgreement,
    *,
    source_name: str,
    label: str | None = None,
    effective_date: date | None = None,
    decision_date: date | None = None,
    user=None,
) -> AgreementVersionPage:
    """Create an unpublished version under the agreement index, with one section per heading."""
    index = AgreementIndexPage.objects.first()
    if index is None:
        raise AgreementImportError(
            "Det finns ingen startsida för överenskommelsen att lägga versionen under. "
            "Skapa den först (eller kör seed_demo)."
        )
    effective = effective_date or parsed.effective_date
    if effective is None:
        raise AgreementImportError(
            "Hittade inget datum då överenskommelsen träder i kraft. Ange det med "
            "--effective-date ÅÅÅÅ-MM-DD."
        )
    label = label or f"{effective.year} (import)"
    version = AgreementVersionPage(
        title=parsed.title or f"Norrbus överenskommelse {label}",
        slug=_unique_slug(index, slugify(f"version-{label}") or "version"),
        version_label=label,
        effective_date=effective,
        decision_date=decision_date,
        replaces=AgreementVersionPage.objects.in_force(),
        summary=(
            f"<p>Importerad från {escape(source_name)}. Skriv en sammanfattning med egna "
            "ord innan versionen publiceras.</p>"
        ),
        live=False,
        owner=user,
    )
    version.sections = build_sections(parsed)
    index.add_child(instance=version)
    version.save_revision(user=user, log_action=True)
    return version
