"""Personal identity numbers in free text: found, so they are never stored, sent or logged.

One detector for the whole portal. It finds Swedish personnummer and samordningsnummer,
10 or 12 digits, with or without a separator ("-", "+" or a space), and checks each
candidate with the `personnummer` package (date and Luhn check digit), so phone numbers
and other digit runs are left alone.
"""

import re

from personnummer import personnummer

# 6 or 8 digits, an optional separator, 4 digits; not part of a longer run of digits.
_CANDIDATE = re.compile(r"(?<![\d])(\d{6}|\d{8})[-+ ]?(\d{4})(?![\d])")

IDENTITY_NUMBER_MESSAGE = (
    "Det du skrev innehöll ett personnummer eller samordningsnummer. "
    "Det har inte sparats. Skriv aldrig uppgifter om enskilda barn eller familjer här."
)


def _is_identity_number(date_part: str, serial: str) -> bool:
    separator = "-" if len(date_part) == 6 else ""
    try:
        return personnummer.valid(f"{date_part}{separator}{serial}")
    except (ValueError, TypeError):
        return False


def find_identity_numbers(text: str) -> list[str]:
    """The personnummer and samordningsnummer in `text`, as written."""
    return [
        match.group(0)
        for match in _CANDIDATE.finditer(text or "")
        if _is_identity_number(match.group(1), match.group(2))
    ]


def contains_identity_number(text: str) -> bool:
    return bool(find_identity_numbers(text))


def remove_identity_numbers(text: str) -> str:
    """`text` with every identity number taken out."""
    for number in find_identity_numbers(text):
        text = text.replace(number, " ")
    return " ".join(text.split())
