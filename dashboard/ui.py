"""Shared page pieces: the database connection, cached queries, the sidebar filters
and their URL state, the Sources panel, and text helpers for untrusted article text.

Pages import this and `dashboard.query`'s vocabulary, never `duckdb`.
"""
from __future__ import annotations

import html
import os
import re
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pandas as pd
import streamlit as st

from dashboard import charts, query, store
from dashboard.articles import article_files, http_url
from dashboard.manifest import MANIFEST_NAME
from dashboard.filters import DATE_PARAMS, LIST_PARAMS, Filters, Options, from_params

TTL = 600  # seconds: a re-ingested database shows up within ten minutes even if its mtime lies
# URL parameters that belong to one page, not to the shared filters.
PAGE_PARAMS = ("article", "show", "p", "record")
# Filters field -> session-state key of its sidebar widget (the URL name, prefixed).
STATE = {name: f"f_{param}" for param, name in {**LIST_PARAMS, **DATE_PARAMS}.items()}
ARTICLE_PAGE = "app_pages/article.py"
DEALS_PAGE = "app_pages/deals.py"
OVERVIEW_PAGE = "app_pages/overview.py"
TITLE_CHARS = 49  # what a Sources column holds on one line at 1400 px (in small letters' widths)
SOURCES_LIMIT = 1000  # articles fetched for a Sources list; their number is counted apart
money, yi = charts.money, charts.yi


# --- database and cached queries -------------------------------------------------------

def db_path() -> str:
    return store.default_db_path()


def db_version(db: str) -> float:
    """Changes when ingest replaces the file, so caches and the connection follow it."""
    try:
        return os.stat(db).st_mtime
    except OSError:
        return 0.0


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(db: str, version: float):
    return store.connect(db, read_only=True)


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _cached(fn: str, db: str, version: float, *args):
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
def articles(f: Filters) -> pd.DataFrame: return _q("articles", f, SOURCES_LIMIT)  # newest first
def count_articles(f: Filters) -> int: return _q("count_articles", f)
def province_points() -> pd.DataFrame: return _q("province_points")
def count_lower_bounds(f: Filters) -> int: return _q("count_lower_bounds", f)
def count_undated(f: Filters) -> int: return _q("count_undated", f)
def unmapped(f: Filters) -> dict: return _q("unmapped", f)
def unmapped_records(f: Filters, limit: int = 200) -> pd.DataFrame: return _q("unmapped_records", f, limit)
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
            limit: int = 500, offset: int = 0) -> pd.DataFrame:
    return _q("records", f, dim, value, limit, offset)


def count_records(f: Filters, dim: str | None = None, value: str | None = None) -> int:
    return _q("count_records", f, dim, value)


# --- sidebar filters and URL state (DESIGN.md "URL state across pages") ------------------

def _canon(params) -> dict[str, list[str]]:
    """Filter parameters in one comparable form, whatever their order or shape."""
    return {k: sorted([v] if isinstance(v, str) else list(v)) for k, v in params.items()
            if k in LIST_PARAMS or k in DATE_PARAMS}


def load_url(opts: Options) -> None:
    """Copy the URL's filters into the widgets' session state: at the session's first
    run, and whenever a link inside the app (a status of the Overview's split, say)
    opened a URL whose filters differ from those the app last wrote there.

    A page switch through the navigation drops the parameters: no filters in the URL is
    no change. Values that no record has, or malformed dates, are dropped with a notice
    that `show_notices` shows on this run only.
    """
    params = {k: st.query_params.get_all(k) for k in st.query_params if k not in PAGE_PARAMS}
    wanted = _canon(params)
    if "_url_loaded" in st.session_state and (not wanted or wanted == st.session_state.get("_url_written")):
        return
    st.session_state["_url_loaded"] = True
    parsed = from_params(params, opts)
    for name, key in STATE.items():
        value = getattr(parsed.filters, name)
        st.session_state[key] = list(value) if isinstance(value, tuple) else value
    st.session_state["_url_notices"] = parsed.notices
    for k in params:  # unknown names leave the URL, so it says what the page shows
        if k not in LIST_PARAMS and k not in DATE_PARAMS:
            st.query_params.pop(k, None)


