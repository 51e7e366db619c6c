"""``status`` on its short path: the plain command line without argparse, no proof package when
there is nothing to prove (benchmark P5); the answers are the full parser's."""

from __future__ import annotations

import pytest

from nework_desktop.cli import build_parser
from nework_desktop.cli.status import LEDGER_NAME, NO_ACKNOWLEDGEMENT, QUEUE_NAME, parse_fast


@pytest.mark.parametrize(
    "argv",
    [
        ["status"],
        ["status", "--json"],
        ["status", "--basedir", "some/dir"],
        ["status", "--json", "--basedir", "some/dir"],
        ["status", "--basedir=some/dir", "--json"],
        ["--basedir", "some/dir", "status", "--json"],
    ],
)
def test_plain_status_lines_read_as_the_parser_reads_them(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert parse_fast(argv) == (args.basedir, args.json)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--json", "status"],
        ["status", "--json", "--json"],
        ["status", "--help"],
        ["status", "--basedir"],
        ["status", "--basedir", "--json"],
        ["status", "--basedir", "a", "--basedir", "b"],
        ["status", "--basedir=a", "--basedir=b"],
        ["status", "extra"],
        ["--debug", "status"],
        ["policy", "fetch"],
        ["status", "status"],
    ],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert parse_fast(argv) is None


def test_the_queue_name_is_the_proof_packages() -> None:
    from nework_desktop.core.proof import acknowledgement_json
    from nework_desktop.core.proof.queue import QUEUE_NAME as REAL
    from nework_desktop.core.proof.queue import ReceiptQueue

    assert QUEUE_NAME == REAL
    assert acknowledgement_json((), {}, ReceiptQueue()) == NO_ACKNOWLEDGEMENT


def test_the_ledger_name_is_the_consent_records() -> None:
    from nework_desktop.core.consent_records import LEDGER_NAME as REAL

    assert LEDGER_NAME == REAL
