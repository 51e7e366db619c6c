"""What appeared or changed between two snapshots, each entry classified.

An entry is reported when it is in AFTER and not in BEFORE (``added``) or in both with a
different type, size, content (SHA-256; for files too large to hash, size and modification
time), permissions or link target (``changed``).  Folder sizes and times are ignored: they change
whenever something inside does, which is reported by itself.  Entries in BEFORE and not in AFTER
are listed apart (``removed``): after an uninstall they show what the wipe deleted, and one that
is not ours is worth a look.

Keyring entries are compared by (service, name): present in AFTER and not in BEFORE is ``ours``
residue.  Registry keys are compared by key path (case-insensitively) and their values.

Verdict (see the QA docs): ``residue`` when an ``ours`` entry remains (exit 1); ``warning`` when
only ``shared``/``unknown`` entries appeared (exit 0, or 1 with ``--strict``); ``clean`` when
nothing did.  ``shared`` and ``unknown`` are warnings by default because a real home changes on
its own between two snapshots (browser caches, shell history), and a ``shared`` store must be
inspected for *our keys* in it, which a file-level diff cannot judge.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nework_desktop.qa.common import EXIT_OK, EXIT_RESIDUE
from nework_desktop.qa.junit import Case
from nework_desktop.qa.ownership import CLASSES, Class, Rule, classify_path, classify_registry
from nework_desktop.qa.snapshot import FileEntry, RegistryKey, Snapshot

KIND = "nework-qa-diff"
SCHEMA = 1


@dataclass
class Change:
    """One reported entry."""

    path: str
    kind: str  # file, dir, symlink, other, keyring, registry
    change: str  # added, changed, removed
    cls: Class
    why: str
    details: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "path": self.path,
            "class": self.cls,
            "kind": self.kind,
            "change": self.change,
            "why": self.why,
        }
        if self.details:
            data["details"] = self.details
        return data

    def line(self) -> str:
        mark = {"added": "+", "changed": "~", "removed": "-"}.get(self.change, "?")
        name = self.path + ("/" if self.kind == "dir" else "")
        more = f"  (changed: {', '.join(self.details)})" if self.details else ""
        return f"{mark} {self.kind:<8} {name}{more}"


@dataclass
class DiffResult:
    before: Snapshot
    after: Snapshot
    changes: list[Change]
    removed: list[Change]
    notes: list[str]
    strict: bool = False

    def of_class(self, cls: Class) -> list[Change]:
        return [c for c in self.changes if c.cls == cls]

    def counts(self) -> dict[str, int]:
        return {cls: len(self.of_class(cls)) for cls in CLASSES}

    def failing(self, cls: Class) -> bool:
        return bool(self.of_class(cls)) and (cls == "ours" or self.strict)

    @property
    def verdict(self) -> str:
        if any(self.failing(cls) for cls in CLASSES):
            return "residue"
        return "warning" if self.changes else "clean"

    @property
    def exit_code(self) -> int:
        return EXIT_RESIDUE if self.verdict == "residue" else EXIT_OK

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": KIND,
            "schema": SCHEMA,
            "before": _side(self.before),
            "after": _side(self.after),
            "strict": self.strict,
            "counts": self.counts(),
            "entries": [c.to_json() for c in self.changes],
            "removed": [c.to_json() for c in self.removed],
            "notes": self.notes,
            "verdict": self.verdict,
            "exit_code": self.exit_code,
        }

    def human(self) -> str:
        out = [
            "nework-qa diff",
            f"  before: {_describe_side(self.before)}",
            f"  after:  {_describe_side(self.after)}",
        ]
        for cls in CLASSES:
            items = self.of_class(cls)
            if not items:
                out.append(f"{cls}: nothing")
                continue
            label = "FAIL" if self.failing(cls) else "warning"
            out.append(f"{cls}: {len(items)} ({label})")
            out.extend(f"  {line}" for line in fold_lines(items))
        if self.removed:
            others = [c for c in self.removed if c.cls != "ours"]
            text = f"removed: {len(self.removed)} entries"
            if others:
                text += f", {len(others)} of them not ours:"
            out.append(text)
            out.extend(f"  {line}" for line in fold_lines(others))
        out.extend(f"note: {n}" for n in self.notes)
        count = len(self.of_class("ours"))
        summary = {
            "clean": "clean: nothing appeared or changed",
            "warning": "warning: only shared/unknown entries appeared (not failing)",
            "residue": f"residue: {count} entries of ours remain"
            if count
            else "residue: shared/unknown entries appeared (--strict)",
        }[self.verdict]
        out.append(f"verdict: {summary} (exit {self.exit_code})")
        return "\n".join(out)

    def junit_cases(self) -> list[Case]:
        cases: list[Case] = []
        for cls in CLASSES:
            items = self.of_class(cls)
            listing = "\n".join(c.line() for c in items)
            case = Case(name=cls, classname="nework-qa.diff")
            if self.failing(cls):
                case.failure = (f"{cls}: {len(items)} entries remain", listing)
            elif items:
                case.system_out = f"warning: {cls}: {len(items)} entries appeared\n{listing}"
            cases.append(case)
        return cases


def _side(snap: Snapshot) -> dict[str, Any]:
    return {"home": snap.home, "taken_at": snap.taken_at, "host": snap.host}


def _describe_side(snap: Snapshot) -> str:
    return f"{snap.home} ({snap.taken_at}, {snap.host_os or '?'}, {len(snap.files)} entries)"


def fold_lines(items: Sequence[Change]) -> list[str]:
    """Lines for ``items``; an added folder's added contents are counted, not listed."""
    added_dirs = {c.path for c in items if c.kind == "dir" and c.change == "added"}
    inside: dict[str, int] = {}
    shown: list[Change] = []
    for c in sorted(items, key=lambda c: c.path):
        parent = _added_ancestor(c.path, added_dirs) if c.change == "added" else None
        if parent is not None:
            inside[parent] = inside.get(parent, 0) + 1
        else:
            shown.append(c)
    lines = []
    for c in shown:
        n = inside.get(c.path, 0)
        lines.append(c.line() + (f"  (+{n} inside)" if n else ""))
    return lines


