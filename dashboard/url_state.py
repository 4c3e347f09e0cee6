"""The URL as the app's state, on Streamlit's side: the widgets' session state read from
the URL and written back to it, once per run.

Parsing and writing the parameters is `dashboard.filters` (no Streamlit there); this
module only moves them between `st.query_params` and the widgets' keys.

Browser history: Streamlit pushes one history entry each time a run changes the query
string (`st.query_params` sends the whole string after every assignment or pop; the
frontend skips the push when the string equals the address bar's). So a run writes the
URL at most once, with `from_dict`, in the fixed order of `filters.url_params`: a click
is one entry, a page switch is one entry (the frontend's own push of the new page's
path with the parameters of the link, `page_links`), and Back after a page switch
returns to the same filters in one step. A run after Back or Forward reads the URL it
was given and writes nothing new.
"""
from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import streamlit as st

from dashboard.filters import (CURRENCIES, DATE_PARAMS, LIST_PARAMS, SCOPES, SCOPE_WORDS, Filters, Options, View,
                               canonical, from_params, url_params)

# Filters field -> session-state key of its widget (the URL name, prefixed).
STATE = {name: f"f_{param}" for param, name in {**LIST_PARAMS, **DATE_PARAMS}.items()}
STATE.update(scope="f_scope", tech="f_tech", currency="f_currency")
MISSING = "f_missing"  # URL values that matched nothing; no widget shows them
# View field -> session-state key.
VIEW = {f.name: f"v_{f.name}" for f in fields(View)}
WRITTEN = "_url_written"


def _set_state(f: Filters, v: View) -> None:
    s = st.session_state
    for name, key in STATE.items():
        value = getattr(f, name)
        s[key] = list(value) if isinstance(value, tuple) else value
    s[MISSING] = f.missing
    for name, key in VIEW.items():
        s[key] = getattr(v, name)


def load_url(opts: Options) -> None:
    """Copy the URL into the widgets' session state: at the session's first run, and
    whenever the URL differs from the one this session last wrote (Back, Forward, a link
    inside the app). A page switch through the navigation sends no parameters: no
    parameters is no change. Bad values are dropped with notices `show_notices` shows
    on this run only.
    """
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    wanted = canonical(params)
    if "_url_loaded" in st.session_state and (not wanted or wanted == st.session_state.get(WRITTEN)):
        return
    st.session_state["_url_loaded"] = True
    parsed = from_params(params, opts)
    _set_state(parsed.filters, parsed.view)
    st.session_state["_url_notices"] = parsed.notices
    # What the URL said, as this session reads it: a run that leaves the state as read
    # needs no write, so opening a link or going Back adds no history entry.
    st.session_state[WRITTEN] = canonical(url_params(parsed.filters, parsed.view))


def current_filters() -> Filters:
    s = st.session_state
    values = {name: tuple(s.get(key) or ()) for name, key in STATE.items() if name in LIST_PARAMS.values()}
    d0, d1 = s.get(STATE["date_from"]), s.get(STATE["date_to"])
    if d0 and d1 and d0 > d1:
        d0 = d1 = None
    return Filters(**values, date_from=d0, date_to=d1, scope=s.get(STATE["scope"]) or "committed",
                   tech=bool(s.get(STATE["tech"])), currency=s.get(STATE["currency"]) or "CNY",
                   missing=tuple(s.get(MISSING) or ()))


def current_view() -> View:
    s = st.session_state
    values = {name: s[key] for name, key in VIEW.items() if key in s}
    values = {k: (tuple(x) if isinstance(x, list) else x) for k, x in values.items()
              if x is not None or k in ("show", "article", "record")}
    return replace(View(), **values)


def set_view(**changes) -> None:
    """Change the page's view (a callback's work: the run that follows writes the URL)."""
    for name, value in changes.items():
        st.session_state[VIEW[name]] = value


def view_widget(widget, label: str, name: str, *args, **kwargs):
    """A widget showing one field of the view. Its own key is set from the view on every
    run and copied back by its callback: a widget's key is dropped on a page that does not
    draw it, and the view must outlive page switches."""
    key = f"w_{name}"
    value = st.session_state.get(VIEW[name], getattr(View(), name))
    st.session_state[key] = list(value) if isinstance(value, tuple) else value
    return widget(label, *args, key=key, on_change=lambda: set_view(**{name: st.session_state[key]}), **kwargs)


