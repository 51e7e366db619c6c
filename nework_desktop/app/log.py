"""Logging: stderr until consent, then also a rotating file in the log root; secrets masked.

Nothing may be written to disk before the user agrees (Art. 4), so :func:`setup` only installs a
stderr handler; :func:`enable_file_logging` adds the file once consent is on record.  Every
handler carries :class:`MaskingFilter`, which masks e-mail addresses and anything that looks like
a token, so a log file never holds what the keyring alone may hold.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from nework_desktop.core.paths import AppPaths

LOG_FILE_NAME = "nework.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

# Unicode-aware: an internationalised domain (例え.jp) is an address too.
_EMAIL = re.compile(r"([\w.%+-])[\w.%+-]*@((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})")
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+")
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*")
_SECRET_KEYS = (
    r"(?:access|refresh|id)?_?token|code|code_verifier|password|secret|client_secret"
    r"|authorization"
)
_KEYVAL = re.compile(rf"(?i)\b({_SECRET_KEYS})([\"']?\s*[=:]\s*[\"']?)([^\s\"'&,;]+)")
#: A secret named in prose ("refresh token r3fr…", "password hunter2"): the key, then a space.
_KEYWORD = re.compile(
    r"(?i)\b((?:access|refresh|id)[ _]token|token|password|secret|client secret|code verifier)"
    r"(\s+)(?=[A-Za-z0-9._~+/=-]*\d)([A-Za-z0-9._~+/=-]{6,})"
)
#: An opaque token with no key at all: long, of the token alphabet, with letters and digits,
#: and not a SHA-256 hex digest or a UUID (those identify records; they are not secrets).
_OPAQUE = re.compile(r"(?<![\w./-])(?=[\w.~+/-]*\d)(?=[\w.~+/-]*[A-Za-z])[\w.~+/-]{40,}")
_HEX_OR_UUID = re.compile(r"[0-9a-f]{64}|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}", re.I)


def _opaque(match: re.Match[str]) -> str:
    text = match.group(0)
    return text if _HEX_OR_UUID.fullmatch(text) else "<masked>"


def mask(text: str) -> str:
    """Mask e-mail addresses and token-like values in ``text``."""
    text = _JWT.sub("<jwt>", text)
    text = _BEARER.sub(r"\1 <masked>", text)
    text = _KEYVAL.sub(r"\1\2<masked>", text)
    text = _KEYWORD.sub(r"\1\2<masked>", text)
    text = _OPAQUE.sub(_opaque, text)
    return _EMAIL.sub(r"\1***@\2", text)


class MaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message or record.args:
            record.msg = masked
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
        return True


def _root() -> logging.Logger:
    return logging.getLogger("nework")


def setup(level: int = logging.INFO) -> None:
    """Install the stderr handler (idempotent)."""
    root = _root()
    root.setLevel(level)
    root.propagate = False
    for handler in root.handlers:
        if getattr(handler, "_nework_stderr", False):
            handler.setLevel(level)
            return
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(logging.Formatter(_FORMAT))
    stderr.addFilter(MaskingFilter())
    stderr._nework_stderr = True  # type: ignore[attr-defined]
    root.addHandler(stderr)


def enable_file_logging(paths: AppPaths) -> Path:
    """Add the rotating log file in the log root (call only after consent)."""
    import logging.handlers  # socket, pickle, queue: not needed before consent

    root = _root()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    log_dir = paths.ensure("log")
    target = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(MaskingFilter())
    root.addHandler(handler)
    return target


def disable_file_logging() -> None:
    """Close and remove the file handler (before a wipe, at withdrawal, at quit)."""
    root = _root()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()
