"""Contacts to and from CSV and Excel: every row validated, all or nothing.

A file must carry every column of the export: a missing column would otherwise blank that
field on every matched contact. .xlsx is read with openpyxl with its formulas visible (not
their cached results), and a formula cell is refused; in CSV, text a spreadsheet would compute
(a leading =, +, - or @) is refused likewise, and the export writes such text so that no
spreadsheet computes it. Every cell but the phone numbers is checked for personnummer. Each row
is checked by a Django form, so the error report speaks Swedish and names the row and column.
Rows are matched on scope + unit name, so exporting and importing again changes nothing. Page
contacts are written as a new, published revision of their page, so the page history shows
the import.
"""

import csv
import datetime
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from portal.actors import Actor
from portal.privacy import contains_identity_number

from .models import (
    COUNTY_LABEL,
    Contact,
    CountyPart,
    DirectoryIndexPage,
    MunicipalityPage,
    NorrbusBody,
    Situation,
)
from .phones import format_phone

FORMATS = {".csv": "csv", ".xlsx": "xlsx"}
MAX_ROWS = 5000

# (header, model field) in file order.
COLUMNS = [
    ("Omfattning", "scope"),
    ("Enhet eller funktion", "name"),
    ("Aktör", "actor"),
    ("Telefon", "phone"),
    ("Annat telefonnummer", "phone_alt"),
    ("Vad det andra numret är", "phone_alt_label"),
    ("E-post", "email"),
    ("Webbadress", "website"),
    ("Besöksadress", "visiting_address"),
    ("Öppettider", "opening_hours"),
    ("Kontakta oss när", "contact_when"),
    ("Kan inte hjälpa till med", "cannot_help_with"),
    ("Ha det här redo", "have_ready"),
    ("Så kontaktar du oss", "how_to_reach"),
    ("Svarstid", "response_time"),
    ("Språk", "languages"),
    ("Akut", "is_urgent"),
    ("Utanför kontorstid", "out_of_hours"),
    ("Norrbuskontakt", "is_norrbus_contact"),
    ("Samverkansorgan", "norrbus_body"),
    ("Situationer", "situations"),
    ("Kontrollerad", "verified_on"),
    ("Kontrollerad av", "verified_by"),
    ("Exempeluppgift", "is_example"),
]
HEADERS = [header for header, _field in COLUMNS]
BOOLEAN_FIELDS = {"is_urgent", "out_of_hours", "is_norrbus_contact", "is_example"}
TRUE_WORDS = {"ja", "j", "x", "1", "true", "sant"}
FALSE_WORDS = {"", "nej", "n", "0", "false", "falskt"}
CONTACT_FIELDS = [name for _header, name in COLUMNS if name not in {"scope", "situations"}]
# Phone numbers are digits by nature; the model says which fields are not read for personnummer.
IDENTITY_NUMBER_EXEMPT = {
    header for header, name in COLUMNS if name in Contact.privacy_exempt_fields
}
# A leading + or - followed only by digits, spaces and number punctuation is a phone number or
# a number ("+46 70-174 06 20", "-5"): a spreadsheet computes at most plain arithmetic from it,
# never a function or a reference. Anything else after + or - can be a formula.
NUMBER_LIKE = re.compile(r"[+-][\d\s().,/+-]*")


class ContactFileError(Exception):
    """The file as a whole could not be read; nothing was imported."""


@dataclass
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = _("Rad %(row)d") % {"row": self.row}
        return (
            f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"
        )


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)


