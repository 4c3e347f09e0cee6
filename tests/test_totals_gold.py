"""The dashboard's totals on the shipped seed articles equal the gold totals (skipped without ../shared).

End to end: the real extractor, the real ingest into a DuckDB file, the query layer's totals.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED_EXTRACTION, needs_gold
from dashboard import query, store
from dashboard.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
pytestmark = needs_gold


@pytest.mark.parametrize("scope", ["all", "committed", "plans"])
def test_city_totals_on_the_dashboard_match_the_gold(gold_scorer, tmp_path, scope):
    # each scope too: a status read wrong moves money between the committed headline and the plans beside it
    from dashboard.filters import SCOPES
    gold_records = gold_scorer.load(str(SHARED_EXTRACTION / "gold" / "seeds.jsonl"))
    if SCOPES[scope]:
        gold_records = [r for r in gold_records if r.get("status") in SCOPES[scope]]
    gold = {k: v for k, v in gold_scorer.totals(
        gold_records, lambda r: r.get("city") or f"{r.get('province')} (province-wide)").items() if v}
    seeds = [p for p in (ROOT / "data" / "articles").iterdir() if p.name[:3].isdigit()]
    db = str(tmp_path / "seeds.duckdb")
    store.ingest(seeds, db)
    con = store.connect(db)
    try:
        shown = query.totals_by(con, Filters(scope=scope), "city")
    finally:
        con.close()
    shown = {row.label: row.total_cny for row in shown.itertuples() if row.total_cny}
    assert set(shown) == set(gold)
    for city, total in gold.items():
        assert shown[city] == pytest.approx(total, rel=0.02), city
