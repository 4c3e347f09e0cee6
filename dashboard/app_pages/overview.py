"""Overview: headline numbers, totals by city and by sector, each with its sources beside
it, and the records behind any one bar."""
import streamlit as st

from dashboard import charts, ui

f = ui.current_filters()
ui.filter_caption(f)
h = ui.headline(f)
if not h["records"]:
    st.info("No records match these filters. Remove a filter in the sidebar to see more.")
    st.stop()

c = st.columns([3, 2, 2, 2, 3])
ui.total_metric(c[0], f, h)
c[1].metric("Deals", f"{h['deals']:,}", help=f"plus {h['bundles']} bundle(s) and {h['events']} event(s)")
c[2].metric("Cities", f"{h['cities']:,}", help="named cities; the chart below also has province-wide "
            "amounts and records without a known place")
c[3].metric("Articles", f"{h['articles']:,}")
c[4].metric("No amount disclosed", f"{h['undisclosed']:,}", help="records in the view whose amount is not given")
ui.status_split(f)

# Which bar's records to list; kept in the URL (?show=city:Harbin) so the view can be shared.
CHOICE = "show"


def _pick(dim: str):
    def pick() -> None:
        points = st.session_state[f"chart_{dim}"].selection.points
        if points:
            st.session_state[CHOICE] = f"{dim}:{points[0]['customdata']}"
    return pick


totals = {dim: ui.totals_by(f, dim) for dim in ("city", "sector")}
choices = [f"{dim}:{label}" for dim in totals for label in totals[dim]["label"]]
if CHOICE not in st.session_state:
    wanted = st.query_params.get(CHOICE)
    if wanted and wanted not in choices:
        st.warning(f"Ignored show '{ui.md_escape(wanted)}': no bar has that name in this view.")
    st.session_state[CHOICE] = wanted if wanted in choices else None
elif st.session_state[CHOICE] not in choices:
    st.session_state[CHOICE] = None  # the filters changed under the chosen bar
chosen = st.session_state[CHOICE]

for dim, df in totals.items():
    st.subheader(f"Totals by {dim}")
    left, right = st.columns([3, 2], gap="large")
    with left:
        if ui.all_zero(df):  # a chart of ¥0 bars on a 0-0.001 axis says nothing
            st.info(f"No amounts to chart by {dim}: the records of this view (events, or deals whose amount "
                    "is not disclosed) add nothing to totals. Choose a bar name below, or open the Deals "
                    "page, to read them; or remove a filter in the sidebar.")
        else:
            st.plotly_chart(charts.totals_bar(df), key=f"chart_{dim}", on_select=_pick(dim),
                            selection_mode="points", config={"displayModeBar": False})
            shown = ui.places_caption(df) if dim == "city" else (
                f"The 15 largest of {len(df)} shown. " if len(df) > 15 else "")
            st.caption(shown + "Click a bar to see its sources here and its records below.")
    with right:
        if chosen and chosen.startswith(dim + ":"):
            value = chosen.split(":", 1)[1]
            ui.sources_panel(f, dim, value, title=f"Sources for {value}")
        else:
            ui.sources_panel(f, title=f"Sources of the totals by {dim}", limit=6,
                             note=f"All articles of the filtered view, so the same for both charts "
                                  f"until a bar is chosen: click a {dim} bar to see only its own.")

st.subheader("The records behind a bar")
st.selectbox("Show the records behind", choices, key=CHOICE, placeholder="Choose a city or sector",
             format_func=lambda c: c.split(":", 1)[0].capitalize() + ": " + c.split(":", 1)[1])
if chosen:
    if st.query_params.get(CHOICE) != chosen:
        st.query_params[CHOICE] = chosen
    dim, value = chosen.split(":", 1)
    n = ui.count_records(f, dim, value)
    total = totals[dim].set_index("label").loc[value, "total_cny"]
    st.markdown(f"**{ui.md_escape(value)}**: {ui.money(total)} from {n} record{'s' * (n != 1)}"
                + (" (the first 200 listed; all are on the Deals page)" if n > 200 else ""))
    st.caption(ui.BUNDLE_NOTE + " The bar adds the 'Adds to total' column.")
    ui.records_table(ui.records(f, dim, value, limit=200), f, compact=True, rows=12)
else:
    st.query_params.pop(CHOICE, None)
