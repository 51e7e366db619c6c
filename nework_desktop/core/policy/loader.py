"""The policy loader: ``resources/policy/`` read and validated into a :class:`Policy`.

The shipped policy lives in ``resources/policy/``::

    index.json                  {"current": "<version>", "versions": [...]}
    <version>/policy.json       metadata: items, purposes, modules, links, revisions
    <version>/policy.ja.md      the Japanese original (CommonMark + GitHub tables)
    <version>/policy.en.md      the English translation (the Japanese prevails)

:func:`load_policy` reads all of it through :mod:`core.storage` (the hardened reader), checks
``policy.json`` with :mod:`.schema` (the checks a policy from the service's feed passes too) and
returns an immutable :class:`Policy`.  Anything wrong in the files
raises :class:`PolicyError` (and only that), whose message names the file and the offending field
with a JSON-path-like location, e.g.
``2024-02-08/policy.json: modules[2].hosts[0]: expected a host name or '*.domain', got 'http://x'``.

This module is on the startup path: it only reads JSON and the two text files.  The Markdown is
not parsed; :meth:`Policy.articles` splits the ``## `` headings lazily, on first request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from nework_desktop.core import storage, validate
from nework_desktop.core.policy.model import Policy, PolicyError
from nework_desktop.core.policy.schema import SCHEMA_VERSION, parse_policy_document
from nework_desktop.core.policy.values import at_file, version_id
from nework_desktop.resources import resource_path

__all__ = ["MAX_FILE_BYTES", "SCHEMA_VERSION", "load_policy", "read_policy_text"]

#: The policy's texts are ~30 KB; a file larger than this is not a policy file.
MAX_FILE_BYTES: Final = 4 * 1024 * 1024

_INDEX_FILE: Final = "index.json"
_POLICY_FILE: Final = "policy.json"


# --------------------------------------------------------------------------------------------
# Reading files
# --------------------------------------------------------------------------------------------


def read_policy_text(path: Path, at: validate.At, name: str) -> str:
    """Read a UTF-8 text file; BOM dropped and line endings normalized to ``\\n``."""
    try:
        # A macOS bundle may reach its resources through links: follow them (to a regular file).
        text = storage.read_text(path, limit=MAX_FILE_BYTES, follow_links=True, newlines=True)
    except storage.FileDamaged as exc:
        if path.is_dir():
            at.fail(f"{name!r} is a folder, not a file ({path})")
        at.fail(f"{name!r} {exc.reason}")
    except OSError as exc:
        at.fail(f"cannot read {name!r} ({path}): {exc.strerror or exc}")
    if text is None:
        at.fail(f"file {name!r} not found ({path})")
    return text


def _read_json(root: Path, relative: str) -> object:
    at = at_file(relative)
    text = read_policy_text(root / relative, at, relative)
    try:
        return validate.parse_json(text)
    except validate.Invalid as exc:
        at.fail(exc.detail)


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _parse_index(root: Path) -> str:
    """Read ``index.json`` and return the current version id (its folder must exist)."""
    at = at_file(_INDEX_FILE)
    obj = at.obj(_read_json(root, _INDEX_FILE), ("current", "versions"))
    versions_at = at.key("versions")
    versions = [
        version_id(versions_at.index(position), value)
        for position, value in enumerate(versions_at.array(obj["versions"], min_items=1))
    ]
    versions_at.unique(versions, "version", field=None)
    for position in range(1, len(versions)):
        if versions[position] < versions[position - 1]:
            versions_at.index(position).fail(
                f"versions must be sorted, oldest first: {versions[position]!r} "
                f"comes after {versions[position - 1]!r}"
            )
    current = version_id(at.key("current"), obj["current"])
    if current not in versions:
        at.key("current").fail(f"{current!r} is not listed in versions")
    if not (root / current).is_dir():
        at.key("current").fail(f"there is no folder {current!r} next to {_INDEX_FILE}")
    return current


def _parse_policy(root: Path, current: str) -> Policy:
    relative = f"{current}/{_POLICY_FILE}"
    folder = root / current

    def read_text(at: validate.At, locale: str, name: str) -> str:
        return read_policy_text(folder / name, at, name)

    data = _read_json(root, relative)
    return parse_policy_document(at_file(relative), data, read_text, expected_version=current)


def load_policy(root: Path | None = None) -> Policy:
    """Load and validate the current policy from ``root`` (default: the shipped one).

    ``root`` is the folder holding ``index.json``. Raises :class:`PolicyError`, and nothing
    else, if anything is missing or invalid.
    """
    if root is None:
        try:
            root = resource_path("policy")
        except (OSError, ValueError) as exc:
            raise PolicyError(
                "policy", "", f"the shipped policy folder was not found: {exc}"
            ) from exc
    return _parse_policy(root, _parse_index(root))
