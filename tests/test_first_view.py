"""dashboard.first_view: the code a first view needs, named in the page's response (serve.py)."""
from __future__ import annotations

import asyncio
import urllib.request

from dashboard import first_view


def test_every_first_chunk_is_in_the_installed_streamlit():
    # A Streamlit upgrade that renames a chunk would silently drop its hint: this says so.
    files = first_view.chunk_files()
    assert [f.split(".", 1)[0] for f in files] == list(first_view.FIRST_CHUNKS)
    assert all((first_view.streamlit_js_dir() / f).is_file() for f in files)


def test_the_metric_is_named_with_every_file_its_code_waits_for():
    # Read from Streamlit's own bundle: an upgrade that changes its layout would drop the hint.
    files = first_view.element_files()
    assert files[0].startswith("Metric.")
    assert len(files) > 3  # st.metric waits for number formatting, tooltips, ... (9 files in 1.67)
    assert all((first_view.streamlit_js_dir() / f).is_file() for f in files)
    assert set(first_view.first_files()) == set(first_view.chunk_files()) | set(files)


def test_the_warm_up_runs_the_queries_of_the_first_view(monkeypatch, tmp_path):
    """serve.py's warm-up at start (ui.warm_first_view) asks every query the first viewer of `/`
    asks, with the same arguments, so that viewer reads them all from the cache."""
    from streamlit.testing.v1 import AppTest
    from test_app import APP, build_db

    from dashboard import ui

    monkeypatch.setenv("DASHBOARD_DB", str(build_db(tmp_path / "deals.duckdb")))
    calls, real = [], ui._q
    monkeypatch.setattr(ui, "_q", lambda fn, *args: calls.append((fn, args)) or real(fn, *args))
    ui.warm_first_view()
    warmed = set(calls)
    calls.clear()
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.exception and at.metric
    assert calls and set(calls) <= warmed, set(calls) - warmed
    assert not at.sidebar.metric  # the metric's primer (ui.prime_metric) is gone at the end of the run


def test_chunk_files_skips_names_it_does_not_find(tmp_path):
    for name in ("Metric.abc.js", "rehype-raw.x1.js", "Other.q.js", "Metric.css"):
        (tmp_path / name).write_text("")
    assert first_view.chunk_files(("rehype-raw", "Missing", "Metric"), tmp_path) == ["rehype-raw.x1.js",
                                                                                    "Metric.abc.js"]
    assert first_view.chunk_files(folder=tmp_path / "nowhere") == []


def _serve(middleware, content_type: bytes) -> list[dict]:
    sent: list[dict] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", content_type)]})
        await send({"type": "http.response.body", "body": b"x"})

    async def send(message):
        sent.append(message)

    asyncio.run(middleware(app, ["a.1.js"])({"type": "http"}, None, send))
    return sent


def test_only_html_responses_get_the_hints():
    html = _serve(first_view.PreloadHints, b"text/html; charset=utf-8")
    assert (b"link", b"<./static/js/a.1.js>; rel=modulepreload") in html[0]["headers"]
    assert html[1]["body"] == b"x"
    js = _serve(first_view.PreloadHints, b"application/javascript")
    assert all(k != b"link" for k, _ in js[0]["headers"])


def test_the_served_page_names_its_first_chunks(tmp_path):
    """serve.py, under a base path as hosted: the page's response names each chunk, and each
    named address (relative to the page) is served."""
    from conftest import running_app
    from test_app import build_db

    db = build_db(tmp_path / "deals.duckdb")
    with running_app(db, tmp_path / "streamlit.log", url_path="dash") as (url, _):
        with urllib.request.urlopen(url + "/deals?city=Harbin", timeout=10) as r:
            link = r.headers["Link"]
        files = first_view.first_files()
        assert link == first_view.link_header(files).decode()
        for name in files:
            with urllib.request.urlopen(f"{url}/static/js/{name}", timeout=10) as r:
                assert r.status == 200
