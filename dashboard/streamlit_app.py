"""The dashboard's entry: page setup, the database, the shared sidebar filters and their
URL state, and navigation over the pages in app_pages/.

Run with `streamlit run dashboard/streamlit_app.py`; the database is $DASHBOARD_DB,
else data/deals.duckdb, built from data/articles/ at start when it is missing.
"""
from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

# `streamlit run` puts only this file's folder on sys.path; the package lives one up.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402

from dashboard import store, ui, ui_share  # noqa: E402
from dashboard.articles import article_files  # noqa: E402

log = logging.getLogger("dashboard.app")
REBUILD_HINT = ("Rebuild it with `python -m dashboard ingest data/articles`, "
                "or move the file away and reload this page: the app then builds a new one from data/articles.")


def cannot_read(e: Exception) -> None:
    """The database could not be read: say so naming it by its file name only (the
    setting can hold a hosted database's token), keep the details in the server log."""
    if isinstance(e, store.StoreError):
        st.error(f"The database cannot be read: {ui.md_escape(str(e))}\n\n" + REBUILD_HINT,
                 icon=":material/database:")
    else:
        log.error("reading %s failed: %s", ui.db_name(), type(e).__name__)
        st.error(f"The database {ui.md_escape(ui.db_name())} cannot be read just now. Reload the page in a "
                 "moment; if it keeps happening, tell the dashboard's maintainers.", icon=":material/database:")


@st.cache_resource(show_spinner=False)
def _build_lock() -> threading.Lock:
    # Sessions opened together must not both build the database.
    return threading.Lock()


def build_database(db: str) -> None:
    """Build the missing database from the shipped articles, showing progress."""
    files = article_files([store.articles_dir()])
    if not files:
        st.error(f"There is no database {ui.md_escape(ui.db_name(db))} yet, and no articles in data/articles "
                 "to build one from.")
        st.stop()
    with _build_lock():
        if Path(db).exists():  # another session built it while this one waited
            return
        bar = st.progress(0.0, text="Building the database from the articles…")

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / total if total else 1.0, text=f"Reading articles: {done}/{total} {name}")

        try:
            report = store.ingest(files, db, progress=progress)
        except store.StoreError as e:
            st.error(f"The database could not be built: {ui.md_escape(str(e))}")
            st.stop()
        except Exception as e:  # the viewer gets a sentence; the server log gets the rest
            log.exception("building %s failed", ui.db_name(db))
            st.error(f"The database could not be built ({type(e).__name__}); the server log has the details.")
            st.stop()
        bar.empty()
    if report.failed:
        st.warning(f"Built the database; {len(report.failed)} article file(s) could not be read:\n\n"
                   + "\n".join(f"- {ui.md_escape(name)}: {ui.md_escape(reason)}" for name, reason in report.failed))


# An emoji icon becomes an inline data: URL; a ":material/...:" one is fetched from
# fonts.gstatic.com, and the app must work offline.
st.set_page_config(page_title="Tech investment in China", page_icon="🏭", layout="wide")

ui.start_run()
db = ui.db_path()
if not store.is_remote(db) and not Path(db).exists():
    build_database(db)
try:
    opts = ui.options()
except Exception as e:
    cannot_read(e)
    st.stop()

ui.warm_rates()  # the dollar rates (~2 s to average from daily ECB data) ready before anyone asks
ui.load_url(opts)
PAGES = [
    st.Page("app_pages/overview.py", title="Overview", icon=":material/bar_chart:", default=True),
    st.Page("app_pages/trends.py", title="More views", icon=":material/stacked_bar_chart:"),
    st.Page("app_pages/map.py", title="Map", icon=":material/map:"),
    st.Page("app_pages/deals.py", title="Deals", icon=":material/table:"),
    st.Page("app_pages/article.py", title="Article", icon=":material/article:"),
    st.Page("app_pages/review.py", title="Review", icon=":material/rate_review:"),
    st.Page("app_pages/upload.py", title="Add articles", icon=":material/upload_file:"),
]
# Streamlit's own menu is hidden: a switch through it sends no parameters, and the write
# that puts them back was a second history entry whenever the browser had redrawn in
# between (Back then seemed to do nothing). The app's page links (ui.page_links) carry them.
page = st.navigation(PAGES, position="hidden")
# After st.navigation (a page switch sends no parameters) and before the page runs, so
# the URL of every page carries the whole state; one write at most (url_state.py).
ui.write_url()


def sidebar() -> None:
    """The filters and the "Share, cite, export" panel."""
    ui.sidebar(opts)
    if not ui.current_view().present:  # meeting mode has no sidebar
        try:  # in the sidebar of every page, whatever the page then does
            ui_share.panel(ui.current_filters())
        except Exception:
            log.exception("the share panel failed")
            st.sidebar.warning("Sharing and export are not available just now.", icon=":material/error:")


# The sidebar first, then the page. (Drawing the page first let the headline's code load before the
# filters' and showed the total 0.5-1 s sooner on a first view, but in Chromium the widgets of a page
# opened right after a drill-down then sometimes stayed grey placeholders for good: a viewer must never
# see filters that do not load.) A page that has nothing more to show ends with ui.end_page().
ui.prime_metric()  # a session's first run: the metric's code asked for by the first element
sidebar()
st.html(ui.PAGE_CSS)
menu = st.empty()  # the page links, drawn at the end of the run with the state the page left
st.title("Tech investment in China's regions")
ui.filter_bar(opts)
ui.show_notices()
try:
    ui.nothing_matches(ui.current_filters())  # a link asking for what no record has: says so, shows nothing else
    page.run()
except ui.PageEnd:  # the page said all it had to (ui.end_page)
    pass
except store.StoreError as e:
    cannot_read(e)
except Exception:  # a viewer gets a message; the traceback goes to the server log
    log.exception("page %s failed", page.title)
    st.error("This view could not be drawn. Try removing a filter or reloading; "
             "if it keeps happening, tell the dashboard's maintainers.", icon=":material/error:")
ui.page_links(menu, PAGES)
ui.draw_deferred_charts()  # a session's first charts: their previews are drawn, Plotly's come last
