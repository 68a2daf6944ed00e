"""Section-by-section comparison of two agreement versions ("Vad har ändrats?").

Sections are paired by anchor (or heading). Inside a changed section the text is compared
paragraph by paragraph, and inside a changed paragraph sentence by sentence: a sentence that
is mostly the same marks only the words that differ; one rewritten beyond
SENTENCE_REWRITTEN_BELOW is shown whole, removed in the "Före" column and added in the
"Efter" column, never as alternating single words."""

import difflib
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property
from typing import Protocol

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.text import assign_anchors, html_to_paragraphs, normalise_heading

# Word similarity (difflib's ratio over the words, 0 to 1) below which a sentence counts as
# rewritten and is shown whole; from which two paragraphs are compared sentence by sentence
# rather than shown whole as removed and added.
SENTENCE_REWRITTEN_BELOW = 0.5
PARAGRAPHS_PAIRED_FROM = 0.3

_WORDS = re.compile(r"\w+")
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_AFTER_STOP = re.compile(r"(?<=[.!?])\s+")
_LABEL = {"del": "Borttaget: ", "ins": "Tillagt: "}


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


@dataclass(frozen=True)
class Row:
    """A paragraph as it was (`before`) and as it is (`after`), as HTML with <del> and <ins>.
    An unchanged paragraph is the same on both sides and shown once. Paragraphs removed and
    added in one place share a row; where some were only added it has no `before`, where
    some were only removed no `after`."""

    before: SafeString
    after: SafeString
    changed: bool


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.casefold())


def _alike(old: list[str], new: list[str], threshold: float) -> float | None:
    """How much of their wording two texts (as words) share, in order, from 0 to 1: None
    when it is below `threshold` (difflib's cheap upper bounds spare most comparisons)."""
    if not old and not new:
        return 1.0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= threshold else None


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: it breaks after . ! or ? where a capital letter, a digit or a
    sign follows ("t.ex. skolan" stays one sentence)."""
    found: list[str] = []
    for piece in _AFTER_STOP.split(paragraph.strip()):
        if found and piece[:1].islower():
            found[-1] += " " + piece
        elif piece:
            found.append(piece)
    return found


def _pair_similar(old: list[str], new: list[str], threshold: float):
    """Pair, in order, the units of two stretches that differ so that the pairs are as alike
    as possible (each at least `threshold`); the others are removed or added. Yields
    (old, new) with None for the side a unit is missing from, removals before additions."""
    old_words, new_words = [_words(unit) for unit in old], [_words(unit) for unit in new]
    score = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    alike = {}
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            value = _alike(old_words[i], new_words[j], threshold)
            if value is not None:
                alike[i, j] = value
                best = max(best, value + score[i + 1][j + 1])
            score[i][j] = best
    i = j = 0
    removed, added = [], []
    while i < len(old) or j < len(new):
        if (i, j) in alike and score[i][j] == alike[i, j] + score[i + 1][j + 1]:
            yield from ((unit, None) for unit in removed)
            yield from ((None, unit) for unit in added)
            removed, added = [], []
            yield old[i], new[j]
            i, j = i + 1, j + 1
        elif j == len(new) or (i < len(old) and score[i][j] == score[i + 1][j]):
            removed.append(old[i])
            i += 1
        else:
            added.append(new[j])
            j += 1
    yield from ((unit, None) for unit in removed)
    yield from ((None, unit) for unit in added)


def _align(old: list[str], new: list[str], threshold: float) -> list[tuple[str | None, ...]]:
    """Equal units paired with each other; in each stretch that differs, the alike ones."""
    pairs: list[tuple[str | None, ...]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += zip(old[i1:i2], new[j1:j2], strict=True)
        else:
            pairs += _pair_similar(old[i1:i2], new[j1:j2], threshold)
    return pairs


def _mark(text: str, tag: str) -> str:
    return f'<{tag}><span class="visually-hidden">{_LABEL[tag]}</span>{escape(text)}</{tag}>'


def _word_marks(old: str, new: str) -> tuple[str, str]:
    """A sentence that is mostly the same, with the words that differ marked: <del> in the
    old one, <ins> in the new one. A space between two changes is part of the change, so
    that a changed phrase reads as one mark."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[list] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        same = op == "equal"
        if runs and not same and not runs[-1][0]:
            runs[-1][1] += a[i1:i2]
            runs[-1][2] += b[j1:j2]
        else:
            runs.append([same, a[i1:i2], b[j1:j2]])
    for k in range(len(runs) - 2, 0, -1):
        same, gap, _gap = runs[k]
        if same and "".join(gap).isspace() and not runs[k - 1][0] and not runs[k + 1][0]:
            following = runs.pop(k + 1)
            runs.pop(k)
            runs[k - 1][1] += gap + following[1]
            runs[k - 1][2] += gap + following[2]
    before, after = [], []
    for same, old_tokens, new_tokens in runs:
        old_text, new_text = "".join(old_tokens), "".join(new_tokens)
        if same:
            before.append(escape(old_text))
            after.append(escape(new_text))
            continue
        if old_text:
            before.append(_mark(old_text, "del"))
        if new_text:
            after.append(_mark(new_text, "ins"))
    return "".join(before), "".join(after)


