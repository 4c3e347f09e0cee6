"""Issue 7 in a real browser: a click on a bar drills down in the URL with its records and
sentences beside the chart; Back undoes one step, also after a page switch; meeting mode;
the scope and currency parameters; a total that is not clipped at 1024×768; the app under
a path prefix (`--server.baseUrlPath`). Screenshots go to tests/artifacts/."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest

from conftest import running_app

from test_app import ROOT, build_db
from test_browser import (ARTIFACTS, CHROMIUM, SOURCE_LINK, _click_widest_bar, _free_port, _params, _shot, _total,  # noqa: F401
                          _wait_for_app, browser, new_context, page, rerun_by, server)

pytestmark = pytest.mark.browser


def _history(pg) -> int:
    return pg.evaluate("history.length")


def test_bar_click_drills_down_and_back_undoes_one_step(server, page):
    pg = page
    pg.set_viewport_size({"width": 1280, "height": 720})
    pg.goto(f"{server}/?scope=all&city=Chengdu&city=Harbin")
    _wait_for_app(pg)
    start = _history(pg)
    assert pg.get_by_text("Sources of totals by place").count() == 1
    with rerun_by(pg):
        _click_widest_bar(pg)
    pg.wait_for_function("() => location.search.includes('show=city')")
    chosen = _params(pg)["show"][0].split(":", 1)[1]
    assert chosen == "Chengdu" and _params(pg)["city"] == ["Chengdu", "Harbin"]
    assert _history(pg) == start + 1  # one click, one entry
    # the panel beside the chart: that bar's records, each with its sentence and its article
    panel = pg.locator("[data-testid='stColumn']").filter(has_text="Place: Chengdu").first
    assert panel.is_visible() and "“" in panel.inner_text()
    assert panel.locator("a[href*='article?']").count() >= 1
    _shot(pg, "11_drill_down_chengdu")

    # a page switch is one entry, and keeps the drill-down: Deals lists that bar's records. The
    # menu's links carry the whole state (Streamlit's own menu sends none, and writing it back
    # was a second entry whenever the browser had redrawn in between).
    menu_link = pg.get_by_role("link", name="Deals").first
    assert parse_qs(urlparse(menu_link.get_attribute("href")).query) == _params(pg)
    with rerun_by(pg):
        menu_link.click()
    pg.wait_for_url(re.compile(r"/deals\?"))
    assert _history(pg) == start + 2
    assert _params(pg)["show"] == ["city:Chengdu"]
    assert pg.get_by_text("Only the records behind").count() == 1

    # Back: the Overview with the same filters and drill-down, in one step; Back again: no drill-down
    with rerun_by(pg):
        pg.go_back()
    pg.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/\?"))
    assert _params(pg) == {"scope": ["all"], "city": ["Chengdu", "Harbin"], "show": ["city:Chengdu"]}
    assert pg.get_by_text("Place: Chengdu").count() == 1
    with rerun_by(pg):
        pg.go_back()
    pg.wait_for_function("() => !location.search.includes('show=')")
    assert _params(pg) == {"scope": ["all"], "city": ["Chengdu", "Harbin"]}
    assert pg.get_by_text("Place: Chengdu").count() == 0
    assert _history(pg) == start + 2  # nothing was added by going back


def test_meeting_mode(server, page):
    pg = page
    pg.set_viewport_size({"width": 1280, "height": 720})
    pg.goto(f"{server}/?present=1&city=Harbin&scope=all")
    _wait_for_app(pg)
    assert not pg.locator("[data-testid='stSidebar']").is_visible()
    assert pg.get_by_role("button", name=re.compile("Filters")).is_visible()
    size = pg.locator("[data-testid='stMetricValue'] div").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 45  # 3.2rem; 2.25rem outside meeting mode
    _shot(pg, "12_meeting_mode_harbin")
    # the filters behind the bar are the same widgets, and every filter stays in the URL
    pg.get_by_role("button", name=re.compile("Filters")).click()
    pg.get_by_text("Money counted").first.wait_for(state="visible")
    pg.keyboard.press("Escape")
    with rerun_by(pg):
        pg.get_by_role("link", name="Deals").first.click()
    pg.wait_for_url(re.compile(r"/deals\?"))
    assert _params(pg) == {"city": ["Harbin"], "scope": ["all"], "present": ["1"]}
    with rerun_by(pg):
        pg.get_by_role("button", name="Leave meeting mode").click()
    pg.wait_for_function("() => !location.search.includes('present')")
    assert pg.locator("[data-testid='stSidebar']").is_visible()


def test_scope_and_a_link_that_matches_nothing(server, page):
    pg = page
    pg.goto(f"{server}/?city=Harbin")
    _wait_for_app(pg)
    pg.locator("[data-testid='stMetricLabel']").get_by_text("Committed money", exact=True).wait_for(
        state="visible", timeout=60_000)  # the metric: not the citation, nor the metric's preview (ui.metric)
    committed = _total(pg)
    assert committed == "¥1 bn"  # Harbin's signed deal; its ¥18.3 bn key-project list is a plan
    assert pg.get_by_text(re.compile(r"plus ¥18\.3 bn in plans and lists")).count() == 1
    with rerun_by(pg):
        pg.get_by_role("button", name="Count plans and lists too").click()
    pg.wait_for_function("() => location.search.includes('scope=all')")
    assert _total(pg) == "¥19.3 bn" and pg.get_by_text("All money, any status").count() == 1
    pg.goto(f"{server}/?city=Harbin&scope=plans")
    _wait_for_app(pg)
    assert _total(pg) == "¥18.3 bn" and pg.get_by_text(re.compile(r"plus ¥1 bn committed")).count() == 1
    # a link whose values match nothing says so and shows no figure
    pg.goto(f"{server}/?city=Nowhere")
    _wait_for_app(pg)
    assert "Nothing matches this link" in pg.locator("[data-testid='stAlert']").first.inner_text()
    assert pg.locator("[data-testid='stMetric'], [data-testid='stPlotlyChart']").count() == 0
    assert _params(pg) == {"city": ["Nowhere"]}


def test_usd_names_its_rates(server, page):
    pg = page
    pg.goto(f"{server}/?city=Chengdu&currency=USD")
    _wait_for_app(pg)
    assert re.fullmatch(r"(≥ )?USD [\d.]+ bn", _total(pg)), _total(pg)
    hover = pg.evaluate("""() => document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot")
                                  .data[0].hovertext.join(' ')""")
    assert re.search(r"at ¥\d\.\d\d per USD \(20\d\d average\)", hover) and "ECB" in hover
    assert pg.get_by_text("USD billion").count() >= 1
    _shot(pg, "13_usd_chengdu")


@pytest.mark.parametrize("width,height,zoom", [(1024, 768, 1), (1280, 720, 1.5), (1920, 1080, 1)])
def test_nothing_clipped(server, browser, width, height, zoom):
    """At 1024×768, at 150 % zoom (a 1280 px window shows 853 CSS px) and at 1920×1080: the
    total and every metric read whole, and every bar's amount lies inside its chart."""
    ctx = new_context(browser, viewport={"width": int(width / zoom), "height": int(height / zoom)},
                              device_scale_factor=zoom)
    pg = ctx.new_page()
    pg.set_default_timeout(30_000)
    try:
        pg.goto(f"{server}/?scope=all")
        _wait_for_app(pg)
        clipped = pg.evaluate("""() => Array.from(document.querySelectorAll(
            "[data-testid='stMetricValue'], [data-testid='stMetricValue'] *")).filter(
            e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)""")
        assert not clipped, clipped
        assert _total(pg).startswith("≥ ¥") and "…" not in _total(pg)
        # each bar's amount (text of the bars and of the stacked bars' ends) inside its figure
        outside = pg.evaluate("""() => {
            const out = [];
            for (const gd of document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")) {
                const box = gd.getBoundingClientRect();
                for (const t of gd.querySelectorAll('.textpoint text, .bartext')) {
                    const r = t.getBoundingClientRect();
                    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(t.textContent);
                }
                for (const t of gd.querySelectorAll('.ytick text')) {
                    const r = t.getBoundingClientRect();
                    if (r.width && r.left < box.left - 1) out.push(t.textContent);
                }
            }
            return out; }""")
        assert not outside, outside
        pg.screenshot(path=str(ARTIFACTS / f"14_overview_{width}x{height}_{int(zoom * 100)}.png"))
    finally:
        ctx.close()


