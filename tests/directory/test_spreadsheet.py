import csv
import io
import re
import zipfile

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from directory.models import Contact, MunicipalityPage
from directory.spreadsheet import (
    HEADERS,
    ContactFileError,
    ContactImportErrors,
    export_contacts,
    import_contacts,
)

pytestmark = pytest.mark.django_db

# The letter of the first column after the export's columns.
COLUMN_AFTER_HEADERS = openpyxl.utils.get_column_letter(len(HEADERS) + 1)


def csv_bytes(*rows: str, header: str = ",".join(HEADERS)) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8")


def row(
    scope="Kalix",
    name="Ungdomsmottagningen Kalix",
    actor="Primärvård",
    phone="070-174 06 20",
    **extra,
):
    values = dict.fromkeys(HEADERS, "")
    values.update(
        {"Omfattning": scope, "Enhet eller funktion": name, "Aktör": actor, "Telefon": phone}
    )
    values.update(extra)
    return ",".join(f'"{values[h]}"' for h in HEADERS)


def snapshot():
    return sorted(
        Contact.objects.values_list(
            "name", "phone", "email", "municipality", "county_part", "directory"
        )
    )


def test_good_file_creates_updates_and_publishes_a_revision(directory, situations):
    kalix = directory["kalix"]
    revisions_before = kalix.revisions.count()
    content = csv_bytes(
        row(Situationer="Jag är orolig för ett barn; bup", Akut="ja"),
        row(name="Socialtjänsten Kalix", actor="socialtjanst", phone="+46701740621"),
        row(
            scope="Östra Norrbotten",
            name="Familjerådgivningen",
            actor="Socialtjänst",
            phone="",
            **{"E-post": "familj@example.org"},
        ),
        row(
            scope="Hela länet", name="Habiliteringen", actor="Specialistvård", phone="070-174 06 22"
        ),
    )
    result = import_contacts(content, ".csv")
    assert (result.created, result.updated) == (3, 1)
    new = Contact.objects.get(name="Ungdomsmottagningen Kalix")
    assert new.municipality_id == kalix.pk and new.is_urgent and new.phone == "+46701740620"
    assert {s.slug for s in new.situations.all()} == {"orolig", "bup"}
    assert Contact.objects.get(name="Socialtjänsten Kalix").phone == "+46701740621"
    assert Contact.objects.get(name="Familjerådgivningen").county_part_id == directory["east"].pk
    assert Contact.objects.get(name="Habiliteringen").directory_id == directory["index"].pk
    kalix.refresh_from_db()
    assert kalix.revisions.count() == revisions_before + 1
    assert not kalix.has_unpublished_changes
    # The published revision holds the imported contacts, so the next edit keeps them.
    latest = kalix.get_latest_revision_as_object()
    assert "Ungdomsmottagningen Kalix" in [c.name for c in latest.contacts.all()]


def test_one_bad_row_imports_nothing_and_every_bad_row_is_named(directory):
    before = snapshot()
    content = csv_bytes(
        row(),
        row(name="Skolan", phone="070-1"),
        row(scope="Stockholm", name="Fel kommun"),
        row(name="Utan aktör", actor="Polisen", **{"E-post": "inte-en-adress"}),
        row(name="Utan väg", phone=""),
        row(name="Dubbel"),
        row(name="Dubbel"),
        row(name="Konstig", Akut="kanske", Kontrollerad="igår"),
    )
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(content, ".csv")
    report = [str(e) for e in error.value.errors]
    assert any(
        line.startswith("Rad 3, Telefon: Ange ett giltigt svenskt telefonnummer") for line in report
    )
    assert any(
        line.startswith("Rad 4, Omfattning: Okänd omfattning 'Stockholm'") for line in report
    )
    assert any(line.startswith("Rad 5, Aktör: Okänd aktör 'Polisen'") for line in report)
    assert "Rad 5, E-post: Fyll i en giltig e-postadress." in report
    assert any(line.startswith("Rad 6: Ange minst ett sätt att nå kontakten") for line in report)
    assert (
        "Rad 8, Enhet eller funktion: Samma enhet finns redan på rad 7 för samma omfattning."
        in report
    )
    assert "Rad 9, Akut: Skriv 'ja' eller 'nej'." in report
    assert any(line.startswith("Rad 9, Kontrollerad:") for line in report)
    assert not any(line.startswith("Rad 2") for line in report)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        (b"\x00\x01garbage", ".xlsx", "kunde inte läsas som XLSX"),
        (b"Namn;Telefon\nx;y\n", ".csv", "Kolumner saknas"),
        (
            csv_bytes(header=",".join([*HEADERS, "Personnummer"])),
            ".csv",
            "Okända kolumner: Personnummer",
        ),
        ("Omfattning\n\xe5".encode("latin-1"), ".csv", "UTF-8"),
        (b"", ".pdf", "Filtypen stöds inte"),
    ],
)
def test_malformed_files_change_nothing(directory, content, suffix, message):
    before = snapshot()
    with pytest.raises(ContactFileError) as error:
        import_contacts(content, suffix)
    assert message in str(error.value)
    assert snapshot() == before


