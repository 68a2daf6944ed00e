"""Messages that the component they are about shows itself, in place, instead of the list of
messages at the top of the page: they carry the extra tag IN_PLACE."""

IN_PLACE = "in-place"


def shown_at_top(messages) -> list:
    return [message for message in messages if IN_PLACE not in (message.extra_tags or "").split()]
