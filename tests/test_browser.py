"""The app in a real browser: Debian's chromium driven by Playwright against `streamlit run`.

Checks what AppTest cannot: that a shared URL opens the same view, that changing a
filter rewrites the address bar, and that the filters survive a page switch through
the navigation. Screenshots go to tests/artifacts/ (gitignored) to be looked at.
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
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from test_app import HARBIN_ARTICLE, ROOT, build_db

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
HARBIN_TITLE = "Harbin to implement 350 key industrial projects in 2023"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run` on a test database built from the shipped articles; stopped afterwards."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("no chromium at /usr/bin/chromium: install it with `apt-get install chromium`")
    db = build_db(tmp_path_factory.mktemp("browser") / "deals.duckdb")
    port = _free_port()
    log = open(tmp_path_factory.mktemp("log") / "streamlit.log", "w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/streamlit_app.py",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env={**os.environ, "DASHBOARD_DB": str(db)}, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"streamlit did not start:\n{log.read()[-3000:]}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    yield pg
    context.close()


def _params(pg) -> dict[str, list[str]]:
    return parse_qs(urlparse(pg.url).query)


def _wait_for_app(pg) -> None:
    """Until the script run is over: the status widget gone and a metric or info drawn."""
    pg.wait_for_selector("[data-testid='stMetricValue'], [data-testid='stAlert'], [data-testid='stHtml'], "
                         "[data-testid='stPlotlyChart'], [data-testid='stDataFrame']")
    pg.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    pg.wait_for_timeout(500)


def _metric(pg, label: str) -> str:
    box = pg.locator("[data-testid='stMetric']").filter(has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_shared_url_filter_and_page_switch(server, page):
    pg = page
    pg.goto(f"{server}/?city=Harbin")
    _wait_for_app(pg)
    assert _metric(pg, "Total invested") == "¥19.3 bn"
    assert _metric(pg, "Cities") == "1"
    # the source article sits beside the charts, as a link to its page
    link = pg.locator("[data-testid='stPageLink']").filter(has_text=HARBIN_TITLE).first
    assert link.is_visible()
    _shot(pg, "01_overview_harbin")

    # change a filter in the sidebar: the URL follows
    sidebar = pg.locator("[data-testid='stSidebar']")
    sector = sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Sector")
    sector.locator("input").click()
    pg.keyboard.type("New energy")
    pg.get_by_role("option", name="New energy", exact=True).click()
    pg.keyboard.press("Escape")
    pg.wait_for_function("() => location.search.includes('sector=New')")
    _wait_for_app(pg)
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"]}
    assert _metric(pg, "Total invested") == "¥11.2 bn"  # 8.35 + 2.8 bn of new energy projects
    _shot(pg, "02_overview_harbin_new_energy")

    # switch page through the navigation: filters held in the URL and in the widgets
    pg.get_by_role("link", name="Deals").first.click()
    pg.wait_for_url(re.compile(r"/deals\?"))
    _wait_for_app(pg)
    assert urlparse(pg.url).path.endswith("/deals")
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"]}
    chips = sidebar.locator("[data-testid='stMultiSelect']").all_inner_texts()
    assert any("Harbin" in c for c in chips) and any("New energy" in c for c in chips)
    assert _metric(pg, "Total invested") == "¥11.2 bn"
    _shot(pg, "03_deals_harbin_new_energy")

    pg.get_by_role("link", name="Map").first.click()
    pg.wait_for_url(re.compile(r"/map\?"))
    _wait_for_app(pg)
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"]}
    pg.wait_for_selector(".js-plotly-plot")
    pg.wait_for_timeout(1500)  # the map canvas draws after the element appears
    _shot(pg, "04_map_harbin_new_energy")

    # a reload (what a colleague opening the link sees) shows the same view
    pg.reload()
    _wait_for_app(pg)
    assert _params(pg) == {"city": ["Harbin"], "sector": ["New energy"]}


def test_source_link_opens_the_article_with_evidence(server, page):
    pg = page
    pg.goto(f"{server}/?city=Harbin")
    _wait_for_app(pg)
    pg.locator("[data-testid='stPageLink']").filter(has_text=HARBIN_TITLE).first.click()
    pg.wait_for_url(re.compile(r"/article\?"))
    _wait_for_app(pg)
    params = _params(pg)
    assert params["city"] == ["Harbin"] and len(params["article"][0]) == 16
    marks = pg.locator("[data-testid='stHtml'] mark")
    assert marks.count() == 4
    assert any("83.5 hundred million" in t for t in marks.all_inner_texts())
    _shot(pg, "05_article_harbin")


def test_whole_view_and_bad_url(server, page):
    pg = page
    pg.goto(f"{server}/?city=Atlantis&show=city:Chengdu")
    _wait_for_app(pg)
    alerts = " ".join(pg.locator("[data-testid='stAlert']").all_inner_texts())
    assert "Atlantis" in alerts
    assert "city" not in _params(pg)
    assert pg.locator("[data-testid='stException']").count() == 0
    _shot(pg, "06_overview_all_bad_city")
    # a click on a bar lists its records, and the URL says which bar
    # plotly's drag layer lies over the bars, so click where the top bar is, as a person does
    box = pg.locator("[data-testid='stPlotlyChart']").first.locator("g.point path").last.bounding_box()
    pg.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    pg.wait_for_function("() => location.search.includes('show=city')")
    _wait_for_app(pg)
    chosen = _params(pg)["show"][0].split(":", 1)[1]  # the top bar: the biggest total
    assert pg.locator("[data-testid='stDataFrame']").count() == 1
    assert pg.get_by_text(f"Sources for {chosen}").count() == 1  # beside the chart, for that bar
    pg.locator("[data-testid='stDataFrame']").scroll_into_view_if_needed()
    _shot(pg, "06b_overview_records_behind_top_bar")
    pg.get_by_role("link", name="Map").first.click()
    pg.wait_for_url(re.compile(r"/map"))
    _wait_for_app(pg)
    pg.wait_for_selector(".js-plotly-plot")
    pg.wait_for_timeout(1500)
    _shot(pg, "07_map_all")
    assert HARBIN_ARTICLE  # the test database holds the shipped articles
