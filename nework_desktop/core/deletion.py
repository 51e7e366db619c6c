"""The deletion request on record (``<state>/deletion-request.json``): its state and its file.

Written *before* anything is sent (:mod:`nework_desktop.services.deletion` sends it)::

    {"schema": 1, "request_id": "…", "created_at": "2024-05-01T09:00:00Z",
     "status": "pending", "attempts": 0, "last_error": null,
     "last_attempt_at": null, "acknowledged_at": null}

Reading never writes; a damaged file reads as "no request".  No Qt, no network here.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from nework_desktop.core import storage
from nework_desktop.core.paths import AppPaths

__all__ = ["DELETION_NAME", "DeletionState", "Status", "read_state", "write_state"]

log = logging.getLogger("nework.deletion")

DELETION_NAME: Final = "deletion-request.json"
#: One small record; anything this large is not ours.
MAX_RECORD_BYTES: Final = 64 * 1024
SCHEMA: Final = 1

Status = Literal["pending", "acknowledged"]


@dataclass(frozen=True)
class DeletionState:
    """The deletion request on record."""

    request_id: str
    created_at: str
    status: Status
    attempts: int = 0
    last_error: str | None = None
    last_attempt_at: str | None = None
    acknowledged_at: str | None = None

    @property
    def pending(self) -> bool:
        return self.status == "pending"

    def to_json(self) -> dict[str, object]:
        return {"schema": SCHEMA, **dataclasses.asdict(self)}


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _parse(data: object) -> DeletionState | None:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None
    request_id, created = data.get("request_id"), data.get("created_at")
    status, attempts = data.get("status"), data.get("attempts", 0)
    if not isinstance(request_id, str) or not isinstance(created, str):
        return None
    try:
        uuid.UUID(request_id)
    except ValueError:
        return None
    if status not in ("pending", "acknowledged"):
        return None
    if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 0:
        attempts = 0
    checked: Status = "acknowledged" if status == "acknowledged" else "pending"
    return DeletionState(
        request_id=request_id,
        created_at=created,
        status=checked,
        attempts=attempts,
        last_error=_optional_text(data.get("last_error")),
        last_attempt_at=_optional_text(data.get("last_attempt_at")),
        acknowledged_at=_optional_text(data.get("acknowledged_at")),
    )


def state_path(paths: AppPaths) -> Path:
    return paths.state / DELETION_NAME


def read_state(paths: AppPaths) -> DeletionState | None:
    """The request on record, or None; reads only (creates and changes nothing)."""
    try:
        data = storage.read_json(state_path(paths), limit=MAX_RECORD_BYTES)
    except (OSError, storage.FileDamaged) as exc:
        log.warning("deletion request record unreadable (%s)", exc)
        return None
    if data is None:
        return None
    state = _parse(data)
    if state is None:
        log.warning("deletion request record is not valid: ignored")
    return state


def write_state(paths: AppPaths, state: DeletionState) -> None:
    storage.write_json(paths.ensure("state"), DELETION_NAME, state.to_json(), sort_keys=True)
