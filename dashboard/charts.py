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


def place_map(points: pd.DataFrame, context: pd.DataFrame | None = None) -> go.Figure:
    """Parks and cities as markers sized by total, on a map that needs no tiles.

    `points`: name, kind ("park"|"city"), city, province, lat, lon, total_cny,
    records, articles. `context` (name, lat, lon: the provinces) is drawn underneath
    as small grey dots, named on hover, so a reader can place the markers without any
    map tiles. Nothing on the map is drawn as text: the "white-bg" style loads no
    tiles, but MapLibre would fetch glyph fonts from the internet for text labels.
    """
    fig = go.Figure()
    if context is not None and len(context):
        fig.add_trace(go.Scattermap(
            lat=context["lat"], lon=context["lon"], mode="markers",
            hovertext=[_text(n) for n in context["name"]], hoverinfo="text",
            marker=dict(size=6, color="#c3c9d2"), name="Province (for orientation)"))
    pts = points.dropna(subset=["lat", "lon"])
    peak = max(float(pts["total_cny"].fillna(0).max() or 0), 1.0) if len(pts) else 1.0
    for kind, color, label in (("city", BLUE, "City"), ("park", PARK, "Park or zone")):
        sub = pts[pts["kind"] == kind]
        if sub.empty:
            continue
        total = sub["total_cny"].fillna(0)
        # Area, not radius, follows the total; undisclosed places still show as dots.
        size = 8 + 42 * (total / peak) ** 0.5
        outside = outside_parks(points).reindex(sub.index, fill_value=False)
        hover = [f"<b>{_text(n)}</b>{', outside its named parks' if o else ''} "
                 f"({label.lower()}{', ' + _text(c) if kind == 'park' and isinstance(c, str) and c else ''})<br>"
                 f"{money(t)}<br>{r} record{'s' * (r != 1)}, {a} article{'s' * (a != 1)}"
                 for n, c, t, r, a, o in zip(sub["name"], sub["city"], total, sub["records"], sub["articles"], outside)]
        fig.add_trace(go.Scattermap(
            lat=sub["lat"], lon=sub["lon"], mode="markers", name=label, customdata=sub["name"],
            marker=dict(size=size, color=color, opacity=0.7, sizemode="diameter"),
            hovertext=hover, hoverinfo="text"))
    center, zoom = _view(pts)
    fig.update_layout(map=dict(style="white-bg", center=center, zoom=zoom))
    fig = _layout(fig, height=520)
    fig.update_layout(showlegend=True, legend=dict(orientation="h", y=1.02, x=0))
    return fig


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