def sidebar(opts: Options) -> None:
    """The shared filters; their keys are the session state the URL is written from."""
    sb = st.sidebar
    sb.header("Filters")
    for label, name, help_ in (("Province", "provinces", None), ("City", "cities", None),
                               ("Sector", "sectors", "China's Strategic Emerging Industries classification"),
                               ("Status", "statuses", None), ("Kind", "kinds",
                                "deal: one project; bundle: a total for many; event: not a project")):
        sb.multiselect(label, getattr(opts, name), key=STATE[name], placeholder="All", help=help_)
    chosen = [d for d in (st.session_state.get(STATE["date_from"]), st.session_state.get(STATE["date_to"])) if d]
    lo = min([d for d in [opts.first_date, *chosen] if d], default=date(2000, 1, 1))
    hi = max([d for d in [opts.last_date, *chosen] if d], default=date.today())
    # One under the other, full width: side by side, a date shows only its year.
    for label, name in (("From", "date_from"), ("To", "date_to")):
        sb.date_input(label, value=None, min_value=lo, max_value=hi, key=STATE[name], format="YYYY-MM-DD",
                      help="keeps a record whose date overlaps the range; records without a date are left out")
    f = current_filters()
    if st.session_state.get(STATE["date_from"]) and f.date_from is None:
        sb.warning("'From' is after 'To': the date range is not applied.")
    if not f.is_empty():
        sb.button("Clear all filters", on_click=_clear_all, width="stretch")
    corpus_note()


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


def _clear_all() -> None:
    for name, key in STATE.items():
        st.session_state[key] = [] if name in LIST_PARAMS.values() else None


def current_filters() -> Filters:
    s = st.session_state
    values = {name: tuple(s.get(key) or ()) for name, key in STATE.items() if name in LIST_PARAMS.values()}
    d0, d1 = s.get(STATE["date_from"]), s.get(STATE["date_to"])
    if d0 and d1 and d0 > d1:
        d0 = d1 = None
    return Filters(**values, date_from=d0, date_to=d1)


def write_url(f: Filters) -> None:
    """Make the URL's filter parameters say exactly `f` (call after st.navigation)."""
    want = f.to_params()
    # New filters are written out even when the parameters already say them: after a link
    # inside the app the server has the link's parameters, but the address bar may not.
    changed = st.session_state.get("_url_written") != _canon(want)
    st.session_state["_url_written"] = _canon(want)
    for param in (*LIST_PARAMS, *DATE_PARAMS):
        value = want.get(param)
        if value is None:
            st.query_params.pop(param, None)
        elif changed or st.query_params.get_all(param) != (value if isinstance(value, list) else [value]):
            st.query_params[param] = value


def show_notices() -> None:
    """The notices of the URL read on this run; gone on the next run, as the bad values
    are gone from the URL."""
    for notice in st.session_state.pop("_url_notices", None) or []:
        st.warning(md_escape(notice), icon=":material/link_off:")  # notices quote URL values


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


def total_metric(col, f: Filters, h: dict) -> None:
    """The filtered total; marked "≥" when any amount in it is only a lower bound."""
    lower = count_lower_bounds(f)
    col.metric("Total invested", ("≥ " if lower else "") + money(h["total_cny"]), help=(
        f"{yi(h['total_cny'])} yuan; bundles count only what their listed projects do not already "
        "cover, repeats count once" + (f". {lower} of the amounts {'are' if lower != 1 else 'is'} only a "
                                       "lower bound ('more than …'), so the total is at least this" if lower else "")))


def status_split(f: Filters, page: str = OVERVIEW_PAGE) -> None:
    """One line under the headline: the total by status, biggest first, each a link to the
    same view narrowed to that status (the other filters kept in the link's URL)."""
    parts = [r for r in totals_by(f, "status").itertuples(index=False) if r.total_cny > 0]
    if len(parts) < 2:
        return
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        st.caption("Of the total:", width="content")
        for i, r in enumerate(parts):
            label = f"{STATUS_WORDS.get(r.label, r.label)} {money(r.total_cny)}"
            if r.label in options().statuses:
                st.page_link(page, label=md_escape(label), query_params=replace(f, statuses=(r.label,)).to_params(),
                             help=f"show only the records with status {r.label}")
            else:  # "(no status)" is no value a filter can take
                st.caption(md_escape(label), width="content")
            if i < len(parts) - 1:
                st.caption("·", width="content")


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
    money_text = f"{money(u['total_cny'])} from " if u["total_cny"] else "No amount from "
    st.caption(f"{money_text}{n:,} record{'s' * (n != 1)} {'is' if n == 1 else 'are'} not drawn: "
               "province-wide or no known place.")
    st.page_link(DEALS_PAGE, label="All records of this view on the Deals page", query_params=f.to_params(),
                 icon=":material/table:")
    with st.expander(f"The {n:,} record{'s' * (n != 1)} not on the map"):
        records_table(unmapped_records(f), f, compact=True, rows=10)


# --- links and sources ------------------------------------------------------------------

def article_params(article_id: str, f: Filters) -> dict:
    return {"article": article_id, **f.to_params()}


def article_url(article_id: str, f: Filters) -> str:
    """Relative link to the Article page that keeps the filters (works under a base path)."""
    return "article?" + urlencode(article_params(article_id, f), doseq=True)


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
            money(row.total_cny) if row.total_cny else None))), source_link(row.url)) if x))
    if n > limit:
        st.page_link(DEALS_PAGE, label=f"{n - limit:,} more: see every record on the Deals page",
                     query_params=f.to_params(), icon=":material/table:")


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
              "currency_unconverted": "no exchange rate: not in totals"}
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


