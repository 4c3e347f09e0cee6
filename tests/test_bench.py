"""The benchmark's small run: the project's query layer, the pandas way and the floor
(the simplest DuckDB query) give the same answers on every page query and view.
Only agreement is asserted; the times it prints are not."""
from __future__ import annotations

import re

from dashboard import bench


def test_quick_run_agrees_three_ways(capsys):
    assert bench.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "all three ways agree" in out and "DISAGREE" not in out
    rows = [line for line in out.splitlines() if line.rstrip().endswith(("yes", "NO"))]
    views = {name for name in bench.VIEWS}
    assert {v for line in rows for v in views if f" {v} " in line} == views  # every view measured
    summary = out.strip().splitlines()[-1]
    assert re.fullmatch(r"summary: pandas_ratio=\S+ floor_ratio=\S+ query_p95_ms=\S+ first_load_s=\S+ "
                        r"filter_p95_s=\S+ sessions20_p95_s=\S+ rss_mb=\S+ ingest_10k_s=\S+", summary)


def test_percentiles():
    assert bench.p50([3.0, 1.0, 2.0]) == 2.0
    assert bench.p95(list(map(float, range(1, 101)))) == 95.0
    assert bench.p95([5.0, 1.0]) == 5.0
    assert round(bench.geomean([1.0, 100.0]), 6) == 10.0
