"""Tests for the shipped privacy policy data and its loader (nework_desktop.core.policy)."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import pickle
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nework_desktop.core.policy import LocalizedText, Policy, PolicyError, load_policy
from nework_desktop.core.policy import loader as policy_module
from nework_desktop.resources import resource_path

VERSION = "2024-02-08"
POLICY_JSON = f"{VERSION}/policy.json"

# The consent record stores these hashes: if a text changes, the policy needs a new version
# (and these values a deliberate update).
JA_SHA256 = "004678b865286c987d2ab0d7ea1f62e7d375704f131bf343af7186c96b939c34"
EN_SHA256 = "2e57cf1f0f7e9a3ad2d5ba40828881b87d9d396979d6299780221ec845a6559b"

Json = dict[str, Any]
Mutation = Callable[[Json], None]


# --------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Policy:
    return load_policy()


@pytest.fixture
def policy_root(tmp_path: Path) -> Path:
    """A writable copy of the shipped policy folder."""
    root = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), root)
    return root


def _read_policy_json(root: Path) -> Json:
    data = json.loads((root / POLICY_JSON).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _write_policy_json(root: Path, data: Json) -> None:
    (root / POLICY_JSON).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _mutate(root: Path, mutation: Mutation) -> None:
    data = _read_policy_json(root)
    mutation(data)
    _write_policy_json(root, data)


def _load_error(root: Path) -> PolicyError:
    with pytest.raises(PolicyError) as caught:
        load_policy(root)
    return caught.value


_DELETE = object()
_TOKEN_RE = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def _path_tokens(path: str) -> list[str | int]:
    tokens: list[str | int] = []
    position = 0
    while position < len(path):
        match = _TOKEN_RE.match(path, position)
        assert match is not None, path
        tokens.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    return tokens


def _setter(path: str, value: object) -> Mutation:
    """A mutation setting (or, with _DELETE, removing) the value at a JSON path."""

    def mutate(data: Json) -> None:
        *parents, last = _path_tokens(path)
        node: Any = data
        for token in parents:
            node = node[token]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value

    return mutate


def _swap_revisions(data: Json) -> None:
    revisions = data["revisions"]
    revisions[1], revisions[2] = revisions[2], revisions[1]


def _duplicate_first_revision(data: Json) -> None:
    data["revisions"][1] = dict(data["revisions"][0])


def _drop_last_revision(data: Json) -> None:
    data["revisions"].pop()


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _table_rows(text: str) -> list[list[list[str]]]:
    """The Markdown tables of a text: each a list of rows, each a list of cell texts."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("|"):
            assert line.rstrip().endswith("|"), line
            body = line.strip()[1:-1]
            current.append([cell.strip() for cell in re.split(r"(?<!\\)\|", body)])
        elif current:
            tables.append(current)
            current = []
    return tables


# --------------------------------------------------------------------------------------------
# The shipped policy
# --------------------------------------------------------------------------------------------


def test_shipped_policy_loads(shipped: Policy) -> None:
    assert shipped.policy_id == "nework-app-privacy-policy"
    assert shipped.version == VERSION
    assert shipped.effective_date == datetime.date(2024, 2, 8)
    assert shipped.material is True
    assert shipped.company.ja == "NTT コミュニケーションズ株式会社"
    assert shipped.company.en == "NTT Communications Corporation"
    assert "NeWork" in shipped.title.ja
    assert "NeWork" in shipped.title.en
    assert shipped.change_summary.get("ja")
    assert "earlier revisions" in shipped.change_summary.en
    assert dict(shipped.translation_of) == {"en": "ja"}
    assert shipped.is_translation("en_US")
    assert not shipped.is_translation("ja_JP")


def test_index_points_at_the_current_version() -> None:
    index = json.loads(resource_path("policy", "index.json").read_text(encoding="utf-8"))
    assert index == {"current": VERSION, "versions": [VERSION]}


def test_loading_twice_gives_equal_hashable_policies(shipped: Policy) -> None:
    again = load_policy()
    assert again == shipped
    assert hash(again) == hash(shipped)


def test_policy_is_immutable(shipped: Policy) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        shipped.version = "2099-01-01"  # type: ignore[misc]
    with pytest.raises(TypeError):
        shipped.texts["ja"] = "changed"  # type: ignore[index]


