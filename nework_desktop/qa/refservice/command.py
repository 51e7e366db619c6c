"""``nework-qa refservice [--port 8765] [--policy-feed DIR [--signing-key FILE]]``: the reference
service in the foreground, until Ctrl+C.

It prints its URL, the variables that point an app at it and, while it runs, every request
(``METHOD /path``) and every one-time code it "mails".  With ``--policy-feed DIR`` it publishes
the policy folders of DIR (the layout of ``resources/policy/``) as the signed policy feed, issued
anew whenever DIR changes (:mod:`.feed`), signed by the Ed25519 key of ``--signing-key FILE``
(made and saved there when FILE does not exist) or, without it, by a key made for this start;
it prints the ``NEWORK_POLICY_DEV_KEYS`` value that makes a development run of the app trust
that key (a release build ignores the variable).  An address that cannot be used (a busy port),
a DIR that is not a policy folder or a FILE that is not a key is one line and exit 3, like
every ``nework-qa`` error.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from nework_desktop.qa.common import EXIT_ENVIRONMENT, EXIT_OK, QAError
from nework_desktop.qa.refservice.server import RefService
from nework_desktop.qa.refservice.signing import FeedKey, generate_key, load_or_create
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
    parser.add_argument(
        "--policy-feed",
        metavar="DIR",
        type=Path,
        help="publish the policy folders of DIR (the layout of resources/policy/) as the "
        "signed policy feed; a change in DIR is published at the next request",
    )
    parser.add_argument(
        "--signing-key",
        metavar="FILE",
        type=Path,
        help="the Ed25519 key (PEM) that signs the feed and the consent acknowledgements; "
        "made and saved there when FILE does not exist (default: a new key for this start)",
    )


def _echo(text: str) -> None:
    print(text + "\n", end="", flush=True)  # one write: lines of two threads never mix


def _signing_key(path: Path | None) -> tuple[FeedKey, str]:
    if path is None:
        return generate_key(), "made for this start"
    try:
        key, created = load_or_create(path)
    except (OSError, ValueError) as exc:
        raise QAError(f"--signing-key {path}: {exc}", EXIT_ENVIRONMENT) from None
    return key, f"{'new, saved to' if created else 'from'} {path}"


def _say_feed(service: RefService, key: FeedKey, origin: str) -> None:
    feed = service.feed
    if feed is None:
        return
    _echo(
        f"  policy feed: {feed.folder} (policy {feed.policy.get('version')}, feed version "
        f"{feed.feed_version}), signed with Ed25519 key {key.key_id} ({origin})"
    )
    _echo("  to make a development run of the app trust it (a release build ignores this):")
    _echo(f"  {key.dev_keys_line()}")
    _echo(
        "  publish a new version: add its folder to DIR and make it index.json's current; "
        "the app checks at launch and every few hours, 'nework-desktop policy fetch' at once"
    )


def serve(args: argparse.Namespace) -> int:
    """Run the service from parsed :func:`add_arguments` options until interrupted."""
    key, origin = _signing_key(args.signing_key)
    try:
        service = RefService(
            port=args.port,
            user=TestUser(email=args.user_email),
            resend_after=args.resend_after,
            code_ttl=args.code_ttl,
            tags=args.tags,
            echo=_echo,
            policy_feed=args.policy_feed,
            signing_key=key,
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise QAError(
            f"--policy-feed {args.policy_feed}: not a policy folder with index.json and its "
            f"current version ({type(exc).__name__}: {exc})",
            EXIT_ENVIRONMENT,
        ) from None
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
    _say_feed(service, key, origin)
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
