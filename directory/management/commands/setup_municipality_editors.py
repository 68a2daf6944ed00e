from django.core.management.base import BaseCommand

from directory.models import MunicipalityPage
from directory.permissions import ensure_municipality_editor_group


class Command(BaseCommand):
    help = (
        "Skapar gruppen 'Kommunredaktör <kommun>' för varje kommunsida, med rätt att ändra och "
        "publicera kommunens sida och sidorna under den. Att köra igen ändrar ingenting."
    )

    def handle(self, *args, **options):
        pages = MunicipalityPage.objects.order_by("title")
        for page in pages:
            ensure_municipality_editor_group(page)
        self.stdout.write(f"{pages.count()} kommunredaktörsgrupper är på plats.")
