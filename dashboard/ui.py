"""Shared page pieces: the database connection, cached queries, the headline, the
drill-down and Sources panels, and text helpers for untrusted article text.

The URL state (filters, drill-down, sort, page, meeting mode) is `dashboard.url_state`;
its names are re-exported here for the pages. Pages import this and `dashboard.query`'s
vocabulary, never `duckdb`.
"""
from __future__ import annotations

import html
import logging
import os
import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from dashboard import charts, contract, query, store
from dashboard.articles import article_files, http_url
from dashboard.manifest import MANIFEST_NAME
from dashboard.filters import SCOPES, Filters, Options, View, url_params
from dashboard.url_state import (STATE, current_filters, current_view, filter_bar, load_url,  # noqa: F401
                                 page_links, set_view, show_notices, sidebar, view_widget, write_url)

TTL = 600  # seconds: a re-ingested database shows up within ten minutes even if its mtime lies
ARTICLE_PAGE = "app_pages/article.py"
DEALS_PAGE = "app_pages/deals.py"
OVERVIEW_PAGE = "app_pages/overview.py"
TITLE_CHARS = 49  # what a Sources column holds on one line at 1400 px (in small letters' widths)
SOURCES_LIMIT = 1000  # articles fetched for a Sources list; their number is counted apart
money, yi = charts.money, charts.yi


# --- database and cached queries -------------------------------------------------------

@st.cache_resource(show_spinner=False)
def warm_rates() -> None:
    """Average the yearly USD rates once per server, in the background (see query.rates)."""
    import threading

    threading.Thread(target=query.rates, args=("USD",), daemon=True).start()


def secret(name: str) -> str | None:
    """A value of `.streamlit/secrets.toml`, or None when there is no such file or key
    (st.secrets raises then) or the file is malformed."""
    try:
        value = st.secrets.get(name)
    except Exception:  # StreamlitSecretNotFoundError (a FileNotFoundError), a TOML error
        return None
    return str(value) if value not in (None, "") else None


def db_path() -> str:
    """st.secrets' DASHBOARD_DB, else $DASHBOARD_DB, else data/deals.duckdb. Pages show it
    only through `db_name` (a hosted setting can carry a token)."""
    return secret("DASHBOARD_DB") or store.default_db_path()


def db_name(db: str | None = None) -> str:
    return store.db_label(db or db_path())


def db_version(db: str) -> tuple:
    """Changes whenever ingest replaces the file (a new inode, size or time), so the
    cached results and the connection follow it at the next interaction."""
    try:
        st_ = os.stat(db)
    except OSError:
        return ()
    return (st_.st_ino, st_.st_mtime_ns, st_.st_size)


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(db: str, version: tuple):
    # A new version opens the file afresh (store.Snapshot); the old one is closed
    # when evicted and its last cursor is done.
    return store.connect(db, read_only=True, token=secret("MOTHERDUCK_TOKEN"))


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _cached(fn: str, db: str, version: tuple, *args):
    # One cursor per call: a DuckDB connection must not be shared by threads (sessions).
    con = _connection(db, version).cursor()
    try:
        return getattr(query, fn)(con, *args)
    finally:
        con.close()


def _q(fn: str, *args):
    db = db_path()
    return _cached(fn, db, db_version(db), *args)


def options() -> Options: return _q("options")
def headline(f: Filters) -> dict: return _q("headline", f)
def totals_by(f: Filters, dim: str) -> pd.DataFrame: return _q("totals_by", f, dim)
def map_points(f: Filters) -> pd.DataFrame: return _q("map_points", f)
def region_totals(f: Filters, level: str) -> pd.DataFrame: return _q("region_totals", f, level)
def articles(f: Filters) -> pd.DataFrame: return _q("articles", f, SOURCES_LIMIT)  # newest first
def count_articles(f: Filters) -> int: return _q("count_articles", f)
def count_lower_bounds(f: Filters) -> int: return _q("count_lower_bounds", f)
def count_undated(f: Filters) -> int: return _q("count_undated", f)
def unmapped(f: Filters) -> dict: return _q("unmapped", f)
def unmapped_records(f: Filters, limit: int = 200) -> pd.DataFrame: return _q("unmapped_records", f, limit)
def needs_review(f: Filters, limit: int = 200, flag: str | None = None) -> pd.DataFrame:
    return _q("needs_review", f, flag or IMPLAUSIBLE, limit)
def article(article_id: str) -> dict | None: return _q("article", article_id)
def corpus() -> dict: return _q("corpus", shipped_files())
def article_records(article_id: str) -> pd.DataFrame: return _q("article_records", article_id)
def record(record_id: str) -> dict | None: return _q("record", record_id)
def corrections(record_id: str | None = None) -> pd.DataFrame: return _q("corrections", record_id)
def lost_corrections() -> pd.DataFrame: return _q("lost_corrections")


def sources(f: Filters, dim: str | None = None, value: str | None = None,
            point: tuple | None = None) -> pd.DataFrame:
    """At most `query.sources`' limit of articles; `count_sources` says how many in all."""
    return _q("sources", f, dim, value, SOURCES_LIMIT, point)


def count_sources(f: Filters, dim: str | None = None, value: str | None = None,
                  point: tuple | None = None) -> int:
    return _q("count_sources", f, dim, value, point)


def records(f: Filters, dim: str | None = None, value: str | None = None,
            limit: int = 500, offset: int = 0, sort: str = "contribution") -> pd.DataFrame:
    return _q("records", f, dim, value, limit, offset, sort)


def scope_totals(f: Filters) -> dict: return _q("scope_totals", f)
def total(f: Filters, dim: str | None = None, value: str | None = None) -> float: return _q("total", f, dim, value)
def count_qualifiers(f: Filters) -> dict: return _q("count_qualifiers", f)
def top_investors(f: Filters, limit: int = 15) -> pd.DataFrame: return _q("top_investors", f, limit)
def rates_used(f: Filters, dim: str | None = None) -> pd.DataFrame: return _q("rates_used", f, dim)


