"""The HTML preview of a bar chart (charts.preview): the same bars, in the same order, colours
and amounts as the Plotly figure it stands in for while Plotly's code loads."""
from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import charts

TOTALS = pd.DataFrame({"label": ["Chengdu", "Harbin", "<b>Evil</b> & Co"], "total_cny": [30e9, 15e9, 0.0],
                       "records": [3, 2, 1], "articles": [2, 1, 1]})
PARTS = pd.DataFrame({"label": ["Chengdu", "Chengdu", "Harbin"], "part": ["signed", "listed", "listed"],
                      "total_cny": [20e9, 10e9, 15e9], "records": [2, 1, 2], "articles": [1, 1, 1]})


def rows(out: str) -> list[tuple[str, float, str]]:
    """(label, bar width in %, amount at its end) of each row of a preview, top first."""
    return [(label, float(width), end) for label, width, end in re.findall(
        r'<div class="cp-label">(.*?)</div><div class="cp-track"><span class="cp-bar" style="width:([\d.]+)%">'
        r'.*?<span class="cp-end">(.*?)</span>', out)]


def test_plain_bars_biggest_on_top_with_their_amounts():
    out = charts.preview(charts.totals_bar(TOTALS))
    assert rows(out) == [("Chengdu", 95.2, "¥30 bn"), ("Harbin", 47.6, "¥15 bn"),
                         ("&lt;b&gt;Evil&lt;/b&gt; &amp; Co", 0.0, "¥0")]
    assert "<b>" not in out  # a label is text, never markup
    assert out.startswith('<div class="chart-preview" style="height:')


def test_the_chosen_bar_stays_dark_and_the_others_pale():
    out = charts.preview(charts.totals_bar(TOTALS, selected="Harbin"))
    colours = re.findall(r"background:(#\w+)", out)
    assert colours == [charts.PALE, charts.BLUE]  # Chengdu, Harbin (a ¥0 bar has no segment)


def test_stacked_bars_keep_their_parts_and_totals():
    out = charts.preview(charts.stacked_bar(PARTS, currency="USD", selected="Chengdu"))
    assert [(label, end) for label, _, end in rows(out)] == [("Chengdu", "USD 30 bn"), ("Harbin", "USD 15 bn")]
    chengdu, harbin = out.split('class="cp-label">')[1:]
    assert re.findall(r"background:(#\w+);opacity:([\d.]+)", chengdu) == [
        (charts.PART_COLORS["signed"], "1"), (charts.PART_COLORS["listed"], "1")]
    assert re.findall(r"opacity:([\d.]+)", harbin) == ["0.45"]  # not the chosen bar
    assert "USD billion" in out


def test_meeting_mode_previews_the_bigger_chart():
    fig = charts.enlarge(charts.totals_bar(TOTALS))
    assert f'height:{fig.layout.height}px' in charts.preview(fig)


@pytest.mark.parametrize("fig", [
    charts.stacked_bar(PARTS, horizontal=False),  # upright bars: left to Plotly
    go.Figure(go.Scatter(x=[1], y=[2])),
    go.Figure(),
], ids=["upright", "scatter", "empty"])
def test_other_figures_have_no_preview(fig):
    assert charts.preview(fig) is None
