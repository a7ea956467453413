"""The log's format: where it failed, never what was typed.

An exception's text may quote a document (a damaged file's field in a
``DataInvalid`` detail, the initials in a ``ValidationError``'s ``value``);
``logging``'s default formatter writes that text into the log with every
``log.exception`` or ``exc_info=True``. :class:`PrivateFormatter` writes the
traceback's frames (file, line, function, source line) and each exception's
type, chained ones included, and leaves their messages out. The log's own
messages are the code's, with ids and paths, never a note, a name or a
fødselsnummer (``tests/store/test_store_log_privacy.py``).
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def exception_outline(error: BaseException | None, tb: TracebackType | None = None) -> str:
    """The frames and the type of ``error`` and of the exceptions it was
    raised from or during, without any of their messages."""
    parts: list[str] = []
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        frames = "".join(traceback.format_tb(tb or error.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{type(error).__module__}.{type(error).__qualname__}")
        tb = None
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return "\n\nwhile handling or caused by:\n".join(reversed(parts)) if parts else ""


class PrivateFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__(FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the exception's text on the record (exc_text): one
        # formatted by another handler would hold the messages. Ours, always.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # noqa: N802 - logging's name
        _type, value, tb = ei
        return exception_outline(value, tb)

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return stack_info  # code locations only
