"""What a wipe did, and what it could not do: the report ``uninstall-cleanup --json`` prints.

``WipeReport.ok`` is True only when nothing of ours remains and nothing was refused or failed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from nework_desktop.core.digest import sha256_hex

#: ``progress(done, total, current)``: entries deleted so far, the total when known (the wipe
#: walks once, so it is None), the folder being worked on.
Progress = Callable[[int, int | None, str], None]


@dataclass
class Problem:
    path: str
    reason: str


@dataclass
class InstanceInfo:
    was_running: bool = False
    pid: int | None = None


@dataclass
class Removed:
    roots: list[str] = field(default_factory=list)
    files: int = 0
    dirs: int = 0
    links: int = 0
    special: int = 0
    bytes: int = 0
    keyring_entries: int = 0
    shared_store_traces: int = 0
    parents: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FileState:
    """A shared-store file's content as our own code last left it: SHA-256 and size."""

    sha256: str
    size: int

    @classmethod
    def of(cls, data: bytes) -> FileState:
        return cls(sha256_hex(data), len(data))


#: ``(store id, path)`` → the state our last write left that file in (from the traces index).
LeftStates = Mapping[tuple[str, str], FileState]


@dataclass(frozen=True)
class StoreOutcome:
    """What one shared store held of ours and what became of it."""

    store: str
    location: str
    status: str
    traces: int = 0
    removed_file: bool = False
    error: str = ""


@dataclass
class WipeReport:
    layout: str
    dry_run: bool
    removed: Removed = field(default_factory=Removed)
    failed: list[Problem] = field(default_factory=list)
    refused: list[Problem] = field(default_factory=list)
    residue: list[str] = field(default_factory=list)
    instance: InstanceInfo = field(default_factory=InstanceInfo)
    shared_stores: list[StoreOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True only if nothing of ours remains (and nothing was refused or failed)."""
        return not (self.failed or self.refused or self.residue)

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "layout": self.layout,
            "removed": asdict(self.removed),
            "failed": [asdict(p) for p in self.failed],
            "refused": [asdict(p) for p in self.refused],
            "residue": list(self.residue),
            "instance": asdict(self.instance),
            "shared_stores": [
                {"store": s.store, "location": s.location, "status": s.status, "traces": s.traces}
                for s in self.shared_stores
            ],
        }
