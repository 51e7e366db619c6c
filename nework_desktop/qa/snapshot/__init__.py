"""A snapshot of one home: its files, the app's keyring entries and (Windows) registry keys.

* :mod:`.take`      taking it: the walk of the home's files (links recorded, never followed);
* :mod:`.keyring`   the keyring probe (from the app's secrets index; present/absent only);
* :mod:`.registry`  the Windows registry keys of ours;
* :mod:`.document`  the snapshot as data, and reading and writing the snapshot file.
"""

from nework_desktop.qa.snapshot.document import (
    FILE_TYPES,
    KIND,
    SCHEMA,
    FileEntry,
    KeyringEntry,
    RegistryKey,
    Snapshot,
    load_snapshot,
    snapshot_from_json,
)
from nework_desktop.qa.snapshot.registry import registry_keys
from nework_desktop.qa.snapshot.take import HASH_LIMIT, host_info, now_utc, take_snapshot

__all__ = [
    "FILE_TYPES",
    "HASH_LIMIT",
    "KIND",
    "SCHEMA",
    "FileEntry",
    "KeyringEntry",
    "RegistryKey",
    "Snapshot",
    "host_info",
    "load_snapshot",
    "now_utc",
    "registry_keys",
    "snapshot_from_json",
    "take_snapshot",
]
