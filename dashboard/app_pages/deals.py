"""Deals: every record of the filtered view in a table, with its article one click away."""
import math

import streamlit as st

from dashboard import ui

PAGE_SIZE = 100

f = ui.current_filters()
ui.filter_caption(f)
h = ui.headline(f)
n = ui.count_records(f)
if not n:
    st.info("No records match these filters. Remove a filter in the sidebar to see more.")
    st.stop()

c = st.columns([3, 2, 2, 3])
ui.total_metric(c[0], f, h)
c[1].metric("Records", f"{n:,}", help=f"{h['deals']} deals, {h['bundles']} bundles, {h['events']} events")
c[2].metric("Articles", f"{h['articles']:,}")
c[3].metric("No amount disclosed", f"{h['undisclosed']:,}")

pages = math.ceil(n / PAGE_SIZE)
page = 1
if pages > 1:
    raw = st.query_params.get("p", "1")
    if "deals_page" not in st.session_state:
        # ASCII digits only: "²".isdigit() is True and int("²") raises.
        wanted = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 12 else None
        if wanted is None:
            st.warning(f"Ignored p '{ui.md_escape(raw)}': not a page number; pages run from 1 to {pages}.")
        elif not 1 <= wanted <= pages:
            st.warning(f"There is no page {wanted:,}: pages run from 1 to {pages}.")
        st.session_state["deals_page"] = min(max(wanted or 1, 1), pages)
    st.session_state["deals_page"] = max(1, min(st.session_state["deals_page"], pages))
    page = st.number_input(f"Page (of {pages}, {PAGE_SIZE} records each)", 1, pages, key="deals_page")
    if page > 1:
        st.query_params["p"] = str(page)
    else:
        st.query_params.pop("p", None)
else:
    st.query_params.pop("p", None)

recs = ui.records(f, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
st.caption(f"Records {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + len(recs)} of {n:,}, ordered by what "
           "each adds to the total ('Adds to total'), then by amount in yuan: a bundle's listed projects can come "
           "before it. Click a column header to sort by it. 'open ↗' shows the article with the record's "
           "sentence highlighted.")
ui.records_table(recs, f)
with st.expander("Sources of this view"):
    ui.sources_panel(f, title="Articles behind these records", limit=50)
