"""The feedback form's three steps, shown where the reader answered.

1. "ask": the page's question with two buttons, Ja and Nej; the answer is stored at once.
2. "comment": thanks, and a field for an optional comment, tied to the stored answer by a
   signed token (so the page needs no cookie or session to know which answer it is).
3. "done": thanks for the comment.

With JavaScript the step is posted with fetch and the next one replaces the section in place.
Without it the post redirects back to the page at #aterkoppling with a message pending: the
message makes the page cache render the page for this reader alone, and this module shows
the message in the section instead of at the top of the page.
"""

from django.contrib import messages
from django.core import signing
from django.template.loader import render_to_string

from portal.messages import IN_PLACE

from .models import Feedback

TEMPLATE = "feedback/includes/feedback_form.html"
ANCHOR = "aterkoppling"
# The tags of the pending message: shown in the feedback section, not at the top.
MESSAGE_TAGS = f"{IN_PLACE} {ANCHOR}"
THANKS = "Tack! Ditt svar hjälper oss att göra sidan bättre."
COMMENT_THANKS = "Tack för din kommentar!"
TOKEN_PARAM = "svar"
_SALT = "feedback.comment"
# How long after the answer a comment can be added to it.
COMMENT_WINDOW_SECONDS = 3600


def comment_token(feedback: Feedback) -> str:
    return signing.dumps(feedback.pk, salt=_SALT)


def awaiting_comment(token: str, page_id: int) -> Feedback | None:
    """The answer the token was given for, while it can still take a comment (once)."""
    try:
        pk = signing.loads(token, salt=_SALT, max_age=COMMENT_WINDOW_SECONDS)
    except signing.BadSignature:  # SignatureExpired included
        return None
    return Feedback.objects.filter(pk=pk, page_id=page_id, comment="").first()


def render_step(page_id: int, step: str, form=None, thanks: str = "") -> str:
    context = {"page_id": page_id, "step": step, "form": form, "thanks": thanks}
    return render_to_string(TEMPLATE, context)


def pending_thanks(request) -> str:
    """The text of the feedback message waiting for this request, or ''."""
    for message in messages.get_messages(request):
        if ANCHOR in (message.extra_tags or "").split():
            return str(message)
    return ""