def test_revisions_are_the_four_supplementary_provisions(shipped: Policy) -> None:
    got = [
        (r.version, r.announced.isoformat(), r.effective.isoformat(), r.reference)
        for r in shipped.revisions
    ]
    assert got == [
        ("2021-12-21", "2021-12-15", "2021-12-21", "APS1サ第00859623号"),
        ("2022-06-28", "2022-06-20", "2022-06-28", "APS１サ第00933209号"),
        ("2023-06-14", "2023-06-07", "2023-06-14", "ＣＡＳ１サ第000400000634-01号"),
        ("2024-02-08", "2024-02-07", "2024-02-08", "ＣＡＳ３サ第000400000800-01号"),
    ]
    assert all(r.material for r in shipped.revisions)
    assert all(r.summary.ja and r.summary.en for r in shipped.revisions)


def test_items_are_the_rows_of_the_article_2_table(shipped: Policy) -> None:
    assert [item.id for item in shipped.items] == [
        "email",
        "business_d_account",
        "google_account",
        "apple_id",
        "microsoft_account",
        "device_info",
        "usage_history",
    ]
    assert [item.collection for item in shipped.items] == ["manual"] * 5 + ["automatic"] * 2
    email = shipped.items[0]
    assert [p.plan for p in email.purposes] == ["all", "enterprise"]
    assert (
        email.purposes[1].text.ja
        == "テナント参加者への招待メール送信のため（Enterpriseプランのみ）"
    )
    usage = shipped.items[-1]
    assert [p.plan for p in usage.purposes] == ["all", "enterprise"]
    assert "監査" in usage.purposes[1].text.ja
    for item in shipped.items[1:6]:
        assert [p.plan for p in item.purposes] == ["all"]
    assert "端末識別 ID" in shipped.items[5].item.ja
    assert "device identification ID" in shipped.items[5].item.en


def test_modules_and_opt_out(shipped: Policy) -> None:
    assert [m.id for m in shipped.modules] == ["google_analytics", "firebase_analytics", "karte"]

    ga = shipped.module("google_analytics")
    assert ga.opt_out_allowed and ga.on_desktop and ga.uses_cookies
    assert ga.opt_out_url == "https://tools.google.com/dlpage/gaoptout?hl=ja"
    assert ga.provider.ja == "Google LLC およびその完全子会社"

    firebase = shipped.module("firebase_analytics")
    assert not firebase.opt_out_allowed
    assert not firebase.on_desktop
    assert firebase.opt_out_url is None
    assert firebase.platforms == ("ios", "android")

    karte = shipped.module("karte")
    assert karte.opt_out_allowed and karte.on_desktop
    assert karte.opt_out_url == "https://karte.io/optout/"
    assert karte.provider.ja == "株式会社プレイド"
    assert karte.provider.en == "PLAID, Inc."

    assert shipped.default_module_choices() == {"google_analytics": True, "karte": True}
    with pytest.raises(KeyError):
        shipped.module("mixpanel")


def test_matches_host(shipped: Policy) -> None:
    karte = shipped.module("karte")
    assert karte.matches_host("karte.io")
    assert karte.matches_host("b.karte.io")
    assert karte.matches_host("x.y.karte.io")
    assert karte.matches_host("KARTE.IO.")
    assert not karte.matches_host("evilkarte.io")
    assert not karte.matches_host("karte.io.evil.example")
    assert not karte.matches_host("")
    assert not karte.matches_host("karte.io/path")

    ga = shipped.module("google_analytics")
    assert ga.matches_host("www.google-analytics.com")
    assert ga.matches_host("region1.google-analytics.com")
    assert not ga.matches_host("google-analytics.com")
    assert not ga.matches_host("x.www.google-analytics.com")


