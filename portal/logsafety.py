"""Log lines that a request cannot forge.

A request path is decoded before it is logged ("Not Found: /a%0d%0a..." becomes two lines
in the log, the second one the attacker's), and so is gunicorn's `%(U)s`. The filter here
writes every control character in a record's message as an escape (`\\r`, `\\n`, `\\x1b`),
so one record is always one line. Tracebacks, formatted after the filter, keep their lines.

Installed on the console and runserver handlers in `LOGGING` (portal/settings/base.py),
and on gunicorn's access and error logs by `GunicornLogger` (scripts/gunicorn.conf.py).
"""

import logging
import re

from gunicorn.glogging import Logger

# C0 controls, DEL, C1 controls and the Unicode line and paragraph separators.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in NAMED:
        return NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def escape_control_characters(text: str) -> str:
    return CONTROL_CHARACTERS.sub(_escape, text)


class EscapeControlCharacters(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        escaped = escape_control_characters(message)
        if escaped != message:
            record.msg, record.args = escaped, None
        return True


class GunicornLogger(Logger):
    """gunicorn's logger with the filter on its access and error logs' handlers."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            for handler in log.handlers:
                handler.addFilter(EscapeControlCharacters())
