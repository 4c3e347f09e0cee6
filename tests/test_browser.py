"""The app in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Checks what AppTest cannot: that a shared URL opens the same view, that changing a
filter rewrites the address bar, and that the filters survive a page switch through
the navigation, that the map draws its markers without any request leaving the
machine, and that URL values in notices stay text. Screenshots go to tests/artifacts/
(gitignored) to be looked at.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

from conftest import running_app
from test_app import EVIL_LINK, HARBIN_LINK, HARBIN_RECORDS, HARBIN_URL, ROOT, build_db

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run` on a test database built from the shipped articles; stopped afterwards."""
    if not CHROMIUM:
        pytest.skip("no chromium on PATH: install it with `apt-get install chromium`")
    db = build_db(tmp_path_factory.mktemp("browser") / "deals.duckdb")
    with running_app(db, tmp_path_factory.mktemp("log") / "streamlit.log") as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM:
        pytest.skip("no chromium on PATH: install it with `apt-get install chromium`")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


# Counts the script runs the page has seen end (the app's state attribute turning to notRunning),
# so a test can wait for the run its action started rather than guess how long that takes.
RUN_COUNTER = """
window.__runsEnded = 0;
new MutationObserver(changes => {
    for (const c of changes)
        if (c.target.getAttribute('data-test-script-state') === 'notRunning') window.__runsEnded += 1;
}).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
"""