class ContactImportErrors(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__("\n".join(str(error) for error in errors))
        self.errors = errors


class Scopes:
    """Resolves the 'Omfattning' column: a municipality, a county part or 'Hela länet'."""

    def __init__(self):
        self.municipalities = {p.title.casefold(): p for p in MunicipalityPage.objects.all()}
        self.county_parts = {c.name.casefold(): c for c in CountyPart.objects.all()}
        self.directory = DirectoryIndexPage.objects.first()

    def resolve(self, value: str):
        key = value.strip().casefold()
        if key in self.municipalities:
            return self.municipalities[key]
        if key in self.county_parts:
            return self.county_parts[key]
        if key == str(COUNTY_LABEL).casefold() and self.directory is not None:
            return self.directory
        raise ValidationError(
            _(
                "Okänd omfattning '%(value)s'. Skriv en av länets kommuner, en länsdel "
                "eller 'Hela länet'."
            )
            % {"value": value}
        )


class Formula:
    """A cell a spreadsheet computes: its value is never read, only refused."""

    def __init__(self, message: str):
        self.message = message

    def __repr__(self) -> str:
        return f"<Formula {self.message!r}>"


XLSX_FORMULA = Formula(
    gettext_lazy("Cell %(cell)s innehåller en formel. Skriv in värdet som vanlig text.")
)
CSV_FORMULA = Formula(
    gettext_lazy(
        "Cell %(cell)s innehåller en formel (börjar med =, +, - eller @). "
        "Ta bort tecknet eller skriv en apostrof (') före det."
    )
)


IDENTITY_NUMBER_IN_CELL = gettext_lazy(
    "Cell %(cell)s innehåller ett personnummer eller samordningsnummer. Ta bort det; skriv "
    "aldrig uppgifter om enskilda barn eller familjer i kontaktlistan."
)


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet opening this text compute it?"""
    first = text[:1]
    if first in ("=", "@"):
        return True
    return first in ("+", "-") and not NUMBER_LIKE.fullmatch(text)


def formula_safe(text: str) -> str:
    """Text for a CSV cell that no spreadsheet computes; `csv_cell` reads it back as it was.

    A leading apostrophe marks text, as in Excel; text that itself starts with one gets
    another, so that every text survives the round trip."""
    return "'" + text if looks_like_formula(text) or text.startswith("'") else text


def csv_cell(text: str):
    """A CSV cell as the portal reads it: `formula_safe` undone, formulas refused."""
    text = text.strip()
    if text.startswith("'") and (looks_like_formula(text[1:]) or text[1:].startswith("'")):
        return text[1:]
    return CSV_FORMULA if looks_like_formula(text) else text


def read_csv(content: bytes) -> list[list]:
    text = content.decode("utf-8-sig")
    return [[csv_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text))]


def read_xlsx(content: bytes) -> list[list]:
    """The first sheet's values; formulas are read as formulas, not as their last result."""
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    try:
        rows = []
        for row in workbook.active.iter_rows():
            if len(rows) > MAX_ROWS + 1:  # the headers and one row too many are enough
                break
            # "f" is a formula; "e" an error value such as #REF!, which only a formula makes.
            rows.append([XLSX_FORMULA if c.data_type in ("f", "e") else c.value for c in row])
        return rows
    finally:
        workbook.close()


@dataclass
class Table:
    """The file's data rows as {header: raw cell}, with the number each row has in the file."""

    rows: list[tuple[int, dict]]
    columns: dict[str, str]  # header → column letter


def read_table(content: bytes, suffix: str) -> Table:
    file_format = FORMATS.get(suffix.lower())
    if file_format is None:
        raise ContactFileError(_("Filtypen stöds inte. Använd .csv eller .xlsx."))
    try:
        rows = read_csv(content) if file_format == "csv" else read_xlsx(content)
    except UnicodeDecodeError as error:
        raise ContactFileError(_("CSV-filen måste vara sparad som UTF-8.")) from error
    except Exception as error:  # csv and openpyxl raise many kinds for a broken file
        raise ContactFileError(
            _("Filen kunde inte läsas som %(format)s. Är den skadad eller av en annan typ?")
            % {"format": file_format.upper()}
        ) from error
    header_row, data = (rows[0], rows[1:]) if rows else ([], [])
    if len(data) > MAX_ROWS:
        raise ContactFileError(_("Filen har fler än %(max)d rader.") % {"max": MAX_ROWS})
    problems = [
        _("Cell %(cell)s är en formel, inte en rubrik.") % {"cell": f"{get_column_letter(i)}1"}
        for i, cell in enumerate(header_row, start=1)
        if isinstance(cell, Formula)
    ]
    headers = ["" if isinstance(cell, Formula) else cell_text(cell) for cell in header_row]
    for i, header in enumerate(headers):
        if contains_identity_number(header):
            problems.append(IDENTITY_NUMBER_IN_CELL % {"cell": f"{get_column_letter(i + 1)}1"})
            headers[i] = ""  # named by its cell only, never repeated
    missing = [header for header in HEADERS if header not in headers]
    if missing:
        problems.append(
            _(
                "Kolumner saknas: %(columns)s. Första raden ska vara rubrikerna från exporten, "
                "och alla kolumner ska finnas med, även tomma, så att inga uppgifter töms."
            )
            % {"columns": ", ".join(missing)}
        )
    unknown = [header for header in headers if header and header not in HEADERS]
    if unknown:
        problems.append(_("Okända kolumner: %(columns)s.") % {"columns": ", ".join(unknown)})
    problems.extend(
        _("Kolumnen %(column)s finns flera gånger.") % {"column": header}
        for header in HEADERS
        if headers.count(header) > 1
    )
    width = max([len(headers), *(len(row) for row in data)])
    headers += [""] * (width - len(headers))
    problems.extend(
        _("Kolumn %(column)s har ingen rubrik men har innehåll.") % {"column": get_column_letter(i)}
        for i, header in enumerate(headers, start=1)
        if not header and any(i <= len(row) and row[i - 1] not in (None, "") for row in data)
    )
    if problems:
        raise ContactFileError(" ".join(problems))
    positions = {header: i for i, header in enumerate(headers) if header in HEADERS}
    return Table(
        rows=[
            (number, {h: row[i] if i < len(row) else None for h, i in positions.items()})
            for number, row in enumerate(data, start=2)  # row 1 holds the headers
        ],
        columns={header: get_column_letter(i + 1) for header, i in positions.items()},
    )


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class ContactRowForm(forms.ModelForm):
    """One row; model validation (phones, e-mail, URL, required fields) does the checking."""

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS


@dataclass
class ParsedRow:
    row: int
    owner: object
    values: dict
    situations: list[Situation]


def parse_actor(value: str) -> str:
    key = value.strip().casefold()
    for choice in Actor:
        if key in {choice.value, str(choice.label).casefold()}:
            return choice.value
    raise ValidationError(
        _(
            "Okänd aktör '%(value)s'. Välj Skola, Socialtjänst, Primärvård, "
            "Specialistvård eller Annan."
        )
        % {"value": value}
    )


def parse_norrbus_body(value: str) -> str:
    key = value.strip().casefold()
    for choice in NorrbusBody:
        if key in {choice.value, str(choice.label).casefold()} or (
            choice == NorrbusBody.NONE and key in FALSE_WORDS
        ):
            return choice.value
    raise ValidationError(
        _(
            "Okänt samverkansorgan '%(value)s'. Lämna tomt eller skriv "
            "'Samverkansgruppen i länsdelen' eller 'Samverkansstruktur målgrupp barn och unga'."
        )
        % {"value": value}
    )


def parse_boolean(value: str) -> bool:
    key = value.strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValidationError(_("Skriv 'ja' eller 'nej'."))


def header_for(field_name: str) -> str:
    return next(header for header, name in COLUMNS if name == field_name)


def refused_cells(number: int, raw: dict, columns: dict[str, str]) -> dict[str, RowError]:
    """Cells refused before any other check, each with an error that does not repeat it."""
    refused = {}
    for header in HEADERS:
        cell = f"{columns[header]}{number}"
        value = raw[header]
        if isinstance(value, Formula):
            refused[header] = RowError(number, header, value.message % {"cell": cell})
        elif header not in IDENTITY_NUMBER_EXEMPT and contains_identity_number(cell_text(value)):
            refused[header] = RowError(number, header, IDENTITY_NUMBER_IN_CELL % {"cell": cell})
    return refused


def validate_rows(table: Table) -> tuple[list[ParsedRow], list[RowError]]:
    scopes = Scopes()
    situations = {}
    for situation in Situation.objects.all():
        situations[situation.title.casefold()] = situation
        situations[situation.slug.casefold()] = situation
    parsed, errors, seen = [], [], {}
    for index, raw in table.rows:
        refused = refused_cells(index, raw, table.columns)
        # A refused cell is checked no further, so no other message can repeat what it holds.
        cells = {h: "" if h in refused else cell_text(raw[h]) for h in HEADERS}
        if not refused and not any(cells.values()):
            continue
        row_errors = []
        owner = None
        try:
            owner = scopes.resolve(cells["Omfattning"]) if cells["Omfattning"] else None
            if owner is None:
                row_errors.append(RowError(index, "Omfattning", _("Fältet måste fyllas i.")))
        except ValidationError as error:
            row_errors.append(RowError(index, "Omfattning", error.messages[0]))
        data = {}
        for header, name in COLUMNS:
            if name in {"scope", "situations"}:
                continue
            value = cells[header]
            try:
                if name == "actor":
                    value = parse_actor(value) if value else ""
                elif name == "norrbus_body":
                    value = parse_norrbus_body(value)
                elif name in BOOLEAN_FIELDS:
                    value = parse_boolean(value)
            except ValidationError as error:
                row_errors.append(RowError(index, header, error.messages[0]))
                continue
            data[name] = value
        chosen = []
        for label in filter(None, (part.strip() for part in cells["Situationer"].split(";"))):
            situation = situations.get(label.casefold())
            if situation is None:
                row_errors.append(
                    RowError(
                        index, "Situationer", _("Okänd situation '%(value)s'.") % {"value": label}
                    )
                )
            else:
                chosen.append(situation)
        # The row's owner is on the instance, so the model's checks that depend on the scope
        # (a samverkansgrupp belongs to a county part) can run.
        instance = Contact(**{owner_field(owner): owner}) if owner is not None else Contact()
        form = ContactRowForm(
            data={k: v for k, v in data.items() if v is not False}, instance=instance
        )
        if not form.is_valid():
            for name, messages in form.errors.items():
                column = "" if name == "__all__" else header_for(name)
                row_errors.extend(RowError(index, column, message) for message in messages)
        key = (id(owner), cells["Enhet eller funktion"].casefold())
        if owner is not None and key in seen:
            row_errors.append(
                RowError(
                    index,
                    "Enhet eller funktion",
                    _("Samma enhet finns redan på rad %(row)d för samma omfattning.")
                    % {"row": seen[key]},
                )
            )
        seen.setdefault(key, index)
        row_errors = [
            *refused.values(),
            *(error for error in row_errors if error.column not in refused),
        ]
        if row_errors:
            errors.extend(row_errors)
            continue
        # The model's clean step has normalised the phone numbers on the instance.
        values = {name: getattr(form.instance, name) for name in CONTACT_FIELDS}
        parsed.append(ParsedRow(index, owner, values, chosen))
    return parsed, errors


def owner_field(owner) -> str:
    if isinstance(owner, MunicipalityPage):
        return "municipality"
    if isinstance(owner, CountyPart):
        return "county_part"
    return "directory"


def apply_to_contacts(
    existing: list[Contact], rows: list[ParsedRow], result: ImportResult
) -> list[Contact]:
    by_name = {contact.name.casefold(): contact for contact in existing}
    for row in rows:
        contact = by_name.get(row.values["name"].casefold())
        if contact is None:
            contact = Contact(**row.values)
            existing.append(contact)
            by_name[contact.name.casefold()] = contact
            contact.situations = row.situations
            result.created += 1
            continue
        current_situations = {s.pk for s in contact.situations.all()}
        changed = any(getattr(contact, name) != value for name, value in row.values.items())
        changed = changed or current_situations != {s.pk for s in row.situations}
        if changed:
            for name, value in row.values.items():
                setattr(contact, name, value)
            contact.situations = row.situations
            result.updated += 1
        else:
            result.unchanged += 1
    return existing


def import_contacts(
    content: bytes, suffix: str, *, user=None, dry_run: bool = False
) -> ImportResult:
    """Validate every row, then write all of them or none. Raises ContactImportErrors."""
    rows, errors = validate_rows(read_table(content, suffix))
    by_owner: dict[tuple, list[ParsedRow]] = defaultdict(list)
    owners = {}
    for row in rows:
        key = (owner_field(row.owner), row.owner.pk)
        by_owner[key].append(row)
        owners[key] = row.owner
    for key, owner in owners.items():
        if (
            isinstance(owner, MunicipalityPage | DirectoryIndexPage)
            and owner.has_unpublished_changes
        ):
            errors.append(
                RowError(
                    by_owner[key][0].row,
                    "Omfattning",
                    _(
                        "Sidan '%(title)s' har opublicerade ändringar. Publicera eller ta bort "
                        "utkastet först, så att inget skrivs över."
                    )
                    % {"title": owner.title},
                )
            )
    if errors:
        raise ContactImportErrors(sorted(errors, key=lambda error: error.row))
    result = ImportResult()
    with transaction.atomic():
        for key, owner in owners.items():
            if isinstance(owner, CountyPart):
                contacts = apply_to_contacts(list(owner.contacts.all()), by_owner[key], result)
                owner.contacts = contacts
                if not dry_run:
                    owner.save()
                continue
            page = owner.specific
            before = result.created + result.updated
            contacts = apply_to_contacts(list(page.contacts.all()), by_owner[key], result)
            if result.created + result.updated == before or dry_run:
                continue
            page.contacts = contacts
            revision = page.save_revision(user=user, log_action=True)
            if page.live:
                revision.publish(user=user)
        if dry_run:
            transaction.set_rollback(True)
    return result


def export_rows() -> list[list[str]]:
    contacts = (
        Contact.objects.select_related("municipality", "county_part")
        .prefetch_related("situations")
        .order_by("county_part__sort_order", "municipality__title", "sort_order", "pk")
    )
    rows = []
    for contact in contacts:
        row = []
        for _header, name in COLUMNS:
            if name == "scope":
                row.append(str(contact.scope_label))
            elif name == "situations":
                row.append("; ".join(s.title for s in contact.situations.all()))
            elif name in BOOLEAN_FIELDS:
                row.append("ja" if getattr(contact, name) else "nej")
            elif name in {"phone", "phone_alt"}:
                row.append(format_phone(getattr(contact, name)))
            elif name == "verified_on":
                row.append(contact.verified_on.isoformat() if contact.verified_on else "")
            elif name == "actor":
                row.append(str(contact.get_actor_display()))
            elif name == "norrbus_body":
                row.append(str(contact.get_norrbus_body_display()) if contact.norrbus_body else "")
            else:
                row.append(getattr(contact, name))
        rows.append(row)
    return rows


def export_xlsx(rows: list[list[str]]) -> bytes:
    """Every cell written as text, never as a formula; formula-like text is marked as text
    (Excel's leading apostrophe), so that editing the cell in Excel keeps it text."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = str(_("Kontakter"))
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row_number, row in enumerate(rows, start=2):
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            cell.value = text
            cell.data_type = "s"  # openpyxl would make "=…" a formula and "#REF!" an error
            if looks_like_formula(text):
                cell.quotePrefix = True
    for column, header in enumerate(HEADERS, start=1):
        longest = max([len(header), *(len(row[column - 1]) for row in rows)])
        sheet.column_dimensions[get_column_letter(column)].width = min(longest + 2, 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_contacts(suffix: str) -> bytes:
    file_format = FORMATS.get(suffix.lower())
    if file_format is None:
        raise ContactFileError(_("Filtypen stöds inte. Använd .csv eller .xlsx."))
    rows = export_rows()
    if file_format == "csv":
        # A byte-order mark so that Excel opens å, ä and ö correctly.
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow(HEADERS)
        writer.writerows([formula_safe(text) for text in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    return export_xlsx(rows)


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()