def test_links_are_https_and_fix_the_extraction_errors(shipped: Policy) -> None:
    assert [(link.id, link.article) for link in shipped.links] == [
        ("company_privacy", 8),
        ("terms", 8),
        ("app_privacy", 8),
        ("contact", 10),
    ]
    every_url = [link.url for link in shipped.links]
    every_url += [link.url for m in shipped.modules for link in m.policy_urls]
    every_url += [m.opt_out_url for m in shipped.modules if m.opt_out_url is not None]
    assert all(url.startswith("https://") for url in every_url)
    assert shipped.link("company_privacy").url == "https://www.ntt.com/privacy/"
    assert shipped.link("terms").url.endswith("/tariff/pdf/c322.pdf")
    assert shipped.link("app_privacy").url.endswith("/privacy/pdf/a322.pdf")
    assert shipped.link("contact").url == "https://www.ntt.com/contact-us/about-us/1000_03.html"
    with pytest.raises(KeyError):
        shipped.link("nope")


def test_every_url_of_the_data_appears_in_both_texts(shipped: Policy) -> None:
    for locale in ("ja", "en"):
        text = shipped.text(locale)
        for link in shipped.links:
            shown = link.url
            if link.id == "company_privacy":
                shown = "http://www.ntt.com/privacy/"  # the text keeps the source's http://
            assert f"<{shown}>" in text, (locale, shown)
        for module in shipped.modules:
            for link in module.policy_urls:
                assert f"<{link.url}>" in text, (locale, link.url)
        # the PDF extraction repeated the company link under the terms of use: not in the text
        assert text.count("http://") == 1
        assert text.count("c322.pdf") == 1


def test_module_and_link_texts_come_from_the_policy_text(shipped: Policy) -> None:
    ja = shipped.text("ja")
    en_lower = shipped.text("en").lower()
    for module in shipped.modules:
        assert module.name in ja
        assert f"情報収集モジュール提供者：{module.provider.ja}" in ja
        assert f"取得する利用者情報：{module.collects.ja}" in ja
        assert module.provider.en in shipped.text("en")
        assert module.collects.en.lower() in en_lower
        for part in filter(None, module.purpose.ja.split("。")):
            assert part in ja, part
        for part in filter(None, module.purpose.en.rstrip(".").split(". ")):
            assert part.lower() in en_lower, part
        for link in module.policy_urls:
            assert f"{link.label.ja}（<{link.url}>）" in ja
            assert f"{link.label.en} (<{link.url}>)" in shipped.text("en")
    for link in shipped.links:
        if link.article == 8:
            assert f"■{link.label.ja}\\\n" in ja


def test_table_of_contents_has_the_eleven_articles(shipped: Policy) -> None:
    ja = shipped.articles("ja")
    en = shipped.articles("en")
    assert len(ja) == len(en) == 12
    for number in range(1, 12):
        ja_heading, ja_anchor = ja[number - 1]
        en_heading, en_anchor = en[number - 1]
        assert re.match(rf"第 ?{number} ?条\(", _nfkc(ja_heading)), ja_heading
        assert en_heading.startswith(f"Article {number} (")
        assert ja_anchor == en_anchor == f"article-{number}"
    assert ja[0][0] == "第１条（定義）"
    assert en[10][0] == "Article 11 (Changes)"
    assert ja[11] == ("附則", "section-12")
    assert en[11] == ("Supplementary Provisions", "section-12")
    assert shipped.articles("ja_JP") == ja
    assert shipped.articles("de") == en


def test_japanese_text_is_the_seed_cleaned_up(shipped: Policy) -> None:
    ja = shipped.text("ja")
    assert ja.startswith(
        "# 映像コミュニケーションサービス（NeWork）アプリケーション・プライバシーポリシー\n"
    )
    sentences = [
        "本プライバシーポリシーは改定されることがあります。",
        "（１） ご利用者が、本アプリケーションの削除（アンインストール）機能を利用して端末より"
        "削除（アンインストール）された場合、ご利用者より取得、保存したご利用者の情報は全て"
        "端末より直ちに削除されます。",
        "このアプリケーション・プライバシーポリシー（以下、「本プライバシーポリシー」といいます）"
        "は、NTT コミュニケーションズ株式会社（以下、「当社」といいます）が提供する",
        "なお、当社の連絡先は、第 10条をご覧下さい。",
        "Google Analytics による情報収集を無効化したい場合は、Google 社が提供する"
        "「Google アナリティクス オプトアウト アドオン」からオプトアウトの設定をすることで"
        "実施可能です。",
        "Google Analytics for Firebase は、スマートフォンアプリの利用状況及び不具合状況分析や"
        "利便性向上のために導入しています。仕様上オプトアウトすることができません。",
        "ただし、第２条に定める情報収集モジュールのうち Google Analytics for Firebaseにて"
        "取得した情報については、",
        "4. その他、社会通念上、当社が必要と判断した場合であって、本人の同意を得ることが"
        "困難である場合。",
        "【附則（令和 6 年 2 月 7日 ＣＡＳ３サ第 000400000800-01 号）】",
        "この改正規定は、令和 6年 2月 8 日から実施します。",
    ]
    for sentence in sentences:
        assert sentence in ja, sentence
    for line in ja.split("\n"):
        assert line == line.rstrip(" \t"), f"trailing space: {line!r}"
    assert ja.endswith("この改正規定は、令和 6年 2月 8 日から実施します。\n")
    assert "<br>" not in ja


