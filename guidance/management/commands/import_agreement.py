from datetime import date

from django.core.management.base import BaseCommand, CommandError

from guidance.importing import AgreementImportError, create_draft_version, read_agreement


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"'{value}' är inget datum. Skriv det som ÅÅÅÅ-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "Läser en överenskommelse (.txt eller .docx) och skapar ett utkast till en ny version "
        "med ett avsnitt per rubrik, för en redaktör att granska och publicera."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Sökväg till dokumentet (.txt eller .docx)")
        parser.add_argument("--label", help="Versionens namn, t.ex. '2025'")
        parser.add_argument("--effective-date", type=iso_date, help="Gäller från, ÅÅÅÅ-MM-DD")
        parser.add_argument("--decision-date", type=iso_date, help="Beslutsdatum, ÅÅÅÅ-MM-DD")

    def handle(self, *args, path, label, effective_date, decision_date, **options):
        try:
            parsed = read_agreement(path)
            version = create_draft_version(
                parsed,
                source_name=path.rsplit("/", 1)[-1],
                label=label,
                effective_date=effective_date,
                decision_date=decision_date,
            )
        except AgreementImportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Utkastet '{version.title}' ({version.version_label}) skapades med "
                f"{len(parsed.sections)} avsnitt. Granska och publicera det i admin: "
                f"/admin/pages/{version.pk}/edit/"
            )
        )
