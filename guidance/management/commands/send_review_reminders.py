from django.core.management.base import BaseCommand

from guidance.reviews import send_reminders


class Command(BaseCommand):
    help = (
        "Mejlar sidornas ansvariga när en sida ska granskas: två veckor före, samma dag och "
        "varje vecka så länge den är försenad. Körs en gång om dagen (cron eller systemd-timer)."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} påminnelse(r) skickade.")
