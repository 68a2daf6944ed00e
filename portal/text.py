"""Small text helpers: anchors, Swedish alphabetical order, plain text of rich text."""

import re
import unicodedata
from html import unescape

from django.utils.html import strip_tags
from django.utils.text import slugify

# Swedish alphabetical order: å, ä, ö come after z (Python's default puts them elsewhere).
_SWEDISH_TAIL = {"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}"}
_TRANSLITERATE = str.maketrans({"å": "a", "ä": "a", "ö": "o", "Å": "A", "Ä": "A", "Ö": "O"})


def make_anchor(heading: str) -> str:
    """A stable, ASCII anchor id for a heading: "Syfte & mål" -> "syfte-mal"."""
    text = unicodedata.normalize("NFC", heading).translate(_TRANSLITERATE)
    return slugify(text)[:80].strip("-") or "avsnitt"


def swedish_sort_key(text: str) -> str:
    return "".join(_SWEDISH_TAIL.get(char, char) for char in text.casefold())


def swedish_initial(text: str) -> str:
    """The letter a term is filed under on an A–Ö page."""
    first = text.strip()[:1].upper()
    return first if first.isalpha() else "#"


def html_to_paragraphs(html: str) -> list[str]:
    """Plain-text paragraphs of a rich-text value, one per block element or list item."""
    blocks = re.split(r"</(?:p|li|h[1-6]|blockquote)>", html or "")
    paragraphs = []
    for block in blocks:
        text = re.sub(r"\s+", " ", unescape(strip_tags(block))).strip()
        if text:
            paragraphs.append(text)
    return paragraphs


def normalise_heading(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def assign_anchors(sections) -> None:
    """Give every section (anything with a heading and an anchor) a unique anchor, keeping the
    ones editors already gave."""
    taken: set[str] = set()
    for section in sections:
        base = section.anchor or make_anchor(section.heading)
        anchor, suffix = base, 2
        while anchor in taken:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        section.anchor = anchor
        taken.add(anchor)