def totals_split(f: Filters, dim: str, split: str, limit: int | None = None) -> pd.DataFrame:
    return _q("totals_split", f, dim, split, limit)


def dataset_version() -> dict: return _q("dataset_version")


def export_reader(f: Filters):
    """A callable that reads every record of the view for a download (query.export_records).
    The connection is taken now, in the page's run; the read happens only when the button is
    clicked, on Streamlit's download thread, and is not cached (a file is made once per click,
    and a view's whole record list should not sit in the cache)."""
    connection = _connection(db_path(), db_version(db_path()))

    def read() -> pd.DataFrame:
        con = connection.cursor()
        try:
            return query.export_records(con, f)
        finally:
            con.close()
    return read


def count_records(f: Filters, dim: str | None = None, value: str | None = None) -> int:
    return _q("count_records", f, dim, value)


def warm_first_view() -> None:
    """At server start (serve.py's lifespan, before it takes requests): what the first viewer
    of a shared link would otherwise wait for — the queries of the unfiltered Overview, into the
    same cached results (same function, same arguments: the filters `/` reads) a viewer's run
    reads, which also opens the database and reads its labels; and Streamlit's check at a
    process's first element (it inspects the whole call stack, 0.3-0.7 s with pandas and Plotly
    loaded). A shared link with filters still runs its own queries, on a warm database."""
    # (outside a run Streamlit warns "missing ScriptRunContext" at each call, which is expected here: quiet it)
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    try:
        _warm_first_view()
    finally:
        logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.NOTSET)


def _warm_first_view() -> None:
    st.empty()  # outside a run: draws nothing, but makes Streamlit's first-element check now
    db = db_path()
    if not store.is_remote(db) and not Path(db).exists():
        return  # the first run builds it (streamlit_app.build_database)
    from dashboard.filters import from_params

    opts = options()
    f = from_params({}, opts).filters
    corpus(), count_undated(f)
    h = headline(f)
    count_qualifiers(f), scope_totals(f), totals_by(f, "status")
    if h["records"]:
        for dim in ("city", "sector"):
            totals_by(f, dim), rates_by(f, dim), count_sources(f), sources(f)
    warm_rates()


def nothing_matches(f: Filters) -> None:
    """A link whose values match no record ("?city=Nowhere") says so, and the page stops
    there: it must not show every record instead."""
    if not f.missing:
        return
    asked = "; ".join(f"{param} '{value}'" for param, value in f.missing)
    st.warning(md_escape(f"Nothing matches this link: no record has {asked}. Check the spelling, or clear "
                         "the filters to see every record."), icon=":material/search_off:")
    st.button("Clear the filters", on_click=_clear_missing, icon=":material/filter_alt_off:")
    end_page()


class PageEnd(Exception):
    """Raised by `end_page`: the page has nothing more to show."""


def end_page() -> NoReturn:
    """End the page here. Not st.stop(): that would stop the whole run, and the sidebar
    (the filters, Share) is drawn after the page (streamlit_app.py), which catches this."""
    raise PageEnd


def shipped_files() -> tuple[str, ...]:
    """The file names of the demo corpus that ships in data/articles/."""
    return tuple(sorted(p.name for p in article_files([store.articles_dir()])))


def corpus_note() -> None:
    """Where the data came from, at the foot of the sidebar: the demo corpus or another."""
    c = corpus()
    urls = f"{c['with_url']:,} with the address of the original"
    if c["articles"] and c["shipped"] == c["articles"]:
        st.sidebar.caption(f"Data: the demo corpus of {c['articles']:,} articles shipped in `data/articles/` "
                           f"({urls}); where each came from is in `data/articles/{MANIFEST_NAME}`.")
    else:
        st.sidebar.caption(f"Data: {c['articles']:,} articles ({urls}).")


def _clear_missing() -> None:
    st.session_state["f_missing"] = ()


def filter_caption(f: Filters) -> None:
    """What the view shows; and, under a date filter, how many undated records it leaves out."""
    st.caption(f"Showing: {md_escape(f.caption())}")
    undated = count_undated(f)
    if undated:
        st.caption(f"{undated:,} record{'s' * (undated != 1)} without a date {'are' if undated != 1 else 'is'} "
                   "not shown by the date filter.")


# --- headline ---------------------------------------------------------------------------

# How a status reads in the split under the total ("listed" is a place in a plan's list).
STATUS_WORDS = {"listed": "listed in plans"}


SCOPE_TITLES = {"committed": "Committed money", "plans": "Plans and lists", "all": "All money, any status"}


def total_metric(col, f: Filters, h: dict) -> None:
    """The filtered total in its scope; marked "≥" when any amount in it is only a lower bound."""
    q = count_qualifiers(f)
    lower = q.get("at_least", 0)
    metric(col, SCOPE_TITLES[f.scope], ("≥ " if lower else "") + money(h["total_cny"], f.currency), help=(
        (f"{yi(h['total_cny'])} yuan; " if f.currency == "CNY" else
         "converted from yuan at each record's year average rate (ECB); ")
        + "bundles count only what their listed projects do not already cover, repeats count once"
        + (f". {lower} of the amounts {'are' if lower != 1 else 'is'} only a lower bound ('more than …'), "
           "so the total is at least this" if lower else "")))


