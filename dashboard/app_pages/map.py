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
provinces = ui.province_points()
left, right = st.columns([3, 2], gap="large")
with left:
    st.plotly_chart(charts.place_map(located, provinces), key="map",
                    config={"displayModeBar": False, "scrollZoom": True})
    st.caption("Marker area follows the total invested"
               + ("; small grey dots are provinces, for orientation (hover for names). " if len(provinces) else ". ")
               + "The map draws no background tiles, so it works offline.")
    missing = len(pts) - len(located)
    if missing:
        st.caption(f"{missing} place(s) have no coordinates yet and are only in the list.")
    ui.unmapped_note(f)
with right:
    st.markdown("**Places in this view**")
    table = pts.assign(
        Place=pts["name"], Kind=[ui.point_kind(k, o) for k, o in zip(pts["kind"], charts.outside_parks(pts))],
        Where=[", ".join(x for x in (c if k == "park" else None, p) if isinstance(x, str) and x)
               for k, c, p in zip(pts["kind"], pts["city"], pts["province"])],
        Total=pts["total_cny"] / 1e9, Records=pts["records"], Articles=pts["articles"],
    )[["Place", "Kind", "Where", "Total", "Records", "Articles"]]
    st.dataframe(table, hide_index=True, width="stretch", column_config={
        "Place": st.column_config.TextColumn(width=170), "Kind": st.column_config.TextColumn(width=150),
        "Total": st.column_config.NumberColumn("CNY bn", format="%.2f")})
    # The sources of one marker: exactly the records drawn there (a city's marker leaves
    # out its records drawn at a park marker), by the rule map_points uses.
    same_name = located.duplicated(["name", "kind"], keep=False)
    labels: dict[str, tuple] = {}
    for row, twin, out in zip(located.itertuples(index=False), same_name, charts.outside_parks(located)):
        where = f", {row.province}" if twin and isinstance(row.province, str) else ""  # two Fuzhous
        label = f"{row.name} ({ui.point_kind(row.kind, out)}{where})"
        labels.setdefault(label, (row.name, row.kind, float(row.lat), float(row.lon)))
    pick = st.selectbox("Sources for", list(labels), index=None, placeholder="All places in this view")
    if pick:
        point = labels[pick]
        ui.sources_panel(f, point=point, title=f"Sources for {point[0]}")
    else:
        ui.sources_panel(f, title="Sources of this map",
                         note="All articles of the filtered view; choose a place above to see only its own.")
