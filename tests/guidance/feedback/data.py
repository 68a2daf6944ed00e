"""A deviation report as the form posts it, from the demo content."""

from directory.models import MunicipalityPage
from guidance.models import RoutinePage


def deviation_data(**changes) -> dict:
    data = {
        "routine": RoutinePage.objects.get(slug="norrbusmotet").pk,
        "reporter_actor": "skola",
        "other_actors": ["socialtjanst"],
        "municipality": MunicipalityPage.objects.get(slug="kalix").pk,
        "description": "Kallelsen kom dagen före mötet.",
        "reporter_email": "larare@kalix.se",
    }
    data.update(changes)
    return data
