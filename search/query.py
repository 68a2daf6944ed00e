"""From what a person typed to what both backends search for.

A query becomes concepts; each concept is matched when any of its alternatives is. The
glossary turns "SIP" into one concept with "samordnad individuell plan" among its
alternatives, read fresh on every search so an editor's new synonym counts at once; an
unknown compound ("avvikelserapportering") gets its known parts as alternatives.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from guidance.models import GlossaryTerm

from .analysis import fold, query_words, stem
from .vocabulary import Vocabulary

MAX_CONCEPTS = 12
# What may follow a municipality's name in its official form: "Kalix kommun", "Haparanda
# stad", and their genitives ("Piteå kommuns").
MUNICIPALITY_SUFFIXES = frozenset(["kommun", "kommuns", "stad", "stads"])


@dataclass
class Concept:
    typed: str
    alternatives: list[str]
    # Parts of an unknown compound word: searched too, but they count for less.
    parts: list[str] = field(default_factory=list)
    # A word the content does not use (and not a compound of words it does): Elasticsearch
    # matches it with typo tolerance.
    unknown: bool = False
    # The slug of the municipality this concept names: ranked by, not required.
    municipality: str = ""

    @property
    def expanded(self) -> bool:
        return len(self.alternatives) > 1

    @property
    def searched(self) -> list[str]:
        return [*self.alternatives, *self.parts]


@dataclass
class QueryPlan:
    text: str
    concepts: list[Concept]
    # Glossary expansions shown to the reader: ("sip", ["samordnad individuell plan", ...]).
    expansions: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def municipality(self) -> str:
        """The slug of the municipality the query names ("" if none)."""
        return next((c.municipality for c in self.concepts if c.municipality), "")

    @property
    def matched(self) -> list[Concept]:
        """The concepts results must match: all but the municipality's, unless the query
        holds nothing else ("Kalix kommun" finds Kalix)."""
        return [c for c in self.concepts if not c.municipality] or self.concepts

    @property
    def highlight_stems(self) -> set[str]:
        stems = set()
        for concept in self.concepts:
            for alternative in concept.searched:
                for word in re.split(r"[\s-]+", alternative):
                    if word:
                        stems.add(fold(stem(word)))
        return stems


def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(word) for word in query_words(text))


def glossary_groups() -> list[list[str]]:
    """Each term with its abbreviations and synonyms, lower-cased."""
    groups = []
    for term in GlossaryTerm.objects.only("term", "abbreviations", "synonyms"):
        forms = [term.term, *term.abbreviation_list, *term.synonym_list]
        groups.append(list(dict.fromkeys(form.casefold() for form in forms if form.strip())))
    return groups


def _municipality_at(
    tokens: list[str], position: int, municipalities: Sequence[tuple[str, str]]
) -> tuple[int, Concept] | None:
    """The municipality whose name starts at `position` (as written or without å, ä, ö; in
    the genitive; followed by "kommun" or "stad"): how many tokens name it, and its concept."""
    for slug, name in municipalities:
        name_words = [fold(word) for word in query_words(name)]
        size = len(name_words)
        typed = [fold(token) for token in tokens[position : position + size]]
        if len(typed) < size or typed[:-1] != name_words[:-1]:
            continue
        if typed[-1] not in (name_words[-1], name_words[-1] + "s"):
            continue
        if position + size < len(tokens) and tokens[position + size] in MUNICIPALITY_SUFFIXES:
            size += 1
        concept = Concept(
            " ".join(tokens[position : position + size]), [name.casefold()], municipality=slug
        )
        return size, concept
    return None


def build_plan(
    text: str,
    vocabulary: Vocabulary | None = None,
    municipalities: Sequence[tuple[str, str]] = (),
) -> QueryPlan:
    """The query's concepts; `municipalities` (slug, name) are the ones it may name, and the
    first one it names becomes a municipality concept."""
    tokens = query_words(text)[:MAX_CONCEPTS]
    token_stems = [stem(token) for token in tokens]
    # Longest glossary forms first, so "samordnad individuell plan" wins over "plan".
    forms = sorted(
        ((_stems(form), group) for group in glossary_groups() for form in group),
        key=lambda item: -len(item[0]),
    )
    concepts: list[Concept] = []
    expansions = []
    position = 0
    while position < len(tokens):
        named = None
        if not any(concept.municipality for concept in concepts):
            named = _municipality_at(tokens, position, municipalities)
        if named:
            size, concept = named
            concepts.append(concept)
            position += size
            continue
        for form_stems, group in forms:
            size = len(form_stems)
            if size and tuple(token_stems[position : position + size]) == form_stems:
                typed = " ".join(tokens[position : position + size])
                # The form that matched is what the reader typed (perhaps spelt otherwise,
                # or with stop words): not an alternative to show or search again.
                alternatives = [
                    typed,
                    *(form for form in group if form != typed and _stems(form) != form_stems),
                ]
                concepts.append(Concept(typed, alternatives))
                expansions.append((typed, alternatives[1:]))
                position += size
                break
        else:
            token = tokens[position]
            parts = vocabulary.split_compound(token) if vocabulary else []
            unknown = not parts and (vocabulary is None or not vocabulary.knows(token))
            concepts.append(
                Concept(token, [token], [" ".join(parts), parts[0]] if parts else [], unknown)
            )
            position += 1
    return QueryPlan(text=text, concepts=concepts, expansions=expansions)