def test_english_text_is_marked_as_a_translation(shipped: Policy) -> None:
    en = shipped.text("en")
    first_paragraph = en.split("\n\n")[1]
    assert "Unofficial English translation" in first_paragraph
    assert "the Japanese original prevails" in first_paragraph
    assert "This Privacy Policy may be revised." in en
    for line in en.split("\n"):
        assert line == line.rstrip(" \t"), f"trailing space: {line!r}"


def test_markdown_tables_are_well_formed_and_match_the_items(shipped: Policy) -> None:
    headers = {
        "ja": ["利用する利用者情報", "利用目的", "取得方法"],
        "en": ["User information used", "Purpose of use", "Method of collection"],
    }
    for locale, header in headers.items():
        tables = _table_rows(shipped.text(locale))
        assert len(tables) == 1, locale
        rows = tables[0]
        assert rows[0] == header
        assert all(re.fullmatch(r":?-{3,}:?", cell) for cell in rows[1])
        for row in rows:
            assert len(row) == len(rows[0]), row
        body = rows[2:]
        assert len(body) == len(shipped.items)
        for row, item in zip(body, shipped.items, strict=True):
            purposes = " ".join("・" + p.text.get(locale) for p in item.purposes)
            assert row == [item.item.get(locale), purposes, item.collection_label.get(locale)]


def test_locale_resolution(shipped: Policy) -> None:
    text = LocalizedText(ja="日本語", en="English")
    for locale in ("ja", "ja_JP", "ja-JP", "JA"):
        assert text.get(locale) == "日本語"
        assert shipped.text(locale) == shipped.texts["ja"]
        assert shipped.text_locale(locale) == "ja"
    for locale in ("en", "en_US", "fr", "zh_CN", ""):
        assert text.get(locale) == "English"
        assert shipped.text(locale) == shipped.texts["en"]
        assert shipped.text_locale(locale) == "en"


def test_text_sha256_is_stable(shipped: Policy) -> None:
    for locale in ("ja", "en"):
        expected = hashlib.sha256(shipped.text(locale).encode("utf-8")).hexdigest()
        assert shipped.text_sha256(locale) == expected
        assert load_policy().text_sha256(locale) == expected
    assert shipped.text_sha256("ja") == JA_SHA256
    assert shipped.text_sha256("en") == EN_SHA256
    assert shipped.text_sha256("ja_JP") == JA_SHA256


def test_text_sha256_ignores_crlf_and_bom(policy_root: Path, shipped: Policy) -> None:
    for name in ("policy.ja.md", "policy.en.md"):
        path = policy_root / VERSION / name
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    loaded = load_policy(policy_root)
    assert loaded.text_sha256("ja") == shipped.text_sha256("ja")
    assert loaded.text_sha256("en") == shipped.text_sha256("en")


# --------------------------------------------------------------------------------------------
# Revisions and re-consent
# --------------------------------------------------------------------------------------------


def test_revisions_after(shipped: Policy) -> None:
    def versions(after: str) -> list[str]:
        return [r.version for r in shipped.revisions_after(after)]

    assert versions("2022-06-28") == ["2023-06-14", "2024-02-08"]
    assert versions("2022-01-01") == ["2022-06-28", "2023-06-14", "2024-02-08"]
    assert versions("2000-01-01") == ["2021-12-21", "2022-06-28", "2023-06-14", "2024-02-08"]
    assert versions(VERSION) == []


