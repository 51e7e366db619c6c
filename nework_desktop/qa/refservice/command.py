"""``nework-qa refservice [--port 8765]``: the reference service in the foreground, until Ctrl+C.

It prints its URL, the variables that point an app at it and, while it runs, every request
(``METHOD /path``) and every one-time code it "mails".  An address that cannot be used (a busy
port) is one line and exit 3, like every ``nework-qa`` error.
"""

from __future__ import annotations

import argparse
import time

from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_OK, QAError
from nework_desktop.qa.refservice.server import RefService
from nework_desktop.qa.refservice.state import TestUser

DEFAULT_PORT = 8765
#: Given to the app's web view by ``nework-qa lifecycle``: every host name → 127.0.0.1.
_RESOLVER_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS='--host-resolver-rules=\"MAP * 127.0.0.1\"'"


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError("a port is 0 to 65535")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port", type=_port, default=DEFAULT_PORT, help="port on 127.0.0.1 (0: any free one)"
    )
    parser.add_argument("--user-email", default=TestUser.email, help="the OpenID test user")
    parser.add_argument("--resend-after", type=int, default=30, help="seconds between codes")
    parser.add_argument("--code-ttl", type=float, default=600.0, help="code lifetime, seconds")
    parser.add_argument(
        "--tags",
        action="store_true",
        help="/workspace tries to load the GA and KARTE tags (real Google/PLAID URLs): only for "
        f"an app run with {_RESOLVER_FLAGS}, as nework-qa lifecycle runs it",
    )


def _echo(text: str) -> None:
    print(text, flush=True)


def serve(args: argparse.Namespace) -> int:
    """Run the service from parsed :func:`add_arguments` options until interrupted."""
    service = RefService(
        port=args.port,
        user=TestUser(email=args.user_email),
        resend_after=args.resend_after,
        code_ttl=args.code_ttl,
        tags=args.tags,
        echo=_echo,
    )
    try:
        service.start()
    except OSError as exc:
        raise QAError(
            f"the reference service cannot listen on {service.host}:{args.port}: "
            f"{exc.strerror or exc} (is it running already? choose another --port)",
            EXIT_ENVIRONMENT,
        ) from None
    _echo(f"NeWork reference service at {service.url}")
    _echo(f"  export NEWORK_SERVICE_URL={service.url}")
    _echo(f"  export NEWORK_OAUTH_ISSUER_OVERRIDE={service.url}")
    if args.tags:
        _echo(
            f"  /workspace tries to load the GA and KARTE tags: run the app with {_RESOLVER_FLAGS}"
        )
    _echo("  (Ctrl+C stops it)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        service.stop()
    return EXIT_OK
