"""The web client the app shows in its QtWebEngine view: ``/workspace`` and its two helpers.

``GET  /workspace``         a page that leaves what a real web client leaves in a browser
                            profile: a first-party cookie (``Set-Cookie``), localStorage and
                            IndexedDB (written by its script); it says whether the session
                            reached it ("Signed in" when the ``Authorization: Bearer`` header
                            holds a token of this service); with ``tags=True`` it also tries to
                            load the GA and KARTE tags and a GA beacon (:data:`TAG_URLS`)
``POST /workspace/stored``  {visit, local_storage, indexed_db}: the page's script reports what
                            it stored (and the cookie comes back)
``GET  /workspace/hold``    ?visit=…: an image answered once that report arrived (at most
                            :data:`HOLD_S` seconds), so that the page's load finishes only after
                            its storage writes

Each load is recorded in ``workspace_visits``
(:class:`~nework_desktop.qa.refservice.state.WorkspaceVisit`).

The tags are real third-party URLs (``https://www.googletagmanager.com/…``, ``*.karte.io``,
``https://www.google-analytics.com/g/collect``): serve them (``tags=True``, ``--tags``) only to
a web view whose host names all resolve to 127.0.0.1 (QtWebEngine with
``QTWEBENGINE_CHROMIUM_FLAGS='--host-resolver-rules="MAP * 127.0.0.1"'``, as ``nework-qa
lifecycle`` runs the app), or an allowed tag would really be fetched from Google or PLAID.
"""

from __future__ import annotations

import base64
import html
import json
import secrets
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from nework_desktop.core.urls import WORKSPACE_PATH
from nework_desktop.qa.refservice.api import SERVICE_NAME, SERVICE_VERSION
from nework_desktop.qa.refservice.protocol import (
    HTML_TYPE,
    JSON_TYPE,
    RawRoutes,
    Reply,
    Request,
    err,
)
from nework_desktop.qa.refservice.state import Account, ServiceState, WorkspaceVisit

#: The web client's page and its two helpers.
WORKSPACE: Final = WORKSPACE_PATH
WORKSPACE_STORED: Final = f"{WORKSPACE}/stored"
WORKSPACE_HOLD: Final = f"{WORKSPACE}/hold"
#: The first-party cookie the page sets with ``Set-Cookie`` (persistent: it lands on disk).
WORKSPACE_COOKIE: Final = "nework_ws"
#: The localStorage key and the IndexedDB database the page's script writes.
LOCAL_STORAGE_KEY: Final = "nework.refservice.visit"
INDEXED_DB_NAME: Final = "nework-refservice"
#: How long ``/workspace/hold`` waits for the page's storage report.
HOLD_S: Final = 5.0
#: The third-party tags the page tries to load with ``tags=True`` (module id → URLs), as the
#: real web client embeds them: the GA tag (gtag.js) and its collect beacon, the KARTE tag.
TAG_URLS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "google_analytics": (
            "https://www.googletagmanager.com/gtag/js?id=G-TEST",
            "https://www.google-analytics.com/g/collect?v=2&tid=G-TEST&cid=555.1&en=page_view",
        ),
        "karte": ("https://cdn-edge.karte.io/refservice-test/edge.js",),
    }
)
#: A transparent 1x1 GIF (the answer of ``/workspace/hold``).
_PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")

#: The page's script: localStorage and IndexedDB, then the report to ``/workspace/stored``.
_STORAGE_SCRIPT = (
    """
(function () {
  var visit = document.documentElement.getAttribute("data-visit");
  var stored = {visit: visit, local_storage: false, indexed_db: false};
  function report() {
    fetch("@STORED@", {method: "POST", headers: {"Content-Type": "application/json"},
                         body: JSON.stringify(stored)}).catch(function () {});
  }
  try {
    localStorage.setItem("@KEY@", new Date().toISOString());
    stored.local_storage = localStorage.getItem("@KEY@") !== null;
  } catch (e) {}
  try {
    var open = indexedDB.open("@DB@", 1);
    open.onupgradeneeded = function () { open.result.createObjectStore("visits"); };
    open.onsuccess = function () {
      var db = open.result;
      var tx = db.transaction("visits", "readwrite");
      tx.objectStore("visits").put({at: Date.now()}, visit);
      tx.oncomplete = function () { stored.indexed_db = true; db.close(); report(); };
      tx.onerror = tx.onabort = function () { db.close(); report(); };
    };
    open.onerror = open.onblocked = report;
  } catch (e) { report(); }
})();
""".replace("@STORED@", WORKSPACE_STORED)
    .replace("@KEY@", LOCAL_STORAGE_KEY)
    .replace("@DB@", INDEXED_DB_NAME)
)

