"""A logging filter that keeps personal data and private links out of every log line.

Django logs the path of refused requests (`Forbidden: /horing/x/innspill/<token>/`); the
path of a respondent's private page is as good as a password, a join code lets anyone into a
workshop, and an e-mail address is personal data. All three are replaced before a record is
written."""

import logging
import re

REDACTED = "[skjult]"
TOKEN = r"(?=[A-Za-z_-]*[0-9])(?=[0-9_-]*[A-Za-z])[A-Za-z0-9_-]{24,}"
PATTERNS = [
    re.compile(r"(?<=/innspill/)[^/\s?#]+"),  # a submission's private token
    re.compile(r"(?<=/v/)[^/\s?#]+"),  # a workshop's join code
    re.compile(TOKEN),  # any other long random token (signed cookies, keys)
    re.compile(r"[^\s@/<>\"'()]+@[^\s@/<>\"'()]+\.[A-Za-z]{2,}"),  # e-mail addresses
]


def redact(text: str) -> str:
    for pattern in PATTERNS:
        text = pattern.sub(REDACTED, text)
    return text


class RedactPrivateData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def unnamed_client(username, ip_address, user_agent, path_info, request) -> str:
    """How django-axes names a failed login in the log: by the page, never by who."""
    return f"login at {path_info}"