def write_url() -> None:
    """Make the URL say exactly the current state, in one write or none (after
    st.navigation, before the page runs; a page that changes the state later calls it
    again)."""
    want = url_params(current_filters(), current_view())
    have = canonical({k: st.query_params.get_all(k) for k in st.query_params})
    changed = st.session_state.get(WRITTEN) != canonical(want)
    st.session_state[WRITTEN] = canonical(want)
    # Written also when the server's copy already says it but this session last wrote
    # something else: after a link inside the app the address bar may lag behind. The
    # frontend adds no history entry for a string the address bar already shows.
    if changed or have != canonical(want):
        st.query_params.from_dict(want)


def page_links(slot, pages) -> None:
    """The menu of pages, each link carrying the whole state (the URL `write_url` wrote
    last): a page switch is one history entry, with the same filters and drill-down, and
    Back returns in one step. Drawn into `slot` at the end of the run, as a page may
    change the state while it runs."""
    params = url_params(current_filters(), current_view())
    with slot.container(horizontal=True, gap="small", key="menu"):
        for page in pages:
            st.page_link(page, query_params=params)


def show_notices() -> None:
    """The notices of the URL read on this run; gone on the next run, as the bad values
    are gone from the URL."""
    from dashboard.ui import md_escape

    for notice in st.session_state.pop("_url_notices", None) or []:
        st.warning(md_escape(notice), icon=":material/link_off:")  # notices quote URL values


# --- the filter widgets: in the sidebar, or in meeting mode a compact bar ----------------

SCOPE_LABELS = {"committed": "Committed", "all": "All", "plans": "Plans"}


def filter_widgets(where, opts: Options) -> None:
    """The shared filters; their keys are the session state the URL is written from."""
    where.segmented_control("Money counted", list(SCOPES), key=STATE["scope"], required=True,
                            format_func=SCOPE_LABELS.get,
                            help="; ".join(f"{SCOPE_LABELS[k]}: {SCOPE_WORDS[k]}" for k in SCOPES))
    where.segmented_control("Currency", list(CURRENCIES), key=STATE["currency"], required=True,
                            help="US dollars at each record's year average (ECB), named on hover")
    where.toggle("Tech sectors only", key=STATE["tech"], help="leaves out records in the sector 'Other' "
                 "and records without a sector")
    for label, name, help_ in (("Province", "provinces", None), ("City", "cities", None),
                               ("Sector", "sectors", "China's Strategic Emerging Industries classification"),
                               ("Status", "statuses", None), ("Kind", "kinds",
                                "deal: one project; bundle: a total for many; event: not a project")):
        where.multiselect(label, getattr(opts, name), key=STATE[name], placeholder="All", help=help_)
    chosen = [d for d in (st.session_state.get(STATE["date_from"]), st.session_state.get(STATE["date_to"])) if d]
    lo = min([d for d in [opts.first_date, *chosen] if d], default=date(2000, 1, 1))
    hi = max([d for d in [opts.last_date, *chosen] if d], default=date.today())
    # One under the other, full width: side by side, a date shows only its year.
    for label, name in (("From", "date_from"), ("To", "date_to")):
        where.date_input(label, value=None, min_value=lo, max_value=hi, key=STATE[name], format="YYYY-MM-DD",
                         help="keeps a record whose date overlaps the range; records without a date are left out")
    f = current_filters()
    if st.session_state.get(STATE["date_from"]) and f.date_from is None:
        where.warning("'From' is after 'To': the date range is not applied.")
    if f.narrowed():
        where.button("Clear all filters", on_click=_clear_all, width="stretch")


def sidebar(opts: Options) -> None:
    """The filters in the sidebar; in meeting mode there is no sidebar (see `filter_bar`)."""
    if current_view().present:
        return
    st.sidebar.header("Filters")
    filter_widgets(st.sidebar, opts)
    st.sidebar.button("Meeting mode", icon=":material/open_in_full:", on_click=set_view,
                      kwargs={"present": True}, width="stretch",
                      help="no sidebar, bigger numbers and chart text; the filters stay in the URL (?present=1)")
    from dashboard.ui import corpus_note

    corpus_note()


def filter_bar(opts: Options) -> None:
    """Meeting mode's compact bar: what the view shows, its filters behind one button."""
    if not current_view().present:
        return
    from dashboard.ui import PRESENT_CSS

    st.html(PRESENT_CSS)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        with st.popover("Filters", icon=":material/filter_list:"):
            filter_widgets(st, opts)
        st.button("Leave meeting mode", icon=":material/close_fullscreen:", on_click=set_view,
                  kwargs={"present": False}, type="tertiary")


def _clear_all() -> None:
    for name, key in STATE.items():
        if name in LIST_PARAMS.values():
            st.session_state[key] = []
        elif name in DATE_PARAMS.values():
            st.session_state[key] = None
    st.session_state[STATE["tech"]] = False
    st.session_state[MISSING] = ()
    set_view(show=None, page=1)
