"""More views: money over time (by quarter, month or year, stacked by status or sector), the
top investors, sectors split into subsectors, and cities side by side. Each with the
records and sentences of a clicked bar, or the view's sources, beside it."""
from dataclasses import replace

import streamlit as st

from dashboard import charts, ui
from dashboard.filters import PERIODS, STACKS

f = ui.current_filters()
v = ui.current_view()
ui.filter_caption(f)
if not ui.count_records(f):
    st.info("No records match these filters. Remove a filter in the sidebar, or count plans and lists too "
            "(Money counted: All), to see more.")
    ui.end_page()


def selected(dim: str) -> str | None:
    d = ui.current_view().drill()
    return d[1] if d and d[0] == dim else None


# --- money over time ----------------------------------------------------------------------
with st.container(horizontal=True, gap="medium", vertical_alignment="bottom"):
    ui.view_widget(st.segmented_control, "Step", "period", list(PERIODS), required=True,
                   format_func=str.capitalize)
    ui.view_widget(st.segmented_control, "Bars split by", "stack", list(STACKS), required=True,
                   format_func=str.capitalize)
period, stack = v.period, v.stack
parts = ui.totals_split(f, period, stack)
per = parts.groupby("label", as_index=False, sort=False)[["total_cny", "records", "articles"]].sum()
fig = charts.stacked_bar(parts, horizontal=False, currency=f.currency, rates=ui.rates_by(f, period),
                         selected=selected(period), part_name=stack)
ui.figure_section(f, f"Money by {period}", period, per, fig,
                  f"A record dated only by its year (or a span) has its own bar, '(no {period})', at the start "
                  "of its year.", sources_note=f"All articles of the filtered view: click a {period} to see its "
                  "own records and sentences.")

# --- top investors ------------------------------------------------------------------------
inv = ui.top_investors(f, 15)
more = len(inv) > 15
inv = inv.head(15)
if inv.empty:
    st.subheader("Top investors", anchor=False)
    st.info("No record of this view names an investor.")
else:
    fig = charts.totals_bar(inv, currency=f.currency, rates=ui.rates_by(f, "investor"), selected=selected("investor"))
    ui.figure_section(f, "Top investors", "investor", inv, fig,
                      ("The 15 largest shown; more are on the Deals page. " if more else "")
                      + "A record naming two investors counts in full under each, so the bars add up to more "
                      "than the total.", sources_note="All articles of the filtered view: click an investor to "
                      "see the records that name it.")

# --- sector -> subsector ----------------------------------------------------------------------
sub = ui.totals_split(f, "subsector", "sector", limit=15)
per_sub = sub.groupby("label", as_index=False, sort=False)[["total_cny", "records", "articles"]].sum()
fig = charts.stacked_bar(sub, currency=f.currency, rates=ui.rates_by(f, "subsector"),
                         selected=selected("subsector"), part_name="sector")
ui.figure_section(f, "Subsectors, coloured by sector", "subsector", per_sub, fig,
                  "The 15 largest subsectors; records without a subsector are one bar.",
                  sources_note="All articles of the filtered view: click a subsector to see its records.")

# --- cities side by side -------------------------------------------------------------------
st.subheader("Cities side by side", anchor=False)
cities = [c for c in ui.options().cities]
ui.view_widget(st.multiselect, "Compare", "compare", cities, max_selections=6, placeholder="Choose two or more cities")
chosen = list(ui.current_view().compare)
if len(chosen) < 2:
    st.caption("Choose two or more cities to compare their money sector by sector.")
else:
    fc = replace(f, cities=tuple(chosen))
    by = ui.totals_split(fc, "city", "sector")
    if ui.all_zero(by):
        st.info("These cities have no amounts in this view.")
    else:
        left, right = st.columns([3, 2], gap="large")
        with left:
            ui.plot(charts.stacked_bar(by, currency=f.currency, rates=ui.rates_by(fc, "city"), part_name="sector",
                                       selected=selected("city")), ui.chart_key("compare"), "city")
            st.caption("Click a city to see its records and sentences beside the chart.")
        with right:
            value = selected("city")
            if value in chosen:
                ui.drill_panel(fc, "city", value)
            else:
                ui.sources_panel(fc, title="Sources of these cities", limit=5)
