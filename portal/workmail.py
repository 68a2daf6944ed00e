"""Work e-mail addresses: the region's and the municipalities' domains (LEARNER_EMAIL_DOMAINS,
subdomains included). The portal mails receipts only there, never to an address anyone types."""

from django.conf import settings


def is_work_address(email: str) -> bool:
    domain = email.rpartition("@")[2].lower()
    return any(
        domain == allowed or domain.endswith("." + allowed)
        for allowed in settings.LEARNER_EMAIL_DOMAINS
    )
