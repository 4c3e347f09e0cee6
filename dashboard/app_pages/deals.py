"""Deals: every record of the filtered view in a table, with its article one click away.
The drill-down of another page (?show=city:Harbin) narrows it; the order (?sort=) and the
page of the table (?p=) are in the URL."""
import math

import streamlit as st

from dashboard import ui
from dashboard.filters import SORTS

PAGE_SIZE = 100

f = ui.current_filters()
v = ui.current_view()
ui.filter_caption(f)
drill = v.drill()
dim, value = drill if drill else (None, None)
n = ui.count_records(f, dim, value)
if drill:
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(f"Only the records behind **{ui.md_escape(ui.DIM_WORDS.get(dim, dim))}: {ui.md_escape(value)}**",
                    width="content")
        st.button("Show every record of the view", type="tertiary", icon=":material/close:",
                  on_click=ui.set_view, kwargs={"show": None, "page": 1})
if not n:
    st.info("No records match these filters. Remove a filter in the sidebar to see more.")
    ui.end_page()

h = ui.headline(f)
c = st.columns([3, 2, 2, 3])
if drill:
    ui.metric(c[0], "Total of these records", ui.money(ui.total(f, dim, value), f.currency))
else:
    ui.total_metric(c[0], f, h)
ui.metric(c[1], "Records", f"{n:,}", help=f"{h['deals']} deals, {h['bundles']} bundles, {h['events']} events in the view")
ui.metric(c[2], "Articles", f"{h['articles']:,}")
ui.metric(c[3], "No amount", f"{h['undisclosed']:,}", help="records in the view whose amount is not disclosed")

pages = math.ceil(n / PAGE_SIZE)
if not 1 <= v.page <= pages:
    st.warning(f"There is no page {v.page:,}: pages run from 1 to {pages}.")
    ui.set_view(page=min(max(v.page, 1), pages))
    ui.write_url()
page = min(max(v.page, 1), pages)
with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
    ui.view_widget(st.selectbox, "Order", "sort", list(SORTS), format_func=SORTS.get, width=260)
    if pages > 1:
        ui.view_widget(st.number_input, f"Page (of {pages}, {PAGE_SIZE} records each)", "page",
                       min_value=1, max_value=pages, width=220)

recs = ui.records(f, dim, value, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, sort=v.sort)
st.caption(f"Records {(page - 1) * PAGE_SIZE + 1}–{(page - 1) * PAGE_SIZE + len(recs)} of {n:,}, ordered by "
           f"{SORTS[v.sort]}. 'Adds to total' is what each adds: a bundle's listed projects are counted once. "
           "'open ↗' shows the article with the record's sentence highlighted; click a row to read its sentence "
           "here.")
chosen = recs[recs["record_id"] == v.record]
if len(chosen):
    ui.record_panel(f, next(chosen.itertuples(index=False)))
ui.records_table(recs, f, select="deals_table")
review = ui.needs_review(f)
if not review.empty:
    with st.expander(f"Needs review: {len(review):,}{'+' if len(review) >= 200 else ''} record(s) whose amount "
                     "cannot be real (negative, beyond any project, or a figure the rules cannot read); "
                     "they are not in the total", icon=":material/flag:"):
        ui.records_table(review, f, compact=True, rows=8)
statistics = ui.needs_review(f, flag=ui.NOT_A_DEAL)
if not statistics.empty:
    with st.expander(f"Read as statistics, not deals: {len(statistics):,}{'+' if len(statistics) >= 200 else ''} "
                     "record(s) whose figure reads like a tally, plan or target (a learned filter's judgement, "
                     f"{ui.NOT_A_DEAL_RIGHT} on unseen articles); their own amounts are not in the total "
                     "(a set-aside group's listed projects still are). On Review, untick "
                     "'Not a deal' to put one back",
                     icon=":material/flag:"):
        ui.records_table(statistics, f, compact=True, rows=8)
with st.expander("Sources of this view"):
    ui.sources_panel(f, dim, value, title="Articles behind these records", limit=50)
