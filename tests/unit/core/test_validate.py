"""The one validation kit (core.validate): strict JSON, typed checks that never trust a type."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from nework_desktop.core import validate
from nework_desktop.core.validate import At, Invalid


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("42", 42), (" 7 ", 7), ("²", None), ("٣", None), ("1e3", None), ("-1", None),
     ("", None), (None, None), ("9" * 19, None), ("１２", None)],
)  # fmt: skip
def test_ascii_int_takes_ascii_digits_only(text: str | None, value: int | None) -> None:
    assert validate.ascii_int(text) == value


@pytest.mark.parametrize("value", [["ja"], {"ja": 1}, 3, None, True, b"ja"], ids=repr)
def test_a_choice_never_hashes_a_wrong_type(value: object) -> None:
    with pytest.raises(Invalid, match="expected one of 'ja', 'en'"):
        At("locale").choice(value, {"ja": "ja", "en": "en"})


def test_locations_name_the_field() -> None:
    at = At("modules").index(2).key("hosts")
    with pytest.raises(Invalid) as info:
        at.text(5)
    assert info.value.location == "modules[2].hosts"
    assert str(info.value) == "modules[2].hosts: expected a string, got 5"


def test_the_error_factory_chooses_the_exception() -> None:
    class Mine(Exception):
        def __init__(self, location: str, detail: str) -> None:
            super().__init__(f"{location}|{detail}")

    with pytest.raises(Mine, match=r"x\|expected true or false"):
        At("x", Mine).flag("yes")


def test_integers_are_never_bools_and_stay_in_range() -> None:
    with pytest.raises(Invalid):
        At("n").integer(True)
    with pytest.raises(Invalid, match="from 1 to 3"):
        At("n").integer(4, minimum=1, maximum=3)
    assert At("n").integer(3.0, integral_floats=True) == 3
    with pytest.raises(Invalid, match="finite"):
        At("n").number(float("inf"))
    with pytest.raises(Invalid, match="finite"):
        At("n").number(10**400)


def test_mapping_keys_must_be_non_empty_strings() -> None:
    with pytest.raises(Invalid, match="non-empty strings"):
        At("m").mapping({"": True}, lambda at, v: at.flag(v))
    assert At("m").mapping({"a": True}, lambda at, v: at.flag(v)) == {"a": True}


def test_parse_json_depth_is_capped_without_recursion() -> None:
    assert validate.parse_json(b"[" * 64 + b"]" * 64) is not None
    with pytest.raises(Invalid, match="nested more than 64"):
        validate.parse_json(b"[" * 65 + b"]" * 65)
    with pytest.raises(Invalid, match="nested"):
        validate.parse_json("[" * 100_000 + "]" * 100_000)


def test_parse_utc() -> None:
    moment = validate.parse_utc("2026-01-02T03:04:05Z")
    assert moment is not None and moment.utcoffset() is not None
    assert validate.parse_utc("garbage") is None and validate.parse_utc(None) is None


@pytest.mark.parametrize(
    "value",
    ["0" * 63, "0" * 65, "A" * 64, "g" * 64, "０" * 64, 7, None, "0" * 64 + "\n"],
)
def test_sha256_refuses_what_the_app_never_writes(value: object) -> None:
    with pytest.raises(validate.Invalid, match="SHA-256"):
        validate.At("hash").sha256(value)


def test_sha256_and_utc_stamp_accept_what_the_app_writes() -> None:
    at = validate.At("x")
    assert at.sha256("ab" * 32) == "ab" * 32
    stamp, moment = at.utc_stamp("2025-04-01T09:30:00.123456Z")
    assert stamp == "2025-04-01T09:30:00.123456Z"
    assert moment == datetime(2025, 4, 1, 9, 30, 0, 123456, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("2025-04-01T09:30:00+00:00", "a UTC time like"),
        ("2025-04-01 09:30:00Z", "a UTC time like"),
        ("２０２５-04-01T09:30:00Z", "a UTC time like"),  # fullwidth digits
        ("2025-13-01T09:30:00Z", "not a valid time"),
        ("2025-02-30T09:30:00Z", "not a valid time"),
        (20250401, "a UTC time like"),
    ],
)
def test_utc_stamp_refuses(value: object, detail: str) -> None:
    with pytest.raises(validate.Invalid, match=detail):
        validate.At("recorded_at").utc_stamp(value)