def _added_ancestor(path: str, added_dirs: set[str]) -> str | None:
    if "/" not in path:
        return None
    parts = path.split("/")
    for i in range(1, len(parts)):
        candidate = "/".join(parts[:i])
        if candidate in added_dirs:
            return candidate
    return None


def compute_diff(
    before: Snapshot,
    after: Snapshot,
    *,
    extra_ours: Sequence[str] = (),
    strict: bool = False,
) -> DiffResult:
    """Compare two snapshots; ``extra_ours`` are more owned roots (relative to the home)."""
    fold = before.case_insensitive or after.case_insensitive
    notes: list[str] = []
    if os.path.normcase(before.home) != os.path.normcase(after.home):
        notes.append(f"the homes differ ({before.home} / {after.home}): paths compared relatively")
    excluded = [Rule(p, "unknown", "excluded") for p in {*before.exclude, *after.exclude}]

    def skip(path: str) -> bool:
        parts = path.split("/")
        return any(r.matches(parts, fold=fold) for r in excluded)

    def cls_of(path: str) -> tuple[Class, str]:
        return classify_path(path, fold=fold, extra=extra_ours)

    old = {f.path: f for f in before.files if not skip(f.path)}
    changes: list[Change] = []
    removed: list[Change] = []
    seen: set[str] = set()
    for entry in after.files:
        if skip(entry.path):
            continue
        seen.add(entry.path)
        previous = old.get(entry.path)
        if previous is None:
            changes.append(Change(entry.path, entry.type, "added", *cls_of(entry.path)))
            continue
        details = _file_changes(previous, entry)
        if details:
            changes.append(
                Change(entry.path, entry.type, "changed", *cls_of(entry.path), details=details)
            )
    for path, entry in old.items():
        if path not in seen:
            removed.append(Change(path, entry.type, "removed", *cls_of(path)))

    _diff_keyring(before, after, changes, removed, notes)
    _diff_registry(before, after, changes, removed)
    for side, snap in (("before", before), ("after", after)):
        if snap.errors:
            notes.append(f"{len(snap.errors)} paths could not be read in the {side} snapshot")
    changes.sort(key=lambda c: (CLASSES.index(c.cls), c.kind in ("keyring", "registry"), c.path))
    removed.sort(key=lambda c: c.path)
    return DiffResult(before, after, changes, removed, notes, strict)