def scope_line(f: Filters, h: dict) -> None:
    """Under the headline, in words: what it counts, what the other scopes hold, and how
    exact the amounts are ("at least", "approximately"); a button shows the other scope."""
    t = scope_totals(f)
    cur = f.currency
    q = count_qualifiers(f)
    exact = [f"{n} amount{'s' * (n != 1)} {w}" for n, w in ((q.get("at_least", 0), "only a lower bound (at least)"),
                                                            (q.get("approx", 0), "approximate"),
                                                            (q.get("up_to", 0), "an upper bound (up to)")) if n]
    if f.scope == "committed":
        words = f"Counts signed, started, completed and founded projects only; plus {money(t['plans'], cur)} " \
                "in plans and lists (listed, announced, approved) not counted"
        other, label = "all", "Count plans and lists too"
    elif f.scope == "plans":
        words = f"Counts plans and lists only (listed, announced, approved); plus {money(t['committed'], cur)} " \
                "committed (signed, started, completed, founded) not counted"
        other, label = "committed", "Show committed money"
    else:
        words = f"Of which {money(t['committed'], cur)} committed and {money(t['plans'], cur)} in plans and lists"
        other, label = "committed", "Committed money only"
    if t["other"] and f.scope != "all":
        words += f", and {money(t['other'], cur)} without a status"
    words += "." + (f" {'; '.join(exact).capitalize()}." if exact else "")
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.caption(md_escape(words), width="content")
        st.button(label, type="tertiary", on_click=_set_scope, args=(other,), key="scope_switch")


def _set_scope(scope: str) -> None:
    st.session_state[STATE["scope"]] = scope


def status_split(f: Filters) -> None:
    """One line under the headline: the total by status, biggest first, each a button that
    narrows the view to that status (one step in the browser's history)."""
    parts = [r for r in totals_by(f, "status").itertuples(index=False) if r.total_cny > 0]
    if len(parts) < 2:
        return
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.caption("By status:", width="content")
        for r in parts:
            label = f"{STATUS_WORDS.get(r.label, r.label)} {money(r.total_cny, f.currency)}"
            if r.label in options().statuses:
                st.button(md_escape(label), type="tertiary", on_click=_set_status, args=(r.label,),
                          key=f"status_{r.label}", help=f"show only the records with status {r.label}")
            else:  # "(no status)" is no value a filter can take
                st.caption(md_escape(label), width="content")


def _set_status(status: str) -> None:
    st.session_state[STATE["statuses"]] = [status]
    scope = st.session_state.get(STATE["scope"]) or "all"
    if SCOPES[scope] and status not in SCOPES[scope]:
        st.session_state[STATE["scope"]] = "all"  # a status outside the scope would show nothing


def places_caption(df: pd.DataFrame, shown: int = 15) -> str:
    """What the rows of the totals by city are, so they match the Cities count above.

    >>> places_caption(pd.DataFrame({"label": ["Chengdu", "Jiangxi (province-wide)", "(no place)"] + list("abcdefghijklmnopq")}))
    '15 largest of 20 places shown (incl. 1 province-wide amount and 1 without a known place). '
    >>> places_caption(pd.DataFrame({"label": ["Harbin"]}))
    ''
    """
    labels = [str(x) for x in df["label"]]
    wide = sum(x.endswith(" (province-wide)") for x in labels)
    nowhere = sum(x == "(no place)" for x in labels)
    extra = [f"{wide} province-wide amount{'s' * (wide != 1)}" if wide else "",
             f"{nowhere} without a known place" if nowhere else ""]
    extra = " and ".join(x for x in extra if x)
    head = f"{shown} largest of {len(labels)} places shown" if len(labels) > shown else f"{len(labels)} places"
    if not extra and len(labels) <= shown:
        return ""
    return head + (f" (incl. {extra})" if extra else "") + ". "


def all_zero(df: pd.DataFrame) -> bool:
    """True when a chart's totals are all zero (or it has none): nothing to draw."""
    return df.empty or not (df["total_cny"].fillna(0) != 0).any()


# --- map -------------------------------------------------------------------------------------

def point_kind(kind: str, outside_parks: bool = False) -> str:
    """A map point's kind as the Places list and the Sources choice say it.

    >>> point_kind("park"), point_kind("city", True)
    ('park or zone', 'city, outside its parks')
    """
    return "park or zone" if kind == "park" else f"{kind}, outside its parks" if outside_parks else kind


def unmapped_note(f: Filters) -> None:
    """Under the map: the money of the view that has no marker (province-wide, or no known
    place), with a link to every record of the view and a list of those records."""
    u = unmapped(f)
    if not u["records"]:
        return
    n = u["records"]
    money_text = f"{money(u['total_cny'], f.currency)} from " if u["total_cny"] else "No amount from "
    st.caption(f"{money_text}{n:,} record{'s' * (n != 1)} {'is' if n == 1 else 'are'} not drawn: "
               "province-wide or no known place.")
    st.page_link(DEALS_PAGE, label="All records of this view on the Deals page",
                 query_params=url_params(f, current_view()),
                 icon=":material/table:")
    with st.expander(f"The {n:,} record{'s' * (n != 1)} not on the map"):
        records_table(unmapped_records(f), f, compact=True, rows=10)


# --- links and sources ------------------------------------------------------------------

def article_params(article_id: str, f: Filters) -> dict:
    """The URL of an article's page: the same state, that article."""
    return url_params(f, replace(current_view(), article=article_id))


def article_url(article_id: str, f: Filters) -> str:
    """Relative link to the Article page that keeps the filters (works under a base path)."""
    return "article?" + urlencode(article_params(article_id, f), doseq=True)


# --- figures and their drill-down ----------------------------------------------------

DIM_WORDS = {"city": "place", "quarter": "quarter", "month": "month", "year": "year", "investor": "investor",
             "sector": "sector", "subsector": "subsector", "status": "status"}
FILTERABLE = {"city": "cities", "sector": "sectors", "status": "statuses"}  # a drill that can become a filter


