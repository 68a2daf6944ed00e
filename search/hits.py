"""What a search backend answers with, the same for Elasticsearch and the database."""

import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import fold, stem
from .models import Kind

SNIPPET_WORDS = 30
# Elasticsearch marks highlights with these private-use characters; the text is escaped
# before they become <mark>, so nothing in the content can become markup.
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    actor: str = ""
    municipality: str = ""

    def __bool__(self) -> bool:
        return bool(self.kind or self.actor or self.municipality)


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    context: str
    url: str
    snippet: SafeString
    contact_id: int | None = None
    # The Contact itself, loaded for the page's contact hits so they show as cards.
    contact: object = None

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label) if self.kind in Kind.values else ""


@dataclass
class BackendResult:
    hits: list[Hit]
    total: int
    # facet name -> {value: count}: what choosing the value (keeping the other facets'
    # choices) would find
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def marked_snippet(text: str) -> SafeString:
    """Escape text carrying HIGHLIGHT_START/END markers and turn the markers into <mark>."""
    html = escape(text)
    html = html.replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")
    return mark_safe(html)


def highlight(text: str, stems: set[str], words: int = SNIPPET_WORDS) -> SafeString:
    """A window of `text` around its first word whose stem is among `stems`, with every such
    word marked. Used by the database path; Elasticsearch highlights itself."""
    text = " ".join((text or "").split())
    matches = [m for m in _TOKEN.finditer(text) if fold(stem(m.group(0).casefold())) in stems]
    tokens = list(_TOKEN.finditer(text))
    if not tokens:
        return mark_safe("")
    if matches:
        first = next(i for i, token in enumerate(tokens) if token.start() == matches[0].start())
        start_token = max(0, first - words // 3)
    else:
        start_token = 0
    end_token = min(len(tokens), start_token + words)
    start = tokens[start_token].start()
    end = tokens[end_token - 1].end()
    marked = []
    cursor = start
    for match in matches:
        if start <= match.start() and match.end() <= end:
            marked += [text[cursor : match.start()], HIGHLIGHT_START, match.group(0), HIGHLIGHT_END]
            cursor = match.end()
    marked.append(text[cursor:end])
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return marked_snippet(prefix + "".join(marked) + suffix)