def _file_changes(old: FileEntry, new: FileEntry) -> list[str]:
    if old.type != new.type:
        return ["type"]
    details: list[str] = []
    if new.type == "file":
        if old.size != new.size:
            details.append("size")
        if old.sha256 and new.sha256:
            if old.sha256 != new.sha256:
                details.append("content")
        elif not details and old.mtime_ns != new.mtime_ns:
            details.append("mtime")
    elif new.type == "symlink" and old.target != new.target:
        details.append("target")
    if old.mode and new.mode and old.mode != new.mode:
        details.append("mode")
    return details


def _diff_keyring(
    before: Snapshot,
    after: Snapshot,
    changes: list[Change],
    removed: list[Change],
    notes: list[str],
) -> None:
    old = {(e.service, e.name): e for e in before.keyring_entries}
    why = "keyring entry the app stored (secrets index)"
    for entry in after.keyring_entries:
        prev = old.get((entry.service, entry.name))
        was_present = prev is not None and prev.present is True
        if entry.present is True and not was_present:
            changes.append(Change(entry.label, "keyring", "added", "ours", why))
        elif entry.present is False and was_present:
            removed.append(Change(entry.label, "keyring", "removed", "ours", why))
        elif entry.present is None:
            notes.append(f"{entry.label} could not be probed ({entry.error or 'unknown'})")
    after_names = {(e.service, e.name) for e in after.keyring_entries}
    for key, prev in old.items():
        if prev.present is True and key not in after_names:
            label = prev.label
            notes.append(
                f"{label} was present before and not probed after: run the later snapshot "
                "with --keyring-from BEFORE to check it"
            )


def _diff_registry(
    before: Snapshot, after: Snapshot, changes: list[Change], removed: list[Change]
) -> None:
    old = {k.key.casefold(): k for k in before.registry_keys}
    seen: set[str] = set()
    for key in after.registry_keys:
        folded = key.key.casefold()
        seen.add(folded)
        cls, why = classify_registry(key.key)
        prev = old.get(folded)
        if prev is None:
            changes.append(Change(f"registry:{key.key}", "registry", "added", cls, why))
        else:
            details = _value_changes(prev, key)
            if details:
                label = f"registry:{key.key}"
                changes.append(Change(label, "registry", "changed", cls, why, details=details))
    for folded, key in old.items():
        if folded not in seen:
            cls, why = classify_registry(key.key)
            removed.append(Change(f"registry:{key.key}", "registry", "removed", cls, why))


def _value_changes(old: RegistryKey, new: RegistryKey) -> list[str]:
    def table(key: RegistryKey) -> dict[str, tuple[Any, Any]]:
        return {
            str(v.get("name", "")).casefold(): (v.get("type"), v.get("sha256")) for v in key.values
        }

    a, b = table(old), table(new)
    details = [f"value {n or '(default)'} added" for n in sorted(b.keys() - a.keys())]
    details += [f"value {n or '(default)'} removed" for n in sorted(a.keys() - b.keys())]
    details += [
        f"value {n or '(default)'} changed" for n in sorted(a.keys() & b.keys()) if a[n] != b[n]
    ]
    return details
