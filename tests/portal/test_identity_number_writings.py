"""The detector finds a personnummer or samordningsnummer however it is written, and leaves
Swedish phone numbers alone. Numbers are generated (valid check digit, or a mistyped one)
and written in every way the review found, then read back."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.privacy import (
    REDACTED,
    contains_identity_number,
    find_identity_numbers,
    remove_identity_numbers,
)
from tests.identity_numbers import IDENTITY_NUMBERS

# Between the date and the last four digits, or between date parts.
SEPARATORS = [
    "",
    "-",
    "+",
    " ",
    " - ",
    "\u2013",  # en dash
    "\u2014",  # em dash
    "\u2011",  # non-breaking hyphen
    "\u2212",  # minus sign
    "\u00a0",  # non-breaking space
    "\u202f",  # narrow non-breaking space
    "\u00a0-\u00a0",
    ".",
    "/",
    "_",
    "\u200b",  # zero-width space
    "\u00ad",  # soft hyphen
    "\n",
    "\r\n",
    "\t",
    "</b>-<b>",
    "<br>",
    "</p>\n<p>",
    "&nbsp;",
    "&ndash;",
]
SERIAL_SPLITS = [(4,), (2, 2), (1, 3), (3, 1)]


def luhn_digit(nine: str) -> str:
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


@st.composite
def written_numbers(draw):
    """(how it is written, its twelve digits)."""
    born = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2025, 12, 31)))
    samordning = draw(st.booleans())
    day = born.day + (60 if samordning else 0)
    date = f"{born.year:04d}{born.month:02d}{day:02d}"
    serial = draw(st.from_regex(r"\A[0-9]{3}\Z"))
    check = luhn_digit(date[2:] + serial)
    if draw(st.booleans()):  # mistyped: any other check digit
        check = draw(st.sampled_from([d for d in "0123456789" if d != check]))
    last_four = serial + check

    twelve = draw(st.booleans())
    date_written = date if twelve else date[2:]
    if draw(st.booleans()):  # YY MM DD, YYYY-MM-DD
        date_sep = draw(st.sampled_from(SEPARATORS))
        head = date_written[:-4]
        date_written = date_sep.join([head, date_written[-4:-2], date_written[-2:]])
    split = draw(st.sampled_from(SERIAL_SPLITS))
    serial_sep = draw(st.sampled_from([" ", "\u00a0", "-", ""]))
    last_written = (
        last_four if len(split) == 1 else last_four[: split[0]] + serial_sep + last_four[split[0] :]
    )
    written = date_written + draw(st.sampled_from(SEPARATORS)) + last_written
    if draw(st.booleans()):
        written = full_width(written)
    if draw(st.booleans()):  # a zero-width space before one of the digits
        digits = [i for i, c in enumerate(written) if c.isdigit() or "\uff10" <= c <= "\uff19"]
        at = draw(st.sampled_from(digits))
        written = written[:at] + "\u200b" + written[at:]
    if draw(st.booleans()):
        written = f"<b>{written}</b>"
    return written, date + last_four


@settings(max_examples=1500, deadline=None)
@given(written_numbers(), st.sampled_from(["Barnet ", "Se: ", "<p>Elev ", ""]))
def test_every_writing_is_found_and_removed(number, before):
    written, digits = number
    text = f"{before}{written} har flyttat."
    assert contains_identity_number(text), (written, digits)
    assert len(find_identity_numbers(text)) == 1
    removed = remove_identity_numbers(text)
    assert not contains_identity_number(removed)
    assert not any(c.isdigit() for c in removed), removed
    assert "har flyttat." in removed


@pytest.mark.parametrize("number", IDENTITY_NUMBERS)
def test_the_published_test_numbers_are_found(number):
    assert find_identity_numbers(f"Gäller {number}.") == [number]


@pytest.mark.parametrize(
    "written",
    [
        "811218\u20139876",
        "811218\u00a09876",
        "811218 - 9876",
        "1981-12-18-9876",
        "811218\u20119876",
        "811218.9876",
        "811218/9876",
        "811218\u200b9876",
        "\uff18\uff11\uff11\uff12\uff11\uff18-\uff19\uff18\uff17\uff16",
        "811218-98 76",
        "811218\n9876",
        "<b>811218</b>-9876",
        "811218-9875",  # the check digit mistyped (9876 is right)
        "811278-9876",  # samordningsnummer: day 18 + 60
    ],
)
def test_the_writings_the_review_found_are_caught(written):
    assert contains_identity_number(f"Eleven {written} behöver stöd")


def test_a_number_split_over_two_blocks_is_caught():
    from portal.page_forms import text_of

    assert contains_identity_number("<p>Elev 811218</p>\n<p>-9876 behöver</p>")
    assert text_of("Elev 811218") == "Elev 811218"


@pytest.mark.parametrize(
    "phone",
    [
        "070-174 06 05",
        "0920-45 30 00",
        "070-174 06 07",
        "08-123 456 78",
        "0771-77 88 99",
        "010-123 45 67",
        "0920 45 30 00",
        "070 174 06 05",
        "+46 70 174 06 05",
        "+46 920 45 30 00",
        "0920-453000",
        "070-1740605",
        "112",
        "1177",
    ],
)
def test_swedish_phone_numbers_in_text_are_not_identity_numbers(phone):
    text = f"Ring {phone} eller 0920-45 30 00, 2026-12-03 kl. 08.00."
    assert not contains_identity_number(text)
    assert remove_identity_numbers(text) == text


@st.composite
def phone_numbers(draw):
    """An area code and a subscriber number grouped the way Swedish numbers are written."""
    area = "0" + draw(st.from_regex(r"\A[1-9][0-9]{0,2}\Z"))
    length = draw(st.integers(5, 8))
    subscriber = draw(st.from_regex(rf"\A[1-9][0-9]{{{length - 1}}}\Z"))
    groups = {5: (3, 2), 6: (2, 2, 2), 7: (3, 2, 2), 8: (3, 3, 2)}[length]
    parts, at = [], 0
    for size in groups:
        parts.append(subscriber[at : at + size])
        at += size
    space = draw(st.sampled_from([" ", "\u00a0"]))
    if draw(st.booleans()):
        return f"+46 {area[1:]} {space.join(parts)}"
    return f"{area}-{space.join(parts)}"


@settings(max_examples=1000, deadline=None)
@given(phone_numbers())
def test_generated_phone_numbers_pass(phone):
    assert not contains_identity_number(f"Ring {phone} dagtid.")


def test_removal_keeps_the_markup_whole():
    assert remove_identity_numbers("<p>Elev <b>811218</b>-9876 i åk 3</p>") == (
        "<p>Elev <b> </b> i åk 3</p>"
    )
    assert remove_identity_numbers("Barn 811218-9876.", REDACTED) == f"Barn {REDACTED}."