def test_material_since_shipped(shipped: Policy) -> None:
    assert shipped.material_since(VERSION) is False
    assert shipped.material_since("2023-06-14") is True
    assert shipped.material_since("2021-12-21") is True
    assert shipped.material_since("") is True
    assert shipped.material_since("2099-01-01") is True  # unknown newer id: the flag decides


def test_material_since_follows_the_revision_flags(policy_root: Path) -> None:
    def flags(data: Json) -> None:
        data["material"] = False
        for revision, material in zip(data["revisions"], [False, True, False, False], strict=True):
            revision["material"] = material

    _mutate(policy_root, flags)
    loaded = load_policy(policy_root)
    assert loaded.material_since("2021-12-21") is True  # 2022-06-28 was material
    assert loaded.material_since("2022-06-28") is False
    assert loaded.material_since("2023-06-14") is False  # only the current one, not material
    assert loaded.material_since(VERSION) is False
    assert loaded.material_since("2099-01-01") is False


def test_material_since_uses_the_current_flag_when_only_it_is_newer(policy_root: Path) -> None:
    def flags(data: Json) -> None:
        for revision in data["revisions"][:-1]:
            revision["material"] = False

    _mutate(policy_root, flags)
    loaded = load_policy(policy_root)
    assert loaded.material_since("2023-06-14") is True
    assert loaded.material_since("2022-06-28") is True


# --------------------------------------------------------------------------------------------
# Validation: one failing policy per rule, the error names the file and the field
# --------------------------------------------------------------------------------------------

