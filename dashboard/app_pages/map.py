"""Map: parks, zones and cities as markers sized by their totals, with the list of places
and the sources of a chosen place beside it."""
import streamlit as st

from dashboard import charts, ui

f = ui.current_filters()
ui.filter_caption(f)
pts = ui.map_points(f)
if pts.empty:
    st.info("No records with a known place match these filters. Remove a filter in the sidebar to see more.")
    st.stop()

located = pts.dropna(subset=["lat", "lon"])
left, right = st.columns([3, 2], gap="large")
with left:
    st.plotly_chart(charts.place_map(located, ui.province_context()), key="map",
                    config={"displayModeBar": False, "scrollZoom": True})
    st.caption("Marker area follows the total invested; grey names are provinces, for orientation. "
               "The map draws no background tiles, so it works offline.")
    missing = len(pts) - len(located)
    if missing:
        st.caption(f"{missing} place(s) have no coordinates yet and are only in the list.")
with right:
    st.markdown("**Places in this view**")
    table = pts.assign(
        Place=pts["name"], Kind=pts["kind"].map({"park": "park or zone", "city": "city"}).fillna(pts["kind"]),
        Where=[", ".join(x for x in (c if k == "park" else None, p) if isinstance(x, str) and x)
               for k, c, p in zip(pts["kind"], pts["city"], pts["province"])],
        Total=pts["total_cny"] / 1e9, Records=pts["records"], Articles=pts["articles"],
    )[["Place", "Kind", "Where", "Total", "Records", "Articles"]]
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "Total": st.column_config.NumberColumn("CNY bn", format="%.2f")})
    # The sources of one place; a park's records are those of its city with that park.
    labels = {f"{n} ({k})": (k, n) for n, k in zip(pts["name"], pts["kind"])}
    pick = st.selectbox("Sources for", list(labels), index=None, placeholder="All places in this view")
    if pick:
        kind, name = labels[pick]
        ui.sources_panel(f, "park" if kind == "park" else "city", name, title=f"Sources for {name}")
    else:
        ui.sources_panel(f, title="Sources of this map")
