from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.spreadsheet import ContactFileError, export_contacts


class Command(BaseCommand):
    help = "Exporterar alla kontakter till en CSV- eller Excelfil (.xlsx), efter filändelsen."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Filen att skriva, t.ex. kontakter.xlsx.")

    def handle(self, *args, path, **options):
        file = Path(path)
        try:
            content = export_contacts(file.suffix)
        except ContactFileError as error:
            raise CommandError(str(error)) from error
        try:
            file.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Filen kunde inte skrivas: {file}") from error
        self.stdout.write(f"Kontakterna skrevs till {file}.")
