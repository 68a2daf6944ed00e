"""Contacts to and from CSV and Excel: every row validated, all or nothing.

tablib (with openpyxl for .xlsx) reads and writes the files; each row is checked by a Django
form, so the error report speaks Swedish and names the row and column. Rows are matched on
scope + unit name, so exporting and importing again changes nothing. Page contacts are written
as a new, published revision of their page, so the page history shows the import.
"""

import datetime
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import tablib
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal.actors import Actor

from .models import (
    COUNTY_LABEL,
    Contact,
    CountyPart,
    DirectoryIndexPage,
    MunicipalityPage,
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
    ("Akut", "is_urgent"),
    ("Utanför kontorstid", "out_of_hours"),
    ("Norrbuskontakt", "is_norrbus_contact"),
    ("Situationer", "situations"),
    ("Kontrollerad", "verified_on"),
    ("Kontrollerad av", "verified_by"),
    ("Exempeluppgift", "is_example"),
]
HEADERS = [header for header, _field in COLUMNS]
REQUIRED_HEADERS = {"Omfattning", "Enhet eller funktion", "Aktör"}
BOOLEAN_FIELDS = {"is_urgent", "out_of_hours", "is_norrbus_contact", "is_example"}
TRUE_WORDS = {"ja", "j", "x", "1", "true", "sant"}
FALSE_WORDS = {"", "nej", "n", "0", "false", "falskt"}
CONTACT_FIELDS = [name for _header, name in COLUMNS if name not in {"scope", "situations"}]


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


def read_dataset(content: bytes, suffix: str) -> tablib.Dataset:
    file_format = FORMATS.get(suffix.lower())
    if file_format is None:
        raise ContactFileError(_("Filtypen stöds inte. Använd .csv eller .xlsx."))
    try:
        if file_format == "csv":
            text = content.decode("utf-8-sig")
            dataset = tablib.Dataset().load(text, format="csv")
        else:
            dataset = tablib.Dataset().load(io.BytesIO(content), format="xlsx")
    except UnicodeDecodeError as error:
        raise ContactFileError(_("CSV-filen måste vara sparad som UTF-8.")) from error
    except Exception as error:  # tablib and openpyxl raise many kinds for a broken file
        raise ContactFileError(
            _("Filen kunde inte läsas som %(format)s. Är den skadad eller av en annan typ?")
            % {"format": file_format.upper()}
        ) from error
    headers = [str(header or "").strip() for header in (dataset.headers or [])]
    missing = [header for header in HEADERS if header in REQUIRED_HEADERS and header not in headers]
    if missing:
        raise ContactFileError(
            _("Kolumner saknas: %(columns)s. Första raden ska vara rubrikerna från exporten.")
            % {"columns": ", ".join(missing)}
        )
    unknown = [header for header in headers if header and header not in HEADERS]
    if unknown:
        raise ContactFileError(_("Okända kolumner: %(columns)s.") % {"columns": ", ".join(unknown)})
    if dataset.height > MAX_ROWS:
        raise ContactFileError(_("Filen har fler än %(max)d rader.") % {"max": MAX_ROWS})
    dataset.headers = headers
    return dataset


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


def parse_boolean(value: str) -> bool:
    key = value.strip().casefold()
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise ValidationError(_("Skriv 'ja' eller 'nej'."))


def header_for(field_name: str) -> str:
    return next(header for header, name in COLUMNS if name == field_name)


def validate_rows(dataset: tablib.Dataset) -> tuple[list[ParsedRow], list[RowError]]:
    scopes = Scopes()
    situations = {}
    for situation in Situation.objects.all():
        situations[situation.title.casefold()] = situation
        situations[situation.slug.casefold()] = situation
    parsed, errors, seen = [], [], {}
    for index, raw in enumerate(dataset.dict, start=2):  # row 1 holds the headers
        cells = {header: cell_text(raw.get(header)) for header in HEADERS}
        if not any(cells.values()):
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
        form = ContactRowForm(data={k: v for k, v in data.items() if v is not False})
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
    dataset = read_dataset(content, suffix)
    rows, errors = validate_rows(dataset)
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


def export_dataset() -> tablib.Dataset:
    contacts = (
        Contact.objects.select_related("municipality", "county_part")
        .prefetch_related("situations")
        .order_by("county_part__sort_order", "municipality__title", "sort_order", "pk")
    )
    dataset = tablib.Dataset(headers=HEADERS)
    for contact in contacts:
        row = []
        for _header, name in COLUMNS:
            if name == "scope":
                row.append(contact.scope_label)
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
            else:
                row.append(getattr(contact, name))
        dataset.append(row)
    return dataset


def export_contacts(suffix: str) -> bytes:
    file_format = FORMATS.get(suffix.lower())
    if file_format is None:
        raise ContactFileError(_("Filtypen stöds inte. Använd .csv eller .xlsx."))
    dataset = export_dataset()
    if file_format == "csv":
        # A byte-order mark so that Excel opens å, ä and ö correctly.
        return ("\ufeff" + dataset.export("csv")).encode("utf-8")
    return dataset.export("xlsx")


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()
