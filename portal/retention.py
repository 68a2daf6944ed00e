"""What is kept only for a while (feedback, deviation reports, search analytics) and the daily
`manage.py purge_expired` that removes it. Each app registers how to purge what it owns."""

from collections.abc import Callable

_PURGES: list[Callable[[], str | list[str]]] = []


def register(purge: Callable[[], str | list[str]]) -> None:
    """`purge()` removes what is past its retention and says what went, a line per kind."""
    if purge not in _PURGES:
        _PURGES.append(purge)


def purge_all() -> list[str]:
    lines = []
    for purge in _PURGES:
        said = purge()
        lines += [said] if isinstance(said, str) else said
    return lines