def test_a_page_with_an_unpublished_draft_is_not_overwritten(directory):
    kalix = MunicipalityPage.objects.get(slug="kalix")
    draft = kalix.get_latest_revision_as_object()
    draft.intro = "Utkast"
    draft.save_revision()
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(csv_bytes(row()), ".csv")
    assert "opublicerade ändringar" in str(error.value)
    assert not Contact.objects.filter(name="Ungdomsmottagningen Kalix").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_then_import_changes_nothing(directory, suffix):
    exported = export_contacts(suffix)
    before = snapshot()
    result = import_contacts(exported, suffix)
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == Contact.objects.count()
    assert snapshot() == before
    assert export_contacts(suffix) == exported or suffix == ".xlsx"


def test_xlsx_export_is_readable_and_edits_round_trip(directory):
    workbook = openpyxl.load_workbook(io.BytesIO(export_contacts(".xlsx")))
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]] == HEADERS
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=2)}
    assert rows["Socialtjänsten Kalix"][3].value == "070-174 06 05"
    rows["Socialtjänsten Kalix"][3].value = "070-174 06 44"
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = import_contacts(buffer.getvalue(), ".xlsx")
    assert result.updated == 1
    assert Contact.objects.get(name="Socialtjänsten Kalix").phone == "+46701740644"


def test_commands(directory, tmp_path):
    path = tmp_path / "kontakter.csv"
    call_command("export_contacts", str(path))
    assert path.read_bytes().startswith("\ufeffOmfattning".encode())
    call_command("import_contacts", str(path))
    bad = tmp_path / "fel.csv"
    bad.write_bytes(csv_bytes(row(phone="123")))
    with pytest.raises(CommandError) as error:
        call_command("import_contacts", str(bad))
    assert "Rad 2, Telefon" in str(error.value)
    with pytest.raises(CommandError, match="kunde inte öppnas"):
        call_command("import_contacts", str(tmp_path / "saknas.csv"))
    good = tmp_path / "ny.csv"
    good.write_bytes(csv_bytes(row()))
    call_command("import_contacts", str(good), "--dry-run")
    assert not Contact.objects.filter(name="Ungdomsmottagningen Kalix").exists()


