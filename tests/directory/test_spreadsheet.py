import io

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
