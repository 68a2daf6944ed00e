from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from guidance.roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Skapar eller lagar grupperna Centralt stöd, Granskare, Deltagare och en "
        "Kommunredaktör per kommun, och arbetsflödet Granskning. Att köra det igen ändrar "
        "ingenting."
    )

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("Det finns ingen webbplats ännu: kör migrate och skapa startsidan.")
        groups = ensure_roles(site.root_page)
        self.stdout.write(f"{len(groups)} grupper och arbetsflödet Granskning är på plats.")
