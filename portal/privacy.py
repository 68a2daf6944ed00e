"""Personal identity numbers in free text: found, so they are never stored, sent or logged.

One detector for the whole portal. The text is normalised first, the way a reader sees it:
Unicode NFKC (full-width and other digits become 0-9), every dash becomes "-", every space,
non-breaking space and line break a space, invisible characters (zero-width space, soft
hyphen) are dropped, HTML tags are dropped and entities decoded, so a number split by
<b>…</b> is whole again. Then a run of digit groups, joined by up to three of "- + . / _"
or spaces, is read as a personnummer or samordningsnummer when its groups are written like
one: the date as 6 or 8 digits or as YY MM DD / YYYY MM DD, then the four last digits,
whole or split in two, with or without a separator before them. Only the date is checked
(the day may be 61–91 for a samordningsnummer), not the check digit: a mistyped number is
still somebody's.

Phone numbers are grouped differently ("070-174 06 05", "0920-45 30 00") and pass. A phone
number written as ten bare digits can look like a number, so phone fields are exempt
(`privacy_exempt_fields` on a model).
"""

import calendar
import html
import logging
import re
import unicodedata

IDENTITY_NUMBER_MESSAGE = (
    "Det du skrev innehöll ett personnummer eller samordningsnummer. "
    "Det har inte sparats. Skriv aldrig uppgifter om enskilda barn eller familjer här."
)

# What a log line shows where a number was.
REDACTED = "[personnummer borttaget]"

_TOKEN = re.compile(r"<[^<>]*>|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);|.", re.DOTALL)
_DASHES = {"\u2212", "\u2043", "\ufe63", "\uff0d"}
_GROUPS = re.compile(r"[0-9]+(?:[-+ ./_]{1,3}[0-9]+)*")
_GROUP = re.compile(r"[0-9]+")

_DATES = [(6,), (2, 2, 2), (8,), (4, 2, 2)]
_SERIALS = [(4,), (2, 2), (1, 3), (3, 1)]
# The groups a number is written in: the date's, then the serial's; with no separator
# between date and serial, the date's last group runs on into the serial's first.
_WRITINGS = {date + serial for date in _DATES for serial in _SERIALS} | {
    (*date[:-1], date[-1] + serial[0], *serial[1:]) for date in _DATES for serial in _SERIALS
}
_LONGEST = max(len(writing) for writing in _WRITINGS)


def _normal_char(char: str) -> str:
    out = []
    for c in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(c)
        if category == "Cf":
            continue
        if c.isdecimal():
            out.append(str(unicodedata.decimal(c)))
        elif category == "Pd" or c in _DASHES:
            out.append("-")
        elif c.isspace() or category in {"Zs", "Zl", "Zp"}:
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


def _normalise(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The normalised text, and for each of its characters the span of `text` it came from."""
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    for token in _TOKEN.finditer(text):
        raw = token.group(0)
        if raw.startswith("<") and len(raw) > 1:
            continue
        normal = _normal_char(html.unescape(raw)) if raw.startswith("&") else _normal_char(raw)
        for c in normal:
            chars.append(c)
            origin.append(token.span())
    return "".join(chars), origin


def _valid_date(digits: str) -> bool:
    if len(digits) == 8:
        years = [int(digits[:4])] if 1800 <= int(digits[:4]) <= 2099 else []
        digits = digits[2:]
    else:
        years = [1900 + int(digits[:2]), 2000 + int(digits[:2])]
    month, day = int(digits[2:4]), int(digits[4:6])
    if day > 60:  # samordningsnummer
        day -= 60
    return (
        1 <= month <= 12
        and day >= 1
        and any(day <= calendar.monthrange(year, month)[1] for year in years)
    )


def _spans(normal: str) -> list[tuple[int, int]]:
    """Spans of `normal` written like a personnummer or samordningsnummer."""
    found = []
    for run in _GROUPS.finditer(normal):
        groups = [
            (run.start() + m.start(), run.start() + m.end(), m.group(0))
            for m in _GROUP.finditer(run.group(0))
        ]
        start = 0
        while start < len(groups):
            for end in range(min(len(groups), start + _LONGEST), start, -1):
                chosen = groups[start:end]
                lengths = tuple(len(digits) for _, _, digits in chosen)
                digits = "".join(digits for _, _, digits in chosen)
                if lengths in _WRITINGS and _valid_date(digits[: len(digits) - 4]):
                    found.append((chosen[0][0], chosen[-1][1]))
                    start = end - 1
                    break
            start += 1
    return found


def _original_spans(text: str) -> list[tuple[int, int]]:
    normal, origin = _normalise(text or "")
    return [(origin[start][0], origin[end - 1][1]) for start, end in _spans(normal)]


def find_identity_numbers(text: str) -> list[str]:
    """The personnummer and samordningsnummer in `text`, as written."""
    return [text[start:end] for start, end in _original_spans(text or "")]


def contains_identity_number(text: str) -> bool:
    return bool(_spans(_normalise(text or "")[0]))


def remove_identity_numbers(text: str, replacement: str = " ") -> str:
    """`text` with every identity number taken out, however it was written. HTML tags inside
    a number stay, so markup stays whole."""
    text = text or ""
    for start, end in reversed(_original_spans(text)):
        tags = "".join(
            token.group(0)
            for token in _TOKEN.finditer(text[start:end])
            if token.group(0).startswith("<") and len(token.group(0)) > 1
        )
        text = text[:start] + replacement + tags + text[end:]
    return " ".join(text.split()) if replacement == " " else text


class RedactIdentityNumbers(logging.Filter):
    """On a handler: every record's message, arguments and traceback leave without a
    personnummer. Installed on every handler in the settings' LOGGING."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if contains_identity_number(message):
            record.msg = remove_identity_numbers(message, REDACTED)
            record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for name in ("exc_text", "stack_info"):
            value = getattr(record, name, None)
            if value and contains_identity_number(value):
                setattr(record, name, remove_identity_numbers(value, REDACTED))
        return True