def test_admin_import_export_and_permission(admin_client, client, directory, django_user_model):
    page = admin_client.get("/admin/kontakter/las-in/")
    assert page.status_code == 200
    export = admin_client.get("/admin/kontakter/exportera/?format=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert admin_client.get("/admin/kontakter/exportera/?format=exe").status_code == 400

    upload = SimpleUploadedFile("k.csv", csv_bytes(row(), row(name="Fel", phone="1")))
    response = admin_client.post("/admin/kontakter/las-in/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ingenting lästes in" in html and "Rad 3, Telefon" in html
    assert not Contact.objects.filter(name="Ungdomsmottagningen Kalix").exists()

    upload = SimpleUploadedFile("k.csv", csv_bytes(row()))
    response = admin_client.post("/admin/kontakter/las-in/", {"file": upload}, follow=True)
    assert "Inläst: 1 nya, 0 ändrade, 0 oförändrade kontakter." in response.content.decode()

    editor = django_user_model.objects.create_user("e", "e@example.org", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/kontakter/las-in/").status_code in {302, 403}
    assert client.get("/admin/kontakter/exportera/").status_code in {302, 403}


def test_unverified_report_lists_stale_contacts_per_municipality(admin_client, directory):
    response = admin_client.get("/admin/kontakter/okontrollerade/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Norrbuskontakt Kalix" in html  # verified 2024-01-10
    assert "Socialtjänsten Luleå" in html  # never verified
    assert "Socialtjänsten Kalix" not in html  # verified today
    filtered = admin_client.get(
        "/admin/kontakter/okontrollerade/", {"municipality": directory["lulea"].pk}
    ).content.decode()
    assert "Socialtjänsten Luleå" in filtered and "Norrbuskontakt Kalix" not in filtered
    export = admin_client.get("/admin/kontakter/okontrollerade/?export=csv")
    assert (
        "Norrbuskontakt Kalix"
        in b"".join(export.streaming_content if export.streaming else [export.content]).decode()
    )


def test_municipality_editor_sees_only_own_stale_contacts(client, django_user_model, directory):
    from directory.permissions import ensure_municipality_editor_group

    user = django_user_model.objects.create_user("kalix", "k@example.org", "pw")
    user.groups.add(ensure_municipality_editor_group(directory["kalix"]))
    client.force_login(user)
    html = client.get("/admin/kontakter/okontrollerade/").content.decode()
    assert "Norrbuskontakt Kalix" in html
    assert "Socialtjänsten Luleå" not in html


# Shape, formulas and personnummer: the file must be what the export writes, or nothing changes.

IDENTITY_NUMBER = "121212-1212"  # the Tax Agency's test personnummer
# A real mobile number that is also a valid personnummer (070101-1231): phones are exempt.
PHONE_LIKE_IDENTITY_NUMBER = "0701011231"


def contact_row(**cells) -> dict:
    values = dict.fromkeys(HEADERS, "")
    values.update(
        {
            "Omfattning": "Kalix",
            "Enhet eller funktion": "Ungdomsmottagningen Kalix",
            "Aktör": "Primärvård",
            "Telefon": "070-174 06 20",
        }
    )
    values.update(cells)
    return values


def csv_file(*rows: dict, headers=HEADERS) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def every_field():
    """Every stored value of every contact, with its situations."""
    return sorted(
        (*values, tuple(sorted(Contact.objects.get(pk=values[0]).situations.values_list("pk"))))
        for values in Contact.objects.values_list(
            "pk", *(f.attname for f in Contact._meta.concrete_fields if f.attname != "id")
        )
    )


def exported_csv_rows() -> list[dict]:
    text = export_contacts(".csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_file_without_some_columns_is_refused_and_blanks_nothing(directory, dry_run):
    dropped = ["E-post", "Kontakta oss när", "Kontrollerad"]
    headers = [header for header in HEADERS if header not in dropped]
    content = csv_file(*exported_csv_rows(), headers=headers)
    before = every_field()
    assert Contact.objects.exclude(email="").exists()
    assert Contact.objects.filter(verified_on__isnull=False).exists()
    with pytest.raises(ContactFileError) as error:
        import_contacts(content, ".csv", dry_run=dry_run)
    assert "Kolumner saknas: E-post, Kontakta oss när, Kontrollerad." in str(error.value)
    assert every_field() == before


def test_the_command_names_the_missing_columns_on_a_dry_run(directory, tmp_path):
    path = tmp_path / "utan-epost.csv"
    path.write_bytes(csv_file(*exported_csv_rows(), headers=[h for h in HEADERS if h != "E-post"]))
    before = every_field()
    with pytest.raises(CommandError, match="Kolumner saknas: E-post"):
        call_command("import_contacts", str(path), "--dry-run")
    assert every_field() == before


def test_repeated_and_unnamed_columns_with_content_are_refused(directory):
    twice = ",".join([*HEADERS, "E-post"])
    with pytest.raises(ContactFileError, match="Kolumnen E-post finns flera gånger"):
        import_contacts(csv_bytes(row() + ',"x@example.org"', header=twice), ".csv")
    unnamed = ",".join([*HEADERS, ""])
    with pytest.raises(ContactFileError, match=f"Kolumn {COLUMN_AFTER_HEADERS} har ingen rubrik"):
        import_contacts(csv_bytes(row() + ',"något"', header=unnamed), ".csv")
    # An empty column without a header (Excel often leaves one) is harmless.
    assert import_contacts(csv_bytes(row() + ",", header=unnamed), ".csv").created == 1


def xlsx_with(edits: dict[tuple[str, str], str]) -> bytes:
    """The export as .xlsx with {(contact name, header): value} written into its cells."""
    workbook = openpyxl.load_workbook(io.BytesIO(export_contacts(".xlsx")))
    sheet = workbook.active
    names = {r[1].value: r[1].row for r in sheet.iter_rows(min_row=2)}
    for (name, header), value in edits.items():
        sheet.cell(row=names[name], column=HEADERS.index(header) + 1, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_formula_cells_in_xlsx_are_refused_with_their_cell(directory):
    content = xlsx_with(
        {
            ("Socialtjänsten Kalix", "E-post"): '=HYPERLINK("https://example.org")',
            ("Hälsocentralen Kalix", "Öppettider"): "=1+1",
        }
    )
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    formulas = {c.coordinate: c.row for r in sheet.iter_rows() for c in r if c.data_type == "f"}
    assert len(formulas) == 2  # the test file really holds two formulas
    before = every_field()
    for dry_run in (True, False):
        with pytest.raises(ContactImportErrors) as error:
            import_contacts(content, ".xlsx", dry_run=dry_run)
        report = [str(e) for e in error.value.errors]
        assert len(report) == 2
        for coordinate, row_number in formulas.items():
            column = HEADERS[openpyxl.utils.column_index_from_string(coordinate[0]) - 1]
            assert (
                f"Rad {row_number}, {column}: Cell {coordinate} innehåller en formel. "
                "Skriv in värdet som vanlig text." in report
            )
    assert every_field() == before


def with_saved_result(content: bytes, coordinate: str, result: str) -> bytes:
    """The .xlsx with the formula in `coordinate` carrying a saved result, as Excel writes it."""
    source, target = io.BytesIO(content), io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rf'<c r="{coordinate}"( s="\d+")?><f>(.*?)</f><v></v>'.encode(),
                    rf'<c r="{coordinate}"\1 t="str"><f>\2</f><v>{result}</v>'.encode(),
                    data,
                )
            new.writestr(item, data)
    return target.getvalue()


def test_an_xlsx_formula_with_a_saved_result_is_refused_not_taken_as_that_value(directory):
    content = xlsx_with({("Socialtjänsten Kalix", "E-post"): '=LOWER("NY@EXAMPLE.ORG")'})
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    number = next(c.row for c in sheet["B"] if c.value == "Socialtjänsten Kalix")
    content = with_saved_result(content, f"G{number}", "ny@example.org")
    saved = openpyxl.load_workbook(io.BytesIO(content), data_only=True).active
    assert saved[f"G{number}"].value == "ny@example.org"  # what a reader of results would take
    before = every_field()
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(content, ".xlsx")
    assert [str(e) for e in error.value.errors] == [
        f"Rad {number}, E-post: Cell G{number} innehåller en formel. "
        "Skriv in värdet som vanlig text."
    ]
    assert every_field() == before


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Öppettider", "=1+1"),
        ("Webbadress", '=HYPERLINK("https://example.org")'),
        ("Enhet eller funktion", "@SUMMA(A1)"),
        ("Kontakta oss när", "+cmd|' /C calc'!A0"),
        ("Besöksadress", "-2+3+cmd|' /C calc'!A0"),
        ("Öppettider", "- stängt i juli"),
        ("Öppettider", "  =1+1"),
    ],
)
def test_csv_cells_a_spreadsheet_would_compute_are_refused(directory, header, value):
    before = every_field()
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(csv_file(contact_row(**{header: value})), ".csv")
    column = openpyxl.utils.get_column_letter(HEADERS.index(header) + 1)
    assert [str(e) for e in error.value.errors] == [
        f"Rad 2, {header}: Cell {column}2 innehåller en formel (börjar med =, +, - eller @). "
        "Ta bort tecknet eller skriv en apostrof (') före det."
    ]
    assert every_field() == before


def test_csv_numbers_and_apostrophe_text_are_not_formulas(directory):
    content = csv_file(
        contact_row(
            Telefon="+46 70-174 06 20",
            **{"Annat telefonnummer": "+46701740621", "Vad det andra numret är": "Sms"},
        ),
        contact_row(
            **{
                "Enhet eller funktion": "Jouren",
                "Öppettider": "'=dygnet runt",
                "Kontakta oss när": "-",
                "Besöksadress": "-12,5",
            }
        ),
    )
    assert import_contacts(content, ".csv").created == 2
    first = Contact.objects.get(name="Ungdomsmottagningen Kalix")
    assert (first.phone, first.phone_alt) == ("+46701740620", "+46701740621")
    jouren = Contact.objects.get(name="Jouren")
    assert (jouren.opening_hours, jouren.contact_when, jouren.visiting_address) == (
        "=dygnet runt",
        "-",
        "-12,5",
    )


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("Öppettider", f"Ring om barnet {IDENTITY_NUMBER}"),
        ("Kontakta oss när", "Gäller 19121212-1212"),
        ("Enhet eller funktion", f"Mottagningen {PHONE_LIKE_IDENTITY_NUMBER}"),
        ("Omfattning", f"Kalix {IDENTITY_NUMBER}"),
        ("Situationer", IDENTITY_NUMBER),
        ("E-post", f"{IDENTITY_NUMBER}@example.org"),
        ("Vad det andra numret är", IDENTITY_NUMBER),
        ("Kan inte hjälpa till med", f"Inte barnet {IDENTITY_NUMBER}"),
        ("Ha det här redo", f"Barnets personnummer {IDENTITY_NUMBER}"),
        ("Så kontaktar du oss", f"Ring och uppge {IDENTITY_NUMBER}"),
        ("Svarstid", IDENTITY_NUMBER),
        ("Språk", f"Svenska {IDENTITY_NUMBER}"),
    ],
)
def test_a_personnummer_in_any_text_cell_is_refused_without_repeating_it(directory, header, value):
    before = every_field()
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(csv_file(contact_row(**{header: value})), ".csv")
    column = openpyxl.utils.get_column_letter(HEADERS.index(header) + 1)
    report = [str(e) for e in error.value.errors]
    assert (
        f"Rad 2, {header}: Cell {column}2 innehåller ett personnummer eller "
        "samordningsnummer. Ta bort det; skriv aldrig uppgifter om enskilda barn eller "
        "familjer i kontaktlistan." in report
    )
    assert not any(line.startswith("Rad 2, " + header) for line in report[1:])
    digits = "".join(ch for ch in value if ch.isdigit())
    assert digits[-10:] not in "".join(report).replace("-", "")
    assert every_field() == before


def test_a_personnummer_in_a_header_is_refused_without_repeating_it(directory):
    header = ",".join([*HEADERS, f"Barn {IDENTITY_NUMBER}"])
    with pytest.raises(ContactFileError) as error:
        import_contacts(csv_bytes(row() + ',""', header=header), ".csv")
    assert (
        f"Cell {COLUMN_AFTER_HEADERS}1 innehåller ett personnummer eller samordningsnummer."
        in str(error.value)
    )
    assert IDENTITY_NUMBER not in str(error.value)
    assert not Contact.objects.filter(name="Ungdomsmottagningen Kalix").exists()


def test_phone_columns_are_exempt_from_the_personnummer_check(directory):
    content = csv_file(
        contact_row(
            Telefon=PHONE_LIKE_IDENTITY_NUMBER,
            **{
                "Annat telefonnummer": PHONE_LIKE_IDENTITY_NUMBER,
                "Vad det andra numret är": "Jour",
            },
        )
    )
    assert import_contacts(content, ".csv").created == 1
    contact = Contact.objects.get(name="Ungdomsmottagningen Kalix")
    assert contact.phone == contact.phone_alt == "+46701011231"


def test_the_admin_names_a_personnummer_cell_and_saves_nothing(admin_client, directory):
    content = xlsx_with({("Socialtjänsten Kalix", "Öppettider"): f"x {IDENTITY_NUMBER}"})
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    number = next(c.row for c in sheet["B"] if c.value == "Socialtjänsten Kalix")
    before = every_field()
    upload = SimpleUploadedFile("k.xlsx", content)
    response = admin_client.post("/admin/kontakter/las-in/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ingenting lästes in" in html
    assert f"Rad {number}, Öppettider: Cell J{number} innehåller ett personnummer" in html
    assert IDENTITY_NUMBER not in html and "1212121212" not in html
    assert every_field() == before


FORMULA_LIKE_TEXT = {
    "opening_hours": '=HYPERLINK("https://example.org")',
    "visiting_address": "+Storgatan 1",
    "contact_when": "-Ring först",
    "phone_alt_label": "@jour",
}


def test_the_csv_export_writes_no_formula_and_round_trips(directory):
    Contact.objects.filter(name="Socialtjänsten Kalix").update(**FORMULA_LIKE_TEXT)
    row_of = {r["Enhet eller funktion"]: r for r in exported_csv_rows()}
    exported = row_of["Socialtjänsten Kalix"]
    for name, text in FORMULA_LIKE_TEXT.items():
        assert exported[str(Contact._meta.get_field(name).verbose_name).rstrip(" …")] == (
            "'" + text
        )
    assert row_of["Socialtjänsten Kalix"]["Telefon"] == "070-174 06 05"
    before = every_field()
    result = import_contacts(export_contacts(".csv"), ".csv")
    assert (result.created, result.updated) == (0, 0)
    assert every_field() == before


def test_the_xlsx_export_writes_text_not_formulas_and_round_trips(directory):
    Contact.objects.filter(name="Socialtjänsten Kalix").update(**FORMULA_LIKE_TEXT)
    content = export_contacts(".xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [c for r in sheet.iter_rows() for c in r if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value: c for c in cells}
    for text in FORMULA_LIKE_TEXT.values():
        assert texts[text].data_type == "s"
        assert texts[text].quotePrefix
    before = every_field()
    result = import_contacts(content, ".xlsx")
    assert (result.created, result.updated) == (0, 0)
    assert every_field() == before


def test_a_collaboration_body_is_read_by_its_name_and_checked_against_the_scope(directory):
    content = csv_bytes(
        row(
            scope="Östra Norrbotten",
            name="Samverkansgruppen Östra Norrbotten",
            actor="Annan",
            Samverkansorgan="Samverkansgruppen i länsdelen",
        ),
        row(
            scope="Hela länet",
            name="Samverkansstruktur målgrupp barn och unga",
            actor="Annan",
            Samverkansorgan="samverkansstruktur",
        ),
    )
    assert import_contacts(content, ".csv").created == 2
    group = Contact.objects.get(name="Samverkansgruppen Östra Norrbotten")
    assert group.norrbus_body == "samverkansgrupp" and group.county_part.name == "Östra Norrbotten"
    exported = export_contacts(".csv").decode("utf-8-sig")
    assert "Samverkansgruppen i länsdelen" in exported
    assert "Samverkansstruktur målgrupp barn och unga" in exported


def test_a_collaboration_body_in_the_wrong_scope_or_unknown_imports_nothing(directory):
    before = snapshot()
    content = csv_bytes(
        row(name="Grupp i Kalix", Samverkansorgan="Samverkansgruppen i länsdelen"),
        row(name="Okänt organ", Samverkansorgan="Länsstyrgruppen"),
    )
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(content, ".csv")
    report = str(error.value)
    assert "Rad 2, Samverkansorgan: Samverkansgruppen är en kontakt för en länsdel." in report
    assert "Rad 3, Samverkansorgan: Okänt samverkansorgan 'Länsstyrgruppen'." in report
    assert snapshot() == before


# "Innan du kontaktar": its five columns travel with the rest.

BEFORE_CONTACT_CELLS = {
    "Kan inte hjälpa till med": "Akut fara: ring 112.",
    "Ha det här redo": "Barnets ålder och vad du har sett.",
    "Så kontaktar du oss": "Ring först. Underlag via e-tjänsten.",
    "Svarstid": "Svarar samma dag.",
    "Språk": "Svenska och finska.",
}
BEFORE_CONTACT_FIELDS = {
    "Kan inte hjälpa till med": "cannot_help_with",
    "Ha det här redo": "have_ready",
    "Så kontaktar du oss": "how_to_reach",
    "Svarstid": "response_time",
    "Språk": "languages",
}


def test_the_before_contact_columns_are_exported_and_round_trip(directory):
    assert [h for h in HEADERS if h in BEFORE_CONTACT_CELLS] == list(BEFORE_CONTACT_CELLS)
    Contact.objects.filter(name="Socialtjänsten Kalix").update(
        **{BEFORE_CONTACT_FIELDS[h]: text for h, text in BEFORE_CONTACT_CELLS.items()}
    )
    exported = {r["Enhet eller funktion"]: r for r in exported_csv_rows()}
    for header, text in BEFORE_CONTACT_CELLS.items():
        assert exported["Socialtjänsten Kalix"][header] == text
        assert exported["Hälsocentralen Kalix"][header] == ""
    before = every_field()
    for suffix in (".csv", ".xlsx"):
        result = import_contacts(export_contacts(suffix), suffix)
        assert (result.created, result.updated) == (0, 0)
        assert every_field() == before
    # An edit in a new column is read back into its field, and only that contact changes.
    content = xlsx_with(
        {
            ("Hälsocentralen Kalix", "Svarstid"): "Ringer upp inom två dagar.",
            ("Hälsocentralen Kalix", "Språk"): "Svenska och meänkieli.",
        }
    )
    assert import_contacts(content, ".xlsx").updated == 1
    health = Contact.objects.get(name="Hälsocentralen Kalix")
    assert (health.response_time, health.languages) == (
        "Ringer upp inom två dagar.",
        "Svenska och meänkieli.",
    )


def test_new_contacts_get_the_before_contact_columns(directory):
    content = csv_file(contact_row(**BEFORE_CONTACT_CELLS))
    assert import_contacts(content, ".csv").created == 1
    contact = Contact.objects.get(name="Ungdomsmottagningen Kalix")
    for header, text in BEFORE_CONTACT_CELLS.items():
        assert getattr(contact, BEFORE_CONTACT_FIELDS[header]) == text


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_bad_before_contact_cell_imports_nothing_and_names_its_row(directory, dry_run):
    good = contact_row(**BEFORE_CONTACT_CELLS)
    bad = contact_row(**{"Enhet eller funktion": "Jouren", "Svarstid": "x" * 201})
    too_long = contact_row(**{"Enhet eller funktion": "Mottagningen", "Ha det här redo": "y" * 601})
    before = every_field()
    with pytest.raises(ContactImportErrors) as error:
        import_contacts(csv_file(good, bad, too_long), ".csv", dry_run=dry_run)
    report = [str(e) for e in error.value.errors]
    assert report == [
        "Rad 3, Svarstid: Säkerställ att detta värde har som mest 200 tecken (den har 201).",
        "Rad 4, Ha det här redo: Säkerställ att detta värde har som mest 600 tecken (den har 601).",
    ]
    assert every_field() == before
    assert not Contact.objects.filter(name="Ungdomsmottagningen Kalix").exists()
