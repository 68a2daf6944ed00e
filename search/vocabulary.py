"""The words the portal's content uses: for "Menade du …?" and for splitting compound words.

Built from the search entries and kept per process; rebuilt when the entries have changed,
at most every REFRESH_SECONDS, since a word list a few minutes old suggests just as well.
"""

import difflib
import threading
import time
from collections import Counter

from django.db.models import Count, Max

from .analysis import STOPWORDS, stem, words
from .models import SearchEntry

REFRESH_SECONDS = 300
MIN_PART = 4  # the shortest word a compound is split into
BODY_CHARS = 3000  # enough of each entry's text to know its words


class Vocabulary:
    def __init__(self, counts: Counter):
        self.counts = counts
        self.stems = {stem(word) for word in counts}
        self._by_initial: dict[str, list[str]] = {}
        for word in counts:
            self._by_initial.setdefault(word[0], []).append(word)

    def knows(self, word: str) -> bool:
        return word in self.counts or stem(word) in self.stems

    def split_compound(self, word: str) -> list[str]:
        """["avvikelse", "rapportering"] for "avvikelserapportering" when both parts are
        words the content uses; a linking s ("verksamhetsgräns") is dropped. [] otherwise."""
        if self.knows(word) or "-" in word:
            return []
        for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
            head, tail = word[:cut], word[cut:]
            heads = [head, head[:-1]] if head.endswith("s") and len(head) > MIN_PART else [head]
            for candidate in heads:
                if self.knows(candidate) and (self.knows(tail) or self.split_compound(tail)):
                    return [candidate, tail]
        return []

    def correction(self, word: str) -> str | None:
        """The content's closest word to an unknown `word`, or None."""
        if len(word) < 4 or self.knows(word) or not word.isalpha():
            return None
        candidates = [
            candidate
            for candidate in self._by_initial.get(word[0], [])
            if abs(len(candidate) - len(word)) <= 2
        ]
        matches = difflib.get_close_matches(word, candidates, n=3, cutoff=0.8)
        if not matches:
            return None
        return max(
            matches, key=lambda m: (difflib.SequenceMatcher(None, word, m).ratio(), self.counts[m])
        )


def build() -> Vocabulary:
    counts: Counter = Counter()
    rows = SearchEntry.objects.values_list("title", "context", "body").iterator(chunk_size=2000)
    for title, context, body in rows:
        for word in words(f"{title} {context} {body[:BODY_CHARS]}"):
            if word.isalpha() and len(word) >= 2 and word not in STOPWORDS:
                counts[word] += 1
    return Vocabulary(counts)


class _Cache:
    def __init__(self):
        self.lock = threading.Lock()
        self.vocabulary: Vocabulary | None = None
        self.generation = None
        self.checked_at = 0.0


_cache = _Cache()


def _generation():
    return tuple(SearchEntry.objects.aggregate(n=Count("id"), last=Max("id")).values())


def current() -> Vocabulary:
    now = time.monotonic()
    with _cache.lock:
        if _cache.vocabulary is not None and now - _cache.checked_at < REFRESH_SECONDS:
            return _cache.vocabulary
        generation = _generation()
        if _cache.vocabulary is None or generation != _cache.generation:
            _cache.vocabulary = build()
            _cache.generation = generation
        _cache.checked_at = now
        return _cache.vocabulary


def forget() -> None:
    """Drop the cached word list (tests, and after a rebuild in this process)."""
    with _cache.lock:
        _cache.vocabulary = None
