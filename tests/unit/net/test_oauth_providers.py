"""The providers table under the issuer override, and discovery's URL (net/oauth)."""

from __future__ import annotations

import pytest

from nework_desktop.net.http import HttpClient
from nework_desktop.net.oauth.endpoints import Endpoints, discovery_url
from nework_desktop.net.oauth.errors import OAuthError
from nework_desktop.net.oauth.flow import OAuthFlow
from nework_desktop.net.oauth.listener import Callback
from nework_desktop.net.oauth.providers import PROVIDERS, load_providers, provider_hosts


def test_the_override_changes_only_where_requests_go() -> None:
    table = {p.id: p for p in PROVIDERS}
    overridden = {
        p.id: p
        for p in load_providers(None, {"NEWORK_OAUTH_ISSUER_OVERRIDE": "http://127.0.0.1:9/"})
    }
    for provider_id, provider in overridden.items():
        spec, own = provider.spec, table[provider_id]
        assert spec.issuer == "http://127.0.0.1:9/"  # exactly as configured
        assert (spec.scopes, spec.response_mode, spec.extra_params) == (
            own.scopes,
            own.response_mode,
            own.extra_params,
        )
        assert spec.authorization_endpoint is None and provider.discover
    assert overridden["apple"].spec.response_mode == "form_post"
    assert ("prompt", "select_account") in overridden["microsoft"].spec.extra_params


def test_one_provider_issuer_keeps_its_trailing_slash() -> None:
    providers = {
        p.id: p
        for p in load_providers(
            None,
            {
                "NEWORK_OAUTH_DOCOMO_BUSINESS_ISSUER": "https://id.example.jp/op/",
                "NEWORK_OAUTH_DOCOMO_BUSINESS_CLIENT_ID": "d",
            },
        )
    }
    assert providers["docomo_business"].spec.issuer == "https://id.example.jp/op/"
    assert providers["google"].spec.issuer == "https://accounts.google.com"


def test_discovery_url_drops_the_trailing_slash_only_for_the_path() -> None:
    assert (
        discovery_url("https://op.example/")
        == "https://op.example/.well-known/openid-configuration"
    )
    assert (
        discovery_url("https://op.example/tenant/")
        == "https://op.example/tenant/.well-known/openid-configuration"
    )
    assert (
        discovery_url("https://op.example") == "https://op.example/.well-known/openid-configuration"
    )


def test_the_hosts_the_app_contacts_include_userinfo() -> None:
    hosts = provider_hosts(load_providers(None, {}))
    assert "openidconnect.googleapis.com" in hosts and "graph.microsoft.com" in hosts
    assert "accounts.google.com" in hosts


def test_the_table_says_what_each_known_provider_uses() -> None:
    google = Endpoints.from_spec(next(p for p in PROVIDERS if p.id == "google"))
    assert google.algorithms == ("RS256",) and google.userinfo_endpoint.startswith("https://")
    assert not google.iss_parameter
    apple = Endpoints.from_spec(next(p for p in PROVIDERS if p.id == "apple"))
    assert apple.response_modes == ("form_post",) and apple.userinfo_endpoint == ""


def test_rfc9207_iss_of_a_tenant_issuer_is_checked_by_its_form() -> None:
    configured = load_providers(None, {"NEWORK_OAUTH_MICROSOFT_CLIENT_ID": "m"})
    microsoft = next(p for p in configured if p.id == "microsoft")
    flow = OAuthFlow(microsoft, HttpClient())
    tenant = "9188040d-6c67-4c5b-b112-36a304b66dad"
    flow._check_issuer(Callback("c", iss=f"https://login.microsoftonline.com/{tenant}/v2.0"))
    flow._check_issuer(Callback("c"))  # no iss, none advertised: nothing to check
    for forged in ("https://evil.example/x/v2.0", "https://login.microsoftonline.com/a/b/v2.0"):
        with pytest.raises(OAuthError, match="another issuer"):
            flow._check_issuer(Callback("c", iss=forged))