FIELD_CASES = [
    # schema, required and unknown keys, types
    pytest.param(_setter("schema", 2), "schema", "unsupported schema 2", id="schema-version"),
    pytest.param(
        _setter("schema", 1.0), "schema", "expected an integer, got 1.0", id="schema-type"
    ),
    pytest.param(_setter("title", _DELETE), "title", "required key is missing", id="missing-key"),
    pytest.param(_setter("colour", "blue"), "colour", "unknown key", id="unknown-key"),
    pytest.param(
        _setter("modules[0].extra", True), "modules[0].extra", "unknown key", id="unknown-nested"
    ),
    pytest.param(
        _setter("title.en", _DELETE), "title.en", "required key is missing", id="localized-missing"
    ),
    pytest.param(
        _setter("title.fr", "Politique"), "title.fr", "unknown key", id="localized-unknown"
    ),
    pytest.param(
        _setter("company.ja", "  "), "company.ja", "expected a non-empty string", id="empty-string"
    ),
    pytest.param(
        _setter("product", "NeWork"),
        "product",
        "expected an object, got 'NeWork'",
        id="object-type",
    ),
    pytest.param(
        _setter("material", "yes"), "material", "expected true or false, got 'yes'", id="bool-type"
    ),
    pytest.param(
        _setter("policy_id", "NeWork Policy"),
        "policy_id",
        "expected a lowercase id",
        id="policy-id",
    ),
    # versions and dates
    pytest.param(
        _setter("version", "2024-02-09"),
        "version",
        "expected '2024-02-08' (the folder name and index.json's current)",
        id="version-folder",
    ),
    pytest.param(
        _setter("effective_date", "2024/02/08"),
        "effective_date",
        "expected an ISO date 'YYYY-MM-DD', got '2024/02/08'",
        id="date-format",
    ),
    pytest.param(
        _setter("effective_date", "2024-02-30"),
        "effective_date",
        "expected an ISO date",
        id="date-invalid",
    ),
    pytest.param(
        _setter("effective_date", "2024-02-09"),
        "effective_date",
        "the effective date of the last revision",
        id="effective-date-last-revision",
    ),
    # revisions
    pytest.param(
        _setter("revisions", []), "revisions", "expected at least 1 entry", id="revisions-empty"
    ),
    pytest.param(
        _setter("revisions", "none"), "revisions", "expected an array", id="revisions-type"
    ),
    pytest.param(_swap_revisions, "revisions[2].version", "must be sorted", id="revisions-order"),
    pytest.param(
        _duplicate_first_revision,
        "revisions[1].version",
        "duplicate version '2021-12-21'",
        id="revisions-duplicate",
    ),
    pytest.param(
        _drop_last_revision,
        "revisions[2].version",
        "the last revision must be the current version '2024-02-08'",
        id="revisions-last",
    ),
    pytest.param(
        _setter("revisions[1].version", "2022-06-29"),
        "revisions[1].version",
        "expected the date the revision took effect '2022-06-28'",
        id="revision-version-effective",
    ),
    pytest.param(
        _setter("revisions[0].announced", "2021-12-22"),
        "revisions[0].announced",
        "after taking effect",
        id="revision-announced-after",
    ),
    pytest.param(
        _setter("revisions[0].effective", "21 Dec 2021"),
        "revisions[0].effective",
        "expected an ISO date",
        id="revision-date",
    ),
    pytest.param(
        _setter("revisions[3].material", False),
        "revisions[3].material",
        "must equal the top-level material flag",
        id="revision-material-current",
    ),
    pytest.param(
        _setter("revisions[0].reference", ""),
        "revisions[0].reference",
        "expected a non-empty string",
        id="revision-reference",
    ),
    # links
    pytest.param(
        _setter("links[0].url", "http://www.ntt.com/privacy/"),
        "links[0].url",
        "expected an https:// URL, got 'http://www.ntt.com/privacy/'",
        id="link-https",
    ),
    pytest.param(
        _setter("links[1].url", "https://user@www.ntt.com/x"),
        "links[1].url",
        "no user info",
        id="link-userinfo",
    ),
    pytest.param(
        _setter("links[3].article", "10"),
        "links[3].article",
        "expected an integer, got '10'",
        id="link-article-type",
    ),
    pytest.param(
        _setter("links[3].article", 0),
        "links[3].article",
        "expected a positive integer",
        id="link-article-range",
    ),
    pytest.param(
        _setter("links[3].article", _DELETE),
        "links[3].article",
        "required key is missing",
        id="link-article-missing",
    ),
    pytest.param(
        _setter("links[1].id", "company_privacy"),
        "links[1].id",
        "duplicate id 'company_privacy'",
        id="link-id-unique",
    ),
    pytest.param(
        _setter("links[0].id", "Company-Privacy"), "links[0].id", "expected an id", id="id-format"
    ),
    # items
    pytest.param(_setter("items", []), "items", "expected at least 1 entry", id="items-empty"),
    pytest.param(
        _setter("items[0].purposes[1].plan", "pro"),
        "items[0].purposes[1].plan",
        "expected one of 'all', 'enterprise', got 'pro'",
        id="plan",
    ),
    pytest.param(
        _setter("items[0].purposes", []),
        "items[0].purposes",
        "expected at least 1 entry",
        id="purposes-empty",
    ),
    pytest.param(
        _setter("items[6].collection", "scraped"),
        "items[6].collection",
        "expected one of 'manual', 'automatic', got 'scraped'",
        id="collection",
    ),
    pytest.param(
        _setter("items[2].id", "email"), "items[2].id", "duplicate id 'email'", id="item-id-unique"
    ),
    # modules
    pytest.param(
        _setter("modules[1].id", "karte"),
        "modules[2].id",
        "duplicate id 'karte'",
        id="module-id-unique",
    ),
    pytest.param(
        _setter("modules[2].hosts[1]", "*.io"),
        "modules[2].hosts[1]",
        "expected a host name or '*.domain', got '*.io'",
        id="host-wildcard-tld",
    ),
    pytest.param(
        _setter("modules[2].hosts[0]", "Karte.io"),
        "modules[2].hosts[0]",
        "expected a host name or '*.domain'",
        id="host-case",
    ),
    pytest.param(
        _setter("modules[2].hosts[3]", "karte.io"),
        "modules[2].hosts[3]",
        "duplicate host 'karte.io'",
        id="host-unique",
    ),
    pytest.param(
        _setter("modules[0].hosts", []),
        "modules[0].hosts",
        "expected at least 1 entry",
        id="hosts-empty",
    ),
    pytest.param(
        _setter("modules[0].platforms[0]", "win32"),
        "modules[0].platforms[0]",
        "expected one of 'windows', 'macos', 'linux', 'ios', 'android', got 'win32'",
        id="platform",
    ),
    pytest.param(
        _setter("modules[0].platforms[1]", "windows"),
        "modules[0].platforms[1]",
        "duplicate platform 'windows'",
        id="platform-unique",
    ),
    pytest.param(
        _setter("modules[0].opt_out_url", None),
        "modules[0].opt_out_url",
        "required when opt_out_allowed is true",
        id="opt-out-url-required",
    ),
    pytest.param(
        _setter("modules[1].opt_out_url", "https://example.com/optout"),
        "modules[1].opt_out_url",
        "must be null when opt_out_allowed is false",
        id="opt-out-url-forbidden",
    ),
    pytest.param(
        _setter("modules[2].opt_out_url", "http://karte.io/optout/"),
        "modules[2].opt_out_url",
        "expected an https:// URL",
        id="opt-out-url-https",
    ),
    pytest.param(
        _setter("modules[0].opt_out_url", _DELETE),
        "modules[0].opt_out_url",
        "required key is missing",
        id="opt-out-url-missing",
    ),
    pytest.param(
        _setter("modules[0].policy_urls[2].url", "ftp://tools.google.com/"),
        "modules[0].policy_urls[2].url",
        "expected an https:// URL",
        id="module-link-https",
    ),
    pytest.param(
        _setter("modules[0].policy_urls[1].id", "ga_terms"),
        "modules[0].policy_urls[1].id",
        "duplicate id 'ga_terms'",
        id="module-link-unique",
    ),
    pytest.param(
        _setter("modules[0].uses_cookies", 1),
        "modules[0].uses_cookies",
        "expected true or false, got 1",
        id="module-bool",
    ),
    # texts
    pytest.param(_setter("texts.fr", "policy.fr.md"), "texts.fr", "unknown key", id="text-locale"),
    pytest.param(
        _setter("texts.en", "../policy.en.md"),
        "texts.en",
        "expected the name of a .md file",
        id="text-path",
    ),
    pytest.param(
        _setter("texts.en", "missing.md"), "texts.en", "'missing.md' not found", id="text-missing"
    ),
    pytest.param(
        _setter("texts.en", "policy.ja.md"),
        "texts.en",
        "already the text of 'ja'",
        id="text-same-file",
    ),
    pytest.param(
        _setter("translation_of.en", "fr"),
        "translation_of.en",
        "expected one of 'ja', got 'fr'",
        id="translation-of-locale",
    ),
    pytest.param(
        _setter("translation_of", {"en": "ja", "ja": "en"}),
        "translation_of.en",
        "is itself a translation",
        id="translation-of-cycle",
    ),
]


