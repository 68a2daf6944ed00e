"""Section-by-section comparison of two agreement versions ("Vad har ändrats?")."""

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.text import assign_anchors, html_to_paragraphs, normalise_heading

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_BREAK = "\n\n"


class Section(Protocol):
    """A section of an agreement version (guidance.models.Section)."""

    heading: str
    anchor: str
    body: str


class Change(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass
class SectionChange:
    change: Change
    old: Section | None
    new: Section | None
    diff: SafeString

    @property
    def section(self) -> Section:
        return self.new or self.old

    @property
    def heading_changed(self) -> bool:
        return bool(self.old and self.new and self.old.heading != self.new.heading)


def _key(section: Section) -> str:
    return section.anchor or normalise_heading(section.heading)


def _text(section: Section) -> str:
    return _BREAK.join(html_to_paragraphs(section.body))


def _tokens(text: str) -> list[str]:
    return [_BREAK if "\n\n" in tok else tok for tok in _TOKEN.findall(text)]


def _marked(tokens: list[str], tag: str | None) -> str:
    """Escape tokens, wrap runs in <ins>/<del>, and turn paragraph breaks into </p><p>."""
    label = {"ins": "Tillagt: ", "del": "Borttaget: "}
    out, run = [], []

    def flush():
        if run:
            text = escape("".join(run))
            if tag:
                text = f'<{tag}><span class="visually-hidden">{label[tag]}</span>{text}</{tag}>'
            out.append(text)
            run.clear()

    for token in tokens:
        if token == _BREAK:
            flush()
            out.append("</p><p>")
        else:
            run.append(token)
    flush()
    return "".join(out)


def diff_text(old: str, new: str) -> SafeString:
    """Word-level diff of two plain texts as HTML paragraphs with <del> and <ins>."""
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(_marked(a[i1:i2], None))
        else:
            if i2 > i1:
                parts.append(_marked(a[i1:i2], "del"))
            if j2 > j1:
                parts.append(_marked(b[j1:j2], "ins"))
    html = f"<p>{''.join(parts)}</p>"
    return mark_safe(re.sub(r"<p>\s*</p>", "", html))


def compare_versions(old, new) -> list[SectionChange]:
    """Pair the sections of two agreement versions by anchor (or heading) and report what was
    added, removed or changed."""
    old_sections, new_sections = list(old.sections.all()), list(new.sections.all())
    assign_anchors(old_sections)
    assign_anchors(new_sections)
    old_by_key = {_key(s): s for s in old_sections}
    new_keys = {_key(s) for s in new_sections}

    changes: list[SectionChange] = []
    matcher = difflib.SequenceMatcher(
        None, [_key(s) for s in old_sections], [_key(s) for s in new_sections], autojunk=False
    )
    for _op, i1, i2, j1, j2 in matcher.get_opcodes():
        for section in old_sections[i1:i2]:
            if _key(section) not in new_keys:
                changes.append(
                    SectionChange(Change.REMOVED, section, None, diff_text(_text(section), ""))
                )
        for section in new_sections[j1:j2]:
            previous = old_by_key.get(_key(section))
            if previous is None:
                changes.append(
                    SectionChange(Change.ADDED, None, section, diff_text("", _text(section)))
                )
                continue
            old_text, new_text = _text(previous), _text(section)
            same = old_text == new_text and previous.heading == section.heading
            changes.append(
                SectionChange(
                    Change.UNCHANGED if same else Change.CHANGED,
                    previous,
                    section,
                    diff_text(old_text, new_text),
                )
            )
    return changes


def summarise(changes: list[SectionChange]) -> dict[str, int]:
    return {change.value: sum(1 for c in changes if c.change == change) for change in Change}