def new_context(browser, **kwargs):
    """A browser context whose pages count their script runs (`rerun_by`)."""
    context = browser.new_context(**kwargs)
    context.add_init_script(RUN_COUNTER)
    return context


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = new_context(browser, viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def _params(pg) -> dict[str, list[str]]:
    return parse_qs(urlparse(pg.url).query)


def _wait_for_app(pg) -> None:
    """Until the script run is over and drawn: content shown, the app says its script is not
    running, no element is left stale from the run before, and no widget is still a
    placeholder while its code loads."""
    pg.wait_for_selector("[data-testid='stMetricValue'], [data-testid='stAlert'], [data-testid='stHtml'], "
                         "[data-testid='stPlotlyChart'], [data-testid='stDataFrame']")
    pg.wait_for_function("""() => {
        const app = document.querySelector("[data-testid='stApp']");
        return app && app.getAttribute('data-test-script-state') === 'notRunning'
            && !document.querySelector("[data-testid='stStatusWidget']")
            && !document.querySelector("[data-stale='true']")
            && !document.querySelector("[data-testid='stSkeleton'], [data-testid='stSkeletonElement'], "
                                       + "[data-testid='stAppSkeleton']");
    }""")


RUN_SEEN_MS = 12_000  # how long to wait for the run counter before trusting the settled page


@contextmanager
def rerun_by(pg):
    """The block does something that runs the script again (a click, a page link, Back): on
    leaving it, wait until a run that began after the block's start has ended and is drawn.
    Waiting for the address bar is not enough: a page link or Back changes it before the run
    begins, and the page still shows the last run, settled, until the new one starts."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # (imported where a browser test runs)

    ended = pg.evaluate("window.__runsEnded")
    yield
    try:
        pg.wait_for_function("n => window.__runsEnded > n", arg=ended, timeout=RUN_SEEN_MS)
    except PlaywrightTimeout:
        # A run so quick that React drew "running" and "notRunning" in one frame changes no attribute, so the
        # counter never sees it; by now such a run is long over and drawn (a lost click fails the checks after)
        pass
    _wait_for_app(pg)


# The map's plotly element and its MapLibre map (plotly.js keeps it on the subplot).
_MAP = """(() => {
    const gd = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
    const sub = gd && gd._fullLayout && gd._fullLayout.map && gd._fullLayout.map._subplot;
    return {gd, map: sub && sub.map};
})()"""


def _open_map(pg) -> list[str]:
    """Switch to the Map page through the navigation; the URLs the page requests from then on."""
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    with rerun_by(pg):
        pg.get_by_role("link", name="Map").first.click()
    pg.wait_for_url(re.compile(r"/map"))
    return requests


def _wait_for_map(pg) -> dict:
    """Until the map has drawn its markers; returns the trace names with their number of
    points, and how many circles MapLibre drew per trace."""
    pg.wait_for_function(f"""() => {{
        const {{gd, map}} = {_MAP};
        return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded()
            && map.queryRenderedFeatures().some(f => f.layer.type === 'circle');
    }}""")
    return pg.evaluate(f"""() => {{
        const {{gd, map}} = {_MAP};
        const drawn = {{}}, fills = {{}};
        for (const f of map.queryRenderedFeatures()) {{
            if (f.layer.type === 'circle') drawn[f.layer.id] = (drawn[f.layer.id] || 0) + 1;
            if (f.layer.type === 'fill') fills[f.layer.id] = (fills[f.layer.id] || 0) + 1;
        }}
        return {{
            traces: gd._fullData.map(t => [t.name, t._length, t.mode]),
            circles: Object.values(drawn).reduce((a, b) => a + b, 0),
            fills: Object.values(fills).reduce((a, b) => a + b, 0),
            legend: Array.from(gd.querySelectorAll('.legend .traces')).map(e => e.textContent),
        }};
    }}""")


# A page link that is not in the menu of pages (whose "Article" link also opens the article page).
SOURCE_LINK = "[data-testid='stPageLink']:not(.st-key-menu *)"


def _source_titles(pg) -> list[str]:
    """The titles of the article links shown (each link's text after its icon's name)."""
    links = pg.locator(f"{SOURCE_LINK}").filter(has=pg.locator("a[href*='article?']"))
    return [t.strip().splitlines()[-1].strip() for t in links.all_inner_texts()]


def _outside_requests(urls: list[str]) -> list[str]:
    """The requests that went to a host other than this machine's test server."""
    return [u for u in urls if urlparse(u).scheme not in ("data", "blob") and urlparse(u).hostname != "127.0.0.1"]


def _click_widest_bar(pg, chart: int = 0) -> None:
    """Click the middle of the widest bar of a chart, as a person does (plotly's drag layer
    lies over the bars, so the click goes where the bar is drawn)."""
    fig = pg.locator("[data-testid='stPlotlyChart']").nth(chart)
    fig.locator("g.point path").first.wait_for(state="attached")  # plotly draws after the run has ended (a bar of 0 has no width)
    fig.scroll_into_view_if_needed()
    boxes = [b for b in (p.bounding_box() for p in fig.locator("g.point path").all()) if b]
    box = max(boxes, key=lambda b: b["width"] * b["height"])
    pg.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def _total(pg) -> str:
    """The headline total, whatever its scope's label."""
    return pg.locator("[data-testid='stMetricValue']").first.inner_text().strip()


def _metric(pg, label: str) -> str:
    box = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_shared_url_filter_and_page_switch(server, page):
    pg = page
    pg.goto(f"{server}/?city=Harbin&scope=all")
    _wait_for_app(pg)
    assert _total(pg) == "¥19.3 bn"
    assert _metric(pg, "Cities") == "1"
    # the source article sits beside the charts, as a link to its page
    link = pg.locator("[data-testid='stPageLink']").filter(has_text=HARBIN_LINK).first
    assert link.is_visible()
    _shot(pg, "01_overview_harbin")

    # change a filter in the sidebar: the URL follows
    sidebar = pg.locator("[data-testid='stSidebar']")
    sector = sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Sector")
    sector.locator("input").click()
    pg.keyboard.type("New energy")
    with rerun_by(pg):
        pg.get_by_role("option", name="New energy", exact=True).click()
    pg.keyboard.press("Escape")
    pg.wait_for_function("() => location.search.includes('sector=New')")
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"], "scope": ["all"]}
    assert _total(pg) == "¥11.2 bn"  # 8.35 + 2.8 bn of new energy projects
    _shot(pg, "02_overview_harbin_new_energy")

    # switch page through the navigation: filters held in the URL and in the widgets
    with rerun_by(pg):
        pg.get_by_role("link", name="Deals").first.click()
    pg.wait_for_url(re.compile(r"/deals\?"))
    assert urlparse(pg.url).path.endswith("/deals")
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"], "scope": ["all"]}
    chips = sidebar.locator("[data-testid='stMultiSelect']").all_inner_texts()
    assert any("Harbin" in c for c in chips) and any("New energy" in c for c in chips)
    assert _total(pg) == "¥11.2 bn"
    _shot(pg, "03_deals_harbin_new_energy")

    requests = _open_map(pg)
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"], "scope": ["all"]}
    drawn = _wait_for_map(pg)
    # one city marker (Harbin) over China's provinces, Heilongjiang's cities outlined
    names = {name: n for name, n, _ in drawn["traces"]}
    assert names.get("City") == 1 and "Park or zone" not in names
    assert names.get("Province", 0) >= 31 and names.get("City area", 0) >= 10
    assert drawn["circles"] >= 1 and drawn["fills"] >= 5
    assert "City" in drawn["legend"]
    assert all("text" not in (mode or "") for _, _, mode in drawn["traces"])
    # the only source of this view is the Harbin article, under its own title
    assert _source_titles(pg) == [HARBIN_LINK]
    _shot(pg, "04_map_harbin_new_energy")
    # offline: nothing the Map page drew asked another host for anything (tiles, glyph fonts)
    assert requests and not _outside_requests(requests), _outside_requests(requests)

    # a reload (what a colleague opening the link sees) shows the same view
    pg.reload()
    _wait_for_app(pg)
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"], "scope": ["all"]}


def test_source_link_opens_the_article_with_evidence(server, page):
    pg = page
    pg.goto(f"{server}/?city=Harbin&scope=all")
    _wait_for_app(pg)
    with rerun_by(pg):
        pg.locator("[data-testid='stPageLink']").filter(has_text=HARBIN_LINK).first.click()
    pg.wait_for_url(re.compile(r"/article\?"))
    params = _params(pg)
    assert params["city"] == ["Harbin"] and len(params["article"][0]) == 16
    marks = pg.locator("[data-testid='stHtml'] mark")
    assert marks.count() == 4
    assert any("83.5 hundred million" in t for t in marks.all_inner_texts())
    # the original, from sources.csv: one link, in a new tab, with no opener or referrer handed over
    original = pg.locator(f"a[href='{HARBIN_URL}']")
    assert original.count() == 1 and original.inner_text() == HARBIN_URL
    assert (original.get_attribute("target"), original.get_attribute("rel")) == ("_blank", "noopener noreferrer")
    _shot(pg, "05_article_harbin")


def test_whole_view_and_bad_url(server, page):
    pg = page
    pg.goto(f"{server}/?" + urlencode({"compare": "Atlantis", "sort": EVIL_LINK, "scope": "all"}))
    _wait_for_app(pg)
    # (word joiners, invisible, keep the bare URL from being linked: not part of the text)
    alerts = " ".join(pg.locator("[data-testid='stAlert']").all_inner_texts()).replace("\u2060", "")
    assert "Atlantis" in alerts
    # a URL value is shown as typed, never as a link inside the app's own warning
    assert EVIL_LINK in alerts
    assert pg.locator("[data-testid='stAlert'] a").count() == 0
    assert "compare" not in _params(pg) and "sort" not in _params(pg)
    assert pg.locator("[data-testid='stException']").count() == 0
    # every source title fits its column at 1400 px: cut at a word with "…", never clipped
    clipped = pg.evaluate("""() => Array.from(document.querySelectorAll(
        "[data-testid='stPageLink'] a[href*='article?'] p")).filter(p => p.scrollWidth > p.clientWidth + 1)
        .map(p => p.textContent)""")
    assert not clipped, clipped
    _shot(pg, "06_overview_all_bad_city")
    # a click on a bar lists its records, and the URL says which bar
    with rerun_by(pg):
        _click_widest_bar(pg)
    pg.wait_for_function("() => location.search.includes('show=city')")
    chosen = _params(pg)["show"][0].split(":", 1)[1]  # the widest bar: the biggest total
    assert pg.locator("[data-testid='stDataFrame']").count() == 1
    assert pg.get_by_text(f"Place: {chosen}").count() == 1  # beside the chart, for that bar
    for attempt in range(3):  # the table can be drawn anew once more as the run settles
        try:
            pg.locator("[data-testid='stDataFrame']").scroll_into_view_if_needed()
            break
        except Exception:
            if attempt == 2:
                raise
            _wait_for_app(pg)
    _shot(pg, "06b_overview_records_behind_top_bar")
    requests = _open_map(pg)
    drawn = _wait_for_map(pg)
    names = {name: n for name, n, _ in drawn["traces"]}
    assert names.get("City", 0) >= 5 and names.get("Park or zone", 0) >= 1
    assert drawn["circles"] >= names["City"]
    assert {"City", "Park or zone"} <= set(drawn["legend"])
    _shot(pg, "07_map_all")
    assert requests and not _outside_requests(requests), _outside_requests(requests)

    # the sources of one marker: Harbin's two articles, the bigger first, under their titles
    box = pg.locator("[data-testid='stSelectbox']").filter(has_text="Sources for")
    box.locator("input").click()
    pg.keyboard.type("Harbin (city)")
    with rerun_by(pg):
        pg.get_by_role("option", name="Harbin (city)", exact=True).click()
    pg.get_by_text("Sources for Harbin").wait_for()
    titles = _source_titles(pg)
    assert titles[0] == HARBIN_LINK and len(titles) == len(HARBIN_RECORDS)
    _shot(pg, "08_map_sources_harbin")


def test_status_links_dates_and_deals_table(server, page):
    """The split of the total by status narrows the view to one status (the other filters
    kept); a date reads whole in the sidebar; the Deals table shows 20 rows."""
    pg = page
    pg.goto(f"{server}/?from=2020-01-01")
    _wait_for_app(pg)
    date_box = pg.locator("[data-testid='stSidebar'] [data-testid='stDateInput'] input").first
    assert date_box.input_value() == "2020-01-01"
    assert date_box.evaluate("e => e.scrollWidth <= e.clientWidth")  # the whole date shows, not just its year
    widths = [b["width"] for b in (e.bounding_box() for e in
              pg.locator("[data-testid='stSidebar'] [data-testid='stDateInput']").all())]
    assert len(widths) == 2 and min(widths) > 200  # one under the other, full width
    assert pg.get_by_text("not shown by the date filter").count() == 1
    before = _total(pg)
    with rerun_by(pg):
        pg.get_by_role("button", name=re.compile(r"^signed ¥")).first.click()
    pg.wait_for_function("() => location.search.includes('status=signed')")
    assert _params(pg) == {"from": ["2020-01-01"], "status": ["signed"]}
    chips = pg.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").all_inner_texts()
    assert any("signed" in c for c in chips)
    assert _total(pg) != before
    _shot(pg, "09_overview_signed_from_2020")
    with rerun_by(pg):
        pg.get_by_role("link", name="Deals").first.click()
    pg.wait_for_url(re.compile(r"/deals\?"))
    assert _params(pg) == {"from": ["2020-01-01"], "status": ["signed"]}
    table = pg.locator("[data-testid='stDataFrame']").first.bounding_box()
    assert table["height"] >= 38 + 35 * 20 - 2  # twenty rows, not ten
    _shot(pg, "10_deals_signed_from_2020")


def _map_xy(pg, lon: float, lat: float) -> tuple[float, float]:
    """Where a longitude/latitude is on the screen, by the map's own projection."""
    return tuple(pg.evaluate(f"""() => {{
        const {{gd, map}} = {_MAP};
        const p = map.project([{lon}, {lat}]), r = map.getCanvas().getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }}"""))


def _marker(pg, name: str) -> tuple[float, float]:
    """Where the map draws the marker of `name` (after any spreading), as lon, lat."""
    return tuple(pg.evaluate(f"""() => {{
        const {{gd}} = {_MAP};
        for (const t of gd._fullData) {{
            if (t.type !== 'scattermap') continue;
            const i = t.customdata.findIndex(c => c[1] === {name!r});
            if (i >= 0) return [t.lon[i], t.lat[i]];
        }}
        return null;
    }}"""))


def _hover_text(pg) -> str:
    return " ".join(pg.evaluate("() => Array.from(document.querySelectorAll('.hoverlayer .hovertext'))"
                                ".map(e => e.textContent)"))


def _click_map(pg, where, until: str) -> None:
    """Click the map at `where()` (lon, lat) until the URL says `until`: a click that lands
    while the app is still drawing the last run can be lost, as for a person."""
    for attempt in range(3):
        _wait_for_app(pg)
        _wait_for_map(pg)
        pg.mouse.click(*_map_xy(pg, *where()))
        try:
            pg.wait_for_function(f"() => location.search.includes({until!r})", timeout=10_000)
            break
        except Exception:
            if attempt == 2:
                raise
    _wait_for_app(pg)


def test_map_click_drills_down_and_hover_names_the_place(server, browser):
    """At meeting size (1280x720): China's outline is drawn; hover names the place under the
    cursor (a city's marker names the city, the fill its province); a click on a marker
    filters to its city and lists that marker's sources, a click on a province filters to it;
    nothing leaves the machine."""
    context = new_context(browser, viewport={"width": 1280, "height": 720})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    try:
        pg.goto(f"{server}/map?scope=all")  # plans too: Harbin's key-project list is one
        _wait_for_app(pg)
        drawn = _wait_for_map(pg)
        assert drawn["fills"] >= 25  # the provinces, drawn as MapLibre fills
        pg.locator("[data-testid='stPlotlyChart']").first.scroll_into_view_if_needed()
        _shot(pg, "11_map_china_1280x720")

        x, y = _map_xy(pg, *_marker(pg, "Harbin"))
        pg.mouse.move(x, y)
        pg.wait_for_function("() => document.querySelector('.hoverlayer .hovertext')")
        hover = _hover_text(pg)
        assert hover.startswith("Harbin (city)") and "Heilongjiang" not in hover
        pg.mouse.move(*_map_xy(pg, 129.5, 48.0))  # Yichun, in Heilongjiang, away from Harbin's marker
        pg.wait_for_function("() => (document.querySelector('.hoverlayer .hovertext') || {}).textContent"
                             "?.startsWith('Heilongjiang (province)')")

        assert pg.get_by_text("Sources of this map").count() == 1
        _click_map(pg, lambda: _marker(pg, "Harbin"), "place=Harbin")
        assert _params(pg) == {"province": ["Heilongjiang"], "city": ["Harbin"], "scope": ["all"], "place": ["Harbin"]}
        pg.get_by_text("Sources for Harbin").wait_for()
        assert _source_titles(pg)[0] == HARBIN_LINK and len(_source_titles(pg)) == len(HARBIN_RECORDS)
        _shot(pg, "12_map_clicked_harbin")
        # the same view opened from the link
        pg.goto(pg.url)
        _wait_for_app(pg)
        pg.get_by_text("Sources for Harbin").wait_for()

        pg.goto(f"{server}/map")
        _wait_for_app(pg)
        _wait_for_map(pg)
        _click_map(pg, lambda: (129.5, 48.0), "province=Heilongjiang")
        assert _params(pg) == {"province": ["Heilongjiang"]}
        names = {name: n for name, n, _ in _wait_for_map(pg)["traces"]}
        assert names.get("City area", 0) >= 12  # Heilongjiang's cities outlined
        _shot(pg, "13_map_clicked_heilongjiang")
        assert requests and not _outside_requests(requests), _outside_requests(requests)
    finally:
        context.close()


def test_share_panel_link_citation_and_csv_export(server, page):
    """The panel gives the address the browser shows, and its CSV holds exactly the view's
    records, each with its article and evidence sentence."""
    import io

    import pandas as pd

    from test_app import HARBIN_TITLE

    pg = page
    pg.goto(f"{server}/?city=Harbin&scope=all")
    _wait_for_app(pg)
    sidebar = pg.locator("[data-testid='stSidebar']")
    with rerun_by(pg):  # opening the panel runs the page again to fill it
        sidebar.get_by_text("Share, cite, export").click()
    panel = sidebar.locator("[data-testid='stExpander']").filter(has_text="Share, cite, export")
    codes = panel.locator("[data-testid='stCode']")
    link = codes.nth(0).inner_text().strip()
    assert link.startswith(f"{server}/?") and parse_qs(urlparse(link).query) == _params(pg)
    citation = codes.nth(1).inner_text()
    assert "city is Harbin" in citation and "Dataset version " in citation and link in citation.replace("\n", "")
    n = int(re.search(r"Export the ([\d,]+) records? of this view", panel.inner_text()).group(1).replace(",", ""))
    with pg.expect_download() as got:
        panel.get_by_role("button", name="CSV").click()
    download = got.value
    assert re.fullmatch(r"china-tech-investment_[0-9a-f]{12}_accessed-\d{4}-\d{2}-\d{2}\.csv",
                        download.suggested_filename)
    df = pd.read_csv(io.BytesIO(open(download.path(), "rb").read()))
    assert len(df) == n > 0 and set(df["city"]) == {"Harbin"}
    assert HARBIN_TITLE in set(df["article_title"]) and HARBIN_URL in set(df["original_url"])
    assert df["evidence"].notna().all() and df["file_name"].notna().all()
    # on another page the link is that page's address
    pg.goto(f"{server}/map?city=Harbin&scope=all")
    _wait_for_app(pg)
    with rerun_by(pg):
        sidebar.get_by_text("Share, cite, export").click()
    link = panel.locator("[data-testid='stCode']").nth(0).inner_text().strip()
    assert link.startswith(f"{server}/map?") and parse_qs(urlparse(link).query) == _params(pg)
