"""Secrets kept in parts (core/secrets.py), fuzzed: any text goes in and comes back whole with
no entry larger than Windows Credential Manager holds, and whatever the keyring hands back for
a secret in parts ends as that secret or as "missing" -- never an exception, never another value.

The keyring here is :class:`tests.helpers.CredentialManagerStandIn` (a test double: Credential
Manager cannot exist on this machine); the real Secret Service round trip is in
tests/unit/core/test_secrets.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nework_desktop.core.digest import sha256_hex
from nework_desktop.core.paths import AppPaths
from nework_desktop.core.secrets import PARTS_TAG, SecretStore, part_name, split_secret
from tests.fuzz.strategies import FUZZ
from tests.helpers import CREDENTIAL_BLOB_BYTES, CredentialManagerStandIn

pytestmark = pytest.mark.fuzz

#: Lengths around the part size, in characters that take one or two UTF-16 units.
secrets_text = st.text(
    alphabet=st.sampled_from(["a", "-", ".", "é", "漢", "🔑", "\x00", " ", PARTS_TAG[0]]),
    max_size=3000,
) | st.builds(lambda n, c: c * n, st.integers(0, 4200), st.sampled_from(["x", "🔑"]))


@pytest.fixture(scope="module")
def paths(tmp_path_factory: pytest.TempPathFactory) -> AppPaths:
    return AppPaths.from_environment(basedir=tmp_path_factory.mktemp("fuzz") / "base")


@FUZZ
@given(secret=secrets_text | st.text(max_size=50).map(lambda t: PARTS_TAG + t))
def test_any_secret_round_trips_within_the_entry_size(paths: AppPaths, secret: str) -> None:
    vault = CredentialManagerStandIn()
    store = SecretStore(paths, vault, service="svc")
    store.set("t", secret or "x")
    assert store.persistent
    assert all(len(v.encode("utf-16-le")) <= CREDENTIAL_BLOB_BYTES for v in vault.stored.values())
    assert SecretStore(paths, vault, service="svc").get("t") == (secret or "x")
    assert "".join(split_secret(secret)) == secret
    store.delete("t")
    assert vault.stored == {}


@FUZZ
@given(
    line=st.one_of(
        st.text(max_size=40).map(lambda t: PARTS_TAG + t),
        st.builds(
            lambda n, d: f"{PARTS_TAG} {n} {d}",
            st.integers(-2, 40) | st.sampled_from(["", "²", "1" * 30, "٣"]),
            st.text(max_size=70),
        ),
    ),
    parts=st.dictionaries(st.integers(0, 40), st.text(max_size=30) | st.none(), max_size=8),
)
def test_garbage_in_the_keyring_reads_as_missing_or_as_its_parts(
    paths: AppPaths, line: str, parts: dict[int, str | None]
) -> None:
    vault = CredentialManagerStandIn()
    vault.stored[("svc", "t")] = line
    for number, value in parts.items():
        if value is not None:
            vault.stored[("svc", part_name("t", number))] = value
    got = SecretStore(paths, vault, service="svc").get("t")
    if got is not None:  # then the line named these parts and their digest
        fields = line.split(" ")
        count = int(fields[1])
        assert got == "".join(vault.stored[("svc", part_name("t", i))] for i in range(1, count + 1))
        assert fields[2] == sha256_hex(got.encode())


@FUZZ
@given(secret=st.text(max_size=12))
def test_a_consistent_line_found_in_the_keyring_is_read(paths: AppPaths, secret: str) -> None:
    vault = CredentialManagerStandIn()
    vault.stored[("svc", "t")] = f"{PARTS_TAG} 1 {sha256_hex(secret.encode())}"
    vault.stored[("svc", "t#1")] = secret
    assert SecretStore(paths, vault, service="svc").get("t") == secret
