"""Staff accounts for learners: invitation links and e-mail activation.

An invitation link is signed, not stored: whoever has it may create an account with a work
e-mail address (a domain in LEARNER_EMAIL_DOMAINS) until it expires. The account stays
inactive until its owner follows the activation link sent to that address.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

INVITATION_SALT = "norrbus.training.invitation"


def invitation_path(issuer) -> str:
    token = signing.dumps({"by": issuer.pk}, salt=INVITATION_SALT, compress=True)
    return reverse("training:register", args=[token])


def invitation_valid(token: str) -> bool:
    try:
        signing.loads(
            token, salt=INVITATION_SALT, max_age=settings.LEARNER_INVITATION_DAYS * 24 * 3600
        )
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return False
    return True


def send_activation(request, user) -> None:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    link = request.build_absolute_uri(reverse("training:activate", args=[uid, token]))
    send_mail(
        "Aktivera ditt konto i Norrbus kunskapsportal",
        f"Hej {user.first_name}!\n\n"
        "Du har skapat ett konto för utbildningarna i Norrbus kunskapsportal. Öppna länken "
        f"för att aktivera det:\n\n{link}\n\n"
        "Har du inte skapat något konto kan du bortse från meddelandet.\n",
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