def test_deals_columns_fit_at_1280(server, page):
    """Project, amount, place, date, status and the article link are on screen without
    scrolling sideways at 1280 px, beside the sidebar."""
    pg = page
    pg.set_viewport_size({"width": 1280, "height": 720})
    pg.goto(f"{server}/deals?scope=all")
    _wait_for_app(pg)
    from dashboard import ui

    grid = pg.locator("[data-testid='stDataFrame']").first.bounding_box()
    # the grid draws on a canvas: its columns are the widths the app gives them, in this order
    first = ("Project", "bn", "Amount", "City", "Date", "Status", "Article")
    assert list(ui._COLUMNS)[:len(first)] == list(first)
    selector = 40  # the row-selection column
    assert grid["width"] >= sum(ui._COLUMNS[c] for c in first) + selector, grid
    assert pg.evaluate("""() => { const s = document.querySelector("[data-testid='stDataFrame'] .dvn-scroller");
        return s ? s.scrollLeft : 0; }""") == 0
    # a click on a row shows its sentence above the table, and the URL names the record
    with rerun_by(pg):
        pg.locator("[data-testid='stDataFrame']").first.click(position={"x": 20, "y": 38 + 17})  # the row marker
    pg.wait_for_function("() => location.search.includes('record=')")
    assert pg.locator("[data-testid='stMarkdownContainer'] blockquote").count() == 1
    _shot(pg, "15_deals_1280_row")


@pytest.fixture(scope="module")
def prefixed(tmp_path_factory):
    """The app under /dash, as behind a reverse proxy that passes that prefix through."""
    if not CHROMIUM:
        pytest.skip("no chromium on PATH")
    db = build_db(tmp_path_factory.mktemp("prefix") / "deals.duckdb")
    with running_app(db, tmp_path_factory.mktemp("log") / "streamlit.log", url_path="dash") as (url, _):
        yield url


def test_under_a_path_prefix(prefixed, page):
    pg = page
    pg.goto(f"{prefixed}/?city=Harbin&scope=all")
    _wait_for_app(pg)
    assert _total(pg) == "¥19.3 bn"
    with rerun_by(pg):
        pg.get_by_role("link", name="Deals").first.click()
    pg.wait_for_url(re.compile(r"/dash/deals\?"), wait_until="commit")
    assert _params(pg) == {"city": ["Harbin"], "scope": ["all"]}
    assert _total(pg) == "¥19.3 bn"
    with rerun_by(pg):
        pg.go_back()
    pg.wait_for_url(re.compile(r"/dash/\?"), wait_until="commit")
    assert _total(pg) == "¥19.3 bn"
    # a source opens its article under the prefix too
    with rerun_by(pg):
        pg.locator(f"{SOURCE_LINK} a[href*='article?']").first.click()
    pg.wait_for_url(re.compile(r"/dash/article\?"), wait_until="commit")
    assert pg.locator("[data-testid='stHtml'] mark").count() >= 1
