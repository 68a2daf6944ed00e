"""From what a person typed to what both backends search for.

A query becomes concepts; each concept is matched when any of its alternatives is. The
glossary turns "SIP" into one concept with "samordnad individuell plan" among its
alternatives, read fresh on every search so an editor's new synonym counts at once; an
unknown compound ("avvikelserapportering") gets its known parts as alternatives.
"""

import re
from dataclasses import dataclass, field

from guidance.models import GlossaryTerm

from .analysis import fold, query_words, stem
from .vocabulary import Vocabulary

MAX_CONCEPTS = 12


@dataclass
class Concept:
    typed: str
    alternatives: list[str]
    # Parts of an unknown compound word: searched too, but they count for less.
    parts: list[str] = field(default_factory=list)
    # A word the content does not use (and not a compound of words it does): Elasticsearch
    # matches it with typo tolerance.
    unknown: bool = False

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


def build_plan(text: str, vocabulary: Vocabulary | None = None) -> QueryPlan:
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
        for form_stems, group in forms:
            size = len(form_stems)
            if size and tuple(token_stems[position : position + size]) == form_stems:
                typed = " ".join(tokens[position : position + size])
                alternatives = [typed, *(form for form in group if form != typed)]
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