def plot(fig, key: str, dim: str | None = None) -> None:
    """A Plotly figure in the app's colours (not Streamlit's theme, whose grey axis labels
    are below 4.5:1), bigger in meeting mode; a click on a bar drills into `dim`."""
    if current_view().present:
        charts.enlarge(fig)
    preview = charts.preview(fig) if first_of_kind("plotly_chart") else None

    def draw(where=st) -> None:
        where.plotly_chart(fig, key=key, theme=None, config={"displayModeBar": False, "responsive": True},
                           on_select=_pick(dim, key) if dim else "ignore", selection_mode="points")
    if not preview:
        draw()
        return
    # The figures at once, as HTML; Plotly's chart in the same place at the end of the run
    # (draw_deferred_charts), so its code loads after the headline's; PREVIEW_STYLE hides the
    # preview once Plotly has drawn.
    with st.container():
        # Markdown, not st.html: Markdown's code is in Streamlit's first bundle, while st.html's
        # (like every other element's) is fetched when the first one arrives, after the sidebar's.
        st.markdown(PREVIEW_STYLE + preview, unsafe_allow_html=True)
        slot = st.empty()
    st.session_state.setdefault(DEFERRED, []).append(lambda: draw(slot))


# Streamlit's browser fetches an element's code when the first element of its kind arrives,
# after the sidebar's widgets' (some forty files) and, for a chart, Plotly's 4.7 MB: seconds on
# a loaded machine. Until a run of the session has sent a metric or a chart, each comes with
# its figures in Markdown (whose code is in Streamlit's first bundle), which the browser draws
# at once and hides when the element itself is drawn.
SENT, SENT_BEFORE, DEFERRED = "_kinds_sent", "_kinds_sent_before", "_charts_deferred"


def start_run() -> None:
    """At the start of each run: the kinds of element earlier runs of this session sent."""
    st.session_state[SENT_BEFORE] = frozenset(st.session_state.get(SENT, ()))
    st.session_state[DEFERRED] = []


def first_of_kind(kind: str) -> bool:
    """Whether no earlier run of this session sent an element of this kind (so its code may
    not be in the browser yet); counts this run's as sent."""
    st.session_state.setdefault(SENT, set()).add(kind)
    return kind not in st.session_state.get(SENT_BEFORE, ())


def metric(col, label: str, value: str, help: str | None = None) -> None:
    """`col.metric`, preceded on a session's first metrics by the same figure in Markdown."""
    if first_of_kind("metric"):
        col.markdown(METRIC_PREVIEW_STYLE + f'<div class="metric-preview"><div>{html.escape(label)}</div>'
                     f'<div>{html.escape(value)}</div></div>', unsafe_allow_html=True)
    col.metric(label, value, help=help)


def prime_metric() -> None:
    """A session's first run, before anything else: st.metric in a one-pixel slot at the top of
    the sidebar, cleared at the end of the run. Streamlit's browser draws each element kind's
    code lazily (React's Suspense), and React shows content that was waiting for its code at
    most every 500 ms after the last loading placeholder it drew — with the sidebar's widgets,
    st.html, the page links and Plotly's charts each drawing one as they arrive, the headline's
    metric showed only once Plotly's 4.7 MB chunk had run (2-3 s). Asked for by this first
    element, the metric's code (named in the page's response, first_view.FIRST_ELEMENTS) is there
    when the headline arrives, which is then drawn at once, with no placeholder."""
    if current_view().present or not first_of_kind("metric"):  # meeting mode has no sidebar
        return
    slot = st.sidebar.empty()
    slot.metric("Loading", "", label_visibility="collapsed", height=1, border=False)
    st.session_state[DEFERRED].append(slot.empty)


def draw_deferred_charts() -> None:
    """The Plotly charts of this run that `plot` left for its end, in their places (and the
    metric's primer, `prime_metric`, cleared)."""
    for draw in st.session_state.pop(DEFERRED, None) or []:
        draw()


def _pick(dim: str, key: str):
    def pick() -> None:
        points = st.session_state[key].selection.points
        value = points[0].get("customdata") if points else None
        if isinstance(value, (list, tuple)):
            value = value[0]
        set_view(show=f"{dim}:{value}" if value is not None else None, page=1)
    return pick


def chart_key(dim: str) -> str:
    """A chart's key changes with the drill-down, so Back (which changes it) never leaves
    a stale selection drawn on the chart."""
    return f"chart_{dim}_{current_view().show}"


def rates_by(f: Filters, dim: str | None) -> dict:
    """label -> [(year, rate)] of the conversions behind each bar (empty in yuan)."""
    df = rates_used(f, dim)
    out: dict = {}
    for label, year, rate in zip(df["label"], df["fx_year"], df["fx_rate"]):
        out.setdefault(label, []).append((int(year), float(rate)))
    return out


def drilled(dim: str, labels) -> str | None:
    """The value this page's `dim` chart is drilled into, if it is one of its bars; a
    drill-down into a bar the chart does not have is dropped with a notice."""
    d = current_view().drill()
    if not d or d[0] != dim:
        return None
    if d[1] in set(map(str, labels)):
        return d[1]
    st.warning(f"Ignored show '{md_escape(current_view().show)}': no bar has that name in this view.",
               icon=":material/link_off:")
    set_view(show=None)
    write_url()
    return None


def drill_panel(f: Filters, dim: str, value: str, limit: int = 5) -> None:
    """Beside a chart: the records behind the chosen bar, each with its sentence and its
    article, and the ways on (the Deals page narrowed to them, a filter, clear)."""
    n = count_records(f, dim, value)
    recs = records(f, dim, value, limit=limit)
    head = f"**{md_escape(DIM_WORDS.get(dim, dim).capitalize())}: {md_escape(value)}**"
    head += f" · {money(total(f, dim, value), f.currency)}"
    st.markdown(head + f" · {n:,} record{'s' * (n != 1)}")
    for r in recs.itertuples(index=False):
        with st.container(border=True):
            amount = amount_text(r.amount, r.currency, r.qualifier)
            st.markdown(f"**{md_escape(text_or_none(r.project) or '(unnamed)')}** · " + md_escape(" · ".join(
                x for x in (amount, text_or_none(r.status), text_or_none(r.date), text_or_none(r.city)) if x)))
            st.caption(f"“{md_escape(text_or_none(r.evidence) or '')}”")
            title = text_or_none(r.title) or r.file_name
            st.page_link(ARTICLE_PAGE, label=md_escape(shorten(title, TITLE_CHARS)), icon=":material/article:",
                         query_params=article_params(r.article_id, f), help=md_escape(title))
    with st.container(horizontal=True, gap="small"):
        st.page_link(DEALS_PAGE, label=f"All {n:,} on the Deals page" if n > limit else "On the Deals page",
                     query_params=url_params(f, current_view()), icon=":material/table:")
        if dim in FILTERABLE and value in getattr(options(), FILTERABLE[dim]):
            st.button(f"Filter to {md_escape(value)}", key=f"filter_{dim}", type="tertiary",
                      on_click=_filter_to, args=(dim, value), icon=":material/filter_alt:")
        st.button("Clear", key=f"clear_{dim}", type="tertiary", on_click=set_view, kwargs={"show": None},
                  icon=":material/close:")