#: The GA snippet as Google documents it (dataLayer + gtag config) and the KARTE tag.
_TAG_HEAD = (
    f"<script async src='{html.escape(TAG_URLS['google_analytics'][0])}'></script>"
    "<script>window.dataLayer = window.dataLayer || [];"
    "function gtag(){dataLayer.push(arguments);}"
    "gtag('js', new Date()); gtag('config', 'G-TEST');</script>"
    f"<script async src='{html.escape(TAG_URLS['karte'][0])}'></script>"
)
_TAG_BODY = "".join(
    f"<img alt='' width='1' height='1' src='{html.escape(url)}'>"
    for url in TAG_URLS["google_analytics"][1:]
)


def workspace_page(visit: WorkspaceVisit, account: Account | None) -> str:
    """The web client's page for one visit (``account``: whose token came with it, if any)."""
    if account is not None:
        state, text = "signed-in", f"Signed in ({account.provider} account)."
    elif visit.authorization:
        state, text = "invalid-token", "The session was not accepted: sign in again."
    else:
        state, text = "signed-out", "Not signed in."
    return (
        f"<!doctype html><html lang='en' data-visit='{visit.visit}'><head><meta charset='utf-8'>"
        f"<title>NeWork workspace</title><script>{_STORAGE_SCRIPT}</script>"
        f"{_TAG_HEAD if visit.tags else ''}</head><body><h1>NeWork workspace</h1>"
        f"<p>{html.escape(SERVICE_NAME)} {SERVICE_VERSION}</p>"
        f"<p id='session' data-state='{state}'>{html.escape(text)}</p>"
        f"<img alt='' width='1' height='1' src='{WORKSPACE_HOLD}?visit={visit.visit}'>"
        f"{_TAG_BODY if visit.tags else ''}</body></html>"
    )


def page(svc: ServiceState, req: Request) -> Reply:
    with svc.lock:
        grant = svc.grant_for_access(req.bearer)
        visit = WorkspaceVisit(
            secrets.token_hex(8), req.bearer is not None, grant is not None, svc.tags
        )
        svc.workspace_visits.append(visit)
    cookie = (
        f"{WORKSPACE_COOKIE}={secrets.token_hex(8)}; Max-Age=2592000; Path=/; HttpOnly; "
        "SameSite=Lax"
    )
    text = workspace_page(visit, grant.account if grant else None)
    return 200, text.encode(), {**HTML_TYPE, "Set-Cookie": cookie}


def _find(svc: ServiceState, visit_id: object) -> WorkspaceVisit | None:
    return next((v for v in svc.workspace_visits if v.visit == visit_id), None)


def stored(svc: ServiceState, req: Request) -> Reply:
    body = req.json()
    with svc.lock:
        visit = _find(svc, body.get("visit"))
        if visit is None:
            return 404, json.dumps(err("unknown_visit")).encode(), dict(JSON_TYPE)
        visit.stored = {
            # The cookie the page's answer set came back with this request: it is stored.
            "cookie": f"{WORKSPACE_COOKIE}=" in req.cookie,
            "local_storage": body.get("local_storage") is True,
            "indexed_db": body.get("indexed_db") is True,
        }
    visit.reported.set()
    return 200, json.dumps({"stored": visit.stored}).encode(), dict(JSON_TYPE)


def hold(svc: ServiceState, req: Request) -> Reply:
    with svc.lock:
        visit = _find(svc, req.params().get("visit", ""))
    if visit is not None:
        visit.reported.wait(HOLD_S)  # outside the lock: the report comes on another thread
    return 200, _PIXEL, {"Content-Type": "image/gif"}


PAGES: Final[RawRoutes] = {
    ("GET", WORKSPACE): page,
    ("GET", WORKSPACE_HOLD): hold,
    ("POST", WORKSPACE_STORED): stored,
}
