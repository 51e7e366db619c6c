"""``python -m tests.refservice [--port 8765]``: run the reference service in the foreground."""

from __future__ import annotations

import argparse
import sys
import time

from tests.refservice.server import RefService, TestUser


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.refservice",
        description="Reference NeWork service + OpenID provider on 127.0.0.1 (development only).",
    )
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any)")
    parser.add_argument("--user-email", default=TestUser.email, help="the OpenID test user")
    parser.add_argument("--resend-after", type=int, default=30, help="seconds between codes")
    parser.add_argument("--code-ttl", type=float, default=600.0, help="code lifetime, seconds")
    parser.add_argument(
        "--tags",
        action="store_true",
        help="/workspace tries to load the GA and KARTE tags (real Google/PLAID URLs): only for "
        "an app run with QTWEBENGINE_CHROMIUM_FLAGS='--host-resolver-rules=\"MAP * 127.0.0.1\"', "
        "as nework-qa lifecycle runs it",
    )
    args = parser.parse_args(argv)

    def echo(text: str) -> None:
        print(text, flush=True)

    service = RefService(
        port=args.port,
        user=TestUser(email=args.user_email),
        resend_after=args.resend_after,
        code_ttl=args.code_ttl,
        tags=args.tags,
        echo=echo,
    )
    service.start()
    print(f"NeWork reference service at {service.url}", flush=True)
    print(f"  export NEWORK_SERVICE_URL={service.url}", flush=True)
    print(f"  export NEWORK_OAUTH_ISSUER_OVERRIDE={service.url}", flush=True)
    if args.tags:
        print(
            "  /workspace tries to load the GA and KARTE tags: run the app with "
            "QTWEBENGINE_CHROMIUM_FLAGS='--host-resolver-rules=\"MAP * 127.0.0.1\"'",
            flush=True,
        )
    print("  (Ctrl+C stops it)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        service.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