def _filter_to(dim: str, value: str) -> None:
    st.session_state[STATE[FILTERABLE[dim]]] = [value]
    set_view(show=None)


def figure_section(f: Filters, title: str, dim: str, df: pd.DataFrame, fig, caption: str,
                   sources_note: str) -> None:
    """A chart with, beside it, the chosen bar's records and sentences, or the view's sources."""
    st.subheader(title, anchor=False)
    left, right = st.columns([3, 2], gap="large")
    value = drilled(dim, df["label"])
    with left:
        if all_zero(df):  # a chart of ¥0 bars on a 0-0.001 axis says nothing
            st.info(f"No amounts to chart by {DIM_WORDS.get(dim, dim)}: the records of this view (events, or "
                    "deals whose amount is not disclosed) add nothing to totals. Open the Deals page to read "
                    "them, or remove a filter.")
        else:
            plot(fig, chart_key(dim), dim)
            st.caption(caption + " Click a bar to see its records and sentences in the panel beside (or below) it.")
    with right:
        if value is not None:
            drill_panel(f, dim, value)
        else:
            sources_panel(f, title=f"Sources of {title[0].lower() + title[1:]}", limit=5, note=sources_note)


def review_url(record_id: str, f: Filters) -> str:
    """Relative link to the Review page of one record, in the same state (filters kept)."""
    return "review?" + urlencode(url_params(f, replace(current_view(), record=record_id)), doseq=True, safe=":")


def sources_panel(f: Filters, dim: str | None = None, value: str | None = None,
                  title: str = "Sources", limit: int = 8, point: tuple | None = None,
                  note: str | None = None) -> None:
    """The articles behind a figure (the view, one bar, or one map point of
    `map_points`), each a link to its text with the evidence marked."""
    n = count_sources(f, dim, value, point)
    df = sources(f, dim, value, point) if n else pd.DataFrame()
    st.markdown(f"**{md_escape(title)}** · {n:,} article{'s' * (n != 1)}")
    if note:
        st.caption(md_escape(note))
    if df.empty:
        st.caption("No articles behind this figure.")
        return
    for row in df.head(limit).itertuples(index=False):
        title = text_or_none(row.title) or row.file_name
        short = shorten(title, TITLE_CHARS)
        st.page_link(ARTICLE_PAGE, label=md_escape(short), query_params=article_params(row.article_id, f),
                     icon=":material/article:", help=md_escape(title) if short != title else None)
        st.caption(" · ".join(x for x in (*map(md_escape, filter(None, (
            text_or_none(row.publisher), _day(row.published), f"{row.records} record{'s' * (row.records != 1)}",
            money(row.total_cny, f.currency) if row.total_cny else None))), source_link(row.url)) if x))
    if n > limit:
        st.page_link(DEALS_PAGE, label=f"{n - limit:,} more: see every record on the Deals page",
                     query_params=url_params(f, current_view()), icon=":material/table:")


def source_link(url, full: bool = False) -> str | None:
    """A Markdown link to an article's original, named by its site ('guangdong.chinadaily.com.cn ↗')
    or, `full`, by the whole address; None when there is no http(s) address. Streamlit's Markdown
    opens it in a new tab with rel="noopener noreferrer".

    >>> source_link("https://a.example.cn/x(1).htm"), source_link("javascript:alert(1)")
    ('[a\\\\.example\\\\.cn ↗](<https://a.example.cn/x(1).htm>)', None)
    """
    url = http_url(text_or_none(url))
    if not url:
        return None
    # shown as typed: escaped, but with no invisible joiners (inside a link text they stop nothing), so it copies clean
    text = _MD_SPECIAL.sub(r"\\\1", url if full else urlsplit(url).hostname) + ("" if full else " ↗")
    return f"[{text}](<{url.replace(chr(92), '%5C')}>)"


def site(url) -> str | None:
    """The http(s) address of an original, for a LinkColumn (which shows its host), else None."""
    return http_url(text_or_none(url))


def text_or_none(value) -> str | None:
    """A cell as text, or None when it is empty (pandas gives NaN/NA/NaT for SQL NULL)."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return None
    text = str(value)
    return text or None


def _day(value) -> str | None:
    text = text_or_none(value)
    return text[:10] if text else None


def _width(ch: str) -> float:
    """How wide a character is against a small Latin letter's average, in the app's font."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 2.3
    return 1.25 if ch.isupper() else 1


def shorten(text: str, n: int) -> str:
    """At most n letters wide (a capital takes 1.25, a Chinese character 2.3), cut at a word boundary with
    "…" (mid-word only for a long word, or Chinese, which has no spaces).

    >>> shorten("Harbin to implement 350 key industrial projects in 2023", 30)
    'Harbin to implement 350 key…'
    >>> shorten("Supercalifragilistic", 8), shorten("short  text", 20)
    ('Superc…', 'short text')
    >>> shorten("蔚来中国总部项目落户省城 合肥8个重大产业项目集中", 20)
    '蔚来中国总部项目…'
    """
    text = " ".join(str(text).split())
    if sum(map(_width, text)) <= n:
        return text
    used, end = 1, 0  # room for the "…"
    while end < len(text) and used + _width(text[end]) <= n:
        used += _width(text[end])
        end += 1
    cut = text[:end]
    space = cut.rfind(" ")
    if space >= len(cut) // 2 and end < len(text) and text[end] != " ":
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