@pytest.mark.parametrize(("mutation", "location", "detail"), FIELD_CASES)
def test_invalid_field_is_named(
    policy_root: Path, mutation: Mutation, location: str, detail: str
) -> None:
    _mutate(policy_root, mutation)
    error = _load_error(policy_root)
    assert error.file == POLICY_JSON
    assert error.location == location
    assert str(error).startswith(f"{POLICY_JSON}: {location}: "), str(error)
    assert detail in error.detail, str(error)


def test_host_error_message_format(policy_root: Path) -> None:
    _mutate(policy_root, _setter("modules[2].hosts[0]", "http://x"))
    error = _load_error(policy_root)
    assert str(error) == (
        f"{POLICY_JSON}: modules[2].hosts[0]: expected a host name or '*.domain', got 'http://x'"
    )


INDEX_CASES = [
    pytest.param(
        {"current": "2024-02-09", "versions": [VERSION]},
        "current",
        "'2024-02-09' is not listed in versions",
        id="current-not-listed",
    ),
    pytest.param(
        {"current": "latest", "versions": [VERSION]},
        "current",
        "expected an ISO date",
        id="current-format",
    ),
    pytest.param(
        {"current": "2025-01-01", "versions": [VERSION, "2025-01-01"]},
        "current",
        "there is no folder '2025-01-01'",
        id="current-folder",
    ),
    pytest.param(
        {"current": VERSION, "versions": [VERSION], "latest": VERSION},
        "latest",
        "unknown key",
        id="unknown-key",
    ),
    pytest.param({"current": VERSION}, "versions", "required key is missing", id="missing-key"),
    pytest.param(
        {"current": VERSION, "versions": []},
        "versions",
        "expected at least 1 entry",
        id="versions-empty",
    ),
    pytest.param(
        {"current": VERSION, "versions": [VERSION, "2023-06-14"]},
        "versions[1]",
        "must be sorted",
        id="versions-order",
    ),
    pytest.param(
        {"current": VERSION, "versions": [VERSION, VERSION]},
        "versions[1]",
        "duplicate version",
        id="versions-unique",
    ),
    pytest.param([VERSION], "", "expected an object, got an array", id="not-an-object"),
]


