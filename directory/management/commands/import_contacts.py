from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.spreadsheet import ContactFileError, ContactImportErrors, import_contacts


class Command(BaseCommand):
    help = (
        "Läser in kontakter från en CSV- eller Excelfil (.xlsx) med exportens kolumner. "
        "Är en rad fel läses ingenting in."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Filen att läsa in.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Kontrollera filen utan att spara något."
        )

    def handle(self, *args, path, dry_run=False, **options):
        file = Path(path)
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Filen kunde inte öppnas: {file}") from error
        try:
            result = import_contacts(content, file.suffix, dry_run=dry_run)
        except ContactFileError as error:
            raise CommandError(str(error)) from error
        except ContactImportErrors as error:
            raise CommandError(
                "Ingenting lästes in. Rätta raderna och försök igen:\n" + str(error)
            ) from error
        verb = "Skulle läsa in" if dry_run else "Inläst"
        self.stdout.write(
            f"{verb}: {result.created} nya, {result.updated} ändrade, "
            f"{result.unchanged} oförändrade kontakter."
        )