_QUALIFIER = {"approx": "≈ ", "at_least": "≥ ", "up_to": "≤ "}


def amount_text(amount, currency, qualifier) -> str:
    """An amount in its own currency with its qualifier: '≈ ¥10.0 bn', '≥ USD 1.5 bn'."""
    if amount is None or pd.isna(amount):
        return "undisclosed"
    q = qualifier if isinstance(qualifier, str) else ""
    return _QUALIFIER.get(q, "") + money(amount, currency if isinstance(currency, str) else "CNY")


def join_names(values) -> str:
    if values is None or (not isinstance(values, (list, tuple)) and not hasattr(values, "__len__")):
        return ""
    return ", ".join(str(v) for v in values if v is not None)


# Data-quality flags of the contract, as a reader says them; an unknown flag shows as it is.
FLAG_WORDS = {"currency_mismatch": "currency figures disagree",
              "currency_assumed_cny": "no currency stated: yuan assumed",
              "currency_unconverted": "no exchange rate: not in totals",
              "implausible_amount": "amount cannot be real: not in totals, needs review",
              "likely_not_a_deal": "reads like a statistic, plan or target: not in totals, needs review"}
IMPLAUSIBLE = contract.IMPLAUSIBLE_AMOUNT
NOT_A_DEAL = contract.LIKELY_NOT_A_DEAL
NOT_A_DEAL_RIGHT = "right 24 times in 34"  # its first looks at blind batches 18-20 (README, Accuracy)
ROW_PX, HEADER_PX = 35, 38  # st.dataframe's default row height, and its header with borders


def flag_words(flags, corrected: bool = False, not_a_deal: bool = False) -> str:
    """
    >>> flag_words(["currency_assumed_cny", "odd_flag"])
    'no currency stated: yuan assumed; odd_flag'
    >>> flag_words([], corrected=True, not_a_deal=True)
    'corrected (see Review); not a deal: adds nothing'
    """
    words = ["corrected (see Review)"] if corrected else []
    words += ["not a deal: adds nothing"] if not_a_deal else []
    words += [FLAG_WORDS.get(str(x), str(x)) for x in (flags if isinstance(flags, (list, tuple)) else [])]
    return "; ".join(words)


def _col(df: pd.DataFrame, name: str) -> list[bool]:
    """A yes/no column as Python booleans (missing values and a missing column: False)."""
    return [bool(v) and not pd.isna(v) for v in df[name]] if name in df.columns else [False] * len(df)


# The columns in the order a researcher scans them, and their widths in pixels: what a
# meeting asks first (project, money, place, date, status, its article) fits 900 px, the
# main area at 1280 px beside the sidebar; the rest follows for those who scroll.
_COLUMNS = {"Project": 230, "bn": 75, "Amount": 110, "City": 115, "Date": 90, "Status": 85, "Article": 65,
            "Rate": 150, "Adds to total, bn": 95, "Park": 160, "Sector": 140, "Kind": 65, "Investors": 180,
            "Sources": 70, "Flags": 210, "Original": 150, "Published by": 170, "Evidence": 420,
            "Record": 170}
_COMPACT = ("Project", "bn", "Amount", "Date", "Status", "Article", "Rate", "Adds to total, bn", "Investors",
            "Original", "Evidence")


def rate_text(date_start, currency: str) -> str:
    """The rate an amount in yuan was converted at, as the query layer converts it.

    >>> rate_text(pd.Timestamp("2020-05-01"), "USD")
    '¥6.90 per USD (2020 average)'
    """
    rates = query.rates(currency)
    year = date_start.year if isinstance(date_start, (date, pd.Timestamp)) and not pd.isna(date_start) \
        else query.fx.latest_full_year()
    year = min(max(year, min(rates)), max(rates))
    return f"¥{rates[year]:.2f} per {currency} ({year} average)"