@pytest.mark.parametrize(("index", "location", "detail"), INDEX_CASES)
def test_invalid_index_is_named(
    policy_root: Path, index: object, location: str, detail: str
) -> None:
    (policy_root / "index.json").write_text(json.dumps(index), encoding="utf-8")
    error = _load_error(policy_root)
    assert error.file == "index.json"
    assert error.location == location
    assert detail in error.detail, str(error)
    assert str(error).startswith(f"index.json: {location}" if location else "index.json: ")


def test_missing_index(policy_root: Path) -> None:
    (policy_root / "index.json").unlink()
    error = _load_error(policy_root)
    assert str(error).startswith("index.json: file 'index.json' not found")


def test_missing_root(tmp_path: Path) -> None:
    error = _load_error(tmp_path / "nowhere")
    assert error.file == "index.json"
    assert "not found" in str(error)


def test_missing_shipped_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(*parts: str) -> Path:
        raise FileNotFoundError("NeWork resources not found")

    monkeypatch.setattr(policy_module, "resource_path", missing)
    with pytest.raises(PolicyError, match="shipped policy folder was not found"):
        load_policy()


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        pytest.param(b"{", "invalid JSON at line 1 column 2", id="syntax"),
        pytest.param(b'{"schema": 1, "schema": 1}', "duplicate key 'schema'", id="duplicate-key"),
        pytest.param(b'{"schema": NaN}', "NaN is not allowed", id="nan"),
        pytest.param(b'{"schema": "\xff"}', "not valid UTF-8", id="utf-8"),
        pytest.param(b"[]", "expected an object, got an array", id="not-an-object"),
        pytest.param(b"", "invalid JSON", id="empty"),
    ],
)
def test_unreadable_policy_json(policy_root: Path, content: bytes, detail: str) -> None:
    (policy_root / POLICY_JSON).write_bytes(content)
    error = _load_error(policy_root)
    assert error.file == POLICY_JSON
    assert str(error).startswith(f"{POLICY_JSON}: "), str(error)
    assert detail in str(error)


def test_invalid_index_json(policy_root: Path) -> None:
    (policy_root / "index.json").write_text('{"current": ', encoding="utf-8")
    error = _load_error(policy_root)
    assert str(error).startswith("index.json: invalid JSON at line 1")


def test_missing_policy_json(policy_root: Path) -> None:
    (policy_root / POLICY_JSON).unlink()
    error = _load_error(policy_root)
    assert str(error).startswith(f"{POLICY_JSON}: file '{POLICY_JSON}' not found")


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        pytest.param(b"", "file 'policy.ja.md' is empty", id="empty"),
        pytest.param(b" \n\n\t\n", "file 'policy.ja.md' is empty", id="blank"),
        pytest.param(b"# \x82\xa0\n", "'policy.ja.md' is not valid UTF-8", id="not-utf-8"),
    ],
)
def test_bad_text_file(policy_root: Path, content: bytes, detail: str) -> None:
    (policy_root / VERSION / "policy.ja.md").write_bytes(content)
    error = _load_error(policy_root)
    assert error.file == POLICY_JSON
    assert error.location == "texts.ja"
    assert detail in error.detail, str(error)


def test_text_file_is_a_folder(policy_root: Path) -> None:
    path = policy_root / VERSION / "policy.en.md"
    path.unlink()
    path.mkdir()
    error = _load_error(policy_root)
    assert error.location == "texts.en"
    assert "is a folder" in error.detail


def test_policy_error_survives_pickling() -> None:
    error = PolicyError("index.json", "current", "bad")
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object, round-trip only
    assert isinstance(copy, PolicyError)
    assert (copy.file, copy.location, copy.detail) == ("index.json", "current", "bad")
    assert str(copy) == "index.json: current: bad"
