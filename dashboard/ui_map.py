"""The Map page's pieces: the figure with China's outlines, what a click on it does to the
filters, and the place whose sources are listed (`?place=`), kept in the URL.

A click on a province drills down to it (`province=`, its cities' outlines then drawn); on a
city's outline, to that city; on a marker, to its city, listing that marker's own sources.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, geo, ui
from dashboard.filters import Filters, url_params

_PICK = "_map_pick"  # (kind, name, province) of a clicked marker, until the next run names its key


def drilled_provinces(f: Filters, points: pd.DataFrame) -> list[str]:
    """The provinces whose cities' outlines to draw: the chosen provinces, or those of the
    chosen cities."""
    if f.provinces:
        return list(f.provinces)
    if f.cities:
        return sorted({p for p in points["province"].dropna()})
    return []


def figure(f: Filters, located: pd.DataFrame):
    inside = drilled_provinces(f, located)
    return charts.place_map(
        located, geo.provinces(), ui.region_totals(f, "province"),
        geo.cities(inside) if inside else None, ui.region_totals(f, "city") if inside else None,
        currency=f.currency)


def chart_key(f: Filters) -> str:
    """Changes with the view, so a new view (or Back) never keeps a stale selection drawn."""
    return "map_" + "&".join(f"{k}={v}" for k, v in url_params(f, ui.current_view()).items())


def on_click(key: str):
    """A click on the map (Streamlit's point selection, before the page runs again): filter to
    what was clicked. Only values the sidebar offers are set, so the URL stays valid."""
    def click() -> None:
        points = st.session_state[key].selection.points
        if not points or not points[0].get("customdata"):
            return
        data = points[0]["customdata"]
        opts = ui.options()
        kind, name = data[0], data[1]

        def choose(param: str, value) -> None:
            ok = isinstance(value, str) and value in getattr(opts, param)
            st.session_state[ui.STATE[param]] = [value] if ok else []

        if len(data) == 3:  # an outline: [level, name, province]
            choose("provinces", name if kind == "province" else data[2])
            choose("cities", None if kind == "province" else name)
            ui.set_view(place=None, show=None, page=1)
            return
        _, _, city, province, point_key = data  # a marker: [kind, name, city, province, key]
        choose("provinces", province)
        choose("cities", city if kind == "park" else name)
        ui.set_view(place=point_key, show=None, page=1)
        st.session_state[_PICK] = (kind, name, province)
    return click


def chosen_place(located: pd.DataFrame, keys: list[str]) -> str | None:
    """The point whose sources to list (`?place=`): a clicked marker, under the key it has in
    the drilled-down view; None (all places) when it is not on this map, with a notice."""
    pick = st.session_state.pop(_PICK, None)
    if pick is not None:
        for key, k, n, p in zip(keys, located["kind"], located["name"], located["province"]):
            if (k, n, p) == pick and ui.current_view().place != key:
                ui.set_view(place=key)
                ui.write_url()
    wanted = ui.current_view().place
    if wanted and wanted not in keys:
        st.warning(f"Ignored place '{ui.md_escape(wanted[:80])}': it is not on the map of this view.",
                   icon=":material/link_off:")
        ui.set_view(place=None)
        ui.write_url()
        return None
    return wanted


def labels(located: pd.DataFrame, keys: list[str]) -> dict[str, str]:
    """How the "Sources for" choice names each point (key -> label)."""
    same_name = located.duplicated(["name", "kind"], keep=False)
    out = {}
    for key, row, twin, outside in zip(keys, located.itertuples(index=False), same_name,
                                       charts.outside_parks(located)):
        where = f", {row.province}" if twin and isinstance(row.province, str) else ""  # two Fuzhous
        out[key] = f"{row.name} ({ui.point_kind(row.kind, outside)}{where})"
    return out


def point_of(located: pd.DataFrame, keys: list[str], key: str) -> tuple:
    row = located.iloc[keys.index(key)]
    return (row["name"], row["kind"], float(row["lat"]), float(row["lon"]))
