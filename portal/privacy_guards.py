"""The personnummer guard on Wagtail's and Django's own inputs, which the portal's forms do
not build: user accounts (every admin user form), page comments and replies, documents
(title and file name), search promotions, workflow comments and django-axes' login records.

A model form validates its instance with `full_clean()`; a guarded model's `clean_fields` then
refuses a number in any text field the form shows, with the portal's Swedish message, so
every form of the model refuses it, whoever built the form.
"""

import hashlib
import hmac

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save

from .page_forms import PAGE_MESSAGE, text_of
from .privacy import contains_identity_number, remove_identity_numbers

_TEXT_FIELDS = (models.CharField, models.TextField, models.FileField)


def _text(instance: models.Model, field: models.Field) -> str:
    value = getattr(instance, field.attname, None)
    if isinstance(field, models.FileField):
        return getattr(value, "name", "") or ""
    return text_of(value)


def guarded_fields(model: type[models.Model]) -> list[models.Field]:
    exempt = set(getattr(model, "privacy_exempt_fields", ())) | {"password"}
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in exempt
        and (isinstance(field, _TEXT_FIELDS) or field.get_internal_type() == "StreamField")
    ]


def guard_model(model: type[models.Model]) -> None:
    """Make every model form of `model` refuse identity numbers in its text fields."""
    if getattr(model.clean_fields, "refuses_identity_numbers", False):
        return
    original = model.clean_fields

    def clean_fields(self, exclude=None):
        errors: dict = {}
        try:
            original(self, exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in guarded_fields(type(self)):
            if field.name in (exclude or ()) or field.name in errors:
                continue
            if contains_identity_number(_text(self, field)):
                errors[field.name] = [PAGE_MESSAGE]
        if errors:
            raise ValidationError(errors)

    clean_fields.refuses_identity_numbers = True
    model.clean_fields = clean_fields


def redact_workflow_comment(sender, instance, **kwargs) -> None:
    """A workflow task's comment is a plain form of Wagtail's: the number is taken out before
    the comment is stored, logged in the history or mailed to the editor."""
    if contains_identity_number(instance.comment):
        instance.comment = remove_identity_numbers(instance.comment)


def login_username(request, credentials) -> str | None:
    """What django-axes stores and compares for a login attempt: a keyed hash of the
    username, never the username typed (it may be a personnummer)."""
    username = (credentials or {}).get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None and request is not None:
        username = getattr(request, "data", request.POST).get(settings.AXES_USERNAME_FORM_FIELD)
    if username is None:
        return None
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, username.strip().lower().encode(), hashlib.sha256).hexdigest()
    return f"hmac:{digest[:32]}"


def connect() -> None:
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion
    from wagtail.documents import get_document_model
    from wagtail.models import Comment, CommentReply, TaskState

    for model in (get_user_model(), Comment, CommentReply, get_document_model()):
        guard_model(model)
    for model in (SearchPromotion, Query):
        guard_model(model)
    for model in [TaskState, *TaskState.__subclasses__()]:
        pre_save.connect(redact_workflow_comment, sender=model, weak=False)