def records_table(recs: pd.DataFrame, f: Filters, compact: bool = False, rows: int = 20,
                  select: str | None = None) -> None:
    """Records as a table, each with a link to its article (evidence highlighted there),
    tall enough for `rows` rows and no taller than the records need. With `select` (a
    widget key), a click on a row chooses that record (?record=)."""
    if recs.empty:
        st.info("No records.")
        return
    cur = f.currency
    place = [c if isinstance(c, str) and c else (f"{p} (province-wide)" if isinstance(p, str) else "")
             for c, p in zip(recs["city"], recs["province"])]
    out = pd.DataFrame({
        "Project": recs["project"].fillna("(unnamed)"),
        "bn": recs["amount_cny"] / 1e9,
        "Amount": [amount_text(a, c, q) for a, c, q in zip(recs["amount"], recs["currency"], recs["qualifier"])],
        "City": place,
        "Date": recs["date"].astype("string").fillna(""),
        "Status": recs["status"].fillna(""),
        "Article": [article_url(a, f) for a in recs["article_id"]],
        "Rate": [rate_text(d, cur) for d in recs["date_start"]] if cur != "CNY" else "",
        "Adds to total, bn": recs["contribution"] / 1e9,
        "Park": recs["park"].fillna(""),
        "Sector": recs["sector"].fillna(""),
        "Kind": recs["kind"],
        "Investors": recs["investors"].map(join_names),
        "Sources": recs["n_sources"],
        "Flags": [flag_words(fl, c, n) for fl, c, n in zip(recs["flags"], _col(recs, "corrected"),
                                                            _col(recs, "not_a_deal"))],
        "Original": recs["url"].map(site),
        "Published by": [" · ".join(filter(None, (text_or_none(p), _day(d))))
                         for p, d in zip(recs["publisher"], recs["published"])],
        "Evidence": recs["evidence"],
        "Record": [review_url(r, f) for r in recs["record_id"]],
    })
    if compact:
        out = out[list(_COMPACT)]
    if cur == "CNY":
        out = out.drop(columns="Rate")
    out = out.rename(columns={"bn": f"{cur} bn"})
    widths = {**_COLUMNS, f"{cur} bn": _COLUMNS["bn"]}
    config = {name: st.column_config.Column(width=px) for name, px in widths.items()}
    config.update({
        "Project": st.column_config.TextColumn(width=_COLUMNS["Project"], pinned=True),
        f"{cur} bn": st.column_config.NumberColumn(format="%.2f", width=_COLUMNS["bn"],
                                                   help=f"the amount in {cur} billion"
                                                   + (", converted at the Rate column's rate" if cur != "CNY" else "")),
        "Amount": st.column_config.TextColumn(width=_COLUMNS["Amount"], help="the amount in its own currency "
                                              "(≥ at least, ≈ approximately, ≤ up to)"),
        "Rate": st.column_config.TextColumn(width=_COLUMNS["Rate"], help="the ECB's average rate of the record's "
                                            "year, which converted its yuan"),
        "Adds to total, bn": st.column_config.NumberColumn(
            format="%.2f", width=_COLUMNS["Adds to total, bn"],
            help=f"what the record adds to totals, {cur} billion: a bundle only adds what its listed "
                 "projects do not cover; a repeated mention adds nothing"),
        "Sources": st.column_config.NumberColumn(width=_COLUMNS["Sources"], help="articles that report this record"),
        "Evidence": st.column_config.TextColumn(width=_COLUMNS["Evidence"], help="the sentence the record comes from"),
        "Record": st.column_config.LinkColumn(width=_COLUMNS["Record"], display_text=r"record=([^&]*)",
                                              help="the record's id; opens its values, history and "
                                                   "corrections on the Review page"),
        "Article": st.column_config.LinkColumn(width=_COLUMNS["Article"], display_text="open ↗",
                                               help="the article, evidence highlighted"),
        # The grid opens a link with window.open(url, "_blank", "noopener,noreferrer").
        "Original": st.column_config.LinkColumn(width=_COLUMNS["Original"], display_text=r"https?://([^/?#]+)",
                                                help="the article where it was first published (opens in a new tab)"),
        "Published by": st.column_config.TextColumn(width=_COLUMNS["Published by"],
                                                    help="the article's publisher and date, when known"),
    })
    picking = {}
    if select:
        key = f"{select}_{current_view().record}"  # Back (a new record) draws the table afresh
        ids = list(recs["record_id"])

        def pick() -> None:
            chosen = st.session_state[key].selection.rows
            set_view(record=ids[chosen[0]] if chosen else None)
        picking = dict(key=key, on_select=pick, selection_mode="single-row")
    st.dataframe(out, hide_index=True, width="stretch", height=HEADER_PX + ROW_PX * min(len(out), rows),
                 placeholder="–",  # no amount: a dash, not "None"
                 column_config={k: v for k, v in config.items() if k in out.columns}, **picking)


def record_panel(f: Filters, rec) -> None:
    """One chosen record: its sentence, its article and where to correct it."""
    with st.container(border=True):
        st.markdown(f"**{md_escape(text_or_none(rec.project) or '(unnamed)')}** · " + md_escape(" · ".join(
            x for x in (amount_text(rec.amount, rec.currency, rec.qualifier), text_or_none(rec.status),
                        text_or_none(rec.date), text_or_none(rec.city) or text_or_none(rec.province)) if x)))
        st.markdown(f"> {md_escape(text_or_none(rec.evidence) or '(no sentence)')}")
        with st.container(horizontal=True, gap="small"):
            title = text_or_none(rec.title) or rec.file_name
            st.page_link(ARTICLE_PAGE, label=md_escape(shorten(title, TITLE_CHARS)), icon=":material/article:",
                         query_params=article_params(rec.article_id, f), help=md_escape(title))
            st.page_link("app_pages/review.py", label="Review or correct it", icon=":material/rate_review:",
                         query_params=url_params(f, current_view()))
            st.button("Close", type="tertiary", icon=":material/close:", on_click=set_view,
                      kwargs={"record": None}, key="close_record")


BUNDLE_NOTE = ("A bundle (a total for many projects) adds only what its listed projects do not already "
               "account for, so 'Adds to total' can be less than the amount.")


# --- untrusted text -----------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# Where GitHub-flavoured Markdown would turn bare text into a link (https://…, www.…,
# a@b.c, mailto:…): it does so after escapes are read, so a backslash cannot stop it.
_AUTOLINK = re.compile(r"(?i)(?:(?<=https)|(?<=http)|(?<=ftp)|(?<=mailto)|(?<=xmpp))(?=:)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"  # invisible, and breaks an autolink where it stands


def md_escape(text: str) -> str:
    """Text from articles or URLs shown through Markdown: no links, images, HTML or emphasis.

    >>> print(md_escape("[click](javascript:alert(1)) *x*"))
    \\[click\\]\\(javascript\\:alert\\(1\\)\\) \\*x\\*
    >>> md_escape("https://evil.example www.evil.example a@evil.example").replace(WORD_JOINER, "~")
    'https~\\\\://evil\\\\.example www~\\\\.evil\\\\.example a@~evil\\\\.example'
    """
    return _MD_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, str(text)))


