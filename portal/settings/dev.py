from .base import *  # noqa: F403

DEBUG = True
# Not a secret: used only on a developer's own machine.
SECRET_KEY = "dev-only-not-secret-norrbus"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
# Mail is queued as in production and written to the console at once.
POST_OFFICE = {
    **POST_OFFICE,  # noqa: F405
    "BACKENDS": {"default": "django.core.mail.backends.console.EmailBackend"},
    "DEFAULT_PRIORITY": "now",
}