def _paragraph_marks(old: str, new: str) -> tuple[str, str]:
    """Two versions of a paragraph compared sentence by sentence."""
    before, after = [], []
    for old_sentence, new_sentence in _align(
        sentences(old), sentences(new), SENTENCE_REWRITTEN_BELOW
    ):
        if old_sentence == new_sentence:
            before.append(escape(old_sentence))
            after.append(escape(new_sentence))
        elif new_sentence is None:
            before.append(_mark(old_sentence, "del"))
        elif old_sentence is None:
            after.append(_mark(new_sentence, "ins"))
        else:
            old_html, new_html = _word_marks(old_sentence, new_sentence)
            before.append(old_html)
            after.append(new_html)
    return " ".join(before), " ".join(after)


def _paragraphs_html(paragraphs) -> SafeString:
    """Paragraphs of HTML already escaped and marked; nothing for none."""
    return mark_safe("".join(f"<p>{html}</p>" for html in paragraphs if html))


def _unchanged_row(paragraph: str) -> Row:
    text = _paragraphs_html([escape(paragraph)])
    return Row(text, text, changed=False)


def diff_paragraphs(old: list[str], new: list[str]) -> list[Row]:
    """Two texts (their plain-text paragraphs) compared: one row per paragraph; paragraphs
    removed and added in the same place share a row, the old beside the new."""
    rows: list[Row] = []
    removed: list[str] = []
    added: list[str] = []

    def flush():
        if removed or added:
            rows.append(
                Row(
                    _paragraphs_html(_mark(text, "del") for text in removed),
                    _paragraphs_html(_mark(text, "ins") for text in added),
                    changed=True,
                )
            )
        removed.clear()
        added.clear()

    for old_paragraph, new_paragraph in _align(old, new, PARAGRAPHS_PAIRED_FROM):
        if new_paragraph is None:
            removed.append(old_paragraph)
        elif old_paragraph is None:
            added.append(new_paragraph)
        else:
            flush()
            if old_paragraph == new_paragraph:
                rows.append(_unchanged_row(new_paragraph))
            else:
                before, after = _paragraph_marks(old_paragraph, new_paragraph)
                rows.append(
                    Row(_paragraphs_html([before]), _paragraphs_html([after]), changed=True)
                )
    flush()
    return rows


def _key(section: Section) -> str:
    return section.anchor or normalise_heading(section.heading)


def _paragraphs(section: Section | None) -> list[str]:
    return html_to_paragraphs(section.body) if section is not None else []


@dataclass
class SectionChange:
    change: Change
    old: Section | None
    new: Section | None

    @property
    def section(self) -> Section:
        return self.new or self.old

    @property
    def heading_changed(self) -> bool:
        return bool(self.old and self.new and self.old.heading != self.new.heading)

    @cached_property
    def rows(self) -> list[Row]:
        """The text paragraph by paragraph; a new or removed section's as it stands, since
        its heading already says what happened to all of it."""
        if self.change in (Change.ADDED, Change.REMOVED):
            return [_unchanged_row(paragraph) for paragraph in _paragraphs(self.section)]
        return diff_paragraphs(_paragraphs(self.old), _paragraphs(self.new))

    @property
    def text_changed(self) -> bool:
        return any(row.changed for row in self.rows)


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
                changes.append(SectionChange(Change.REMOVED, section, None))
        for section in new_sections[j1:j2]:
            previous = old_by_key.get(_key(section))
            if previous is None:
                changes.append(SectionChange(Change.ADDED, None, section))
                continue
            same = (
                _paragraphs(previous) == _paragraphs(section)
                and previous.heading == section.heading
            )
            changes.append(
                SectionChange(Change.UNCHANGED if same else Change.CHANGED, previous, section)
            )
    return changes


@dataclass(frozen=True)
class Group:
    """The sections of a comparison that changed in one way, under a heading of their own
    that the summary's count links to."""

    change: Change
    id: str
    heading: str
    count: int
    count_text: str
    changes: list[SectionChange]


_GROUPS = [
    (Change.CHANGED, "andrade-avsnitt", _("Ändrade avsnitt")),
    (Change.ADDED, "nya-avsnitt", _("Nya avsnitt")),
    (Change.REMOVED, "borttagna-avsnitt", _("Borttagna avsnitt")),
    (Change.UNCHANGED, "oforandrade-avsnitt", _("Oförändrade avsnitt")),
]


def _count_text(change: Change, count: int) -> str:
    if change == Change.CHANGED:
        text = ngettext("%(count)d avsnitt ändrat", "%(count)d avsnitt ändrade", count)
    elif change == Change.ADDED:
        text = ngettext("%(count)d nytt", "%(count)d nya", count)
    elif change == Change.REMOVED:
        text = ngettext("%(count)d borttaget", "%(count)d borttagna", count)
    else:
        text = ngettext(
            "%(count)d avsnitt är oförändrat", "%(count)d avsnitt är oförändrade", count
        )
    return text % {"count": count}


def group(changes: list[SectionChange]) -> list[Group]:
    """The changes grouped: changed, new, removed, unchanged sections, each in the order of
    the text."""
    groups = []
    for change, group_id, heading in _GROUPS:
        members = [c for c in changes if c.change == change]
        count = len(members)
        groups.append(Group(change, group_id, heading, count, _count_text(change, count), members))
    return groups


def default_pair(texts: list, today: date) -> tuple | None:
    """The comparison the page opens with, from the versions with text (oldest first): the
    latest that has taken effect (the one in force, when it has text) against the one before
    it; when none before it has text, the next one (a coming version) against it. None with
    fewer than two."""
    if len(texts) < 2:
        return None
    current = [n for n, version in enumerate(texts) if version.effective_date <= today]
    reference = current[-1] if current else 0
    if reference:
        return texts[reference - 1], texts[reference]
    return texts[0], texts[1]