# The columns in the order a researcher scans them, and their widths in pixels: the
# project and its money first, where and when next, the article link last but one.
_COLUMNS = {"Project": 250, "CNY bn": 80, "Amount": 115, "City": 120, "Park": 170, "Date": 95,
            "Status": 85, "Kind": 65, "Adds to total, bn": 95, "Sector": 140, "Investors": 180,
            "Sources": 70, "Flags": 210, "Article": 70, "Original": 150, "Published by": 170, "Evidence": 420,
            "Record": 170}
_COMPACT = ("Project", "CNY bn", "Adds to total, bn", "Amount", "Date", "Status", "Investors",
            "Article", "Original", "Evidence")


def records_table(recs: pd.DataFrame, f: Filters, compact: bool = False, rows: int = 20) -> None:
    """Records as a table, each with a link to its article (evidence highlighted there),
    tall enough for `rows` rows and no taller than the records need."""
    if recs.empty:
        st.info("No records.")
        return
    place = [c if isinstance(c, str) and c else (f"{p} (province-wide)" if isinstance(p, str) else "")
             for c, p in zip(recs["city"], recs["province"])]
    out = pd.DataFrame({
        "Project": recs["project"].fillna("(unnamed)"),
        "CNY bn": recs["amount_cny"] / 1e9,
        "Amount": [amount_text(a, c, q) for a, c, q in zip(recs["amount"], recs["currency"], recs["qualifier"])],
        "City": place,
        "Park": recs["park"].fillna(""),
        "Date": recs["date"].astype("string").fillna(""),
        "Status": recs["status"].fillna(""),
        "Kind": recs["kind"],
        "Adds to total, bn": recs["contribution"] / 1e9,
        "Sector": recs["sector"].fillna(""),
        "Investors": recs["investors"].map(join_names),
        "Sources": recs["n_sources"],
        "Flags": [flag_words(fl, c, n) for fl, c, n in zip(recs["flags"], _col(recs, "corrected"),
                                                            _col(recs, "not_a_deal"))],
        "Article": [article_url(a, f) for a in recs["article_id"]],
        "Original": recs["url"].map(site),
        "Published by": [" · ".join(filter(None, (text_or_none(p), _day(d))))
                         for p, d in zip(recs["publisher"], recs["published"])],
        "Evidence": recs["evidence"],
        "Record": recs["record_id"],
    })
    if compact:
        out = out[list(_COMPACT)]
    config = {name: st.column_config.Column(width=px) for name, px in _COLUMNS.items()}
    config.update({
        "Project": st.column_config.TextColumn(width=_COLUMNS["Project"], pinned=True),
        "CNY bn": st.column_config.NumberColumn(format="%.2f", width=_COLUMNS["CNY bn"],
                                                help="the amount in CNY billion"),
        "Amount": st.column_config.TextColumn(width=_COLUMNS["Amount"], help="the amount in its own currency"),
        "Adds to total, bn": st.column_config.NumberColumn(
            format="%.2f", width=_COLUMNS["Adds to total, bn"],
            help="what the record adds to totals, CNY billion: a bundle only adds what its listed "
                 "projects do not cover; a repeated mention adds nothing"),
        "Sources": st.column_config.NumberColumn(width=_COLUMNS["Sources"], help="articles that report this record"),
        "Evidence": st.column_config.TextColumn(width=_COLUMNS["Evidence"], help="the sentence the record comes from"),
        "Article": st.column_config.LinkColumn(width=_COLUMNS["Article"], display_text="open ↗",
                                               help="the article, evidence highlighted"),
        # The grid opens a link with window.open(url, "_blank", "noopener,noreferrer").
        "Original": st.column_config.LinkColumn(width=_COLUMNS["Original"], display_text=r"https?://([^/?#]+)",
                                                help="the article where it was first published (opens in a new tab)"),
        "Published by": st.column_config.TextColumn(width=_COLUMNS["Published by"],
                                                    help="the article's publisher and date, when known"),
    })
    st.dataframe(out, hide_index=True, width="stretch", height=HEADER_PX + ROW_PX * min(len(out), rows),
                 placeholder="–",  # no amount: a dash, not "None"
                 column_config={k: v for k, v in config.items() if k in out.columns})


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

ARTICLE_CSS = """<style>
.article {white-space: pre-wrap; line-height: 1.6; font-size: 0.95rem; max-height: 70vh; overflow-y: auto;
          padding: 0.75rem 1rem; border: 1px solid #e3e7ee; border-radius: 0.5rem; background: #fbfcfd;}
.article mark {background: #ffe9a8; padding: 0 2px; border-radius: 3px;}
.article sup {color: #1f5f99; font-weight: 600; margin-left: 2px;}
</style>"""


def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent
