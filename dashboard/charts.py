"""Plotly figures and money formatting for the pages.

Pure functions: DataFrames in, `go.Figure` (or text) out; no Streamlit and no
database, so every figure can be built and checked in a plain test.
"""
from __future__ import annotations

import html
import math

import pandas as pd
import plotly.graph_objects as go

BLUE = "#1f5f99"
PALE = "#9bb8d3"  # the other bars while one is drilled into
PARK = "#d9822b"
GREY = "#8a94a3"
FONT = dict(family="sans-serif", size=13, color="#1c2430")
LABEL_ROOM = 78  # px right of a horizontal bar chart for the biggest bar's amount  # 15:1 on white: axis labels included
# Parts of a stacked bar: committed statuses in blues, plans in oranges, the rest grey;
# sectors in a qualitative palette. Each is readable next to the next.
PART_COLORS = {"signed": "#1f5f99", "started": "#3a86c8", "completed": "#0b3a66", "founded": "#6fa8dc",
               "listed": "#d9822b", "announced": "#f0b26b", "approved": "#a65c12", "(no status)": GREY}
PALETTE = ["#1f5f99", "#d9822b", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#b7950b",
           "#5d6d7e", "#e67e22", "#2874a6", "#943126"]


def money(cny: float | None, currency: str = "CNY") -> str:
    """An amount the way a reader says it: English units, three significant digits
    (trailing zeros dropped). The one money formatter of the app (ui re-exports it).

    >>> money(25_400_000_000), money(830_000_000), money(0), money(None)
    ('¥25.4 bn', '¥830 m', '¥0', 'undisclosed')
    >>> money(8_350_000_000), money(19_310_000_000), money(2_263_456_000_000), money(223e9)
    ('¥8.35 bn', '¥19.3 bn', '¥2.26 tn', '¥223 bn')
    >>> money(1_500_000_000, "USD"), money(2e12), money(999_600_000), money(-1_234_567)
    ('USD 1.5 bn', '¥2 tn', '¥1 bn', '-¥1.23 m')
    >>> money(512), money(3_456_000e12)
    ('¥512', '¥3,460,000 tn')
    """
    if cny is None or (isinstance(cny, float) and math.isnan(cny)):
        return "undisclosed"
    sign = "¥" if currency in ("CNY", "RMB", None) else f"{currency} "
    x = abs(float(cny))
    if x:  # round to three significant digits first, so 999.6 m reads "1 bn", not "1000 m"
        x = round(x, 2 - int(math.floor(math.log10(x))))
    for size, unit in ((1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k"), (1, "")):
        if x >= size or size == 1:
            v = x / size
            digits = max(0, 2 - int(math.floor(math.log10(v)))) if v >= 1 else 0
            text = f"{v:,.{digits}f}"
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            text += unit
            break
    return f"{'-' if cny < 0 else ''}{sign}{text}"


def yi(cny: float | None) -> str:
    """The same amount in 亿 (100 million), the unit Chinese sources use.

    >>> yi(25_400_000_000), yi(None)
    ('254 亿', '')
    """
    if cny is None or (isinstance(cny, float) and math.isnan(cny)):
        return ""
    return f"{cny / 1e8:,.{0 if cny >= 1e10 else 1}f} 亿"


def _layout(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(height=height, margin=dict(l=10, r=10, t=10, b=10), font=FONT,
                      plot_bgcolor="white", paper_bgcolor="white", showlegend=False,
                      hoverlabel=dict(bgcolor="white", font=dict(color=FONT["color"])))
    fig.update_xaxes(tickfont=dict(color=FONT["color"]), title_font=dict(color=FONT["color"]), automargin=True,
                     title_standoff=8)
    fig.update_yaxes(tickfont=dict(color=FONT["color"]), title_font=dict(color=FONT["color"]), automargin=True,
                     title_standoff=8)
    return fig


def enlarge(fig: go.Figure, factor: float = 1.35) -> go.Figure:
    """Bigger text (and bars' room for it) for a projector: meeting mode."""
    size = round(FONT["size"] * factor)
    fig.update_layout(font=dict(size=size), height=int((fig.layout.height or 300) * 1.2))
    if fig.layout.margin.r == LABEL_ROOM:
        fig.update_layout(margin=dict(r=int(LABEL_ROOM * factor)))
    fig.update_traces(textfont_size=size, selector=dict(type="bar"))
    return fig


def rate_note(rates: list[tuple[int, float]] | None, currency: str) -> str:
    """The conversions behind an amount not in yuan, for a hover.

    >>> rate_note([(2020, 6.9017), (2021, 6.4509)], "USD")
    'at ¥6.90 per USD (2020 average), ¥6.45 per USD (2021 average); ECB rates'
    >>> rate_note(None, "CNY")
    ''
    """
    if not rates or currency == "CNY":
        return ""
    return "at " + ", ".join(f"¥{r:.2f} per {currency} ({y} average)" for y, r in rates) + "; ECB rates"


def _text(value) -> str:
    """Untrusted text for Plotly, which reads <b>, <a href>, <br> in labels as markup.

    >>> _text('<a href="https://evil.example">x</a> & y')
    '&lt;a href=&quot;https://evil.example&quot;&gt;x&lt;/a&gt; &amp; y'
    """
    return html.escape(str(value))


def _hover(df: pd.DataFrame, currency: str = "CNY", rates: dict | None = None) -> list[str]:
    out = []
    for label, t, r, a in zip(df["label"], df["total_cny"].fillna(0), df["records"], df["articles"]):
        amount = f"{money(t)} ({yi(t)})" if currency == "CNY" else money(t, currency)
        note = rate_note((rates or {}).get(label), currency)
        out.append(f"<b>{_text(label)}</b><br>{amount}<br>{r} record{'s' * (r != 1)} from "
                   f"{a} article{'s' * (a != 1)}" + (f"<br>{_text(note)}" if note else ""))
    return out


def totals_bar(df: pd.DataFrame, max_bars: int = 15, currency: str = "CNY", rates: dict | None = None,
               selected: str | None = None) -> go.Figure:
    """Horizontal bars of totals (`label, total_cny, records, articles`), biggest on top.

    Bars are in billions of the currency so the axis reads like the headline; the label of
    each bar is kept in `customdata` so a click can say which one was chosen; the chosen
    one (`selected`) stays dark and the others pale. `rates`: label -> [(year, rate)] of
    the conversions, named on hover.
    """
    df = df.head(max_bars).iloc[::-1]  # plotly draws the first row at the bottom
    total = df["total_cny"].fillna(0)
    colors = [BLUE if selected is None or label == selected else PALE for label in df["label"]]
    fig = go.Figure(go.Bar(
        x=total / 1e9, y=[_text(label) for label in df["label"]], orientation="h", marker_color=colors,
        text=[money(t, currency) for t in total], textposition="outside", cliponaxis=False,
        customdata=df["label"], hovertext=_hover(df, currency, rates), hoverinfo="text"))
    fig.update_xaxes(title=f"{currency} billion", gridcolor="#e6e9ee", zeroline=False, nticks=5,
                     range=[0, max(float(total.max()) / 1e9, 0.001) * 1.05])
    fig.update_yaxes(automargin=True)
    fig = _layout(fig, height=max(220, 36 * len(df) + 70))
    # The longest bar's label is drawn past the axis, in a right margin wide enough for
    # "¥1,230 bn" at any width of the chart (a share of the axis would not be at 1024 px).
    fig.update_layout(margin=dict(r=LABEL_ROOM))
    return fig


def stacked_bar(df: pd.DataFrame, horizontal: bool = True, currency: str = "CNY", rates: dict | None = None,
                selected: str | None = None, part_name: str = "status") -> go.Figure:
    """Bars of `label` split into `part` (`label, part, total_cny, records, articles`),
    in the order of the rows' labels (first on top, or first on the left), one colour per
    part with a legend; a click gives the bar's label in `customdata`."""
    labels = list(dict.fromkeys(df["label"]))
    parts = list(dict.fromkeys(df.sort_values("total_cny", ascending=False)["part"]))
    if part_name == "status":  # committed statuses first, then plans, in the legend and the stack
        parts.sort(key=lambda p: list(PART_COLORS).index(p) if p in PART_COLORS else len(PART_COLORS))
    fig = go.Figure()
    for i, part in enumerate(parts):
        sub = df[df["part"] == part].set_index("label").reindex(labels)
        sub = sub[sub["total_cny"].notna()].reset_index()
        if horizontal:
            sub = sub.iloc[::-1]
        total = sub["total_cny"].fillna(0) / 1e9
        color = PART_COLORS.get(part) if part_name == "status" else None
        opacity = [1.0 if selected is None or x == selected else 0.45 for x in sub["label"]]
        hover = [h + f"<br>{part_name}: {_text(part)}" for h in _hover(sub, currency, rates)]
        fig.add_trace(go.Bar(
            x=total if horizontal else [_text(x) for x in sub["label"]],
            y=[_text(x) for x in sub["label"]] if horizontal else total,
            orientation="h" if horizontal else "v", name=_text(part), customdata=sub["label"],
            marker=dict(color=color or PALETTE[i % len(PALETTE)], opacity=opacity),
            hovertext=hover, hoverinfo="text"))
    # Each bar's total at its end, as on the plain bars.
    sums = df.groupby("label", sort=False)["total_cny"].sum().reindex(labels).fillna(0)
    if horizontal:
        sums = sums.iloc[::-1]
    ends, names = sums / 1e9, [_text(x) for x in sums.index]
    if horizontal:  # upright bars stand too close for a label each: their hover says the amount
        fig.add_trace(go.Scatter(
            x=ends, y=names, mode="text", text=[money(t, currency) for t in sums], textposition="middle right",
            customdata=list(sums.index), hoverinfo="skip", showlegend=False, cliponaxis=False))
    axis = dict(title=f"{currency} billion", gridcolor="#e6e9ee", zeroline=False, nticks=5,
                range=[0, max(float(sums.max()) / 1e9, 0.001) * (1.05 if horizontal else 1.15)])
    if horizontal:
        fig.update_xaxes(**axis)
        fig.update_yaxes(automargin=True, categoryorder="array", categoryarray=[_text(x) for x in labels[::-1]])
    else:
        fig.update_yaxes(**axis)
        fig.update_xaxes(automargin=True, type="category", categoryorder="array",
                         categoryarray=[_text(x) for x in labels])
    fig.update_layout(barmode="stack")
    # The legend above the bars, two or three entries a row (plotly otherwise stacks a long one
    # into a column that squeezes the bars), with the room it takes added on top.
    per_row = 2 if max((len(str(p)) for p in parts), default=0) > 15 else 3  # long names need half a row
    legend_px = 20 * math.ceil(len(parts) / per_row) + 10
    fig = _layout(fig, height=(max(260, 36 * len(labels) + 90) if horizontal else 380) + legend_px)
    fig.update_layout(showlegend=True, margin=dict(r=LABEL_ROOM if horizontal else 10, t=legend_px),
                      legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, xanchor="left",
                                  entrywidthmode="fraction", entrywidth=1 / per_row - 0.01, font=dict(size=12)))
    return fig


def _plain(value) -> str:
    """A figure's label (escaped for Plotly by `_text`) as safe HTML text: unescaped once,
    escaped once, so '&amp;' stays one ampersand and markup stays text."""
    return html.escape(html.unescape(str(value)))


def preview(fig: go.Figure) -> str | None:
    """The horizontal bars of `fig` (`totals_bar`, or `stacked_bar` lying down) as plain HTML
    and CSS: the same bars, colours, order and amounts, drawn without Plotly's code.

    A viewer's browser fetches and runs Plotly's code (4.7 MB) only when the first chart of a
    session arrives, which takes seconds on a loaded machine; this shows the figures
    meanwhile, in the chart's place, until Plotly has drawn the chart itself (ui.plot). None
    for any other figure (upright bars, maps): those wait for Plotly.

    >>> df = pd.DataFrame({"label": ["Harbin", "A & B"], "total_cny": [19.3e9, 1e9],
    ...                    "records": [7, 1], "articles": [2, 1]})
    >>> out = preview(totals_bar(df))
    >>> out.index("Harbin") < out.index("A &amp; B"), "¥19.3 bn" in out, "width:95.2" in out
    (True, True, True)
    >>> preview(go.Figure(go.Bar(x=["a"], y=[1]))) is None
    True
    """
    bars = [t for t in fig.data if t.type == "bar"]
    if not bars or any(t.orientation != "h" for t in bars):
        return None
    lo, hi = fig.layout.xaxis.range or (0, max((max(t.x, default=0) for t in bars), default=0) or 1)
    span = (hi - lo) or 1
    order = fig.layout.yaxis.categoryarray or list(bars[0].y)
    rows: dict = {label: [] for label in reversed(list(order))}  # Plotly draws the first category lowest
    ends = {}
    for t in bars:
        colors = t.marker.color if isinstance(t.marker.color, (list, tuple)) else [t.marker.color] * len(t.y)
        opacity = t.marker.opacity if isinstance(t.marker.opacity, (list, tuple)) else [t.marker.opacity] * len(t.y)
        texts = list(t.text) if isinstance(t.text, (list, tuple)) else [None] * len(t.y)
        for label, x, color, alpha, text in zip(t.y, t.x, colors, opacity, texts):
            rows.setdefault(label, []).append((max(float(x or 0), 0.0), color or BLUE, 1.0 if alpha is None else alpha))
            if text:
                ends[label] = text
    for t in fig.data:  # a stacked chart writes each bar's total as a text trace at its end
        if t.type == "scatter" and t.mode == "text":
            ends.update(zip(t.y, t.text))
    height = fig.layout.height or 300
    out = [f'<div class="chart-preview" style="height:{int(height)}px" role="img" '
           f'aria-label="{html.escape(str(fig.layout.xaxis.title.text or ""))}">']
    for label, parts in rows.items():
        width = sum(x for x, _, _ in parts) / span * 100
        segments = "".join(f'<span style="flex:{x:.6g} 0 0;background:{c};opacity:{a:g}"></span>'
                           for x, c, a in parts if x > 0)
        end = f'<span class="cp-end">{_plain(ends[label])}</span>' if label in ends else ""
        out.append(f'<div class="cp-label">{_plain(label)}</div><div class="cp-track">'
                   f'<span class="cp-bar" style="width:{min(width, 100):.1f}%">{segments}{end}</span></div>')
    title = fig.layout.xaxis.title.text
    out.append(f'<div></div><div class="cp-axis">{_plain(title)}</div>' if title else "")
    return "".join(out) + "</div>"


# How a preview looks: the chart's grid of labels and bars, the amount past each bar's end.
PREVIEW_CSS = f"""
.chart-preview {{display: grid; grid-template-columns: max-content 1fr; grid-auto-rows: 1fr; column-gap: 8px;
                 align-items: center; padding: 10px {LABEL_ROOM}px 10px 10px; box-sizing: border-box;
                 font-family: {FONT["family"]}; font-size: {FONT["size"]}px; color: {FONT["color"]};}}
.chart-preview .cp-label {{text-align: right; white-space: nowrap; max-width: 40vw; overflow: hidden;
                           text-overflow: ellipsis;}}
.chart-preview .cp-track {{height: 70%; border-left: 1px solid #e6e9ee;}}
.chart-preview .cp-bar {{position: relative; display: flex; height: 100%;}}
.chart-preview .cp-end {{position: absolute; left: 100%; top: 50%; transform: translateY(-50%); padding-left: 4px;
                         white-space: nowrap;}}
.chart-preview .cp-axis {{text-align: center; align-self: end;}}
"""


def outside_parks(points: pd.DataFrame) -> pd.Series:
    """For each point of `map_points`: True for a city whose named parks have markers of
    their own, so the city's marker holds only the money outside them.

    >>> pts = pd.DataFrame({"name": ["Chengdu", "Hi-Tech Zone", "Harbin"], "kind": ["city", "park", "city"],
    ...                     "city": ["Chengdu", "Chengdu", "Harbin"], "province": ["Sichuan"] * 2 + ["Heilongjiang"]})
    >>> outside_parks(pts).tolist()
    [True, False, False]
    """
    parks = {(c, p) for k, c, p in zip(points["kind"], points["city"], points["province"]) if k == "park"}
    return pd.Series([k == "city" and (n, p) in parks
                      for n, k, p in zip(points["name"], points["kind"], points["province"])], index=points.index)


# The fill of a region: pale grey (nothing in the view) to a light slate blue, so the
# markers (blue cities, orange parks) stay the strongest marks on the map.
REGION_SCALE = [[0.0, "#f3f4f6"], [0.001, "#e3e9f1"], [1.0, "#8da4c4"]]
REGION_LINE = "#9aa3b0"
# China from Kashgar to the Ussuri and from Hainan to Mohe: the map's opening frame.
CHINA = pd.DataFrame({"lat": [19.0, 52.0], "lon": [74.0, 134.0]})
SPREAD_PX = 16  # markers closer than this (pixels at the opening zoom) are drawn apart


def point_keys(points: pd.DataFrame) -> list[str]:
    """How the URL (`?place=`) names each map point: its name; with its kind when a park and a
    city share the name; with its province too when two places still do (two Fuzhous).

    >>> pts = pd.DataFrame({"name": ["Fuzhou", "Fuzhou", "Nansha", "Nansha", "Harbin"],
    ...                     "kind": ["city", "city", "park", "city", "city"],
    ...                     "province": ["Jiangxi", "Fujian", "Guangdong", "Guangdong", "Heilongjiang"]})
    >>> point_keys(pts)
    ['Fuzhou (city, Jiangxi)', 'Fuzhou (city, Fujian)', 'Nansha (park)', 'Nansha (city)', 'Harbin']
    """
    names = list(points["name"])
    pairs = list(zip(points["name"], points["kind"]))
    out = []
    for name, kind, prov in zip(points["name"], points["kind"], points["province"]):
        if names.count(name) == 1:
            out.append(str(name))
        elif pairs.count((name, kind)) == 1:
            out.append(f"{name} ({kind})")
        else:
            out.append(f"{name} ({kind}, {prov})")
    return out


def spread(points: pd.DataFrame, zoom: float, step_px: float = SPREAD_PX) -> pd.DataFrame:
    """Markers that would sit on one spot (parks placed at or beside their city's point) moved
    apart on a small spiral around the biggest of them, which stays where it is: `lat`, `lon`
    become where each is drawn and `moved` says how many others share its spot (0: drawn
    where it is).

    Distances are screen pixels at the map's opening `zoom` (a pixel is 360 / (512 * 2**zoom)
    degrees of longitude; a degree of latitude is 1/cos(lat) times as many pixels): points
    closer than `step_px` share a spot, and the n-th around it is 0.8 * step_px * sqrt(n) pixels
    away: a spot of six stays within ~30 pixels, near where its places are.

    >>> pts = pd.DataFrame({"lat": [30.0, 30.0, 30.001, 45.0], "lon": [104.0, 104.0, 104.0, 126.0],
    ...                     "total_cny": [5.0, 9.0, 1.0, 2.0]})
    >>> out = spread(pts, zoom=4)
    >>> out["moved"].tolist(), out.loc[1, ["lat", "lon"]].tolist(), out.loc[3, ["lat", "lon"]].tolist()
    ([2, 2, 2, 0], [30.0, 104.0], [45.0, 126.0])
    >>> bool(out.loc[0, "lon"] != 104.0 and out.loc[2, "lon"] != out.loc[0, "lon"])
    True
    """
    out = points.copy()
    out["moved"] = 0
    px = 360 / (512 * 2 ** zoom)  # degrees of longitude per pixel

    def apart(a, b) -> float:  # pixels between two points
        dx = (a[1] - b[1]) / px
        dy = (a[0] - b[0]) / (px * math.cos(math.radians(a[0])))
        return math.hypot(dx, dy)

    groups: list[tuple[tuple[float, float], list]] = []  # (anchor, members), biggest first
    for idx in sorted(points.index, key=lambda i: -float(points.at[i, "total_cny"] or 0)):
        here = (float(points.at[idx, "lat"]), float(points.at[idx, "lon"]))
        for anchor, members in groups:
            if apart(here, anchor) < step_px:
                members.append(idx)
                break
        else:
            groups.append((here, [idx]))
    for (lat, lon), members in groups:
        if len(members) < 2:
            continue
        deg = px * step_px * 0.8
        for n, idx in enumerate(members):
            # Vogel's spiral: even spacing, no two on one ray, the first at the centre
            r, angle = deg * math.sqrt(n), n * math.radians(137.508)
            out.at[idx, "lon"] = lon + r * math.cos(angle)
            out.at[idx, "lat"] = lat + r * math.sin(angle) * math.cos(math.radians(lat))
            out.at[idx, "moved"] = len(members) - 1
    return out


def _region_hover(name: str, level: str, row, currency: str = "CNY") -> str:
    head = f"<b>{_text(name)}</b> ({level})"
    if row is None or not row.records:
        return head + "<br>no records in this view"
    r, a = int(row.records), int(row.articles)
    return (f"{head}<br>{money(row.total_cny, currency)}<br>{r} record{'s' * (r != 1)}, {a} article{'s' * (a != 1)}"
            "<br><i>click to show this " + level + "</i>")


def region_layer(fc: dict, totals: pd.DataFrame, level: str, peak: float,
                 currency: str = "CNY") -> go.Choroplethmap | None:
    """One choropleth of `fc`'s outlines, filled by money: `totals` has name (and, for cities,
    province), total_cny, records, articles. Every outline is drawn, those without records in
    pale grey, so China's shape is always there; hover names the region under the cursor."""
    feats = fc.get("features") or []
    if not feats:
        return None
    keyed = {((r.province, r.name) if level == "city" else r.name): r for r in totals.itertuples(index=False)}
    rows = [keyed.get((f["properties"]["province"], f["properties"]["name"]) if level == "city"
                      else f["properties"]["name"]) for f in feats]
    # square root, as the markers' area: one province-wide plan should not wash out the rest
    z = [math.sqrt(max(float(r.total_cny), 0.0) / peak) if r is not None and peak > 0 else 0.0 for r in rows]
    return go.Choroplethmap(
        geojson=fc, locations=[f["id"] for f in feats], z=z, zmin=0, zmax=1,
        colorscale=REGION_SCALE, showscale=False, name="Province" if level == "province" else "City area",
        marker=dict(opacity=0.75, line=dict(color=REGION_LINE, width=0.8 if level == "province" else 0.5)),
        customdata=[[level, f["properties"]["name"], f["properties"]["province"]] for f in feats],
        hovertext=[_region_hover(f["properties"]["name"], level, r, currency) for f, r in zip(feats, rows)],
        hoverinfo="text", showlegend=False)


def place_map(points: pd.DataFrame, provinces: dict | None = None, province_totals: pd.DataFrame | None = None,
              cities: dict | None = None, city_totals: pd.DataFrame | None = None,
              currency: str = "CNY") -> go.Figure:
    """Parks and cities as markers sized by total, over China's province outlines filled by
    money (and, for a chosen province, its cities'), on a map that loads no tiles.

    `points`: name, kind ("park"|"city"), city, province, lat, lon, total_cny, records,
    articles. `provinces`/`cities` are GeoJSON FeatureCollections of `dashboard.geo`;
    `province_totals` (name, total_cny, records, articles) and `city_totals` (the same and
    province) fill them. Markers that share a point are spread (see `spread`). Each trace's
    `customdata` starts with what a click chooses: ["province"|"city"|"park", name, ...].
    Nothing on the map is drawn as text: the "white-bg" style loads no tiles, but MapLibre
    would fetch glyph fonts from the internet for text labels.
    """
    fig = go.Figure()
    pts = points.dropna(subset=["lat", "lon"])
    # Until a province is drilled into, the map opens on all of China's outline; then on
    # that province's cities and the markers.
    if (cities or {}).get("features"):
        frame = pd.concat([pts[["lat", "lon"]], _extent(cities)])
    else:
        frame = CHINA if (provinces or {}).get("features") else pts
    center, zoom = _view(frame)
    empty = pd.DataFrame(columns=["name", "province", "total_cny", "records", "articles"])
    regions = [(provinces, province_totals, "province"), (cities, city_totals, "city")]
    for fc, totals, level in regions:
        totals = empty if totals is None else totals
        peak = float(totals["total_cny"].max()) if len(totals) else 0.0
        layer = region_layer(fc or {}, totals, level, peak, currency)
        if layer is not None:
            fig.add_trace(layer)
    peak = max(float(pts["total_cny"].fillna(0).max() or 0), 1.0) if len(pts) else 1.0
    # Area, not radius, follows the total; undisclosed places still show as dots.
    sizes = 8 + 42 * (pts["total_cny"].fillna(0) / peak) ** 0.5
    drawn = spread(pts, zoom) if len(pts) else pts.assign(moved=0)
    keys = dict(zip(pts.index, point_keys(pts))) if len(pts) else {}
    for kind, color, label in (("city", BLUE, "City"), ("park", PARK, "Park or zone")):
        # biggest first, so a small marker is drawn over a big one it touches
        sub = drawn[drawn["kind"] == kind].sort_values("total_cny", ascending=False)
        if sub.empty:
            continue
        total = sub["total_cny"].fillna(0)
        outside = outside_parks(points).reindex(sub.index, fill_value=False)
        hover = [f"<b>{_text(n)}</b>{', outside its named parks' if o else ''} "
                 f"({label.lower()}{', ' + _text(c) if kind == 'park' and isinstance(c, str) and c else ''})<br>"
                 f"{money(t, currency)}<br>{r} record{'s' * (r != 1)}, {a} article{'s' * (a != 1)}"
                 + (f"<br>drawn a little off its point, which {m} other place{'s' * (m != 1)} share"
                    if m else "") + "<br><i>click to show its sources</i>"
                 for n, c, t, r, a, o, m in zip(sub["name"], sub["city"], total, sub["records"],
                                                sub["articles"], outside, sub["moved"])]
        fig.add_trace(go.Scattermap(
            lat=sub["lat"].tolist(), lon=sub["lon"].tolist(), mode="markers", name=label,
            customdata=[[kind, n, c, p, keys[i]] for i, n, c, p in zip(sub.index, sub["name"], sub["city"],
                                                                        sub["province"])],
            marker=dict(size=sizes[sub.index], color=color, opacity=0.75, sizemode="diameter"),
            hovertext=hover, hoverinfo="text"))
    # hoverdistance: a marker answers only under the cursor (plotly's default reaches 20 pixels
    # beyond it), so hover and click name the region there, not the nearest city.
    fig.update_layout(map=dict(style="white-bg", center=center, zoom=zoom), hoverdistance=1)
    fig = _layout(fig, height=520)
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=0))
    return fig


def _extent(fc: dict) -> pd.DataFrame:
    """The corners (lat, lon) of the box around a FeatureCollection of polygons.

    >>> _extent({"features": [{"geometry": {"type": "Polygon", "coordinates": [[[100, 30], [104, 33], [100, 30]]]}}]})
       lat    lon
    0   30  100.0
    1   33  104.0
    """
    lons, lats = [], []
    for f in fc["features"]:
        g = f["geometry"]
        for polygon in ([g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]):
            for ring in polygon:
                lons.extend(c[0] for c in ring)
                lats.extend(c[1] for c in ring)
    return pd.DataFrame({"lat": [min(lats), max(lats)], "lon": [float(min(lons)), float(max(lons))]})


def _view(pts: pd.DataFrame, width: int = 500, height: int = 440) -> tuple[dict, float]:
    """Centre and zoom that frame the markers in a map of about width x height pixels.

    At zoom z the world is 512 * 2**z pixels wide (MapLibre's 512-pixel tiles), so a
    span of d degrees of longitude takes 512 * 2**z * d / 360 pixels; latitude is treated
    as 1.25 times longer, which is close enough for China's latitudes.
    """
    if pts.empty:
        return dict(lat=35.0, lon=105.0), 2.5
    lat0, lat1 = float(pts["lat"].min()), float(pts["lat"].max())
    lon0, lon1 = float(pts["lon"].min()), float(pts["lon"].max())
    # at least a few degrees, so one city still shows its neighbours for orientation
    lon_span = max(lon1 - lon0, 5.0) * 1.25  # margin for the markers' size
    lat_span = max(lat1 - lat0, 4.0) * 1.25 * 1.25
    zoom = min(math.log2(width * 360 / (512 * lon_span)), math.log2(height * 360 / (512 * lat_span)))
    return dict(lat=(lat0 + lat1) / 2, lon=(lon0 + lon1) / 2), max(1.5, min(8.0, zoom))
