"""Swedish text analysis in Python, for the database path and for query planning.

Elasticsearch analyses text itself (search/elastic.py); the database backends do not stem
Swedish, so entries carry an `analysed` field of stems and accent-free forms, and queries are
analysed the same way here.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "ü": "u", "æ": "a", "ø": "o"})

# Words that carry no meaning in a query ("vem kallar till mötet" -> "kallar mötet").
STOPWORDS = frozenset(
    [
        "alla",
        "allt",
        "att",
        "av",
        "blev",
        "bli",
        "blir",
        "de",
        "dem",
        "den",
        "denna",
        "deras",
        "dess",
        "dessa",
        "det",
        "detta",
        "dig",
        "din",
        "dina",
        "ditt",
        "du",
        "där",
        "då",
        "efter",
        "ej",
        "eller",
        "en",
        "er",
        "era",
        "ert",
        "ett",
        "från",
        "för",
        "ha",
        "hade",
        "han",
        "hans",
        "har",
        "henne",
        "hennes",
        "honom",
        "hon",
        "hos",
        "hur",
        "i",
        "in",
        "inom",
        "inte",
        "jag",
        "kan",
        "man",
        "med",
        "mellan",
        "men",
        "mig",
        "min",
        "mina",
        "mitt",
        "mot",
        "mycket",
        "ni",
        "nu",
        "när",
        "någon",
        "något",
        "några",
        "och",
        "om",
        "oss",
        "på",
        "samma",
        "sedan",
        "sig",
        "sin",
        "sina",
        "sitta",
        "själv",
        "skulle",
        "som",
        "så",
        "till",
        "under",
        "upp",
        "ut",
        "utan",
        "vad",
        "var",
        "vara",
        "varför",
        "varit",
        "varje",
        "vars",
        "vem",
        "vi",
        "vid",
        "vilka",
        "vilken",
        "vilket",
        "vår",
        "våra",
        "vårt",
        "än",
        "är",
        "åt",
        "över",
        "ska",
        "måste",
        "gör",
        "göra",
        "jag",
        "vill",
    ]
)

_stemmer = snowballstemmer.stemmer("swedish")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").casefold()


def words(text: str) -> list[str]:
    """Lower-case words; hyphenated words give the whole and the parts ("bup-linjen")."""
    found = []
    for match in _WORD.finditer(normalise(text)):
        word = match.group(0).strip("_")
        if not word:
            continue
        found.append(word)
        if "-" in word:
            found.extend(part for part in word.split("-") if part)
    return found


def fold(word: str) -> str:
    return word.translate(_FOLD)


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word)


def analysed_text(text: str) -> str:
    """Stems and accent-free stems of every word, for the database index."""
    forms = []
    for word in words(text):
        word_stem = stem(word)
        forms.append(word_stem)
        folded = fold(word_stem)
        if folded != word_stem:
            forms.append(folded)
    return " ".join(forms)


def query_words(text: str) -> list[str]:
    """The words of a query that carry meaning, hyphenated words kept whole; all of them if
    every word is a stopword ("vem är vi")."""
    all_words = [m.group(0).strip("_") for m in _WORD.finditer(normalise(text))]
    all_words = [word for word in all_words if word]
    meaningful = [word for word in all_words if word not in STOPWORDS]
    return meaningful or all_words