def evidence_spans(text: str, recs: pd.DataFrame) -> list[tuple[int, int, list[int]]]:
    """Where each record's evidence sits in the text: (start, end, record numbers), merged.

    Offsets from the store are trusted only when they point at the evidence; else the
    sentence is looked up, and a record whose sentence is not in the text gets no span.

    >>> recs = pd.DataFrame({"evidence": ["b c", "c d", "zz"], "evidence_start": [2, None, 0],
    ...                      "evidence_end": [5, None, 2]})
    >>> evidence_spans("a b c d", recs)
    [(2, 7, [1, 2])]
    """
    spans = []
    for i, row in enumerate(recs.itertuples(index=False), start=1):
        ev = str(getattr(row, "evidence", "") or "")
        s, e = getattr(row, "evidence_start", None), getattr(row, "evidence_end", None)
        ok = not (pd.isna(s) or pd.isna(e)) and 0 <= int(s) < int(e) <= len(text)
        if ok and ev and text[int(s):int(e)].strip() != ev.strip():
            ok = False
        if not ok:
            at = text.find(ev) if ev else -1
            if at < 0:
                continue
            s, e = at, at + len(ev)
        spans.append((int(s), int(e), [i]))
    merged: list[tuple[int, int, list[int]]] = []
    for s, e, ids in sorted(spans):
        if merged and s < merged[-1][1]:
            ps, pe, pids = merged[-1]
            merged[-1] = (ps, max(pe, e), sorted(set(pids + ids)))
        else:
            merged.append((s, e, ids))
    return merged


def highlighted_html(text: str, spans: list[tuple[int, int, list[int]]]) -> str:
    """The article as escaped HTML with evidence in <mark>; nothing from the text is markup.

    >>> highlighted_html("x <b>y</b> z", [(2, 10, [1])])
    '<div class="article">x <mark title="record 1">&lt;b&gt;y&lt;/b&gt;<sup>1</sup></mark> z</div>'
    """
    out, at = [], 0
    for s, e, ids in spans:
        out.append(html.escape(text[at:s]))
        nums = ",".join(map(str, ids))
        out.append(f'<mark title="record {nums}">{html.escape(text[s:e])}<sup>{nums}</sup></mark>')
        at = e
    out.append(html.escape(text[at:]))
    return f'<div class="article">{"".join(out)}</div>'


# Page links (the Sources' titles) end in "…" where a narrow window cuts them, instead
# of being clipped mid-letter; `shorten` already cuts them at a word to fit 1400 px.
PAGE_CSS = """<style>
[data-testid="stPageLink"], [data-testid="stPageLink"] * {min-width: 0; max-width: 100%;}
[data-testid="stPageLink"] [data-testid="stMarkdownContainer"] p {overflow: hidden; text-overflow: ellipsis;}
</style>"""

# Text contrast ≥ 4.5:1: Streamlit's captions are 60 % of the text colour (3.7:1 on white).
PAGE_CSS = PAGE_CSS.replace("</style>", """[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stMetricLabel"] p, [data-testid="stMarkdownContainer"] blockquote {color: #4a5160 !important;
                                                                                  opacity: 1 !important;}
[data-testid="stMetricValue"] > div {overflow: visible; white-space: normal;}
/* Below 1100 px (1024 px screens, 150 % zoom) a chart takes the full width and its panel
   goes under it: side by side, long place names leave the bars no room. */
@media (max-width: 1100px) {
  [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]) {flex-wrap: wrap;}
  [data-testid="stHorizontalBlock"]:has([data-testid="stPlotlyChart"]) > [data-testid="stColumn"] {
    min-width: 100%; flex: 1 1 100%;}
}
[data-testid="stBaseButton-tertiary"] {color: #1f5f99 !important; text-decoration: underline;
                                       text-underline-offset: 3px;}
</style>""")

# A chart's preview (ui.plot) brings its own style, which is in force before PAGE_CSS's (st.html's
# code loads late). Until Plotly has drawn, Plotly's element (a loading placeholder as tall as the
# chart) lies unseen over the preview; once it has, the preview goes and the chart takes its place.
PREVIEW_STYLE = ("<style>" + charts.PREVIEW_CSS + """
[data-testid="stVerticalBlock"]:has(> [data-testid="stElementContainer"] .js-plotly-plot .main-svg)
  > [data-testid="stElementContainer"]:has(.chart-preview) {display: none;}
[data-testid="stVerticalBlock"]:has(> [data-testid="stElementContainer"] .chart-preview):not(:has(.main-svg)) {
  position: relative;}
[data-testid="stVerticalBlock"]:has(> [data-testid="stElementContainer"] .chart-preview):not(:has(.main-svg))
  > [data-testid="stElementContainer"]:not(:has(.chart-preview)) {position: absolute; top: 0; left: 0; right: 0;
                                                                   opacity: 0;}
</style>""").replace("\n", " ")
# A metric's preview: st.metric's size (a 24 px label over a 36 px value, 76 px in all), shown
# in place of the metric's loading placeholder until the metric is drawn.
METRIC_PREVIEW_STYLE = """<style>
.metric-preview {height: 76px; color: #1c2430;}
.metric-preview > div:first-child {height: 24px; line-height: 24px; font-size: 14px; color: #4a5160;
                                   white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.metric-preview > div:last-child {font-size: 36px; line-height: 48px; padding-bottom: 4px;}
[data-testid="stVerticalBlock"]:has(> [data-testid="stElementContainer"] [data-testid="stMetric"])
  > [data-testid="stElementContainer"]:has(.metric-preview) {display: none;}
[data-testid="stVerticalBlock"]:has(> [data-testid="stElementContainer"] .metric-preview)
  > [data-testid="stElementContainer"]:has(> [data-testid="stSkeleton"]) {display: none;}
</style>""".replace("\n", " ")

# Meeting mode: no sidebar (nor its toggle), bigger numbers and text for a projector.
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapseButton"] {display: none !important;}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {font-size: 3.2rem !important; line-height: 1.2;}
[data-testid="stMetricLabel"] p {font-size: 1.2rem !important;}
[data-testid="stMain"] p, [data-testid="stMain"] li {font-size: 1.15rem;}
</style>"""

ARTICLE_CSS = """<style>
.article {white-space: pre-wrap; line-height: 1.6; font-size: 0.95rem; max-height: 70vh; overflow-y: auto;
          padding: 0.75rem 1rem; border: 1px solid #e3e7ee; border-radius: 0.5rem; background: #fbfcfd;}
.article mark {background: #ffe9a8; padding: 0 2px; border-radius: 3px;}
.article sup {color: #1f5f99; font-weight: 600; margin-left: 2px;}
</style>"""


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
