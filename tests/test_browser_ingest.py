"""Serving while ingesting, in a real browser (issue 8, points 1 and 7): the app keeps
answering while `python -m dashboard ingest` rewrites its database, shows no error, and
the same browser session shows the new articles at its next interaction, without a
restart of the server.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import running_app

from test_app import ARTICLES, ROOT
from test_browser import ARTIFACTS, CHROMIUM, _free_port, _metric, _wait_for_app, browser, page, rerun_by  # noqa: F401

pytestmark = pytest.mark.browser

FIRST = 4  # articles in the database the server starts with


def _ingest(folder, db) -> subprocess.CompletedProcess | subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dashboard", "ingest", str(folder), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture
def small_server(tmp_path):
    if not CHROMIUM:
        pytest.skip("no chromium on PATH: install it with `apt-get install chromium`")
    first = tmp_path / "first"
    first.mkdir()
    for f in sorted(ARTICLES.iterdir())[:FIRST]:
        shutil.copy(f, first)
    db = tmp_path / "db" / "deals.duckdb"
    proc = _ingest(first, db)
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    with running_app(db, tmp_path / "streamlit.log") as (url, log):
        yield url, db
        log.seek(0)
        assert "Traceback" not in log.read(), "the server logged a traceback"


def _no_error_shown(pg) -> None:
    assert pg.locator("[data-testid='stException']").count() == 0
    alerts = " ".join(pg.locator("[data-testid='stAlert']").all_inner_texts())
    assert "cannot be read" not in alerts and "could not be drawn" not in alerts, alerts


def test_ingest_while_browsing_shows_new_data_without_restart(small_server, page):
    url, db = small_server
    pg = page
    pg.goto(url)
    _wait_for_app(pg)
    before = int(_metric(pg, "Articles"))  # articles behind the default view's records
    assert 0 < before <= FIRST

    ingest = _ingest(ARTICLES, db)  # every shipped article, on the database the app is reading
    interactions = 0
    while ingest.poll() is None or interactions < 2:
        target = "Deals" if interactions % 2 == 0 else "Overview"
        with rerun_by(pg):
            pg.get_by_role("link", name=target).first.click()
        _no_error_shown(pg)
        interactions += 1
    out, err = ingest.communicate(timeout=600)
    assert ingest.returncode == 0, err
    assert interactions >= 2

    # the next interaction of the same session shows the new articles
    with rerun_by(pg):
        pg.get_by_role("link", name="Overview").first.click()
    _no_error_shown(pg)
    after = _metric(pg, "Articles")
    assert int(after.replace(",", "")) > before
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / "10_overview_after_ingest.png"), full_page=True)

    # and a new session sees the same
    pg.goto(url)
    _wait_for_app(pg)
    assert _metric(pg, "Articles") == after
