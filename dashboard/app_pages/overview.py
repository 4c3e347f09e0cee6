"""Overview: the headline in its scope (committed money by default) with the other scopes
in words, totals by city and by sector, each with the records and sentences of a clicked
bar beside it (?show=city:Harbin), and the records behind a bar below."""
import streamlit as st

from dashboard import charts, ui

f = ui.current_filters()
ui.filter_caption(f)
h = ui.headline(f)
if not h["records"]:
    st.info("No records match these filters. Remove a filter in the sidebar, or count plans and lists too "
            "(Money counted: All), to see more.")
    ui.end_page()

c = st.columns([4, 2, 2, 2, 3])
ui.total_metric(c[0], f, h)
ui.metric(c[1], "Deals", f"{h['deals']:,}", help=f"plus {h['bundles']} bundle(s) and {h['events']} event(s)")
ui.metric(c[2], "Cities", f"{h['cities']:,}", help="named cities; the chart below also has province-wide "
            "amounts and records without a known place")
ui.metric(c[3], "Articles", f"{h['articles']:,}")
ui.metric(c[4], "No amount", f"{h['undisclosed']:,}", help="records in the view whose amount is not disclosed")
ui.scope_line(f, h)
ui.status_split(f)

# Stacked by status when plans and committed money are counted together: the reader sees
# which part of a bar is a plan.
stack = f.scope == "all"
for dim, title in (("city", "Totals by place"), ("sector", "Totals by sector")):
    df = ui.totals_by(f, dim)
    chosen = ui.current_view().drill()
    selected = chosen[1] if chosen and chosen[0] == dim else None
    rates = ui.rates_by(f, dim)
    if stack:
        top = df.head(15)
        parts = ui.totals_split(f, dim, "status", limit=15)
        fig = charts.stacked_bar(parts[parts["label"].isin(top["label"])], currency=f.currency, rates=rates,
                                 selected=selected)
    else:
        fig = charts.totals_bar(df, currency=f.currency, rates=rates, selected=selected)
    caption = ui.places_caption(df) if dim == "city" else (f"The 15 largest of {len(df)} shown. " if len(df) > 15
                                                           else "")
    ui.figure_section(f, title, dim, df, fig, caption + ("Bars split by status. " if stack else ""),
                      sources_note=f"All articles of the filtered view: click a {ui.DIM_WORDS[dim]} to see "
                                   "only its own records and sentences.")

st.subheader("The records behind a bar", anchor=False)
totals = {dim: ui.totals_by(f, dim) for dim in ("city", "sector")}
choices = [None] + [f"{dim}:{label}" for dim in totals for label in totals[dim]["label"]]
v = ui.current_view()
if v.show in choices:
    ui.view_widget(st.selectbox, "Show the records behind", "show", choices, placeholder="Choose a place or sector",
                   format_func=lambda c: "Choose a place or sector" if c is None else
                   ui.DIM_WORDS[c.split(":", 1)[0]].capitalize() + ": " + c.split(":", 1)[1])
    if v.show:
        dim, value = v.drill()
        n = ui.count_records(f, dim, value)
        total = totals[dim].set_index("label").loc[value, "total_cny"]
        st.markdown(f"**{ui.md_escape(value)}**: {ui.money(total, f.currency)} from {n} record{'s' * (n != 1)}"
                    + (" (the first 200 listed; all are on the Deals page)" if n > 200 else ""))
        st.caption(ui.BUNDLE_NOTE + " The bar adds the 'Adds to total' column.")
        recs = ui.records(f, dim, value, limit=200)
        chosen = recs[recs["record_id"] == ui.current_view().record]
        if len(chosen):  # a row clicked in the table below (?record=)
            ui.record_panel(f, next(chosen.itertuples(index=False)))
        ui.records_table(recs, f, compact=True, rows=12, select="bar_table")
else:  # a drill-down of another page (a quarter, an investor): its records are on Deals and More views
    st.caption(f"Drilled into {ui.md_escape(v.show)} on another page; choose a bar above to see its records here.")
