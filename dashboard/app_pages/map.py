"""Map: China's provinces filled by money, parks, zones and cities as markers sized by their
totals, with the list of places and the sources of a chosen place beside it. A click on a
region or marker drills down; the chosen place is `?place=` in the URL."""
import streamlit as st

from dashboard import charts, geo, ui, ui_map

f = ui.current_filters()
ui.filter_caption(f)
pts = ui.map_points(f)
if pts.empty:
    st.info("No records with a known place match these filters. Remove a filter in the sidebar to see more.")
    ui.end_page()

located = pts.dropna(subset=["lat", "lon"]).reset_index(drop=True)
keys = charts.point_keys(located)
chosen = ui_map.chosen_place(located, keys)
left, right = st.columns([3, 2], gap="large")
with left:
    key = ui_map.chart_key(f)
    st.plotly_chart(ui_map.figure(f, located), key=key, on_select=ui_map.on_click(key), theme=None,
                    selection_mode="points", config={"displayModeBar": False, "scrollZoom": True})
    drilled = ui_map.drilled_provinces(f, located)
    st.caption("Marker area follows the total invested; a region's shade follows the money of its records "
               f"({'its cities inside ' + ', '.join(drilled) if drilled else 'click a province to see its cities'}). "
               "Click a region or a marker to show only it. Markers that share a point are drawn a little "
               "apart on a small spiral around it (hover says so). The map draws no background tiles, so it "
               "works offline.")
    st.caption(f"Outlines: {ui.md_escape(geo.source())}.")
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
        "Total": st.column_config.NumberColumn(f"{f.currency} bn", format="%.2f")})
    # The sources of one marker: exactly the records drawn there (a city's marker leaves
    # out its records drawn at a park marker), by the rule map_points uses.
    names = {None: "All places in this view", **ui_map.labels(located, keys)}
    ui.view_widget(st.selectbox, "Sources for", "place", [None, *keys], format_func=names.get)
    if chosen:
        point = ui_map.point_of(located, keys, chosen)
        ui.sources_panel(f, point=point, title=f"Sources for {point[0]}")
    else:
        ui.sources_panel(f, title="Sources of this map",
                         note="All articles of the filtered view; choose a place above, or click it on the map, "
                              "to see only its own.")
